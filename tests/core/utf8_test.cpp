#include "core/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace hirag {
namespace {

TEST(FirstInvalidUtf8, AcceptsValidText) {
  EXPECT_EQ(first_invalid_utf8(""), std::nullopt);
  EXPECT_EQ(first_invalid_utf8("plain ascii text, long enough for the 8-byte path"), std::nullopt);
  EXPECT_EQ(first_invalid_utf8("é中👍\u0301\U0010FFFF\uE000"), std::nullopt);
  EXPECT_EQ(first_invalid_utf8(std::string("a\0b", 3)), std::nullopt);
}

TEST(FirstInvalidUtf8, ReportsOffsetOfFirstBadByte) {
  EXPECT_EQ(first_invalid_utf8("abc\xff"), 3u);
  EXPECT_EQ(first_invalid_utf8("\x80"), 0u);                      // lone continuation byte
  EXPECT_EQ(first_invalid_utf8("0123456789\xc3("), 10u);          // bad continuation
  EXPECT_EQ(first_invalid_utf8("ok \xe4\xb8"), 3u);               // truncated at the end
  EXPECT_EQ(first_invalid_utf8("\xc0\xaf"), 0u);                  // overlong 2-byte
  EXPECT_EQ(first_invalid_utf8("\xe0\x80\xaf"), 0u);              // overlong 3-byte
  EXPECT_EQ(first_invalid_utf8("\xf0\x80\x80\xaf"), 0u);          // overlong 4-byte
  EXPECT_EQ(first_invalid_utf8("x\xed\xa0\x80"), 1u);             // UTF-16 surrogate
  EXPECT_EQ(first_invalid_utf8("\xf4\x90\x80\x80"), 0u);          // above U+10FFFF
  EXPECT_EQ(first_invalid_utf8("\xf5\x80\x80\x80"), 0u);
  EXPECT_EQ(first_invalid_utf8("é中\xfe"), 5u);
}

}  // namespace
}  // namespace hirag
