#include "core/uuid.hpp"

#include <gtest/gtest.h>

#include <set>

namespace hirag {
namespace {

TEST(UuidTest, V7IsCanonicalVersionedAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const auto id = new_uuid_v7();
    ASSERT_EQ(id.size(), 36u);
    EXPECT_EQ(id[14], '7');
    EXPECT_TRUE(id[19] == '8' || id[19] == '9' || id[19] == 'a' || id[19] == 'b');
    EXPECT_EQ(parse_uuid(id), id);
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(UuidTest, V7SortsByCreationTime) {
  const auto a = new_uuid_v7();
  const auto b = new_uuid_v7();
  EXPECT_LE(a.substr(0, 13), b.substr(0, 13));
}

TEST(UuidTest, ParseNormalisesCaseAndRejectsOtherShapes) {
  EXPECT_EQ(parse_uuid("0190A7E2-3C4D-7E5F-8A6B-1C2D3E4F5A6B"), "0190a7e2-3c4d-7e5f-8a6b-1c2d3e4f5a6b");
  EXPECT_FALSE(parse_uuid("not-a-uuid").has_value());
  EXPECT_FALSE(parse_uuid("0190a7e2c3c4d-7e5f-8a6b-1c2d3e4f5a6b").has_value());
  EXPECT_FALSE(parse_uuid("0190a7e2-3c4d-7e5f-8a6b-1c2d3e4f5a6g").has_value());
  EXPECT_FALSE(parse_uuid("").has_value());
}

}  // namespace
}  // namespace hirag
