#include "http/middleware/sliding_window_limiter.hpp"

#include <gtest/gtest.h>

namespace hirag::http {
namespace {

constexpr int64_t kStart = 1'699'999'980'000;  // a multiple of 60 s: the start of a window

TEST(SlidingWindowLimiterTest, AllowsUpToTheLimitThenRejects) {
  SlidingWindowLimiter limiter(3, 60);
  for (int i = 0; i < 3; ++i) {
    auto d = limiter.acquire("t", 1, kStart);
    EXPECT_TRUE(d.allowed);
    EXPECT_EQ(d.remaining, 2 - i);
    EXPECT_EQ(d.limit, 3);
  }
  auto d = limiter.acquire("t", 1, kStart);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.remaining, 0);
  EXPECT_GE(d.retry_after_seconds, 1);
  EXPECT_LE(d.retry_after_seconds, 60);
}

TEST(SlidingWindowLimiterTest, KeysAreIndependent) {
  SlidingWindowLimiter limiter(1, 60);
  EXPECT_TRUE(limiter.acquire("a", 1, kStart).allowed);
  EXPECT_FALSE(limiter.acquire("a", 1, kStart).allowed);
  EXPECT_TRUE(limiter.acquire("b", 1, kStart).allowed);
}

TEST(SlidingWindowLimiterTest, NoDoubleBurstAtWindowBoundary) {
  SlidingWindowLimiter limiter(10, 60);
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(limiter.acquire("t", 1, kStart + 59'000).allowed);
  // Just after the boundary almost all of the previous window still counts.
  EXPECT_FALSE(limiter.acquire("t", 1, kStart + 60'500).allowed);
  // Half a window later, half of it has decayed.
  int allowed = 0;
  for (int i = 0; i < 10; ++i) allowed += limiter.acquire("t", 1, kStart + 90'000).allowed ? 1 : 0;
  EXPECT_EQ(allowed, 5);
}

TEST(SlidingWindowLimiterTest, FullyRecoversAfterTwoWindows) {
  SlidingWindowLimiter limiter(2, 60);
  limiter.acquire("t", 2, kStart);
  EXPECT_FALSE(limiter.acquire("t", 1, kStart + 1000).allowed);
  EXPECT_TRUE(limiter.acquire("t", 2, kStart + 120'000).allowed);
}

TEST(SlidingWindowLimiterTest, CostCountsSeveralUnits) {
  SlidingWindowLimiter limiter(10, 60);
  EXPECT_TRUE(limiter.acquire("t", 10, kStart).allowed);
  EXPECT_FALSE(limiter.acquire("t", 1, kStart).allowed);
  SlidingWindowLimiter small(5, 60);
  EXPECT_FALSE(small.acquire("t", 6, kStart).allowed);
}

TEST(SlidingWindowLimiterTest, PeekTakesNothing) {
  SlidingWindowLimiter limiter(1, 60);
  EXPECT_EQ(limiter.peek("t", kStart).remaining, 1);
  EXPECT_EQ(limiter.peek("t", kStart).remaining, 1);
  EXPECT_TRUE(limiter.acquire("t", 1, kStart).allowed);
  EXPECT_EQ(limiter.peek("t", kStart).remaining, 0);
}

}  // namespace
}  // namespace hirag::http
