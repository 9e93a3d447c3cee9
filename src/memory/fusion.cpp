#include "memory/fusion.hpp"

#include <algorithm>
#include <boost/unordered/unordered_flat_map.hpp>

namespace hirag::memory {

std::vector<FusedCandidate> fuse_ranked(const RankedList& text, const RankedList& vector) {
  boost::unordered_flat_map<int64_t, FusedCandidate> by_seq;
  double best_possible = 0;
  const auto add = [&](const RankedList& list, bool is_text) {
    if (list.seqs.empty()) return;
    best_possible += list.weight;
    const double top = std::max(list.scores.front(), 1e-9);
    for (size_t i = 0; i < list.seqs.size(); ++i) {
      auto& candidate = by_seq[list.seqs[i]];
      candidate.seq = list.seqs[i];
      candidate.similarity += list.weight * std::max(list.scores[i], 0.0) / top;
      (is_text ? candidate.text_rank : candidate.vector_rank) = i + 1;
    }
  };
  add(text, true);
  add(vector, false);
  std::vector<FusedCandidate> fused;
  fused.reserve(by_seq.size());
  for (auto& [seq, candidate] : by_seq) {
    candidate.similarity /= best_possible;
    fused.push_back(candidate);
  }
  std::sort(fused.begin(), fused.end(), [](const FusedCandidate& a, const FusedCandidate& b) {
    return a.similarity != b.similarity ? a.similarity > b.similarity : a.seq < b.seq;
  });
  return fused;
}

}  // namespace hirag::memory
