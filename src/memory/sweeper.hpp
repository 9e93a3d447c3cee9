// memory/sweeper: the memory service's background thread. Every
// `flush_interval` it flushes access counts; every `sweep_interval` it removes
// expired items. stop() (or destruction) wakes it, runs one last flush and joins.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace hirag::memory {

class Sweeper {
 public:
  Sweeper(std::chrono::milliseconds flush_interval, std::chrono::milliseconds sweep_interval,
          std::function<void()> flush, std::function<void()> sweep);
  ~Sweeper();
  Sweeper(const Sweeper&) = delete;
  Sweeper& operator=(const Sweeper&) = delete;
  void stop();

 private:
  void run();

  std::chrono::milliseconds flush_interval_;
  std::chrono::milliseconds sweep_interval_;
  std::function<void()> flush_;
  std::function<void()> sweep_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace hirag::memory
