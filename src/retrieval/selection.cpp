#include "retrieval/selection.hpp"

#include <algorithm>

namespace hirag::retrieval {

// Reads the best ranked candidates page by page until top_k are taken. A page
// holds what would be returned if every row is as the facts say, so usually
// one read of top_k rows does; with metadata filters, which only the row can
// decide, the page is everything left. A row is taken only if it still passes
// every filter and fits the token budget (a budget miss is skipped, not an end).
Result<Selection> select_results(std::span<const RankedCandidate> ranked, const Filters& filters, size_t top_k,
                                 std::optional<int64_t> max_tokens, int64_t now_ms, const FetchRowsFn& fetch) {
  const bool metadata_filtered = filters.has_metadata();
  Selection selection;
  selection.items.reserve(std::min(top_k, ranked.size()));
  size_t next = 0;
  while (selection.items.size() < top_k && next < ranked.size()) {
    std::vector<size_t> page;
    std::vector<int64_t> seqs;
    int64_t planned_tokens = selection.total_tokens;
    for (; next < ranked.size() && (metadata_filtered || selection.items.size() + page.size() < top_k); ++next) {
      if (max_tokens && planned_tokens + ranked[next].token_count > *max_tokens) {
        selection.over_budget = true;
        continue;
      }
      if (!metadata_filtered) planned_tokens += ranked[next].token_count;
      page.push_back(next);
      seqs.push_back(ranked[next].seq);
    }
    auto items = fetch(seqs);
    if (!items) return std::move(items).error();
    size_t position = 0;
    for (auto& item : *items) {
      while (ranked[page[position]].seq != item.seq) ++position;  // fetch keeps the order and skips missing rows
      const auto& candidate = ranked[page[position]];
      if (selection.items.size() >= top_k) break;
      if (!row_matches(item, filters, now_ms)) continue;
      if (max_tokens && selection.total_tokens + item.token_count > *max_tokens) {
        selection.over_budget = true;
        continue;
      }
      selection.total_tokens += item.token_count;
      selection.items.push_back(ScoredItem{std::move(item), candidate.score, candidate.parts});
    }
  }
  return selection;
}

}  // namespace hirag::retrieval
