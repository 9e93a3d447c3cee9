// Tenant isolation over HTTP: with two API keys, one tenant can neither list,
// search, read, update, delete nor clear the other's items — on every endpoint.
#include <gtest/gtest.h>

#include "support/server_process.hpp"

namespace hirag::testing {
namespace {

TEST(ContextsIsolation, ATenantCannotReachAnotherTenantsItems) {
  TempDir dir;
  const std::string key_a = create_api_key(dir.path(), "alpha");
  const std::string key_b = create_api_key(dir.path(), "bravo");
  ServerProcess server(without_rate_limit(dir.path()));
  auto a = server.client();
  a.set_bearer(key_a);
  auto b = server.client();
  b.set_bearer(key_b);

  auto stored = a.post("/api/v1/contexts", R"({"text": "alpha's vault code is 7741", "level": "LongTerm",
                                             "namespace": "shared-name"})");
  ASSERT_EQ(stored.status, 201) << stored.body;
  const std::string id(stored.json().at("id").as_string());
  ASSERT_EQ(a.post("/api/v1/contexts/batch", R"({"items": [{"text": "alpha batch vault note", "namespace": "shared-name"}]})")
                .status,
            201);

  auto search = b.post("/api/v1/contexts/search", R"({"query": "vault code", "namespace": "shared-name", "top_k": 50})");
  ASSERT_EQ(search.status, 200);
  EXPECT_TRUE(search.json().at("contexts").as_array().empty()) << search.body;
  auto listed = b.get("/api/v1/contexts?namespace=shared-name");
  ASSERT_EQ(listed.status, 200);
  EXPECT_TRUE(listed.json().at("contexts").as_array().empty());
  EXPECT_EQ(b.get("/api/v1/contexts/" + id).status, 404);
  EXPECT_EQ(b.patch("/api/v1/contexts/" + id, R"({"text": "overwritten"})").status, 404);
  EXPECT_EQ(b.del("/api/v1/contexts/" + id).status, 404);
  EXPECT_EQ(b.post("/api/v1/contexts/delete", R"({"id": ")" + id + "\"}").status, 404);
  auto cleared = b.post("/api/v1/contexts/clear", R"({"level": "LongTerm", "namespace": "shared-name"})");
  ASSERT_EQ(cleared.status, 200);
  EXPECT_EQ(cleared.json().at("deleted").as_int64(), 0);

  auto mine = a.get("/api/v1/contexts/" + id);
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.json().at("text").as_string(), "alpha's vault code is 7741");
  auto own_search = a.post("/api/v1/contexts/search", R"({"query": "vault code", "namespace": "shared-name"})");
  EXPECT_EQ(own_search.json().at("contexts").as_array().size(), 2u);
  auto own_list = a.get("/api/v1/contexts?namespace=shared-name");
  EXPECT_EQ(own_list.json().at("contexts").as_array().size(), 2u);
}

}  // namespace
}  // namespace hirag::testing
