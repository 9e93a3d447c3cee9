// The access tracker: retrievals add up per item until drained (in seq order), a
// failed write puts them back, and a deleted item's pending hits are dropped.
#include <gtest/gtest.h>

#include <algorithm>

#include "memory/access_tracker.hpp"

namespace hirag::memory {
namespace {

TEST(AccessTrackerTest, HitsAddUpPerItemWithTheLatestTime) {
  AccessTracker tracker;
  const std::vector<int64_t> first{1, 2};
  const std::vector<int64_t> second{2};
  tracker.record(first, 100);
  tracker.record(second, 300);
  auto deltas = tracker.drain();
  ASSERT_EQ(deltas.size(), 2u);
  EXPECT_EQ(deltas[0].seq, 1);
  EXPECT_EQ(deltas[0].hits, 1);
  EXPECT_EQ(deltas[0].last_accessed_at_ms, 100);
  EXPECT_EQ(deltas[1].seq, 2);
  EXPECT_EQ(deltas[1].hits, 2);
  EXPECT_EQ(deltas[1].last_accessed_at_ms, 300);
  EXPECT_TRUE(tracker.drain().empty()) << "drained once";
}

TEST(AccessTrackerTest, RestoredDeltasJoinHitsRecordedMeanwhile) {
  AccessTracker tracker;
  const std::vector<int64_t> seqs{7};
  tracker.record(seqs, 100);
  auto failed = tracker.drain();
  tracker.record(seqs, 50);
  tracker.restore(failed);
  auto deltas = tracker.drain();
  ASSERT_EQ(deltas.size(), 1u);
  EXPECT_EQ(deltas[0].hits, 2);
  EXPECT_EQ(deltas[0].last_accessed_at_ms, 100);
}

TEST(AccessTrackerTest, ADeletedItemsPendingHitsAreForgotten) {
  AccessTracker tracker;
  const std::vector<int64_t> seqs{4, 5};
  tracker.record(seqs, 100);
  tracker.forget(4);
  auto deltas = tracker.drain();
  ASSERT_EQ(deltas.size(), 1u);
  EXPECT_EQ(deltas[0].seq, 5);
}

// The flush writes drained deltas in chunks; in seq order each chunk updates
// neighbouring rows (a few pages) rather than rows all over the table.
TEST(AccessTrackerTest, DrainsInSeqOrder) {
  AccessTracker tracker;
  std::vector<int64_t> seqs;
  for (int64_t i = 0; i < 1000; ++i) seqs.push_back((i * 7919) % 1000 + 1);
  tracker.record(seqs, 100);
  auto deltas = tracker.drain();
  ASSERT_EQ(deltas.size(), 1000u);
  EXPECT_TRUE(std::ranges::is_sorted(deltas, {}, &store::AccessDelta::seq));
}

}  // namespace
}  // namespace hirag::memory
