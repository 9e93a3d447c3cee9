// http/middleware/key_ring: the server's in-memory view of the API keys. Reads the
// KeyStore at start and again whenever another process (`hirag keys create/revoke`)
// changed it, so a running server sees new and revoked keys without restart.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <thread>
#include <unordered_map>

#include "store/key_store.hpp"

namespace hirag::http {

class KeyRing {
 public:
  KeyRing(std::unique_ptr<store::KeyStore> store, int64_t refresh_ms);
  ~KeyRing();
  KeyRing(const KeyRing&) = delete;
  KeyRing& operator=(const KeyRing&) = delete;

  // Loads the keys and starts the refresher thread.
  Status start();
  void stop();

  // The tenant of an active key; nullopt for unknown, malformed or revoked keys.
  // Compares the key's hash in constant time.
  std::optional<std::string> tenant_for(std::string_view presented_key) const;
  // True when at least one key is active (auth is then required).
  bool has_keys() const { return active_count_.load() > 0; }

 private:
  struct Entry {
    std::string tenant;
    Sha256 secret_hash;
  };
  Status reload();
  void refresh_loop();

  std::unique_ptr<store::KeyStore> store_;
  int64_t refresh_ms_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Entry> active_;  // by key id
  std::atomic<size_t> active_count_{0};
  int64_t seen_token_ = -1;
  std::mutex stop_mutex_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::thread refresher_;
};

}  // namespace hirag::http
