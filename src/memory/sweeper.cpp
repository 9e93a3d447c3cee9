#include "memory/sweeper.hpp"

namespace hirag::memory {

Sweeper::Sweeper(std::chrono::milliseconds flush_interval, std::chrono::milliseconds sweep_interval,
                 std::function<void()> flush, std::function<void()> sweep)
    : flush_interval_(flush_interval),
      sweep_interval_(sweep_interval),
      flush_(std::move(flush)),
      sweep_(std::move(sweep)),
      thread_([this] { run(); }) {}

Sweeper::~Sweeper() { stop(); }

void Sweeper::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Sweeper::run() {
  using Clock = std::chrono::steady_clock;
  auto next_sweep = Clock::now();
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (Clock::now() >= next_sweep) {
      lock.unlock();
      sweep_();
      lock.lock();
      next_sweep = Clock::now() + sweep_interval_;
    }
    wake_.wait_for(lock, std::min<Clock::duration>(flush_interval_, next_sweep - Clock::now()),
                   [&] { return stopping_; });
    lock.unlock();
    flush_();
    lock.lock();
  }
}

}  // namespace hirag::memory
