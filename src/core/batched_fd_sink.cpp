#include "core/batched_fd_sink.hpp"

#include <unistd.h>

#include <cerrno>

namespace hirag {

BatchedFdSink::BatchedFdSink(int fd) : fd_(fd) { batch_.reserve(kMaxBatchBytes); }

BatchedFdSink::~BatchedFdSink() {
  std::lock_guard lock(mutex_);
  flush_();
}

void BatchedFdSink::sink_it_(const spdlog::details::log_msg& message) {
  formatter_->format(message, batch_);
  if (batch_.size() >= kMaxBatchBytes) flush_();
}

void BatchedFdSink::flush_() {
  size_t written = 0;
  while (written < batch_.size()) {
    const ssize_t n = ::write(fd_, batch_.data() + written, batch_.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // nowhere to report a failing log descriptor: drop the batch
    written += static_cast<size_t>(n);
  }
  batch_.clear();
}

}  // namespace hirag
