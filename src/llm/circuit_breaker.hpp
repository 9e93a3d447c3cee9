// llm/circuit_breaker: stops calling a remote endpoint that keeps failing.
// Closed → Open after `failure_threshold` consecutive failed calls; Open rejects
// every call until `reset_after` has passed, then Half-open admits exactly ONE
// trial call: its success closes the circuit, its failure opens it again.
// Thread-safe. Knows nothing about HTTP; callers decide what a failure is.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string_view>

namespace hirag::llm {

enum class CircuitState { Closed = 0, HalfOpen = 1, Open = 2 };

// "closed", "half_open", "open".
std::string_view circuit_state_name(CircuitState state);

class CircuitBreaker {
 public:
  using Clock = std::chrono::steady_clock;
  // `on_change` (optional) is called with the new state on every transition, under
  // the breaker's lock (so observers see transitions in order); it must not call
  // back into the breaker.
  CircuitBreaker(int64_t failure_threshold, std::chrono::milliseconds reset_after,
                 std::function<void(CircuitState)> on_change = {});

  // May a call go ahead now? An Open circuit whose reset time has passed becomes
  // Half-open and admits this one caller; others are rejected until it reports.
  bool allow();
  void record_success();
  void record_failure();

  CircuitState state() const;
  // Time until an Open circuit admits a trial (0 when not Open).
  std::chrono::milliseconds retry_in() const;

 private:
  void transition(CircuitState state);  // requires mutex_

  const int64_t failure_threshold_;
  const std::chrono::milliseconds reset_after_;
  const std::function<void(CircuitState)> on_change_;
  mutable std::mutex mutex_;
  CircuitState state_ = CircuitState::Closed;
  int64_t consecutive_failures_ = 0;
  bool trial_in_flight_ = false;
  Clock::time_point opened_at_{};
};

}  // namespace hirag::llm
