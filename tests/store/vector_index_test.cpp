// The vector index: exact scan for small namespaces, HNSW above the threshold
// (same answers on clustered data), inserts into the graph off the write path,
// removal, and per-(tenant, namespace) spaces.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "store/vector/vector_index.hpp"

namespace hirag::store::vector {
namespace {

constexpr size_t kDim = 32;

std::vector<float> unit(std::vector<float> v) {
  double norm = 0;
  for (float x : v) norm += x * x;
  for (float& x : v) x = static_cast<float>(x / std::sqrt(norm));
  return v;
}

// Clustered data: recall of HNSW is ~1 on it.
std::vector<std::vector<float>> clustered(size_t count, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> noise(0, 0.05f);
  std::vector<std::vector<float>> centres(20, std::vector<float>(kDim));
  for (auto& c : centres) {
    for (float& x : c) x = noise(rng) * 20;
  }
  std::vector<std::vector<float>> vectors;
  for (size_t i = 0; i < count; ++i) {
    auto v = centres[i % centres.size()];
    for (float& x : v) x += noise(rng);
    vectors.push_back(unit(v));
  }
  return vectors;
}

TEST(ExactScan, FindsTheBestByInnerProduct) {
  std::vector<float> data = {1, 0, 0, 1, 0.6f, 0.8f};
  std::vector<int64_t> labels = {10, 20, 30};
  std::vector<float> query = {0, 1};
  auto hits = exact_top_k(query, data.data(), labels.data(), 3, 2);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].label, 20);
  EXPECT_EQ(hits[1].label, 30);
  EXPECT_NEAR(hits[1].score, 0.8f, 1e-6);
}

TEST(ExactScan, DotMatchesScalarForOddDimensions) {
  std::vector<float> a(37), b(37);
  for (size_t i = 0; i < a.size(); ++i) {
    a[i] = static_cast<float>(i) * 0.1f;
    b[i] = 1.0f - static_cast<float>(i) * 0.01f;
  }
  double expected = 0;
  for (size_t i = 0; i < a.size(); ++i) expected += a[i] * b[i];
  EXPECT_NEAR(dot(a.data(), b.data(), a.size()), expected, 1e-3);
}

TEST(VectorIndex, NamespacesAndTenantsAreSeparate) {
  VectorIndex index(2, 100);
  index.add(ItemKey{1, "t1", "a"}, unit({1, 0}));
  index.add(ItemKey{2, "t1", "b"}, unit({1, 0}));
  index.add(ItemKey{3, "t2", "a"}, unit({1, 0}));
  auto hits = index.search("t1", "a", unit({1, 0}), 10);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].label, 1);
  EXPECT_TRUE(index.search("t3", "a", unit({1, 0}), 10).empty());
  EXPECT_EQ(index.stats().vectors, 3u);
  EXPECT_EQ(index.stats().namespaces, 3u);
}

TEST(VectorIndex, RemoveAndReplace) {
  VectorIndex index(2, 100);
  index.add(ItemKey{1, "t", "n"}, unit({1, 0}));
  index.add(ItemKey{2, "t", "n"}, unit({0, 1}));
  index.add(ItemKey{1, "t", "n"}, unit({0, 1}));  // replace
  EXPECT_EQ(index.stats().vectors, 2u);
  index.remove(ItemKey{2, "t", "n"});
  auto hits = index.search("t", "n", unit({0, 1}), 10);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].label, 1);
  EXPECT_NEAR(hits[0].score, 1.0f, 1e-6);
}

TEST(VectorIndex, GraphAboveTheThresholdAgreesWithExactScan) {
  const auto vectors = clustered(3000, 7);
  VectorIndex exact(kDim, 1'000'000);
  VectorIndex graph(kDim, 500);
  for (size_t i = 0; i < vectors.size(); ++i) {
    exact.add(ItemKey{static_cast<int64_t>(i + 1), "t", "n"}, vectors[i]);
    graph.add(ItemKey{static_cast<int64_t>(i + 1), "t", "n"}, vectors[i]);
  }
  graph.wait_for_graphs();
  EXPECT_EQ(graph.stats().graphs, 1u);
  EXPECT_EQ(exact.stats().graphs, 0u);
  // Changes after the graph exists reach it.
  graph.remove(ItemKey{1, "t", "n"});
  exact.remove(ItemKey{1, "t", "n"});
  size_t agree = 0;
  const auto queries = clustered(50, 99);
  for (const auto& query : queries) {
    auto expected = exact.search("t", "n", query, 10);
    auto got = graph.search("t", "n", query, 10);
    ASSERT_EQ(got.size(), 10u);
    for (const auto& hit : got) {
      EXPECT_NE(hit.label, 1);
      for (const auto& e : expected) agree += e.label == hit.label ? 1 : 0;
    }
  }
  EXPECT_GE(static_cast<double>(agree) / (10.0 * static_cast<double>(queries.size())), 0.95);
}

TEST(VectorIndex, BulkLoadDefersGraphBuildsUntilFinished) {
  const auto vectors = clustered(600, 3);
  VectorIndex index(kDim, 500);
  index.begin_bulk_load();
  for (size_t i = 0; i < vectors.size(); ++i) index.add(ItemKey{static_cast<int64_t>(i + 1), "t", "n"}, vectors[i]);
  index.wait_for_graphs();
  EXPECT_EQ(index.stats().graphs, 0u);
  index.finish_bulk_load();
  index.wait_for_graphs();
  EXPECT_EQ(index.stats().graphs, 1u);
  EXPECT_EQ(index.search("t", "n", vectors[5], 1).at(0).label, 6);
}

// Once the graph exists a write only marks the vector pending: it is searchable at
// once (exact scan of the pending ones), a replaced vector's stale graph entry is
// never returned, and the background thread inserts them into the graph.
TEST(VectorIndex, VectorsAddedAfterTheGraphAreSearchableBeforeAndAfterTheirInsert) {
  const auto vectors = clustered(1200, 5);
  VectorIndex index(kDim, 500);
  for (size_t i = 0; i < 600; ++i) index.add(ItemKey{static_cast<int64_t>(i + 1), "t", "n"}, vectors[i]);
  index.wait_for_graphs();
  ASSERT_EQ(index.stats().graphs, 1u);
  for (size_t i = 600; i < vectors.size(); ++i) index.add(ItemKey{static_cast<int64_t>(i + 1), "t", "n"}, vectors[i]);
  std::vector<float> opposite(kDim);
  for (size_t d = 0; d < kDim; ++d) opposite[d] = -vectors[10][d];
  index.add(ItemKey{11, "t", "n"}, opposite);  // replaces a vector the graph already holds
  auto check = [&] {
    for (size_t i : {650u, 900u, 1199u}) {
      auto hits = index.search("t", "n", vectors[i], 1);
      ASSERT_EQ(hits.size(), 1u);
      EXPECT_EQ(hits[0].label, static_cast<int64_t>(i + 1));
    }
    for (const auto& hit : index.search("t", "n", vectors[10], 20)) EXPECT_NE(hit.label, 11);
    EXPECT_EQ(index.search("t", "n", opposite, 1).at(0).label, 11);
  };
  check();  // right after the writes, whatever the background thread has done
  index.wait_for_graphs();
  check();
  index.remove(ItemKey{1000, "t", "n"});
  for (const auto& hit : index.search("t", "n", vectors[999], 10)) EXPECT_NE(hit.label, 1000);
  EXPECT_EQ(index.stats().vectors, vectors.size() - 1);
}

}  // namespace
}  // namespace hirag::store::vector
