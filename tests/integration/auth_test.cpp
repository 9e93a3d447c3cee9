// Authentication and tenants: keys created, listed and revoked with the CLI while
// the server runs; 401 envelopes; no built-in token; loopback-only open mode.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <thread>

#include "support/server_process.hpp"

namespace hirag::testing {
namespace {

const std::string kCount = "/api/v1/tokens/count";
const std::string kBody = R"({"text":"hello"})";

// Polls until `predicate` holds (the server re-reads keys every key_refresh_ms).
template <typename F>
bool eventually(F predicate) {
  for (int i = 0; i < 200; ++i) {
    if (predicate()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  return false;
}

ServerOptions fast_refresh() {
  return ServerOptions{.env = {{"HIRAG_AUTH__KEY_REFRESH_MS", "100"}, {"HIRAG_RATE_LIMIT__ENABLED", "false"}}};
}

TEST(AuthTest, NoKeysMeansSingleTenantOnLoopback) {
  ServerProcess server(fast_refresh());
  EXPECT_EQ(server.client().post(kCount, kBody).status, 200);
  EXPECT_NE(server.log().find("single_tenant_mode"), std::string::npos);
}

TEST(AuthTest, KeyCreatedWhileRunningIsRequiredFromThenOn) {
  ServerProcess server(fast_refresh());
  const std::string key = create_api_key(server.data_dir(), "acme");
  ASSERT_TRUE(key.rfind("hk_", 0) == 0) << key;
  auto anonymous = server.client();
  ASSERT_TRUE(eventually([&] { return anonymous.post(kCount, kBody).status == 401; }));
  auto r = anonymous.post(kCount, kBody);
  EXPECT_EQ(r.json().at("code").as_string(), "UNAUTHORIZED");
  EXPECT_EQ(r.header("www-authenticate"), "Bearer");
  auto authed = server.client();
  authed.set_bearer(key);
  EXPECT_EQ(authed.post(kCount, kBody).status, 200);
}

TEST(AuthTest, WrongSchemeWrongKeyAndBuiltInTokensAreRejected) {
  TempDir dir;
  const std::string data = dir.path() + "/data";
  const std::string key = create_api_key(data, "acme");
  ServerProcess server(ServerOptions{.env = fast_refresh().env, .data_dir = data});
  auto http = server.client();
  for (const std::string& header : std::vector<std::string>{"Authorization: Basic " + key, "Authorization: Bearer default-token",
                                    "Authorization: Bearer " + key + "x", "Authorization: bearer " + key,
                                    "Authorization: Bearer hk_" + key.substr(3, 12) + "_0000"}) {
    auto r = http.post(kCount, kBody, {header});
    EXPECT_EQ(r.status, 401) << header;
    EXPECT_EQ(r.json().at("code").as_string(), "UNAUTHORIZED");
  }
  EXPECT_EQ(http.post(kCount, kBody, {"Authorization: Bearer " + key}).status, 200);
}

TEST(AuthTest, RevokedKeyStopsWorkingWithoutRestart) {
  TempDir dir;
  const std::string data = dir.path() + "/data";
  const std::string key = create_api_key(data, "acme");
  const std::string other = create_api_key(data, "acme");
  ServerProcess server(ServerOptions{.env = fast_refresh().env, .data_dir = data});
  auto http = server.client();
  http.set_bearer(key);
  ASSERT_EQ(http.post(kCount, kBody).status, 200);
  const std::string id = key.substr(3, key.find('_', 3) - 3);
  auto revoked = run_hirag({"keys", "revoke", id, "--data-dir", data});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.err;
  EXPECT_TRUE(eventually([&] { return http.post(kCount, kBody).status == 401; }));
  auto still = server.client();
  still.set_bearer(other);
  EXPECT_EQ(still.post(kCount, kBody).status, 200);
}

TEST(AuthTest, PublicRoutesNeedNoKey) {
  TempDir dir;
  const std::string data = dir.path() + "/data";
  create_api_key(data, "acme");
  ServerProcess server(ServerOptions{.env = fast_refresh().env, .data_dir = data});
  auto http = server.client();
  for (const char* path : {"/", "/health", "/health/live", "/health/ready", "/metrics"}) {
    EXPECT_EQ(http.get(path).status, 200) << path;
  }
}

TEST(AuthTest, RepeatedFailuresFromOnePeerAreThrottledWithoutTouchingTenantQuota) {
  TempDir dir;
  const std::string data = dir.path() + "/data";
  const std::string key = create_api_key(data, "acme");
  ServerProcess server(ServerOptions{.env = {{"HIRAG_AUTH__MAX_FAILURES_PER_WINDOW", "3"},
                                             {"HIRAG_RATE_LIMIT__REQUESTS_PER_WINDOW", "5"}},
                                     .data_dir = data});
  auto http = server.client();
  for (int i = 0; i < 2; ++i) EXPECT_EQ(http.post(kCount, kBody, {"Authorization: Bearer nope"}).status, 401);
  // Failed authentications did not consume the tenant's quota (5).
  auto ok = http.post(kCount, kBody, {"Authorization: Bearer " + key});
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.header("x-ratelimit-remaining"), "4");
  EXPECT_EQ(http.post(kCount, kBody, {"Authorization: Bearer nope"}).status, 401);
  // The fourth failure from this address is throttled before any key is checked.
  auto throttled = http.post(kCount, kBody, {"Authorization: Bearer nope"});
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.json().at("code").as_string(), "RATE_LIMIT");
  EXPECT_FALSE(throttled.header("retry-after").empty());
}

TEST(AuthTest, NonLoopbackWithoutKeysRefusesToStart) {
  TempDir dir;
  auto result = run_hirag({"serve", "--host", "0.0.0.0", "--port", std::to_string(free_port()), "--data-dir",
                           dir.path() + "/data"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("no API keys"), std::string::npos) << result.err;
}

TEST(KeysCliTest, ListShowsIdsAndTenantsButNeverSecrets) {
  TempDir dir;
  const std::string data = dir.path() + "/data";
  const std::string key = create_api_key(data, "acme");
  auto listed = run_hirag({"keys", "list", "--data-dir", data});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_NE(listed.out.find("acme"), std::string::npos);
  EXPECT_NE(listed.out.find("active"), std::string::npos);
  EXPECT_EQ(listed.out.find(key), std::string::npos);
  EXPECT_EQ(listed.out.find(key.substr(key.rfind('_') + 1)), std::string::npos);
}

TEST(KeysCliTest, BadTenantAndUnknownIdFail) {
  TempDir dir;
  const std::string data = dir.path() + "/data";
  EXPECT_EQ(run_hirag({"keys", "create", "--tenant", "bad name", "--data-dir", data}).exit_code, 2);
  auto missing = run_hirag({"keys", "revoke", "nosuchid", "--data-dir", data});
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find("nosuchid"), std::string::npos);
}

}  // namespace
}  // namespace hirag::testing
