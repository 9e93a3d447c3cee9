// retrieval/fusion: merges the ranked candidate lists of the retrievers (full text,
// vector) into one list with a similarity in [0, 1]: a weighted mean of each
// list's scores divided by that list's best score (0 where a list lacks the item).
// Measured on LoCoMo against reciprocal rank fusion, which compresses the spread
// of similarities so much that recency/level/frequency reorder the top results.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace hirag::retrieval {

struct RankedList {
  std::vector<int64_t> seqs;   // best first
  std::vector<double> scores;  // same order, higher is better, >= 0
  double weight = 1.0;
};

struct FusedCandidate {
  int64_t seq = 0;
  double similarity = 0;  // in [0, 1]
  std::optional<size_t> text_rank;
  std::optional<size_t> vector_rank;
  std::optional<int64_t> neighbour_of;  // the match whose neighbour gave the similarity (retrieval/neighbours)
};

// text and vector are either list (empty when that retriever is off). Best first.
std::vector<FusedCandidate> fuse_ranked(const RankedList& text, const RankedList& vector);

}  // namespace hirag::retrieval
