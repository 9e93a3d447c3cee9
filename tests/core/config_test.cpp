#include "core/config.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "support/server_process.hpp"

namespace hirag {
namespace {

Result<Config> load(const std::map<std::string, std::string>& env, ConfigFlags flags = {}) {
  return load_config(flags, env);
}

TEST(ConfigTest, DefaultsMatchTheDesign) {
  auto config = load({});
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->server.host, "127.0.0.1");
  EXPECT_EQ(config->server.port, 8081);
  EXPECT_EQ(config->server.data_dir, "./data");
  EXPECT_EQ(config->rate_limit.requests_per_window, 100);
  EXPECT_EQ(config->rate_limit.window_secs, 60);
  EXPECT_EQ(config->context.max_total, 8000);
}

TEST(ConfigTest, EnvironmentOverridesDefaults) {
  auto config = load({{"HIRAG_RATE_LIMIT__REQUESTS_PER_WINDOW", "5000"}, {"HIRAG_SERVER__HOST", "127.0.0.2"}});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->rate_limit.requests_per_window, 5000);
  EXPECT_EQ(config->server.host, "127.0.0.2");
}

TEST(ConfigTest, UnrelatedEnvironmentIsIgnored) {
  EXPECT_TRUE(load({{"HIRAG_SOMETHING", "x"}, {"PATH", "/bin"}}).ok());
}

TEST(ConfigTest, UnknownEnvironmentKeyIsAnErrorNamingIt) {
  auto config = load({{"HIRAG_RATE_LIMIT__REQUEST_PER_WINDOW", "5"}});
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("rate_limit.request_per_window"), std::string::npos);
}

TEST(ConfigTest, BadValueIsAnErrorNamingTheKey) {
  auto config = load({{"HIRAG_SERVER__PORT", "70000"}});
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("server.port"), std::string::npos);
  auto config2 = load({{"HIRAG_RATE_LIMIT__ENABLED", "maybe"}});
  ASSERT_FALSE(config2.ok());
  EXPECT_NE(config2.error().message.find("rate_limit.enabled"), std::string::npos);
}

TEST(ConfigTest, FileThenEnvironmentThenFlags) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/hirag.toml";
  std::ofstream(path) << "[server]\nport = 9000\ndata_dir = \"/var/file\"\n[rate_limit]\nwindow_secs = 30\n";
  ConfigFlags flags;
  flags.config_path = path;
  flags.data_dir = "/var/flag";
  auto config = load({{"HIRAG_SERVER__PORT", "9100"}}, flags);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->server.port, 9100);
  EXPECT_EQ(config->server.data_dir, "/var/flag");
  EXPECT_EQ(config->rate_limit.window_secs, 30);
}

TEST(ConfigTest, UnknownFileKeyIsAnErrorNamingIt) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/hirag.toml";
  std::ofstream(path) << "[server]\nprot = 9000\n";
  ConfigFlags flags;
  flags.config_path = path;
  auto config = load({}, flags);
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("server.prot"), std::string::npos);
}

TEST(ConfigTest, WrongTomlTypeIsAnError) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/hirag.toml";
  std::ofstream(path) << "[server]\nport = \"8081\"\n";
  ConfigFlags flags;
  flags.config_path = path;
  auto config = load({}, flags);
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("server.port"), std::string::npos);
}

TEST(ConfigTest, SlotsMustFitTheTotal) {
  auto config = load({{"HIRAG_CONTEXT__RETRIEVED_CONTEXT", "7000"}});
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("8000"), std::string::npos);
}

TEST(ConfigTest, WeightsMustSumToOne) {
  EXPECT_FALSE(load({{"HIRAG_RETRIEVAL__WEIGHT_SIMILARITY", "0.9"}}).ok());
}

TEST(ConfigTest, RenderRedactsSecrets) {
  auto config = load({{"HIRAG_METRICS__BEARER_TOKEN", "very-secret-token"}});
  ASSERT_TRUE(config.ok());
  const std::string text = render_config(*config);
  EXPECT_EQ(text.find("very-secret-token"), std::string::npos);
  EXPECT_NE(text.find("bearer_token = \"<redacted>\""), std::string::npos);
}

TEST(ConfigTest, CommittedExampleMatchesTheSchema) {
  std::ifstream in(std::string(HIRAG_SOURCE_DIR) + "/config/hirag.example.toml");
  ASSERT_TRUE(in.good()) << "config/hirag.example.toml is missing";
  std::string committed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(committed, render_config_reference())
      << "regenerate with: build/hirag config example > config/hirag.example.toml";
}

}  // namespace
}  // namespace hirag
