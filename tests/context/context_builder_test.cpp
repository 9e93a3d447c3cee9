// tests/context/context_builder_test: slot caps, the flow of unused budget to
// retrieval, folding old turns, the mandatory system prompt and latest user turn,
// and the 422 when they alone cannot fit.
#include "context/context_builder.hpp"

#include <gtest/gtest.h>

#include "context_fakes.hpp"

namespace hirag::context {
namespace {

constexpr auto kEnc = tokenize::Encoding::cl100k_base;

std::string words(size_t n, const std::string& word = "token") {
  std::string text;
  for (size_t i = 0; i < n; ++i) text += (i ? " " : "") + word;
  return text;
}

std::vector<Turn> conversation(size_t n, size_t words_per_turn) {
  std::vector<Turn> turns;
  for (size_t i = 0; i < n; ++i) {
    turns.push_back(Turn{i % 2 == 0 ? "user" : "assistant", words(words_per_turn, "w" + std::to_string(i)), {},
                         static_cast<int64_t>(i + 1), {}, {}});
  }
  return turns;
}

FetchSnippets fixed(std::vector<RetrievedSnippet> snippets, size_t* asked = nullptr) {
  return [snippets, asked](size_t max_tokens) -> Result<std::vector<RetrievedSnippet>> {
    if (asked) *asked = max_tokens;
    return snippets;
  };
}

size_t recount(const BuiltContext& built, const CountTokens& count) {
  size_t total = kReplyPrimerTokens;
  for (const auto& message : built.messages) total += message_tokens(message, kEnc, count);
  return total;
}

class BuilderTest : public ::testing::Test {
 protected:
  CountTokens count = exact_token_counter();
  testing::CountingSummarizer summarizer;
  ContextBuilder builder{BriefFolder(summarizer.function(), count), count};
  SlotBudget budget = *make_budget(ContextConfig{}, {});
};

TEST_F(BuilderTest, EverythingFitsInOrder) {
  BuildInput input{kEnc, budget, "You are helpful.", "Earlier we met.", conversation(3, 5)};
  auto built = builder.build(input, fixed({{"s1", "a fact", 0.5}}));
  ASSERT_TRUE(built) << built.error().message;
  ASSERT_EQ(built->messages.size(), 6u);
  EXPECT_EQ(built->messages[0].content, "You are helpful.");
  EXPECT_EQ(built->messages[1].content, "Conversation so far:\nEarlier we met.");
  EXPECT_NE(built->messages[2].content.find("a fact"), std::string::npos);
  EXPECT_EQ(built->messages[3].role, "user");
  EXPECT_EQ(built->messages[5].role, "user");
  EXPECT_EQ(built->total_tokens, recount(*built, count));
  EXPECT_EQ(built->remaining, budget.prompt_limit() - built->total_tokens);
  EXPECT_EQ(*summarizer.calls, 0);
  EXPECT_FALSE(built->overflowed);
  EXPECT_FALSE(built->folded_through);
}

TEST_F(BuilderTest, TurnsBeyondTheirSlotAreFoldedIntoTheBrief) {
  BuildInput input{kEnc, budget, "", "", conversation(40, 30)};  // ~40 tokens each, slot 450
  auto built = builder.build(input, fixed({}));
  ASSERT_TRUE(built);
  EXPECT_LE(built->turns.tokens, budget.turns);
  EXPECT_EQ(*summarizer.calls, 1);
  ASSERT_TRUE(built->folded_through);
  EXPECT_EQ(*built->folded_through + static_cast<int64_t>(built->recent_turns.size()), 40);
  EXPECT_EQ(built->recent_turns.back().seq, 40);
  EXPECT_NE(built->brief_text.find("summary#1"), std::string::npos);
  EXPECT_TRUE(built->overflowed);
}

TEST_F(BuilderTest, UnusedBudgetFlowsToRetrieval) {
  size_t asked = 0;
  BuildInput input{kEnc, budget, "Be brief.", "", conversation(1, 3)};
  auto built = builder.build(input, fixed({}, &asked));
  ASSERT_TRUE(built);
  const size_t used = built->system.tokens + built->turns.tokens;
  EXPECT_EQ(asked, budget.prompt_slots() - used);
  EXPECT_GT(asked, budget.retrieved);
}

TEST_F(BuilderTest, RetrievalIsTrimmedToItsCap) {
  std::vector<RetrievedSnippet> many;
  for (int i = 0; i < 40; ++i) many.push_back({"s" + std::to_string(i), words(200, "x" + std::to_string(i)), i * 0.01});
  BuildInput input{kEnc, budget, "", "", conversation(1, 3)};
  auto built = builder.build(input, fixed(many));
  ASSERT_TRUE(built);
  EXPECT_LE(built->retrieved.tokens, built->retrieved.budget);
  EXPECT_GT(built->snippets_trimmed, 0u);
  EXPECT_EQ(built->snippets.front().snippet.id, "s39");  // best score kept
  EXPECT_LE(built->total_tokens, budget.prompt_limit());
}

TEST_F(BuilderTest, LongSystemPromptIsKeptAndPaidByRetrieval) {
  size_t asked = 0;
  const std::string system = words(1500);
  BuildInput input{kEnc, budget, system, "", conversation(1, 3)};
  auto built = builder.build(input, fixed({}, &asked));
  ASSERT_TRUE(built);
  EXPECT_EQ(built->messages.front().content, system);
  EXPECT_GT(built->system.tokens, budget.system);
  EXPECT_EQ(asked, budget.prompt_slots() - built->system.tokens - built->turns.tokens);
}

TEST_F(BuilderTest, LatestUserTurnIsKeptEvenAboveTheTurnSlot) {
  auto turns = conversation(3, 5);
  turns.push_back(Turn{"user", words(600), {}, 4, {}, {}});
  BuildInput input{kEnc, budget, "", "", turns};
  auto built = builder.build(input, fixed({}));
  ASSERT_TRUE(built);
  ASSERT_EQ(built->recent_turns.size(), 1u);
  EXPECT_EQ(built->recent_turns[0].seq, 4);
  EXPECT_GT(built->turns.tokens, budget.turns);
  EXPECT_EQ(*built->folded_through, 3);
}

TEST_F(BuilderTest, MandatoryContentThatCannotFitIs422WithTheNumbers) {
  BuildInput input{kEnc, *make_budget(ContextConfig{}, {.window = 1000, .completion = 200}), words(900), "",
                   conversation(1, 3)};
  auto built = builder.build(input, fixed({}));
  ASSERT_FALSE(built);
  EXPECT_EQ(built.error().code, ErrorCode::Unprocessable);
  EXPECT_EQ(built.error().details.at("available_tokens"), 800u);
  EXPECT_GT(built.error().details.at("system_tokens").as_uint64(), 800u);
}

TEST_F(BuilderTest, AnOverlongSummaryIsCutToTheBriefCap) {
  ContextBuilder overlong{BriefFolder(testing::overlong_summarizer(), count), count};
  BuildInput input{kEnc, budget, "", "", conversation(60, 40)};
  auto built = overlong.build(input, fixed({}));
  ASSERT_TRUE(built);
  EXPECT_LE(built->brief.tokens, budget.brief);
  EXPECT_GT(built->brief.tokens, 0u);
  ASSERT_FALSE(built->notes.empty());
  EXPECT_NE(built->notes[0].find("cut to fit"), std::string::npos);
}

TEST_F(BuilderTest, AFailingSummarizerFallsBackToTheNewestText) {
  ContextBuilder failing{BriefFolder(testing::failing_summarizer(), count), count};
  BuildInput input{kEnc, budget, "", "", conversation(60, 40)};
  auto built = failing.build(input, fixed({}));
  ASSERT_TRUE(built);
  EXPECT_LE(built->brief.tokens, budget.brief);
  EXPECT_NE(built->brief_text.find("w" + std::to_string(*built->folded_through - 1)), std::string::npos);
  EXPECT_NE(built->notes[0].find("summarizer failed"), std::string::npos);
}

TEST_F(BuilderTest, ABriefTooLongForASmallWindowIsShortened) {
  BuildInput input{kEnc, *make_budget(ContextConfig{}, {.window = 2000}), "", words(1000), conversation(1, 3)};
  auto built = builder.build(input, fixed({}));
  ASSERT_TRUE(built);
  EXPECT_EQ(*summarizer.calls, 1);
  EXPECT_LE(built->brief.tokens, input.budget.brief);
  EXPECT_FALSE(built->folded_through);  // nothing new folded: not a fold point
}

TEST_F(BuilderTest, FactsComeAfterTheBriefAndTheirTokensLeaveTheRetrievalRoom) {
  BuildInput plain{kEnc, budget, "", "Earlier we met.", conversation(1, 3)};
  size_t asked_without = 0;
  ASSERT_TRUE(builder.build(plain, fixed({}, &asked_without)));

  BuildInput input = plain;
  input.facts = {{"f1", "Alice", "works_at", "Acme", std::nullopt, std::nullopt, 1.0}};
  size_t asked_with = 0;
  auto built = builder.build(input, fixed({{"s1", "a snippet", 0.5}}, &asked_with));
  ASSERT_TRUE(built) << built.error().message;
  ASSERT_EQ(built->messages.size(), 4u);
  EXPECT_EQ(built->messages[1].content, "Known facts:\n- Alice works_at Acme");
  EXPECT_NE(built->messages[2].content.find("a snippet"), std::string::npos);
  EXPECT_GT(built->facts.tokens, 0u);
  EXPECT_EQ(built->facts.budget, budget.facts);
  EXPECT_EQ(asked_with, asked_without - built->facts.tokens);
  EXPECT_EQ(built->total_tokens, recount(*built, count));
}

TEST_F(BuilderTest, FactsSlotCapsTheFacts) {
  BuildInput input{kEnc, budget, "", "", conversation(1, 3)};
  for (int i = 0; i < 200; ++i) {
    input.facts.push_back({"f" + std::to_string(i), "subject" + std::to_string(i), "relates_to",
                           words(10, "object"), std::nullopt, std::nullopt, 1.0});
  }
  auto built = builder.build(input, fixed({}));
  ASSERT_TRUE(built);
  EXPECT_LE(built->facts.tokens, budget.facts);
  EXPECT_GT(built->facts_trimmed, 0u);
  EXPECT_EQ(built->fact_items.size() + built->facts_trimmed, 200u);
}

}  // namespace
}  // namespace hirag::context
