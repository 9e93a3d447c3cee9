// EmbeddingCache: hits are served without the inner embedder, only misses are
// fetched (once per distinct text), LRU eviction, keys separate models/purposes.
#include "embed/embedding_cache.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "metrics/embedder_metrics.hpp"

namespace hirag::embed {
namespace {

// Deterministic inner embedder that records what it was asked.
class CountingEmbedder final : public Embedder {
 public:
  explicit CountingEmbedder(std::string id = "counting/2") : id_(std::move(id)) {}
  size_t dimension() const override { return 2; }
  std::string model_id() const override { return id_; }
  Result<std::vector<Vector>> embed(const std::vector<std::string>& texts, Purpose purpose) override {
    std::lock_guard lock(mutex_);
    calls.push_back(texts);
    std::vector<Vector> out;
    for (const auto& t : texts) out.push_back({static_cast<float>(t.size()), purpose == Purpose::Query ? 1.f : 0.f});
    return out;
  }
  std::vector<std::vector<std::string>> calls;

 private:
  std::string id_;
  std::mutex mutex_;
};

TEST(EmbeddingCache, SecondCallIsServedFromTheCache) {
  auto inner = std::make_shared<CountingEmbedder>();
  EmbeddingCache cache(inner, 100);
  auto& hits_metric = metrics::embedder_metrics().cache_hits;
  const double before = hits_metric.Value();

  auto first = cache.embed({"alpha", "beta"}, Purpose::Document);
  ASSERT_TRUE(first);
  EXPECT_EQ(cache.misses(), 2u);
  EXPECT_EQ(cache.hits(), 0u);
  auto second = cache.embed({"beta", "alpha"}, Purpose::Document);
  ASSERT_TRUE(second);
  EXPECT_EQ(inner->calls.size(), 1u) << "hits must not reach the inner embedder";
  EXPECT_EQ(cache.hits(), 2u);
  EXPECT_EQ((*second)[0], (*first)[1]);
  EXPECT_EQ((*second)[1], (*first)[0]);
  EXPECT_EQ(hits_metric.Value() - before, 2.0);
}

TEST(EmbeddingCache, OnlyMissesAreFetchedOncePerDistinctText) {
  auto inner = std::make_shared<CountingEmbedder>();
  EmbeddingCache cache(inner, 100);
  ASSERT_TRUE(cache.embed({"a"}, Purpose::Document));
  auto mixed = cache.embed({"a", "bb", "ccc", "bb"}, Purpose::Document);
  ASSERT_TRUE(mixed);
  ASSERT_EQ(inner->calls.size(), 2u);
  EXPECT_EQ(inner->calls[1], (std::vector<std::string>{"bb", "ccc"}));
  EXPECT_EQ(mixed->size(), 4u);
  EXPECT_EQ((*mixed)[1], (*mixed)[3]);
  EXPECT_EQ((*mixed)[2][0], 3.f);
}

TEST(EmbeddingCache, EvictsTheLeastRecentlyUsed) {
  auto inner = std::make_shared<CountingEmbedder>();
  EmbeddingCache cache(inner, 2);
  ASSERT_TRUE(cache.embed({"a", "b"}, Purpose::Document));
  ASSERT_TRUE(cache.embed({"a"}, Purpose::Document));  // a is now most recent
  ASSERT_TRUE(cache.embed({"c"}, Purpose::Document));  // evicts b
  EXPECT_EQ(cache.size(), 2u);
  const auto calls = inner->calls.size();
  ASSERT_TRUE(cache.embed({"a", "c"}, Purpose::Document));
  EXPECT_EQ(inner->calls.size(), calls);
  ASSERT_TRUE(cache.embed({"b"}, Purpose::Document));
  EXPECT_EQ(inner->calls.size(), calls + 1);
}

TEST(EmbeddingCache, PurposeIsPartOfTheKey) {
  auto inner = std::make_shared<CountingEmbedder>();
  EmbeddingCache cache(inner, 10);
  auto doc = cache.embed({"same"}, Purpose::Document);
  auto query = cache.embed({"same"}, Purpose::Query);
  ASSERT_TRUE(doc && query);
  EXPECT_NE((*doc)[0], (*query)[0]);
  EXPECT_EQ(inner->calls.size(), 2u);
}

TEST(EmbeddingCache, IsSafeUnderConcurrentUse) {
  auto inner = std::make_shared<CountingEmbedder>();
  EmbeddingCache cache(inner, 50);
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < 200; ++i) {
          auto r = cache.embed({"text " + std::to_string((i * 7 + t) % 80)}, Purpose::Document);
          ASSERT_TRUE(r);
        }
      });
    }
  }
  EXPECT_EQ(cache.hits() + cache.misses(), 800u);
  EXPECT_LE(cache.size(), 50u);
}

TEST(EmbeddingCache, ZeroEntriesMeansNoCache) {
  auto inner = std::make_shared<CountingEmbedder>();
  EXPECT_EQ(with_cache(inner, 0), inner);
  EXPECT_NE(with_cache(inner, 1), inner);
}

}  // namespace
}  // namespace hirag::embed
