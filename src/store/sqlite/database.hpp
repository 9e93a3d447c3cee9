// store/sqlite/database: one SQLite connection (WAL mode) with prepared-statement
// helpers and the numbered schema migrations applied at open. Nothing outside
// store/sqlite/ includes this header.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace hirag::store::sqlite {

struct DatabaseOptions {
  std::string synchronous = "full";  // full | normal
  int64_t busy_timeout_ms = 5000;
  bool read_only = false;
};

// A prepared statement; reset automatically when re-bound by Database::prepare.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind_blob(int index, const void* data, size_t size);
  Statement& bind_null(int index);

  // Advances; true while a row is available. Errors become Status via last_status().
  bool step();
  // Runs to completion (for INSERT/UPDATE/DELETE).
  Status run();
  Status last_status() const;

  int64_t column_int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double column_double(int col) const { return sqlite3_column_double(stmt_, col); }
  std::string column_text(int col) const;
  std::string_view column_blob(int col) const;
  bool column_is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  sqlite3_stmt* raw() const { return stmt_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  int last_rc_ = SQLITE_OK;
};

class Database {
 public:
  // Opens (creating if needed) `path`, sets pragmas and applies pending migrations
  // (never on a read-only connection).
  static Result<std::unique_ptr<Database>> open(const std::string& path, const DatabaseOptions& options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Result<Statement> prepare(std::string_view sql);
  Status exec(std::string_view sql);
  int64_t changes() const { return sqlite3_changes64(db_); }
  // Increments whenever another connection commits (PRAGMA data_version).
  int64_t data_version();
  sqlite3* raw() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Status migrate();
  Status refuse_unknown_migrations();

  sqlite3* db_;
  std::string path_;
};

// RAII transaction: BEGIN IMMEDIATE at construction, ROLLBACK unless commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Status begin_status() const { return begin_; }
  Status commit();

 private:
  Database& db_;
  Status begin_;
  bool done_ = false;
};

// RAII: commits on this connection skip their own fsync (PRAGMA synchronous =
// NORMAL) until destruction, which restores the previous setting. In WAL mode
// such a commit survives a process crash and becomes durable against power loss
// with the next commit that does sync. For data that may lose its last seconds.
class RelaxedSync {
 public:
  explicit RelaxedSync(Database& db);
  ~RelaxedSync();
  RelaxedSync(const RelaxedSync&) = delete;
  RelaxedSync& operator=(const RelaxedSync&) = delete;

 private:
  Database& db_;
  int64_t previous_ = 2;  // FULL
};

Error sqlite_error(sqlite3* db, std::string_view what);

}  // namespace hirag::store::sqlite
