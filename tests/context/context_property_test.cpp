// tests/context/context_property_test: for random conversations, windows, slot
// overrides, summarizers and encodings, the built context — re-counted here from the
// returned messages with the real tokenizer — never exceeds max_tokens -
// completion_tokens, equals the reported total, and always ends with the latest
// user turn; a refusal is a 422 only when the mandatory content cannot fit.
#include <gtest/gtest.h>

#include <random>

#include "context/context_service.hpp"
#include "context_fakes.hpp"
#include "store/sqlite/sqlite_session_store.hpp"
#include "support/server_process.hpp"
#include "tokenize/tokenizer.hpp"

namespace hirag::context {
namespace {

const std::vector<std::string> kWords = {"the", "plan", "déploiement", "数据库", "sqlite", "Token", "budget", "!",
                                         "  ", "\n", "emoji🙂", "x", "retrieval", "brief", "42", "—"};

std::string random_text(std::mt19937& rng, size_t max_words) {
  std::uniform_int_distribution<size_t> length(1, max_words);
  std::uniform_int_distribution<size_t> pick(0, kWords.size() - 1);
  std::string text;
  const size_t n = length(rng);
  for (size_t i = 0; i < n; ++i) text += (i ? " " : "") + kWords[pick(rng)];
  return text;
}

// Tokens of the prompt per OpenAI's rule, counted directly with the tokenizer.
size_t recount(const std::vector<Message>& messages, tokenize::Encoding encoding) {
  const auto& tokenizer = tokenize::tokenizer(encoding);
  size_t total = 3;
  for (const auto& m : messages) {
    total += 3 + tokenizer.count(m.role) + tokenizer.count(m.content);
    if (m.name) total += 1 + tokenizer.count(*m.name);
  }
  return total;
}

TEST(ContextProperty, BuiltContextAlwaysFitsAndKeepsTheLatestUserTurn) {
  std::mt19937 rng(20240601);
  hirag::testing::TempDir dir;
  const Summarize summarizers[] = {testing::CountingSummarizer{}.function(), testing::overlong_summarizer(),
                                   testing::failing_summarizer()};
  const tokenize::Encoding encodings[] = {tokenize::Encoding::cl100k_base, tokenize::Encoding::o200k_base};
  const int64_t windows[] = {64, 300, 1000, 4096, 8000, 32000, 128000};
  int built_count = 0;
  for (int iteration = 0; iteration < 300; ++iteration) {
    std::vector<RetrievedSnippet> snippets;
    const size_t snippet_count = rng() % 30;
    for (size_t i = 0; i < snippet_count; ++i) {
      snippets.push_back({"m" + std::to_string(i), random_text(rng, 400), static_cast<double>(rng() % 1000) / 1000});
    }
    auto store = store::sqlite::SqliteSessionStore::open(dir.path() + "/hirag.db", {.synchronous = "normal"});
    ASSERT_TRUE(store);
    auto service = make_context_service(Config{}, std::move(store).value(),
                                        std::make_shared<testing::FixedRetriever>(snippets), nullptr,
                                        summarizers[rng() % 3], exact_token_counter());
    BuildRequest request;
    request.tenant = "t";
    request.encoding = encodings[rng() % 2];
    request.budget.window = windows[rng() % std::size(windows)];
    if (rng() % 2) request.budget.completion = static_cast<int64_t>(rng() % static_cast<uint64_t>(*request.budget.window / 2));
    if (rng() % 2) request.system_prompt = random_text(rng, 120);
    std::vector<Turn> turns;
    const size_t turn_count = 1 + rng() % 60;
    const bool session = rng() % 2;
    const std::string session_id = "s" + std::to_string(iteration);
    for (size_t i = 0; i < turn_count; ++i) {
      const std::string role = (i + 1 == turn_count || rng() % 2) ? "user" : (rng() % 4 ? "assistant" : "tool");
      turns.push_back({role, random_text(rng, 150), {}, 0, {}, {}});
      if (session) {
        ASSERT_TRUE(service->append_turn({{"t", "default", session_id}, role, turns.back().content, {}, "{}"}));
      }
    }
    if (session) request.session_id = session_id; else request.turns = turns;

    auto built = service->build(request);
    const auto& budget_window = *request.budget.window;
    if (!built) {
      ASSERT_EQ(built.error().code, ErrorCode::Unprocessable) << built.error().message;
      const auto& details = built.error().details;
      EXPECT_GT(details.at("needed_tokens").as_uint64(), details.at("available_tokens").as_uint64());
      continue;
    }
    ++built_count;
    const auto& context = built->context;
    const size_t counted = recount(context.messages, request.encoding);
    EXPECT_EQ(counted, context.total_tokens) << "iteration " << iteration;
    EXPECT_LE(counted, static_cast<size_t>(budget_window) - built->budget.completion) << "iteration " << iteration;
    ASSERT_FALSE(context.messages.empty());
    EXPECT_EQ(context.messages.back().role, "user");
    EXPECT_EQ(context.messages.back().content, turns.back().content) << "iteration " << iteration;
    EXPECT_LE(context.brief.tokens, context.brief.budget);
    EXPECT_LE(context.retrieved.tokens, context.retrieved.budget);
  }
  EXPECT_GT(built_count, 200);
}

}  // namespace
}  // namespace hirag::context
