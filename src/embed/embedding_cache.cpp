#include "embed/embedding_cache.hpp"

#include <optional>

#include "metrics/embedder_metrics.hpp"

namespace hirag::embed {

EmbeddingCache::EmbeddingCache(std::shared_ptr<Embedder> inner, size_t capacity)
    : inner_(std::move(inner)), capacity_(capacity) {
  const std::string id = inner_->model_id();
  seed_ = XXH3_64bits(id.data(), id.size());
}

XXH128_hash_t EmbeddingCache::key(const std::string& text, Purpose purpose) const {
  return XXH3_128bits_withSeed(text.data(), text.size(), seed_ + static_cast<uint64_t>(purpose));
}

size_t EmbeddingCache::size() const {
  std::lock_guard lock(mutex_);
  return lru_.size();
}

void EmbeddingCache::insert(const XXH128_hash_t& key, const Vector& vector) {
  if (const auto it = index_.find(key); it != index_.end()) {
    lru_.splice(lru_.begin(), lru_, it->second);
    return;
  }
  lru_.emplace_front(key, vector);
  index_.emplace(key, lru_.begin());
  if (lru_.size() > capacity_) {
    index_.erase(lru_.back().first);
    lru_.pop_back();
  }
}

Result<std::vector<Vector>> EmbeddingCache::embed(const std::vector<std::string>& texts, Purpose purpose) {
  std::vector<Vector> out(texts.size());
  std::vector<XXH128_hash_t> keys(texts.size());
  std::vector<std::string> miss_texts;
  // Position in `out` → index into miss_texts, for texts not found; a text repeated
  // within the call is fetched once.
  std::vector<std::optional<size_t>> miss_of(texts.size());
  std::unordered_map<XXH128_hash_t, size_t, KeyHash, KeyEqual> first_miss;
  {
    std::lock_guard lock(mutex_);
    for (size_t i = 0; i < texts.size(); ++i) {
      keys[i] = key(texts[i], purpose);
      if (const auto it = index_.find(keys[i]); it != index_.end()) {
        lru_.splice(lru_.begin(), lru_, it->second);
        out[i] = it->second->second;
        continue;
      }
      const auto [slot, added] = first_miss.emplace(keys[i], miss_texts.size());
      if (added) miss_texts.push_back(texts[i]);
      miss_of[i] = slot->second;
    }
  }
  const uint64_t hits = texts.size() - miss_texts.size();
  hits_ += hits;
  misses_ += miss_texts.size();
  metrics::embedder_metrics().cache_hits.Increment(static_cast<double>(hits));
  metrics::embedder_metrics().cache_misses.Increment(static_cast<double>(miss_texts.size()));
  if (miss_texts.empty()) return out;

  auto fetched = inner_->embed(miss_texts, purpose);
  if (!fetched) return std::move(fetched).error();
  if (fetched->size() != miss_texts.size()) {
    return Error::internal("embedder " + inner_->model_id() + " returned " + std::to_string(fetched->size()) +
                           " vectors for " + std::to_string(miss_texts.size()) + " texts");
  }
  std::lock_guard lock(mutex_);
  for (size_t i = 0; i < texts.size(); ++i) {
    if (!miss_of[i]) continue;
    const Vector& vector = (*fetched)[*miss_of[i]];
    insert(keys[i], vector);
    out[i] = vector;
  }
  return out;
}

std::shared_ptr<Embedder> with_cache(std::shared_ptr<Embedder> inner, size_t entries) {
  if (entries == 0) return inner;
  return std::make_shared<EmbeddingCache>(std::move(inner), entries);
}

}  // namespace hirag::embed
