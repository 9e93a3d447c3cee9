// memory/memory_types: the requests and results of the memory service, in
// domain terms (already decoded from JSON by http/, not yet validated).
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "retrieval/scored_item.hpp"
#include "store/memory_item.hpp"

namespace hirag::memory {

using store::Level;
using store::MemoryItem;

// Counts the tokens of a text (the exact tokenizer once it is wired; see open_memory_service).
using TokenCountFn = std::function<size_t(std::string_view)>;

inline constexpr std::string_view kDefaultNamespace = "default";

struct NewItem {
  std::string text;
  std::optional<Level> level;  // default ShortTerm
  std::string name_space = std::string(kDefaultNamespace);
  boost::json::object metadata;
  std::optional<int64_t> created_at_ms;  // default now
  std::optional<std::string> session_id;
  std::string source = "note";
  // A text over memory.max_text_bytes is stored as linked parts (memory/text_split)
  // instead of being refused.
  bool split_long_text = false;
};

// The ids one new item was stored under: its own, or each part's in order when
// its text was split (the first part's id is the "of" of every part).
using StoredIds = std::vector<std::string>;

struct SearchRequest {
  std::string query;
  std::string name_space = std::string(kDefaultNamespace);
  std::optional<int64_t> top_k;
  std::optional<int64_t> max_tokens;
  std::vector<Level> levels;    // empty = all
  boost::json::object filters;  // metadata key == value
  std::optional<std::string> session_id;
  std::optional<int64_t> created_after_ms;
  std::optional<int64_t> created_before_ms;
  bool explain = false;
  // False: the results are not counted as retrievals (access counts, promotion and
  // the frequency part of later ranks stay as they were), for searches that look
  // at memory without using it: evaluations, a console, explain.
  bool record_access = true;
  // Overrides retrieval.mode (benchmarks; not exposed over HTTP). Vector candidates
  // exist only when the configured mode keeps a vector index (hybrid, vector).
  std::optional<std::string> mode;
};

using retrieval::ScoreParts;
using retrieval::ScoredItem;

struct SearchResult {
  std::vector<ScoredItem> items;  // best first
  int64_t total_tokens = 0;
  double retrieval_time_ms = 0;
  size_t total_searched = 0;  // candidates considered
  size_t cache_hits = 0;      // results served from working memory (Immediate)
};

struct ListQuery {
  std::string name_space = std::string(kDefaultNamespace);
  std::optional<Level> level;
  std::optional<int64_t> limit;
  std::optional<std::string> cursor;
};

struct ListResult {
  std::vector<MemoryItem> items;
  std::optional<std::string> next_cursor;
};

struct ItemUpdate {
  std::optional<std::string> text;
  std::optional<boost::json::object> metadata;  // merged into the existing object; null values remove keys
};

}  // namespace hirag::memory
