// core/utf8: UTF-8 validation for text entering the system (request bodies, stdin).
// Owns the definition of "valid UTF-8" (RFC 3629: shortest form, no surrogates,
// at most U+10FFFF); decoding for tokenization lives in tokenize/.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace hirag {

// The byte offset of the first byte that does not start a valid UTF-8 sequence
// (or of a truncated sequence at the end), or nullopt when the text is valid.
std::optional<size_t> first_invalid_utf8(std::string_view text);

}  // namespace hirag
