// The SQLite item store: tenant scoping, levels, expiry, access counts,
// pagination, all-or-nothing batches and the change log.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "core/clock.hpp"
#include "core/uuid.hpp"
#include "store/open_item_store.hpp"
#include "store/sqlite/sqlite_item_store.hpp"
#include "support/server_process.hpp"

namespace hirag::store {
namespace {

ItemPatch text_patch(std::string text, std::optional<int64_t> token_count = std::nullopt) {
  ItemPatch patch;
  patch.text = std::move(text);
  patch.token_count = token_count;
  return patch;
}

ListRequest list_request(const std::string& tenant, std::optional<Level> level = std::nullopt, size_t limit = 100) {
  ListRequest request;
  request.tenant = tenant;
  request.name_space = "default";
  request.level = level;
  request.limit = limit;
  return request;
}

class ItemStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_.server.data_dir = dir_.path();
    auto opened = open_item_store(config_);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
  }

  MemoryItem item(const std::string& text, const std::string& tenant = "t1", const std::string& ns = "default",
                  Level level = Level::LongTerm) {
    MemoryItem result;
    result.id = new_uuid_v7();
    result.tenant = tenant;
    result.name_space = ns;
    result.level = level;
    result.text = text;
    result.token_count = static_cast<int64_t>(text.size() / 4 + 1);
    result.embedding = {1.0f, 0.0f};
    result.created_at_ms = now_unix_ms() + static_cast<int64_t>(clock_++);
    result.updated_at_ms = result.created_at_ms;
    return result;
  }

  MemoryItem insert_one(MemoryItem record) {
    std::vector<MemoryItem> items{std::move(record)};
    EXPECT_TRUE(store_->insert(items, InsertPolicy{}).ok());
    return items.front();
  }

  testing::TempDir dir_;
  Config config_;
  std::unique_ptr<ItemStore> store_;
  int clock_ = 0;
};

TEST_F(ItemStoreTest, InsertAssignsIncreasingSeqsAndGetRoundTrips) {
  auto a = insert_one(item("alpha"));
  auto b = insert_one(item("beta"));
  EXPECT_LT(a.seq, b.seq);
  auto got = store_->get("t1", a.id);
  ASSERT_TRUE(got.ok());
  ASSERT_TRUE(got->has_value());
  EXPECT_EQ((*got)->text, "alpha");
  EXPECT_EQ((*got)->embedding, (std::vector<float>{1.0f, 0.0f}));
}

TEST_F(ItemStoreTest, EveryOperationIsScopedByTenant) {
  auto a = insert_one(item("secret plans", "t1"));
  EXPECT_FALSE(store_->get("t2", a.id)->has_value());
  EXPECT_TRUE(store_->fetch("t2", std::vector<int64_t>{a.seq})->empty());
  EXPECT_EQ(store_->update("t2", a.id, text_patch("x")).error().code, ErrorCode::NotFound);
  EXPECT_FALSE(store_->remove("t2", a.id)->has_value());
  EXPECT_TRUE(store_->clear("t2", "default", std::nullopt)->empty());
  EXPECT_TRUE(store_->list(list_request("t2"))->items.empty());
  EXPECT_TRUE(store_->get("t1", a.id)->has_value());
}

TEST_F(ItemStoreTest, ImmediateOverflowIsDemotedToShortTermWithExpiry) {
  InsertPolicy policy{.immediate_capacity = 2, .demoted_expires_at_ms = 12345};
  std::vector<MemoryItem> items{item("one", "t1", "n", Level::Immediate), item("two", "t1", "n", Level::Immediate),
                                item("three", "t1", "n", Level::Immediate)};
  auto demoted = store_->insert(items, policy);
  ASSERT_TRUE(demoted.ok());
  ASSERT_EQ(demoted->size(), 1u);
  EXPECT_EQ(demoted->front().seq, items[0].seq);
  EXPECT_EQ(demoted->front().level, Level::ShortTerm);
  EXPECT_EQ(demoted->front().expires_at_ms, 12345);
  auto oldest = store_->get("t1", items[0].id)->value();
  EXPECT_EQ(oldest.level, Level::ShortTerm);
  EXPECT_EQ(oldest.expires_at_ms, 12345);
  EXPECT_EQ(store_->get("t1", items[2].id)->value().level, Level::Immediate);
  // Another namespace has its own capacity.
  auto other = insert_one(item("elsewhere", "t1", "m", Level::Immediate));
  EXPECT_EQ(store_->get("t1", other.id)->value().level, Level::Immediate);
}

TEST_F(ItemStoreTest, DeleteExpiredRemovesInBoundedBatches) {
  for (int i = 0; i < 5; ++i) {
    auto record = item("short " + std::to_string(i), "t1", "default", Level::ShortTerm);
    record.expires_at_ms = 1000 + i;
    insert_one(record);
  }
  auto keep = item("keep", "t1", "default", Level::ShortTerm);
  keep.expires_at_ms = now_unix_ms() + 3'600'000;
  insert_one(keep);
  auto first = store_->delete_expired(now_unix_ms(), 3);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->size(), 3u);
  EXPECT_EQ(store_->delete_expired(now_unix_ms(), 3)->size(), 2u);
  EXPECT_TRUE(store_->delete_expired(now_unix_ms(), 3)->empty());
  EXPECT_TRUE(store_->get("t1", keep.id)->has_value());
  EXPECT_EQ(store_->list(list_request("t1"))->items.size(), 1u);
}

TEST_F(ItemStoreTest, RecordAccessCountsAndPromotesShortTerm) {
  auto record = item("popular", "t1", "default", Level::ShortTerm);
  record.expires_at_ms = now_unix_ms() + 1000;
  record = insert_one(record);
  PromotionPolicy policy{.promote_after_hits = 3, .long_term_expires_at_ms = std::nullopt};
  auto first = store_->record_access({{record.seq, 2, 100, true}}, policy);
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(first->empty()) << "below the threshold: nothing promoted";
  EXPECT_EQ(store_->get("t1", record.id)->value().level, Level::ShortTerm);
  EXPECT_EQ(store_->get("t1", record.id)->value().expires_at_ms, record.expires_at_ms);
  auto second = store_->record_access({{record.seq, 1, 200, true}}, policy);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->size(), 1u);
  EXPECT_EQ(second->front().seq, record.seq);
  EXPECT_EQ(second->front().level, Level::LongTerm);
  EXPECT_FALSE(second->front().expires_at_ms.has_value());
  auto promoted = store_->get("t1", record.id)->value();
  EXPECT_EQ(promoted.level, Level::LongTerm);
  EXPECT_EQ(promoted.access_count, 3);
  EXPECT_EQ(promoted.last_accessed_at_ms, 200);
  EXPECT_FALSE(promoted.expires_at_ms.has_value());
  // Only promotions are reported: not the same item again (even when the caller
  // still thinks it ShortTerm), not other levels.
  auto immediate = insert_one(item("recent", "t1", "default", Level::Immediate));
  auto third = store_->record_access({{record.seq, 5, 300, true}, {immediate.seq, 9, 300}}, policy);
  ASSERT_TRUE(third.ok());
  EXPECT_TRUE(third->empty());
  EXPECT_EQ(store_->get("t1", record.id)->value().access_count, 8);
  EXPECT_EQ(store_->get("t1", immediate.id)->value().level, Level::Immediate);
  EXPECT_EQ(store_->get("t1", immediate.id)->value().access_count, 9);
}

// A flush writes a chunk of deltas at once: each row gets its own hits, new
// and existing counts alike, the latest retrieval time never goes back, and every
// ShortTerm item of the chunk that reached the threshold is promoted.
TEST_F(ItemStoreTest, RecordAccessAddsEachDeltaOfAChunk) {
  PromotionPolicy policy{.promote_after_hits = 3, .long_term_expires_at_ms = std::nullopt};
  auto a = insert_one(item("a", "t1", "default", Level::ShortTerm));
  auto b = insert_one(item("b", "t1", "default", Level::ShortTerm));
  auto c = insert_one(item("c", "t1", "default", Level::ShortTerm));
  ASSERT_TRUE(store_->record_access({{c.seq, 1, 500, true}, {a.seq, 2, 100, true}}, policy).ok());
  auto promoted = store_->record_access({{a.seq, 1, 50, true}, {b.seq, 3, 300, true}, {c.seq, 1, 600, true}}, policy);
  ASSERT_TRUE(promoted.ok());
  std::vector<int64_t> promoted_seqs;
  for (const auto& change : *promoted) promoted_seqs.push_back(change.seq);
  std::ranges::sort(promoted_seqs);
  EXPECT_EQ(promoted_seqs, (std::vector<int64_t>{a.seq, b.seq})) << "c has 2 hits, below the threshold";
  auto read_a = store_->get("t1", a.id)->value();
  EXPECT_EQ(read_a.access_count, 3);
  EXPECT_EQ(read_a.last_accessed_at_ms, 100) << "an older delta does not move the time back";
  EXPECT_EQ(read_a.level, Level::LongTerm);
  auto read_b = store_->get("t1", b.id)->value();
  EXPECT_EQ(read_b.access_count, 3);
  EXPECT_EQ(read_b.last_accessed_at_ms, 300);
  auto read_c = store_->get("t1", c.id)->value();
  EXPECT_EQ(read_c.access_count, 2);
  EXPECT_EQ(read_c.last_accessed_at_ms, 600);
  EXPECT_EQ(read_c.level, Level::ShortTerm);
}

TEST_F(ItemStoreTest, ListPagesWithAKeysetCursor) {
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(insert_one(item("item " + std::to_string(i))).id);
  insert_one(item("short", "t1", "default", Level::ShortTerm));
  std::vector<std::string> seen;
  ListRequest request = list_request("t1", Level::LongTerm, 2);
  while (true) {
    auto page = store_->list(request);
    ASSERT_TRUE(page.ok());
    for (const auto& listed : page->items) seen.push_back(listed.id);
    if (!page->next_after_seq) break;
    request.after_seq = *page->next_after_seq;
  }
  EXPECT_EQ(seen, ids);
}

TEST_F(ItemStoreTest, ABatchIsAllOrNothing) {
  auto duplicate = item("first");
  std::vector<MemoryItem> items{duplicate, item("second"), duplicate};
  EXPECT_FALSE(store_->insert(items, InsertPolicy{}).ok());
  EXPECT_TRUE(store_->list(list_request("t1"))->items.empty());
}

TEST_F(ItemStoreTest, UpdateReplacesTextAndReturnsTheNewRow) {
  auto record = insert_one(item("old words"));
  auto updated = store_->update("t1", record.id, text_patch("new phrasing", 2));
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->text, "new phrasing");
  EXPECT_EQ(updated->token_count, 2);
  EXPECT_EQ(updated->seq, record.seq);
  EXPECT_EQ(store_->get("t1", record.id)->value().text, "new phrasing");
  EXPECT_FALSE(store_->update("t1", new_uuid_v7(), text_patch("nobody", 1)).ok());
  EXPECT_FALSE(store_->update("t2", record.id, text_patch("not theirs", 1)).ok());
  EXPECT_EQ(store_->get("t1", record.id)->value().text, "new phrasing");
}

TEST_F(ItemStoreTest, AccessCountsStayWithTheirItemAndGoWithIt) {
  PromotionPolicy policy{};
  auto gone = insert_one(item("read then deleted"));
  auto unread = insert_one(item("never read"));
  ASSERT_TRUE(store_->record_access({{gone.seq, 4, 100}}, policy).ok());
  std::vector<std::pair<int64_t, int64_t>> scanned;
  ASSERT_TRUE(store_->scan_access_counts([&](int64_t seq, int64_t count) { scanned.emplace_back(seq, count); }).ok());
  EXPECT_EQ(scanned, (std::vector<std::pair<int64_t, int64_t>>{{gone.seq, 4}})) << "only items retrieved at least once";
  EXPECT_EQ(store_->get("t1", unread.id)->value().access_count, 0);
  auto updated = store_->update("t1", gone.id, text_patch("read, edited, deleted", 3));
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->access_count, 4) << "an edit keeps the counts";
  EXPECT_EQ(updated->last_accessed_at_ms, 100);
  ASSERT_TRUE(store_->remove("t1", unread.id)->has_value());
  ASSERT_TRUE(store_->remove("t1", gone.id)->has_value());
  scanned.clear();
  ASSERT_TRUE(store_->scan_access_counts([&](int64_t seq, int64_t count) { scanned.emplace_back(seq, count); }).ok());
  EXPECT_TRUE(scanned.empty()) << "the counts went with the item";
  auto next = insert_one(item("new item"));
  ASSERT_EQ(next.seq, gone.seq) << "SQLite hands the largest rowid out again";
  auto read = store_->get("t1", next.id);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ((*read)->access_count, 0);
  EXPECT_FALSE((*read)->last_accessed_at_ms.has_value());
}

TEST_F(ItemStoreTest, ClearRemovesOneLevelOfOneNamespace) {
  insert_one(item("a", "t1", "n", Level::ShortTerm));
  auto keep = insert_one(item("b", "t1", "n", Level::LongTerm));
  auto removed = store_->clear("t1", "n", Level::ShortTerm);
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(removed->size(), 1u);
  EXPECT_TRUE(store_->get("t1", keep.id)->has_value());
}

TEST_F(ItemStoreTest, MetaValuesPersist) {
  EXPECT_FALSE(store_->get_meta("k")->has_value());
  ASSERT_TRUE(store_->set_meta("k", "v1").ok());
  ASSERT_TRUE(store_->set_meta("k", "v2").ok());
  EXPECT_EQ(store_->get_meta("k")->value(), "v2");
}

TEST_F(ItemStoreTest, TheChangeLogNamesEveryChangedItemOnceWithItsCurrentRow) {
  auto kept = insert_one(item("kept", "t1", "a"));
  ASSERT_EQ(*store_->last_change(), 1);
  auto changed = insert_one(item("first words", "t2", "b"));
  auto deleted = insert_one(item("doomed", "t1", "a"));
  insert_one(item("newest", "t1", "a"));  // so that the deleted seq is not the largest
  const int64_t mark = *store_->last_change();
  ASSERT_EQ(mark, 4);
  ASSERT_TRUE(store_->update("t2", changed.id, text_patch("second words")).ok());
  ASSERT_TRUE(store_->update("t2", changed.id, text_patch("third words")).ok());
  ASSERT_TRUE(store_->remove("t1", deleted.id)->has_value());
  auto added = insert_one(item("latecomer", "t1", "a"));
  EXPECT_EQ(*store_->last_change(), 8);

  auto changes = store_->changes_since(mark, 100);
  ASSERT_TRUE(changes.ok()) << changes.error().message;
  ASSERT_TRUE(changes->has_value());
  const auto& list = **changes;
  ASSERT_EQ(list.size(), 3u);  // each item once, ordered by its latest change
  EXPECT_EQ(list[0].key.seq, changed.seq);
  EXPECT_EQ(list[0].key.tenant, "t2");
  EXPECT_EQ(list[0].key.name_space, "b");
  ASSERT_TRUE(list[0].row.has_value());
  EXPECT_EQ(list[0].row->text, "third words");
  EXPECT_EQ(list[1].key.seq, deleted.seq);
  EXPECT_EQ(list[1].key.tenant, "t1");
  EXPECT_FALSE(list[1].row.has_value());
  EXPECT_EQ(list[2].key.seq, added.seq);
  EXPECT_EQ(list[2].row->text, "latecomer");
  EXPECT_FALSE(store_->changes_since(mark, 2)->has_value());  // over the limit
  EXPECT_TRUE(store_->changes_since(8, 2)->value().empty());
  EXPECT_EQ(kept.seq, 1);
}

// Searches bump access counts all the time; only a promotion changes what a
// snapshot holds.
TEST_F(ItemStoreTest, RetrievalCountsAreNotLoggedButPromotionsAre) {
  auto short_term = insert_one(item("a", "t1", "default", Level::ShortTerm));
  const int64_t mark = *store_->last_change();
  const PromotionPolicy policy{3, std::nullopt};
  ASSERT_TRUE(store_->record_access({AccessDelta{short_term.seq, 1, now_unix_ms(), true}}, policy).ok());
  EXPECT_EQ(*store_->last_change(), mark);
  ASSERT_TRUE(store_->record_access({AccessDelta{short_term.seq, 2, now_unix_ms(), true}}, policy).ok());
  EXPECT_EQ(*store_->last_change(), mark + 1);  // the third hit promoted it to LongTerm
  EXPECT_EQ(store_->changes_since(mark, 10)->value().at(0).row->level, Level::LongTerm);
}

// SQLite hands the largest rowid out again once it is deleted; the log must
// still say that the seq left its first namespace.
TEST_F(ItemStoreTest, ASeqReusedInAnotherNamespaceIsAChangeInBoth) {
  auto first = insert_one(item("in a", "t1", "a"));
  const int64_t mark = *store_->last_change();
  ASSERT_TRUE(store_->remove("t1", first.id)->has_value());
  auto second = insert_one(item("in b", "t1", "b"));
  ASSERT_EQ(second.seq, first.seq);
  auto changes = store_->changes_since(mark, 100);
  ASSERT_TRUE(changes.ok() && changes->has_value());
  ASSERT_EQ((*changes)->size(), 2u);
  EXPECT_EQ((**changes)[0].key.name_space, "a");
  EXPECT_FALSE((**changes)[0].row.has_value());  // the row with that seq now belongs to b
  EXPECT_EQ((**changes)[1].key.name_space, "b");
  ASSERT_TRUE((**changes)[1].row.has_value());
  EXPECT_EQ((**changes)[1].row->text, "in b");
}

TEST_F(ItemStoreTest, ForgettingChangesPrunesTheLogAndRecordsTheMarkButNumbersGoOn) {
  insert_one(item("one"));
  insert_one(item("two"));
  ASSERT_TRUE(store_->forget_changes(2, "index_snapshot", "2 abc").ok());
  EXPECT_EQ(store_->get_meta("index_snapshot")->value(), "2 abc");
  EXPECT_EQ(*store_->last_change(), 2);  // the log is empty, the number is not reset
  EXPECT_TRUE(store_->changes_since(0, 100)->value().empty());
  insert_one(item("three"));
  EXPECT_EQ(*store_->last_change(), 3);
  EXPECT_EQ(store_->changes_since(0, 100)->value().size(), 1u);
}

// SQLite's automatic checkpoint (every 1000 WAL pages, about 4 MiB) must copy the
// committed pages back into the database: a statement left open through COMMIT
// once kept it from doing so, and the WAL grew by everything ever written.
TEST_F(ItemStoreTest, TheWriteAheadLogIsCheckpointedAsWritesGoOn) {
  const std::string text(2000, 'x');
  for (int batch = 0; batch < 50; ++batch) {  // about 10 MiB of rows
    std::vector<MemoryItem> items;
    for (int i = 0; i < 100; ++i) items.push_back(item(text + std::to_string(i)));
    ASSERT_TRUE(store_->insert(items, InsertPolicy{}).ok());
  }
  const auto database = std::filesystem::file_size(dir_.path() + "/hirag.db");
  const auto wal = std::filesystem::file_size(dir_.path() + "/hirag.db-wal");
  EXPECT_GT(database, 5u << 20) << "pages written: the database file holds them, not only the WAL";
  EXPECT_LT(wal, 8u << 20) << "the WAL is reused after each checkpoint";
}

}  // namespace
}  // namespace hirag::store
