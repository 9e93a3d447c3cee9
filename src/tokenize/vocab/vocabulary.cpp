#include "tokenize/vocab/vocabulary.hpp"

#include <algorithm>
#include <bit>

namespace hirag::tokenize {

Vocabulary::Vocabulary(std::vector<uint8_t> tokens, std::vector<uint32_t> offsets)
    : tokens_(std::move(tokens)), offsets_(std::move(offsets)), pair_rank_(65536, kNoRank) {
  std::fill(std::begin(byte_rank_), std::end(byte_rank_), kNoRank);
  size_t long_tokens = 0;
  for (Rank r = 0; r < size(); ++r) {
    const size_t len = offsets_[r + 1] - offsets_[r];
    max_len_ = std::max(max_len_, len);
    if (len >= 3) ++long_tokens;
  }
  // Load factor <= 0.5 keeps probe sequences short for misses, the common case in BPE.
  const size_t capacity = std::bit_ceil(std::max<size_t>(16, long_tokens * 2));
  slots_.assign(capacity, Slot{0, 0, 0});
  mask_ = capacity - 1;
  for (Rank r = 0; r < size(); ++r) insert(r);
}

void Vocabulary::insert(Rank rank) {
  const auto* bytes = tokens_.data() + offsets_[rank];
  const size_t len = offsets_[rank + 1] - offsets_[rank];
  Rank* direct = len == 1 ? &byte_rank_[bytes[0]] : len == 2 ? &pair_rank_[bytes[0] << 8 | bytes[1]] : nullptr;
  if (direct) {
    if (*direct != kNoRank && first_duplicate_ == kNoRank) first_duplicate_ = rank;
    *direct = rank;
    return;
  }
  const uint64_t head = load_head(bytes, len);
  size_t slot = hash(head, bytes, len) & mask_;
  for (; slots_[slot].len != 0; slot = (slot + 1) & mask_) {
    const Slot& s = slots_[slot];
    if (s.len == len && s.head == head && (len <= 8 || same_tail(s.rank, bytes, len)) && first_duplicate_ == kNoRank) {
      first_duplicate_ = rank;
    }
  }
  slots_[slot] = {head, rank, static_cast<uint32_t>(len)};
}

size_t Vocabulary::memory_bytes() const {
  return tokens_.capacity() + offsets_.capacity() * sizeof(uint32_t) + slots_.capacity() * sizeof(Slot) +
         pair_rank_.capacity() * sizeof(Rank) + sizeof(byte_rank_);
}

}  // namespace hirag::tokenize
