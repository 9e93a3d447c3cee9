// http/pipeline: everything that happens to a request around its handler, in
// order: request id → route (404/405) → readiness (503) → authentication (401; failures throttled
// per peer) → tenant rate limit (429) → disk reserve on storing routes (507) → content type (415)
// → handler → response
// headers, metrics and one access-log line. Free of Beast: the server feeds it
// parsed Requests and writes the Responses it returns.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/config.hpp"
#include "core/health.hpp"
#include "http/middleware/key_ring.hpp"
#include "http/middleware/sliding_window_limiter.hpp"
#include "http/router.hpp"
#include "store/disk_reserve.hpp"

namespace hirag::http {

// One request in flight: what admit() decided, carried to finish().
struct Exchange {
  Request request;
  const Route* route = nullptr;
  std::optional<LimitDecision> rate;
  double started_at = 0;  // monotonic seconds
};

class Pipeline {
 public:
  // Authenticated routes answer 503 until `health` is ready (start-up work done).
  Pipeline(const Config& config, const Router& router, KeyRing& keys, const HealthRegistry& health,
           const store::DiskReserve& disk);

  // Runs the checks before the handler. Returns a response when the request ends
  // here (404, 401, 429 ...); otherwise exchange.route is set and the caller runs
  // route->handler (inline or on the worker pool).
  std::optional<Response> admit(Exchange& exchange);
  // Runs a handler, turning escaped exceptions into a 500 envelope.
  static Response invoke(Exchange& exchange);
  // Adds X-Request-Id and rate-limit headers, records metrics and the access log.
  void finish(Exchange& exchange, Response& response) const;
  // Whether finish() writes an access-log line (logging.access_log).
  bool logs_access() const { return config_.logging.access_log; }

  // Request id: the client's X-Request-Id if short and printable, else a new one.
  static std::string request_id_for(const Request& request);

 private:
  std::optional<Response> authenticate(Exchange& exchange);
  std::optional<Response> authorize_metrics(const Request& request) const;
  std::optional<Response> rate_limit(Exchange& exchange);
  Response reject_auth(const Request& request, std::string_view reason, std::string message);

  const Config& config_;
  const Router& router_;
  KeyRing& keys_;
  const HealthRegistry& health_;
  const store::DiskReserve& disk_;
  SlidingWindowLimiter tenant_limiter_;
  SlidingWindowLimiter auth_failure_limiter_;
};

// "127.0.0.1", "::1", "localhost" and the rest of 127.0.0.0/8.
bool is_loopback_host(const std::string& host);

}  // namespace hirag::http
