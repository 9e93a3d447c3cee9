#include "tokenize/bpe/byte_pair.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>

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

// The same merge order for long pieces, rank by rank: positions wait in one bucket
// per pair rank; the lowest non-empty rank is processed left to right. A merge never
// creates a pair of the rank being processed (the new pairs are longer byte strings),
// so a bucket is complete once started, unless a merge creates a lower rank: then the
// rest of the bucket waits and the lower rank goes first, exactly as tiktoken's
// global minimum would. A part's pair rank only changes when the part after it grows,
// which makes its bytes, and so its rank, new: an entry is current iff its part is
// alive with that rank.
template <typename Emit>
void merge_rank_buckets(const Vocabulary& vocab, const uint8_t* p, size_t n, Emit&& emit) {
  std::vector<uint32_t> next(n), prev(n);
  std::vector<Rank> rank(n);
  std::unordered_map<Rank, std::vector<uint32_t>> buckets;  // only the ranks this piece meets
  std::vector<Rank> pending;  // min-heap of ranks whose bucket is non-empty
  const std::greater<Rank> min_first;
  auto add = [&](uint32_t start, Rank r) {
    std::vector<uint32_t>& bucket = buckets[r];
    if (bucket.empty()) {
      pending.push_back(r);
      std::push_heap(pending.begin(), pending.end(), min_first);
    }
    bucket.push_back(start);
  };
  for (uint32_t i = 0; i < n; ++i) {
    next[i] = i + 1;
    prev[i] = i - 1;  // UINT32_MAX for the first part
    rank[i] = i + 1 < n ? vocab.pair_rank(p[i], p[i + 1]) : kNoRank;
    if (rank[i] != kNoRank) add(i, rank[i]);
  }
  auto update = [&](uint32_t i) {  // the rank of part i merged with the part after it
    const uint32_t j = next[i];
    rank[i] = j >= n ? kNoRank : vocab.rank(p + i, next[j] - i);
    if (rank[i] != kNoRank) add(i, rank[i]);
    return rank[i];
  };
  std::vector<uint32_t> work;
  while (!pending.empty()) {
    std::pop_heap(pending.begin(), pending.end(), min_first);
    const Rank r = pending.back();
    pending.pop_back();
    work.clear();
    work.swap(buckets[r]);
    if (!std::is_sorted(work.begin(), work.end())) std::sort(work.begin(), work.end());
    size_t k = 0;
    while (k < work.size()) {
      const uint32_t i = work[k++];
      if (next[i] == 0 || rank[i] != r) continue;  // merged away, or a stale rank
      const uint32_t j = next[i];
      next[i] = next[j];
      if (next[j] < n) prev[next[j]] = i;
      next[j] = 0;  // dead: an alive part's next is always after its start
      Rank lowest = update(i);
      if (prev[i] != UINT32_MAX) lowest = std::min(lowest, update(prev[i]));
      if (lowest < r) break;
    }
    for (; k < work.size(); ++k) add(work[k], r);  // interrupted by a lower rank: the rest waits
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
    merge_rank_buckets(vocab, p, n, emit);
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
