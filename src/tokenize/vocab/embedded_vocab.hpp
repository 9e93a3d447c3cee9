// tokenize/vocab/embedded_vocab: the rank files compiled into the binary
// (vocab_blobs.S) and the SHA-256 each must have. No parsing here.
#pragma once

#include <string_view>

#include "tokenize/encoding.hpp"

namespace hirag::tokenize {

struct EmbeddedVocab {
  std::string_view bytes;          // the .tiktoken file: "<base64> <rank>\n" per token
  std::string_view sha256_hex;     // OpenAI's published sum of that file
};

EmbeddedVocab embedded_vocab(Encoding encoding);

}  // namespace hirag::tokenize
