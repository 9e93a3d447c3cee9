#include "memory/periodic_jobs.hpp"

#include <algorithm>

namespace hirag::memory {

PeriodicJobs::PeriodicJobs(std::vector<PeriodicJob> jobs) : jobs_(std::move(jobs)), thread_([this] { run(); }) {}

PeriodicJobs::~PeriodicJobs() { stop(); }

void PeriodicJobs::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PeriodicJobs::run() {
  using Clock = std::chrono::steady_clock;
  std::vector<Clock::time_point> due;
  for (const auto& job : jobs_) due.push_back(Clock::now() + (job.at_start ? Clock::duration{} : job.interval));
  std::unique_lock lock(mutex_);
  while (!jobs_.empty()) {
    if (wake_.wait_until(lock, *std::min_element(due.begin(), due.end()), [&] { return stopping_; })) return;
    lock.unlock();
    for (size_t i = 0; i < jobs_.size(); ++i) {
      if (Clock::now() < due[i]) continue;
      jobs_[i].run();
      due[i] = Clock::now() + jobs_[i].interval;
    }
    lock.lock();
  }
}

}  // namespace hirag::memory
