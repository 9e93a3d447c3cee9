#include "retrieval/item_facts.hpp"

#include <functional>

namespace hirag::retrieval {

ItemFacts ItemFacts::of(const store::MemoryItem& item) {
  ItemFacts facts;
  facts.created_at_ms = item.created_at_ms;
  facts.expires_at_ms = item.expires_at_ms.value_or(kNever);
  facts.session_hash = item.session_id ? session_key(*item.session_id) : 0;
  facts.token_count = item.token_count;
  facts.access_count = item.access_count;
  facts.level = item.level;
  return facts;
}

uint64_t ItemFacts::session_key(std::string_view session_id) {
  const uint64_t hash = std::hash<std::string_view>{}(session_id);
  return hash == 0 ? 1 : hash;
}

}  // namespace hirag::retrieval
