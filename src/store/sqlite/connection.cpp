#include "store/sqlite/connection.hpp"

namespace hirag::store::sqlite {

Result<Statement*> Connection::statement(const char* sql) {
  auto found = cache_.find(sql);
  if (found != cache_.end()) {
    sqlite3_reset(found->second->raw());
    sqlite3_clear_bindings(found->second->raw());
    return found->second.get();
  }
  auto prepared = db_->prepare(sql);
  if (!prepared) return std::move(prepared).error();
  auto owned = std::make_unique<Statement>(std::move(prepared).value());
  Statement* raw = owned.get();
  cache_.emplace(sql, std::move(owned));
  return raw;
}

void Connection::reset_all() {
  for (auto& [sql, statement] : cache_) sqlite3_reset(statement->raw());
}

Result<std::unique_ptr<ReaderPool>> ReaderPool::open(const std::string& path, const DatabaseOptions& options,
                                                     size_t size) {
  auto pool = std::make_unique<ReaderPool>();
  DatabaseOptions read_options = options;
  read_options.read_only = true;
  for (size_t i = 0; i < size; ++i) {
    auto db = Database::open(path, read_options);
    if (!db) return std::move(db).error();
    pool->all_.push_back(std::make_unique<Connection>(std::move(db).value()));
    pool->free_.push_back(pool->all_.back().get());
  }
  return pool;
}

ReaderPool::Lease ReaderPool::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [&] { return !free_.empty(); });
  Connection* connection = free_.back();
  free_.pop_back();
  return Lease(*this, connection);
}

void ReaderPool::give_back(Connection* connection) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(connection);
  }
  available_.notify_one();
}

}  // namespace hirag::store::sqlite
