// Durability: batches are written in a loop while the server is killed with
// SIGKILL; after a restart on the same data dir every acknowledged id is there
// and searchable.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
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

}  // namespace
}  // namespace hirag::testing
