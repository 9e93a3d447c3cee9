#include "tokenize/bpe/byte_pair.hpp"

#include <algorithm>
#include <functional>

namespace hirag::tokenize::bpe {

namespace {

// tiktoken's _byte_pair_merge: parts[i] = (start, rank of merging part i with part i+1).
// Calls emit(start, end) for each final part, in order.
template <typename Emit>
void merge_rank_array(const Vocabulary& vocab, const uint8_t* p, size_t n, Emit&& emit) {
  struct Part {
    uint32_t start;
    Rank rank;
  };
  Part stack_parts[kRankArrayMaxPiece + 1];
  std::vector<Part> heap_parts(n <= kRankArrayMaxPiece ? 0 : n + 1);  // only when forced by a test
  Part* parts = n <= kRankArrayMaxPiece ? stack_parts : heap_parts.data();
  size_t count = n + 1;
  Rank min_rank = kNoRank;
  size_t min_index = 0;
  for (size_t i = 0; i + 1 < n; ++i) {
    const Rank r = vocab.pair_rank(p[i], p[i + 1]);
    parts[i] = {static_cast<uint32_t>(i), r};
    if (r < min_rank) {
      min_rank = r;
      min_index = i;
    }
  }
  parts[n - 1] = {static_cast<uint32_t>(n - 1), kNoRank};
  parts[n] = {static_cast<uint32_t>(n), kNoRank};

  // The rank of part i merged with part i+1 (before part i+1 is removed: i+1 and i+2).
  auto merged_rank = [&](size_t i) {
    if (i + 3 >= count) return kNoRank;
    return vocab.rank(p + parts[i].start, parts[i + 3].start - parts[i].start);
  };
  while (min_rank != kNoRank) {
    const size_t i = min_index;
    if (i > 0) parts[i - 1].rank = merged_rank(i - 1);
    parts[i].rank = merged_rank(i);
    std::copy(parts + i + 2, parts + count, parts + i + 1);
    --count;
    min_rank = kNoRank;
    for (size_t k = 0; k + 1 < count; ++k) {
      if (parts[k].rank < min_rank) {
        min_rank = parts[k].rank;
        min_index = k;
      }
    }
  }
  for (size_t k = 0; k + 1 < count; ++k) emit(parts[k].start, parts[k + 1].start);
}

// The same merge order with a min-heap of (rank, start) over a linked list of parts.
// A part's rank only changes when the part after it grows, which makes its bytes, and
// so its rank, new: a heap entry is current iff its part is alive with that rank.
template <typename Emit>
void merge_heap(const Vocabulary& vocab, const uint8_t* p, size_t n, Emit&& emit) {
  constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> next(n), prev(n);
  std::vector<Rank> rank(n);
  std::vector<uint64_t> heap;
  heap.reserve(n);
  auto key = [](Rank r, uint32_t start) { return uint64_t{r} << 32 | start; };
  for (uint32_t i = 0; i < n; ++i) {
    next[i] = i + 1;
    prev[i] = i == 0 ? kNone : i - 1;
    rank[i] = i + 1 < n ? vocab.pair_rank(p[i], p[i + 1]) : kNoRank;
    if (rank[i] != kNoRank) heap.push_back(key(rank[i], i));
  }
  const std::greater<uint64_t> min_first;
  std::make_heap(heap.begin(), heap.end(), min_first);
  auto merged_rank = [&](uint32_t i) {
    const uint32_t j = next[i];
    if (j >= n) return kNoRank;
    return vocab.rank(p + i, next[j] - i);
  };
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), min_first);
    const uint64_t top = heap.back();
    heap.pop_back();
    const uint32_t i = static_cast<uint32_t>(top);
    if (next[i] == 0 || rank[i] != static_cast<Rank>(top >> 32)) continue;  // merged away or stale
    const uint32_t j = next[i];
    next[i] = next[j];
    if (next[j] < n) prev[next[j]] = i;
    next[j] = 0;  // dead: an alive part's next is always > its start
    for (const uint32_t k : {i, prev[i]}) {
      if (k == kNone) continue;
      rank[k] = merged_rank(k);
      if (rank[k] != kNoRank) {
        heap.push_back(key(rank[k], k));
        std::push_heap(heap.begin(), heap.end(), min_first);
      }
    }
  }
  for (uint32_t i = 0; i < n; i = next[i]) emit(i, next[i]);
}

template <typename Emit>
void merge(const Vocabulary& vocab, std::string_view piece, MergeStrategy strategy, Emit&& emit) {
  const auto* p = reinterpret_cast<const uint8_t*>(piece.data());
  const size_t n = piece.size();
  const bool small = strategy == MergeStrategy::automatic ? n <= kRankArrayMaxPiece : strategy == MergeStrategy::rank_array;
  if (small) {
    merge_rank_array(vocab, p, n, emit);
  } else {
    merge_heap(vocab, p, n, emit);
  }
}

}  // namespace

void encode_piece(const Vocabulary& vocab, std::string_view piece, std::vector<Rank>& out, MergeStrategy strategy) {
  const auto* p = reinterpret_cast<const uint8_t*>(piece.data());
  if (const Rank whole = vocab.rank(p, piece.size()); whole != kNoRank) {
    out.push_back(whole);
    return;
  }
  merge(vocab, piece, strategy, [&](uint32_t start, uint32_t end) { out.push_back(vocab.rank(p + start, end - start)); });
}

size_t count_piece(const Vocabulary& vocab, std::string_view piece, MergeStrategy strategy) {
  if (vocab.rank(reinterpret_cast<const uint8_t*>(piece.data()), piece.size()) != kNoRank) return 1;
  size_t count = 0;
  merge(vocab, piece, strategy, [&](uint32_t, uint32_t) { ++count; });
  return count;
}

}  // namespace hirag::tokenize::bpe
