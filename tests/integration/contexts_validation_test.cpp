// Bad input to /api/v1/contexts* over HTTP: every case is a 4xx envelope naming
// the field, and nothing is stored.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <regex>

#include "support/server_process.hpp"

namespace hirag::testing {
namespace {

struct BadCase {
  std::string path;
  std::string body;
  std::string field;
};

class ContextsValidationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ServerProcess(without_rate_limit()); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ServerProcess* server_;
};
ServerProcess* ContextsValidationTest::server_ = nullptr;

TEST_F(ContextsValidationTest, EachBadInputIsA400NamingTheField) {
  auto http = server_->client();
  const std::string deep = R"({"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":1}}}}}}}}})";
  const std::vector<BadCase> cases = {
      {"/api/v1/contexts", R"({"text": ""})", "text"},
      {"/api/v1/contexts", R"({"text": "   \n  "})", "text"},
      {"/api/v1/contexts", R"({"text": ")" + std::string(33 * 1024, 'a') + R"("})", "text"},
      {"/api/v1/contexts", R"({"text": "x", "level": "Forever"})", "level"},
      {"/api/v1/contexts", R"({"text": "x", "metadata": [1]})", "metadata"},
      {"/api/v1/contexts", R"({"text": "x", "metadata": {"k": ")" + std::string(17 * 1024, 'v') + R"("}})", "metadata"},
      {"/api/v1/contexts", R"({"text": "x", "metadata": )" + deep + "}", ""},
      {"/api/v1/contexts", R"({"text": "x", "metadata": {"score": 1e999}})", "metadata.score"},
      {"/api/v1/contexts", R"({"text": "x", "metadata": {"a": {"b": [1, -1e400]}}})", "metadata.a.b"},
      {"/api/v1/contexts/batch", R"({"items": [{"text": "x", "metadata": {"n": 1e999}}]})", "items[0].metadata.n"},
      {"/api/v1/contexts", R"({"text": "x", "created_at": "yesterday"})", "created_at"},
      {"/api/v1/contexts", R"({"text": "x", "namespace": "no spaces"})", "namespace"},
      {"/api/v1/contexts", R"({"text": "x", "colour": "red"})", "colour"},
      {"/api/v1/contexts", R"({"txt": "x"})", "text"},
      {"/api/v1/contexts/batch", R"({"items": [{"text": "fine"}, {"text": ""}]})", "items[1].text"},
      {"/api/v1/contexts/batch", R"({"items": [{"text": "fine"}, {"text": "x", "level": "L9"}]})", "items[1].level"},
      {"/api/v1/contexts/batch", R"({"items": []})", "items"},
      {"/api/v1/contexts/search", R"({"query": "x", "top_k": 0})", "top_k"},
      {"/api/v1/contexts/search", R"({"query": "x", "top_k": 1001})", "top_k"},
      {"/api/v1/contexts/search", R"({"query": "x", "max_tokens": 0})", "max_tokens"},
      {"/api/v1/contexts/search", R"({"query": "x", "max_tokens": 1000000000})", "max_tokens"},
      {"/api/v1/contexts/search", R"({"query": ""})", "query"},
      {"/api/v1/contexts/search", R"({"query": "x", "levels": ["Soon"]})", "levels"},
      {"/api/v1/contexts/delete", R"({"id": "not-a-uuid"})", "id"},
      {"/api/v1/contexts/clear", R"("Sometime")", "level"},
  };
  for (const auto& c : cases) {
    auto response = http.post(c.path, c.body);
    ASSERT_GE(response.status, 400) << c.path << " " << c.body.substr(0, 80);
    ASSERT_LT(response.status, 500) << response.body;
    auto body = response.json().as_object();
    EXPECT_EQ(body.at("code").as_string(), "VALIDATION_ERROR") << response.body;
    if (!c.field.empty()) {
      EXPECT_EQ(body.at("details").at("field").as_string(), c.field) << response.body;
    }
  }
  auto level_error = http.post("/api/v1/contexts", R"({"text": "x", "level": "Forever"})").json();
  const std::string message(level_error.at("message").as_string());
  for (const char* level : {"Immediate", "ShortTerm", "LongTerm"}) EXPECT_NE(message.find(level), std::string::npos);
  EXPECT_EQ(http.get("/api/v1/contexts/not-a-uuid").status, 400);
  auto listed = http.get("/api/v1/contexts").json();
  EXPECT_TRUE(listed.at("contexts").as_array().empty()) << "a rejected request stored something";
}

TEST_F(ContextsValidationTest, UnknownIdsAre404) {
  auto http = server_->client();
  const std::string id = "018f0000-0000-7000-8000-000000000000";
  EXPECT_EQ(http.get("/api/v1/contexts/" + id).status, 404);
  EXPECT_EQ(http.del("/api/v1/contexts/" + id).status, 404);
  EXPECT_EQ(http.patch("/api/v1/contexts/" + id, R"({"metadata": {"a": 1}})").status, 404);
  EXPECT_EQ(http.post("/api/v1/contexts/delete", R"({"id": ")" + id + "\"}").status, 404);
}

TEST_F(ContextsValidationTest, SeedShapesRoundTrip) {
  auto http = server_->client();
  auto stored = http.post("/api/v1/contexts", R"({"text": "the seed stores a sunrise painting", "level": "LongTerm",
                                                "metadata": {"topic": "art"}})");
  ASSERT_EQ(stored.status, 201) << stored.body;
  const std::string id(stored.json().at("id").as_string());
  auto found = http.post("/api/v1/contexts/search", R"({"query": "sunrise painting", "max_tokens": 500})");
  ASSERT_EQ(found.status, 200) << found.body;
  auto body = found.json().as_object();
  const auto& first = body.at("contexts").as_array().at(0).as_object();
  EXPECT_EQ(first.at("id").as_string(), id);
  for (const char* key : {"text", "level", "relevance_score", "token_count", "timestamp", "metadata"}) {
    EXPECT_TRUE(first.contains(key)) << key;
  }
  for (const char* key : {"total_tokens", "retrieval_time_ms", "metadata"}) EXPECT_TRUE(body.contains(key)) << key;
  // Scores as 0.84, not Boost.JSON's 8.4E-1.
  EXPECT_FALSE(std::regex_search(found.body, std::regex("[0-9]E[-+0-9]"))) << found.body;
  for (const char* key : {"level_distribution", "avg_relevance", "cache_hits", "total_searched"}) {
    EXPECT_TRUE(body.at("metadata").as_object().contains(key)) << key;
  }
  EXPECT_EQ(http.post("/api/v1/contexts/clear", R"("LongTerm")").status, 200);
  EXPECT_EQ(http.get("/api/v1/contexts/" + id).status, 404);
}

// A number out of a double's range (1e999) parses to infinity, which JSON cannot
// write back: a PATCH with one is refused and the stored metadata stays as it was
// (it was once stored, then read back as {}).
TEST_F(ContextsValidationTest, APatchWithAnInfiniteNumberChangesNothing) {
  auto http = server_->client();
  auto stored = http.post("/api/v1/contexts", R"({"text": "metadata kept", "metadata": {"keep": 0.5}})");
  ASSERT_EQ(stored.status, 201) << stored.body;
  const std::string id(stored.json().at("id").as_string());
  auto patched = http.patch("/api/v1/contexts/" + id, R"({"metadata": {"bad": 1e999}})");
  EXPECT_EQ(patched.status, 400) << patched.body;
  EXPECT_EQ(patched.json().at("details").at("field").as_string(), "metadata.bad") << patched.body;
  auto read = http.get("/api/v1/contexts/" + id);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json().at("metadata"), boost::json::parse(R"({"keep": 0.5})")) << read.body;
  EXPECT_LT(http.del("/api/v1/contexts/" + id).status, 300);
}

}  // namespace
}  // namespace hirag::testing
