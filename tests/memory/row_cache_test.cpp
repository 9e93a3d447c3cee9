// The row cache: hits are copies of what was put, least recently used rows go
// first at the byte budget, level and access changes reach cached rows, and a
// row read before an invalidation is never cached.
#include <gtest/gtest.h>

#include "memory/row_cache.hpp"

namespace hirag::memory {
namespace {

store::MemoryItem row(int64_t seq, std::string text = "some remembered text") {
  store::MemoryItem item;
  item.seq = seq;
  item.id = "id-" + std::to_string(seq);
  item.tenant = "t1";
  item.name_space = "default";
  item.text = std::move(text);
  item.embedding = {1.0f, 2.0f};
  return item;
}

TEST(RowCacheTest, AHitIsTheRowAsPutWithoutItsEmbedding) {
  RowCache cache(1 << 20);
  EXPECT_FALSE(cache.find(1).has_value());
  cache.put(row(1, "hello"), cache.generation());
  auto found = cache.find(1);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->text, "hello");
  EXPECT_EQ(found->id, "id-1");
  EXPECT_TRUE(found->embedding.empty());
  cache.erase(1);
  EXPECT_FALSE(cache.find(1).has_value());
}

TEST(RowCacheTest, TheLeastRecentlyUsedRowsGoFirstAtTheBudget) {
  // 16 shards; seqs 16 apart share one, whose budget holds a handful of these rows.
  const std::string text(200, 'x');
  RowCache cache(16 * 4 * 600);
  for (int64_t i = 0; i < 3; ++i) cache.put(row(16 * i, text), cache.generation());
  ASSERT_TRUE(cache.find(0).has_value());  // now the most recently used
  for (int64_t i = 3; i < 20; ++i) cache.put(row(16 * i, text), cache.generation());
  EXPECT_FALSE(cache.find(16).has_value());
  EXPECT_TRUE(cache.find(16 * 19).has_value());
  EXPECT_LE(cache.bytes(), 4u * 600);
  RowCache off(0);
  off.put(row(1), off.generation());
  EXPECT_FALSE(off.find(1).has_value());
}

TEST(RowCacheTest, LevelAndAccessChangesReachCachedRows) {
  RowCache cache(1 << 20);
  cache.put(row(5), cache.generation());
  const store::LevelChange changes[] = {{5, store::Level::LongTerm, std::nullopt}};
  cache.set_levels(changes);
  const store::AccessDelta deltas[] = {{5, 3, 1000}, {6, 1, 1000}};
  cache.add_access(deltas);
  auto found = cache.find(5);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->level, store::Level::LongTerm);
  EXPECT_FALSE(found->expires_at_ms.has_value());
  EXPECT_EQ(found->access_count, 3);
  EXPECT_EQ(found->last_accessed_at_ms, 1000);
  EXPECT_FALSE(cache.find(6).has_value());
}

// A search reads a row, an update commits and invalidates, then the search tries
// to cache what it read: the old row must not be cached.
TEST(RowCacheTest, ARowReadBeforeAnInvalidationIsNotCached) {
  RowCache cache(1 << 20);
  const uint64_t before_read = cache.generation();
  cache.erase(7);  // the update's invalidation, after the read
  cache.put(row(7, "old text"), before_read);
  EXPECT_FALSE(cache.find(7).has_value());
  cache.put(row(7, "new text"), cache.generation());
  EXPECT_EQ(cache.find(7)->text, "new text");
  const uint64_t stale = cache.generation();
  cache.clear();
  cache.put(row(8), stale);
  EXPECT_FALSE(cache.find(8).has_value());
}

}  // namespace
}  // namespace hirag::memory
