// mcp/origin_policy: which Origin headers may call /mcp (DNS-rebinding guard).
#include "mcp/origin_policy.hpp"

#include <gtest/gtest.h>

namespace hirag::mcp {
namespace {

TEST(OriginPolicy, NoOriginAndLoopbackOriginsPass) {
  const OriginPolicy policy("");
  EXPECT_TRUE(policy.allows(std::nullopt));
  EXPECT_TRUE(policy.allows("http://localhost:3000"));
  EXPECT_TRUE(policy.allows("http://127.0.0.1:8081"));
  EXPECT_TRUE(policy.allows("http://127.1.2.3"));
  EXPECT_TRUE(policy.allows("http://[::1]:6274"));
}

TEST(OriginPolicy, OtherOriginsAreRefusedUnlessListed) {
  const OriginPolicy policy(" https://App.example.com/ , http://b.example:8080");
  EXPECT_TRUE(policy.allows("https://app.example.com"));
  EXPECT_TRUE(policy.allows("http://b.example:8080"));
  EXPECT_FALSE(policy.allows("http://b.example:8081"));
  EXPECT_FALSE(policy.allows("https://evil.example"));
  EXPECT_FALSE(policy.allows("null"));
  EXPECT_FALSE(policy.allows(""));
}

TEST(OriginPolicy, NamesThatOnlyLookLoopbackAreRefused) {
  const OriginPolicy policy("");
  EXPECT_FALSE(policy.allows("http://127.evil.example"));
  EXPECT_FALSE(policy.allows("http://localhost.evil.example"));
  EXPECT_FALSE(policy.allows("http://127.0.0.1.nip.io"));
}

}  // namespace
}  // namespace hirag::mcp
