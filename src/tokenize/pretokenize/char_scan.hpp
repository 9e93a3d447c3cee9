// tokenize/pretokenize/char_scan: what the split scanners see of one code point —
// its UTF-8 length and a set of class flags — decoded straight from the bytes.
// Internal to pretokenize/; invalid UTF-8 bytes read as one-byte "other" characters.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "tokenize/unicode/unicode_classes.hpp"

namespace hirag::tokenize::pretokenize {

enum Flag : uint8_t {
  kLetter = 1,      // \p{L}
  kNumber = 2,      // \p{N}
  kSpace = 4,       // \s (White_Space)
  kUpperish = 8,    // [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]
  kLowerish = 16,   // [\p{Ll}\p{Lm}\p{Lo}\p{M}]
  kNewline = 32,    // \r or \n
};

inline constexpr std::array<uint8_t, 9> kFlagsOfClass = {
    0,                                      // Other
    kLetter | kUpperish,                    // Lu
    kLetter | kLowerish,                    // Ll
    kLetter | kUpperish,                    // Lt
    kLetter | kUpperish | kLowerish,        // Lm
    kLetter | kUpperish | kLowerish,        // Lo
    kUpperish | kLowerish,                  // M
    kNumber,                                // N
    kSpace,                                 // Space
};

// ASCII flags, checked against the generated table by the tests.
inline constexpr std::array<uint8_t, 128> kAsciiFlags = [] {
  std::array<uint8_t, 128> f{};
  for (int c = 'A'; c <= 'Z'; ++c) f[c] = kFlagsOfClass[1];
  for (int c = 'a'; c <= 'z'; ++c) f[c] = kFlagsOfClass[2];
  for (int c = '0'; c <= '9'; ++c) f[c] = kNumber;
  for (int c = '\t'; c <= '\r'; ++c) f[c] = kSpace;
  f[' '] = kSpace;
  f['\r'] |= kNewline;
  f['\n'] |= kNewline;
  return f;
}();

struct Char {
  uint32_t len;   // bytes; 0 at the end of the text
  uint8_t flags;
};

// The character at byte offset `pos` of [text, text + size).
inline Char char_at(const uint8_t* text, size_t size, size_t pos) {
  if (pos >= size) return {0, 0};
  const uint8_t* p = text + pos;
  const uint8_t b0 = p[0];
  if (b0 < 0x80) return {1, kAsciiFlags[b0]};
  const size_t avail = size - pos;
  char32_t cp;
  uint32_t len;
  if (b0 >= 0xC2 && b0 <= 0xDF && avail >= 2 && (p[1] & 0xC0) == 0x80) {
    cp = (b0 & 0x1Fu) << 6 | (p[1] & 0x3Fu);
    len = 2;
  } else if ((b0 & 0xF0) == 0xE0 && avail >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
    cp = (b0 & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
    len = 3;
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return {1, 0};
  } else if (b0 >= 0xF0 && b0 <= 0xF4 && avail >= 4 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
             (p[3] & 0xC0) == 0x80) {
    cp = (b0 & 0x07u) << 18 | (p[1] & 0x3Fu) << 12 | (p[2] & 0x3Fu) << 6 | (p[3] & 0x3Fu);
    len = 4;
    if (cp < 0x10000 || cp > 0x10FFFF) return {1, 0};
  } else {
    return {1, 0};
  }
  return {len, kFlagsOfClass[static_cast<size_t>(unicode::class_of(cp))]};
}

// Length of the case-insensitive contraction ('s 't 're 've 'm 'll 'd) at `pos`, or 0.
// Simple case folding adds only U+017F LATIN SMALL LETTER LONG S (folds to 's').
inline size_t contraction_at(const uint8_t* text, size_t size, size_t pos) {
  if (pos + 1 >= size || text[pos] != '\'') return 0;
  auto is = [&](size_t i, char lower) {
    return pos + i < size && (text[pos + i] == lower || text[pos + i] == lower - ('a' - 'A'));
  };
  if (is(1, 's') || is(1, 't') || is(1, 'm') || is(1, 'd')) return 2;
  if ((is(1, 'r') || is(1, 'v')) && is(2, 'e')) return 3;
  if (is(1, 'l') && is(2, 'l')) return 3;
  if (text[pos + 1] == 0xC5 && pos + 2 < size && text[pos + 2] == 0xBF) return 3;  // 'ſ
  return 0;
}

// End of the run of characters, from `pos`, that have any of the `flags`.
inline size_t run_end(const uint8_t* text, size_t size, size_t pos, uint8_t flags) {
  for (Char c = char_at(text, size, pos); c.flags & flags; c = char_at(text, size, pos)) pos += c.len;
  return pos;
}

// \p{N}{1,3} at `pos`, which holds a number.
inline size_t numbers_piece_end(const uint8_t* text, size_t size, size_t pos) {
  size_t end = pos;
  for (int i = 0; i < 3; ++i) {
    const Char d = char_at(text, size, end);
    if (!(d.flags & kNumber)) break;
    end += d.len;
  }
  return end;
}

// ` ?[^\s\p{L}\p{N}]+[\r\n]*` (with '/' in the tail class when `slash_tail`), or 0 when it
// does not match at `pos`.
inline size_t symbols_piece_end(const uint8_t* text, size_t size, size_t pos, bool slash_tail) {
  constexpr uint8_t kWordOrSpace = kLetter | kNumber | kSpace;
  size_t start = pos;
  if (text[pos] == ' ') {
    const Char next = char_at(text, size, pos + 1);
    if (next.len == 0 || (next.flags & kWordOrSpace)) return 0;
    start = pos + 1;
  } else if (char_at(text, size, pos).flags & kWordOrSpace) {
    return 0;
  }
  size_t end = start;
  for (Char c = char_at(text, size, end); c.len && !(c.flags & kWordOrSpace); c = char_at(text, size, end)) end += c.len;
  while (end < size && (text[end] == '\r' || text[end] == '\n' || (slash_tail && text[end] == '/'))) ++end;
  return end;
}

// The whitespace alternatives `\s*[\r\n]+|\s+(?!\S)|\s+`, tried in order at `pos`,
// which holds a White_Space character.
inline size_t whitespace_piece_end(const uint8_t* text, size_t size, size_t pos) {
  size_t end = pos, last_start = pos, after_last_newline = 0;
  for (Char c = char_at(text, size, end); c.flags & kSpace; c = char_at(text, size, end)) {
    last_start = end;
    end += c.len;
    if (c.flags & kNewline) after_last_newline = end;
  }
  if (after_last_newline) return after_last_newline;  // \s*[\r\n]+ backs off to the last newline
  if (end == size) return end;                         // \s+(?!\S) at the end of the text
  if (last_start > pos) return last_start;             // \s+(?!\S) leaves one space for the next word
  return end;                                          // \s+: a single space before a non-space
}

}  // namespace hirag::tokenize::pretokenize
