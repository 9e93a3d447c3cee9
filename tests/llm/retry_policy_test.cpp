// Retry policy: what is retried, full-jitter backoff bounds, Retry-After parsing.
#include "llm/retry_policy.hpp"

#include <gtest/gtest.h>

namespace hirag::llm {
namespace {

using std::chrono::milliseconds;

HttpResponse status(long code, std::string retry_after = "") {
  HttpResponse r;
  r.status = code;
  if (!retry_after.empty()) r.headers["retry-after"] = retry_after;
  return r;
}

HttpResponse transport(Transport t) {
  HttpResponse r;
  r.transport = t;
  return r;
}

TEST(RetryPolicy, RetriesOnlyTransientFailures) {
  EXPECT_TRUE(RetryPolicy::retryable(transport(Transport::Timeout)));
  EXPECT_TRUE(RetryPolicy::retryable(transport(Transport::NetworkError)));
  EXPECT_TRUE(RetryPolicy::retryable(status(429)));
  EXPECT_TRUE(RetryPolicy::retryable(status(500)));
  EXPECT_TRUE(RetryPolicy::retryable(status(503)));
  EXPECT_FALSE(RetryPolicy::retryable(status(400)));
  EXPECT_FALSE(RetryPolicy::retryable(status(401)));
  EXPECT_FALSE(RetryPolicy::retryable(status(403)));
  EXPECT_FALSE(RetryPolicy::retryable(status(404)));
}

TEST(RetryPolicy, FullJitterStaysWithinTheExponentialCeilingAndCap) {
  RetryPolicy policy;
  std::mt19937_64 rng(42);
  for (int attempt = 0; attempt < 12; ++attempt) {
    const int64_t ceiling = std::min<int64_t>(5000, 100LL << attempt);
    int64_t largest = 0;
    for (int i = 0; i < 200; ++i) {
      const auto d = policy.delay(attempt, status(500), rng).count();
      ASSERT_GE(d, 0);
      ASSERT_LE(d, ceiling);
      largest = std::max(largest, d);
    }
    EXPECT_GT(largest, ceiling / 2) << "jitter should spread over the whole range";
  }
}

TEST(RetryPolicy, HonoursRetryAfterOn429And503Capped) {
  RetryPolicy policy;
  std::mt19937_64 rng(1);
  EXPECT_EQ(policy.delay(0, status(429, "2"), rng), milliseconds(2000));
  EXPECT_EQ(policy.delay(0, status(503, "3"), rng), milliseconds(3000));
  EXPECT_EQ(policy.delay(0, status(429, "86400"), rng), policy.retry_after_cap);
  EXPECT_LE(policy.delay(0, status(500, "7"), rng), milliseconds(100)) << "Retry-After only counts on 429/503";
}

TEST(RetryAfter, ParsesSecondsAndHttpDates) {
  const auto now = std::chrono::system_clock::from_time_t(1445412470);  // Wed, 21 Oct 2015 07:27:50 GMT
  EXPECT_EQ(parse_retry_after("120", now), milliseconds(120'000));
  EXPECT_EQ(parse_retry_after(" 0 ", now), milliseconds(0));
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now), milliseconds(10'000));
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now), milliseconds(0)) << "past dates mean now";
  EXPECT_FALSE(parse_retry_after("", now));
  EXPECT_FALSE(parse_retry_after("soon", now));
  EXPECT_GT(parse_retry_after("99999999999999999999999", now).value(), milliseconds(1'000'000'000));
}

}  // namespace
}  // namespace hirag::llm
