// Where a search runs (server.inline_search): with the local embedder on the
// network thread that read it, with a remote embedder on the worker pool, so
// that a search waiting on the model holds up no other request.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <future>
#include <thread>

#include "support/fake_openai.hpp"
#include "support/server_process.hpp"

namespace hirag::testing {
namespace {

using namespace std::chrono_literals;

std::vector<std::string> search_ids(HttpClient& http, const std::string& query) {
  const auto response = http.post_json("/api/v1/contexts/search", boost::json::object{{"query", query}, {"top_k", 3}});
  EXPECT_EQ(response.status, 200) << response.body;
  std::vector<std::string> ids;
  if (response.status != 200) return ids;
  const auto body = response.json();
  for (const auto& context : body.at("contexts").as_array()) {
    ids.emplace_back(context.at("id").as_string());
  }
  return ids;
}

TEST(ContextsSearchThreads, TheSameResultsOnTheNetworkThreadAndOnTheWorkerPool) {
  TempDir dir;
  std::vector<std::string> inline_ids;
  {
    ServerProcess server(ServerOptions{.data_dir = dir.path()});  // inline_search = true by default
    auto http = server.client();
    for (const char* text : {"the vault code is 7741", "alice moved to Lisbon in May", "the vault is in the basement"}) {
      ASSERT_EQ(http.post_json("/api/v1/contexts", boost::json::object{{"text", text}, {"level", "LongTerm"}}).status,
                201);
    }
    inline_ids = search_ids(http, "where is the vault");
    ASSERT_EQ(server.terminate(), 0);
  }
  ServerProcess pooled(ServerOptions{.env = {{"HIRAG_SERVER__INLINE_SEARCH", "false"}}, .data_dir = dir.path()});
  auto http = pooled.client();
  ASSERT_FALSE(inline_ids.empty());
  EXPECT_EQ(search_ids(http, "where is the vault"), inline_ids);
}

TEST(ContextsSearchThreads, ASearchWaitingOnARemoteEmbedderHoldsUpNoOtherRequest) {
  FakeOpenAi fake;
  // One network thread: a search run on it would hold up every other connection.
  ServerProcess server(ServerOptions{.env = {{"HIRAG_SERVER__IO_THREADS", "1"},
                                             {"HIRAG_EMBEDDER__PROVIDER", "openai"},
                                             {"HIRAG_EMBEDDER__BASE_URL", fake.base_url()},
                                             {"HIRAG_EMBEDDER__MODEL", "fake-embed"},
                                             {"HIRAG_EMBEDDER__DIMENSION", "8"},
                                             {"HIRAG_EMBEDDER__CACHE_ENTRIES", "0"}}});
  auto http = server.client();
  ASSERT_EQ(http.post_json("/api/v1/contexts", boost::json::object{{"text", "the vault code is 7741"}}).status, 201);
  fake.reset();
  fake.control({{"sleep", 3}});
  fake.set_mode("timeout", 1);  // the query's embedding: 3 s, then a 500 the client retries
  std::atomic<bool> search_done{false};
  auto search = std::async(std::launch::async, [&] {
    auto client = server.client();
    const auto response = client.post_json("/api/v1/contexts/search", boost::json::object{{"query", "vault code"}});
    search_done = true;
    return response.status;
  });
  while (fake.request_count() == 0) std::this_thread::sleep_for(10ms);  // the search waits on the model now
  const auto live = server.client().get("/health/live");
  EXPECT_EQ(live.status, 200);
  EXPECT_FALSE(search_done) << "the liveness probe was answered only after the search";
  EXPECT_EQ(search.get(), 200);
}

}  // namespace
}  // namespace hirag::testing
