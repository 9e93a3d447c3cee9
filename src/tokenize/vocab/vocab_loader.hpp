// tokenize/vocab/vocab_loader: turns a .tiktoken rank file ("<base64> <rank>\n" per
// token) into a Vocabulary, after checking its SHA-256. Fails on any malformed line,
// out-of-order rank, duplicate token or missing single byte.
#pragma once

#include <string_view>

#include "core/result.hpp"
#include "tokenize/vocab/vocabulary.hpp"

namespace hirag::tokenize {

// The lowercase hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

Result<Vocabulary> load_vocabulary(std::string_view file, std::string_view expected_sha256_hex);

}  // namespace hirag::tokenize
