#include "store/sqlite/sqlite_key_store.hpp"

#include <gtest/gtest.h>

#include "support/server_process.hpp"

namespace hirag::store {
namespace {

std::unique_ptr<sqlite::SqliteKeyStore> open_store(const std::string& dir) {
  auto db = sqlite::Database::open(dir + "/hirag.db", {});
  EXPECT_TRUE(db.ok());
  return std::make_unique<sqlite::SqliteKeyStore>(std::move(db).value());
}

TEST(SqliteKeyStoreTest, CreatedKeyIsShownOnceAndStoredAsHash) {
  testing::TempDir dir;
  auto store = open_store(dir.path());
  auto created = store->create("acme");
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(api_key_id(created->plaintext), created->record.id);
  auto listed = store->list();
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].tenant, "acme");
  EXPECT_EQ((*listed)[0].secret_hash, sha256(created->plaintext));
  EXPECT_FALSE((*listed)[0].revoked_at_ms.has_value());
}

TEST(SqliteKeyStoreTest, KeysAreRandom) {
  testing::TempDir dir;
  auto store = open_store(dir.path());
  EXPECT_NE(store->create("a")->plaintext, store->create("a")->plaintext);
}

TEST(SqliteKeyStoreTest, RevokeMarksKeyAndUnknownIdIsNotFound) {
  testing::TempDir dir;
  auto store = open_store(dir.path());
  auto created = store->create("acme");
  ASSERT_TRUE(store->revoke(created->record.id).ok());
  EXPECT_TRUE((*store->list())[0].revoked_at_ms.has_value());
  auto missing = store->revoke("doesnotexist");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
}

TEST(SqliteKeyStoreTest, ChangeTokenMovesWhenAnotherConnectionWrites) {
  testing::TempDir dir;
  auto reader = open_store(dir.path());
  const auto before = reader->change_token();
  auto writer = open_store(dir.path());
  ASSERT_TRUE(writer->create("acme").ok());
  EXPECT_NE(reader->change_token(), before);
}

TEST(SqliteKeyStoreTest, TenantNamesAreValidated) {
  testing::TempDir dir;
  auto store = open_store(dir.path());
  EXPECT_FALSE(store->create("").ok());
  EXPECT_FALSE(store->create("has space").ok());
  EXPECT_FALSE(store->create(std::string(65, 'a')).ok());
  EXPECT_TRUE(store->create("team-1.prod_x").ok());
}

TEST(ApiKeyIdTest, ParsesOnlyTheExpectedShape) {
  EXPECT_EQ(api_key_id("hk_abc_def"), "abc");
  EXPECT_FALSE(api_key_id("hk__def").has_value());
  EXPECT_FALSE(api_key_id("hk_abc_").has_value());
  EXPECT_FALSE(api_key_id("Bearer hk_abc_def").has_value());
  EXPECT_FALSE(api_key_id("default-token").has_value());
}

}  // namespace
}  // namespace hirag::store
