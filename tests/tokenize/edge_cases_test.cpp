// Edge cases (whitespace runs, \r\n, digits, scripts, combining marks, emoji, private
// use, contractions and case folding, special-token text, long runs) against the ids
// the npm tiktoken package produced: edge_cases.jsonl, made by gen_edge_cases.mjs.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "parity_data.hpp"
#include "tokenize/tokenizer.hpp"

namespace hirag::tokenize {
namespace {

TEST(EdgeCases, MatchTiktoken) {
  const std::string rows = testing::read_file(std::string(HIRAG_SOURCE_DIR) + "/tests/tokenize/edge_cases.jsonl");
  ASSERT_FALSE(rows.empty());
  size_t checked = 0;
  for (size_t pos = 0; pos < rows.size();) {
    const size_t end = rows.find('\n', pos);
    const boost::json::value row = boost::json::parse(std::string_view(rows).substr(pos, end - pos));
    pos = end + 1;
    const std::string_view name = row.at("name").as_string();
    const std::string_view text = row.at("text").as_string();
    for (Encoding e : {Encoding::cl100k_base, Encoding::o200k_base}) {
      const Tokenizer& tok = tokenizer(e);
      const std::vector<TokenId> expected = testing::json_ids(row.at(encoding_name(e)));
      if (row.at("allowed").is_null()) {
        EXPECT_EQ(tok.encode(text), expected) << name << " / " << encoding_name(e);
        EXPECT_EQ(tok.count(text), expected.size()) << name << " / " << encoding_name(e);
      } else {
        std::vector<std::string_view> allowed;
        for (const auto& s : row.at("allowed").as_array()) {
          for (const auto& special : tok.special_tokens()) {
            if (special.text == std::string_view(s.as_string())) allowed.push_back(special.text);
          }
        }
        const auto ids = tok.encode(text, allowed);
        ASSERT_TRUE(ids.ok()) << name;
        EXPECT_EQ(*ids, expected) << name << " / " << encoding_name(e);
      }
      EXPECT_EQ(tok.decode(expected).value(), text) << name;
      ++checked;
    }
  }
  EXPECT_GT(checked, 150u);
}

}  // namespace
}  // namespace hirag::tokenize
