// A search's filters: on the facts (expiry, levels, session hash, creation
// window) and on the row (exact session id, metadata key == value).
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "retrieval/filters.hpp"

namespace hirag::retrieval {
namespace {

constexpr int64_t kNow = 1'700'000'000'000;

store::MemoryItem row(std::optional<std::string> session_id = std::nullopt, std::string metadata = "{}") {
  store::MemoryItem item;
  item.seq = 1;
  item.level = store::Level::ShortTerm;
  item.created_at_ms = kNow - 1000;
  item.session_id = std::move(session_id);
  item.metadata_json = std::move(metadata);
  return item;
}

// session_id must outlive the filters (a literal here).
Filters for_session(std::string_view session_id) {
  Filters filters;
  filters.session_id = session_id;
  filters.session_key = ItemFacts::session_key(session_id);
  return filters;
}

TEST(FiltersTest, NoFiltersPassEveryLiveItemButNotAnExpiredOne) {
  auto facts = ItemFacts::of(row());
  EXPECT_TRUE(facts_match(facts, Filters{}, kNow));
  facts.expires_at_ms = kNow + 1;
  EXPECT_TRUE(facts_match(facts, Filters{}, kNow));
  facts.expires_at_ms = kNow;
  EXPECT_FALSE(facts_match(facts, Filters{}, kNow)) << "expired at the moment of the search";
}

TEST(FiltersTest, LevelsKeepOnlyTheLevelsAsked) {
  const auto facts = ItemFacts::of(row());  // ShortTerm
  const std::vector<store::Level> long_term{store::Level::LongTerm};
  const std::vector<store::Level> both{store::Level::LongTerm, store::Level::ShortTerm};
  Filters filters;
  filters.levels = long_term;
  EXPECT_FALSE(facts_match(facts, filters, kNow));
  filters.levels = both;
  EXPECT_TRUE(facts_match(facts, filters, kNow));
}

TEST(FiltersTest, TheCreationWindowIsInclusiveAtBothEnds) {
  const auto facts = ItemFacts::of(row());
  Filters filters;
  filters.created_after_ms = kNow - 1000;
  filters.created_before_ms = kNow - 1000;
  EXPECT_TRUE(facts_match(facts, filters, kNow));
  filters.created_after_ms = kNow - 999;
  EXPECT_FALSE(facts_match(facts, filters, kNow));
  filters.created_after_ms.reset();
  filters.created_before_ms = kNow - 1001;
  EXPECT_FALSE(facts_match(facts, filters, kNow));
}

TEST(FiltersTest, ASessionFilterKeepsOnlyThatSessionsItems) {
  const auto filters = for_session("s-1");
  EXPECT_TRUE(facts_match(ItemFacts::of(row("s-1")), filters, kNow));
  EXPECT_FALSE(facts_match(ItemFacts::of(row("s-2")), filters, kNow));
  EXPECT_FALSE(facts_match(ItemFacts::of(row()), filters, kNow)) << "an item without a session";
  EXPECT_TRUE(row_matches(row("s-1"), filters, kNow));
}

TEST(FiltersTest, TheRowCatchesASessionWhoseHashCollides) {
  // The facts only know the hash; a row of another session with the same hash
  // passes them and must be refused on its id.
  auto filters = for_session("s-1");
  filters.session_id = "s-other";
  EXPECT_TRUE(facts_match(ItemFacts::of(row("s-1")), filters, kNow));
  EXPECT_FALSE(row_matches(row("s-1"), filters, kNow));
}

TEST(FiltersTest, MetadataMustHoldEveryKeyWithAnEqualValue) {
  const auto filters = boost::json::parse(R"({"speaker":"Ann","turn":3})").as_object();
  EXPECT_TRUE(metadata_matches(R"({"speaker":"Ann","turn":3,"other":true})", filters));
  EXPECT_FALSE(metadata_matches(R"({"speaker":"Ann"})", filters)) << "a key missing";
  EXPECT_FALSE(metadata_matches(R"({"speaker":"Ann","turn":"3"})", filters)) << "3 is not \"3\"";
  EXPECT_FALSE(metadata_matches(R"({"speaker":"Bob","turn":3})", filters));
  EXPECT_FALSE(metadata_matches("not json", filters));
  EXPECT_FALSE(metadata_matches("[1]", filters)) << "not an object";
  EXPECT_TRUE(metadata_matches("{}", boost::json::object{})) << "no metadata filter";
}

TEST(FiltersTest, RowMatchesAppliesTheMetadataFilterOnlyWhenThereIsOne) {
  const auto wanted = boost::json::parse(R"({"kind":"fact"})").as_object();
  const boost::json::object none;
  Filters filters;
  filters.metadata = &none;
  EXPECT_TRUE(row_matches(row(std::nullopt, "{}"), filters, kNow));
  filters.metadata = &wanted;
  EXPECT_FALSE(row_matches(row(std::nullopt, "{}"), filters, kNow));
  EXPECT_TRUE(row_matches(row(std::nullopt, R"({"kind":"fact"})"), filters, kNow));
}

}  // namespace
}  // namespace hirag::retrieval
