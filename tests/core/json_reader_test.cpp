#include "core/json_reader.hpp"

#include <gtest/gtest.h>

namespace hirag {
namespace {

boost::json::object parse(std::string_view text) { return parse_json_object(text).value(); }

TEST(JsonReaderTest, ReadsTypedFieldsAndAcceptsWhenAllKnown) {
  auto obj = parse(R"({"text":"hi","top_k":5,"explain":true,"meta":{},"ids":[]})");
  JsonReader r(obj);
  EXPECT_EQ(r.required_string("text"), "hi");
  EXPECT_EQ(r.optional_int("top_k"), 5);
  EXPECT_EQ(r.optional_bool("explain"), true);
  EXPECT_NE(r.optional_object("meta"), nullptr);
  EXPECT_NE(r.optional_array("ids"), nullptr);
  EXPECT_TRUE(r.finish().ok());
}

TEST(JsonReaderTest, NumbersAcceptIntegersAndFractionsButNotStrings) {
  auto obj = parse(R"({"a":0.25,"b":1,"c":"0.5"})");
  JsonReader r(obj);
  EXPECT_EQ(r.optional_number("a"), 0.25);
  EXPECT_EQ(r.optional_number("b"), 1.0);
  EXPECT_EQ(r.optional_number("c"), std::nullopt);
  auto status = r.finish();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().details.at("field").as_string(), "c");
}

TEST(JsonReaderTest, UnknownFieldIsNamed) {
  auto obj = parse(R"({"text":"hi","levle":"LongTerm"})");
  JsonReader r(obj);
  r.required_string("text");
  auto status = r.finish();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::Validation);
  EXPECT_NE(status.error().message.find("levle"), std::string::npos);
  EXPECT_EQ(status.error().details.at("field").as_string(), "levle");
}

TEST(JsonReaderTest, WrongTypeNamesFieldAndTypes) {
  auto obj = parse(R"({"top_k":"ten"})");
  JsonReader r(obj);
  EXPECT_FALSE(r.optional_int("top_k").has_value());
  auto status = r.finish();
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("top_k"), std::string::npos);
  EXPECT_NE(status.error().message.find("string"), std::string::npos);
}

TEST(JsonReaderTest, MissingRequiredFieldIsNamed) {
  auto obj = parse(R"({})");
  JsonReader r(obj, "items[2]");
  r.required_string("text");
  auto status = r.finish();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().details.at("field").as_string(), "items[2].text");
}

TEST(JsonReaderTest, FractionalNumberIsNotAnInteger) {
  auto obj = parse(R"({"n":1.5,"m":3.0})");
  JsonReader r(obj);
  EXPECT_FALSE(r.optional_int("n").has_value());
  EXPECT_FALSE(r.finish().ok());
  JsonReader r2(obj);
  r2.optional_int("n");
  EXPECT_FALSE(r2.finish().ok());
  auto obj2 = parse(R"({"m":3.0})");
  JsonReader r3(obj2);
  EXPECT_EQ(r3.optional_int("m"), 3);
}

// Found by fuzzing (tests/fuzz/corpus/json_requests/regression-huge-double-slot):
// numbers beyond int64, up to an exponent that overflows to inf, are refused by
// name, without the undefined conversion `make test-asan` (UBSan) would report.
TEST(JsonReaderTest, NumbersBeyondInt64AreNotIntegers) {
  for (const char* text : {R"({"n":371e99950})", R"({"n":-371e99950})", R"({"n":1e300})", R"({"n":-1e19})",
                           R"({"n":18446744073709551615})"}) {
    auto obj = parse(text);
    JsonReader r(obj);
    EXPECT_FALSE(r.optional_int("n").has_value()) << text;
    auto status = r.finish();
    ASSERT_FALSE(status.ok()) << text;
    EXPECT_EQ(status.error().details.at("field").as_string(), "n") << text;
  }
}

TEST(JsonParseTest, MalformedJsonReportsOffset) {
  auto result = parse_json_object(R"({"text": "abc",})");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::Validation);
  EXPECT_TRUE(result.error().details.contains("offset"));
  EXPECT_NE(result.error().message.find("byte"), std::string::npos);
}

TEST(JsonParseTest, InvalidUtf8InStringIsRejected) {
  std::string body = "{\"text\": \"a\xff\xfe\"}";
  EXPECT_FALSE(parse_json_object(body).ok());
}

TEST(JsonParseTest, NonObjectBodyIsRejected) {
  auto result = parse_json_object("[1,2]");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("array"), std::string::npos);
}

TEST(JsonParseTest, EmptyBodyIsRejected) { EXPECT_FALSE(parse_json_object("").ok()); }

TEST(JsonParseTest, DeepNestingIsRejected) {
  std::string deep(200, '[');
  deep += std::string(200, ']');
  EXPECT_FALSE(parse_json(deep).ok());
}

}  // namespace
}  // namespace hirag
