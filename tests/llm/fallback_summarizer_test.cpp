// FallbackSummarizer and make_summarizer: the model when it works, the extractive
// summary when it fails or its circuit is open, with the summarizer_* metrics and
// the "llm" health component.
#include "llm/fallback_summarizer.hpp"

#include <gtest/gtest.h>

#include "llm/summarizer_factory.hpp"
#include "metrics/llm_metrics.hpp"
#include "support/remote_model_testing.hpp"

namespace hirag::llm {
namespace {

using hirag::testing::count_words;
using hirag::testing::FakeOpenAi;
using hirag::testing::remote_config;

const std::vector<std::string> kTurns = {"The release is blocked by the failing migration.",
                                         "Lunch was fine.",
                                         "We will fix the migration and release on Monday."};

SummarizerConfig openai_config(const FakeOpenAi& server) {
  SummarizerConfig config;
  config.provider = "openai";
  config.remote = remote_config(server);
  config.remote.max_attempts = 1;
  config.remote.circuit_failures = 2;
  return config;
}

TEST(FallbackSummarizer, UsesTheModelWhenItAnswers) {
  FakeOpenAi server;
  server.control({{"content", "Release Monday after the migration fix."}});
  auto summarizer = make_summarizer(openai_config(server), count_words);
  auto& success = metrics::llm_metrics().summaries_success;
  const double before = success.Value();
  auto summary = summarizer->summarize(kTurns, 20);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(*summary, "Release Monday after the migration fix.");
  EXPECT_EQ(success.Value() - before, 1.0);
}

TEST(FallbackSummarizer, FallsBackToExtractiveWhenTheModelFails) {
  FakeOpenAi server;
  server.set_mode("500");
  auto summarizer = make_summarizer(openai_config(server), count_words);
  auto& m = metrics::llm_metrics();
  const double fallbacks = m.fallbacks.Value();
  const double outcome = m.summaries_fallback.Value();
  auto summary = summarizer->summarize(kTurns, 12);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_LE(count_words(*summary), 12u);
  EXPECT_NE(summary->find("migration"), std::string::npos) << *summary;
  EXPECT_EQ(m.fallbacks.Value() - fallbacks, 1.0);
  EXPECT_EQ(m.summaries_fallback.Value() - outcome, 1.0);
  EXPECT_EQ(server.request_count(), 1u);
}

TEST(FallbackSummarizer, OpenCircuitFallsBackWithoutCallingAndShowsInHealth) {
  FakeOpenAi server;
  server.set_mode("500");
  HealthRegistry health;
  auto summarizer = make_summarizer(openai_config(server), count_words, &health);
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(summarizer->summarize(kTurns, 12));
  EXPECT_EQ(server.request_count(), 2u) << "circuit opened after 2 failures";
  const auto reports = health.run();
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].name, "llm");
  EXPECT_EQ(reports[0].health.status, HealthStatus::Degraded);
  EXPECT_NE(reports[0].health.message.find("circuit open"), std::string::npos);
}

TEST(FallbackSummarizer, ExtractiveProviderNeedsNoModel) {
  HealthRegistry health;
  SummarizerConfig config;  // provider "extractive"
  auto summarizer = make_summarizer(config, count_words, &health);
  auto summary = summarizer->summarize(kTurns, 8);
  ASSERT_TRUE(summary);
  EXPECT_LE(count_words(*summary), 8u);
  const auto reports = health.run();
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].health.status, HealthStatus::Healthy);
}

}  // namespace
}  // namespace hirag::llm
