// tests/context/snippet_selector_test: the retrieval slot is filled best score
// first, trimmed by tokens (not by count), and never repeats a recent turn.
#include "context/snippet_selector.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace hirag::context {
namespace {

constexpr auto kEnc = tokenize::Encoding::cl100k_base;

std::vector<std::string> ids(const SnippetSelection& selection) {
  std::vector<std::string> out;
  for (const auto& item : selection.items) out.push_back(item.snippet.id);
  return out;
}

TEST(SnippetSelector, BestScoresFirstWithinTheCap) {
  const auto count = exact_token_counter();
  std::vector<RetrievedSnippet> candidates = {
      {"low", "the weather was mild in spring", 0.1},
      {"high", "the deployment uses two replicas", 0.9},
      {"mid", "the database is sqlite in wal mode", 0.5},
  };
  auto all = select_snippets(candidates, {}, 1000, kEnc, count);
  EXPECT_EQ(ids(all), (std::vector<std::string>{"high", "mid", "low"}));
  EXPECT_EQ(all.tokens, message_tokens(all.message, kEnc, count));
  EXPECT_EQ(all.trimmed, 0u);

  // One token short of all three: the lowest score goes.
  const size_t cap = all.tokens - 1;
  auto trimmed = select_snippets(candidates, {}, cap, kEnc, count);
  EXPECT_EQ(ids(trimmed), (std::vector<std::string>{"high", "mid"}));
  EXPECT_LE(trimmed.tokens, cap);
  EXPECT_EQ(trimmed.trimmed, 1u);
}

TEST(SnippetSelector, ASmallerLowerScoredSnippetMayFillTheRest) {
  const auto count = exact_token_counter();
  std::vector<RetrievedSnippet> candidates = {
      {"big", std::string(2000, 'x') + " long", 0.9},
      {"small", "short fact", 0.2},
  };
  auto selection = select_snippets(candidates, {}, 60, kEnc, count);
  EXPECT_EQ(ids(selection), (std::vector<std::string>{"small"}));
}

TEST(SnippetSelector, NanScoresRankLastAndDuplicatesAndRecentTurnsAreSkipped) {
  const auto count = exact_token_counter();
  std::vector<RetrievedSnippet> candidates = {
      {"nan", "not a number", std::nan("")},
      {"a", "alpha", 0.3},
      {"a", "alpha again", 0.2},
      {"turn", "what is the plan", 0.99},
      {"mem-7", "stored turn", 0.98},
  };
  PresentTurns present;
  present.contents.insert("what is the plan");
  present.memory_ids.insert("mem-7");
  auto selection = select_snippets(candidates, present, 1000, kEnc, count);
  EXPECT_EQ(ids(selection), (std::vector<std::string>{"a", "nan"}));
}

TEST(SnippetSelector, NothingFitsGivesAnEmptySlot) {
  const auto count = exact_token_counter();
  auto selection = select_snippets({{"a", "alpha beta gamma", 1.0}}, {}, 5, kEnc, count);
  EXPECT_TRUE(selection.items.empty());
  EXPECT_EQ(selection.tokens, 0u);
  EXPECT_EQ(selection.trimmed, 1u);
}

}  // namespace
}  // namespace hirag::context
