#include "llm/remote_endpoint.hpp"

#include <spdlog/spdlog.h>

#include <boost/json/parse.hpp>
#include <thread>

#include "core/clock.hpp"
#include "core/json_writer.hpp"
#include "metrics/llm_metrics.hpp"

namespace hirag::llm {
namespace {

// "https://user:secret@host/v1" → "https://host/v1": URLs appear in messages and logs.
std::string redact_userinfo(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const auto host_start = scheme + 3;
  const auto at = url.find('@', host_start);
  const auto slash = url.find('/', host_start);
  if (at == std::string::npos || (slash != std::string::npos && at > slash)) return url;
  return url.substr(0, host_start) + url.substr(at + 1);
}

std::string join_url(std::string base, std::string_view path) {
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + std::string(path);
}

std::string status_label(const HttpResponse& response) {
  switch (response.transport) {
    case Transport::Timeout: return "timeout";
    case Transport::NetworkError: return "network_error";
    case Transport::Ok: break;
  }
  return std::to_string(response.status);
}

bool is_success(const HttpResponse& response) {
  return response.transport == Transport::Ok && response.status >= 200 && response.status < 300;
}

// The provider's own explanation of a rejected request ({"error":{"message":...}}),
// shortened; empty when the body has none.
std::string upstream_reason(const std::string& body) {
  boost::system::error_code ec;
  const auto json = boost::json::parse(body, ec);
  if (ec || !json.is_object()) return {};
  const auto* err = json.as_object().if_contains("error");
  const boost::json::value* message = nullptr;
  if (err && err->is_object()) message = err->as_object().if_contains("message");
  if (err && err->is_string()) message = err;
  if (!message || !message->is_string()) return {};
  std::string text(message->as_string());
  constexpr size_t kMax = 200;
  if (text.size() > kMax) text = text.substr(0, kMax) + "...";
  return text;
}

std::mt19937_64& thread_rng() {
  thread_local std::mt19937_64 rng(std::random_device{}());
  return rng;
}

}  // namespace

RemoteEndpoint::RemoteEndpoint(std::string name, const RemoteModelConfig& config, std::string_view path)
    : name_(std::move(name)),
      request_url_(join_url(config.base_url, path)),
      url_(redact_userinfo(request_url_)),
      api_key_(config.api_key),
      timeout_(config.timeout_ms) {
  policy_.max_attempts = static_cast<int>(std::max<int64_t>(config.max_attempts, 1));
  auto& gauge = metrics::llm_metrics().circuit_state.Add({{"endpoint", name_}});
  gauge.Set(0);
  breaker_ = std::make_shared<CircuitBreaker>(config.circuit_failures, std::chrono::milliseconds(config.circuit_reset_ms),
                                              [&gauge](CircuitState state) { gauge.Set(static_cast<double>(state)); });
}

Result<boost::json::value> RemoteEndpoint::post(const boost::json::value& body) {
  if (!breaker_->allow()) {
    metrics::llm_metrics().requests.Add({{"endpoint", name_}, {"status", "circuit_open"}}).Increment();
    Error rejected{ErrorCode::UpstreamError,
                   name_ + " endpoint " + url_ + " is unavailable: circuit open after repeated failures",
                   {}};
    rejected.details["endpoint"] = url_;
    rejected.details["circuit"] = "open";
    rejected.details["retry_in_ms"] = breaker_->retry_in().count();
    return rejected;
  }
  const std::string payload = to_json(body);
  HttpResponse last;
  int attempts = 0;
  while (true) {
    last = send(payload);
    ++attempts;
    if (is_success(last) || !RetryPolicy::retryable(last) || attempts >= policy_.max_attempts) break;
    std::this_thread::sleep_for(policy_.delay(attempts - 1, last, thread_rng()));
  }
  if (!is_success(last)) {
    // A 4xx means the endpoint is up and answered; only unavailability trips the breaker.
    if (RetryPolicy::retryable(last)) {
      breaker_->record_failure();
    } else {
      breaker_->record_success();
    }
    Error err = failure(last, attempts);
    spdlog::warn("remote model call failed endpoint={} url={} status={} attempts={}", name_, url_,
                 status_label(last), attempts);
    return err;
  }
  boost::system::error_code ec;
  auto json = boost::json::parse(last.body, ec);
  if (ec) {
    breaker_->record_failure();
    return error(ErrorCode::UpstreamError, "returned a response that is not valid JSON", last, attempts);
  }
  breaker_->record_success();
  return json;
}

HttpResponse RemoteEndpoint::send(const std::string& payload) {
  const double start = monotonic_seconds();
  HttpResponse response = http_post_json(HttpRequest{request_url_, payload, api_key_, timeout_});
  auto& m = metrics::llm_metrics();
  m.request_duration.Add({{"endpoint", name_}}, metrics::remote_call_buckets()).Observe(monotonic_seconds() - start);
  m.requests.Add({{"endpoint", name_}, {"status", status_label(response)}}).Increment();
  return response;
}

Error RemoteEndpoint::failure(const HttpResponse& last, int attempts) const {
  switch (last.transport) {
    case Transport::Timeout:
      return error(ErrorCode::Timeout, "did not answer within " + std::to_string(timeout_.count()) + " ms", last,
                   attempts);
    case Transport::NetworkError:
      return error(ErrorCode::UpstreamError, "is unreachable (" + last.transport_error + ")", last, attempts);
    case Transport::Ok:
      break;
  }
  const std::string status = "HTTP " + std::to_string(last.status);
  if (last.status == 401 || last.status == 403) {
    return error(ErrorCode::UpstreamError, "authentication failed (" + status + "); check the configured api_key",
                 last, attempts);
  }
  if (!RetryPolicy::retryable(last)) {
    const std::string reason = upstream_reason(last.body);
    return error(ErrorCode::UpstreamError, "rejected the request (" + status + (reason.empty() ? "" : ": " + reason) + ")",
                 last, attempts);
  }
  return error(ErrorCode::UpstreamError, "failed (" + status + ")", last, attempts);
}

Error RemoteEndpoint::error(ErrorCode code, std::string what, const HttpResponse& last, int attempts) const {
  Error err{code, name_ + " endpoint " + url_ + " " + what, {}};
  if (attempts > 1) err.message += " after " + std::to_string(attempts) + " attempts";
  err.details["endpoint"] = url_;
  err.details["attempts"] = attempts;
  if (last.transport == Transport::Ok) err.details["upstream_status"] = last.status;
  return err;
}

}  // namespace hirag::llm
