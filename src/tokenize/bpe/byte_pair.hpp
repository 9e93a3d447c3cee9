// tokenize/bpe/byte_pair: tiktoken's byte-pair merge of one piece — repeatedly merge
// the adjacent pair whose concatenation has the lowest rank (leftmost on ties).
// Short pieces use tiktoken's rank array (O(n·m), cache-friendly); long ones go rank
// by rank through buckets of positions over a linked list (O(n log n)), so a 10 MB
// piece does not go quadratic.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "tokenize/vocab/vocabulary.hpp"

namespace hirag::tokenize::bpe {

enum class MergeStrategy { automatic, rank_array, rank_buckets };

// Pieces longer than this use the rank buckets.
inline constexpr size_t kRankArrayMaxPiece = 256;

// Appends the token ranks of `piece` (at least one byte) to `out`.
void encode_piece(const Vocabulary& vocab, std::string_view piece, std::vector<Rank>& out,
                  MergeStrategy strategy = MergeStrategy::automatic);

// The number of tokens encode_piece would append, without building them.
size_t count_piece(const Vocabulary& vocab, std::string_view piece,
                   MergeStrategy strategy = MergeStrategy::automatic);

}  // namespace hirag::tokenize::bpe
