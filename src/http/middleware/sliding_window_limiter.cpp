#include "http/middleware/sliding_window_limiter.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace hirag::http {

SlidingWindowLimiter::SlidingWindowLimiter(int64_t limit, int64_t window_secs)
    : limit_(limit), window_ms_(window_secs * 1000) {}

SlidingWindowLimiter::Shard& SlidingWindowLimiter::shard_for(const std::string& key) {
  return shards_[std::hash<std::string>{}(key) % shards_.size()];
}

void SlidingWindowLimiter::roll(Window& w, int64_t now_ms) const {
  const int64_t aligned = now_ms - now_ms % window_ms_;
  if (aligned == w.start_ms) return;
  w.previous = (aligned - w.start_ms == window_ms_) ? w.current : 0;
  w.current = 0;
  w.start_ms = aligned;
}

LimitDecision SlidingWindowLimiter::decide(Window& w, int64_t cost, int64_t now_ms, bool take) {
  roll(w, now_ms);
  const double elapsed = static_cast<double>(now_ms - w.start_ms) / static_cast<double>(window_ms_);
  const double overlap = 1.0 - elapsed;
  const double used = static_cast<double>(w.previous) * overlap + static_cast<double>(w.current);
  LimitDecision d;
  d.limit = limit_;
  d.reset_in_seconds = std::max<int64_t>(1, (w.start_ms + window_ms_ - now_ms + 999) / 1000);
  d.allowed = used + static_cast<double>(cost) <= static_cast<double>(limit_);
  if (d.allowed && take) {
    w.current += cost;
    d.remaining = std::max<int64_t>(0, static_cast<int64_t>(std::floor(static_cast<double>(limit_) - used - cost)));
    return d;
  }
  d.remaining = std::max<int64_t>(0, static_cast<int64_t>(std::floor(static_cast<double>(limit_) - used)));
  if (!d.allowed) {
    // The previous window's weight decays linearly; find when `cost` more fits.
    const double excess = used + static_cast<double>(cost) - static_cast<double>(limit_);
    double wait_ms = static_cast<double>(w.start_ms + window_ms_ - now_ms);
    if (w.previous > 0 && excess <= static_cast<double>(w.previous) * overlap) {
      wait_ms = excess / static_cast<double>(w.previous) * static_cast<double>(window_ms_);
    }
    d.retry_after_seconds = std::max<int64_t>(1, static_cast<int64_t>(std::ceil(wait_ms / 1000.0)));
  }
  return d;
}

void SlidingWindowLimiter::evict_stale(Shard& shard, int64_t now_ms) const {
  // Bounded memory: keys idle for two windows carry no state worth keeping.
  if (shard.windows.size() < 4096) return;
  std::erase_if(shard.windows, [&](const auto& entry) { return now_ms - entry.second.start_ms >= 2 * window_ms_; });
}

LimitDecision SlidingWindowLimiter::acquire(const std::string& key, int64_t cost, int64_t now_ms) {
  Shard& shard = shard_for(key);
  std::lock_guard lock(shard.mutex);
  evict_stale(shard, now_ms);
  return decide(shard.windows[key], cost, now_ms, true);
}

LimitDecision SlidingWindowLimiter::peek(const std::string& key, int64_t now_ms) {
  Shard& shard = shard_for(key);
  std::lock_guard lock(shard.mutex);
  return decide(shard.windows[key], 0, now_ms, false);
}

}  // namespace hirag::http
