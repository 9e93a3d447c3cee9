// Tokenizer API: encodings, special tokens, decode errors, round trips on random
// Unicode, very long inputs, both merge strategies, and sharing across threads.
#include <gtest/gtest.h>

#include <random>
#include <thread>

#include "parity_data.hpp"
#include "tokenize/bpe/byte_pair.hpp"
#include "tokenize/tokenizer.hpp"

namespace hirag::tokenize {
namespace {

const Tokenizer& cl100k() { return tokenizer(Encoding::cl100k_base); }
const Tokenizer& o200k() { return tokenizer(Encoding::o200k_base); }

TEST(Encoding, NamesRoundTrip) {
  EXPECT_EQ(parse_encoding("cl100k_base"), Encoding::cl100k_base);
  EXPECT_EQ(parse_encoding("o200k_base"), Encoding::o200k_base);
  EXPECT_EQ(parse_encoding("gpt2"), std::nullopt);
  EXPECT_EQ(parse_encoding(""), std::nullopt);
  EXPECT_EQ(encoding_names(), (std::vector<std::string_view>{"cl100k_base", "o200k_base"}));
  for (auto name : encoding_names()) EXPECT_EQ(encoding_name(*parse_encoding(name)), name);
  EXPECT_EQ(kDefaultEncoding, Encoding::cl100k_base);
}

TEST(Tokenizer, KnownIds) {
  EXPECT_EQ(cl100k().encode("Hello world"), (std::vector<TokenId>{9906, 1917}));
  EXPECT_EQ(o200k().encode("Hello world"), (std::vector<TokenId>{13225, 2375}));
  EXPECT_TRUE(cl100k().encode("").empty());
  EXPECT_EQ(cl100k().count(""), 0u);
  EXPECT_EQ(cl100k().encoding(), Encoding::cl100k_base);
}

TEST(Tokenizer, SpecialTokenTextIsOrdinaryByDefault) {
  const auto ids = cl100k().encode("<|endoftext|>");
  EXPECT_GT(ids.size(), 1u);
  EXPECT_EQ(std::count(ids.begin(), ids.end(), 100257u), 0);
}

TEST(Tokenizer, AllowedSpecialTokens) {
  const std::vector<std::string_view> eot = {"<|endoftext|>"};
  EXPECT_EQ(cl100k().encode("<|endoftext|>", eot).value(), (std::vector<TokenId>{100257}));
  EXPECT_EQ(o200k().encode("<|endoftext|>", eot).value(), (std::vector<TokenId>{199999}));
  const std::vector<std::string_view> all = {"<|endoftext|>", "<|fim_prefix|>", "<|fim_middle|>",
                                             "<|fim_suffix|>", "<|endofprompt|>"};
  EXPECT_EQ(cl100k().encode("<|fim_prefix|><|fim_middle|><|fim_suffix|><|endofprompt|>", all).value(),
            (std::vector<TokenId>{100258, 100259, 100260, 100276}));
  // Not allowed: plain text, even next to an allowed one.
  const auto mixed = cl100k().encode("<|fim_prefix|><|endoftext|>", eot).value();
  EXPECT_EQ(mixed.back(), 100257u);
  EXPECT_EQ(std::count(mixed.begin(), mixed.end(), 100258u), 0);
  // Unknown names are errors.
  const std::vector<std::string_view> bad = {"<|fim_prefix|>"};
  EXPECT_FALSE(o200k().encode("x", bad).ok());
}

TEST(Tokenizer, DecodeSpecialAndUnknownIds) {
  const std::vector<TokenId> ids = {9906, 100257, 1917, 100276};
  EXPECT_EQ(cl100k().decode(ids).value(), "Hello<|endoftext|> world<|endofprompt|>");
  EXPECT_EQ(o200k().decode(std::vector<TokenId>{199999, 200018}).value(), "<|endoftext|><|endofprompt|>");
  for (TokenId bad : {100256u, 100261u, 100275u, 100277u, 4000000000u}) {
    auto r = cl100k().decode(std::vector<TokenId>{9906, bad});
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::Validation);
  }
  EXPECT_FALSE(o200k().decode(std::vector<TokenId>{199998}).ok());
  EXPECT_EQ(o200k().decode(std::vector<TokenId>{199997}).ok(), true);
}

std::string random_unicode(std::mt19937& rng, size_t code_points) {
  std::string s;
  std::uniform_int_distribution<int> kind(0, 9);
  for (size_t i = 0; i < code_points; ++i) {
    char32_t cp;
    switch (kind(rng)) {
      case 0: cp = std::uniform_int_distribution<char32_t>(0, 0x7F)(rng); break;
      case 1: cp = U" \n\r\t"[std::uniform_int_distribution<int>(0, 3)(rng)]; break;
      case 2: cp = std::uniform_int_distribution<char32_t>(0x300, 0x36F)(rng); break;
      case 3: cp = std::uniform_int_distribution<char32_t>(0x1F300, 0x1FAFF)(rng); break;
      default: cp = std::uniform_int_distribution<char32_t>(0, 0x10FFFF)(rng);
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 'x';
    if (cp < 0x80) {
      s += static_cast<char>(cp);
    } else if (cp < 0x800) {
      s += static_cast<char>(0xC0 | cp >> 6);
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      s += static_cast<char>(0xE0 | cp >> 12);
      s += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | cp >> 18);
      s += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
      s += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return s;
}

TEST(Tokenizer, RoundTripsRandomUnicode) {
  std::mt19937 rng(42);
  for (int i = 0; i < 2000; ++i) {
    const std::string text = random_unicode(rng, std::uniform_int_distribution<size_t>(0, 64)(rng));
    for (const Tokenizer* tok : {&cl100k(), &o200k()}) {
      const auto ids = tok->encode(text);
      ASSERT_EQ(tok->decode(ids).value(), text);
      ASSERT_EQ(tok->count(text), ids.size());
    }
  }
}

TEST(Tokenizer, SurvivesInvalidUtf8) {
  const std::string junk = "ab\xff\xfe\xc3 \xe4\xb8 \xed\xa0\x80 \xf4\x90\x80\x80 '\xc5";
  for (const Tokenizer* tok : {&cl100k(), &o200k()}) {
    EXPECT_EQ(tok->decode(tok->encode(junk)).value(), junk);
    EXPECT_EQ(tok->count(junk), tok->encode(junk).size());
  }
}

TEST(Tokenizer, TenMegabyteSingleLines) {
  std::string words;
  while (words.size() < (10u << 20)) words += "The quick brown fox jumps over 13 lazy dogs; ";
  std::string letters(10u << 20, 'a');
  for (const Tokenizer* tok : {&cl100k(), &o200k()}) {
    const auto ids = tok->encode(words);
    EXPECT_EQ(tok->count(words), ids.size());
    EXPECT_EQ(tok->decode(ids).value(), words);
    // One 10 MB piece: the rank-bucket merge keeps this O(n log n).
    const auto run = tok->encode(letters);
    EXPECT_LT(run.size(), letters.size() / 4);
    EXPECT_EQ(tok->decode(run).value(), letters);
  }
}

// Both merge strategies on every piece-like span of the parity texts and on long runs.
TEST(BytePair, RankArrayAndRankBucketsAgree) {
  std::vector<std::string> pieces;
  for (size_t n : {2, 3, 17, 100, 255, 256, 257, 1000, 3000}) {
    pieces.push_back(std::string(n, 'a'));
    pieces.push_back(std::string(n, ' '));
    std::string mix;
    while (mix.size() < n) mix += "ab1 ";
    pieces.push_back(mix.substr(0, n));
  }
  const std::string text = testing::gunzip_file(testing::parity_dir() + "/i18n_text.txt.gz");
  for (size_t pos = 0; pos + 64 < text.size(); pos += 997) pieces.push_back(text.substr(pos, 1 + pos % 300));
  for (const Tokenizer* tok : {&cl100k(), &o200k()}) {
    for (const auto& piece : pieces) {
      std::vector<Rank> a, b;
      bpe::encode_piece(tok->vocabulary(), piece, a, bpe::MergeStrategy::rank_array);
      bpe::encode_piece(tok->vocabulary(), piece, b, bpe::MergeStrategy::rank_buckets);
      ASSERT_EQ(a, b) << piece.size();
      ASSERT_EQ(bpe::count_piece(tok->vocabulary(), piece, bpe::MergeStrategy::rank_buckets), a.size());
    }
  }
}

TEST(Tokenizer, SharedAcrossThreadsWithoutLocks) {
  const std::string text = testing::gunzip_file(testing::parity_dir() + "/code_py.txt.gz").substr(0, 200000);
  const auto expected_cl = cl100k().encode(text);
  const auto expected_o = o200k().encode(text);
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      const Tokenizer& tok = t % 2 ? o200k() : cl100k();
      for (int i = 0; i < 3; ++i) failures += tok.encode(text) != (t % 2 ? expected_o : expected_cl);
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace hirag::tokenize
