// memory/fusion: merges the ranked candidate lists of the retrievers (full text,
// vector) into one list with a similarity in [0, 1], by reciprocal rank fusion:
// sum of weight / (k + rank), divided by the best possible sum.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace hirag::memory {

struct RankedList {
  std::vector<int64_t> seqs;  // best first
  double weight = 1.0;
};

struct FusedCandidate {
  int64_t seq = 0;
  double similarity = 0;  // in [0, 1]
  std::optional<size_t> text_rank;
  std::optional<size_t> vector_rank;
};

inline constexpr double kRrfK = 60.0;

// text and vector are either list (empty when that retriever is off). Best first.
std::vector<FusedCandidate> fuse_ranked(const RankedList& text, const RankedList& vector, double k = kRrfK);

}  // namespace hirag::memory
