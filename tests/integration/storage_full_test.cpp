// A full disk is an operational state (issue 23): the real server on a small
// tmpfs, filled by a ballast file. Writes get 507 STORAGE_FULL with Retry-After,
// never a 500; reads, searches and deletes keep working; readiness says
// degraded; when the ballast goes, writes succeed again without a restart; and
// after kill -9 every acknowledged write is there and no refused one is.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "support/server_process.hpp"
#include "support/tmpfs_mount.hpp"

namespace hirag::testing {
namespace {

constexpr uint64_t kMiB = 1024 * 1024;

ServerOptions on_mount(const TmpfsMount& mount, uint64_t min_free_bytes) {
  ServerOptions options = without_rate_limit(mount.path() + "/data");
  options.env["HIRAG_STORAGE__MIN_FREE_BYTES"] = std::to_string(min_free_bytes);
  return options;
}

struct Written {
  std::vector<std::pair<std::string, std::string>> acknowledged;  // id, unique word
  std::vector<long> refusal_statuses;
};

// Adds one item of about 24 KiB (one unique word, so a search can find it).
HttpResult add_item(HttpClient& http, const std::string& word) {
  const std::string text = word + " " + std::string(24 * 1024, 'z');
  return http.post_json("/api/v1/contexts", boost::json::object{{"text", text}, {"level", "LongTerm"}});
}

void add_and_record(HttpClient& http, const std::string& word, Written& written) {
  auto response = add_item(http, word);
  if (response.status == 201) {
    written.acknowledged.emplace_back(std::string(response.json().at("id").as_string()), word);
  } else {
    written.refusal_statuses.push_back(response.status);
    EXPECT_EQ(response.json().at("code").as_string(), "STORAGE_FULL") << response.body;
    EXPECT_FALSE(response.header("retry-after").empty());
  }
}

// Every stored item, page by page.
std::vector<std::string> listed_ids(HttpClient& http) {
  std::vector<std::string> ids;
  std::string cursor;
  do {
    auto page = http.get("/api/v1/contexts?limit=100" + (cursor.empty() ? "" : "&cursor=" + cursor));
    EXPECT_EQ(page.status, 200) << page.body;
    if (page.status != 200) break;
    const auto body = page.json();
    for (const auto& item : body.at("contexts").as_array()) ids.emplace_back(item.at("id").as_string());
    cursor = body.at("next_cursor").is_string() ? std::string(body.at("next_cursor").as_string()) : "";
  } while (!cursor.empty());
  return ids;
}

std::vector<std::string> search_ids(HttpClient& http, const std::string& query) {
  auto found = http.post_json("/api/v1/contexts/search", boost::json::object{{"query", query}, {"top_k", 3}});
  EXPECT_EQ(found.status, 200) << found.body;
  std::vector<std::string> ids;
  if (found.status != 200) return ids;
  const auto body = found.json();
  for (const auto& context : body.at("contexts").as_array()) ids.emplace_back(context.at("id").as_string());
  return ids;
}

// After a kill -9 and a restart: every acknowledged item is there, none refused.
void expect_exactly_the_acknowledged(const ServerOptions& options, const Written& written,
                                     const std::vector<std::string>& deleted) {
  ServerProcess restarted(options);
  auto http = restarted.client();
  for (const auto& [id, word] : written.acknowledged) {
    const bool was_deleted = std::find(deleted.begin(), deleted.end(), id) != deleted.end();
    EXPECT_EQ(http.get("/api/v1/contexts/" + id).status, was_deleted ? 404 : 200) << id;
  }
  // Nothing refused was stored: the data dir holds exactly what was acknowledged.
  EXPECT_EQ(listed_ids(http).size(), written.acknowledged.size() - deleted.size());
}

double metric_value(const std::string& metrics, const std::string& series) {
  const auto at = metrics.find("\n" + series + " ");
  if (at == std::string::npos) return -1;
  return std::stod(metrics.substr(at + series.size() + 2));
}

TEST(StorageFull, BelowTheReserveWritesGet507ReadsAndDeletesGoOnAndSpaceComingBackHeals) {
  TmpfsMount mount(48 * kMiB);
  if (!mount.mounted()) GTEST_SKIP() << "needs root to mount a tmpfs";
  const ServerOptions options = on_mount(mount, 8 * kMiB);
  Written written;
  std::vector<std::string> deleted;
  {
    ServerProcess server(options);
    auto http = server.client();
    for (int i = 0; i < 4; ++i) add_and_record(http, "before" + std::to_string(i), written);
    ASSERT_EQ(written.acknowledged.size(), 4u);

    mount.fill_leaving("ballast", 6 * kMiB);
    add_and_record(http, "refusedsingle", written);
    const boost::json::array items{boost::json::object{{"text", "refusedbatch"}}};
    auto batch = http.post_json("/api/v1/contexts/batch", boost::json::object{{"items", items}});
    EXPECT_EQ(batch.status, 507) << batch.body;
    auto turn = http.post_json("/api/v1/sessions/s1/turns",
                               boost::json::object{{"role", "user"}, {"content", "refusedturn"}});
    EXPECT_EQ(turn.status, 507) << turn.body;
    EXPECT_EQ(written.refusal_statuses, std::vector<long>{507});

    // Reads and searches work; a delete frees what it can and is not refused.
    EXPECT_EQ(http.get("/api/v1/contexts/" + written.acknowledged[0].first).status, 200);
    const auto found = search_ids(http, "before1");
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(found[0], written.acknowledged[1].first);
    deleted.push_back(written.acknowledged[3].first);
    EXPECT_EQ(http.del("/api/v1/contexts/" + deleted.back()).status, 200);

    auto ready = http.get("/health/ready");
    EXPECT_EQ(ready.status, 200);
    EXPECT_EQ(ready.json().at("status").as_string(), "degraded") << ready.body;
    EXPECT_EQ(ready.json().at("writes").as_bool(), false);
    const std::string metrics = http.get("/metrics").body;
    EXPECT_GE(metric_value(metrics, "storage_errors_total{kind=\"reserve\"}"), 3) << metrics;
    EXPECT_LT(metric_value(metrics, "storage_free_bytes"), 8.0 * kMiB);

    ASSERT_EQ(::unlink((mount.path() + "/ballast").c_str()), 0);
    add_and_record(http, "afterspace", written);
    EXPECT_EQ(written.acknowledged.back().second, "afterspace") << "writes did not resume without a restart";
    EXPECT_EQ(http.get("/health/ready").json().at("status").as_string(), "ready");
    server.kill_hard();
  }
  expect_exactly_the_acknowledged(options, written, deleted);
}

TEST(StorageFull, WithNoReserveSqliteFullIsA507AndLosesNothing) {
  TmpfsMount mount(48 * kMiB);
  if (!mount.mounted()) GTEST_SKIP() << "needs root to mount a tmpfs";
  const ServerOptions options = on_mount(mount, 0);
  Written written;
  {
    ServerProcess server(options);
    auto http = server.client();
    add_and_record(http, "first", written);
    mount.fill_leaving("ballast", 512 * 1024);
    // Writes until the filesystem itself is full and SQLite says SQLITE_FULL.
    for (int i = 0; i < 200 && written.refusal_statuses.size() < 3; ++i) {
      add_and_record(http, "fill" + std::to_string(i), written);
    }
    ASSERT_GE(written.refusal_statuses.size(), 3u) << "the disk never filled";
    for (long status : written.refusal_statuses) EXPECT_EQ(status, 507);
    const std::string metrics = http.get("/metrics").body;
    EXPECT_GE(metric_value(metrics, "storage_errors_total{kind=\"full\"}"), 1) << metrics;
    EXPECT_EQ(http.get("/api/v1/contexts/" + written.acknowledged[0].first).status, 200);

    ASSERT_EQ(::unlink((mount.path() + "/ballast").c_str()), 0);
    add_and_record(http, "afterspace", written);
    EXPECT_EQ(written.acknowledged.back().second, "afterspace") << "writes did not resume without a restart";
    server.kill_hard();
  }
  expect_exactly_the_acknowledged(options, written, {});
}

}  // namespace
}  // namespace hirag::testing
