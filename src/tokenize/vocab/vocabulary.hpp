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
  // [offsets[r], offsets[r + 1]). Ranks are 0..size-1. Tokens must be unique and
  // non-empty and all 256 single bytes must be tokens (byte-level BPE).
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
    const uint64_t h = hash(bytes, len);
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    for (size_t slot = h & mask_;; slot = (slot + 1) & mask_) {
      const uint64_t entry = slots_[slot];
      if (entry == 0) return kNoRank;
      if (static_cast<uint32_t>(entry >> 32) == tag) {
        const Rank r = static_cast<Rank>(entry) - 1;
        if (offsets_[r + 1] - offsets_[r] == len && std::memcmp(tokens_.data() + offsets_[r], bytes, len) == 0) {
          return r;
        }
      }
    }
  }

  // Bytes held by the tables (for memory reports).
  size_t memory_bytes() const;

 private:
  static uint64_t hash(const uint8_t* p, size_t len);
  void insert(Rank rank);

  std::vector<uint8_t> tokens_;
  std::vector<uint32_t> offsets_;
  std::vector<uint64_t> slots_;  // (tag << 32) | (rank + 1); 0 = empty. Tokens of length >= 3.
  std::vector<Rank> pair_rank_;  // 65536 entries: tokens of length 2
  Rank byte_rank_[256];
  size_t mask_ = 0;
  size_t max_len_ = 0;
};

inline uint64_t Vocabulary::hash(const uint8_t* p, size_t len) {
  auto load64 = [](const uint8_t* q) { uint64_t v; std::memcpy(&v, q, 8); return v; };
  auto load32 = [](const uint8_t* q) { uint32_t v; std::memcpy(&v, q, 4); return uint64_t{v}; };
  auto mix = [](uint64_t a, uint64_t b) {
    const __uint128_t m = static_cast<__uint128_t>(a ^ 0xa0761d6478bd642full) * (b ^ 0xe7037ed1a0b428dbull);
    return static_cast<uint64_t>(m) ^ static_cast<uint64_t>(m >> 64);
  };
  uint64_t seed = len * 0x9E3779B97F4A7C15ull;
  if (len <= 8) {  // len >= 3 here
    const uint64_t a = len >= 4 ? load32(p) : (uint64_t{p[0]} | uint64_t{p[1]} << 8 | uint64_t{p[2]} << 16);
    const uint64_t b = len >= 4 ? load32(p + len - 4) : 0;
    return mix(seed ^ a, b ^ 0x8ebc6af09c88c6e3ull);
  }
  if (len <= 16) return mix(seed ^ load64(p), load64(p + len - 8));
  for (size_t i = 0; i + 16 < len; i += 16) seed = mix(seed ^ load64(p + i), load64(p + i + 8));
  return mix(seed ^ load64(p + len - 16), load64(p + len - 8));
}

}  // namespace hirag::tokenize
