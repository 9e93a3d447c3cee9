// store/sqlite/sqlite_fact_store: FactStore on the data dir's SQLite file (table
// of migration 14). One writer connection behind a mutex, each write() one
// transaction committed with the data dir's fsync setting; reads use a pool of
// read-only connections (WAL), so queries never wait for a write.
#pragma once

#include <memory>
#include <mutex>

#include "store/fact_store.hpp"
#include "store/sqlite/connection.hpp"

namespace hirag::store::sqlite {

class SqliteFactStore final : public FactStore {
 public:
  static Result<std::unique_ptr<SqliteFactStore>> open(const std::string& path, const DatabaseOptions& options,
                                                       size_t read_connections);

  Status write(const std::function<Status(FactTransaction&)>& work) override;
  Result<FactPage> query(const FactQuery& query) override;
  Result<std::optional<FactRecord>> get(const std::string& tenant, const std::string& name_space,
                                        const std::string& id) override;
  Result<std::vector<FactRecord>> history(const std::string& tenant, const std::string& name_space,
                                          const std::string& key_hash) override;
  Result<std::optional<FactRecord>> remove(const std::string& tenant, const std::string& name_space,
                                           const std::string& id) override;
  Status scan_current(const std::function<void(const FactRecord&)>& visit) override;
  Result<std::vector<FactRecord>> by_seqs(const std::string& tenant, const std::string& name_space,
                                          const std::vector<int64_t>& seqs) override;

 private:
  SqliteFactStore(std::unique_ptr<Connection> writer, std::unique_ptr<ReaderPool> readers)
      : writer_(std::move(writer)), readers_(std::move(readers)) {}

  std::mutex write_mutex_;
  std::unique_ptr<Connection> writer_;
  std::unique_ptr<ReaderPool> readers_;
};

}  // namespace hirag::store::sqlite
