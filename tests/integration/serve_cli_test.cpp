// `hirag serve` start-up: configuration errors stop it with exit code 2 and a
// message naming the key; --print-config shows the effective values, redacted.
#include <gtest/gtest.h>

#include <fstream>

#include "support/server_process.hpp"

namespace hirag::testing {
namespace {

TEST(ServeCliTest, UnknownConfigKeyStopsStartup) {
  TempDir dir;
  const std::string config = dir.path() + "/hirag.toml";
  std::ofstream(config) << "[rate_limit]\nrequests_per_windw = 5\n";
  auto r = run_hirag({"serve", "--config", config, "--data-dir", dir.path() + "/d", "--port", "0"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("rate_limit.requests_per_windw"), std::string::npos) << r.err;
}

TEST(ServeCliTest, BadEnvironmentValueStopsStartup) {
  TempDir dir;
  auto r = run_hirag({"serve", "--data-dir", dir.path() + "/d", "--port", "0"}, "",
                     {{"HIRAG_SERVER__MAX_BODY_BYTES", "lots"}});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("server.max_body_bytes"), std::string::npos) << r.err;
}

TEST(ServeCliTest, PrintConfigShowsLayersAndRedactsSecrets) {
  TempDir dir;
  const std::string config = dir.path() + "/hirag.toml";
  std::ofstream(config) << "[server]\nport = 9999\n[rate_limit]\nwindow_secs = 30\n";
  auto r = run_hirag({"serve", "--config", config, "--port", "9100", "--print-config"}, "",
                     {{"HIRAG_RATE_LIMIT__REQUESTS_PER_WINDOW", "5000"},
                      {"HIRAG_EMBEDDER__API_KEY", "sk-should-not-appear"}});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("port = 9100"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("window_secs = 30"), std::string::npos);
  EXPECT_NE(r.out.find("requests_per_window = 5000"), std::string::npos);
  EXPECT_EQ(r.out.find("sk-should-not-appear"), std::string::npos);
  EXPECT_NE(r.out.find("api_key = \"<redacted>\""), std::string::npos);
}

TEST(ServeCliTest, MissingConfigFileIsAnError) {
  auto r = run_hirag({"serve", "--config", "/nonexistent/hirag.toml", "--print-config"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/hirag.toml"), std::string::npos);
}

TEST(ServeCliTest, PortInUseFailsClearly) {
  ServerProcess first;
  TempDir dir;
  auto r = run_hirag({"serve", "--port", std::to_string(first.port()), "--data-dir", dir.path() + "/d"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cannot listen"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace hirag::testing
