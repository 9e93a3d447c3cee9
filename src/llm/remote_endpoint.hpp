// llm/remote_endpoint: one OpenAI-compatible endpoint (URL, bearer key, timeout)
// behind a retry policy and a circuit breaker. The single place where requests to
// remote models are sent, retried, counted (llm_* metrics) and turned into
// hirag::Error values; the embeddings and chat clients only build bodies and read
// answers. Never logs or returns request bodies or the key.
#pragma once

#include <boost/json/value.hpp>
#include <memory>
#include <string>
#include <string_view>

#include "core/config.hpp"
#include "core/result.hpp"
#include "llm/circuit_breaker.hpp"
#include "llm/retry_policy.hpp"

namespace hirag::llm {

class RemoteEndpoint {
 public:
  // `name` labels metrics and messages ("embeddings", "chat"); `path` is appended
  // to config.base_url ("/embeddings").
  RemoteEndpoint(std::string name, const RemoteModelConfig& config, std::string_view path);

  // POSTs `body` and returns the parsed JSON of a 2xx answer. Errors:
  //   TIMEOUT          every attempt timed out (the last failure was a timeout);
  //   UPSTREAM_ERROR   circuit open, retries exhausted (5xx/429/network), a 4xx
  //                    (401/403: "authentication failed"), or malformed JSON.
  // Messages name the endpoint URL, never the key.
  Result<boost::json::value> post(const boost::json::value& body);

  const std::string& url() const { return url_; }  // credentials in the URL are redacted
  std::shared_ptr<const CircuitBreaker> breaker() const { return breaker_; }
  // For tests that must not wait for real backoff.
  void set_retry_policy(const RetryPolicy& policy) { policy_ = policy; }

 private:
  HttpResponse send(const std::string& payload);
  Error failure(const HttpResponse& last, int attempts) const;
  Error error(ErrorCode code, std::string what, const HttpResponse& last, int attempts) const;

  std::string name_;
  std::string request_url_;
  std::string url_;
  std::string api_key_;
  std::chrono::milliseconds timeout_;
  RetryPolicy policy_;
  std::shared_ptr<CircuitBreaker> breaker_;
};

}  // namespace hirag::llm
