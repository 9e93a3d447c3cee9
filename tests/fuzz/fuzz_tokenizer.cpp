// tests/fuzz/fuzz_tokenizer: libFuzzer target for the BPE tokenizers. Any bytes:
// no crash, count() equals the number of ids encode() gives, every id decodes.
// Valid UTF-8: decode(encode(x)) == x, byte for byte.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/utf8.hpp"
#include "tokenize/encoding.hpp"
#include "tokenize/tokenizer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const bool valid_utf8 = !hirag::first_invalid_utf8(text).has_value();
  for (const auto name : hirag::tokenize::encoding_names()) {
    const auto& tokenizer = hirag::tokenize::tokenizer(*hirag::tokenize::parse_encoding(name));
    const auto ids = tokenizer.encode(text);
    if (tokenizer.count(text) != ids.size()) std::abort();
    auto decoded = tokenizer.decode(ids);
    if (!decoded.ok()) std::abort();
    if (valid_utf8 && *decoded != text) std::abort();
  }
  return 0;
}
