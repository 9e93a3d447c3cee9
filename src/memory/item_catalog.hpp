// memory/item_catalog: what ranking and filtering need to know of every item
// (retrieval/item_facts: level, creation and expiry time, token count, retrieval
// count, session), held in memory so that a search ranks and filters its
// candidates without reading them and reads from the store only the rows it
// returns. A cache of the ItemStore like the indexes: filled at start-up and
// kept in step by MemoryService after each commit (inserts, demotions,
// promotions, updates, removals). Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <span>
#include <utility>
#include <boost/unordered/unordered_flat_map.hpp>
#include <vector>

#include "retrieval/item_facts.hpp"
#include "store/item_store.hpp"
#include "store/snapshot/binary_file.hpp"

namespace hirag::memory {

using retrieval::ItemFacts;

class ItemCatalog {
 public:
  // Adds or replaces an item's facts (keeping the larger access count).
  void put(const store::MemoryItem& item);
  void remove(int64_t seq);
  void clear();
  // Demotions and promotions the store made, under one lock (an access flush
  // reports every item it touched).
  void set_levels(std::span<const store::LevelChange> changes);
  // The deltas of items still in the catalog, each marked short_term if it is
  // (what a flush may write and promote; exact while writes are ordered).
  std::vector<store::AccessDelta> live_deltas(std::span<const store::AccessDelta> deltas) const;
  // Raises retrieval counts to the given ones where those are higher (seq, count).
  void raise_access_counts(std::span<const std::pair<int64_t, int64_t>> counts);
  // One retrieval of each seq. Takes the lock shared and counts atomically, so
  // that it never waits for (or blocks) the lookups of other searches.
  void add_hits(std::span<const int64_t> seqs);
  // The facts of each seq, in order (nullopt for an unknown seq), under one lock.
  std::vector<std::optional<ItemFacts>> lookup(std::span<const int64_t> seqs) const;
  size_t size() const;

  // Every item's facts into a snapshot, and back into an empty catalog (the
  // reader fails on anything malformed).
  void save(store::snapshot::BinaryFileWriter& out) const;
  void load(store::snapshot::BinaryFileReader& in);

 private:
  mutable std::shared_mutex mutex_;
  boost::unordered_flat_map<int64_t, ItemFacts> facts_;
};

}  // namespace hirag::memory
