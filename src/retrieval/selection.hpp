// retrieval/selection: which of the ranked candidates a search returns: the best
// that still pass every filter on their row and fit the token budget, up to
// top_k. Reading the rows is the caller's (memory/ owns the row cache and the
// store); this decides what to read and what to keep.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "core/result.hpp"
#include "retrieval/filters.hpp"
#include "retrieval/ranking.hpp"
#include "retrieval/scored_item.hpp"

namespace hirag::retrieval {

// The rows of `seqs` that still exist, in that order (missing ones skipped).
using FetchRowsFn = std::function<Result<std::vector<store::MemoryItem>>(const std::vector<int64_t>& seqs)>;

struct Selection {
  std::vector<ScoredItem> items;  // best first
  int64_t total_tokens = 0;
  bool over_budget = false;  // the budget left a candidate out: it, not the candidates, bounds the result
};

// `ranked` best first (retrieval/ranking). max_tokens: the budget, if any.
Result<Selection> select_results(std::span<const RankedCandidate> ranked, const Filters& filters, size_t top_k,
                                 std::optional<int64_t> max_tokens, int64_t now_ms, const FetchRowsFn& fetch);

}  // namespace hirag::retrieval
