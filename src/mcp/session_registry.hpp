// mcp/session_registry: the Mcp-Session-Id sessions of the HTTP transport. A
// session is created by initialize, bound to the tenant that created it (another
// tenant's request sees it as unknown), ends on DELETE, after [mcp]
// session_idle_ms without use, or when [mcp] max_sessions are open and it is the
// least recently used. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace hirag::mcp {

struct McpSession {
  std::string tenant;
  std::string protocol_version;  // negotiated by initialize
  int64_t last_used_ms = 0;
};

class SessionRegistry {
 public:
  using Clock = std::function<int64_t()>;  // monotonic milliseconds
  SessionRegistry(int64_t idle_ms, size_t max_sessions, Clock clock);

  // A new session id (128 random bits, hex).
  std::string create(const std::string& tenant, std::string protocol_version);
  // The session if it exists, has not expired and belongs to `tenant`; marks it used.
  std::optional<McpSession> use(const std::string& id, const std::string& tenant);
  // Ends the session; false when `use` would not have found it.
  bool end(const std::string& id, const std::string& tenant);

 private:
  void forget(std::unordered_map<std::string, McpSession>::iterator it);
  void evict_expired(int64_t now);

  const int64_t idle_ms_;
  const size_t max_sessions_;
  Clock clock_;
  std::mutex mutex_;
  std::unordered_map<std::string, McpSession> sessions_;
  std::multimap<int64_t, std::string> by_last_use_;  // oldest first: expiry and eviction
};

}  // namespace hirag::mcp
