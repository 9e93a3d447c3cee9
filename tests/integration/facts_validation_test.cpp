// Bad fact input over HTTP: each case answers a 4xx with the error envelope
// naming the field, and stores nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/server_process.hpp"

namespace hirag::testing {
namespace {

struct BadInput {
  const char* path;
  std::string body;
  long status;
  const char* field;
};

std::string batch_of(int count) {
  std::string body = R"({"facts": [)";
  for (int i = 0; i < count; ++i) {
    body += (i ? "," : "") + std::string(R"({"subject": "s", "predicate": "p", "object": "o)") + std::to_string(i) +
            "\"}";
  }
  return body + "]}";
}

TEST(FactsValidation, BadInputIsRefusedWithTheFieldNamedAndNothingStored) {
  ServerProcess server(without_rate_limit());
  auto http = server.client();
  const std::string long_text(1025, 'x');
  const std::vector<BadInput> cases = {
      {"/api/v1/facts", R"({"subject": "", "predicate": "p", "object": "o"})", 400, "subject"},
      {"/api/v1/facts", R"({"subject": "s", "predicate": "   ", "object": "o"})", 400, "predicate"},
      {"/api/v1/facts", R"({"subject": "s", "predicate": "p"})", 400, "object"},
      {"/api/v1/facts", R"({"subject": ")" + long_text + R"(", "predicate": "p", "object": "o"})", 400, "subject"},
      {"/api/v1/facts", R"({"subject": "s", "predicate": "p", "object": "o", "confidence": 1.5})", 400, "confidence"},
      {"/api/v1/facts", R"({"subject": "s", "predicate": "p", "object": "o", "confidence": "high"})", 400,
       "confidence"},
      {"/api/v1/facts",
       R"({"subject": "s", "predicate": "p", "object": "o", "valid_from": "2024-05-01T00:00:00Z",
           "valid_to": "2024-01-01T00:00:00Z"})",
       400, "valid_to"},
      {"/api/v1/facts", R"({"subject": "s", "predicate": "p", "object": "o", "observed_at": "yesterday"})", 400,
       "observed_at"},
      {"/api/v1/facts", R"({"subject": "s", "predicate": "p", "object": "o", "valid_from": "2024-13-01T00:00:00Z"})",
       400, "valid_from"},
      {"/api/v1/facts", R"({"subject": "s", "predicate": "p", "object": "o", "subjet": "typo"})", 400, "subjet"},
      {"/api/v1/facts", R"({"subject": "s", "predicate": "p", "object": "o", "source_anchor": {"pgae": 1}})", 400,
       "source_anchor.pgae"},
      {"/api/v1/facts", R"({"subject": "s", "predicate": "p", "object": "o", "datatype": "number"})", 400, "object"},
      {"/api/v1/facts", R"({"subject": "s", "predicate": "p", "object": "o", "cardinality": "two"})", 400,
       "cardinality"},
      {"/api/v1/facts", R"({"subject": "s", "predicate": "p", "object": "o", "confidence": 0.5})", 422,
       "confidence"},
      {"/api/v1/facts/batch",
       R"({"facts": [{"subject": "a", "predicate": "p", "object": "1"}, {"subject": "b", "predicate": "p",
           "object": ""}]})",
       400, "facts[1].object"},
      {"/api/v1/facts/batch",
       R"({"facts": [{"subject": "a", "predicate": "p", "object": "1"}, {"subject": "b", "predicate": "p",
           "object": "2", "confidence": 0.1}]})",
       422, "facts[1].confidence"},
      {"/api/v1/facts/batch", batch_of(1001), 400, "facts"},
      {"/api/v1/facts/batch", R"({"facts": []})", 400, "facts"},
      {"/api/v1/facts/query", R"({"query": {"limit": 101}})", 400, "query.limit"},
      {"/api/v1/facts/query", R"({"query": {"cursor": "not-a-cursor"}})", 400, "query.cursor"},
      {"/api/v1/facts/query", R"({"query": {"as_of": "noon"}})", 400, "query.as_of"},
      {"/api/v1/facts/query", R"({"query": {"subjcet": "x"}})", 400, "query.subjcet"},
  };
  for (const auto& bad : cases) {
    auto response = http.post(bad.path, bad.body);
    ASSERT_EQ(response.status, bad.status) << bad.path << " " << bad.body.substr(0, 200) << "\n" << response.body;
    const auto body = response.json();
    EXPECT_EQ(body.at("code").as_string(), bad.status == 422 ? "UNPROCESSABLE" : "VALIDATION_ERROR") << response.body;
    EXPECT_EQ(body.at("details").at("field").as_string(), bad.field) << response.body;
    EXPECT_FALSE(body.at("message").as_string().empty());
  }
  auto stored = http.post("/api/v1/facts/query", R"({"query": {"include_invalidated": true}})");
  ASSERT_EQ(stored.status, 200);
  EXPECT_EQ(stored.json().at("total").as_int64(), 0) << stored.body;

  auto bad_json = http.post("/api/v1/facts", R"({"subject": )");
  EXPECT_EQ(bad_json.status, 400);
  EXPECT_EQ(http.post("/api/v1/facts", R"({"subject":"s","predicate":"p","object":"o"})",
                      {"Content-Type: text/plain"})
                .status,
            415);
  EXPECT_EQ(http.get("/api/v1/facts/not-an-id").status, 404);
  EXPECT_EQ(http.get("/api/v1/facts/x?namespace=bad%20space").status, 400);
}

}  // namespace
}  // namespace hirag::testing
