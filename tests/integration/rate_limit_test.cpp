// Per-tenant rate limiting with the seed's 429 body and headers.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/server_process.hpp"

namespace hirag::testing {
namespace {

const std::string kCount = "/api/v1/tokens/count";
const std::string kBody = R"({"text":"hello"})";

TEST(RateLimitTest, AllowedResponsesCarryHeadersThen429InSeedFormat) {
  TempDir dir;
  const std::string data = dir.path() + "/data";
  const std::string key = create_api_key(data, "acme");
  ServerProcess server(ServerOptions{.env = {{"HIRAG_RATE_LIMIT__REQUESTS_PER_WINDOW", "5"},
                                             {"HIRAG_RATE_LIMIT__WINDOW_SECS", "60"}},
                                     .data_dir = data});
  auto http = server.client();
  http.set_bearer(key);
  for (int i = 0; i < 5; ++i) {
    auto r = http.post(kCount, kBody);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("x-ratelimit-limit"), "5");
    EXPECT_EQ(r.header("x-ratelimit-remaining"), std::to_string(4 - i));
    EXPECT_FALSE(r.header("x-ratelimit-reset").empty());
  }
  auto limited = http.post(kCount, kBody);
  ASSERT_EQ(limited.status, 429);
  auto body = limited.json().as_object();
  EXPECT_EQ(body.at("code").as_string(), "RATE_LIMIT");
  const int64_t reset = body.at("details").at("reset_in_seconds").as_int64();
  EXPECT_EQ(body.at("message").as_string(), "Rate limit exceeded. Retry after " + std::to_string(reset) + " seconds.");
  EXPECT_EQ(body.at("details").at("limit").as_int64(), 5);
  EXPECT_EQ(body.at("details").at("remaining").as_int64(), 0);
  EXPECT_GE(reset, 1);
  EXPECT_LE(reset, 60);
  EXPECT_EQ(body.at("details").as_object().size(), 3u);
  EXPECT_EQ(limited.header("x-ratelimit-limit"), "5");
  EXPECT_EQ(limited.header("x-ratelimit-remaining"), "0");
  EXPECT_EQ(limited.header("x-ratelimit-reset"), std::to_string(reset));
  EXPECT_EQ(limited.header("retry-after"), std::to_string(reset));
}

TEST(RateLimitTest, TenantsHaveSeparateQuotasAndSpoofedHeadersDoNotHelp) {
  TempDir dir;
  const std::string data = dir.path() + "/data";
  const std::string a = create_api_key(data, "tenant-a");
  const std::string b = create_api_key(data, "tenant-b");
  ServerProcess server(ServerOptions{.env = {{"HIRAG_RATE_LIMIT__REQUESTS_PER_WINDOW", "2"}}, .data_dir = data});
  auto http = server.client();
  for (int i = 0; i < 2; ++i) EXPECT_EQ(http.post(kCount, kBody, {"Authorization: Bearer " + a}).status, 200);
  EXPECT_EQ(http.post(kCount, kBody, {"Authorization: Bearer " + a, "X-Forwarded-For: 10.9.8.7"}).status, 429);
  EXPECT_EQ(http.post(kCount, kBody, {"Authorization: Bearer " + b}).status, 200);
  auto metrics = http.get("/metrics").body;
  EXPECT_NE(metrics.find("rate_limit_hits_total{client_id=\"tenant-a\"} 1"), std::string::npos) << metrics;
  EXPECT_NE(metrics.find("rate_limit_allowed_total{client_id=\"tenant-b\"} 1"), std::string::npos);
  EXPECT_EQ(metrics.find("10.9.8.7"), std::string::npos);
}

TEST(RateLimitTest, BatchRequestsCostTheConfiguredUnits) {
  ServerOptions options;
  options.env = {{"HIRAG_RATE_LIMIT__REQUESTS_PER_WINDOW", "12"}, {"HIRAG_RATE_LIMIT__BATCH_COST", "10"}};
  ServerProcess server(options);
  auto http = server.client();
  auto batch = http.post_json("/api/v1/contexts/batch", {{"items", {{{"text", "one"}}, {{"text", "two"}}}}});
  ASSERT_EQ(batch.status, 201) << batch.body;
  EXPECT_EQ(batch.header("x-ratelimit-remaining"), "2");
  // A second batch (10 units) no longer fits; a single request (1 unit) still does.
  EXPECT_EQ(http.post_json("/api/v1/contexts/batch", {{"items", {{{"text", "three"}}}}}).status, 429);
  EXPECT_EQ(http.post(kCount, kBody).status, 200);
}

TEST(RateLimitTest, DisabledMeansNoLimit) {
  ServerProcess server(ServerOptions{.env = {{"HIRAG_RATE_LIMIT__REQUESTS_PER_WINDOW", "1"},
                                             {"HIRAG_RATE_LIMIT__ENABLED", "false"}}});
  auto http = server.client();
  for (int i = 0; i < 5; ++i) EXPECT_EQ(http.post(kCount, kBody).status, 200);
}

}  // namespace
}  // namespace hirag::testing
