// http/middleware/sliding_window_limiter: per-key request quota over a sliding
// window (the two-bucket estimate: the previous window's count weighted by how
// much of it still overlaps, plus the current count). Unlike a fixed window it
// does not allow a 2x burst at window boundaries. Thread-safe; sharded locks.
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace hirag::http {

struct LimitDecision {
  bool allowed = true;
  int64_t limit = 0;
  int64_t remaining = 0;
  int64_t reset_in_seconds = 0;  // until the current window ends
  int64_t retry_after_seconds = 0;  // when rejected: until `cost` units fit again
};

class SlidingWindowLimiter {
 public:
  SlidingWindowLimiter(int64_t limit, int64_t window_secs);

  // Takes `cost` units if they fit; `now_ms` is wall-clock milliseconds.
  LimitDecision acquire(const std::string& key, int64_t cost, int64_t now_ms);
  // The state without taking anything.
  LimitDecision peek(const std::string& key, int64_t now_ms);

  int64_t limit() const { return limit_; }

 private:
  struct Window {
    int64_t start_ms = 0;     // start of the current fixed window
    int64_t current = 0;      // units taken in the current window
    int64_t previous = 0;     // units taken in the window before
  };
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string, Window> windows;
  };

  LimitDecision decide(Window& w, int64_t cost, int64_t now_ms, bool take);
  void roll(Window& w, int64_t now_ms) const;
  Shard& shard_for(const std::string& key);
  void evict_stale(Shard& shard, int64_t now_ms) const;

  int64_t limit_;
  int64_t window_ms_;
  std::array<Shard, 16> shards_;
};

}  // namespace hirag::http
