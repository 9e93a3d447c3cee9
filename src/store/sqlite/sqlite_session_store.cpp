#include "store/sqlite/sqlite_session_store.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/clock.hpp"
#include "core/json_writer.hpp"

namespace hirag::store::sqlite {
namespace {

std::string encode_counts(const std::map<std::string, int64_t>& counts) {
  boost::json::object object;
  for (const auto& [name, count] : counts) object[name] = count;
  return to_json(object);
}

std::map<std::string, int64_t> decode_counts(const std::string& text) {
  std::map<std::string, int64_t> counts;
  boost::system::error_code ec;
  const auto value = boost::json::parse(text, ec);
  if (ec || !value.is_object()) return counts;
  for (const auto& [name, count] : value.get_object()) {
    if (count.is_int64()) counts.emplace(std::string(name), count.get_int64());
  }
  return counts;
}

Statement& bind_key(Statement& stmt, const SessionKey& key) {
  return stmt.bind(1, key.tenant).bind(2, key.name_space).bind(3, key.session_id);
}

constexpr const char* kSelectSession =
    "SELECT brief, brief_through, turn_count, created_at, updated_at FROM sessions"
    " WHERE tenant = ? AND namespace = ? AND session_id = ?";
constexpr const char* kUpsertSession =
    "INSERT INTO sessions(tenant, namespace, session_id, turn_count, created_at, updated_at) VALUES(?, ?, ?, 1, ?, ?)"
    " ON CONFLICT DO UPDATE SET turn_count = turn_count + 1, updated_at = excluded.updated_at"
    " RETURNING turn_count";
constexpr const char* kInsertTurn =
    "INSERT INTO session_turns(tenant, namespace, session_id, seq, role, name, content, metadata, token_counts,"
    " memory_id, created_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectAllTurns =
    "SELECT seq, role, name, content, metadata, token_counts, memory_id, created_at, folded FROM session_turns"
    " WHERE tenant = ? AND namespace = ? AND session_id = ? ORDER BY seq";
constexpr const char* kSelectUnfoldedTurns =
    "SELECT seq, role, name, content, metadata, token_counts, memory_id, created_at, folded FROM session_turns"
    " WHERE tenant = ? AND namespace = ? AND session_id = ? AND folded = 0 ORDER BY seq";
constexpr const char* kUpdateBrief =
    "UPDATE sessions SET brief = ?4, brief_through = ?5, updated_at = ?6"
    " WHERE tenant = ?1 AND namespace = ?2 AND session_id = ?3 AND brief_through = ?7";
constexpr const char* kFoldTurns =
    "UPDATE session_turns SET folded = 1 WHERE tenant = ? AND namespace = ? AND session_id = ? AND seq <= ?"
    " AND folded = 0";
constexpr const char* kDeleteTurns = "DELETE FROM session_turns WHERE tenant = ? AND namespace = ? AND session_id = ?";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE tenant = ? AND namespace = ? AND session_id = ?";

SessionTurn read_turn(const Statement& stmt) {
  SessionTurn turn;
  turn.seq = stmt.column_int(0);
  turn.role = stmt.column_text(1);
  if (!stmt.column_is_null(2)) turn.name = stmt.column_text(2);
  turn.content = stmt.column_text(3);
  turn.metadata_json = stmt.column_text(4);
  turn.token_counts = decode_counts(stmt.column_text(5));
  if (!stmt.column_is_null(6)) turn.memory_id = stmt.column_text(6);
  turn.created_at_ms = stmt.column_int(7);
  turn.folded = stmt.column_int(8) != 0;
  return turn;
}

}  // namespace

Result<std::unique_ptr<SqliteSessionStore>> SqliteSessionStore::open(const std::string& path,
                                                                     const DatabaseOptions& options) {
  auto db = Database::open(path, options);
  if (!db) return std::move(db).error();
  return std::make_unique<SqliteSessionStore>(std::move(db).value());
}

Result<SessionTurn> SqliteSessionStore::append_turn(const SessionKey& key, const NewSessionTurn& turn,
                                                    int64_t max_turns) {
  std::lock_guard lock(mutex_);
  Transaction tx(connection_.db());
  if (!tx.begin_status()) return tx.begin_status().error();
  auto upsert = connection_.statement(kUpsertSession);
  if (!upsert) return std::move(upsert).error();
  bind_key(**upsert, key).bind(4, turn.created_at_ms).bind(5, turn.created_at_ms);
  if (!(*upsert)->step()) return (*upsert)->last_status().ok() ? Error::internal("session upsert returned no row")
                                                                : (*upsert)->last_status().error();
  SessionTurn stored;
  static_cast<NewSessionTurn&>(stored) = turn;
  stored.seq = (*upsert)->column_int(0);
  sqlite3_reset((*upsert)->raw());
  if (stored.seq > max_turns) {
    return Error{ErrorCode::Conflict,
                 fmt::format("session '{}' already holds {} turns, the limit (context.max_turns)", key.session_id,
                             max_turns),
                 {{"limit", max_turns}}};
  }
  auto insert = connection_.statement(kInsertTurn);
  if (!insert) return std::move(insert).error();
  Statement& ins = **insert;
  bind_key(ins, key).bind(4, stored.seq).bind(5, turn.role);
  if (turn.name) ins.bind(6, *turn.name); else ins.bind_null(6);
  ins.bind(7, turn.content).bind(8, turn.metadata_json).bind(9, encode_counts(turn.token_counts));
  if (turn.memory_id) ins.bind(10, *turn.memory_id); else ins.bind_null(10);
  ins.bind(11, turn.created_at_ms);
  if (auto status = ins.run(); !status) return std::move(status).error();
  if (auto status = tx.commit(); !status) return std::move(status).error();
  return stored;
}

Result<std::optional<SessionRecord>> SqliteSessionStore::get_locked(const SessionKey& key) {
  auto stmt = connection_.statement(kSelectSession);
  if (!stmt) return std::move(stmt).error();
  bind_key(**stmt, key);
  if (!(*stmt)->step()) {
    if (auto status = (*stmt)->last_status(); !status) return std::move(status).error();
    return std::optional<SessionRecord>{};
  }
  SessionRecord record;
  record.key = key;
  record.brief.text = (*stmt)->column_text(0);
  record.brief.through_seq = (*stmt)->column_int(1);
  record.turn_count = (*stmt)->column_int(2);
  record.created_at_ms = (*stmt)->column_int(3);
  record.updated_at_ms = (*stmt)->column_int(4);
  sqlite3_reset((*stmt)->raw());
  return std::optional<SessionRecord>(std::move(record));
}

Result<std::optional<SessionRecord>> SqliteSessionStore::get(const SessionKey& key) {
  std::lock_guard lock(mutex_);
  return get_locked(key);
}

Result<std::vector<SessionTurn>> SqliteSessionStore::turns(const SessionKey& key, bool unfolded_only) {
  std::lock_guard lock(mutex_);
  auto stmt = connection_.statement(unfolded_only ? kSelectUnfoldedTurns : kSelectAllTurns);
  if (!stmt) return std::move(stmt).error();
  bind_key(**stmt, key);
  std::vector<SessionTurn> turns;
  while ((*stmt)->step()) turns.push_back(read_turn(**stmt));
  if (auto status = (*stmt)->last_status(); !status) return std::move(status).error();
  return turns;
}

Status SqliteSessionStore::save_brief(const SessionKey& key, int64_t expected_through_seq, const SessionBrief& brief) {
  std::lock_guard lock(mutex_);
  Transaction tx(connection_.db());
  if (!tx.begin_status()) return tx.begin_status();
  auto update = connection_.statement(kUpdateBrief);
  if (!update) return std::move(update).error();
  bind_key(**update, key).bind(4, brief.text).bind(5, brief.through_seq).bind(6, now_unix_ms());
  (*update)->bind(7, expected_through_seq);
  if (auto status = (*update)->run(); !status) return status;
  if (connection_.db().changes() == 0) {
    auto current = get_locked(key);
    if (!current) return std::move(current).error();
    if (!current->has_value()) return Error::not_found(fmt::format("no session '{}'", key.session_id));
    return Error{ErrorCode::Conflict,
                 fmt::format("the brief of session '{}' was folded concurrently", key.session_id),
                 {{"expected_through_seq", expected_through_seq}, {"through_seq", (*current)->brief.through_seq}}};
  }
  auto fold = connection_.statement(kFoldTurns);
  if (!fold) return std::move(fold).error();
  bind_key(**fold, key).bind(4, brief.through_seq);
  if (auto status = (*fold)->run(); !status) return status;
  return tx.commit();
}

Result<bool> SqliteSessionStore::remove(const SessionKey& key) {
  std::lock_guard lock(mutex_);
  Transaction tx(connection_.db());
  if (!tx.begin_status()) return tx.begin_status().error();
  auto turns = connection_.statement(kDeleteTurns);
  if (!turns) return std::move(turns).error();
  if (auto status = bind_key(**turns, key).run(); !status) return std::move(status).error();
  auto session = connection_.statement(kDeleteSession);
  if (!session) return std::move(session).error();
  if (auto status = bind_key(**session, key).run(); !status) return std::move(status).error();
  const bool existed = connection_.db().changes() > 0;
  if (auto status = tx.commit(); !status) return std::move(status).error();
  return existed;
}

}  // namespace hirag::store::sqlite
