// store/disk_reserve: the reserve against the real filesystem of a temp dir.
#include "store/disk_reserve.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace hirag::store {
namespace {

TEST(DiskReserve, ReadsTheFreeSpaceOfTheDataDir) {
  const auto dir = std::filesystem::temp_directory_path().string();
  DiskReserve reserve(dir, 0);
  const auto free = reserve.free_bytes();
  ASSERT_TRUE(free.has_value());
  EXPECT_EQ(*free, std::filesystem::space(dir).available);
}

TEST(DiskReserve, WritesAreRefusedWith507OnlyBelowTheReserve) {
  const auto dir = std::filesystem::temp_directory_path().string();
  EXPECT_TRUE(DiskReserve(dir, 0).check_room_for_writes().ok());
  EXPECT_FALSE(DiskReserve(dir, 0).shortage().has_value());

  DiskReserve impossible(dir, uint64_t{1} << 62);  // more than any disk here
  const auto refused = impossible.check_room_for_writes();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::StorageFull);
  EXPECT_EQ(error_http_status(refused.error().code), 507);
  EXPECT_NE(refused.error().message.find("storage.min_free_bytes"), std::string::npos);
  EXPECT_TRUE(impossible.shortage().has_value());
}

TEST(DiskReserve, AMissingDataDirDoesNotBlockWrites) {
  // SQLite's own SQLITE_FULL still guards; the reserve only refuses what it can measure.
  EXPECT_TRUE(DiskReserve("/nonexistent/hirag-data", uint64_t{1} << 62).check_room_for_writes().ok());
}

}  // namespace
}  // namespace hirag::store
