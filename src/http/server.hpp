// http/server: the HTTP/1.1 server (Boost.Beast + Asio C++20 coroutines).
// One io_context per I/O thread (one per core), connections dealt round-robin;
// each connection is a coroutine; blocking handlers run on a separate worker pool
// that the connection awaits. Limits: header and body size; timeouts: idle keep-alive and
// per-request read. stop() drains: no new connections, in-flight requests
// finish (bounded), idle connections close.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "http/pipeline.hpp"

namespace hirag::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8081;
  int io_threads = 1;
  int worker_threads = 2;
  uint64_t max_body_bytes = 10 * 1024 * 1024;
  uint32_t max_header_bytes = 16 * 1024;
  int64_t read_timeout_ms = 10'000;
  int64_t idle_timeout_ms = 60'000;
};

class Server {
 public:
  Server(ServerOptions options, Pipeline& pipeline);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts the threads; returns once listening.
  Status start();
  // The bound port (useful with port 0).
  uint16_t port() const;
  // Blocks until SIGTERM/SIGINT, then drains for at most `grace_ms`.
  void run_until_signal(int64_t grace_ms);
  // Drains and stops (idempotent).
  void stop(int64_t grace_ms);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hirag::http
