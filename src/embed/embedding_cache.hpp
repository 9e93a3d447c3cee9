// embed/embedding_cache: an LRU cache in front of any Embedder (a decorator that
// is itself an Embedder). Keyed by a 128-bit XXH3 hash of the text seeded with the
// inner model id and the purpose, so vectors of different models or purposes never
// mix. Only the misses of a call go to the inner embedder, in one call (which does
// its own batching). Counts hits and misses (a text repeated within one call is
// fetched once and its repeats count as hits) — embedder_cache_* metrics and
// accessors for tests. Thread-safe.
#pragma once

#include <xxhash.h>

#include <atomic>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "embed/embedder.hpp"

namespace hirag::embed {

class EmbeddingCache final : public Embedder {
 public:
  EmbeddingCache(std::shared_ptr<Embedder> inner, size_t capacity);

  size_t dimension() const override { return inner_->dimension(); }
  std::string model_id() const override { return inner_->model_id(); }
  Result<std::vector<Vector>> embed(const std::vector<std::string>& texts, Purpose purpose) override;

  uint64_t hits() const { return hits_.load(); }
  uint64_t misses() const { return misses_.load(); }
  size_t size() const;

 private:
  struct KeyHash {
    size_t operator()(const XXH128_hash_t& key) const { return static_cast<size_t>(key.low64); }
  };
  struct KeyEqual {
    bool operator()(const XXH128_hash_t& a, const XXH128_hash_t& b) const { return XXH128_isEqual(a, b) != 0; }
  };
  using Entry = std::pair<XXH128_hash_t, Vector>;

  XXH128_hash_t key(const std::string& text, Purpose purpose) const;
  void insert(const XXH128_hash_t& key, const Vector& vector);  // requires mutex_

  std::shared_ptr<Embedder> inner_;
  size_t capacity_;
  uint64_t seed_;  // hash of the inner model id
  mutable std::mutex mutex_;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<XXH128_hash_t, std::list<Entry>::iterator, KeyHash, KeyEqual> index_;
  std::atomic<uint64_t> hits_{0};
  std::atomic<uint64_t> misses_{0};
};

// `inner` behind an EmbeddingCache of `entries` vectors; `inner` itself when entries == 0.
std::shared_ptr<Embedder> with_cache(std::shared_ptr<Embedder> inner, size_t entries);

}  // namespace hirag::embed
