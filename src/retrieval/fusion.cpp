#include "retrieval/fusion.hpp"

#include <algorithm>
#include <boost/unordered/unordered_flat_map.hpp>

namespace hirag::retrieval {

std::vector<FusedCandidate> fuse_ranked(const RankedList& text, const RankedList& vector) {
  const bool both = !text.seqs.empty() && !vector.seqs.empty();
  const double best_possible = (text.seqs.empty() ? 0 : text.weight) + (vector.seqs.empty() ? 0 : vector.weight);
  std::vector<FusedCandidate> fused;
  fused.reserve(text.seqs.size() + vector.seqs.size());
  // Where each item is in `fused`: needed only to merge two lists (a list names an item once).
  boost::unordered_flat_map<int64_t, size_t> position;
  const auto add = [&](const RankedList& list, bool is_text) {
    if (list.seqs.empty()) return;
    const double top = std::max(list.scores.front(), 1e-9);
    for (size_t i = 0; i < list.seqs.size(); ++i) {
      size_t at = fused.size();
      if (both) at = position.try_emplace(list.seqs[i], fused.size()).first->second;
      if (at == fused.size()) fused.emplace_back().seq = list.seqs[i];
      auto& candidate = fused[at];
      candidate.similarity += list.weight * std::max(list.scores[i], 0.0) / top;
      (is_text ? candidate.text_rank : candidate.vector_rank) = i + 1;
    }
  };
  add(text, true);
  add(vector, false);
  for (auto& candidate : fused) candidate.similarity /= best_possible;
  std::sort(fused.begin(), fused.end(), [](const FusedCandidate& a, const FusedCandidate& b) {
    return a.similarity != b.similarity ? a.similarity > b.similarity : a.seq < b.seq;
  });
  return fused;
}

}  // namespace hirag::retrieval
