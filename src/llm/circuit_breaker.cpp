#include "llm/circuit_breaker.hpp"

#include <algorithm>

namespace hirag::llm {

std::string_view circuit_state_name(CircuitState state) {
  switch (state) {
    case CircuitState::Closed: return "closed";
    case CircuitState::HalfOpen: return "half_open";
    case CircuitState::Open: return "open";
  }
  return "open";
}

CircuitBreaker::CircuitBreaker(int64_t failure_threshold, std::chrono::milliseconds reset_after,
                               std::function<void(CircuitState)> on_change)
    : failure_threshold_(std::max<int64_t>(failure_threshold, 1)),
      reset_after_(reset_after),
      on_change_(std::move(on_change)) {}

bool CircuitBreaker::allow() {
  std::lock_guard lock(mutex_);
  switch (state_) {
    case CircuitState::Closed:
      return true;
    case CircuitState::Open:
      if (Clock::now() - opened_at_ < reset_after_) return false;
      transition(CircuitState::HalfOpen);
      trial_in_flight_ = true;
      return true;
    case CircuitState::HalfOpen:
      if (trial_in_flight_) return false;
      trial_in_flight_ = true;
      return true;
  }
  return false;
}

void CircuitBreaker::record_success() {
  std::lock_guard lock(mutex_);
  consecutive_failures_ = 0;
  trial_in_flight_ = false;
  if (state_ != CircuitState::Closed) transition(CircuitState::Closed);
}

void CircuitBreaker::record_failure() {
  std::lock_guard lock(mutex_);
  ++consecutive_failures_;
  trial_in_flight_ = false;
  if (state_ == CircuitState::HalfOpen ||
      (state_ == CircuitState::Closed && consecutive_failures_ >= failure_threshold_)) {
    opened_at_ = Clock::now();
    transition(CircuitState::Open);
  }
}

CircuitState CircuitBreaker::state() const {
  std::lock_guard lock(mutex_);
  return state_;
}

std::chrono::milliseconds CircuitBreaker::retry_in() const {
  std::lock_guard lock(mutex_);
  if (state_ != CircuitState::Open) return std::chrono::milliseconds(0);
  const auto left = reset_after_ - std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - opened_at_);
  return std::max(std::chrono::milliseconds(0), left);
}

void CircuitBreaker::transition(CircuitState state) {
  state_ = state;
  if (on_change_) on_change_(state);
}

}  // namespace hirag::llm
