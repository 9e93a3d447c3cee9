#include "http/pipeline.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/logging.hpp"
#include "core/uuid.hpp"
#include "metrics/http_metrics.hpp"
#include "metrics/seed_metrics.hpp"

namespace hirag::http {
namespace {

constexpr std::string_view kDefaultTenant = "default";

std::optional<std::string_view> bearer_token(const Request& request) {
  auto header = request.header("authorization");
  if (!header) return std::nullopt;
  constexpr std::string_view kScheme = "Bearer ";
  if (header->size() <= kScheme.size() || header->substr(0, kScheme.size()) != kScheme) return std::nullopt;
  return header->substr(kScheme.size());
}

void add_rate_headers(Response& response, const LimitDecision& d) {
  response.set_header("X-RateLimit-Limit", std::to_string(d.limit));
  response.set_header("X-RateLimit-Remaining", std::to_string(d.remaining));
  response.set_header("X-RateLimit-Reset", std::to_string(d.reset_in_seconds));
}

Response rate_limit_response(const LimitDecision& d, const std::string& message) {
  boost::json::object details;
  details["limit"] = d.limit;
  details["remaining"] = 0;
  details["reset_in_seconds"] = d.retry_after_seconds;
  Response response = error_response(ErrorCode::RateLimit, message, details);
  response.set_header("X-RateLimit-Limit", std::to_string(d.limit));
  response.set_header("X-RateLimit-Remaining", "0");
  response.set_header("X-RateLimit-Reset", std::to_string(d.retry_after_seconds));
  response.set_header("Retry-After", std::to_string(d.retry_after_seconds));
  return response;
}

bool is_json_content_type(std::optional<std::string_view> type) {
  if (!type) return false;
  std::string lower(*type);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto semicolon = lower.find(';');
  std::string_view media = std::string_view(lower).substr(0, semicolon);
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  return media == "application/json";
}

}  // namespace

bool is_loopback_host(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

Pipeline::Pipeline(const Config& config, const Router& router, KeyRing& keys, const HealthRegistry& health,
                   const store::DiskReserve& disk)
    : config_(config),
      router_(router),
      keys_(keys),
      health_(health),
      disk_(disk),
      tenant_limiter_(config.rate_limit.requests_per_window, config.rate_limit.window_secs),
      auth_failure_limiter_(config.auth.max_failures_per_window, config.auth.failure_window_secs) {}

std::string Pipeline::request_id_for(const Request& request) {
  if (auto id = request.header("x-request-id"); id && !id->empty() && id->size() <= 128) {
    const bool printable = std::all_of(id->begin(), id->end(), [](char c) { return c > 0x20 && c < 0x7F; });
    if (printable) return std::string(*id);
  }
  return new_uuid_v7();
}

std::optional<Response> Pipeline::admit(Exchange& exchange) {
  Request& request = exchange.request;
  request.request_id = request_id_for(request);
  const RouteMatch match = router_.match(request.method, request);
  if (match.route == nullptr) {
    request.route = "unmatched";  // the metrics label of every unrouted request
    if (match.allowed.empty()) {
      return error_response(ErrorCode::NotFound, fmt::format("no route for {}", request.path));
    }
    std::string allow;
    for (Method m : match.allowed) allow += (allow.empty() ? "" : ", ") + std::string(method_name(m));
    boost::json::object details;
    details["allowed"] = allow;
    Response response = error_response(
        ErrorCode::MethodNotAllowed,
        fmt::format("method {} is not allowed on {}; allowed: {}", method_name(request.method), request.path, allow),
        details);
    response.set_header("Allow", allow);
    return response;
  }
  exchange.route = match.route;
  if (request.route == "/metrics") return authorize_metrics(request);
  if (match.route->options.authenticated) {
    if (!health_.ready()) {
      Response response = error_response(ErrorCode::Unavailable, "starting up: the vector index is still loading");
      response.set_header("Retry-After", "1");
      return response;
    }
    if (auto rejected = authenticate(exchange)) return rejected;
    if (auto limited = rate_limit(exchange)) return limited;
  }
  // Before the body is read: a client sending `Expect: 100-continue` is told at once.
  if (match.route->options.stores) {
    if (auto room = disk_.check_room_for_writes(); !room) return error_response(room.error());
  }
  if (match.route->options.json_body && !is_json_content_type(request.header("content-type"))) {
    return error_response(ErrorCode::UnsupportedMediaType,
                          fmt::format("Content-Type must be application/json, got '{}'",
                                      request.header("content-type").value_or("")));
  }
  return std::nullopt;
}

Response Pipeline::reject_auth(const Request& request, std::string_view reason, std::string message) {
  metrics::http_metrics().auth_failures.Add({{"reason", std::string(reason)}}).Increment();
  auth_failure_limiter_.acquire(request.peer_address, 1, now_unix_ms());
  Response response = error_response(ErrorCode::Unauthorized, std::move(message));
  response.set_header("WWW-Authenticate", "Bearer");
  return response;
}

std::optional<Response> Pipeline::authenticate(Exchange& exchange) {
  Request& request = exchange.request;
  if (!keys_.has_keys()) {
    // Single-tenant mode: only ever reachable on loopback (start-up refuses otherwise).
    request.tenant = kDefaultTenant;
    return std::nullopt;
  }
  const int64_t now = now_unix_ms();
  const LimitDecision failures = auth_failure_limiter_.peek(request.peer_address, now);
  if (failures.remaining <= 0) {
    LimitDecision d = failures;
    d.retry_after_seconds = std::max<int64_t>(1, d.reset_in_seconds);
    return rate_limit_response(d, "Too many failed authentications from this address. Retry after " +
                                      std::to_string(d.retry_after_seconds) + " seconds.");
  }
  const auto token = bearer_token(request);
  if (!token) return reject_auth(request, "missing", "missing or malformed Authorization: Bearer <key> header");
  auto tenant = keys_.tenant_for(*token);
  if (!tenant) return reject_auth(request, "invalid", "invalid or revoked API key");
  request.tenant = std::move(*tenant);
  return std::nullopt;
}

std::optional<Response> Pipeline::authorize_metrics(const Request& request) const {
  const auto& expected = config_.metrics.bearer_token;
  if (expected.empty()) return std::nullopt;
  const auto token = bearer_token(request);
  if (token && constant_time_equal(*token, expected)) return std::nullopt;
  Response response = error_response(ErrorCode::Unauthorized, "GET /metrics requires the metrics bearer token");
  response.set_header("WWW-Authenticate", "Bearer");
  return response;
}

std::optional<Response> Pipeline::rate_limit(Exchange& exchange) {
  if (!config_.rate_limit.enabled) return std::nullopt;
  const std::string& tenant = exchange.request.tenant;
  const int64_t cost = exchange.route->options.batch ? config_.rate_limit.batch_cost : 1;
  LimitDecision d = tenant_limiter_.acquire(tenant, cost, now_unix_ms());
  auto& seed = metrics::rate_limit_metrics();
  if (!d.allowed) {
    seed.hits.Add({{"client_id", tenant}}).Increment();
    return rate_limit_response(
        d, fmt::format("Rate limit exceeded. Retry after {} seconds.", d.retry_after_seconds));
  }
  seed.allowed.Add({{"client_id", tenant}}).Increment();
  exchange.rate = d;
  return std::nullopt;
}

Response Pipeline::invoke(Exchange& exchange) {
  try {
    return exchange.route->handler(exchange.request);
  } catch (const std::exception& e) {
    spdlog::error("event=handler_exception request_id={} route={} error=\"{}\"", exchange.request.request_id,
                  exchange.request.route, e.what());
    return error_response(ErrorCode::Internal, "internal error; see the server log for request " +
                                                   exchange.request.request_id);
  }
}

void Pipeline::finish(Exchange& exchange, Response& response) const {
  const Request& request = exchange.request;
  response.set_header("X-Request-Id", request.request_id);
  if (exchange.rate) add_rate_headers(response, *exchange.rate);
  const double seconds = monotonic_seconds() - exchange.started_at;
  const std::string route = request.route.empty() ? "unmatched" : request.route;
  metrics::http_request_counter(route, method_name(request.method), response.status).Increment();
  metrics::http_request_histogram(route).Observe(seconds);
  if (config_.logging.access_log) {
    access_logger().info("event=access request_id={} tenant={} method={} route={} status={} duration_ms={:.3f} peer={}",
                 request.request_id, request.tenant.empty() ? "-" : request.tenant, method_name(request.method), route,
                 response.status, seconds * 1000.0, request.peer_address);
  }
}

}  // namespace hirag::http
