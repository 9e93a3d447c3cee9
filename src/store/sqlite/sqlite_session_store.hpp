// store/sqlite/sqlite_session_store: SessionStore on the data dir's SQLite file
// (tables of migration 10: sessions, session_turns). One connection behind a mutex;
// each write is one transaction.
#pragma once

#include <memory>
#include <mutex>

#include "store/session_store.hpp"
#include "store/sqlite/connection.hpp"

namespace hirag::store::sqlite {

class SqliteSessionStore final : public SessionStore {
 public:
  explicit SqliteSessionStore(std::unique_ptr<Database> db) : connection_(std::move(db)) {}
  static Result<std::unique_ptr<SqliteSessionStore>> open(const std::string& path, const DatabaseOptions& options);

  Result<SessionTurn> append_turn(const SessionKey& key, const NewSessionTurn& turn, int64_t max_turns) override;
  Result<std::optional<SessionRecord>> get(const SessionKey& key) override;
  Result<std::vector<SessionTurn>> turns(const SessionKey& key, bool unfolded_only) override;
  Status save_brief(const SessionKey& key, int64_t expected_through_seq, const SessionBrief& brief) override;
  Result<bool> remove(const SessionKey& key) override;

 private:
  Result<std::optional<SessionRecord>> get_locked(const SessionKey& key);

  std::mutex mutex_;
  Connection connection_;
};

}  // namespace hirag::store::sqlite
