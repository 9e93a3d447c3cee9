// TokenCounter modes and the estimators.
#include <gtest/gtest.h>

#include "tokenize/estimate.hpp"
#include "tokenize/token_counter.hpp"
#include "tokenize/tokenizer.hpp"

namespace hirag::tokenize {
namespace {

TEST(Estimate, CharsDiv4CountsCodePoints) {
  EXPECT_EQ(estimate_chars_div_4(""), 0u);
  EXPECT_EQ(estimate_chars_div_4("Hello world"), 3u);
  EXPECT_EQ(estimate_chars_div_4("abcd"), 1u);
  EXPECT_EQ(estimate_chars_div_4("abcde"), 2u);
  EXPECT_EQ(estimate_chars_div_4("中文字符"), 1u);  // 4 code points, 12 bytes
  EXPECT_EQ(estimate_chars_div_4("👍👍👍👍👍"), 2u);
}

TEST(Estimate, WordsTimes1_3) {
  EXPECT_EQ(estimate_words_x1_3(""), 0u);
  EXPECT_EQ(estimate_words_x1_3("   \n\t "), 0u);
  EXPECT_EQ(estimate_words_x1_3("Hello world test"), 4u);  // 3.9 -> 4
  EXPECT_EQ(estimate_words_x1_3("one"), 2u);               // 1.3 -> 2
  EXPECT_EQ(estimate_words_x1_3("a b c d e f g h i j"), 13u);
  EXPECT_EQ(estimate_words_x1_3("  leading\u3000ideographic\u00a0nbsp\nand\r\nlines  "), 7u);  // 5 words
}

TEST(TokenCounter, Modes) {
  const std::string_view text = "Hello, world! This is a test.";
  EXPECT_EQ(TokenCounter().mode(), CountMode::exact);
  EXPECT_EQ(TokenCounter().default_encoding(), Encoding::cl100k_base);
  EXPECT_EQ(TokenCounter().count(text), tokenizer(Encoding::cl100k_base).count(text));
  EXPECT_EQ(TokenCounter(CountMode::exact, Encoding::o200k_base).count(text), tokenizer(Encoding::o200k_base).count(text));
  EXPECT_EQ(TokenCounter().count("<|endoftext|>"), tokenizer(Encoding::cl100k_base).encode("<|endoftext|>").size());
  EXPECT_EQ(TokenCounter(CountMode::chars_div_4).count(text), 8u);
  EXPECT_EQ(TokenCounter(CountMode::words_x1_3).count(text), 8u);  // 6 words
  EXPECT_EQ(TokenCounter(CountMode::words_x1_3).count(text, Encoding::o200k_base), 8u);
}

TEST(TokenCounter, ExactModeUsesTheGivenEncoding) {
  const std::string_view text = "Straße naïve 東京都 🤖🤖🤖";
  const TokenCounter counter;
  EXPECT_EQ(counter.count(text, Encoding::o200k_base), tokenizer(Encoding::o200k_base).encode(text).size());
  EXPECT_EQ(counter.count(text, Encoding::cl100k_base), tokenizer(Encoding::cl100k_base).encode(text).size());
  EXPECT_NE(counter.count(text, Encoding::o200k_base), counter.count(text, Encoding::cl100k_base));
}

TEST(CountMode, Names) {
  for (CountMode m : {CountMode::exact, CountMode::chars_div_4, CountMode::words_x1_3}) {
    EXPECT_EQ(parse_count_mode(count_mode_name(m)), m);
  }
  EXPECT_EQ(parse_count_mode("words"), std::nullopt);
}

}  // namespace
}  // namespace hirag::tokenize
