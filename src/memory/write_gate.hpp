// memory/write_gate: lets a snapshot wait until every write in flight has
// reached the indexes, without stopping writes for longer than that. Writes
// enter() shared; close() takes it exclusively. A close() that is waiting stops
// new writes from entering (std::shared_mutex prefers its shared side on glibc,
// so a steady stream of writes would otherwise keep a snapshot waiting forever).
#pragma once

#include <mutex>
#include <shared_mutex>

namespace hirag::memory {

class WriteGate {
 public:
  [[nodiscard]] std::shared_lock<std::shared_mutex> enter() {
    std::lock_guard turn(turnstile_);
    return std::shared_lock(mutex_);
  }
  [[nodiscard]] std::unique_lock<std::shared_mutex> close() {
    std::lock_guard turn(turnstile_);
    return std::unique_lock(mutex_);
  }

 private:
  std::mutex turnstile_;
  std::shared_mutex mutex_;
};

}  // namespace hirag::memory
