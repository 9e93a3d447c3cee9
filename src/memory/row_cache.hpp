// memory/row_cache: the rows searches return most, kept in memory so that a
// search reads SQLite only for the rows it has not returned lately (a read
// statement cost ~60 µs of a search's ~240 µs of server CPU, in transaction
// set-up and WAL bookkeeping rather than in reading the rows). A cache of the
// ItemStore like the indexes: MemoryService drops an entry whenever its row is
// replaced or deleted, and applies level changes and flushed access counts to
// entries in place, so a hit is the row as stored. A row read from the store is
// cached only if nothing was invalidated while it was being read (a generation
// count), so a read that raced an update cannot cache the old row. Least recently used entries
// go first once the byte budget is reached; sharded by seq so that concurrent
// searches rarely share a lock. Thread-safe.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <span>
#include <boost/unordered/unordered_flat_map.hpp>

#include "store/item_store.hpp"

namespace hirag::memory {

class RowCache {
 public:
  explicit RowCache(size_t max_bytes);

  // The cached row of `seq` (a copy), if any.
  std::optional<store::MemoryItem> find(int64_t seq);
  // Taken before reading rows from the store, and handed to put().
  uint64_t generation() const { return generation_.load(); }
  // Caches a row read from the store (not its embedding) unless an entry was
  // invalidated since `generation` was taken.
  void put(const store::MemoryItem& item, uint64_t generation);
  void erase(int64_t seq);
  void clear();
  // Keeps cached rows as the store now has them.
  void set_levels(std::span<const store::LevelChange> changes);
  void add_access(std::span<const store::AccessDelta> deltas);

  size_t bytes() const;

 private:
  struct Shard {
    mutable std::mutex mutex;
    std::list<store::MemoryItem> rows;  // most recently used first
    boost::unordered_flat_map<int64_t, std::list<store::MemoryItem>::iterator> by_seq;
    size_t bytes = 0;
  };
  static constexpr size_t kShards = 16;

  Shard& shard_of(int64_t seq) { return shards_[static_cast<uint64_t>(seq) % kShards]; }
  void erase_locked(Shard& shard, std::list<store::MemoryItem>::iterator row);
  // Applies `update` to the cached row of `seq`, if any, under its shard's lock.
  template <class Update>
  void update_cached(int64_t seq, Update update);

  size_t shard_budget_;
  std::atomic<uint64_t> generation_{0};  // raised before every invalidation
  std::array<Shard, kShards> shards_;
};

}  // namespace hirag::memory
