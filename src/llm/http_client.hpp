// llm/http_client: one blocking HTTP POST of a JSON body over libcurl, for the
// remote model clients. Owns transport only: per-attempt timeout, bearer header,
// status, response headers and body. No retries, no JSON parsing, and nothing is
// logged (request bodies hold user text; headers hold keys).
// Thread-safe: each thread reuses its own curl easy handle, so keep-alive
// connections survive between calls.
#pragma once

#include <chrono>
#include <map>
#include <string>

namespace hirag::llm {

enum class Transport {
  Ok,            // an HTTP response arrived (any status)
  Timeout,       // no complete response within the timeout
  NetworkError,  // DNS, connect, TLS, reset ...
};

struct HttpRequest {
  std::string url;
  std::string body;          // JSON
  std::string bearer_token;  // empty = no Authorization header
  std::chrono::milliseconds timeout{30'000};
};

struct HttpResponse {
  Transport transport = Transport::Ok;
  std::string transport_error;  // libcurl's description when transport != Ok
  long status = 0;
  std::map<std::string, std::string> headers;  // lower-cased names; last value wins
  std::string body;

  // The value of a header (lower-case name), or "" when absent.
  std::string header(const std::string& lower_name) const;
};

HttpResponse http_post_json(const HttpRequest& request);

}  // namespace hirag::llm
