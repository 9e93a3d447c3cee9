// memory/access_tracker: retrievals counted in memory so that a read never
// writes; a periodic job (memory.access_flush_secs) and shutdown flush the counts
// to the store in transactions of a few hundred, which also promote ShortTerm
// items that reached the promotion threshold. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <span>
#include <boost/unordered/unordered_flat_map.hpp>
#include <vector>

#include "store/item_store.hpp"

namespace hirag::memory {

class AccessTracker {
 public:
  // One retrieval of each seq (one lock for a whole search's results).
  void record(std::span<const int64_t> seqs, int64_t now_ms);
  // Takes everything recorded so far, in seq order (the caller writes it).
  std::vector<store::AccessDelta> drain();
  // Puts back deltas whose write failed, so they are retried.
  void restore(const std::vector<store::AccessDelta>& deltas);
  // Drops what is pending for a deleted item, so that SQLite handing its seq to
  // a new item does not pass the old item's hits on.
  void forget(int64_t seq);

 private:
  void merge(const store::AccessDelta& delta);  // caller holds mutex_

  std::mutex mutex_;
  boost::unordered_flat_map<int64_t, store::AccessDelta> pending_;
};

}  // namespace hirag::memory
