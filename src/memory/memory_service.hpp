// memory/memory_service: the hierarchical memory. Owns the write path (validate,
// count tokens, embed, commit, then index), the indexes, catalog and row cache
// that searches read, and orchestrates retrieval/ over them (query analysis,
// candidates, ranking from the in-memory catalog, selection that reads only the
// returned rows), level rules (Immediate capacity with demotion, TTLs,
// promotion after repeated hits) and the background sweeper. Everything is
// scoped by the caller's tenant. Thread-safe. It knows the ItemStore and
// VectorIndex interfaces, never SQL or HTTP.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/result.hpp"
#include "embed/embedder.hpp"
#include "memory/access_tracker.hpp"
#include "memory/item_catalog.hpp"
#include "memory/memory_types.hpp"
#include "memory/periodic_jobs.hpp"
#include "memory/row_cache.hpp"
#include "store/item_store.hpp"
#include "store/text/text_index.hpp"
#include "store/vector/vector_index.hpp"

namespace hirag::memory {

class MemoryService {
 public:
  MemoryService(const Config& config, std::unique_ptr<store::ItemStore> store,
                std::shared_ptr<embed::Embedder> embedder, TokenCountFn count_tokens);
  ~MemoryService();  // shutdown()
  MemoryService(const MemoryService&) = delete;
  MemoryService& operator=(const MemoryService&) = delete;

  // Fills the indexes and the catalog (from the index snapshot and the changes
  // since, or else from every row) and starts the background jobs; ready() after.
  Status load();
  bool ready() const { return ready_.load(); }
  // Stops the background jobs, flushes access counts and writes an index
  // snapshot (idempotent).
  void shutdown();

  // Stores the items in one transaction or none, each under one id or, when its
  // text was split, one per part. Errors name items[i].field in a batch, the bare
  // field otherwise (one item).
  Result<std::vector<StoredIds>> store_items(const std::string& tenant, std::vector<NewItem> items, bool batch);
  // store_items of one item, or a batch; the id of each item (of its first part).
  Result<std::string> add(const std::string& tenant, NewItem item);
  Result<std::vector<std::string>> add_batch(const std::string& tenant, std::vector<NewItem> items);
  Result<SearchResult> search(const std::string& tenant, const SearchRequest& request);
  Result<MemoryItem> get(const std::string& tenant, std::string_view id);
  Result<ListResult> list(const std::string& tenant, const ListQuery& query);
  Result<MemoryItem> update(const std::string& tenant, std::string_view id, const ItemUpdate& update);
  // NOT_FOUND when the id does not exist for this tenant.
  Status remove(const std::string& tenant, std::string_view id);
  // Removes a namespace's items of one level (or all); returns how many.
  Result<size_t> clear(const std::string& tenant, const std::string& name_space, std::optional<Level> level);

  // True when a search may wait on a remote model: the query's vector comes from a
  // remote embedder in hybrid and vector modes (a request may ask for either).
  bool searches_call_remote() const;

  // Maintenance, run by the sweeper (public for tests and shutdown).
  Result<size_t> sweep_expired();
  Status flush_access();
  void refresh_level_gauges();
  // Saves the catalog and full-text index with the change they include (nothing
  // when no change was made since the last one); never before load() finished.
  Status write_snapshot();

  store::vector::VectorIndexStats index_stats() const { return index_.stats(); }
  store::text::TextIndexStats text_index_stats() const { return text_.stats(); }
  store::vector::VectorIndex& index() { return index_; }
  store::ItemStore& item_store() { return *store_; }
  const Config& config() const { return config_; }

 private:
  // The records to insert, each new item's parts in order, and how many records
  // each item became.
  struct Prepared {
    std::vector<store::MemoryItem> records;
    std::vector<size_t> parts;
  };
  Result<Prepared> prepare(const std::string& tenant, std::vector<NewItem>& items, bool batch);
  // The record of one new item (or one part of it) with a new id.
  store::MemoryItem new_record(const std::string& tenant, const NewItem& item, std::string text,
                               embed::Vector vector, int64_t now_ms) const;
  // Checks one new item (field names under `prefix`) and returns its texts: the
  // item's own, or its parts when it is to be split.
  Result<std::vector<std::string_view>> check_item(const std::string& prefix, const NewItem& item) const;
  // Commits prepared records and indexes them; store_op labels the store timing metric.
  Result<std::vector<std::string>> add_batch_records(std::vector<store::MemoryItem>& records, const char* store_op);
  Result<std::vector<embed::Vector>> embed(const std::vector<std::string>& texts, embed::Purpose purpose);
  std::optional<int64_t> expiry_for(Level level, int64_t now_ms) const;
  Status validate_search(const SearchRequest& request) const;
  // The session key (ItemFacts::session_hash) of each seq; nullopt for an unknown one.
  std::vector<std::optional<uint64_t>> sessions_of(std::span<const int64_t> seqs) const;
  // The rows of `seqs` that belong to the tenant, in that order: from the row
  // cache, the rest from the store (and then cached).
  Result<std::vector<MemoryItem>> fetch_rows(const std::string& tenant, const std::vector<int64_t>& seqs);
  void index_item(const MemoryItem& item);
  void unindex_item(const store::ItemKey& key);
  Status load_items();
  // Loads the snapshot the store names and replays the changes since; false
  // (with the reason logged) when there is none that can be used.
  bool restore_snapshot();
  void start_background_jobs();

  const Config config_;
  std::unique_ptr<store::ItemStore> store_;
  std::shared_ptr<embed::Embedder> embedder_;
  TokenCountFn count_tokens_;
  std::string mode_;  // hybrid | bm25 | vector, after resolving "auto"
  bool keeps_vectors_;  // the vector index is kept only when the mode uses it
  store::vector::VectorIndex index_;
  store::text::TextIndex text_;
  ItemCatalog catalog_;
  RowCache rows_;
  AccessTracker access_;
  std::atomic<bool> ready_{false};
  // Held by every write from before its commit until the indexes, catalog and
  // row cache have it, so that memory sees the writes in the order they were
  // committed: SQLite hands the largest seq out again after a delete, and a
  // removal applied after the insert that reused its seq took the new item out
  // of the index. A snapshot holds it while it reads the change number, so the
  // indexes then contain every change up to that number.
  std::mutex write_order_;
  std::mutex snapshot_mutex_;       // one snapshot at a time
  int64_t snapshot_through_ = -1;   // the change the last snapshot written or loaded includes
  std::unique_ptr<PeriodicJobs> jobs_;
};

}  // namespace hirag::memory
