// store/sqlite/connection: a Database plus its cache of prepared statements (the
// hot paths re-use statements instead of re-preparing), and a fixed pool of
// read-only connections leased to concurrent readers.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/sqlite/database.hpp"

namespace hirag::store::sqlite {

class Connection {
 public:
  explicit Connection(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  Database& db() { return *db_; }
  // A reset statement for `sql` (a string with static storage: the pointer is the key).
  Result<Statement*> statement(const char* sql);
  // Resets every cached statement, ending any read snapshot a stepped statement holds.
  void reset_all();

 private:
  std::unique_ptr<Database> db_;
  std::unordered_map<const char*, std::unique_ptr<Statement>> cache_;
};

// The writer connection held under its mutex; statements are reset on release.
class WriteSession {
 public:
  WriteSession(std::mutex& mutex, Connection& connection) : lock_(mutex), connection_(connection) {}
  WriteSession(const WriteSession&) = delete;
  WriteSession& operator=(const WriteSession&) = delete;
  ~WriteSession() { connection_.reset_all(); }

 private:
  std::lock_guard<std::mutex> lock_;
  Connection& connection_;
};

class ReaderPool {
 public:
  class Lease {
   public:
    Lease(ReaderPool& pool, Connection* connection) : pool_(pool), connection_(connection) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
      connection_->reset_all();
      pool_.give_back(connection_);
    }
    Connection& operator*() { return *connection_; }
    Connection* operator->() { return connection_; }

   private:
    ReaderPool& pool_;
    Connection* connection_;
  };

  static Result<std::unique_ptr<ReaderPool>> open(const std::string& path, const DatabaseOptions& options,
                                                  size_t size);
  // Waits for a free connection.
  Lease acquire();

 private:
  void give_back(Connection* connection);

  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> all_;
  std::vector<Connection*> free_;
};

}  // namespace hirag::store::sqlite
