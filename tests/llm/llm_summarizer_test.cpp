// LlmSummarizer against the fake chat endpoint: the prompt it sends, an over-long
// answer cut to the target (re-measured), and no call for empty input.
#include "llm/llm_summarizer.hpp"

#include <gtest/gtest.h>

#include "support/remote_model_testing.hpp"

namespace hirag::llm {
namespace {

using hirag::testing::count_words;
using hirag::testing::FakeOpenAi;
using hirag::testing::remote_config;

LlmSummarizer make(const FakeOpenAi& server, std::string templ = "Keep it under {max_tokens} tokens.") {
  return LlmSummarizer(std::make_shared<ChatClient>(remote_config(server)), std::move(templ), 0.3, count_words);
}

const std::vector<std::string> kTurns = {
    "user: we need to pick a database for the orders service, postgres or sqlite",
    "assistant: postgres, because several replicas write at the same time and we need row locks",
    "user: agreed, and the migration must be done before friday"};

TEST(LlmSummarizer, SendsTheTemplatedPromptAndSegments) {
  FakeOpenAi server;
  server.control({{"content", "Postgres chosen; migrate by Friday."}});
  auto summarizer = make(server, "Brief in {max_tokens} tokens; at most {max_tokens}.");
  auto summary = summarizer.summarize(kTurns, 30);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(*summary, "Postgres chosen; migrate by Friday.");

  const auto body = server.request_bodies().at(0).as_object();
  EXPECT_EQ(body.at("max_tokens").to_number<int64_t>(), 30);
  const auto& messages = body.at("messages").as_array();
  EXPECT_EQ(messages[0].at("role").as_string(), "system");
  EXPECT_NE(std::string(messages[0].at("content").as_string()).find("concise summarizer"), std::string::npos);
  const std::string user(messages[1].at("content").as_string());
  EXPECT_EQ(user, "Brief in 30 tokens; at most 30.\n\n" + kTurns[0] + "\n\n---\n\n" + kTurns[1] + "\n\n---\n\n" +
                      kTurns[2]);
}

TEST(LlmSummarizer, CutsAnOverlongAnswerToTheTargetAtASentenceBoundary) {
  FakeOpenAi server;
  server.set_mode("overlong");
  auto summarizer = make(server);
  auto summary = summarizer.summarize(kTurns, 20);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_LE(count_words(*summary), 20u);
  EXPECT_GT(count_words(*summary), 0u);
  EXPECT_EQ(summary->back(), '.') << "cut at a sentence boundary: " << *summary;
}

TEST(LlmSummarizer, NeverLongerThanTheInput) {
  FakeOpenAi server;
  server.control({{"content", "A much longer answer than the tiny input it was asked to summarize at all."}});
  auto summarizer = make(server);
  auto summary = summarizer.summarize({"tiny input here"}, 100);
  ASSERT_TRUE(summary);
  EXPECT_LE(count_words(*summary), 3u) << *summary;
}

TEST(LlmSummarizer, EmptyInputMakesNoCall) {
  FakeOpenAi server;
  auto summarizer = make(server);
  EXPECT_EQ(*summarizer.summarize({}, 50), "");
  EXPECT_EQ(*summarizer.summarize(kTurns, 0), "");
  EXPECT_EQ(server.request_count(), 0u);
}

TEST(LlmSummarizer, EmptyAnswerIsAnError) {
  FakeOpenAi server;
  server.control({{"content", "   "}});
  auto summarizer = make(server);
  auto summary = summarizer.summarize(kTurns, 50);
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().code, ErrorCode::UpstreamError);
}

}  // namespace
}  // namespace hirag::llm
