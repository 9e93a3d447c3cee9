// The facts slot: one line per fact with its validity, those valid now first,
// and never more tokens than the cap (counted exactly, framing included).
#include "context/fact_selector.hpp"

#include <gtest/gtest.h>

namespace hirag::context {
namespace {

constexpr int64_t kJan2024 = 1704067200000;
constexpr int64_t kJan2025 = 1735689600000;

RelevantFact fact(std::string id, std::string object, double score, std::optional<int64_t> from = {},
                  std::optional<int64_t> to = {}) {
  return RelevantFact{std::move(id), "Bob", "lives_in", std::move(object), from, to, score};
}

TEST(FactSelectorTest, LinesShowValidity) {
  EXPECT_EQ(render_fact(fact("a", "Paris", 1)), "Bob lives_in Paris");
  EXPECT_EQ(render_fact(fact("a", "Paris", 1, kJan2024)), "Bob lives_in Paris (since 2024-01-01)");
  EXPECT_EQ(render_fact(fact("a", "Paris", 1, {}, kJan2025)), "Bob lives_in Paris (until 2025-01-01)");
  EXPECT_EQ(render_fact(fact("a", "Paris", 1, kJan2024, kJan2025)), "Bob lives_in Paris (2024-01-01 to 2025-01-01)");
}

TEST(FactSelectorTest, ValidNowFirstThenByScore) {
  const auto count = exact_token_counter();
  auto selection = select_facts({fact("ended", "Rome", 0.9, {}, kJan2024), fact("low", "Oslo", 0.2),
                                 fact("high", "Berlin", 0.8)},
                                1000, kJan2025, tokenize::Encoding::cl100k_base, count);
  ASSERT_EQ(selection.facts.size(), 3u);
  EXPECT_EQ(selection.facts[0].id, "high");
  EXPECT_EQ(selection.facts[1].id, "low");
  EXPECT_EQ(selection.facts[2].id, "ended");
  EXPECT_EQ(selection.tokens, message_tokens(selection.message, tokenize::Encoding::cl100k_base, count));
}

TEST(FactSelectorTest, NeverExceedsTheCapAndCountsWhatItLeftOut) {
  const auto count = exact_token_counter();
  std::vector<RelevantFact> many;
  for (int i = 0; i < 40; ++i) {
    many.push_back(fact("f" + std::to_string(i), "city number " + std::to_string(i), 40 - i));
  }
  for (size_t cap : {0u, 5u, 20u, 60u, 200u}) {
    auto selection = select_facts(many, cap, kJan2025, tokenize::Encoding::cl100k_base, count);
    EXPECT_LE(selection.tokens, cap) << cap;
    EXPECT_EQ(selection.facts.size() + selection.trimmed, many.size());
    if (!selection.facts.empty()) {
      EXPECT_EQ(selection.facts[0].id, "f0") << "the best is kept first";
    }
  }
  EXPECT_EQ(select_facts(many, 5, kJan2025, tokenize::Encoding::cl100k_base, count).facts.size(), 0u);
  EXPECT_GT(select_facts(many, 200, kJan2025, tokenize::Encoding::cl100k_base, count).facts.size(), 5u);
}

}  // namespace
}  // namespace hirag::context
