// mcp/session_registry: sessions end when idle, when evicted as least recently
// used, or on request, and are invisible to other tenants.
#include "mcp/session_registry.hpp"

#include <gtest/gtest.h>

namespace hirag::mcp {
namespace {

class SessionRegistryTest : public ::testing::Test {
 protected:
  int64_t now_ = 1000;
  SessionRegistry sessions_{/*idle_ms=*/500, /*max_sessions=*/2, [this] { return now_; }};
};

TEST_F(SessionRegistryTest, CreatedSessionIsFoundWithItsVersionByItsTenantOnly) {
  const std::string id = sessions_.create("a", "2025-06-18");
  EXPECT_EQ(id.size(), 32u);
  EXPECT_NE(sessions_.create("a", "2025-06-18"), id);
  auto found = sessions_.use(id, "a");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->protocol_version, "2025-06-18");
  EXPECT_FALSE(sessions_.use(id, "b"));
  EXPECT_FALSE(sessions_.end(id, "b"));
  EXPECT_TRUE(sessions_.use(id, "a"));
}

TEST_F(SessionRegistryTest, IdleSessionExpiresButUseKeepsItAlive) {
  const std::string kept = sessions_.create("a", "v");
  const std::string idle = sessions_.create("a", "v");
  now_ += 400;
  EXPECT_TRUE(sessions_.use(kept, "a"));
  now_ += 400;  // idle: 800 ms unused; kept: 400 ms
  EXPECT_FALSE(sessions_.use(idle, "a"));
  EXPECT_TRUE(sessions_.use(kept, "a"));
}

TEST_F(SessionRegistryTest, FullRegistryEndsTheLeastRecentlyUsed) {
  const std::string first = sessions_.create("a", "v");
  now_ += 10;
  const std::string second = sessions_.create("a", "v");
  now_ += 10;
  EXPECT_TRUE(sessions_.use(first, "a"));  // second is now the least recently used
  now_ += 10;
  const std::string third = sessions_.create("a", "v");
  EXPECT_TRUE(sessions_.use(first, "a"));
  EXPECT_FALSE(sessions_.use(second, "a"));
  EXPECT_TRUE(sessions_.use(third, "a"));
}

TEST_F(SessionRegistryTest, EndedSessionIsGone) {
  const std::string id = sessions_.create("a", "v");
  EXPECT_TRUE(sessions_.end(id, "a"));
  EXPECT_FALSE(sessions_.use(id, "a"));
  EXPECT_FALSE(sessions_.end(id, "a"));
}

}  // namespace
}  // namespace hirag::mcp
