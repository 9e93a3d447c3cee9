// Changing the embedder of a data dir is refused at start-up with a message naming
// `hirag reindex`; after the reindex the server starts and finds the items again.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/server_process.hpp"

namespace hirag::testing {
namespace {

TEST(ReindexTest, ChangedEmbedderIsRefusedUntilReindexed) {
  TempDir dir;
  const std::string data = dir.path() + "/data";
  std::string id;
  {
    ServerOptions options;
    options.data_dir = data;
    ServerProcess server(options);
    auto stored = server.client().post_json(
        "/api/v1/contexts", {{"text", "the lighthouse keeper logs every storm"}, {"level", "LongTerm"}});
    ASSERT_EQ(stored.status, 201) << stored.body;
    id = std::string(stored.json().at("id").as_string());
    ASSERT_EQ(server.terminate(), 0);
  }
  const std::map<std::string, std::string> smaller = {{"HIRAG_EMBEDDER__DIMENSION", "64"}};
  auto refused = run_hirag({"serve", "--port", std::to_string(free_port()), "--data-dir", data}, "", smaller);
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.err.find("hirag reindex"), std::string::npos) << refused.err;

  auto reindexed = run_hirag({"reindex", "--data-dir", data}, "", smaller);
  ASSERT_EQ(reindexed.exit_code, 0) << reindexed.err;
  EXPECT_NE(reindexed.out.find("re-embedded 1 items"), std::string::npos) << reindexed.out;

  ServerOptions options;
  options.data_dir = data;
  options.env = smaller;
  ServerProcess server(options);
  auto found = server.client().post_json("/api/v1/contexts/search", {{"query", "lighthouse storm"}, {"top_k", 3}});
  ASSERT_EQ(found.status, 200) << found.body;
  const auto body = found.json();
  ASSERT_FALSE(body.at("contexts").as_array().empty());
  EXPECT_EQ(body.at("contexts").as_array()[0].at("id").as_string(), id);
}

}  // namespace
}  // namespace hirag::testing
