// retrieval/item_facts: what ranking and filtering know of an item without
// reading its row (level, creation and expiry time, token count, retrieval
// count, session). memory/item_catalog holds one per item; retrieval/ only
// reads them.
#pragma once

#include <cstdint>
#include <limits>
#include <string_view>

#include "store/memory_item.hpp"

namespace hirag::retrieval {

struct ItemFacts {
  static constexpr int64_t kNever = std::numeric_limits<int64_t>::max();

  int64_t created_at_ms = 0;
  int64_t expires_at_ms = kNever;
  uint64_t session_hash = 0;  // 0: no session
  int64_t token_count = 0;
  // Retrievals, including those not yet flushed to the store. Inside the catalog
  // it is counted up under the shared lock, so it is only read through
  // std::atomic_ref there.
  int64_t access_count = 0;
  store::Level level = store::Level::ShortTerm;

  static ItemFacts of(const store::MemoryItem& item);
  // Non-zero; equal session ids hash equally (callers confirm on the full row).
  static uint64_t session_key(std::string_view session_id);
};

}  // namespace hirag::retrieval
