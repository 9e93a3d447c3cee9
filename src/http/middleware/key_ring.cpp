#include "http/middleware/key_ring.hpp"

#include <spdlog/spdlog.h>

namespace hirag::http {

KeyRing::KeyRing(std::unique_ptr<store::KeyStore> store, int64_t refresh_ms)
    : store_(std::move(store)), refresh_ms_(refresh_ms) {}

KeyRing::~KeyRing() { stop(); }

Status KeyRing::start() {
  if (auto status = reload(); !status) return status;
  refresher_ = std::thread([this] { refresh_loop(); });
  return ok_status();
}

void KeyRing::stop() {
  {
    std::lock_guard lock(stop_mutex_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  if (refresher_.joinable()) refresher_.join();
}

Status KeyRing::reload() {
  const int64_t token = store_->change_token();
  auto records = store_->list();
  if (!records) return std::move(records).error();
  std::unordered_map<std::string, Entry> active;
  for (const auto& record : *records) {
    if (!record.revoked_at_ms) active.emplace(record.id, Entry{record.tenant, record.secret_hash});
  }
  std::unique_lock lock(mutex_);
  active_ = std::move(active);
  active_count_.store(active_.size());
  seen_token_ = token;
  return ok_status();
}

void KeyRing::refresh_loop() {
  std::unique_lock lock(stop_mutex_);
  while (!stop_cv_.wait_for(lock, std::chrono::milliseconds(refresh_ms_), [this] { return stopping_; })) {
    lock.unlock();
    if (store_->change_token() != seen_token_) {
      if (auto status = reload(); !status) {
        spdlog::warn("event=key_reload_failed error=\"{}\"", status.error().message);
      } else {
        spdlog::info("event=keys_reloaded active={}", active_count_.load());
      }
    }
    lock.lock();
  }
}

std::optional<std::string> KeyRing::tenant_for(std::string_view presented_key) const {
  const auto id = store::api_key_id(presented_key);
  if (!id) return std::nullopt;
  const Sha256 presented_hash = sha256(presented_key);
  std::shared_lock lock(mutex_);
  auto it = active_.find(*id);
  if (it == active_.end()) return std::nullopt;
  const auto& expected = it->second.secret_hash;
  if (!constant_time_equal(std::string_view(reinterpret_cast<const char*>(presented_hash.data()), presented_hash.size()),
                           std::string_view(reinterpret_cast<const char*>(expected.data()), expected.size()))) {
    return std::nullopt;
  }
  return it->second.tenant;
}

}  // namespace hirag::http
