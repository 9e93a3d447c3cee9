#include "memory/row_cache.hpp"

#include <algorithm>

namespace hirag::memory {
namespace {

// What an entry costs: the row, its strings' heap, the list node and the map slot.
size_t row_bytes(const store::MemoryItem& item) {
  size_t bytes = sizeof(store::MemoryItem) + 2 * sizeof(void*) + sizeof(int64_t) + sizeof(void*);
  for (const std::string* text : {&item.id, &item.tenant, &item.name_space, &item.text, &item.metadata_json,
                                  &item.source}) {
    bytes += text->capacity();
  }
  if (item.session_id) bytes += item.session_id->capacity();
  return bytes;
}

}  // namespace

RowCache::RowCache(size_t max_bytes) : shard_budget_(max_bytes / kShards) {}

std::optional<store::MemoryItem> RowCache::find(int64_t seq) {
  auto& shard = shard_of(seq);
  std::lock_guard lock(shard.mutex);
  auto found = shard.by_seq.find(seq);
  if (found == shard.by_seq.end()) return std::nullopt;
  shard.rows.splice(shard.rows.begin(), shard.rows, found->second);
  return *found->second;
}

void RowCache::put(const store::MemoryItem& item, uint64_t generation) {
  if (shard_budget_ == 0 || generation_.load() != generation) return;
  store::MemoryItem row = item;
  row.embedding = {};
  const size_t bytes = row_bytes(row);
  if (bytes > shard_budget_) return;
  auto& shard = shard_of(item.seq);
  std::lock_guard lock(shard.mutex);
  // Checked again under the lock: an invalidation raises the generation before it
  // takes this lock, so it either stops this put or removes what it adds.
  if (generation_.load() != generation) return;
  if (auto found = shard.by_seq.find(item.seq); found != shard.by_seq.end()) erase_locked(shard, found->second);
  while (!shard.rows.empty() && shard.bytes + bytes > shard_budget_) erase_locked(shard, std::prev(shard.rows.end()));
  shard.rows.push_front(std::move(row));
  shard.by_seq.emplace(item.seq, shard.rows.begin());
  shard.bytes += bytes;
}

void RowCache::erase_locked(Shard& shard, std::list<store::MemoryItem>::iterator row) {
  shard.bytes -= row_bytes(*row);
  shard.by_seq.erase(row->seq);
  shard.rows.erase(row);
}

void RowCache::erase(int64_t seq) {
  ++generation_;
  auto& shard = shard_of(seq);
  std::lock_guard lock(shard.mutex);
  if (auto found = shard.by_seq.find(seq); found != shard.by_seq.end()) erase_locked(shard, found->second);
}

void RowCache::clear() {
  ++generation_;
  for (auto& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    shard.by_seq.clear();
    shard.rows.clear();
    shard.bytes = 0;
  }
}

template <class Update>
void RowCache::update_cached(int64_t seq, Update update) {
  auto& shard = shard_of(seq);
  std::lock_guard lock(shard.mutex);
  if (auto found = shard.by_seq.find(seq); found != shard.by_seq.end()) update(*found->second);
}

void RowCache::set_levels(std::span<const store::LevelChange> changes) {
  if (changes.empty()) return;  // a new generation would refuse the rows being read meanwhile
  ++generation_;
  for (const auto& change : changes) {
    update_cached(change.seq, [&](store::MemoryItem& row) {
      row.level = change.level;
      row.expires_at_ms = change.expires_at_ms;
    });
  }
}

void RowCache::add_access(std::span<const store::AccessDelta> deltas) {
  if (deltas.empty()) return;  // as in set_levels
  ++generation_;
  for (const auto& delta : deltas) {
    update_cached(delta.seq, [&](store::MemoryItem& row) {
      row.access_count += delta.hits;
      row.last_accessed_at_ms = std::max(row.last_accessed_at_ms.value_or(0), delta.last_accessed_at_ms);
    });
  }
}

size_t RowCache::bytes() const {
  size_t total = 0;
  for (const auto& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    total += shard.bytes;
  }
  return total;
}

}  // namespace hirag::memory
