// llm/retry_policy: which failed attempts to a remote model are worth repeating
// and how long to wait before the next one. Retries network errors, timeouts, 429
// and 5xx; never other 4xx (a bad request or a wrong key does not get better).
// Backoff is exponential with full jitter; a Retry-After on 429/503 is honoured
// (capped). Pure policy: it neither sleeps nor sends.
#pragma once

#include <chrono>
#include <optional>
#include <random>
#include <string_view>

#include "llm/http_client.hpp"

namespace hirag::llm {

struct RetryPolicy {
  int max_attempts = 3;                          // total attempts, >= 1
  std::chrono::milliseconds base{100};           // first backoff ceiling
  std::chrono::milliseconds cap{5'000};          // backoff ceiling
  std::chrono::milliseconds retry_after_cap{30'000};  // longest Retry-After honoured

  // True when `response` is a failure another attempt may cure.
  static bool retryable(const HttpResponse& response);
  // The wait before attempt `failed_attempt + 1` (0-based) after `response` failed:
  // the server's Retry-After (429/503, capped) if it sent one, else a uniform draw
  // from [0, min(cap, base * 2^failed_attempt)].
  std::chrono::milliseconds delay(int failed_attempt, const HttpResponse& response, std::mt19937_64& rng) const;
};

// Parses a Retry-After value: delta-seconds ("120") or an HTTP-date
// ("Wed, 21 Oct 2015 07:28:00 GMT", relative to `now`; past dates give 0).
std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now);

}  // namespace hirag::llm
