#include "llm/retry_policy.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <string>

namespace hirag::llm {

bool RetryPolicy::retryable(const HttpResponse& response) {
  if (response.transport != Transport::Ok) return true;
  return response.status == 429 || response.status >= 500;
}

std::chrono::milliseconds RetryPolicy::delay(int failed_attempt, const HttpResponse& response,
                                             std::mt19937_64& rng) const {
  using std::chrono::milliseconds;
  if (response.transport == Transport::Ok && (response.status == 429 || response.status == 503)) {
    if (auto wait = parse_retry_after(response.header("retry-after"), std::chrono::system_clock::now())) {
      return std::min(*wait, retry_after_cap);
    }
  }
  const int shift = std::clamp(failed_attempt, 0, 30);
  const int64_t ceiling = std::min<int64_t>(cap.count(), base.count() << shift);
  std::uniform_int_distribution<int64_t> draw(0, std::max<int64_t>(ceiling, 0));
  return milliseconds(draw(rng));
}

std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now) {
  using std::chrono::milliseconds;
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    constexpr int64_t kLongest = INT64_C(1) << 40;  // out-of-range values mean "very long"; callers cap
    int64_t seconds = kLongest;
    std::from_chars(value.data(), value.data() + value.size(), seconds);
    return milliseconds(std::min(seconds, kLongest) * 1000);
  }
  const std::string date(value);
  const time_t when = curl_getdate(date.c_str(), nullptr);
  if (when < 0) return std::nullopt;
  const auto delta = std::chrono::system_clock::from_time_t(when) - now;
  return std::max(milliseconds(0), std::chrono::duration_cast<milliseconds>(delta));
}

}  // namespace hirag::llm
