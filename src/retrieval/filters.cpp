#include "retrieval/filters.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>

namespace hirag::retrieval {

bool facts_match(const ItemFacts& facts, const Filters& filters, int64_t now_ms) {
  if (facts.expires_at_ms <= now_ms) return false;
  if (!filters.levels.empty() &&
      std::find(filters.levels.begin(), filters.levels.end(), facts.level) == filters.levels.end()) {
    return false;
  }
  if (filters.session_id && facts.session_hash != filters.session_key) return false;
  if (filters.created_after_ms && facts.created_at_ms < *filters.created_after_ms) return false;
  if (filters.created_before_ms && facts.created_at_ms > *filters.created_before_ms) return false;
  return true;
}

bool metadata_matches(std::string_view metadata_json, const boost::json::object& filters) {
  boost::system::error_code ec;
  const auto parsed = boost::json::parse(metadata_json, ec);
  if (ec || !parsed.is_object()) return false;
  const auto& metadata = parsed.get_object();
  for (const auto& filter : filters) {
    const auto* value = metadata.if_contains(filter.key());
    if (value == nullptr || *value != filter.value()) return false;
  }
  return true;
}

bool row_matches(const store::MemoryItem& item, const Filters& filters, int64_t now_ms) {
  if (!facts_match(ItemFacts::of(item), filters, now_ms)) return false;
  if (filters.session_id && item.session_id != *filters.session_id) return false;
  return !filters.has_metadata() || metadata_matches(item.metadata_json, *filters.metadata);
}

}  // namespace hirag::retrieval
