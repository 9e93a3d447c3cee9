#include "retrieval/neighbours.hpp"

#include <algorithm>
#include <boost/unordered/unordered_flat_map.hpp>

namespace hirag::retrieval {

void add_neighbours(std::vector<FusedCandidate>& fused, double weight, size_t sources,
                    const NeighbourLookup& neighbours, const SessionLookup& sessions) {
  const size_t count = std::min(sources, fused.size());
  if (weight <= 0 || count == 0) return;
  std::vector<int64_t> source_seqs;
  source_seqs.reserve(count);
  for (size_t i = 0; i < count; ++i) source_seqs.push_back(fused[i].seq);
  const auto found = neighbours(source_seqs);
  // The sources, then every source's neighbours in order: their sessions in one lookup.
  std::vector<int64_t> involved = source_seqs;
  for (const auto& list : found) involved.insert(involved.end(), list.begin(), list.end());
  const auto session = sessions(involved);
  size_t next = count;
  boost::unordered_flat_map<int64_t, size_t> position;
  position.reserve(fused.size() + 2 * count);
  for (size_t i = 0; i < fused.size(); ++i) position.emplace(fused[i].seq, i);
  for (size_t i = 0; i < count; ++i) {
    const double lent = weight * fused[i].similarity;
    const int64_t source = fused[i].seq;
    for (int64_t neighbour : found[i]) {
      const auto& theirs = session[next++];
      if (!session[i] || !theirs || *theirs != *session[i]) continue;
      auto [entry, inserted] = position.try_emplace(neighbour, fused.size());
      if (inserted) {
        FusedCandidate candidate;
        candidate.seq = neighbour;
        candidate.similarity = lent;
        candidate.neighbour_of = source;
        fused.push_back(candidate);
      } else if (fused[entry->second].similarity < lent) {
        fused[entry->second].similarity = lent;
        fused[entry->second].neighbour_of = source;
      }
    }
  }
}

}  // namespace hirag::retrieval
