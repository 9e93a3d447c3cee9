// ExtractiveSummarizer: central and recent sentences, original order, never longer
// than the target or the input (property test over random inputs), deterministic.
#include "llm/extractive_summarizer.hpp"

#include <gtest/gtest.h>

#include <random>

#include "support/remote_model_testing.hpp"

namespace hirag::llm {
namespace {

using hirag::testing::count_words;

TEST(ExtractiveSummarizer, EmptyInputOrZeroTargetGivesEmpty) {
  ExtractiveSummarizer s(count_words);
  EXPECT_EQ(*s.summarize({}, 100), "");
  EXPECT_EQ(*s.summarize({"Some text here."}, 0), "");
  EXPECT_EQ(*s.summarize({"   ", ""}, 10), "");
}

TEST(ExtractiveSummarizer, ReturnsEverythingWhenItFits) {
  ExtractiveSummarizer s(count_words);
  EXPECT_EQ(*s.summarize({"Alpha beta. Gamma.", "Delta."}, 100), "Alpha beta. Gamma.\nDelta.");
}

TEST(ExtractiveSummarizer, PrefersCentralSentencesAndKeepsOriginalOrder) {
  ExtractiveSummarizer s(count_words);
  const std::vector<std::string> turns = {
      "The database migration failed on the orders table.",
      "I had pizza for lunch today.",
      "We decided to retry the database migration after fixing the orders table index.",
      "The weather is nice.",
      "The orders table migration must finish before Friday.",
  };
  auto summary = s.summarize(turns, 25);
  ASSERT_TRUE(summary);
  EXPECT_LE(count_words(*summary), 25u);
  EXPECT_EQ(summary->find("pizza"), std::string::npos) << *summary;
  EXPECT_EQ(summary->find("weather"), std::string::npos) << *summary;
  const auto decided = summary->find("We decided");
  const auto friday = summary->find("before Friday");
  ASSERT_NE(decided, std::string::npos) << *summary;
  ASSERT_NE(friday, std::string::npos) << *summary;
  EXPECT_LT(decided, friday) << "original order";
}

TEST(ExtractiveSummarizer, CutsASingleOverlongSentence) {
  ExtractiveSummarizer s(count_words);
  auto summary = s.summarize({"one two three four five six seven eight nine ten"}, 4);
  ASSERT_TRUE(summary);
  EXPECT_EQ(*summary, "one two three four");
}

TEST(ExtractiveSummarizer, NeverExceedsTargetOrInputAndIsDeterministic) {
  const std::vector<std::string> vocabulary = {"alpha", "beta", "gamma", "delta", "orders", "table", "ship", "x",
                                               "migration", "Friday", "über", "数据", "retry", "key"};
  std::mt19937 rng(7);
  // Counters that are not additive over concatenation, like BPE: words, and words
  // plus one per punctuation mark.
  const TokenCountFn words_and_punct = [](std::string_view t) {
    size_t n = count_words(t);
    for (const char c : t) n += (c == '.' || c == '!' || c == '?' || c == '\n') ? 1 : 0;
    return n;
  };
  for (const TokenCountFn& count : {TokenCountFn(count_words), words_and_punct}) {
    ExtractiveSummarizer s(count);
    for (int round = 0; round < 300; ++round) {
      std::vector<std::string> texts(rng() % 6);
      for (auto& text : texts) {
        const int sentences = static_cast<int>(rng() % 5);
        for (int k = 0; k < sentences; ++k) {
          const int words = 1 + static_cast<int>(rng() % 12);
          for (int w = 0; w < words; ++w) text += (w ? " " : "") + vocabulary[rng() % vocabulary.size()];
          text += std::string(". ! ? \n").substr(2 * (rng() % 4), 1) + " ";
        }
      }
      const size_t target = rng() % 40;
      size_t input = 0;
      for (const auto& t : texts) input += count(t);
      auto first = s.summarize(texts, target);
      ASSERT_TRUE(first);
      EXPECT_LE(count(*first), target) << "target " << target << ": " << *first;
      EXPECT_LE(count(*first), input) << *first;
      if (target > 0 && input > 0) {
        EXPECT_FALSE(first->empty()) << "round " << round;
      }
      EXPECT_EQ(*first, *s.summarize(texts, target)) << "deterministic";
    }
  }
}

}  // namespace
}  // namespace hirag::llm
