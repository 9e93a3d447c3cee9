// MemoryService with the SQLite store and the local embedder: write path,
// hybrid search, filters, token fill, levels (demotion, TTL sweep, promotion),
// tenant isolation, restart and embedder changes.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <fstream>
#include <mutex>
#include <thread>

#include "core/clock.hpp"
#include "embed/local_embedder.hpp"
#include "memory/index_snapshot.hpp"
#include "memory/open_memory_service.hpp"
#include "memory/reindex.hpp"
#include "metrics/memory_metrics.hpp"
#include "retrieval/ranking.hpp"
#include "support/server_process.hpp"

namespace hirag::memory {
namespace {

NewItem new_item(std::string text, std::string name_space = "default", boost::json::object metadata = {}) {
  NewItem item;
  item.text = std::move(text);
  item.name_space = std::move(name_space);
  item.metadata = std::move(metadata);
  return item;
}

ItemUpdate text_update(std::string text, std::optional<boost::json::object> metadata = std::nullopt) {
  ItemUpdate update;
  update.text = std::move(text);
  update.metadata = std::move(metadata);
  return update;
}

class MemoryServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_.server.data_dir = dir_.path();
    config_.memory.immediate_capacity = 3;
    open();
  }

  void open() {
    service_.reset();
    auto opened = open_memory_service(config_, embed::make_local_embedder(config_.embedder), nullptr, health_);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    service_ = std::move(opened).value();
    ASSERT_TRUE(service_->load().ok());
  }

  std::string add(const std::string& text, Level level = Level::LongTerm, const std::string& tenant = "t1",
                  boost::json::object metadata = {}) {
    NewItem item;
    item.text = text;
    item.level = level;
    item.metadata = std::move(metadata);
    auto id = service_->add(tenant, std::move(item));
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : "";
  }

  // `count` LongTerm items that the query "launch status" matches equally (so the
  // full-text candidates are the oldest), each shaped by `shape(index, item)`.
  void add_equal_matches(size_t count, const std::function<void(size_t, NewItem&)>& shape) {
    std::vector<NewItem> items(count);
    for (size_t i = 0; i < count; ++i) {
      items[i].text = "weekly status of the launch";
      items[i].level = Level::LongTerm;
      shape(i, items[i]);
    }
    ASSERT_TRUE(service_->add_batch("t1", std::move(items)).ok());
  }

  std::vector<std::string> search_ids(const std::string& query, SearchRequest request = {},
                                      const std::string& tenant = "t1") {
    request.query = query;
    auto result = service_->search(tenant, request);
    EXPECT_TRUE(result.ok()) << result.error().message;
    std::vector<std::string> ids;
    if (result.ok()) {
      for (const auto& scored : result->items) ids.push_back(scored.item.id);
    }
    return ids;
  }

  // A copy of the live data dir, which is what a crash leaves behind, opened and loaded.
  std::unique_ptr<MemoryService> open_crash_copy(const testing::TempDir& crashed) {
    for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
      std::filesystem::copy(entry.path(), crashed.path() / entry.path().filename());
    }
    Config crashed_config = config_;
    crashed_config.server.data_dir = crashed.path();
    auto reopened =
        open_memory_service(crashed_config, embed::make_local_embedder(config_.embedder), nullptr, crash_health_);
    EXPECT_TRUE(reopened.ok()) << reopened.error().message;
    if (!reopened.ok()) return nullptr;
    auto loaded = (*reopened)->load();
    EXPECT_TRUE(loaded.ok()) << loaded.error().message;
    return std::move(reopened).value();
  }

  static std::vector<std::string> search_ids_in(MemoryService& service, const std::string& query) {
    SearchRequest request;
    request.query = query;
    auto result = service.search("t1", request);
    std::vector<std::string> found;
    if (!result.ok()) return found;
    for (const auto& scored : result->items) found.push_back(scored.item.id);
    return found;
  }

  testing::TempDir dir_;
  Config config_;
  HealthRegistry health_;
  HealthRegistry crash_health_;
  std::unique_ptr<MemoryService> service_;
};

TEST_F(MemoryServiceTest, FindsTheRelevantItemFirst) {
  add("The deployment uses Kubernetes with three replicas");
  const auto id = add("My favourite painting is a sunrise over the lake");
  add("Quarterly revenue grew by twelve percent");
  auto ids = search_ids("when did she paint the sunrise?");
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), id);
  EXPECT_TRUE(service_->ready());
}

TEST_F(MemoryServiceTest, ImmediateItemsAreRankedByTheQuery) {
  add("notes about gardening and tomatoes", Level::Immediate);
  const auto id = add("the database migration failed at step four", Level::Immediate);
  auto ids = search_ids("database migration");
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), id);
}

TEST_F(MemoryServiceTest, ImmediateOverflowIsDemotedNotLost) {
  std::vector<std::string> ids;
  for (int i = 0; i < 4; ++i) ids.push_back(add("working note " + std::to_string(i), Level::Immediate));
  auto oldest = service_->get("t1", ids[0]);
  ASSERT_TRUE(oldest.ok());
  EXPECT_EQ(oldest->level, Level::ShortTerm);
  EXPECT_TRUE(oldest->expires_at_ms.has_value());
  EXPECT_EQ(service_->get("t1", ids[3])->level, Level::Immediate);
  // Search ranks from memory: the demoted item no longer passes an Immediate filter.
  SearchRequest immediate_only;
  immediate_only.levels = {Level::Immediate};
  immediate_only.top_k = 10;
  const auto found = search_ids("working note", immediate_only);
  EXPECT_EQ(found.size(), 3u);
  EXPECT_EQ(std::find(found.begin(), found.end(), ids[0]), found.end());
}

TEST_F(MemoryServiceTest, ShortTermItemsExpireAndAreSwept) {
  config_.memory.short_term_ttl_secs = 1;
  open();
  const auto id = add("ephemeral fact", Level::ShortTerm);
  const auto keep = add("durable fact", Level::LongTerm);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  const auto found = search_ids("ephemeral fact");  // expired items are never returned, even before a sweep
  EXPECT_EQ(std::find(found.begin(), found.end(), id), found.end());
  auto swept = service_->sweep_expired();
  ASSERT_TRUE(swept.ok());
  EXPECT_EQ(*swept, 1u);
  EXPECT_EQ(service_->get("t1", id).error().code, ErrorCode::NotFound);
  EXPECT_TRUE(service_->get("t1", keep).ok());
}

TEST_F(MemoryServiceTest, RepeatedHitsPromoteShortTermToLongTerm) {
  config_.memory.promote_after_hits = 2;
  open();
  const auto id = add("the launch code is blue", Level::ShortTerm);
  search_ids("launch code");
  ASSERT_TRUE(service_->flush_access().ok());
  EXPECT_EQ(service_->get("t1", id)->level, Level::ShortTerm);
  search_ids("launch code");
  ASSERT_TRUE(service_->flush_access().ok());
  auto item = service_->get("t1", id);
  EXPECT_EQ(item->level, Level::LongTerm);
  EXPECT_EQ(item->access_count, 2);
  EXPECT_FALSE(item->expires_at_ms.has_value());
  SearchRequest long_term;
  long_term.levels = {Level::LongTerm};
  long_term.explain = true;
  EXPECT_EQ(search_ids("launch code", long_term), std::vector<std::string>{id});
}

// A flush writes in transactions of a few hundred counts: every one lands,
// across the chunk boundaries, and the promotions of a later chunk too.
TEST_F(MemoryServiceTest, AFlushOfManyItemsWritesEveryCountAndPromotion) {
  config_.memory.promote_after_hits = 1;
  config_.retrieval.neighbour_weight = 0;  // only the item that matches is retrieved
  open();
  std::vector<std::string> ids;
  for (size_t batch = 0; batch < 2; ++batch) {
    std::vector<NewItem> items(550);
    for (size_t i = 0; i < items.size(); ++i) {
      items[i].text = "entry number" + std::to_string(ids.size() + i) + "z";
      items[i].level = Level::ShortTerm;
    }
    auto added = service_->add_batch("t1", std::move(items));
    ASSERT_TRUE(added.ok()) << added.error().message;
    ids.insert(ids.end(), added->begin(), added->end());
  }
  SearchRequest one;
  one.top_k = 1;
  for (size_t i = 0; i < ids.size(); ++i) {
    ASSERT_EQ(search_ids("number" + std::to_string(i) + "z", one), std::vector<std::string>{ids[i]});
  }
  ASSERT_TRUE(service_->flush_access().ok());
  for (const auto& id : ids) {
    auto item = service_->get("t1", id);
    ASSERT_TRUE(item.ok());
    EXPECT_EQ(item->access_count, 1) << id;
    EXPECT_EQ(item->level, Level::LongTerm) << id;
  }
}

// Hits pending for an item deleted before the flush are dropped: the seq that
// SQLite hands to the next item does not pass them on.
TEST_F(MemoryServiceTest, ADeletedItemsPendingHitsDoNotPassToTheNextItem) {
  const auto gone = add("a note about kites");
  ASSERT_EQ(search_ids("kites"), std::vector<std::string>{gone});
  ASSERT_TRUE(service_->remove("t1", gone).ok());
  const auto next = add("a note about boats");
  ASSERT_TRUE(service_->flush_access().ok());
  auto read = service_->get("t1", next);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->access_count, 0);
}

TEST_F(MemoryServiceTest, RankingCountsHitsBeforeTheyAreFlushed) {
  const auto id = add("the harbour opens at dawn", Level::LongTerm);
  SearchRequest request;
  request.query = "harbour";
  const auto first = service_->search("t1", request);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->items.at(0).parts.frequency, 0.0);
  const auto second = service_->search("t1", request);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->items.at(0).item.id, id);
  EXPECT_GT(second->items.at(0).parts.frequency, 0.0);
}

// Results come from the row cache once returned; they must still be the rows as
// stored after an update, a promotion and a delete.
TEST_F(MemoryServiceTest, RepeatedSearchesReturnRowsAsTheyAreNow) {
  config_.memory.promote_after_hits = 2;
  open();
  const auto id = add("the harbour opens at dawn", Level::ShortTerm);
  SearchRequest request;
  request.query = "harbour";
  ASSERT_EQ(service_->search("t1", request)->items.at(0).item.text, "the harbour opens at dawn");
  ASSERT_TRUE(service_->update("t1", id, text_update("the harbour opens at noon")).ok());
  auto updated = service_->search("t1", request);
  ASSERT_EQ(updated->items.size(), 1u);
  EXPECT_EQ(updated->items[0].item.text, "the harbour opens at noon");
  ASSERT_TRUE(service_->flush_access().ok());  // two hits: promoted
  auto promoted = service_->search("t1", request);
  EXPECT_EQ(promoted->items.at(0).item.level, Level::LongTerm);
  EXPECT_FALSE(promoted->items.at(0).item.expires_at_ms.has_value());
  EXPECT_EQ(promoted->items.at(0).item.access_count, 2);
  ASSERT_TRUE(service_->remove("t1", id).ok());
  EXPECT_TRUE(service_->search("t1", request)->items.empty());
  // Another tenant never gets the cached row of this one.
  const auto other = add("the lighthouse keeper", Level::LongTerm, "t1");
  request.query = "lighthouse";
  ASSERT_EQ(service_->search("t1", request)->items.size(), 1u);
  EXPECT_TRUE(service_->search("t2", request)->items.empty());
  EXPECT_EQ(service_->get("t2", other).error().code, ErrorCode::NotFound);
}

TEST_F(MemoryServiceTest, FiltersRestrictResults) {
  add("project alpha kickoff", Level::ShortTerm, "t1", {{"project", "alpha"}});
  const auto beta = add("project beta kickoff", Level::LongTerm, "t1", {{"project", "beta"}, {"n", 2}});
  SearchRequest by_metadata;
  by_metadata.filters = {{"project", "beta"}};
  EXPECT_EQ(search_ids("project kickoff", by_metadata), std::vector<std::string>{beta});
  SearchRequest by_level;
  by_level.levels = {Level::LongTerm};
  EXPECT_EQ(search_ids("project kickoff", by_level), std::vector<std::string>{beta});
  SearchRequest by_time;
  by_time.created_after_ms = now_unix_ms() + 60'000;
  EXPECT_TRUE(search_ids("project kickoff", by_time).empty());
}

TEST_F(MemoryServiceTest, SessionFilter) {
  NewItem item;
  item.text = "session scoped remark about rockets";
  item.session_id = "s-1";
  ASSERT_TRUE(service_->add("t1", item).ok());
  add("unscoped remark about rockets");
  SearchRequest request;
  request.session_id = "s-1";
  EXPECT_EQ(search_ids("rockets", request).size(), 1u);
}

// The full-text candidates of a query that 200 items match equally are the 30
// oldest; the session asked for holds only the 5 newest. Filtering looks deeper.
TEST_F(MemoryServiceTest, ASelectiveFilterLooksBeyondTheFirstCandidates) {
  add_equal_matches(200, [](size_t i, NewItem& item) {
    item.session_id = i < 195 ? "s-old" : "s-new";
    if (i >= 190) item.metadata = {{"team", "red"}};
  });
  SearchRequest by_session;
  by_session.session_id = "s-new";
  by_session.top_k = 10;
  EXPECT_EQ(search_ids("launch status", by_session).size(), 5u);
  SearchRequest by_metadata;
  by_metadata.filters = {{"team", "red"}};
  by_metadata.top_k = 8;
  EXPECT_EQ(search_ids("launch status", by_metadata).size(), 8u);
  SearchRequest unfiltered;
  unfiltered.top_k = 10;
  EXPECT_EQ(search_ids("launch status", unfiltered).size(), 10u);
}

// When the token budget is what limits a filtered search, it does not look deeper.
TEST_F(MemoryServiceTest, AFullTokenBudgetEndsAFilteredSearch) {
  add_equal_matches(200, [](size_t i, NewItem& item) { item.session_id = i % 2 == 0 ? "s-even" : "s-odd"; });
  SearchRequest request;
  request.query = "launch status";
  request.session_id = "s-even";
  request.top_k = 10;
  auto unbounded = service_->search("t1", request);
  ASSERT_TRUE(unbounded.ok());
  ASSERT_EQ(unbounded->items.size(), 10u);
  request.max_tokens = 3 * unbounded->items.front().item.token_count;
  auto bounded = service_->search("t1", request);
  ASSERT_TRUE(bounded.ok());
  EXPECT_EQ(bounded->items.size(), 3u);
  EXPECT_LE(bounded->total_searched, unbounded->total_searched);  // one pass, as without a budget
}

TEST_F(MemoryServiceTest, TheTurnStoredNextToTheBestMatchIsFoundToo) {
  add("Caroline: what did you do last weekend?");
  const auto answer = add("Melanie: we drove up the coast and camped by the lighthouse");
  const auto question = add("Caroline: where did you go on your holiday?");
  const auto reply = add("Melanie: mostly stayed home with a pile of books");
  for (int i = 0; i < 20; ++i) add("unrelated remark number " + std::to_string(i) + " about gardening");
  SearchRequest request;
  request.query = "holiday";
  request.explain = true;
  auto result = service_->search("t1", request);
  ASSERT_TRUE(result.ok());
  std::vector<std::string> ids;
  for (const auto& scored : result->items) ids.push_back(scored.item.id);
  ASSERT_GE(ids.size(), 3u);
  EXPECT_EQ(ids[0], question);
  // Its neighbours share no word with the query but come next.
  EXPECT_NE(std::find(ids.begin(), ids.begin() + 3, reply), ids.begin() + 3);
  EXPECT_NE(std::find(ids.begin(), ids.begin() + 3, answer), ids.begin() + 3);
  EXPECT_TRUE(result->items[1].parts.via_neighbour);
}

TEST_F(MemoryServiceTest, NeighboursNeverCrossSessions) {
  NewItem asked;
  asked.text = "where is the spare key?";
  asked.session_id = "s-1";
  ASSERT_TRUE(service_->add("t1", asked).ok());
  NewItem other;
  other.text = "completely different conversation";
  other.session_id = "s-2";
  const auto other_id = service_->add("t1", other);
  ASSERT_TRUE(other_id.ok());
  const auto found = search_ids("spare key");
  EXPECT_EQ(std::find(found.begin(), found.end(), *other_id), found.end());
}

TEST_F(MemoryServiceTest, MaxTokensSkipsWhatDoesNotFitAndContinues) {
  add(std::string(400, 'x') + " apples");  // ~100 tokens
  add("apples are red");                   // ~4 tokens
  SearchRequest request;
  request.query = "apples";
  request.max_tokens = 20;
  auto result = service_->search("t1", request);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->items.size(), 1u);
  EXPECT_EQ(result->items[0].item.text, "apples are red");
  EXPECT_LE(result->total_tokens, 20);
}

TEST_F(MemoryServiceTest, TopKBoundsAreValidated) {
  SearchRequest request;
  request.query = "anything";
  for (int64_t bad : {int64_t{0}, config_.retrieval.max_top_k + 1}) {
    request.top_k = bad;
    auto result = service_->search("t1", request);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().details.at("field").as_string(), "top_k");
  }
  request.top_k.reset();
  for (int64_t bad : {int64_t{0}, config_.retrieval.max_tokens_limit + 1}) {
    request.max_tokens = bad;
    auto result = service_->search("t1", request);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().details.at("field").as_string(), "max_tokens");
  }
}

TEST_F(MemoryServiceTest, BadItemsAreRejectedNamingTheField) {
  struct Case {
    NewItem item;
    std::string field;
  };
  std::vector<Case> cases;
  cases.push_back({new_item(""), "text"});
  cases.push_back({new_item(" \n\t "), "text"});
  cases.push_back({new_item(std::string(config_.memory.max_text_bytes + 1, 'a')), "text"});
  cases.push_back({new_item(std::string("nul\0byte", 8)), "text"});
  cases.push_back({new_item("ok", ""), "namespace"});
  cases.push_back({new_item("ok", "bad space"), "namespace"});
  cases.push_back({new_item("ok", std::string(129, 'n')), "namespace"});
  cases.push_back({new_item("ok", "default", {{"bad key", 1}}), "metadata.bad key"});
  cases.push_back({new_item("ok", "default", {{"big", std::string(20'000, 'x')}}), "metadata"});
  boost::json::value deep = 1;
  for (int i = 0; i < 10; ++i) deep = boost::json::object{{"d", deep}};
  cases.push_back({new_item("ok", "default", deep.as_object()), ""});
  for (auto& c : cases) {
    auto result = service_->add("t1", c.item);
    ASSERT_FALSE(result.ok()) << c.field;
    EXPECT_EQ(result.error().code, ErrorCode::Validation);
    const std::string field(result.error().details.at("field").as_string());
    if (!c.field.empty()) {
      EXPECT_EQ(field, c.field) << result.error().message;
    }
  }
  EXPECT_TRUE(service_->list("t1", ListQuery{})->items.empty());
}

TEST_F(MemoryServiceTest, ABatchWithOneBadItemStoresNothing) {
  std::vector<NewItem> items{new_item("good one"), new_item("good two"), new_item("  ")};
  auto result = service_->add_batch("t1", items);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().details.at("field").as_string(), "items[2].text");
  EXPECT_TRUE(service_->list("t1", ListQuery{})->items.empty());
  items.pop_back();
  auto ok = service_->add_batch("t1", items);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->size(), 2u);
}

TEST_F(MemoryServiceTest, TenantsAreIsolated) {
  const auto id = add("tenant one secret: the vault code is 1234", Level::LongTerm, "t1");
  EXPECT_TRUE(search_ids("vault code", {}, "t2").empty());
  EXPECT_EQ(service_->get("t2", id).error().code, ErrorCode::NotFound);
  EXPECT_EQ(service_->update("t2", id, text_update("pwned")).error().code, ErrorCode::NotFound);
  EXPECT_EQ(service_->remove("t2", id).error().code, ErrorCode::NotFound);
  EXPECT_EQ(*service_->clear("t2", "default", Level::LongTerm), 0u);
  EXPECT_TRUE(service_->list("t2", ListQuery{})->items.empty());
  EXPECT_EQ(service_->get("t1", id)->text, "tenant one secret: the vault code is 1234");
}

TEST_F(MemoryServiceTest, UpdateMergesMetadataAndReembedsText) {
  const auto id = add("original text about cats", Level::LongTerm, "t1", {{"a", 1}, {"b", 2}});
  auto updated = service_->update("t1", id, text_update("revised text about submarines", boost::json::object{{"b", nullptr}, {"c", 3}}));
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->metadata_json, R"({"a":1,"c":3})");
  EXPECT_EQ(search_ids("submarines").front(), id);
  EXPECT_TRUE(search_ids("cats").empty() || search_ids("cats").front() == id);
}

TEST_F(MemoryServiceTest, IdsMustBeUuids) {
  auto result = service_->get("t1", "not-a-uuid");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::Validation);
  EXPECT_EQ(service_->remove("t1", "123").error().code, ErrorCode::Validation);
  EXPECT_EQ(service_->remove("t1", "018f0000-0000-7000-8000-000000000000").error().code, ErrorCode::NotFound);
}

TEST_F(MemoryServiceTest, ListPaginatesWithCursor) {
  for (int i = 0; i < 7; ++i) add("entry " + std::to_string(i));
  ListQuery query;
  query.limit = 3;
  size_t total = 0;
  int pages = 0;
  while (true) {
    auto page = service_->list("t1", query);
    ASSERT_TRUE(page.ok());
    total += page->items.size();
    ++pages;
    if (!page->next_cursor) break;
    query.cursor = page->next_cursor;
  }
  EXPECT_EQ(total, 7u);
  EXPECT_EQ(pages, 3);
  query.cursor = "garbage";
  EXPECT_EQ(service_->list("t1", query).error().details.at("field").as_string(), "cursor");
}

TEST_F(MemoryServiceTest, WithoutSnapshotsARestartRebuildsTheIndexesFromTheStore) {
  config_.memory.snapshot_interval_secs = 0;
  open();
  const auto id = add("persistent memory about volcanoes", Level::ShortTerm);
  service_->shutdown();
  EXPECT_FALSE(std::filesystem::exists(snapshot_path(dir_.path())));
  open();
  EXPECT_EQ(metrics::memory_metrics().load_replayed.Value(), -1);
  // Nothing will read the change log: it is dropped at start-up.
  EXPECT_TRUE(service_->item_store().changes_since(0, 100)->value().empty());
  EXPECT_EQ(service_->text_index_stats().documents, 1u);
  EXPECT_EQ(service_->index_stats().vectors, 0u);  // the default (bm25) mode keeps no vector index
  SearchRequest short_term;
  short_term.levels = {Level::ShortTerm};
  EXPECT_EQ(search_ids("volcanoes", short_term), std::vector<std::string>{id});
}

TEST_F(MemoryServiceTest, ARestartLoadsTheSnapshotWrittenAtShutdown) {
  SearchRequest short_term;
  short_term.levels = {Level::ShortTerm};
  const auto id = add("persistent memory about volcanoes", Level::ShortTerm);
  add("a note in another tenant about volcanoes", Level::LongTerm, "t2");
  service_->shutdown();
  ASSERT_TRUE(std::filesystem::exists(snapshot_path(dir_.path())));
  open();
  EXPECT_EQ(metrics::memory_metrics().load_replayed.Value(), 0);
  EXPECT_EQ(service_->text_index_stats().documents, 2u);
  EXPECT_EQ(search_ids("volcanoes", short_term), std::vector<std::string>{id});  // level from the catalog
  EXPECT_EQ(search_ids("volcanoes", {}, "t2").size(), 1u);
}

// A copy of a live data dir is what a crash leaves behind: the last snapshot and
// the committed rows. Loading it replays what changed after the snapshot.
TEST_F(MemoryServiceTest, ChangesAfterTheSnapshotAreReplayedOnTheNextStart) {
  config_.retrieval.neighbour_weight = 0;  // only text matches
  open();
  const auto kept = add("a note about ferries");
  const auto changed = add("old wording about gliders");
  const auto removed = add("a doomed note about zeppelins");
  ASSERT_TRUE(service_->write_snapshot().ok());
  const auto added = add("a later note about submarines");
  ASSERT_TRUE(service_->update("t1", changed, text_update("new wording about balloons")).ok());
  ASSERT_TRUE(service_->remove("t1", removed).ok());

  testing::TempDir crashed;
  auto service_ptr = open_crash_copy(crashed);
  ASSERT_TRUE(service_ptr);
  auto& service = *service_ptr;
  EXPECT_EQ(metrics::memory_metrics().load_replayed.Value(), 3);
  auto ids = [&](const std::string& query) { return search_ids_in(service, query); };
  EXPECT_EQ(ids("ferries"), std::vector<std::string>{kept});
  EXPECT_EQ(ids("submarines"), std::vector<std::string>{added});
  EXPECT_EQ(ids("balloons"), std::vector<std::string>{changed});
  EXPECT_TRUE(ids("gliders").empty());
  EXPECT_TRUE(ids("zeppelins").empty());
  EXPECT_EQ(service.text_index_stats().documents, 3u);
}

// Retrieval counts reach the store every access_flush_secs, a snapshot far less
// often: after a crash the catalog takes the store's newer counts.
TEST_F(MemoryServiceTest, AfterACrashTheCatalogHasTheStoresNewerRetrievalCounts) {
  open();
  const auto id = add("the lighthouse keeper logs the weather");
  ASSERT_TRUE(service_->write_snapshot().ok());
  for (int i = 0; i < 3; ++i) search_ids("lighthouse");
  ASSERT_TRUE(service_->flush_access().ok());

  testing::TempDir crashed;
  auto service = open_crash_copy(crashed);
  ASSERT_TRUE(service);
  EXPECT_EQ(metrics::memory_metrics().load_replayed.Value(), 0) << "loaded from the snapshot";
  SearchRequest request;
  request.query = "lighthouse";
  request.explain = true;
  const auto result = service->search("t1", request);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->items.size(), 1u);
  EXPECT_EQ(result->items[0].item.id, id);
  EXPECT_EQ(result->items[0].item.access_count, 3);
  EXPECT_DOUBLE_EQ(result->items[0].parts.frequency, retrieval::frequency_score(3)) << "the ranking uses the store's count";
}

// Snapshots taken while writers run: whatever a snapshot did not include is in
// the change log, so a crash copy taken afterwards holds exactly the live items.
// The writers delete every third item at once, so SQLite hands its seq to the
// next insert: the running service must still find every live item (writes
// reach the indexes in commit order).
TEST_F(MemoryServiceTest, SnapshotsTakenDuringWritesLoseNothing) {
  config_.retrieval.neighbour_weight = 0;  // only text matches
  open();
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::vector<std::pair<std::string, std::string>> live;  // id, its unique word
  std::vector<std::string> removed_words;
  auto writer = [&](int number) {
    for (int i = 0; !stop; ++i) {
      const std::string word = "marker" + std::to_string(number) + "x" + std::to_string(i);
      auto id = service_->add("t1", new_item("a concurrent note " + word));
      ASSERT_TRUE(id.ok()) << id.error().message;
      if (i % 3 == 2) {
        ASSERT_TRUE(service_->remove("t1", *id).ok());
        std::lock_guard lock(mutex);
        removed_words.push_back(word);
      } else {
        std::lock_guard lock(mutex);
        live.emplace_back(*id, word);
      }
    }
  };
  std::thread first(writer, 0);
  std::thread second(writer, 1);
  for (int i = 0; i < 15; ++i) {
    EXPECT_TRUE(service_->write_snapshot().ok());
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  stop = true;
  first.join();
  second.join();
  ASSERT_GT(live.size(), 50u);
  EXPECT_EQ(service_->text_index_stats().documents, live.size());
  for (const auto& [id, word] : live) EXPECT_EQ(search_ids_in(*service_, word), std::vector<std::string>{id}) << word;

  testing::TempDir crashed;
  auto service = open_crash_copy(crashed);
  ASSERT_TRUE(service);
  EXPECT_GE(metrics::memory_metrics().load_replayed.Value(), 0);  // from a snapshot, not rebuilt
  EXPECT_EQ(service->text_index_stats().documents, live.size());
  for (const auto& [id, word] : live) {
    const auto found = search_ids_in(*service, word);
    ASSERT_FALSE(found.empty()) << word;
    EXPECT_EQ(found.front(), id) << word;
  }
  for (const auto& word : removed_words) EXPECT_TRUE(search_ids_in(*service, word).empty()) << word;
}

TEST_F(MemoryServiceTest, ADamagedSnapshotIsIgnoredAndTheIndexRebuiltFromRows) {
  const auto id = add("persistent memory about volcanoes");
  service_->shutdown();
  {
    std::fstream file(snapshot_path(dir_.path()), std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(40);
    file.put('\x7f');
  }
  open();
  EXPECT_EQ(metrics::memory_metrics().load_replayed.Value(), -1);
  EXPECT_EQ(search_ids("volcanoes"), std::vector<std::string>{id});
}

TEST_F(MemoryServiceTest, AnOlderSnapshotFileIsIgnored) {
  const auto first = add("persistent memory about volcanoes");
  ASSERT_TRUE(service_->write_snapshot().ok());
  const auto older = dir_.path() + "/older.snapshot";
  std::filesystem::copy(snapshot_path(dir_.path()), older);
  const auto second = add("a second note about volcanoes");
  service_->shutdown();
  std::filesystem::rename(older, snapshot_path(dir_.path()));  // e.g. restored from an old backup
  open();
  EXPECT_EQ(metrics::memory_metrics().load_replayed.Value(), -1);
  EXPECT_EQ(search_ids("volcanoes").size(), 2u);
}

TEST_F(MemoryServiceTest, AFailedSnapshotIsCountedAndLeavesThePreviousOneInPlace) {
  add("persistent memory about volcanoes");
  ASSERT_TRUE(service_->write_snapshot().ok());
  const auto recorded = service_->item_store().get_meta(kSnapshotMetaKey)->value();
  add("a second note about volcanoes");
  // A folder where the temporary file goes: creating it fails (even for root).
  const auto temp = snapshot_path(dir_.path()) + ".tmp";
  std::filesystem::create_directory(temp);
  const double errors = metrics::memory_metrics().snapshot_errors.Value();
  EXPECT_FALSE(service_->write_snapshot().ok());
  EXPECT_EQ(metrics::memory_metrics().snapshot_errors.Value(), errors + 1);
  EXPECT_EQ(service_->item_store().get_meta(kSnapshotMetaKey)->value(), recorded);
  std::filesystem::remove(temp);
  service_->shutdown();  // writes it now
  EXPECT_NE(service_->item_store().get_meta(kSnapshotMetaKey)->value(), recorded);
  open();
  EXPECT_EQ(metrics::memory_metrics().load_replayed.Value(), 0);
  EXPECT_EQ(search_ids("volcanoes").size(), 2u);
}

TEST_F(MemoryServiceTest, HybridModeKeepsVectorsAcrossRestarts) {
  config_.retrieval.mode = "hybrid";
  open();
  const auto id = add("persistent memory about volcanoes");
  service_->shutdown();
  open();
  EXPECT_EQ(service_->index_stats().vectors, 1u);
  SearchRequest vector_only;
  vector_only.mode = "vector";
  EXPECT_EQ(search_ids("volcanoes", vector_only), std::vector<std::string>{id});
}

TEST_F(MemoryServiceTest, UpdatedTextIsSearchedAndRemovedItemsAreNot) {
  config_.retrieval.neighbour_weight = 0;  // only text matches, no stored neighbours
  open();
  const auto id = add("old wording about ferries");
  const auto other = add("another note about ferries");
  ASSERT_TRUE(service_->update("t1", id, text_update("new wording about gliders")).ok());
  EXPECT_EQ(search_ids("gliders"), std::vector<std::string>{id});
  EXPECT_EQ(search_ids("ferries"), std::vector<std::string>{other});
  ASSERT_TRUE(service_->remove("t1", other).ok());
  EXPECT_TRUE(search_ids("ferries").empty());
  ASSERT_TRUE(service_->clear("t1", "default", std::nullopt).ok());
  EXPECT_TRUE(search_ids("gliders").empty());
}

TEST_F(MemoryServiceTest, AChangedEmbedderIsRefusedUntilReindexed) {
  add("some text");
  service_.reset();
  config_.embedder.dimension = 64;
  auto refused = open_memory_service(config_, embed::make_local_embedder(config_.embedder), nullptr, health_);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("hirag reindex --data-dir"), std::string::npos);
  auto embedder = embed::make_local_embedder(config_.embedder);
  auto report = reindex(config_, *embedder);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->items, 1u);
  EXPECT_EQ(report->model, "local-hash-v1/64");
  open();
  EXPECT_EQ(search_ids("some text").size(), 1u);
}

}  // namespace
}  // namespace hirag::memory
