// Circuit breaker state machine: closed → open → half-open (one trial) → closed/open.
#include "llm/circuit_breaker.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace hirag::llm {
namespace {

using std::chrono::milliseconds;

TEST(CircuitBreaker, OpensAfterConsecutiveFailuresAndRejects) {
  CircuitBreaker breaker(3, milliseconds(60'000));
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(breaker.allow());
    breaker.record_failure();
  }
  EXPECT_EQ(breaker.state(), CircuitState::Closed);
  ASSERT_TRUE(breaker.allow());
  breaker.record_failure();
  EXPECT_EQ(breaker.state(), CircuitState::Open);
  EXPECT_FALSE(breaker.allow());
  EXPECT_GT(breaker.retry_in().count(), 0);
}

TEST(CircuitBreaker, SuccessResetsTheFailureCount) {
  CircuitBreaker breaker(2, milliseconds(60'000));
  breaker.record_failure();
  breaker.record_success();
  breaker.record_failure();
  EXPECT_EQ(breaker.state(), CircuitState::Closed);
}

TEST(CircuitBreaker, HalfOpenAdmitsExactlyOneTrialThenClosesOnSuccess) {
  CircuitBreaker breaker(1, milliseconds(50));
  breaker.record_failure();
  ASSERT_EQ(breaker.state(), CircuitState::Open);
  std::this_thread::sleep_for(milliseconds(60));
  EXPECT_TRUE(breaker.allow());
  EXPECT_EQ(breaker.state(), CircuitState::HalfOpen);
  EXPECT_FALSE(breaker.allow()) << "a second caller must wait for the trial";
  breaker.record_success();
  EXPECT_EQ(breaker.state(), CircuitState::Closed);
  EXPECT_TRUE(breaker.allow());
  EXPECT_TRUE(breaker.allow());
}

TEST(CircuitBreaker, FailedTrialReopens) {
  CircuitBreaker breaker(1, milliseconds(50));
  breaker.record_failure();
  std::this_thread::sleep_for(milliseconds(60));
  ASSERT_TRUE(breaker.allow());
  breaker.record_failure();
  EXPECT_EQ(breaker.state(), CircuitState::Open);
  EXPECT_FALSE(breaker.allow());
}

TEST(CircuitBreaker, OnlyOneOfManyConcurrentCallersGetsTheTrial) {
  CircuitBreaker breaker(1, milliseconds(20));
  breaker.record_failure();
  std::this_thread::sleep_for(milliseconds(30));
  std::atomic<int> admitted{0};
  {
    std::vector<std::jthread> threads;
    for (int i = 0; i < 8; ++i) threads.emplace_back([&] { admitted += breaker.allow() ? 1 : 0; });
  }
  EXPECT_EQ(admitted.load(), 1);
}

TEST(CircuitBreaker, ReportsEveryTransition) {
  std::vector<CircuitState> seen;
  CircuitBreaker breaker(1, milliseconds(10), [&](CircuitState s) { seen.push_back(s); });
  breaker.record_failure();
  std::this_thread::sleep_for(milliseconds(20));
  ASSERT_TRUE(breaker.allow());
  breaker.record_success();
  EXPECT_EQ(seen, (std::vector<CircuitState>{CircuitState::Open, CircuitState::HalfOpen, CircuitState::Closed}));
  EXPECT_EQ(circuit_state_name(CircuitState::HalfOpen), "half_open");
}

}  // namespace
}  // namespace hirag::llm
