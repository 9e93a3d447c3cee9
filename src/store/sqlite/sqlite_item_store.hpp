// store/sqlite/sqlite_item_store: ItemStore on the data dir's SQLite file.
// One writer connection behind a mutex (SQLite allows one writer) and a pool of
// read-only connections for concurrent readers (WAL). Full text is indexed in
// memory (store/text), from the rows read at start-up.
#pragma once

#include <memory>
#include <mutex>

#include "store/item_store.hpp"
#include "store/sqlite/connection.hpp"

namespace hirag::store::sqlite {

class SqliteItemStore final : public ItemStore {
 public:
  static Result<std::unique_ptr<SqliteItemStore>> open(const std::string& path, const DatabaseOptions& options,
                                                       size_t read_connections);

  Result<std::vector<LevelChange>> insert(std::vector<MemoryItem>& items, const InsertPolicy& policy) override;
  Result<std::optional<MemoryItem>> get(const std::string& tenant, const std::string& id) override;
  Result<std::vector<MemoryItem>> fetch(const std::string& tenant, std::span<const int64_t> seqs) override;
  Result<ListPage> list(const ListRequest& request) override;
  Result<MemoryItem> update(const std::string& tenant, const std::string& id, const ItemPatch& patch) override;
  Result<std::optional<ItemKey>> remove(const std::string& tenant, const std::string& id) override;
  Result<std::vector<ItemKey>> clear(const std::string& tenant, const std::string& name_space,
                                     std::optional<Level> level) override;
  Result<std::vector<ItemKey>> delete_expired(int64_t now_ms, size_t limit) override;
  Result<std::vector<LevelChange>> record_access(const std::vector<AccessDelta>& deltas,
                                                 const PromotionPolicy& policy) override;
  Result<std::map<Level, int64_t>> count_by_level() override;
  Status scan_embeddings(const EmbeddingVisitor& visit) override;
  Status scan_access_counts(const AccessCountVisitor& visit) override;
  Result<std::vector<MemoryItem>> scan_items(int64_t after_seq, size_t limit) override;
  Result<int64_t> last_change() override;
  Result<std::optional<std::vector<ItemChange>>> changes_since(int64_t after_change, size_t limit) override;
  Status forget_changes(int64_t through, const std::string& meta_key, const std::string& meta_value) override;
  Status set_embeddings(const std::vector<std::pair<int64_t, std::vector<float>>>& embeddings) override;
  Result<std::optional<std::string>> get_meta(const std::string& key) override;
  Status set_meta(const std::string& key, const std::string& value) override;
  Status ping() override;

 private:
  SqliteItemStore(std::unique_ptr<Connection> writer, std::unique_ptr<ReaderPool> readers)
      : writer_(std::move(writer)), readers_(std::move(readers)) {}
  Result<int64_t> scope_id(Connection& connection, const std::string& tenant, const std::string& name_space,
                           bool create);

  std::mutex write_mutex_;
  std::unique_ptr<Connection> writer_;
  std::unique_ptr<ReaderPool> readers_;
};

}  // namespace hirag::store::sqlite
