// fit_text and fit_to_tokens: keep the head or the tail, cut at sentence, else
// word, else character boundaries; never over the budget.
#include "llm/text_fit.hpp"

#include <gtest/gtest.h>

#include "llm/sentences.hpp"
#include "support/remote_model_testing.hpp"

namespace hirag::llm {
namespace {

using hirag::testing::count_words;

TEST(Sentences, SplitsAtTerminalPunctuationAndLineBreaks) {
  const auto s = split_sentences("First one. Second one!  Third? \"Quoted.\" Next\nline two e.g.x works");
  ASSERT_EQ(s.size(), 6u);
  EXPECT_EQ(s[0], "First one.");
  EXPECT_EQ(s[2], "Third?");
  EXPECT_EQ(s[3], "\"Quoted.\"");
  EXPECT_EQ(s[4], "Next");
  EXPECT_EQ(s[5], "line two e.g.x works");
}

TEST(TextFit, KeepsTextThatFits) { EXPECT_EQ(fit_to_tokens("  one two.  ", 5, count_words), "one two."); }

TEST(TextFit, CutsAtTheLastSentenceThatFits) {
  EXPECT_EQ(fit_to_tokens("One two three. Four five. Six seven eight nine.", 6, count_words),
            "One two three. Four five.");
}

TEST(TextFit, FallsBackToWordsWhenNoSentenceFits) {
  EXPECT_EQ(fit_to_tokens("One two three four five six. Seven.", 4, count_words), "One two three four");
}

TEST(TextFit, FallsBackToCharactersWhenNoWordFits) {
  // One "token" per UTF-8 character; never splits inside a character.
  const TokenCountFn chars = [](std::string_view t) { return char_ends(t).size(); };
  EXPECT_EQ(fit_to_tokens("häßlich", 3, chars), "häß");
}

TEST(TextFit, ZeroBudgetGivesEmpty) { EXPECT_EQ(fit_to_tokens("anything at all", 0, count_words), ""); }

TEST(TextFit, TailKeepsTheLastSentencesThatFit) {
  const auto fits = [](std::string_view t) { return count_words(t) <= 6; };
  EXPECT_EQ(fit_text("One two three. Four five. Six seven eight nine.", Keep::tail, fits),
            "Four five. Six seven eight nine.");
}

TEST(TextFit, TailFallsBackToWordsThenCharacters) {
  const auto four_words = [](std::string_view t) { return count_words(t) <= 4; };
  EXPECT_EQ(fit_text("One. Two three four five six seven", Keep::tail, four_words), "four five six seven");
  const auto five_bytes = [](std::string_view t) { return t.size() <= 5; };
  EXPECT_EQ(fit_text("ééééé", Keep::head, five_bytes), "éé");  // 2 bytes each: never split
  EXPECT_EQ(fit_text("ééééé", Keep::tail, five_bytes), "éé");
}

TEST(TextFit, EmptyWhenNothingFits) {
  EXPECT_EQ(fit_text("abc", Keep::tail, [](std::string_view t) { return t.empty(); }), "");
}

}  // namespace
}  // namespace hirag::llm
