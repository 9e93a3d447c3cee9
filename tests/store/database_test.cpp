// store/sqlite/database: the connection-level helpers. RelaxedSync lowers
// PRAGMA synchronous only while it lives, so the writes around it keep their
// configured durability.
#include <gtest/gtest.h>

#include "core/config.hpp"
#include "store/data_dir.hpp"
#include "store/sqlite/database.hpp"
#include "support/server_process.hpp"

namespace hirag::store::sqlite {
namespace {

int64_t synchronous(Database& db) {
  auto stmt = db.prepare("PRAGMA synchronous");
  EXPECT_TRUE(stmt.ok() && stmt->step());
  return stmt.ok() ? stmt->column_int(0) : -1;
}

TEST(DatabaseTest, RelaxedSyncLowersSynchronousOnlyWhileItLives) {
  testing::TempDir dir;
  Config config;
  const auto path = prepare_database_path(dir.path());
  ASSERT_TRUE(path.ok());
  auto db = Database::open(*path, database_options(config.storage));
  ASSERT_TRUE(db.ok()) << db.error().message;
  ASSERT_EQ(synchronous(**db), 2) << "FULL by default";
  {
    RelaxedSync relaxed(**db);
    EXPECT_EQ(synchronous(**db), 1) << "NORMAL";
    Transaction tx(**db);
    ASSERT_TRUE(tx.begin_status().ok());
    ASSERT_TRUE((*db)->exec("INSERT INTO meta(key, value) VALUES ('k', 'v')").ok());
    ASSERT_TRUE(tx.commit().ok());
  }
  EXPECT_EQ(synchronous(**db), 2) << "FULL again";
}

}  // namespace
}  // namespace hirag::store::sqlite
