#include "store/sqlite/database.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "metrics/storage_metrics.hpp"
#include "store/sqlite/migrations.hpp"

namespace hirag::store::sqlite {

namespace {

// A full disk is an operational state, not a bug: 507 STORAGE_FULL (the client
// may retry later); I/O errors stay internal but are counted for alerting.
ErrorCode classify(int extended_code) {
  switch (extended_code & 0xff) {
    case SQLITE_FULL:
      metrics::storage_metrics().full_errors.Increment();
      return ErrorCode::StorageFull;
    case SQLITE_IOERR:
      metrics::storage_metrics().io_errors.Increment();
      return ErrorCode::Internal;
    default: return ErrorCode::Internal;
  }
}

}  // namespace

Error sqlite_error(sqlite3* db, std::string_view what) {
  const int code = sqlite3_extended_errcode(db);
  boost::json::object details;
  details["sqlite_code"] = code;
  return Error{classify(code), fmt::format("{}: {}", what, sqlite3_errmsg(db)), details};
}

Statement::~Statement() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Statement& Statement::bind_blob(int index, const void* data, size_t size) {
  sqlite3_bind_blob64(stmt_, index, data, size, SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

bool Statement::step() {
  last_rc_ = sqlite3_step(stmt_);
  return last_rc_ == SQLITE_ROW;
}

Status Statement::run() {
  while (step()) {
  }
  return last_status();
}

Status Statement::last_status() const {
  if (last_rc_ == SQLITE_OK || last_rc_ == SQLITE_ROW || last_rc_ == SQLITE_DONE) return ok_status();
  return sqlite_error(db_, "statement failed");
}

std::string Statement::column_text(int col) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  if (text == nullptr) return {};
  return std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::string_view Statement::column_blob(int col) const {
  const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
  if (data == nullptr) return {};
  return std::string_view(data, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

namespace {

// SQLite's memory statistics (on by default) take one process-wide mutex in every
// sqlite3_malloc and free, so concurrent searches on separate connections queued
// on it (perf: the main lock contention of the search benchmark). hirag never
// reads those statistics. Must happen before SQLite initializes, so at the first open.
void configure_sqlite_once() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

}  // namespace

Result<std::unique_ptr<Database>> Database::open(const std::string& path, const DatabaseOptions& options) {
  configure_sqlite_once();
  sqlite3* raw = nullptr;
  const int flags = (options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &raw, flags, nullptr) != SQLITE_OK) {
    Error error = sqlite_error(raw, fmt::format("cannot open database '{}'", path));
    sqlite3_close(raw);
    return error;
  }
  std::unique_ptr<Database> db(new Database(raw, path));
  sqlite3_busy_timeout(raw, static_cast<int>(options.busy_timeout_ms));
  sqlite3_extended_result_codes(raw, 1);
  const std::string pragmas = fmt::format(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous={}; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"
      " PRAGMA mmap_size=268435456; PRAGMA cache_size=-65536;",
      options.synchronous == "normal" ? "NORMAL" : "FULL");
  if (options.read_only) {
    if (auto status = db->exec("PRAGMA mmap_size=268435456; PRAGMA cache_size=-65536;"); !status) {
      return std::move(status).error();
    }
    return db;
  }
  if (auto status = db->exec(pragmas); !status) return std::move(status).error();
  if (auto status = db->migrate(); !status) return std::move(status).error();
  return db;
}

Database::~Database() { sqlite3_close_v2(db_); }

Result<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
      SQLITE_OK) {
    return sqlite_error(db_, fmt::format("cannot prepare '{}'", sql.substr(0, 60)));
  }
  return Statement(db_, stmt);
}

Status Database::exec(std::string_view sql) {
  char* message = nullptr;
  const std::string owned(sql);
  if (sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    sqlite3_free(message);  // sqlite3_errmsg still holds the same text
    return sqlite_error(db_, "sqlite");
  }
  return ok_status();
}

int64_t Database::data_version() {
  auto stmt = prepare("PRAGMA data_version");
  if (!stmt || !stmt->step()) return -1;
  return stmt->column_int(0);
}

// A data dir that a newer build has migrated is refused: this build's queries
// would meet tables and columns it does not know, and fail one request at a time.
Status Database::refuse_unknown_migrations() {
  auto recorded = prepare("SELECT version, name FROM schema_migrations ORDER BY version");
  if (!recorded) return std::move(recorded).error();
  while (recorded->step()) {
    const int64_t version = recorded->column_int(0);
    const bool known = std::any_of(migrations().begin(), migrations().end(),
                                   [&](const Migration& m) { return static_cast<int64_t>(m.version) == version; });
    if (!known) {
      return Error::internal(fmt::format(
          "the database has schema migration {} ({}), which this build does not know: it was written by a "
          "newer hirag. Run that version, or restore a backup taken before the upgrade",
          version, recorded->column_text(1)));
    }
  }
  return recorded->last_status();
}

Status Database::migrate() {
  if (auto status = exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                         " applied_at INTEGER NOT NULL)");
      !status) {
    return status;
  }
  if (auto status = refuse_unknown_migrations(); !status) return status;
  // Each version is checked on its own (not against the maximum), so a migration
  // numbered below one already applied is still applied; the check runs inside the
  // write transaction so two processes opening a new data dir do not both apply it.
  for (const auto& migration : migrations()) {
    Transaction tx(*this);
    if (!tx.begin_status()) return tx.begin_status();
    auto applied = prepare("SELECT 1 FROM schema_migrations WHERE version = ?");
    if (!applied) return std::move(applied).error();
    if (applied->bind(1, static_cast<int64_t>(migration.version)).step()) continue;
    if (auto status = exec(migration.sql); !status) {
      return Error::internal(fmt::format("migration {} ({}) failed: {}", migration.version, migration.name,
                                         status.error().message));
    }
    auto record = prepare("INSERT INTO schema_migrations(version, name, applied_at) VALUES(?, ?, unixepoch())");
    if (!record) return std::move(record).error();
    if (auto status = record->bind(1, static_cast<int64_t>(migration.version)).bind(2, migration.name).run(); !status) {
      return status;
    }
    if (auto status = tx.commit(); !status) return status;
  }
  return ok_status();
}

RelaxedSync::RelaxedSync(Database& db) : db_(db) {
  if (auto current = db.prepare("PRAGMA synchronous"); current && current->step()) previous_ = current->column_int(0);
  (void)db_.exec("PRAGMA synchronous=NORMAL");
}

RelaxedSync::~RelaxedSync() { (void)db_.exec(fmt::format("PRAGMA synchronous={}", previous_)); }

Transaction::Transaction(Database& db) : db_(db), begin_(db.exec("BEGIN IMMEDIATE")) {}

Transaction::~Transaction() {
  if (!done_ && begin_) (void)db_.exec("ROLLBACK");
}

Status Transaction::commit() {
  done_ = true;
  // A statement left mid-way (a one-row SELECT read in the transaction) would keep
  // the connection's read snapshot open through COMMIT, and the automatic WAL
  // checkpoint that runs inside COMMIT could then copy nothing back into the
  // database: the WAL grew without bound (1.5 GB after 1M items).
  for (sqlite3_stmt* stmt = sqlite3_next_stmt(db_.raw(), nullptr); stmt != nullptr;
       stmt = sqlite3_next_stmt(db_.raw(), stmt)) {
    sqlite3_reset(stmt);
  }
  return db_.exec("COMMIT");
}

}  // namespace hirag::store::sqlite
