// Splitting a long text into parts under the limit: exact concatenation, cuts at
// the best boundary available, never inside a UTF-8 sequence.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "memory/text_split.hpp"

namespace hirag::memory {
namespace {

std::string joined(const std::vector<std::string_view>& parts) {
  std::string text;
  for (auto part : parts) text += part;
  return text;
}

TEST(TextSplitTest, ATextThatFitsIsOnePart) {
  const auto parts = split_text("short enough", 100);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0], "short enough");
}

TEST(TextSplitTest, PartsFitAndConcatenateBackExactly) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "word" + std::to_string(i) + (i % 9 == 8 ? ".\n" : " ");
  const auto parts = split_text(text, 200);
  ASSERT_GT(parts.size(), 5u);
  for (auto part : parts) EXPECT_LE(part.size(), 200u);
  EXPECT_EQ(joined(parts), text);
}

TEST(TextSplitTest, AParagraphBreakInTheSecondHalfIsPreferredToALaterSentenceEnd) {
  const std::string first = std::string(60, 'a') + " end of one.\n\n";
  const std::string text = first + "Then a sentence. And more words here " + std::string(100, 'b');
  const auto parts = split_text(text, 100);
  ASSERT_GE(parts.size(), 2u);
  EXPECT_EQ(parts[0], first);
}

TEST(TextSplitTest, ASentenceEndIsPreferredToAnyWhitespace) {
  const std::string first = std::string(60, 'a') + " ends here. ";
  const std::string text = first + "then words without an end " + std::string(100, 'c');
  const auto parts = split_text(text, 100);
  EXPECT_EQ(parts[0], first);
}

TEST(TextSplitTest, AnEarlyBreakIsNotTakenWhenItWouldMakeATinyPart) {
  // The only paragraph break is 5 bytes in: the cut is at the last space instead.
  const std::string text = "tiny\n\n" + std::string(40, 'x') + " " + std::string(40, 'y') + " " + std::string(60, 'z');
  const auto parts = split_text(text, 100);
  EXPECT_EQ(parts[0], "tiny\n\n" + std::string(40, 'x') + " " + std::string(40, 'y') + " ");
}

TEST(TextSplitTest, WithoutWhitespaceTheCutIsOnACharacterBoundary) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "é€😀";  // 2, 3 and 4 bytes
  for (size_t limit : {10u, 11u, 12u, 13u}) {
    const auto parts = split_text(text, limit);
    EXPECT_EQ(joined(parts), text);
    for (auto part : parts) {
      EXPECT_LE(part.size(), limit);
      ASSERT_FALSE(part.empty());
      EXPECT_NE(static_cast<unsigned char>(part.front()) & 0xC0, 0x80) << "a part starts inside a character";
    }
  }
}

TEST(TextSplitTest, ALimitBelowOneCharacterStillEndsWithPartsTheCallerRefuses) {
  const auto parts = split_text("😀😀", 2);
  EXPECT_EQ(joined(parts), "😀😀");
  EXPECT_EQ(parts.size(), 2u);
}

TEST(TextSplitTest, EachPartsMetadataLinksItToTheFirst) {
  const auto metadata = boost::json::parse(R"({"sid": "s1"})").as_object();
  const auto linked = with_split(metadata, 1, 3, "first-id");
  EXPECT_EQ(linked, boost::json::parse(R"({"sid": "s1", "split": {"part": 2, "parts": 3, "of": "first-id"}})"));
  MemoryConfig config;
  EXPECT_TRUE(validate_split_metadata("metadata", metadata, 3, config).ok());
  const auto taken = boost::json::parse(R"({"split": true})").as_object();
  const auto refused = validate_split_metadata("items[2].metadata", taken, 3, config);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().details.at("field").as_string(), "items[2].metadata.split");
  config.max_metadata_bytes = 40;
  EXPECT_FALSE(validate_split_metadata("metadata", metadata, 3, config).ok()) << "too big with the split key";
}

}  // namespace
}  // namespace hirag::memory
