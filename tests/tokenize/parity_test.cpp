// Parity with the npm tiktoken package (OpenAI's Rust core) on the public parity set:
// whole-file and per-line ids of every text, both encodings, must be identical.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "parity_data.hpp"
#include "tokenize/tokenizer.hpp"

namespace hirag::tokenize {
namespace {

using testing::gunzip_file;
using testing::json_ids;
using testing::kParityTexts;
using testing::parity_dir;

struct Case {
  std::string text;
  Encoding encoding;
};

class ParityTest : public ::testing::TestWithParam<Case> {};

// Index of the first difference, for a readable failure message.
size_t first_difference(const std::vector<TokenId>& a, const std::vector<TokenId>& b) {
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  return i;
}

TEST_P(ParityTest, WholeFileIdsMatchReference) {
  const auto& [name, encoding] = GetParam();
  const std::string text = gunzip_file(parity_dir() + "/" + name + ".txt.gz");
  ASSERT_FALSE(text.empty());
  const std::string ref_json =
      gunzip_file(parity_dir() + "/" + std::string(encoding_name(encoding)) + "/" + name + ".file.json.gz");
  ASSERT_FALSE(ref_json.empty());
  const boost::json::value ref = boost::json::parse(ref_json);
  const std::vector<TokenId> expected = json_ids(ref.at("ids"));
  ASSERT_EQ(expected.size(), ref.at("n").to_number<size_t>());

  const Tokenizer& tok = tokenizer(encoding);
  const std::vector<TokenId> ids = tok.encode(text);
  const size_t at = first_difference(ids, expected);
  ASSERT_EQ(ids.size(), expected.size()) << "first difference at id " << at;
  ASSERT_EQ(at, ids.size()) << "first difference at id " << at;
  EXPECT_EQ(tok.count(text), expected.size());
  EXPECT_EQ(tok.decode(ids).value(), text);
}

TEST_P(ParityTest, PerLineIdsMatchReference) {
  const auto& [name, encoding] = GetParam();
  const std::string text = gunzip_file(parity_dir() + "/" + name + ".txt.gz");
  const std::string lines =
      gunzip_file(parity_dir() + "/" + std::string(encoding_name(encoding)) + "/" + name + ".lines.jsonl.gz");
  ASSERT_FALSE(lines.empty());
  const Tokenizer& tok = tokenizer(encoding);
  size_t checked = 0, mismatches = 0;
  for (size_t pos = 0; pos < lines.size();) {
    size_t end = lines.find('\n', pos);
    if (end == std::string::npos) end = lines.size();
    const std::string_view row(lines.data() + pos, end - pos);
    pos = end + 1;
    if (row.empty()) continue;
    const boost::json::value ref = boost::json::parse(row);
    const std::string_view line =
        std::string_view(text).substr(ref.at("off").to_number<size_t>(), ref.at("len").to_number<size_t>());
    const std::vector<TokenId> expected = json_ids(ref.at("ids"));
    ++checked;
    if (tok.encode(line) != expected && ++mismatches <= 5) {
      ADD_FAILURE() << "line " << ref.at("i").to_number<size_t>() << " differs: " << line;
    }
    if (tok.count(line) != expected.size() && mismatches == 0) {
      ADD_FAILURE() << "count differs on line " << ref.at("i").to_number<size_t>();
      ++mismatches;
    }
  }
  EXPECT_GT(checked, 100u);
  EXPECT_EQ(mismatches, 0u);
}

std::vector<Case> all_cases() {
  std::vector<Case> cases;
  for (const auto& name : kParityTexts) {
    for (Encoding e : {Encoding::cl100k_base, Encoding::o200k_base}) cases.push_back({name, e});
  }
  return cases;
}

INSTANTIATE_TEST_SUITE_P(AllTexts, ParityTest, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return info.param.text + "_" + std::string(encoding_name(info.param.encoding));
                         });

}  // namespace
}  // namespace hirag::tokenize
