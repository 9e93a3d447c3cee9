// Duplicates merge into the stored fact; contradictions close the old version.
#include "facts/versioning.hpp"

#include <gtest/gtest.h>

namespace hirag::facts {
namespace {

store::FactRecord record(double confidence, int64_t observed_at, std::vector<store::FactAnchor> anchors = {}) {
  store::FactRecord fact;
  fact.confidence = confidence;
  fact.observed_at_ms = observed_at;
  fact.anchors = std::move(anchors);
  return fact;
}

store::FactAnchor doc(std::string id) { return store::FactAnchor{std::move(id), std::nullopt, {}, {}, {}}; }

TEST(VersioningTest, DuplicateKeepsMaxConfidenceLatestObservationAndCountsIt) {
  auto stored = record(0.9, 2000, {doc("a")});
  merge_observation(stored, record(0.85, 1000, {doc("b")}), 16);
  EXPECT_EQ(stored.observations, 2);
  EXPECT_DOUBLE_EQ(stored.confidence, 0.9);
  EXPECT_EQ(stored.observed_at_ms, 2000);
  merge_observation(stored, record(0.95, 3000, {doc("a")}), 16);
  EXPECT_EQ(stored.observations, 3);
  EXPECT_DOUBLE_EQ(stored.confidence, 0.95);
  EXPECT_EQ(stored.observed_at_ms, 3000);
  ASSERT_EQ(stored.anchors.size(), 2U) << "an anchor already listed is not added twice";
  EXPECT_EQ(stored.anchors[1].doc_id, "b");
}

TEST(VersioningTest, AnchorListKeepsTheLatest) {
  auto stored = record(1, 0, {doc("a"), doc("b")});
  merge_observation(stored, record(1, 0, {doc("c")}), 2);
  ASSERT_EQ(stored.anchors.size(), 2U);
  EXPECT_EQ(stored.anchors[0].doc_id, "b");
  EXPECT_EQ(stored.anchors[1].doc_id, "c");
}

TEST(VersioningTest, SourceDocIsFilledOnlyWhenMissing) {
  auto stored = record(1, 0);
  auto incoming = record(1, 0);
  incoming.source_doc = "report.pdf";
  merge_observation(stored, incoming, 16);
  EXPECT_EQ(stored.source_doc, "report.pdf");
  incoming.source_doc = "other.pdf";
  merge_observation(stored, incoming, 16);
  EXPECT_EQ(stored.source_doc, "report.pdf");
}

TEST(VersioningTest, ContradictionEndsTheOldVersionWhenTheNewOneStarts) {
  auto old = record(1, 100);
  old.valid_from_ms = 1000;
  auto replacement = record(1, 9000);
  replacement.valid_from_ms = 5000;
  close_version(old, replacement, 7777);
  EXPECT_EQ(old.valid_to_ms, 5000);
  EXPECT_EQ(old.invalidated_at_ms, 7777);
}

TEST(VersioningTest, WithoutValidFromTheObservationTimeEndsIt) {
  auto old = record(1, 100);
  close_version(old, record(1, 9000), 9500);
  EXPECT_EQ(old.valid_to_ms, 9000);
}

TEST(VersioningTest, NeverEndsBeforeItBeganNorAfterAGivenEnd) {
  auto old = record(1, 100);
  old.valid_from_ms = 5000;
  auto earlier = record(1, 100);
  earlier.valid_from_ms = 1000;
  close_version(old, earlier, 10);
  EXPECT_EQ(old.valid_to_ms, 5000);

  auto ended = record(1, 100);
  ended.valid_to_ms = 2000;
  close_version(ended, record(1, 9000), 10);
  EXPECT_EQ(ended.valid_to_ms, 2000);
}

}  // namespace
}  // namespace hirag::facts
