// store/sqlite/sqlite_key_store: KeyStore on the data dir's SQLite database.
// Safe to use from the CLI while a server runs (SQLite locking; WAL).
#pragma once

#include <memory>
#include <mutex>

#include "store/key_store.hpp"
#include "store/sqlite/database.hpp"

namespace hirag::store::sqlite {

class SqliteKeyStore final : public KeyStore {
 public:
  explicit SqliteKeyStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  Result<CreatedKey> create(const std::string& tenant) override;
  Result<std::vector<ApiKeyRecord>> list() override;
  Status revoke(const std::string& id) override;
  int64_t change_token() override;

 private:
  std::mutex mutex_;
  std::unique_ptr<Database> db_;
};

}  // namespace hirag::store::sqlite
