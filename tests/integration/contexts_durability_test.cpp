// Durability: batches are written in a loop while the server is killed with
// SIGKILL; after a restart on the same data dir every acknowledged id is there
// and searchable. A restart after SIGKILL loads the last index snapshot and
// replays the writes made after it.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <filesystem>
#include <thread>

#include "support/server_process.hpp"

namespace hirag::testing {
namespace {

TEST(ContextsDurability, EveryAcknowledgedBatchSurvivesKillNine) {
  TempDir dir;
  std::vector<std::pair<std::string, std::string>> acknowledged;  // id, unique word
  {
    ServerProcess server(without_rate_limit(dir.path()));
    std::atomic<bool> stop{false};
    std::thread writer([&] {
      auto http = server.client();
      for (int batch = 0; !stop; ++batch) {
        boost::json::array items;
        std::vector<std::string> words;
        for (int i = 0; i < 20; ++i) {
          words.push_back("marker" + std::to_string(batch) + "x" + std::to_string(i));
          items.push_back({{"text", "durable note " + words.back()}, {"level", "LongTerm"}});
        }
        auto response = http.post_json("/api/v1/contexts/batch", boost::json::object{{"items", items}});
        if (response.status != 201) continue;  // the server died mid-request: not acknowledged
        const auto body = response.json();
        const auto& ids = body.at("ids").as_array();
        for (size_t i = 0; i < ids.size(); ++i) acknowledged.emplace_back(std::string(ids[i].as_string()), words[i]);
      }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    server.kill_hard();
    stop = true;
    writer.join();
  }
  ASSERT_GT(acknowledged.size(), 20u);
  ServerProcess restarted(without_rate_limit(dir.path()));
  auto http = restarted.client();
  for (const auto& [id, word] : acknowledged) {
    ASSERT_EQ(http.get("/api/v1/contexts/" + id).status, 200) << id << " was acknowledged but is lost";
  }
  for (size_t i = 0; i < acknowledged.size(); i += std::max<size_t>(1, acknowledged.size() / 25)) {
    const auto& [id, word] = acknowledged[i];
    auto found = http.post_json("/api/v1/contexts/search", boost::json::object{{"query", word}, {"top_k", 5}});
    ASSERT_EQ(found.status, 200);
    const auto body = found.json();
    const auto& contexts = body.at("contexts").as_array();
    ASSERT_FALSE(contexts.empty()) << word;
    EXPECT_EQ(contexts[0].at("id").as_string(), id) << word;
  }
}

std::vector<std::string> search_ids(HttpClient& http, const std::string& query) {
  auto found = http.post_json("/api/v1/contexts/search", boost::json::object{{"query", query}, {"top_k", 5}});
  EXPECT_EQ(found.status, 200);
  std::vector<std::string> ids;
  if (found.status != 200) return ids;
  const auto body = found.json();
  for (const auto& context : body.at("contexts").as_array()) ids.emplace_back(context.at("id").as_string());
  return ids;
}

std::string add(HttpClient& http, const std::string& text) {
  auto response = http.post_json("/api/v1/contexts", boost::json::object{{"text", text}, {"level", "LongTerm"}});
  EXPECT_EQ(response.status, 201) << response.body;
  return response.status == 201 ? std::string(response.json().at("id").as_string()) : "";
}

TEST(ContextsDurability, ARestartAfterKillNineLoadsTheSnapshotAndReplaysLaterWrites) {
  TempDir dir;
  std::string kept;
  std::string changed;
  std::string removed;
  {
    ServerProcess server(without_rate_limit(dir.path()));
    auto http = server.client();
    kept = add(http, "a note about ferries");
    changed = add(http, "old wording about gliders");
    removed = add(http, "a doomed note about zeppelins");
    ASSERT_EQ(server.terminate(), 0);
  }
  ASSERT_TRUE(std::filesystem::exists(dir.path() + "/memory-index.snapshot"));
  std::string added;
  {
    ServerProcess server(without_rate_limit(dir.path()));
    EXPECT_NE(server.log().find("event=snapshot_loaded through_change=3 replayed_items=0"), std::string::npos)
        << server.log();
    auto http = server.client();
    added = add(http, "a later note about submarines");
    ASSERT_EQ(http.patch("/api/v1/contexts/" + changed, R"({"text":"new wording about balloons"})").status, 200);
    ASSERT_EQ(http.del("/api/v1/contexts/" + removed).status, 200);
    server.kill_hard();
  }
  ServerProcess restarted(without_rate_limit(dir.path()));
  EXPECT_NE(restarted.log().find("replayed_items=3"), std::string::npos) << restarted.log();
  auto http = restarted.client();
  // Best match first; stored neighbours may follow it.
  auto best = [&](const std::string& query) {
    auto ids = search_ids(http, query);
    EXPECT_EQ(std::count(ids.begin(), ids.end(), removed), 0) << query;
    return ids.empty() ? std::string() : ids.front();
  };
  EXPECT_EQ(best("ferries"), kept);
  EXPECT_EQ(best("submarines"), added);
  EXPECT_EQ(best("balloons"), changed);
  EXPECT_EQ(best("gliders"), "");
  EXPECT_EQ(best("zeppelins"), "");
  EXPECT_EQ(http.get("/api/v1/contexts/" + removed).status, 404);
}

}  // namespace
}  // namespace hirag::testing
