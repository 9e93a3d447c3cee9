// core/batched_fd_sink: the spdlog sink all log lines go through. It holds lines
// until it is flushed (or the batch reaches 64 KiB), so the access log of a busy
// server costs one write(2) per batch instead of one per request; the general
// logger flushes after every line (core/logging). spdlog's own stderr sink
// writes and flushes every line.
#pragma once

#include <spdlog/sinks/base_sink.h>

#include <mutex>

namespace hirag {

class BatchedFdSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit BatchedFdSink(int fd);
  ~BatchedFdSink() override;

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override;
  void flush_() override;

 private:
  static constexpr size_t kMaxBatchBytes = 64 * 1024;

  int fd_;
  spdlog::memory_buf_t batch_;  // the formatter appends each line straight here
};

}  // namespace hirag
