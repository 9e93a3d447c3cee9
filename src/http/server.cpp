#include "http/server.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <thread>
#include <vector>

#include "http/connection.hpp"

namespace hirag::http {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// One io_context per I/O thread: connections are dealt round-robin to them, so
// threads never contend on a shared scheduler and a connection's coroutine never
// runs on two threads (no strand needed).
struct Server::Impl {
  Impl(ServerOptions o, Pipeline& p) : options(std::move(o)), pipeline(p), workers(static_cast<size_t>(options.worker_threads)) {
    for (int i = 0; i < std::max(1, options.io_threads); ++i) {
      contexts.push_back(std::make_unique<asio::io_context>(1));
      guards.emplace_back(contexts.back()->get_executor());
    }
    acceptor = std::make_unique<tcp::acceptor>(*contexts.front());
  }

  asio::io_context& next_context() { return *contexts[next++ % contexts.size()]; }

  asio::awaitable<void> accept_loop() {
    for (;;) {
      boost::system::error_code ec;
      tcp::socket socket = co_await acceptor->async_accept(next_context().get_executor(),
                                                           asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        if (!acceptor->is_open()) co_return;
        spdlog::warn("event=accept_failed error=\"{}\"", ec.message());
        continue;
      }
      auto executor = socket.get_executor();
      asio::co_spawn(executor, serve_connection(std::move(socket), context), asio::detached);
    }
  }

  ServerOptions options;
  Pipeline& pipeline;
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
  std::unique_ptr<tcp::acceptor> acceptor;
  size_t next = 0;
  asio::thread_pool workers;
  ConnectionContext context{};
  std::vector<std::thread> threads;
  bool stopped = false;
};

Server::Server(ServerOptions options, Pipeline& pipeline) : impl_(std::make_unique<Impl>(std::move(options), pipeline)) {}

Server::~Server() { stop(0); }

Status Server::start() {
  auto& s = *impl_;
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(s.options.host == "localhost" ? "127.0.0.1" : s.options.host, ec);
  if (ec) return Error::validation("server.host '" + s.options.host + "' is not an IP address");
  const tcp::endpoint endpoint(address, s.options.port);
  s.acceptor->open(endpoint.protocol(), ec);
  if (!ec) s.acceptor->set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor->bind(endpoint, ec);
  if (!ec) s.acceptor->listen(4096, ec);
  if (ec) {
    return Error::internal(fmt::format("cannot listen on {}:{}: {}", s.options.host, s.options.port, ec.message()));
  }
  s.context = ConnectionContext{&s.pipeline, &s.workers, s.options.max_body_bytes, s.options.max_header_bytes,
                                s.options.read_timeout_ms, s.options.idle_timeout_ms, std::make_shared<Drain>()};
  asio::co_spawn(*s.contexts.front(), s.accept_loop(), asio::detached);
  for (auto& io : s.contexts) s.threads.emplace_back([&io] { io->run(); });
  return ok_status();
}

uint16_t Server::port() const {
  boost::system::error_code ec;
  auto endpoint = impl_->acceptor->local_endpoint(ec);
  return ec ? 0 : endpoint.port();
}

void Server::run_until_signal(int64_t grace_ms) {
  asio::io_context signals_io;
  asio::signal_set signals(signals_io, SIGINT, SIGTERM);
  int received = 0;
  signals.async_wait([&](const boost::system::error_code&, int signal) { received = signal; });
  signals_io.run();
  spdlog::info("event=shutdown_started signal={} grace_ms={}", received, grace_ms);
  stop(grace_ms);
}

void Server::stop(int64_t grace_ms) {
  auto& s = *impl_;
  if (s.stopped) return;
  s.stopped = true;
  // 1. No new connections.
  asio::post(s.acceptor->get_executor(), [&s] {
    boost::system::error_code ignored;
    s.acceptor->close(ignored);
  });
  // 2. Idle connections close now; busy ones close after their current response.
  if (s.context.drain) {
    s.context.drain->begin();
    // 3. Wait (bounded) for in-flight requests.
    spdlog::info("event=shutdown_draining in_flight={}", s.context.drain->in_flight());
    s.context.drain->wait_idle(grace_ms);
    spdlog::info("event=shutdown_drained in_flight={}", s.context.drain->in_flight());
  }
  for (auto& io : s.contexts) io->stop();
  for (auto& t : s.threads) {
    if (t.joinable()) t.join();
  }
  s.workers.join();
  spdlog::info("event=server_stopped");
}

}  // namespace hirag::http
