// core/json_writer: numbers as people write them, strings escaped exactly as
// Boost.JSON escapes them, and text that parses back to the same value.
#include "core/json_writer.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

namespace hirag {
namespace {

TEST(JsonWriterTest, DoublesAreShortestDecimalsAndWholeOnesKeepAPoint) {
  EXPECT_EQ(to_json(0.5), "0.5");
  EXPECT_EQ(to_json(0.84), "0.84");
  EXPECT_EQ(to_json(1.0), "1.0");
  EXPECT_EQ(to_json(-0.0), "-0.0");
  EXPECT_EQ(to_json(123456.789), "123456.789");
  EXPECT_EQ(to_json(1e-7), "1e-07");
  EXPECT_EQ(to_json(3e25), "3e+25");
  EXPECT_EQ(to_json(static_cast<double>(0.84F)), "0.8399999737739563");
}

TEST(JsonWriterTest, NonFiniteDoublesAreNull) {
  EXPECT_EQ(to_json(std::numeric_limits<double>::infinity()), "null");
  EXPECT_EQ(to_json(-std::numeric_limits<double>::infinity()), "null");
  EXPECT_EQ(to_json(std::numeric_limits<double>::quiet_NaN()), "null");
}

TEST(JsonWriterTest, IntegersBooleansNullAndContainers) {
  EXPECT_EQ(to_json(INT64_C(-5)), "-5");
  EXPECT_EQ(to_json(std::numeric_limits<uint64_t>::max()), "18446744073709551615");
  EXPECT_EQ(to_json(true), "true");
  EXPECT_EQ(to_json(nullptr), "null");
  const boost::json::value nested = {{"a", boost::json::array{1, 2.5, "x", boost::json::object{}}}, {"b", false}};
  EXPECT_EQ(to_json(nested), R"({"a":[1,2.5,"x",{}],"b":false})");
  EXPECT_EQ(to_json(boost::json::array{}), "[]");
}

TEST(JsonWriterTest, StringsAreEscapedAsBoostJsonEscapesThem) {
  std::string every_ascii;
  for (int c = 0; c < 128; ++c) every_ascii.push_back(static_cast<char>(c));
  for (const std::string& text : {every_ascii, std::string("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"),
                                  std::string("quote \" backslash \\ slash /"), std::string()}) {
    const boost::json::value value(text);
    EXPECT_EQ(to_json(value), boost::json::serialize(value));
    const boost::json::value keyed = {{text, 1}};
    EXPECT_EQ(to_json(keyed), boost::json::serialize(keyed));
  }
}

// Read back with a correctly rounded parser (std::from_chars): Boost.JSON 1.81's
// own parser may be off by an ulp, whatever wrote the text.
// Long plain runs are scanned 8 bytes at a time: an escape at every offset of a
// word, after plain ASCII or UTF-8, comes out as Boost.JSON writes it.
TEST(JsonWriterTest, AnEscapeAtAnyOffsetOfALongStringIsWritten) {
  for (const std::string& filler : {std::string("x"), std::string("\xC3\xA9")}) {
    for (size_t plain = 0; plain < 40; ++plain) {
      for (const char special : {'"', '\\', '\n', '\x01', '\x1f'}) {
        std::string text;
        while (text.size() < plain) text += filler;
        text += special;
        text += "tail \xE2\x82\xAC and more plain bytes after it";
        const boost::json::value value(text);
        ASSERT_EQ(to_json(value), boost::json::serialize(value)) << plain;
      }
    }
  }
}

TEST(JsonWriterTest, EveryDoubleReadsBackAsItself) {
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  std::uniform_int_distribution<int> exponent(-300, 300);
  for (int i = 0; i < 20000; ++i) {
    const double number = std::ldexp(unit(random), exponent(random));
    const std::string text = to_json(number);
    double parsed = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    ASSERT_EQ(error, std::errc()) << text;
    ASSERT_EQ(end, text.data() + text.size()) << text;
    ASSERT_EQ(parsed, number) << text;
  }
}

TEST(JsonWriterTest, AWholeDocumentParsesBackToTheSameValue) {
  const auto value = boost::json::parse(R"({"contexts":[{"id":"x","text":"line\nnext \"quoted\"","score":0.125,
      "count":3,"metadata":{"tags":["a","b"],"ratio":1e-300,"big":18446744073709551615,"neg":-7}}],
      "total_tokens":12,"retrieval_time_ms":0.4176,"ok":true,"none":null})");
  EXPECT_EQ(boost::json::parse(to_json(value)), value);
}

}  // namespace
}  // namespace hirag
