// retrieval/filters: which candidates a search may return. Most filters are
// decided on an item's facts (retrieval/item_facts) before anything is read; the
// exact session id and the metadata filters only on the row itself.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "retrieval/item_facts.hpp"
#include "store/memory_item.hpp"

namespace hirag::retrieval {

// A search's filters, as views of its request (which must outlive them).
struct Filters {
  std::span<const store::Level> levels;       // empty: every level
  std::optional<std::string_view> session_id;  // only items of this session
  uint64_t session_key = 0;                    // ItemFacts::session_key(*session_id); 0 without one
  std::optional<int64_t> created_after_ms;     // inclusive
  std::optional<int64_t> created_before_ms;    // inclusive
  const boost::json::object* metadata = nullptr;  // key == value for every entry; null: none

  bool has_metadata() const { return metadata != nullptr && !metadata->empty(); }
};

// The filters the facts can decide: not expired at now_ms, level, creation
// time, and the session by its hash (a collision is caught by row_matches).
bool facts_match(const ItemFacts& facts, const Filters& filters, int64_t now_ms);
// True when the stored metadata (a JSON object) has every key of `filters` with
// an equal value; false when it does not parse as an object.
bool metadata_matches(std::string_view metadata_json, const boost::json::object& filters);
// Every filter, on the row as read: facts_match, the exact session id and the metadata.
bool row_matches(const store::MemoryItem& item, const Filters& filters, int64_t now_ms);

}  // namespace hirag::retrieval
