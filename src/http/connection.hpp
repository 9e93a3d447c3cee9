// http/connection: one client connection as a coroutine: read a request within
// the limits and timeouts, run the pipeline (handlers on the worker pool when they
// block), write the response, repeat while keep-alive.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

#include "http/pipeline.hpp"

namespace hirag::http {

// Shutdown coordination: counts requests in flight and lets idle connections be
// closed at once when draining begins. Per-request calls are lock-free.
class Drain {
 public:
  bool draining() const;
  void begin();
  // A connection registers, for its lifetime, how to close it if it is idle;
  // returns a handle.
  uint64_t register_connection(std::function<void()> close_if_idle);
  void unregister_connection(uint64_t handle);
  void request_started();
  void request_finished();
  // Waits until no request is in flight, at most `timeout_ms`.
  void wait_idle(int64_t timeout_ms);
  int64_t in_flight() const { return in_flight_.load(std::memory_order_acquire); }

 private:
  mutable std::mutex mutex_;
  std::condition_variable idle_cv_;
  std::atomic<bool> draining_ = false;
  std::atomic<int64_t> in_flight_ = 0;
  uint64_t next_handle_ = 0;
  std::map<uint64_t, std::function<void()>> connections_;
};

struct ConnectionContext {
  Pipeline* pipeline = nullptr;
  boost::asio::thread_pool* workers = nullptr;
  uint64_t max_body_bytes = 0;
  uint32_t max_header_bytes = 0;
  int64_t read_timeout_ms = 0;
  int64_t idle_timeout_ms = 0;
  std::shared_ptr<Drain> drain;
};

boost::asio::awaitable<void> serve_connection(boost::asio::ip::tcp::socket socket, ConnectionContext context);

}  // namespace hirag::http
