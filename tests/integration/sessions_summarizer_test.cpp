// tests/integration/sessions_summarizer_test: folding with the LLM summarizer of a
// (fake) OpenAI-compatible server that answers, times out, rate-limits, fails or
// over-runs its target. Every build still answers 200 with a brief inside its slot
// and exact counts; the token_budget_* metrics move.
#include <gtest/gtest.h>

#include "session_testing.hpp"
#include "support/fake_openai.hpp"

namespace hirag::testing {
namespace {

double metric(HttpClient& client, const std::string& name) {
  const auto text = client.get("/metrics").body;
  const auto at = text.find("\n" + name + " ");
  if (at == std::string::npos) return -1;
  return std::stod(text.substr(at + name.size() + 2));
}

class SessionsSummarizer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fake = new FakeOpenAi();
    server = new ServerProcess(ServerOptions{.env = {{"HIRAG_RATE_LIMIT__ENABLED", "false"},
                                                      {"HIRAG_SUMMARIZER__PROVIDER", "openai"},
                                                      {"HIRAG_SUMMARIZER__BASE_URL", fake->base_url()},
                                                      {"HIRAG_SUMMARIZER__MODEL", "fake-model"},
                                                      {"HIRAG_SUMMARIZER__TIMEOUT_MS", "500"},
                                                      {"HIRAG_SUMMARIZER__MAX_ATTEMPTS", "2"}}});
  }
  static void TearDownTestSuite() {
    delete server;
    delete fake;
  }
  void SetUp() override { fake->reset(); }

  // A fresh session of 24 long turns, built in a 3000-token window: folds.
  boost::json::object fold(const std::string& session) {
    for (int i = 0; i < 24; ++i) {
      EXPECT_EQ(add_turn(client, session, i % 2 ? "assistant" : "user", words(60, session + "w")).status, 201);
    }
    auto built = client.post_json("/api/v1/context/build", {{"session_id", session}, {"max_tokens", 3000}});
    EXPECT_EQ(built.status, 200) << built.body;
    auto body = built.json().as_object();
    EXPECT_EQ(body.at("summarized"), true);
    const auto& brief = body.at("slots").at("brief").as_object();
    EXPECT_LE(brief.at("tokens").to_number<size_t>(), brief.at("budget").to_number<size_t>());
    EXPECT_GT(brief.at("tokens").to_number<size_t>(), 0u);
    EXPECT_EQ(recount_messages(body.at("messages").as_array(), "cl100k_base"),
              body.at("total_tokens").to_number<size_t>());
    EXPECT_LE(body.at("total_tokens").to_number<size_t>(), 3000u - body.at("completion_tokens").to_number<size_t>());
    return body;
  }

  static FakeOpenAi* fake;
  static ServerProcess* server;
  HttpClient client = server->client();
};
FakeOpenAi* SessionsSummarizer::fake = nullptr;
ServerProcess* SessionsSummarizer::server = nullptr;

TEST_F(SessionsSummarizer, TheModelsAnswerBecomesTheBrief) {
  fake->control({{"content", "The user and the assistant discussed the deploy."}});
  const double before = metric(client, "token_budget_summarizations_total");
  const auto body = fold("llm-ok");
  EXPECT_EQ(body.at("slots").at("brief").at("text"), "The user and the assistant discussed the deploy.");
  EXPECT_GE(fake->request_count(), 1u);
  EXPECT_EQ(metric(client, "token_budget_summarizations_total"), before + 1);
  EXPECT_GE(metric(client, "token_budget_overflows_total"), 1);
  EXPECT_GE(metric(client, "token_budget_used_count"), 1);
}

TEST_F(SessionsSummarizer, TimeoutFallsBackToTheExtractiveBrief) {
  fake->set_mode("timeout");
  fold("llm-timeout");
  EXPECT_GE(metric(client, "summarizer_fallbacks_total"), 1);
}

TEST_F(SessionsSummarizer, RateLimitIsRetriedOrFallsBack) {
  fake->set_mode("429", 1, 0);
  fold("llm-429");
  EXPECT_GE(fake->request_count(), 1u);
}

TEST_F(SessionsSummarizer, ServerErrorFallsBack) {
  fake->set_mode("500");
  fold("llm-500");
}

TEST_F(SessionsSummarizer, AnOverlongAnswerStillFitsTheSlot) {
  fake->set_mode("overlong");
  fold("llm-overlong");
}

}  // namespace
}  // namespace hirag::testing
