// Retries, backoff, Retry-After, no retry on 4xx, timeouts, the circuit breaker and
// error mapping of RemoteEndpoint, exercised through ChatClient against the fake
// OpenAI server over real HTTP.
#include "llm/remote_endpoint.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "core/clock.hpp"
#include "llm/chat_client.hpp"
#include "metrics/llm_metrics.hpp"
#include "support/remote_model_testing.hpp"

namespace hirag::llm {
namespace {

using hirag::testing::FakeOpenAi;
using hirag::testing::remote_config;

ChatRequest hello() { return ChatRequest{{{"user", "hello there"}}, 16, 0.0}; }

// Backoff short enough for tests; Retry-After still honoured in full.
RetryPolicy fast_policy(int attempts) {
  RetryPolicy p;
  p.max_attempts = attempts;
  p.base = std::chrono::milliseconds(5);
  p.cap = std::chrono::milliseconds(20);
  return p;
}

TEST(RemoteEndpoint, RetriesServerErrorsUntilSuccess) {
  FakeOpenAi server;
  ChatClient client(remote_config(server));
  client.endpoint().set_retry_policy(fast_policy(3));
  server.set_mode("500", 2);
  auto answer = client.complete(hello());
  ASSERT_TRUE(answer) << answer.error().message;
  EXPECT_EQ(server.request_count(), 3u);
}

TEST(RemoteEndpoint, GivesUpAfterMaxAttemptsNamingTheEndpoint) {
  FakeOpenAi server;
  ChatClient client(remote_config(server));
  client.endpoint().set_retry_policy(fast_policy(3));
  server.set_mode("500");
  auto answer = client.complete(hello());
  ASSERT_FALSE(answer);
  EXPECT_EQ(answer.error().code, ErrorCode::UpstreamError);
  EXPECT_NE(answer.error().message.find(server.base_url() + "/chat/completions"), std::string::npos)
      << answer.error().message;
  EXPECT_NE(answer.error().message.find("HTTP 500"), std::string::npos);
  EXPECT_NE(answer.error().message.find("3 attempts"), std::string::npos);
  EXPECT_EQ(server.request_count(), 3u);
}

TEST(RemoteEndpoint, WaitsForRetryAfterOn429) {
  FakeOpenAi server;
  ChatClient client(remote_config(server));
  server.set_mode("429", 1, 1);
  const double start = monotonic_seconds();
  auto answer = client.complete(hello());
  const double elapsed = monotonic_seconds() - start;
  ASSERT_TRUE(answer) << answer.error().message;
  EXPECT_EQ(server.request_count(), 2u);
  EXPECT_GE(elapsed, 1.0);
  const auto times = server.request_times();
  EXPECT_GE(times.at(1).as_double() - times.at(0).as_double(), 0.95) << "second attempt came before Retry-After";
}

TEST(RemoteEndpoint, BadRequestIsNotRetried) {
  FakeOpenAi server;
  ChatClient client(remote_config(server));
  server.set_mode("400");
  auto answer = client.complete(hello());
  ASSERT_FALSE(answer);
  EXPECT_EQ(answer.error().code, ErrorCode::UpstreamError);
  EXPECT_NE(answer.error().message.find("HTTP 400: fake error 400"), std::string::npos) << answer.error().message;
  EXPECT_EQ(server.request_count(), 1u);
}

TEST(RemoteEndpoint, WrongKeyIsAnAuthenticationErrorWithoutRetryOrKeyInMessage) {
  FakeOpenAi server({.dimension = 8, .api_key = "right-key"});
  ChatClient client(remote_config(server, "wrong-key-secret"));
  auto answer = client.complete(hello());
  ASSERT_FALSE(answer);
  EXPECT_EQ(answer.error().code, ErrorCode::UpstreamError);
  EXPECT_NE(answer.error().message.find("authentication failed"), std::string::npos) << answer.error().message;
  EXPECT_EQ(answer.error().message.find("wrong-key-secret"), std::string::npos);
  EXPECT_EQ(server.request_count(), 1u);
}

TEST(RemoteEndpoint, SendsTheBearerKey) {
  FakeOpenAi server({.dimension = 8, .api_key = "right-key"});
  ChatClient client(remote_config(server, "right-key"));
  auto answer = client.complete(hello());
  ASSERT_TRUE(answer) << answer.error().message;
}

TEST(RemoteEndpoint, TimeoutBecomesTimeoutError) {
  FakeOpenAi server;
  auto config = remote_config(server);
  config.timeout_ms = 200;
  config.max_attempts = 2;
  ChatClient client(config);
  client.endpoint().set_retry_policy(fast_policy(2));
  server.control({{"mode", "timeout"}, {"sleep", 1.5}});
  const double start = monotonic_seconds();
  auto answer = client.complete(hello());
  ASSERT_FALSE(answer);
  EXPECT_EQ(answer.error().code, ErrorCode::Timeout);
  EXPECT_NE(answer.error().message.find("200 ms"), std::string::npos) << answer.error().message;
  EXPECT_LT(monotonic_seconds() - start, 1.4) << "the client must not wait for the slow server";
  EXPECT_EQ(server.request_count(), 2u);
}

TEST(RemoteEndpoint, UnreachableEndpointIsAnUpstreamError) {
  RemoteModelConfig config;
  config.base_url = "http://127.0.0.1:1/v1";
  config.max_attempts = 1;
  ChatClient client(config);
  auto answer = client.complete(hello());
  ASSERT_FALSE(answer);
  EXPECT_EQ(answer.error().code, ErrorCode::UpstreamError);
  EXPECT_NE(answer.error().message.find("unreachable"), std::string::npos) << answer.error().message;
}

TEST(RemoteEndpoint, MalformedJsonIsAnUpstreamError) {
  FakeOpenAi server;
  ChatClient client(remote_config(server));
  server.set_mode("malformed");
  auto answer = client.complete(hello());
  ASSERT_FALSE(answer);
  EXPECT_EQ(answer.error().code, ErrorCode::UpstreamError);
  EXPECT_NE(answer.error().message.find("not valid JSON"), std::string::npos);
}

TEST(RemoteEndpoint, CircuitOpensAfterFailuresAndRejectsWithoutCalling) {
  FakeOpenAi server;
  auto config = remote_config(server);
  config.max_attempts = 1;
  config.circuit_failures = 2;
  config.circuit_reset_ms = 60'000;
  ChatClient client(config);
  server.set_mode("500");
  EXPECT_FALSE(client.complete(hello()));
  EXPECT_FALSE(client.complete(hello()));
  EXPECT_EQ(client.endpoint().breaker()->state(), CircuitState::Open);
  auto& gauge = metrics::llm_metrics().circuit_state.Add({{"endpoint", "chat"}});
  EXPECT_EQ(gauge.Value(), 2.0);

  auto rejected = client.complete(hello());
  ASSERT_FALSE(rejected);
  EXPECT_EQ(rejected.error().code, ErrorCode::UpstreamError);
  EXPECT_NE(rejected.error().message.find("circuit open"), std::string::npos);
  EXPECT_EQ(server.request_count(), 2u) << "an open circuit must not call the server";
}

TEST(RemoteEndpoint, HalfOpenTrialClosesTheCircuitOnSuccess) {
  FakeOpenAi server;
  auto config = remote_config(server);
  config.max_attempts = 1;
  config.circuit_failures = 1;
  config.circuit_reset_ms = 150;
  ChatClient client(config);
  server.set_mode("500", 1);
  EXPECT_FALSE(client.complete(hello()));
  EXPECT_FALSE(client.complete(hello())) << "open: rejected";
  EXPECT_EQ(server.request_count(), 1u);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto trial = client.complete(hello());
  ASSERT_TRUE(trial) << trial.error().message;
  EXPECT_EQ(client.endpoint().breaker()->state(), CircuitState::Closed);
  EXPECT_EQ(server.request_count(), 2u);
}

TEST(RemoteEndpoint, RejectedRequestsDoNotOpenTheCircuit) {
  FakeOpenAi server;
  auto config = remote_config(server);
  config.circuit_failures = 1;
  ChatClient client(config);
  server.set_mode("400");
  EXPECT_FALSE(client.complete(hello()));
  EXPECT_EQ(client.endpoint().breaker()->state(), CircuitState::Closed);
}

TEST(RemoteEndpoint, CountsAttemptsByStatus) {
  FakeOpenAi server;
  ChatClient client(remote_config(server));
  client.endpoint().set_retry_policy(fast_policy(3));
  auto& failures = metrics::llm_metrics().requests.Add({{"endpoint", "chat"}, {"status", "503"}});
  const double before = failures.Value();
  server.set_mode("503", 2);
  ASSERT_TRUE(client.complete(hello()));
  EXPECT_EQ(failures.Value() - before, 2.0);
}

}  // namespace
}  // namespace hirag::llm
