// tokenize/vocab/base64: a table-driven standard-alphabet base64 decoder for the
// token column of the rank files. Padding ('=') is accepted only at the end.
#pragma once

#include <cstdint>
#include <string_view>

namespace hirag::tokenize {

// Decodes `text` into `out`, which must have room for text.size() / 4 * 3 bytes.
// Returns the number of bytes written, or -1 when `text` is not valid base64.
long decode_base64(std::string_view text, uint8_t* out);

}  // namespace hirag::tokenize
