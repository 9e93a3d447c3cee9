// Concurrency: parallel writers and readers for a bounded time; every request
// succeeds and the stored count equals the acknowledged count.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <thread>

#include "support/server_process.hpp"

namespace hirag::testing {
namespace {

TEST(ContextsConcurrency, ParallelWritersAndReadersStayConsistent) {
  ServerProcess server(without_rate_limit());
  std::atomic<bool> stop{false};
  std::atomic<int64_t> written{0};
  std::atomic<int64_t> failures{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < 3; ++w) {
    threads.emplace_back([&, w] {
      auto http = server.client();
      for (int i = 0; !stop; ++i) {
        auto response = http.post_json("/api/v1/contexts", boost::json::object{
            {"text", "writer " + std::to_string(w) + " note " + std::to_string(i) + " about concurrency"},
            {"level", i % 2 == 0 ? "LongTerm" : "ShortTerm"}, {"namespace", "load"}});
        if (response.status == 201) {
          ++written;
        } else {
          ++failures;
        }
      }
    });
  }
  for (int r = 0; r < 2; ++r) {
    threads.emplace_back([&] {
      auto http = server.client();
      while (!stop) {
        auto response = http.post_json("/api/v1/contexts/search",
                                       boost::json::object{{"query", "concurrency note"}, {"namespace", "load"}});
        if (response.status != 200) ++failures;
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::seconds(3));
  stop = true;
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  ASSERT_GT(written.load(), 0);

  auto http = server.client();
  int64_t listed = 0;
  std::string cursor;
  while (true) {
    auto page = http.get("/api/v1/contexts?namespace=load&limit=1000" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(page.status, 200) << page.body;
    auto body = page.json();
    listed += static_cast<int64_t>(body.at("contexts").as_array().size());
    if (body.at("next_cursor").is_null()) break;
    cursor = std::string(body.at("next_cursor").as_string());
  }
  EXPECT_EQ(listed, written.load());
}

}  // namespace
}  // namespace hirag::testing
