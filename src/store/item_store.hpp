// store/item_store: the system of record for memory items, as memory/ sees it.
// Backend-neutral (SQLite now, PostgreSQL later): no SQL or engine types here.
// Every operation is scoped by tenant; no call can read or change another
// tenant's rows. Writes return only after they are durably committed; a batch is
// one transaction (all or nothing). Implementations are thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/memory_item.hpp"

namespace hirag::store {

// Level bookkeeping done inside the insert transaction.
struct InsertPolicy {
  int64_t immediate_capacity = 10;                // newest N Immediate items kept per namespace
  std::optional<int64_t> demoted_expires_at_ms;   // expiry given to items demoted to ShortTerm
};

// An item's level and expiry after the store changed them (a demotion out of
// Immediate, a promotion to LongTerm).
struct LevelChange {
  int64_t seq = 0;
  Level level = Level::ShortTerm;
  std::optional<int64_t> expires_at_ms;
};

struct ListRequest {
  std::string tenant;
  std::string name_space;
  std::optional<Level> level;
  int64_t after_seq = 0;  // keyset cursor: items with a larger seq
  size_t limit = 100;
};

struct ListPage {
  std::vector<MemoryItem> items;
  std::optional<int64_t> next_after_seq;  // set when more items may follow
};

struct ItemPatch {
  std::optional<std::string> text;
  std::optional<int64_t> token_count;
  std::optional<std::vector<float>> embedding;
  std::optional<std::string> metadata_json;  // the merged object, replacing the old one
};

// Accumulated retrievals of one item since the last flush.
struct AccessDelta {
  int64_t seq = 0;
  int64_t hits = 0;
  int64_t last_accessed_at_ms = 0;
  bool short_term = false;  // the item is ShortTerm: these hits may promote it
};

struct PromotionPolicy {
  int64_t promote_after_hits = 3;                  // ShortTerm items with this many hits become LongTerm
  std::optional<int64_t> long_term_expires_at_ms;  // expiry of promoted items
};

// An item changed after a given point of the change log: its key, and its row
// as it is now (nullopt when it was deleted, or its seq now names an item of
// another namespace, which has a change of its own).
struct ItemChange {
  ItemKey key;
  std::optional<MemoryItem> row;
};

class ItemStore {
 public:
  virtual ~ItemStore() = default;

  // Inserts all items in one transaction; fills in each item's seq. Returns the
  // older Immediate items that the policy demoted.
  virtual Result<std::vector<LevelChange>> insert(std::vector<MemoryItem>& items, const InsertPolicy& policy) = 0;
  // One item with its embedding; nullopt when absent or owned by another tenant.
  virtual Result<std::optional<MemoryItem>> get(const std::string& tenant, const std::string& id) = 0;
  // Items by seq (without embeddings), in the order given; unknown seqs are skipped.
  virtual Result<std::vector<MemoryItem>> fetch(const std::string& tenant, std::span<const int64_t> seqs) = 0;
  virtual Result<ListPage> list(const ListRequest& request) = 0;
  // Applies the patch; NOT_FOUND when absent or another tenant's. Returns the new row.
  virtual Result<MemoryItem> update(const std::string& tenant, const std::string& id, const ItemPatch& patch) = 0;
  // The removed item's key; nullopt when absent or another tenant's.
  virtual Result<std::optional<ItemKey>> remove(const std::string& tenant, const std::string& id) = 0;
  // Removes a namespace's items (of one level, or all); returns their keys.
  virtual Result<std::vector<ItemKey>> clear(const std::string& tenant, const std::string& name_space,
                                             std::optional<Level> level) = 0;
  // Removes up to `limit` items whose expiry is at or before now_ms, in one transaction.
  virtual Result<std::vector<ItemKey>> delete_expired(int64_t now_ms, size_t limit) = 0;
  // Adds the access counts of live items (the caller drops deleted ones: a count
  // row is not checked against the item table, which a flush would otherwise read
  // at random) and promotes the items marked short_term that reached the
  // threshold and are still ShortTerm; returns the items it promoted. Deltas in
  // seq order write the fewest pages (any order is correct).
  virtual Result<std::vector<LevelChange>> record_access(const std::vector<AccessDelta>& deltas,
                                                         const PromotionPolicy& policy) = 0;
  // Items per level over all tenants (for the gauge).
  virtual Result<std::map<Level, int64_t>> count_by_level() = 0;

  // Streams every item's key and embedding (start-up index load).
  using EmbeddingVisitor = std::function<void(const ItemKey&, std::span<const float>)>;
  virtual Status scan_embeddings(const EmbeddingVisitor& visit) = 0;
  // Streams the seq and access count of every item retrieved at least once
  // (start-up: an index snapshot's counts can be older than the store's).
  using AccessCountVisitor = std::function<void(int64_t seq, int64_t access_count)>;
  virtual Status scan_access_counts(const AccessCountVisitor& visit) = 0;
  // Items with seq > after_seq in seq order, at most `limit` (re-embedding).
  virtual Result<std::vector<MemoryItem>> scan_items(int64_t after_seq, size_t limit) = 0;
  // Replaces embeddings in one transaction.
  virtual Status set_embeddings(const std::vector<std::pair<int64_t, std::vector<float>>>& embeddings) = 0;

  // The change log: every insert, update and delete of an item is numbered, in
  // commit order (what an index snapshot is replayed from).
  // The number of the newest change (0 before the first).
  virtual Result<int64_t> last_change() = 0;
  // Each item changed after `after_change`, once per namespace it was in,
  // ordered by its latest change; nullopt when that is more than `limit` items.
  virtual Result<std::optional<std::vector<ItemChange>>> changes_since(int64_t after_change, size_t limit) = 0;
  // Sets the meta key and drops the log up to `through`, in one transaction.
  virtual Status forget_changes(int64_t through, const std::string& meta_key, const std::string& meta_value) = 0;

  // Small key/value settings of the data dir (e.g. the embedder's model id).
  virtual Result<std::optional<std::string>> get_meta(const std::string& key) = 0;
  virtual Status set_meta(const std::string& key, const std::string& value) = 0;
  // A cheap round trip, for health checks.
  virtual Status ping() = 0;
};

}  // namespace hirag::store
