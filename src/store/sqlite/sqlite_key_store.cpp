#include "store/sqlite/sqlite_key_store.hpp"

#include <fmt/format.h>

#include <cstring>

#include "core/clock.hpp"

namespace hirag::store::sqlite {

Result<CreatedKey> SqliteKeyStore::create(const std::string& tenant) {
  if (auto status = validate_tenant_name(tenant); !status) return std::move(status).error();
  CreatedKey created;
  created.record.id = random_hex(6);
  created.record.tenant = tenant;
  created.record.created_at_ms = now_unix_ms();
  created.plaintext = fmt::format("hk_{}_{}", created.record.id, random_hex(24));
  created.record.secret_hash = sha256(created.plaintext);
  std::lock_guard lock(mutex_);
  auto stmt = db_->prepare("INSERT INTO api_keys(id, tenant, secret_hash, created_at) VALUES(?, ?, ?, ?)");
  if (!stmt) return std::move(stmt).error();
  stmt->bind(1, created.record.id).bind(2, tenant);
  stmt->bind_blob(3, created.record.secret_hash.data(), created.record.secret_hash.size());
  stmt->bind(4, created.record.created_at_ms);
  if (auto status = stmt->run(); !status) return std::move(status).error();
  return created;
}

Result<std::vector<ApiKeyRecord>> SqliteKeyStore::list() {
  std::lock_guard lock(mutex_);
  auto stmt = db_->prepare("SELECT id, tenant, secret_hash, created_at, revoked_at FROM api_keys ORDER BY created_at");
  if (!stmt) return std::move(stmt).error();
  std::vector<ApiKeyRecord> records;
  while (stmt->step()) {
    ApiKeyRecord record;
    record.id = stmt->column_text(0);
    record.tenant = stmt->column_text(1);
    const auto hash = stmt->column_blob(2);
    if (hash.size() == record.secret_hash.size()) std::memcpy(record.secret_hash.data(), hash.data(), hash.size());
    record.created_at_ms = stmt->column_int(3);
    if (!stmt->column_is_null(4)) record.revoked_at_ms = stmt->column_int(4);
    records.push_back(std::move(record));
  }
  if (auto status = stmt->last_status(); !status) return std::move(status).error();
  return records;
}

Status SqliteKeyStore::revoke(const std::string& id) {
  std::lock_guard lock(mutex_);
  auto stmt = db_->prepare("UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?");
  if (!stmt) return std::move(stmt).error();
  if (auto status = stmt->bind(1, now_unix_ms()).bind(2, id).run(); !status) return status;
  if (db_->changes() == 0) return Error::not_found(fmt::format("no API key with id '{}'", id));
  return ok_status();
}

int64_t SqliteKeyStore::change_token() {
  std::lock_guard lock(mutex_);
  return db_->data_version();
}

}  // namespace hirag::store::sqlite
