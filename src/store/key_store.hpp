// store/key_store: API keys. A key is shown once at creation ("hk_<id>_<secret>"),
// stored only as its SHA-256, and maps to a tenant. The id is public (listed,
// revoked by); the secret never leaves the creating command.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/crypto.hpp"
#include "core/result.hpp"

namespace hirag::store {

struct ApiKeyRecord {
  std::string id;
  std::string tenant;
  Sha256 secret_hash{};
  int64_t created_at_ms = 0;
  std::optional<int64_t> revoked_at_ms;
};

struct CreatedKey {
  ApiKeyRecord record;
  std::string plaintext;  // the only time the full key exists
};

// Splits "hk_<id>_<secret>" into its id; nullopt if the shape is wrong.
std::optional<std::string> api_key_id(std::string_view key);
// Checks a tenant name: 1-64 characters of [A-Za-z0-9_.-].
Status validate_tenant_name(std::string_view tenant);

class KeyStore {
 public:
  virtual ~KeyStore() = default;
  virtual Result<CreatedKey> create(const std::string& tenant) = 0;
  virtual Result<std::vector<ApiKeyRecord>> list() = 0;
  // NOT_FOUND if no such id; revoking twice is fine.
  virtual Status revoke(const std::string& id) = 0;
  // A number that changes whenever any process changes the key table.
  virtual int64_t change_token() = 0;
};

}  // namespace hirag::store
