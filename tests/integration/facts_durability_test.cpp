// Durability: facts are written in a loop while the server is killed with
// SIGKILL; after a restart on the same data dir every acknowledged fact is there.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <thread>

#include "support/server_process.hpp"

namespace hirag::testing {
namespace {

TEST(FactsDurability, EveryAcknowledgedFactSurvivesKillNine) {
  TempDir dir;
  std::vector<std::pair<std::string, std::string>> acknowledged;  // id, object
  {
    ServerProcess server(without_rate_limit(dir.path()));
    std::atomic<bool> stop{false};
    std::thread writer([&] {
      auto http = server.client();
      for (int i = 0; !stop; ++i) {
        const std::string object = "value " + std::to_string(i);
        auto response = http.post_json("/api/v1/facts", boost::json::object{
                                                            {"subject", "sensor " + std::to_string(i % 50)},
                                                            {"predicate", "reading"},
                                                            {"object", object}});
        if (response.status != 201) continue;  // the server died mid-request: not acknowledged
        acknowledged.emplace_back(std::string(response.json().at("fact_id").as_string()), object);
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
  for (const auto& [id, object] : acknowledged) {
    auto read = http.get("/api/v1/facts/" + id);
    ASSERT_EQ(read.status, 200) << id << " was acknowledged but is lost";
    EXPECT_EQ(read.json().at("object").as_string(), object);
  }
}

}  // namespace
}  // namespace hirag::testing
