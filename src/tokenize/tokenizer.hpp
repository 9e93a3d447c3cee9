// tokenize/tokenizer: exact tiktoken-compatible BPE for one encoding — encode
// (ordinary, or with allowed special tokens), count without building ids, decode.
// A Tokenizer is immutable once built; tokenizer(Encoding) loads each encoding once,
// lazily, from the vocabulary embedded in the binary, and shares it by all threads.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "tokenize/encoding.hpp"
#include "tokenize/pretokenize/split.hpp"
#include "tokenize/vocab/vocabulary.hpp"

namespace hirag::tokenize {

using TokenId = uint32_t;

struct SpecialToken {
  std::string_view text;  // e.g. "<|endoftext|>"
  TokenId id;
};

class Tokenizer {
 public:
  Tokenizer(Encoding encoding, Vocabulary vocab, std::vector<SpecialToken> specials,
            pretokenize::NextPiece next_piece);

  Encoding encoding() const { return encoding_; }
  const Vocabulary& vocabulary() const { return vocab_; }
  std::span<const SpecialToken> special_tokens() const { return specials_; }

  // Ordinary encoding: special-token text is plain text.
  std::vector<TokenId> encode(std::string_view text) const;
  // Appends the ordinary encoding of `text` to `out`.
  void encode_into(std::string_view text, std::vector<TokenId>& out) const;
  // Occurrences of the allowed special tokens become their ids; any other special-token
  // text is plain text. An allowed name that is not a special token of this encoding
  // is a validation error.
  Result<std::vector<TokenId>> encode(std::string_view text, std::span<const std::string_view> allowed_special) const;

  // encode(text).size(), without building the ids.
  size_t count(std::string_view text) const;

  // The bytes of the tokens (ordinary and special), concatenated. An unknown id is a
  // validation error. The result is not necessarily valid UTF-8 (ids may split a character).
  Result<std::string> decode(std::span<const TokenId> ids) const;

 private:
  Encoding encoding_;
  Vocabulary vocab_;
  std::vector<SpecialToken> specials_;
  pretokenize::NextPiece next_piece_;
};

// The shared tokenizer of `encoding`, loaded on first use (thread-safe). Aborts with a
// message if the embedded vocabulary is corrupt (a broken build, not a runtime state).
const Tokenizer& tokenizer(Encoding encoding);

}  // namespace hirag::tokenize
