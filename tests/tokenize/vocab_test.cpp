// The embedded vocabularies, their loader (SHA-256 check, malformed files) and the
// base64 decoder.
#include <gtest/gtest.h>

#include <string>

#include "tokenize/vocab/base64.hpp"
#include "tokenize/vocab/embedded_vocab.hpp"
#include "tokenize/vocab/vocab_loader.hpp"

namespace hirag::tokenize {
namespace {

std::string b64(std::string_view s) {
  uint8_t out[64];
  const long n = decode_base64(s, out);
  return n < 0 ? "<invalid>" : std::string(reinterpret_cast<char*>(out), static_cast<size_t>(n));
}

TEST(Base64, Decodes) {
  EXPECT_EQ(b64(""), "");
  EXPECT_EQ(b64("IQ=="), "!");
  EXPECT_EQ(b64("IGhl"), " he");
  EXPECT_EQ(b64("aGVsbG8="), "hello");
  EXPECT_EQ(b64("/+8="), "\xff\xef");
  EXPECT_EQ(b64("abc"), "<invalid>");
  EXPECT_EQ(b64("ab$="), "<invalid>");
  EXPECT_EQ(b64("a=bc"), "<invalid>");
}

TEST(EmbeddedVocab, MatchesTheSharedFiles) {
  for (Encoding e : {Encoding::cl100k_base, Encoding::o200k_base}) {
    const EmbeddedVocab v = embedded_vocab(e);
    EXPECT_EQ(sha256_hex(v.bytes), v.sha256_hex) << encoding_name(e);
    auto vocab = load_vocabulary(v.bytes, v.sha256_hex);
    ASSERT_TRUE(vocab.ok()) << vocab.error().message;
    EXPECT_EQ(vocab->size(), e == Encoding::cl100k_base ? 100256u : 199998u);
    EXPECT_EQ(vocab->max_token_length(), 128u);
    const std::string_view hello = " hello";
    EXPECT_EQ(vocab->rank(reinterpret_cast<const uint8_t*>(hello.data()), hello.size()),
              e == Encoding::cl100k_base ? 24748u : 40617u);
    EXPECT_EQ(vocab->token(0), "!");
  }
}

// A tiny well-formed rank file: the 256 single bytes.
std::string byte_vocab() {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string file;
  for (int b = 0; b < 256; ++b) {
    file += kAlphabet[b >> 2];
    file += kAlphabet[(b & 3) << 4];
    file += "== " + std::to_string(b) + "\n";
  }
  return file;
}

TEST(LoadVocabulary, RejectsWrongChecksum) {
  const std::string file = byte_vocab();
  auto ok = load_vocabulary(file, sha256_hex(file));
  EXPECT_TRUE(ok.ok());
  auto bad = load_vocabulary(file, std::string(64, '0'));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("corrupt"), std::string::npos);
}

TEST(LoadVocabulary, RejectsMalformedFiles) {
  auto load = [](const std::string& file) { return load_vocabulary(file, sha256_hex(file)); };
  EXPECT_FALSE(load(byte_vocab() + "aGk=\n").ok());            // no rank
  EXPECT_FALSE(load(byte_vocab() + "aGk= 999\n").ok());        // rank out of order
  EXPECT_FALSE(load(byte_vocab() + "a$k= 256\n").ok());        // bad base64
  EXPECT_FALSE(load(byte_vocab() + "QQ== 256\n").ok());        // duplicate token "A"
  EXPECT_FALSE(load("QQ== 0\n").ok());                         // missing single bytes
  EXPECT_TRUE(load(byte_vocab() + "aGk= 256\n").ok());
}

}  // namespace
}  // namespace hirag::tokenize
