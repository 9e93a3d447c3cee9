// retrieval/scored_item: a search result with its score and how that score was
// made (returned with "explain": true).
#pragma once

#include <cstddef>
#include <optional>

#include "store/memory_item.hpp"

namespace hirag::retrieval {

// The parts of a composite score (retrieval/ranking), each in [0, 1].
struct ScoreParts {
  double similarity = 0;  // fused retriever score normalised to [0, 1]
  double recency = 0;
  double level = 0;
  double frequency = 0;
  std::optional<size_t> text_rank;    // 1-based rank in the full-text list
  std::optional<size_t> vector_rank;  // 1-based rank in the vector list
  bool via_neighbour = false;  // similarity lent by a best match stored next to it (retrieval/neighbours)
};

struct ScoredItem {
  store::MemoryItem item;
  double score = 0;
  ScoreParts parts;
};

}  // namespace hirag::retrieval
