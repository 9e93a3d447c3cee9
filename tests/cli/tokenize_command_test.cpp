// The `hirag tokenize` command-line contract, through run_tokenize.
#include "cli/tokenize_command.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace hirag::cli {
namespace {

struct Outcome {
  int code;
  std::string out;
  std::string err;
};

Outcome tokenize(TokenizeOptions options, const std::string& input) {
  std::istringstream in(input);
  std::ostringstream out, err;
  const int code = run_tokenize(options, in, out, err);
  return {code, out.str(), err.str()};
}

TEST(TokenizeCommand, WholeInput) {
  const Outcome r = tokenize({}, "Hello world");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "{\"n\":2,\"ids\":[9906,1917]}\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(tokenize({}, "").out, "{\"n\":0,\"ids\":[]}\n");
}

TEST(TokenizeCommand, O200k) {
  TokenizeOptions o;
  o.encoding = "o200k_base";
  EXPECT_EQ(tokenize(o, "Hello world").out, "{\"n\":2,\"ids\":[13225,2375]}\n");
}

TEST(TokenizeCommand, SpecialTokenTextIsOrdinary) {
  const Outcome r = tokenize({}, "<|endoftext|>");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out.find("100257"), std::string::npos);
}

TEST(TokenizeCommand, Lines) {
  TokenizeOptions o;
  o.lines = true;
  EXPECT_EQ(tokenize(o, "Hello\nworld").out,
            "{\"i\":0,\"n\":2,\"ids\":[9906,198]}\n"
            "{\"i\":1,\"n\":1,\"ids\":[14957]}\n");
  EXPECT_EQ(tokenize(o, "a\n\n").out,
            "{\"i\":0,\"n\":2,\"ids\":[64,198]}\n"
            "{\"i\":1,\"n\":1,\"ids\":[198]}\n");
  EXPECT_EQ(tokenize(o, "").out, "");
}

TEST(TokenizeCommand, Jsonl) {
  TokenizeOptions o;
  o.jsonl = true;
  EXPECT_EQ(tokenize(o, "\"Hello world\"\n\"<|endoftext|>\\n\"\n").out,
            "{\"i\":0,\"n\":2,\"ids\":[9906,1917]}\n"
            "{\"i\":1,\"n\":7,\"ids\":[27,91,8862,728,428,91,397]}\n");
  EXPECT_EQ(tokenize(o, "\"\"").out, "{\"i\":0,\"n\":0,\"ids\":[]}\n");
  const Outcome bad = tokenize(o, "\"ok\"\nnot json\n");
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(bad.out, "");
  EXPECT_NE(bad.err.find("line 1"), std::string::npos);
}

TEST(TokenizeCommand, Count) {
  TokenizeOptions o;
  o.count = true;
  EXPECT_EQ(tokenize(o, "Hello world").out, "2\n");
  EXPECT_EQ(tokenize(o, "").out, "0\n");
}

TEST(TokenizeCommand, Decode) {
  TokenizeOptions o;
  o.decode = true;
  EXPECT_EQ(tokenize(o, "[9906,1917,100257]").out, "Hello world<|endoftext|>");
  EXPECT_EQ(tokenize(o, " [ ] ").out, "");
  for (const char* bad : {"[9906, 100256]", "[-1]", "[1.5]", "{\"ids\":[1]}", "9906", "[4294967296]"}) {
    const Outcome r = tokenize(o, bad);
    EXPECT_EQ(r.code, 2) << bad;
    EXPECT_EQ(r.out, "") << bad;
    EXPECT_FALSE(r.err.empty()) << bad;
  }
}

TEST(TokenizeCommand, InvalidUtf8NamesTheByteOffset) {
  for (bool lines : {false, true}) {
    TokenizeOptions o;
    o.lines = lines;
    const Outcome r = tokenize(o, "good line\nbad \xff byte");
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("invalid UTF-8"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("offset 14"), std::string::npos) << r.err;
  }
  TokenizeOptions count;
  count.count = true;
  EXPECT_EQ(tokenize(count, "\xc3").code, 2);
  TokenizeOptions jsonl;
  jsonl.jsonl = true;
  EXPECT_EQ(tokenize(jsonl, "\"\xff\"").code, 2);
}

TEST(TokenizeCommand, BadEncodingListsValidNames) {
  TokenizeOptions o;
  o.encoding = "p50k_base";
  const Outcome r = tokenize(o, "Hello");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("p50k_base"), std::string::npos);
  EXPECT_NE(r.err.find("cl100k_base, o200k_base"), std::string::npos);
}

TEST(TokenizeCommand, ModesAreExclusive) {
  TokenizeOptions o;
  o.lines = true;
  o.count = true;
  EXPECT_EQ(tokenize(o, "x").code, 2);
}

}  // namespace
}  // namespace hirag::cli
