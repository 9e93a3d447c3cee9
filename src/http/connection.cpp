#include "http/connection.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <memory>

#include "core/clock.hpp"
#include "metrics/http_metrics.hpp"

namespace hirag::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

bool Drain::draining() const {
  std::lock_guard lock(mutex_);
  return draining_;
}

void Drain::begin() {
  std::map<uint64_t, std::function<void()>> idle;
  {
    std::lock_guard lock(mutex_);
    draining_ = true;
    idle.swap(idle_);
  }
  for (auto& [handle, close] : idle) close();
}

uint64_t Drain::register_idle(std::function<void()> close) {
  std::lock_guard lock(mutex_);
  idle_.emplace(++next_handle_, std::move(close));
  return next_handle_;
}

void Drain::unregister_idle(uint64_t handle) {
  std::lock_guard lock(mutex_);
  idle_.erase(handle);
}

void Drain::request_started() {
  std::lock_guard lock(mutex_);
  ++in_flight_;
}

void Drain::request_finished() {
  std::lock_guard lock(mutex_);
  if (--in_flight_ == 0) idle_cv_.notify_all();
}

void Drain::wait_idle(int64_t timeout_ms) {
  std::unique_lock lock(mutex_);
  idle_cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms), [this] { return in_flight_ == 0; });
}

namespace {

Method to_method(bhttp::verb verb) {
  switch (verb) {
    case bhttp::verb::get: return Method::Get;
    case bhttp::verb::post: return Method::Post;
    case bhttp::verb::put: return Method::Put;
    case bhttp::verb::patch: return Method::Patch;
    case bhttp::verb::delete_: return Method::Delete;
    case bhttp::verb::head: return Method::Head;
    case bhttp::verb::options: return Method::Options;
    default: return Method::Other;
  }
}

// Copies the Beast request into our Request; false if the target is malformed.
bool convert_request(bhttp::request<bhttp::string_body>&& in, Request& out) {
  out.method = to_method(in.method());
  out.target = std::string(in.target());
  auto url = boost::urls::parse_origin_form(in.target());
  if (!url) return false;
  out.path = url->path();
  for (auto param : url->params()) out.query_params.emplace(param.key, param.value);
  for (const auto& field : in) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers.emplace(std::move(name), std::string(field.value()));
  }
  out.body = std::move(in.body());
  return true;
}

bhttp::response<bhttp::string_body> to_beast(Response&& in, unsigned version, bool keep_alive) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(in.status), version};
  out.set(bhttp::field::content_type, in.content_type);
  for (auto& [name, value] : in.headers) out.set(name, value);
  out.body() = std::move(in.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  return out;
}

// Counts the connection in the open-connections gauge for its lifetime.
struct ConnectionGauge {
  ConnectionGauge() { metrics::http_metrics().connections.Increment(); }
  ~ConnectionGauge() { metrics::http_metrics().connections.Decrement(); }
};

// Waits for the first byte of the next request under the idle timeout; a draining
// server closes the connection instead. False when the connection should end.
asio::awaitable<bool> await_next_request(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                         const ConnectionContext& ctx) {
  if (buffer.size() > 0) co_return true;
  if (ctx.drain->draining()) co_return false;
  auto executor = stream.get_executor();
  // The close runs on the connection's own (single-threaded) executor, possibly
  // after this wait has ended and the stream is gone: it cancels only while the
  // wait is still pending.
  auto waiting = std::make_shared<bool>(true);
  const uint64_t handle = ctx.drain->register_idle([&stream, executor, waiting] {
    asio::post(executor, [&stream, waiting] {
      if (*waiting) stream.cancel();
    });
  });
  stream.expires_after(std::chrono::milliseconds(ctx.idle_timeout_ms));
  boost::system::error_code ec;
  const size_t n = co_await stream.async_read_some(buffer.prepare(8192), asio::redirect_error(asio::use_awaitable, ec));
  *waiting = false;
  ctx.drain->unregister_idle(handle);
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

}  // namespace

asio::awaitable<void> serve_connection(tcp::socket socket, ConnectionContext ctx) {
  ConnectionGauge gauge;
  boost::system::error_code ec;
  const auto remote = socket.remote_endpoint(ec);
  const std::string peer = ec ? "unknown" : remote.address().to_string();
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  for (;;) {
    if (!co_await await_next_request(stream, buffer, ctx)) break;
    InFlight in_flight(*ctx.drain);
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(ctx.max_header_bytes);
    parser.body_limit(ctx.max_body_bytes);
    stream.expires_after(std::chrono::milliseconds(ctx.read_timeout_ms));
    co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));

    Exchange exchange;
    exchange.started_at = monotonic_seconds();
    exchange.request.peer_address = peer;
    std::optional<Response> response;
    bool keep_alive = false;
    unsigned version = 11;
    if (ec) {
      response = read_failure_response(ec);
      if (!response) break;
      exchange.request.request_id = Pipeline::request_id_for(exchange.request);
      exchange.request.route = "unmatched";
    } else {
      auto message = parser.release();
      keep_alive = message.keep_alive();
      version = message.version();
      if (!convert_request(std::move(message), exchange.request)) {
        exchange.request.request_id = Pipeline::request_id_for(exchange.request);
        response = error_response(ErrorCode::Validation, "malformed request target");
        keep_alive = false;
      } else {
        response = ctx.pipeline->admit(exchange);
        if (!response) response = co_await run_handler(exchange, ctx);
      }
    }
    ctx.pipeline->finish(exchange, *response);
    keep_alive = keep_alive && !ctx.drain->draining();
    auto out = to_beast(std::move(*response), version, keep_alive);
    stream.expires_after(std::chrono::milliseconds(ctx.read_timeout_ms));
    co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
    if (ec || !keep_alive) break;
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

}  // namespace hirag::http
