// "record_access": false on a search leaves memory as it was: no access counts,
// no promotion, no frequency in later ranks; by default (and explicitly) a search
// counts. explain implies false unless record_access is given.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "support/server_process.hpp"

namespace hirag::testing {
namespace {

constexpr int kSearches = 4;  // above memory.promote_after_hits (3)

class ContextsRecordAccessTest : public ::testing::Test {
 protected:
  // The item's row after a restart: shutdown flushes the counts and promotions.
  boost::json::object read_after_restart(const std::string& id) {
    EXPECT_EQ(server_->terminate(), 0);
    server_ = std::make_unique<ServerProcess>(without_rate_limit(dir_.path()));
    auto http = server_->client();
    auto read = http.get("/api/v1/contexts/" + id);
    EXPECT_EQ(read.status, 200) << read.body;
    return read.json().as_object();
  }
  std::string store(const std::string& text) {
    auto http = server_->client();
    auto stored = http.post("/api/v1/contexts", R"({"text": ")" + text + R"(", "level": "ShortTerm"})");
    EXPECT_EQ(stored.status, 201) << stored.body;
    return std::string(stored.json().at("id").as_string());
  }
  // The frequency part of the item's rank, as explain shows it (explain itself counts nothing).
  double frequency(const std::string& query) {
    auto http = server_->client();
    auto found = http.post("/api/v1/contexts/search", R"({"query": ")" + query + R"(", "explain": true})");
    EXPECT_EQ(found.status, 200) << found.body;
    return found.json().at("contexts").at(0).at("explain").at("frequency").to_number<double>();
  }
  void search(const std::string& body, int times) {
    auto http = server_->client();
    for (int i = 0; i < times; ++i) {
      auto found = http.post("/api/v1/contexts/search", body);
      ASSERT_EQ(found.status, 200) << found.body;
      ASSERT_EQ(found.json().at("contexts").as_array().size(), 1u) << found.body;
    }
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_ = std::make_unique<ServerProcess>(without_rate_limit(dir_.path()));
};

TEST_F(ContextsRecordAccessTest, SearchesThatDoNotRecordLeaveCountsAndLevelAlone) {
  const auto id = store("the lighthouse keeper logs the tide");
  search(R"({"query": "lighthouse tide", "record_access": false})", kSearches);
  search(R"({"query": "lighthouse tide", "explain": true})", kSearches);
  EXPECT_DOUBLE_EQ(frequency("lighthouse tide"), 0.0) << "no search counted, so ranking is as before";
  const auto item = read_after_restart(id);
  EXPECT_EQ(item.at("access_count").as_int64(), 0);
  EXPECT_TRUE(item.at("last_accessed_at").is_null());
  EXPECT_EQ(item.at("level").as_string(), "ShortTerm") << "not promoted";
}

TEST_F(ContextsRecordAccessTest, SearchesCountByDefaultAndWhenAskedWithExplain) {
  const auto id = store("the orchard ripens in late september");
  search(R"({"query": "orchard september"})", kSearches - 1);
  search(R"({"query": "orchard september", "explain": true, "record_access": true})", 1);
  EXPECT_GT(frequency("orchard september"), 0.0);
  const auto item = read_after_restart(id);
  EXPECT_EQ(item.at("access_count").as_int64(), kSearches);
  EXPECT_EQ(item.at("level").as_string(), "LongTerm") << "promoted after memory.promote_after_hits retrievals";
}

TEST_F(ContextsRecordAccessTest, RecordAccessMustBeABoolean) {
  auto http = server_->client();
  auto refused = http.post("/api/v1/contexts/search", R"({"query": "x", "record_access": "no"})");
  ASSERT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.json().at("details").at("field").as_string(), "record_access");
}

}  // namespace
}  // namespace hirag::testing
