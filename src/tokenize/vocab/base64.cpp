#include "tokenize/vocab/base64.hpp"

#include <array>

namespace hirag::tokenize {

namespace {

constexpr uint8_t kInvalid = 0xFF;

constexpr std::array<uint8_t, 256> make_table() {
  std::array<uint8_t, 256> table{};
  for (auto& v : table) v = kInvalid;
  constexpr std::string_view alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (size_t i = 0; i < alphabet.size(); ++i) table[static_cast<uint8_t>(alphabet[i])] = static_cast<uint8_t>(i);
  return table;
}

constexpr std::array<uint8_t, 256> kTable = make_table();

}  // namespace

long decode_base64(std::string_view text, uint8_t* out) {
  size_t n = text.size();
  if (n % 4 != 0) return -1;
  size_t padding = 0;
  if (n > 0 && text[n - 1] == '=') ++padding;
  if (n > 1 && text[n - 2] == '=') ++padding;
  const auto* in = reinterpret_cast<const uint8_t*>(text.data());
  uint8_t* o = out;
  const size_t full = padding ? n - 4 : n;
  for (size_t i = 0; i < full; i += 4) {
    const uint32_t a = kTable[in[i]], b = kTable[in[i + 1]], c = kTable[in[i + 2]], d = kTable[in[i + 3]];
    if ((a | b | c | d) & 0xC0) return -1;  // kInvalid has these bits set
    const uint32_t v = a << 18 | b << 12 | c << 6 | d;
    o[0] = static_cast<uint8_t>(v >> 16);
    o[1] = static_cast<uint8_t>(v >> 8);
    o[2] = static_cast<uint8_t>(v);
    o += 3;
  }
  if (padding) {
    const uint8_t* q = in + full;
    const uint32_t a = kTable[q[0]], b = kTable[q[1]];
    const uint32_t c = padding == 2 ? 0 : kTable[q[2]];
    if ((a | b | c) & 0xC0) return -1;
    const uint32_t v = a << 18 | b << 12 | c << 6;
    *o++ = static_cast<uint8_t>(v >> 16);
    if (padding == 1) *o++ = static_cast<uint8_t>(v >> 8);
  }
  return o - out;
}

}  // namespace hirag::tokenize
