// ChatClient: the OpenAI chat completions request it sends and the answer it reads.
#include "llm/chat_client.hpp"

#include <gtest/gtest.h>

#include "support/remote_model_testing.hpp"

namespace hirag::llm {
namespace {

using hirag::testing::FakeOpenAi;
using hirag::testing::remote_config;

TEST(ChatClient, SendsTheOpenAiRequestAndReturnsTheFirstChoice) {
  FakeOpenAi server;
  server.control({{"content", "The answer."}});
  ChatClient client(remote_config(server));
  auto answer = client.complete(ChatRequest{{{"system", "be brief"}, {"user", "question"}}, 42, 0.5});
  ASSERT_TRUE(answer) << answer.error().message;
  EXPECT_EQ(*answer, "The answer.");

  const auto body = server.request_bodies().at(0).as_object();
  EXPECT_EQ(body.at("model").as_string(), "fake-model");
  EXPECT_EQ(body.at("max_tokens").to_number<int64_t>(), 42);
  EXPECT_DOUBLE_EQ(body.at("temperature").to_number<double>(), 0.5);
  const auto& messages = body.at("messages").as_array();
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].at("role").as_string(), "system");
  EXPECT_EQ(messages[1].at("content").as_string(), "question");
}

TEST(ChatClient, ToleratesATrailingSlashInTheBaseUrl) {
  FakeOpenAi server;
  auto config = remote_config(server);
  config.base_url += "/";
  ChatClient client(config);
  EXPECT_TRUE(client.complete(ChatRequest{{{"user", "hi"}}, 8, 0}));
}

}  // namespace
}  // namespace hirag::llm
