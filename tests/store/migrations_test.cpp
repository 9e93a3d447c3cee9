// Schema migrations on a data dir written by an earlier version: the full-text
// table of schema 2 is dropped (full text moved to memory), access counts move to
// their own table (schema 12), and no row or count is lost; turn names a model
// would refuse are cleared (schema 13). A data dir a newer build migrated is refused.
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "core/uuid.hpp"
#include "store/data_dir.hpp"
#include "store/open_item_store.hpp"
#include "store/sqlite/database.hpp"
#include "support/server_process.hpp"

namespace hirag::store {
namespace {

bool table_exists(sqlite::Database& db, const std::string& name) {
  auto stmt = db.prepare("SELECT 1 FROM sqlite_master WHERE name = ?");
  EXPECT_TRUE(stmt.ok());
  stmt->bind(1, name);
  return stmt->step();
}

class MigrationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_.server.data_dir = dir_.path();
    auto path = prepare_database_path(config_.server.data_dir);
    ASSERT_TRUE(path.ok());
    path_ = *path;
  }
  // Opens the database, which applies every migration this build knows.
  Result<std::unique_ptr<sqlite::Database>> open_database() {
    return sqlite::Database::open(path_, database_options(config_.storage));
  }
  // Leaves the data dir as another build would have: a fully migrated database
  // with `sql` run on it.
  void write_as_another_build(const std::string& sql) {
    auto db = open_database();
    ASSERT_TRUE(db.ok()) << db.error().message;
    ASSERT_TRUE((*db)->exec(sql).ok());
  }

  testing::TempDir dir_;
  Config config_;
  std::string path_;
};

TEST_F(MigrationsTest, ASchemaTwoDataDirLosesItsFtsTableButNoItems) {
  // As schema 2 left it: the FTS table, its triggers, an item.
  write_as_another_build(R"sql(
        DELETE FROM schema_migrations WHERE version = 3;
        CREATE VIRTUAL TABLE memory_fts USING fts5(scope, text, tokenize = 'porter unicode61 remove_diacritics 2');
        CREATE TRIGGER memory_items_fts_insert AFTER INSERT ON memory_items BEGIN
          INSERT INTO memory_fts(rowid, scope, text) VALUES (new.seq, 'ns' || new.scope_id, new.text);
        END;
        CREATE TRIGGER memory_items_fts_delete AFTER DELETE ON memory_items BEGIN
          DELETE FROM memory_fts WHERE rowid = old.seq;
        END;
        CREATE TRIGGER memory_items_fts_update AFTER UPDATE OF text ON memory_items BEGIN
          UPDATE memory_fts SET text = new.text WHERE rowid = new.seq;
        END;
        INSERT INTO memory_scopes(id, tenant, namespace) VALUES (1, 't1', 'default');
        INSERT INTO memory_items(id, scope_id, tenant, namespace, level, text, token_count, created_at, updated_at)
          VALUES ('0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', 1, 't1', 'default', 2, 'kept across upgrades', 4, 1, 1);
      )sql");
  auto reopened = open_database();
  ASSERT_TRUE(reopened.ok()) << reopened.error().message;
  EXPECT_FALSE(table_exists(**reopened, "memory_fts"));
  auto store = open_item_store(config_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto item = (*store)->get("t1", "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");
  ASSERT_TRUE(item.ok());
  ASSERT_TRUE(item->has_value());
  EXPECT_EQ((*item)->text, "kept across upgrades");
}

TEST_F(MigrationsTest, AccessCountsMoveToTheirOwnTableWithTheirValues) {
  // As schema 11 left it: counts in memory_items.
  write_as_another_build(R"sql(
        DELETE FROM schema_migrations WHERE version = 12;
        DROP TRIGGER memory_items_access_delete;
        DROP TABLE memory_access;
        INSERT INTO memory_scopes(id, tenant, namespace) VALUES (1, 't1', 'default');
        INSERT INTO memory_items(id, scope_id, tenant, namespace, level, text, token_count, created_at, updated_at,
                                 access_count, last_accessed_at)
          VALUES ('0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', 1, 't1', 'default', 2, 'often read', 2, 1, 1, 7, 1234),
                 ('0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c', 1, 't1', 'default', 2, 'never read', 2, 1, 1, 0, NULL);
      )sql");
  auto store = open_item_store(config_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto read = (*store)->get("t1", "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ((*read)->access_count, 7);
  EXPECT_EQ((*read)->last_accessed_at_ms, 1234);
  auto never = (*store)->get("t1", "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c");
  ASSERT_TRUE(never.ok() && never->has_value());
  EXPECT_EQ((*never)->access_count, 0);
  EXPECT_FALSE((*never)->last_accessed_at_ms.has_value());
}

TEST_F(MigrationsTest, TurnNamesAModelWouldRefuseAreClearedAndNamedTurnsRecounted) {
  // As schema 12 left it: names were not checked, counts were of the content only.
  write_as_another_build(R"sql(
        DELETE FROM schema_migrations WHERE version = 13;
        INSERT INTO session_turns(tenant, namespace, session_id, seq, role, name, content, token_counts, created_at)
          VALUES ('t1', 'default', 's1', 1, 'user', NULL, 'no name', '{"cl100k_base":2}', 1),
                 ('t1', 'default', 's1', 2, 'user', 'alice_K-9', 'good name', '{"cl100k_base":2}', 1),
                 ('t1', 'default', 's1', 3, 'user', 'has space', 'bad name', '{"cl100k_base":2}', 1),
                 ('t1', 'default', 's1', 4, 'user', printf('%.*c', 65, 'a'), 'long name', '{"cl100k_base":2}', 1),
                 ('t1', 'default', 's1', 5, 'user', CAST(x'61006263' AS TEXT), 'nul in name', '{"cl100k_base":2}', 1),
                 ('t1', 'default', 's1', 6, 'user', '', 'empty name', '{"cl100k_base":2}', 1);
      )sql");
  auto reopened = open_database();
  ASSERT_TRUE(reopened.ok()) << reopened.error().message;
  auto stmt = (*reopened)->prepare("SELECT seq, name, token_counts FROM session_turns ORDER BY seq");
  ASSERT_TRUE(stmt.ok());
  std::vector<std::string> names, counts;
  while (stmt->step()) {
    names.push_back(stmt->column_is_null(1) ? "NULL" : stmt->column_text(1));
    counts.push_back(stmt->column_text(2));
  }
  EXPECT_EQ(names, (std::vector<std::string>{"NULL", "alice_K-9", "NULL", "NULL", "NULL", "NULL"}));
  // Only the named turn's counts are cleared (they lacked the name); the others keep theirs.
  EXPECT_EQ(counts, (std::vector<std::string>{R"({"cl100k_base":2})", "{}", R"({"cl100k_base":2})",
                                              R"({"cl100k_base":2})", R"({"cl100k_base":2})", R"({"cl100k_base":2})"}));
}

TEST_F(MigrationsTest, ADataDirMigratedByANewerBuildIsRefused) {
  write_as_another_build("INSERT INTO schema_migrations(version, name, applied_at) VALUES (999, 'future', 0)");
  auto reopened = open_database();
  ASSERT_FALSE(reopened.ok());
  EXPECT_NE(reopened.error().message.find("migration 999 (future)"), std::string::npos) << reopened.error().message;
  EXPECT_NE(reopened.error().message.find("newer hirag"), std::string::npos);
}

}  // namespace
}  // namespace hirag::store
