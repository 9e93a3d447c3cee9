// The SQLite fact store: a failed unit of work leaves nothing behind, reads see
// only their tenant and namespace, and the schema keeps one current fact per hash.
#include "store/sqlite/sqlite_fact_store.hpp"

#include <gtest/gtest.h>

#include "store/data_dir.hpp"
#include "support/server_process.hpp"

namespace hirag::store {
namespace {

FactRecord record(std::string id, std::string tenant, std::string hash) {
  FactRecord fact;
  fact.id = std::move(id);
  fact.tenant = std::move(tenant);
  fact.name_space = "default";
  fact.subject = fact.subject_key = "s";
  fact.predicate = fact.predicate_key = "p";
  fact.object = fact.object_key = "o";
  fact.hash = std::move(hash);
  fact.key_hash = "k";
  fact.anchors = {FactAnchor{"doc", 2, std::nullopt, "vt", "a.cpp:3"}};
  return fact;
}

class SqliteFactStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto path = prepare_database_path(dir_.path());
    ASSERT_TRUE(path.ok());
    auto opened = sqlite::SqliteFactStore::open(*path, database_options(StorageConfig{}), 2);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
  }
  int64_t count(const std::string& tenant) {
    FactQuery query;
    query.tenant = tenant;
    query.name_space = "default";
    query.include_invalidated = true;
    auto page = store_->query(query);
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->total : -1;
  }

  hirag::testing::TempDir dir_;
  std::unique_ptr<sqlite::SqliteFactStore> store_;
};

TEST_F(SqliteFactStoreTest, AFailedUnitOfWorkCommitsNothing) {
  auto status = store_->write([](FactTransaction& tx) -> Status {
    auto first = record("id-1", "t", "h1");
    if (auto inserted = tx.insert(first); !inserted) return inserted;
    return Error::validation("the second fact is bad");
  });
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(count("t"), 0);
}

TEST_F(SqliteFactStoreTest, OneCurrentFactPerHashButClosedVersionsMayRepeatIt) {
  ASSERT_TRUE(store_->write([](FactTransaction& tx) {
    auto fact = record("id-1", "t", "h1");
    return tx.insert(fact);
  }).ok());
  EXPECT_FALSE(store_->write([](FactTransaction& tx) {
    auto fact = record("id-2", "t", "h1");
    return tx.insert(fact);
  }).ok()) << "the unique index refuses a second current fact with one hash";
  ASSERT_TRUE(store_->write([](FactTransaction& tx) -> Status {
    auto current = tx.current_by_hash("t", "default", "h1");
    if (!current || !current->has_value()) return Error::internal("not found");
    (*current)->invalidated_at_ms = 5;
    if (auto status = tx.update(**current); !status) return status;
    auto again = record("id-2", "t", "h1");
    return tx.insert(again);
  }).ok());
  EXPECT_EQ(count("t"), 2);
}

TEST_F(SqliteFactStoreTest, ReadsAreScopedAndAnchorsRoundTrip) {
  ASSERT_TRUE(store_->write([](FactTransaction& tx) {
    auto fact = record("id-1", "t", "h1");
    return tx.insert(fact);
  }).ok());
  EXPECT_EQ(count("other"), 0);
  auto other = store_->get("other", "default", "id-1");
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(other->has_value());
  auto wrong_namespace = store_->get("t", "elsewhere", "id-1");
  ASSERT_TRUE(wrong_namespace.ok());
  EXPECT_FALSE(wrong_namespace->has_value());
  auto mine = store_->get("t", "default", "id-1");
  ASSERT_TRUE(mine.ok() && mine->has_value());
  ASSERT_EQ((*mine)->anchors.size(), 1u);
  EXPECT_EQ((*mine)->anchors[0], (FactAnchor{"doc", 2, std::nullopt, "vt", "a.cpp:3"}));
  auto removed = store_->remove("other", "default", "id-1");
  ASSERT_TRUE(removed.ok());
  EXPECT_FALSE(removed->has_value());
  EXPECT_EQ(count("t"), 1);
}

}  // namespace
}  // namespace hirag::store
