// memory/periodic_jobs: the memory service's background thread. It runs each job
// every `interval` (and at once when `at_start`), one job at a time; stop() (or
// destruction) wakes it and joins without running anything more, so the owner
// does its own final flush.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace hirag::memory {

struct PeriodicJob {
  std::chrono::milliseconds interval;
  std::function<void()> run;
  bool at_start = false;
};

class PeriodicJobs {
 public:
  explicit PeriodicJobs(std::vector<PeriodicJob> jobs);
  ~PeriodicJobs();
  PeriodicJobs(const PeriodicJobs&) = delete;
  PeriodicJobs& operator=(const PeriodicJobs&) = delete;
  void stop();

 private:
  void run();

  std::vector<PeriodicJob> jobs_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace hirag::memory
