#include "mcp/session_registry.hpp"

#include "core/crypto.hpp"

namespace hirag::mcp {
namespace {

constexpr size_t kIdBytes = 16;

}  // namespace

SessionRegistry::SessionRegistry(int64_t idle_ms, size_t max_sessions, Clock clock)
    : idle_ms_(idle_ms), max_sessions_(max_sessions), clock_(std::move(clock)) {}

void SessionRegistry::forget(std::unordered_map<std::string, McpSession>::iterator it) {
  auto [first, last] = by_last_use_.equal_range(it->second.last_used_ms);
  for (auto entry = first; entry != last; ++entry) {
    if (entry->second == it->first) {
      by_last_use_.erase(entry);
      break;
    }
  }
  sessions_.erase(it);
}

void SessionRegistry::evict_expired(int64_t now) {
  while (!by_last_use_.empty() && now - by_last_use_.begin()->first >= idle_ms_) {
    forget(sessions_.find(by_last_use_.begin()->second));
  }
}

std::string SessionRegistry::create(const std::string& tenant, std::string protocol_version) {
  const int64_t now = clock_();
  std::string id = random_hex(kIdBytes);
  std::lock_guard lock(mutex_);
  evict_expired(now);
  while (sessions_.size() >= max_sessions_) forget(sessions_.find(by_last_use_.begin()->second));
  sessions_.emplace(id, McpSession{tenant, std::move(protocol_version), now});
  by_last_use_.emplace(now, id);
  return id;
}

std::optional<McpSession> SessionRegistry::use(const std::string& id, const std::string& tenant) {
  const int64_t now = clock_();
  std::lock_guard lock(mutex_);
  evict_expired(now);
  auto it = sessions_.find(id);
  if (it == sessions_.end() || it->second.tenant != tenant) return std::nullopt;
  McpSession session = it->second;
  forget(it);
  session.last_used_ms = now;
  sessions_.emplace(id, session);
  by_last_use_.emplace(now, id);
  return session;
}

bool SessionRegistry::end(const std::string& id, const std::string& tenant) {
  if (!use(id, tenant)) return false;
  std::lock_guard lock(mutex_);
  if (auto it = sessions_.find(id); it != sessions_.end()) forget(it);
  return true;
}

}  // namespace hirag::mcp
