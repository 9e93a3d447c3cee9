// Tenant isolation of facts over HTTP: with two API keys, one tenant can neither
// query, search, read, read the history of, delete, dedup against nor contradict
// the other's facts, nor see them in its context builds.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/server_process.hpp"

namespace hirag::testing {
namespace {

TEST(FactsIsolation, ATenantCannotReachAnotherTenantsFacts) {
  TempDir dir;
  const std::string key_a = create_api_key(dir.path(), "alpha");
  const std::string key_b = create_api_key(dir.path(), "bravo");
  ServerProcess server(without_rate_limit(dir.path()));
  auto a = server.client();
  a.set_bearer(key_a);
  auto b = server.client();
  b.set_bearer(key_b);

  auto stored = a.post("/api/v1/facts", R"({"subject": "vault", "predicate": "code", "object": "7741",
                                            "cardinality": "one"})");
  ASSERT_EQ(stored.status, 201) << stored.body;
  const std::string id(stored.json().at("fact_id").as_string());

  auto query = b.post("/api/v1/facts/query", R"({"query": {"subject": "vault", "include_invalidated": true}})");
  ASSERT_EQ(query.status, 200);
  EXPECT_EQ(query.json().at("total").as_int64(), 0) << query.body;
  EXPECT_EQ(b.get("/api/v1/facts/" + id).status, 404);
  EXPECT_EQ(b.get("/api/v1/facts/" + id + "/history").status, 404);
  EXPECT_EQ(b.del("/api/v1/facts/" + id).status, 404);
  auto search = b.post("/api/v1/facts/search", R"({"query": "vault code 7741"})");
  ASSERT_EQ(search.status, 200);
  EXPECT_TRUE(search.json().at("facts").as_array().empty()) << search.body;
  auto build =
      b.post("/api/v1/context/build", R"({"turns": [{"role": "user", "content": "what is the vault code?"}]})");
  ASSERT_EQ(build.status, 200);
  EXPECT_TRUE(build.json().at("slots").at("facts").at("items").as_array().empty()) << build.body;
  // The same triple is new to bravo, and bravo's contradiction closes only its own.
  auto same = b.post("/api/v1/facts", R"({"subject": "vault", "predicate": "code", "object": "7741"})");
  ASSERT_EQ(same.status, 201) << same.body;
  EXPECT_FALSE(same.json().at("duplicate").as_bool());
  auto other = b.post("/api/v1/facts", R"({"subject": "vault", "predicate": "code", "object": "0000",
                                           "cardinality": "one"})");
  ASSERT_EQ(other.status, 201);
  EXPECT_EQ(other.json().at("invalidated").as_array().size(), 1u);

  auto mine = a.get("/api/v1/facts/" + id);
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.json().at("object").as_string(), "7741");
  EXPECT_TRUE(mine.json().at("invalidated_at").is_null()) << "bravo's contradiction did not touch alpha's fact";
  auto own = a.post("/api/v1/facts/query", R"({"query": {"subject": "vault"}})");
  EXPECT_EQ(own.json().at("total").as_int64(), 1);
  auto own_search = a.post("/api/v1/facts/search", R"({"query": "vault code"})");
  ASSERT_EQ(own_search.status, 200);
  ASSERT_EQ(own_search.json().at("facts").as_array().size(), 1u) << own_search.body;
  EXPECT_EQ(own_search.json().at("facts").as_array()[0].at("id").as_string(), id);
}

}  // namespace
}  // namespace hirag::testing
