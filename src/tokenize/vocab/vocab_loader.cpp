#include "tokenize/vocab/vocab_loader.hpp"

#include <openssl/evp.h>

#include <charconv>
#include <string>

#include "tokenize/vocab/base64.hpp"

namespace hirag::tokenize {

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(len * 2, '0');
  for (unsigned int i = 0; i < len; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 15];
  }
  return out;
}

namespace {

Error bad_line(size_t line, std::string_view why) {
  return Error::internal("tokenizer vocabulary line " + std::to_string(line + 1) + ": " + std::string(why));
}

}  // namespace

Result<Vocabulary> load_vocabulary(std::string_view file, std::string_view expected_sha256_hex) {
  const std::string actual = sha256_hex(file);
  if (actual != expected_sha256_hex) {
    return Error::internal("tokenizer vocabulary is corrupt: sha256 " + actual + ", expected " +
                           std::string(expected_sha256_hex));
  }
  std::vector<uint8_t> tokens(file.size() / 4 * 3 + 8);
  std::vector<uint32_t> offsets{0};
  offsets.reserve(file.size() / 8);
  size_t used = 0;
  for (size_t pos = 0; pos < file.size();) {
    size_t eol = file.find('\n', pos);
    if (eol == std::string_view::npos) eol = file.size();
    const std::string_view line = file.substr(pos, eol - pos);
    pos = eol + 1;
    const size_t index = offsets.size() - 1;
    const size_t space = line.find(' ');
    if (space == std::string_view::npos) return bad_line(index, "expected '<base64> <rank>'");
    uint32_t rank = 0;
    const char* rank_end = line.data() + line.size();
    auto [ptr, ec] = std::from_chars(line.data() + space + 1, rank_end, rank);
    if (ec != std::errc{} || ptr != rank_end) return bad_line(index, "bad rank");
    if (rank != index) return bad_line(index, "ranks must be 0, 1, 2, ... in order");
    const long len = decode_base64(line.substr(0, space), tokens.data() + used);
    if (len <= 0) return bad_line(index, "bad base64 token");
    used += static_cast<size_t>(len);
    offsets.push_back(static_cast<uint32_t>(used));
  }
  tokens.resize(used);
  tokens.shrink_to_fit();
  offsets.shrink_to_fit();
  Vocabulary vocab(std::move(tokens), std::move(offsets));
  for (unsigned b = 0; b < 256; ++b) {
    if (vocab.byte_rank(static_cast<uint8_t>(b)) == kNoRank) return Error::internal("tokenizer vocabulary lacks a single byte");
  }
  if (vocab.first_duplicate() != kNoRank) {
    return Error::internal("tokenizer vocabulary has a duplicate token at rank " + std::to_string(vocab.first_duplicate()));
  }
  return vocab;
}

}  // namespace hirag::tokenize
