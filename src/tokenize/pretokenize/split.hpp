// tokenize/pretokenize/split: hand-written scanners equivalent to the tiktoken split
// regexes (leftmost-first alternation, greedy quantifiers with backtracking, as
// fancy-regex runs them). Each returns the end of the piece that starts at `pos`.
#pragma once

#include <cstddef>
#include <string_view>

namespace hirag::tokenize::pretokenize {

// pos < text.size(); the result is > pos.
using NextPiece = size_t (*)(std::string_view text, size_t pos);

// (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}|
//  ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
size_t next_piece_cl100k(std::string_view text, size_t pos);

// [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|…|'d)?|
// [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|…|'d)?|
// \p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+
size_t next_piece_o200k(std::string_view text, size_t pos);

}  // namespace hirag::tokenize::pretokenize
