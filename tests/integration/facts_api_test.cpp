// The facts API over HTTP on the real binary: insert (dedup, contradiction),
// batch, query with paging and as_of, read, history, delete, and the metrics.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/server_process.hpp"

namespace hirag::testing {
namespace {

class FactsApi : public ::testing::Test {
 protected:
  std::string insert(const std::string& body, long expected = 201) {
    auto response = http_.post("/api/v1/facts", body);
    EXPECT_EQ(response.status, expected) << response.body;
    if (response.status >= 300) return "";
    return std::string(response.json().at("fact_id").as_string());
  }
  boost::json::object query(const std::string& filters) {
    auto response = http_.post("/api/v1/facts/query", R"({"query": )" + filters + "}");
    EXPECT_EQ(response.status, 200) << response.body;
    return response.status == 200 ? response.json().as_object() : boost::json::object{};
  }

  ServerProcess server_{without_rate_limit()};
  HttpClient http_ = server_.client();
};

TEST_F(FactsApi, InsertReadAndDedup) {
  auto first = http_.post("/api/v1/facts", R"({"subject": "Alice", "predicate": "works_at", "object": "Acme",
      "datatype": "entity", "confidence": 0.9, "source_anchor": {"doc_id": "hr.pdf", "page": 3, "region_id": "r1",
      "vt_ref": "vt:4", "path_line": "org.md:12"}, "valid_from": "2024-01-01T00:00:00Z"})");
  ASSERT_EQ(first.status, 201) << first.body;
  const auto created = first.json();
  EXPECT_FALSE(created.at("duplicate").as_bool());
  const std::string id(created.at("fact_id").as_string());
  EXPECT_EQ(created.at("hash").as_string().size(), 64u);

  auto again = http_.post("/api/v1/facts", R"({"subject": "alice", "predicate": "WORKS_AT", "object": " acme ",
      "confidence": 0.95, "source_anchor": {"doc_id": "mail.eml"}})");
  ASSERT_EQ(again.status, 200) << again.body;
  const auto duplicate = again.json();
  EXPECT_TRUE(duplicate.at("duplicate").as_bool());
  EXPECT_EQ(duplicate.at("fact_id").as_string(), id);
  EXPECT_EQ(duplicate.at("observations").as_int64(), 2);

  auto read = http_.get("/api/v1/facts/" + id);
  ASSERT_EQ(read.status, 200);
  const auto fact = read.json();
  EXPECT_EQ(fact.at("subject").as_string(), "Alice");
  EXPECT_EQ(fact.at("datatype").as_string(), "entity");
  EXPECT_DOUBLE_EQ(fact.at("confidence").as_double(), 0.95);
  EXPECT_EQ(fact.at("source_doc").as_string(), "hr.pdf");
  EXPECT_EQ(fact.at("valid_from").as_string(), "2024-01-01T00:00:00.000Z");
  const auto anchors = fact.at("anchors").as_array();
  ASSERT_EQ(anchors.size(), 2u);
  EXPECT_EQ(anchors[0].at("page").as_int64(), 3);
  EXPECT_EQ(anchors[0].at("path_line").as_string(), "org.md:12");
  EXPECT_EQ(fact.at("source_anchor").at("doc_id").as_string(), "mail.eml");

  auto metrics = http_.get("/metrics");
  EXPECT_NE(metrics.body.find("facts_insert_requests_total{status=\"success\"} 2"), std::string::npos);
  EXPECT_NE(metrics.body.find("facts_duplicates_total 1"), std::string::npos);
}

TEST_F(FactsApi, CardinalityOneClosesThePreviousFactAndKeepsHistory) {
  const auto old_id = insert(R"({"subject": "Bob", "predicate": "lives_in", "object": "Paris",
      "valid_from": "2020-01-01T00:00:00Z", "cardinality": "one"})");
  auto moved = http_.post("/api/v1/facts", R"({"subject": "Bob", "predicate": "lives_in", "object": "Berlin",
      "valid_from": "2023-06-01T00:00:00Z", "cardinality": "one"})");
  ASSERT_EQ(moved.status, 201) << moved.body;
  const auto body = moved.json();
  ASSERT_EQ(body.at("invalidated").as_array().size(), 1u);
  EXPECT_EQ(body.at("invalidated").as_array()[0].as_string(), old_id);
  const std::string new_id(body.at("fact_id").as_string());

  auto now = query(R"({"subject": "bob", "predicate": "lives_in"})");
  ASSERT_EQ(now.at("total").as_int64(), 1);
  EXPECT_EQ(now.at("facts").as_array()[0].at("object").as_string(), "Berlin");
  auto then = query(R"({"subject": "bob", "as_of": "2021-03-01T00:00:00Z"})");
  ASSERT_EQ(then.at("total").as_int64(), 1);
  EXPECT_EQ(then.at("facts").as_array()[0].at("object").as_string(), "Paris");
  EXPECT_EQ(query(R"({"include_invalidated": true})").at("total").as_int64(), 2);

  auto old = http_.get("/api/v1/facts/" + old_id).json();
  EXPECT_EQ(old.at("valid_to").as_string(), "2023-06-01T00:00:00.000Z");
  EXPECT_TRUE(old.at("invalidated_at").is_string());
  auto history = http_.get("/api/v1/facts/" + new_id + "/history");
  ASSERT_EQ(history.status, 200);
  const auto versions = history.json().at("facts").as_array();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].at("object").as_string(), "Paris");
  EXPECT_EQ(versions[1].at("object").as_string(), "Berlin");
}

TEST_F(FactsApi, BatchQueryPagingAndDelete) {
  boost::json::array facts;
  for (int i = 0; i < 7; ++i) {
    facts.push_back({{"subject", "Carol"}, {"predicate", "visited"}, {"object", "city " + std::to_string(i)},
                     {"confidence", i < 4 ? 0.85 : 1.0}, {"source_doc", i % 2 == 0 ? "even.md" : "odd.md"}});
  }
  auto batch = http_.post_json("/api/v1/facts/batch", boost::json::object{{"facts", facts}});
  ASSERT_EQ(batch.status, 201) << batch.body;
  EXPECT_EQ(batch.json().at("results").as_array().size(), 7u);

  std::vector<std::string> objects;
  std::string cursor_field;
  for (int page = 0; page < 5; ++page) {
    auto body = query(R"({"subject": "carol", "limit": 3)" + cursor_field + "}");
    EXPECT_EQ(body.at("total").as_int64(), 7);
    for (const auto& fact : body.at("facts").as_array()) objects.emplace_back(fact.at("object").as_string());
    if (body.at("next_cursor").is_null()) break;
    cursor_field = R"(, "cursor": ")" + std::string(body.at("next_cursor").as_string()) + "\"";
  }
  ASSERT_EQ(objects.size(), 7u);
  for (int i = 0; i < 7; ++i) EXPECT_EQ(objects[i], "city " + std::to_string(i)) << "stable insertion order";
  EXPECT_EQ(query(R"({"min_confidence": 0.9})").at("total").as_int64(), 3);
  EXPECT_EQ(query(R"({"source_doc": "even.md"})").at("total").as_int64(), 4);

  const auto first = query(R"({"object": "city 0"})").at("facts").as_array()[0];
  const std::string id(first.at("id").as_string());
  EXPECT_EQ(http_.del("/api/v1/facts/" + id).status, 200);
  EXPECT_EQ(http_.get("/api/v1/facts/" + id).status, 404);
  EXPECT_EQ(http_.del("/api/v1/facts/" + id).status, 404);
  EXPECT_EQ(query("{}").at("total").as_int64(), 6);
}

TEST_F(FactsApi, NamespacesSeparateFacts) {
  const auto id = insert(R"({"subject": "Dan", "predicate": "likes", "object": "tea", "namespace": "agent-1"})");
  EXPECT_FALSE(insert(R"({"subject": "Dan", "predicate": "likes", "object": "tea", "namespace": "agent-2"})").empty());
  EXPECT_EQ(query(R"({"namespace": "agent-1"})").at("total").as_int64(), 1);
  EXPECT_EQ(query("{}").at("total").as_int64(), 0);
  EXPECT_EQ(http_.get("/api/v1/facts/" + id).status, 404) << "the default namespace does not hold it";
  EXPECT_EQ(http_.get("/api/v1/facts/" + id + "?namespace=agent-1").status, 200);
}

TEST_F(FactsApi, SearchFindsFactsWithoutExactTriples) {
  insert(R"({"subject": "Alice", "predicate": "works_at", "object": "Acme Corporation"})");
  insert(R"({"subject": "Alice", "predicate": "likes", "object": "green tea"})");
  insert(R"({"subject": "Eve", "predicate": "works_at", "object": "Globex", "namespace": "other"})");
  auto found = http_.post("/api/v1/facts/search", R"({"query": "where does alice work", "top_k": 5})");
  ASSERT_EQ(found.status, 200) << found.body;
  const auto facts = found.json().at("facts").as_array();
  ASSERT_FALSE(facts.empty());
  EXPECT_EQ(facts[0].at("object").as_string(), "Acme Corporation");
  EXPECT_GT(facts[0].at("score").as_double(), 0.0);
  for (const auto& fact : facts) EXPECT_NE(fact.at("subject").as_string(), "Eve") << "another namespace";
  auto bad = http_.post("/api/v1/facts/search", R"({"query": "  "})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json().at("details").at("field").as_string(), "query");
}

TEST_F(FactsApi, ContextBuildCarriesTheRelevantFactsInItsSlot) {
  insert(R"({"subject": "Alice", "predicate": "works_at", "object": "Initech", "cardinality": "one",
             "valid_from": "2019-01-01T00:00:00Z"})");
  insert(R"({"subject": "Alice", "predicate": "works_at", "object": "Acme", "cardinality": "one",
             "valid_from": "2024-03-01T00:00:00Z"})");
  insert(R"({"subject": "Zed", "predicate": "owns", "object": "a boat"})");
  auto built = http_.post("/api/v1/context/build",
                          R"({"turns": [{"role": "user", "content": "Where does Alice work now?"}]})");
  ASSERT_EQ(built.status, 200) << built.body;
  const auto body = built.json();
  const auto slot = body.at("slots").at("facts");
  const auto items = slot.at("items").as_array();
  ASSERT_EQ(items.size(), 1u) << built.body;
  EXPECT_EQ(items[0].at("line").as_string(), "Alice works_at Acme (since 2024-03-01)");
  EXPECT_GT(slot.at("tokens").to_number<int64_t>(), 0);
  EXPECT_LE(slot.at("tokens").to_number<int64_t>(), slot.at("budget").to_number<int64_t>());
  const auto messages = body.at("messages").as_array();
  ASSERT_GE(messages.size(), 2u);
  EXPECT_EQ(messages[0].at("content").as_string(), "Known facts:\n- Alice works_at Acme (since 2024-03-01)");
  EXPECT_EQ(messages.back().at("content").as_string(), "Where does Alice work now?");

  auto without = http_.post("/api/v1/context/build",
                            R"({"turns": [{"role": "user", "content": "Where does Alice work now?"}],
                                "include_facts": false})");
  ASSERT_EQ(without.status, 200);
  EXPECT_TRUE(without.json().at("slots").at("facts").at("items").as_array().empty());
}

}  // namespace
}  // namespace hirag::testing
