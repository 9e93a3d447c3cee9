// tokenize/vocab/vocabulary: the immutable rank table of one encoding — token bytes
// by rank, and rank by token bytes through an open-addressing hash map designed for
// the BPE inner loop (spans of the piece being merged; byte pairs by direct table).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace hirag::tokenize {

using Rank = uint32_t;
inline constexpr Rank kNoRank = UINT32_MAX;

class Vocabulary {
 public:
  // `tokens` holds every token's bytes back to back; token r is
  // [offsets[r], offsets[r + 1]). Ranks are 0..size-1. Tokens must be non-empty;
  // callers check first_duplicate() and that all 256 single bytes are tokens.
  Vocabulary(std::vector<uint8_t> tokens, std::vector<uint32_t> offsets);

  uint32_t size() const { return static_cast<uint32_t>(offsets_.size() - 1); }
  size_t max_token_length() const { return max_len_; }

  std::string_view token(Rank rank) const {
    return {reinterpret_cast<const char*>(tokens_.data()) + offsets_[rank], offsets_[rank + 1] - offsets_[rank]};
  }

  Rank byte_rank(uint8_t byte) const { return byte_rank_[byte]; }
  Rank pair_rank(uint8_t first, uint8_t second) const { return pair_rank_[first << 8 | second]; }

  // The rank of the token with exactly these bytes, or kNoRank.
  Rank rank(const uint8_t* bytes, size_t len) const {
    if (len <= 2) return len == 2 ? pair_rank(bytes[0], bytes[1]) : len == 1 ? byte_rank_[bytes[0]] : kNoRank;
    if (len > max_len_) return kNoRank;
    const uint64_t head = load_head(bytes, len);
    for (size_t slot = hash(head, bytes, len) & mask_;; slot = (slot + 1) & mask_) {
      const Slot& s = slots_[slot];
      if (s.len == len && s.head == head && (len <= 8 || same_tail(s.rank, bytes, len))) return s.rank;
      if (s.len == 0) return kNoRank;
    }
  }
  // The first rank whose bytes repeat an earlier token's, or kNoRank.
  Rank first_duplicate() const { return first_duplicate_; }

  // Bytes held by the tables (for memory reports).
  size_t memory_bytes() const;

 private:
  // Open addressing, linear probing, load <= 0.5. Tokens of 3+ bytes; the first 8 bytes
  // live in the slot, so most lookups touch one cache line.
  struct Slot {
    uint64_t head;  // the first min(len, 8) bytes, zero-padded
    Rank rank;
    uint32_t len;   // 0 = empty
  };

  static uint64_t load_head(const uint8_t* p, size_t len) {
    uint64_t v = 0;
    std::memcpy(&v, p, len < 8 ? len : 8);
    return v;
  }
  static uint64_t load64(const uint8_t* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  static uint64_t mix(uint64_t a, uint64_t b) {
    const __uint128_t m = static_cast<__uint128_t>(a ^ 0xa0761d6478bd642full) * (b ^ 0xe7037ed1a0b428dbull);
    return static_cast<uint64_t>(m) ^ static_cast<uint64_t>(m >> 64);
  }
  static uint64_t hash(uint64_t head, const uint8_t* p, size_t len) {
    uint64_t h = mix(head, len);
    for (size_t i = 8; i < len; i += 8) h = mix(h, load64(p + (i + 8 <= len ? i : len - 8)));
    return h;
  }
  // Bytes 8.. of token `rank` equal bytes 8.. of p (len > 8, the lengths are equal).
  bool same_tail(Rank rank, const uint8_t* p, size_t len) const {
    const uint8_t* t = tokens_.data() + offsets_[rank];
    for (size_t i = 8; i < len; i += 8) {
      const size_t at = i + 8 <= len ? i : len - 8;
      if (load64(t + at) != load64(p + at)) return false;
    }
    return true;
  }
  void insert(Rank rank);

  std::vector<uint8_t> tokens_;
  std::vector<uint32_t> offsets_;
  std::vector<Slot> slots_;
  std::vector<Rank> pair_rank_;  // 65536 entries: tokens of length 2
  Rank byte_rank_[256];
  size_t mask_ = 0;
  size_t max_len_ = 0;
  Rank first_duplicate_ = kNoRank;
};

}  // namespace hirag::tokenize
