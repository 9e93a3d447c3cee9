#include "http/connection.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <memory>

#include "core/clock.hpp"
#include "core/logging.hpp"
#include "http/request_conversion.hpp"
#include "http/response_wire.hpp"
#include "metrics/http_metrics.hpp"

namespace hirag::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

bool Drain::draining() const { return draining_.load(std::memory_order_acquire); }

void Drain::begin() {
  std::map<uint64_t, std::function<void()>> connections;
  {
    std::lock_guard lock(mutex_);
    draining_.store(true, std::memory_order_release);
    connections.swap(connections_);
  }
  for (auto& [handle, close_if_idle] : connections) close_if_idle();
}

uint64_t Drain::register_connection(std::function<void()> close_if_idle) {
  std::lock_guard lock(mutex_);
  connections_.emplace(++next_handle_, std::move(close_if_idle));
  return next_handle_;
}

void Drain::unregister_connection(uint64_t handle) {
  std::lock_guard lock(mutex_);
  connections_.erase(handle);
}

void Drain::request_started() { in_flight_.fetch_add(1, std::memory_order_acq_rel); }

void Drain::request_finished() {
  if (in_flight_.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
  std::lock_guard lock(mutex_);  // pairs with wait_idle's predicate check: no lost wake-up
  idle_cv_.notify_all();
}

void Drain::wait_idle(int64_t timeout_ms) {
  std::unique_lock lock(mutex_);
  idle_cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                    [this] { return in_flight_.load(std::memory_order_acquire) == 0; });
}

namespace {

// Counts the connection in the open-connections gauge for its lifetime.
struct ConnectionGauge {
  ConnectionGauge() { metrics::http_metrics().connections.Increment(); }
  ~ConnectionGauge() { metrics::http_metrics().connections.Decrement(); }
};

// Keeps the connection in the drain's list for its lifetime, so that a drain can
// close it while it waits idle for the next request. The close runs on the
// connection's own (single-threaded) executor, possibly after the connection has
// ended and the stream is gone: it cancels only while an idle wait is pending,
// which `waiting` (shared with the posted close) tells.
class DrainRegistration {
 public:
  DrainRegistration(Drain& drain, beast::tcp_stream& stream) : drain_(drain), waiting_(std::make_shared<bool>(false)) {
    handle_ = drain_.register_connection([&stream, executor = stream.get_executor(), waiting = waiting_] {
      asio::post(executor, [&stream, waiting] {
        if (*waiting) stream.cancel();
      });
    });
  }
  ~DrainRegistration() { drain_.unregister_connection(handle_); }
  DrainRegistration(const DrainRegistration&) = delete;
  DrainRegistration& operator=(const DrainRegistration&) = delete;

  void set_waiting(bool waiting) { *waiting_ = waiting; }

 private:
  Drain& drain_;
  std::shared_ptr<bool> waiting_;
  uint64_t handle_ = 0;
};

// Waits for the first byte of the next request under the idle timeout; a draining
// server closes the connection instead. False when the connection should end.
asio::awaitable<bool> await_next_request(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                         DrainRegistration& registration, const ConnectionContext& ctx) {
  if (buffer.size() > 0) co_return true;
  if (ctx.drain->draining()) co_return false;
  stream.expires_after(std::chrono::milliseconds(ctx.idle_timeout_ms));
  boost::system::error_code ec;
  registration.set_waiting(true);
  const size_t n = co_await stream.async_read_some(buffer.prepare(8192), asio::redirect_error(asio::use_awaitable, ec));
  registration.set_waiting(false);
  if (ec) co_return false;
  buffer.commit(n);
  co_return true;
}

// The response for a request that could not be read completely.
std::optional<Response> read_failure_response(const boost::system::error_code& ec) {
  if (ec == bhttp::error::body_limit) {
    return error_response(ErrorCode::PayloadTooLarge, "request body exceeds server.max_body_bytes");
  }
  if (ec == bhttp::error::header_limit) {
    Response r = error_response(ErrorCode::PayloadTooLarge, "request headers exceed server.max_header_bytes");
    r.status = 431;
    return r;
  }
  if (ec == beast::error::timeout || ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
      ec == asio::error::connection_reset || ec == asio::error::operation_aborted) {
    return std::nullopt;  // the peer is gone or too slow: nothing useful to send
  }
  return error_response(ErrorCode::Validation, "malformed HTTP request: " + ec.message());
}

// Marks one request in flight, from its first byte to the end of its response.
class InFlight {
 public:
  explicit InFlight(Drain& drain) : drain_(drain) {
    drain_.request_started();
    metrics::http_metrics().in_flight.Increment();
  }
  ~InFlight() {
    metrics::http_metrics().in_flight.Decrement();
    drain_.request_finished();
  }
  InFlight(const InFlight&) = delete;
  InFlight& operator=(const InFlight&) = delete;

 private:
  Drain& drain_;
};

asio::awaitable<Response> run_handler(Exchange& exchange, const ConnectionContext& ctx) {
  if (!exchange.route->options.blocking) co_return Pipeline::invoke(exchange);
  co_return co_await asio::co_spawn(
      *ctx.workers, [&exchange]() -> asio::awaitable<Response> { co_return Pipeline::invoke(exchange); },
      asio::use_awaitable);
}

// Writes the access-log lines of this turn of the I/O thread's event loop once
// the requests that were ready with this one have been answered: one write(2) per
// batch, posted at most once per turn (each I/O thread runs its own io_context).
void flush_access_log_after_this_turn(const asio::any_io_executor& executor) {
  thread_local bool flush_posted = false;
  if (flush_posted) return;
  flush_posted = true;
  asio::post(executor, [] {
    flush_posted = false;
    flush_access_log();
  });
}

using RequestParser = bhttp::request_parser<bhttp::string_body>;

// Reads the body of an admitted request, first answering "100 Continue" to a
// client that waits for it (curl does, for bodies over 1 MiB).
asio::awaitable<boost::system::error_code> read_body(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                                     RequestParser& parser) {
  boost::system::error_code ec;
  if (parser.is_done()) co_return ec;
  if (expects_continue(parser.get().base())) {
    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    co_await asio::async_write(stream, asio::buffer(kContinue), asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return ec;
  }
  co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
  co_return ec;
}

// After a refusal of the head (401, 404, 429 ...), whether the connection can
// carry another request. A client waiting for "100 Continue" sends no body, so
// the connection closes; any other client's body is on its way and is read and
// dropped, because closing with unread bytes makes the kernel reset the
// connection, which can destroy the response before the client reads it.
asio::awaitable<bool> skip_refused_body(beast::tcp_stream& stream, beast::flat_buffer& buffer, RequestParser& parser) {
  if (parser.is_done()) co_return true;
  if (expects_continue(parser.get().base())) co_return false;
  boost::system::error_code ec;
  co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
  co_return !ec;
}

// Runs a request whose head has been read: admission on the head alone, so that
// a refused request costs no body transfer, then the body and the handler.
// `keep_alive` is cleared when the connection cannot carry another request.
asio::awaitable<std::optional<Response>> answer(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                                RequestParser& parser, Exchange& exchange,
                                                const ConnectionContext& ctx, bool& keep_alive) {
  if (!convert_header(parser.get().base(), exchange.request)) {
    exchange.request.request_id = Pipeline::request_id_for(exchange.request);
    keep_alive = false;
    co_return error_response(ErrorCode::Validation, "malformed request target");
  }
  // co_await results are named before they are tested: see serve_connection on GCC 12.
  if (auto refused = ctx.pipeline->admit(exchange)) {
    const bool body_skipped = co_await skip_refused_body(stream, buffer, parser);
    keep_alive = keep_alive && body_skipped;
    co_return refused;
  }
  const boost::system::error_code ec = co_await read_body(stream, buffer, parser);
  if (ec) {
    keep_alive = false;
    co_return read_failure_response(ec);
  }
  exchange.request.body = std::move(parser.get().body());
  co_return co_await run_handler(exchange, ctx);
}

// Reads one request (its first byte is in `buffer`), answers it and says whether
// the connection stays open for another.
asio::awaitable<bool> serve_request(beast::tcp_stream& stream, beast::flat_buffer& buffer, const std::string& peer,
                                    const ConnectionContext& ctx) {
  InFlight in_flight(*ctx.drain);
  RequestParser parser;
  parser.header_limit(ctx.max_header_bytes);
  parser.body_limit(ctx.max_body_bytes);
  stream.expires_after(std::chrono::milliseconds(ctx.read_timeout_ms));
  boost::system::error_code ec;
  co_await bhttp::async_read_header(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));

  Exchange exchange;
  exchange.started_at = monotonic_seconds();
  exchange.request.peer_address = peer;
  std::optional<Response> response;
  bool keep_alive = false;
  unsigned version = 11;
  if (ec) {
    response = read_failure_response(ec);
    exchange.request.request_id = Pipeline::request_id_for(exchange.request);
    exchange.request.route = "unmatched";
  } else {
    keep_alive = parser.get().keep_alive();
    version = parser.get().version();
    response = co_await answer(stream, buffer, parser, exchange, ctx, keep_alive);
  }
  if (!response) co_return false;  // the peer is gone or too slow: nothing to answer
  ctx.pipeline->finish(exchange, *response);
  if (ctx.pipeline->logs_access()) flush_access_log_after_this_turn(stream.get_executor());
  keep_alive = keep_alive && !ctx.drain->draining();
  const std::string wire = serialize_response(*response, version, keep_alive);
  stream.expires_after(std::chrono::milliseconds(ctx.read_timeout_ms));
  co_await asio::async_write(stream, asio::buffer(wire), asio::redirect_error(asio::use_awaitable, ec));
  co_return !ec && keep_alive;
}

}  // namespace

asio::awaitable<void> serve_connection(tcp::socket socket, ConnectionContext ctx) {
  ConnectionGauge gauge;
  boost::system::error_code ec;
  const auto remote = socket.remote_endpoint(ec);
  const std::string peer = ec ? "unknown" : remote.address().to_string();
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  DrainRegistration registration(*ctx.drain, stream);
  // Two statements, not `a && b`: GCC 12 evaluates a co_await on the right of &&
  // even when the left is false, which served a closed connection one more
  // request that waited out the read timeout.
  while (true) {
    if (!co_await await_next_request(stream, buffer, registration, ctx)) break;
    if (!co_await serve_request(stream, buffer, peer, ctx)) break;
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

}  // namespace hirag::http
