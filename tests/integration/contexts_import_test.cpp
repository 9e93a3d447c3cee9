// Importing real histories over HTTP: text is stored as sent (control characters
// included, NUL refused naming the item and byte), and "split_long_text" stores a
// text over memory.max_text_bytes as linked parts instead of refusing it.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "support/server_process.hpp"

namespace hirag::testing {
namespace {

constexpr int kMaxTextBytes = 1000;

class ContextsImportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto options = without_rate_limit();
    options.env["HIRAG_MEMORY__MAX_TEXT_BYTES"] = std::to_string(kMaxTextBytes);
    server_ = new ServerProcess(options);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static std::string text_of(HttpClient& http, const boost::json::value& id) {
    auto read = http.get("/api/v1/contexts/" + std::string(id.as_string()));
    EXPECT_EQ(read.status, 200) << read.body;
    return std::string(read.json().at("text").as_string());
  }
  static size_t count_in(HttpClient& http, const std::string& name_space) {
    auto listed = http.get("/api/v1/contexts?limit=1000&namespace=" + name_space);
    EXPECT_EQ(listed.status, 200) << listed.body;
    return listed.json().at("contexts").as_array().size();
  }
  // A 400 naming `field`, with nothing stored in the namespace.
  static void expect_refused(const std::string& path, const std::string& body, const std::string& field,
                             const std::string& name_space) {
    auto http = server_->client();
    auto refused = http.post(path, body);
    ASSERT_EQ(refused.status, 400) << refused.body;
    EXPECT_EQ(refused.json().at("details").at("field").as_string(), field);
    EXPECT_EQ(count_in(http, name_space), 0u);
  }
  static ServerProcess* server_;
};
ServerProcess* ContextsImportTest::server_ = nullptr;

// Sentences of distinct words, so that each part of a split holds its own.
std::string long_text(int sentences) {
  std::string text;
  for (int i = 0; i < sentences; ++i) {
    text += "Sentence " + std::to_string(i) + " talks about topic" + std::to_string(i) +
            " and keeps going with ordinary filler words for a while. ";
    if (i % 7 == 6) text += "\n\n";
  }
  return text;
}

TEST_F(ContextsImportTest, ControlCharactersAreStoredAndReadBackByteForByte) {
  auto http = server_->client();
  const std::string turn = std::string("tab\there, vertical\x0btab, form\x0c" "feed, start\x02of text, del\x7f");
  boost::json::object batch{{"items", boost::json::array{boost::json::object{{"text", "a plain turn"},
                                                                             {"namespace", "ctl"}},
                                                         boost::json::object{{"text", turn}, {"namespace", "ctl"}}}}};
  auto stored = http.post_json("/api/v1/contexts/batch", batch);
  ASSERT_EQ(stored.status, 201) << stored.body;
  const auto body = stored.json().as_object();
  const auto& ids = body.at("ids").as_array();
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(text_of(http, ids[1]), turn);
  EXPECT_FALSE(body.contains("parts")) << "nothing was split";
  auto found = http.post("/api/v1/contexts/search", R"({"query": "vertical form feed", "namespace": "ctl"})");
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_EQ(found.json().at("contexts").at(0).at("text").as_string(), turn);
}

TEST_F(ContextsImportTest, ANulIsA400NamingTheItemAndByteAndNothingIsStored) {
  const std::string body = R"({"items": [{"text": "fine", "namespace": "nul"},
                                         {"text": "bad\u0000byte", "namespace": "nul"}]})";
  expect_refused("/api/v1/contexts/batch", body, "items[1].text", "nul");
  auto http = server_->client();
  auto refused = http.post("/api/v1/contexts/batch", body);
  EXPECT_NE(std::string(refused.json().at("message").as_string()).find("NUL character at byte 3"), std::string::npos)
      << refused.body;
}

TEST_F(ContextsImportTest, AnOverLongTextWithoutTheFlagIsStillA400NamingTheItem) {
  boost::json::object batch{
      {"items", boost::json::array{boost::json::object{{"text", "short"}, {"namespace", "long"}},
                                   boost::json::object{{"text", long_text(40)}, {"namespace", "long"}}}}};
  expect_refused("/api/v1/contexts/batch", boost::json::serialize(batch), "items[1].text", "long");
}

TEST_F(ContextsImportTest, WithTheFlagALongTextBecomesLinkedPartsInOrder) {
  auto http = server_->client();
  const std::string text = long_text(40);
  ASSERT_GT(text.size(), 3u * kMaxTextBytes);
  boost::json::object batch{
      {"split_long_text", true},
      {"items", boost::json::array{
                    boost::json::object{{"text", "before"}, {"namespace", "split"}, {"session_id", "s1"}},
                    boost::json::object{{"text", text}, {"namespace", "split"}, {"session_id", "s1"},
                                        {"level", "LongTerm"}, {"metadata", {{"sid", "chat-7"}}}},
                    boost::json::object{{"text", "after"}, {"namespace", "split"}, {"session_id", "s1"}}}}};
  auto stored = http.post_json("/api/v1/contexts/batch", batch);
  ASSERT_EQ(stored.status, 201) << stored.body;
  const auto body = stored.json().as_object();
  ASSERT_EQ(body.at("ids").as_array().size(), 3u) << "one id per item: the first part's";
  const auto& parts = body.at("parts").as_array().at(1).as_array();
  ASSERT_GE(parts.size(), 4u);
  EXPECT_EQ(parts.at(0), body.at("ids").at(1));
  EXPECT_EQ(body.at("parts").at(0).as_array().size(), 1u);
  std::string joined;
  for (size_t i = 0; i < parts.size(); ++i) {
    auto read = http.get("/api/v1/contexts/" + std::string(parts[i].as_string()));
    ASSERT_EQ(read.status, 200) << read.body;
    const auto item = read.json().as_object();
    const std::string part(item.at("text").as_string());
    EXPECT_LE(part.size(), static_cast<size_t>(kMaxTextBytes));
    EXPECT_EQ(item.at("session_id").as_string(), "s1");
    EXPECT_EQ(item.at("namespace").as_string(), "split");
    EXPECT_EQ(item.at("level").as_string(), "LongTerm");
    EXPECT_EQ(item.at("metadata").at("sid").as_string(), "chat-7") << "the item's own metadata is kept";
    EXPECT_EQ(item.at("metadata").at("split"),
              boost::json::parse(boost::json::serialize(boost::json::object{
                  {"part", i + 1}, {"parts", parts.size()}, {"of", parts[0]}})));
    joined += part;
  }
  EXPECT_EQ(joined, text) << "the parts concatenate back to the text";
  // Stored in order, between the items sent around it (the list is in storage order).
  auto listed = http.get("/api/v1/contexts?limit=1000&namespace=split");
  ASSERT_EQ(listed.status, 200);
  std::vector<boost::json::value> order;
  const auto listing = listed.json();
  for (const auto& item : listing.at("contexts").as_array()) order.push_back(item.at("id"));
  std::vector<boost::json::value> expected{body.at("ids").at(0)};
  expected.insert(expected.end(), parts.begin(), parts.end());
  expected.push_back(body.at("ids").at(2));
  EXPECT_EQ(order, expected);
}

TEST_F(ContextsImportTest, ASearchFindsThePartThatHoldsTheWords) {
  auto http = server_->client();
  const std::string text = long_text(40);
  auto stored = http.post_json("/api/v1/contexts", boost::json::object{{"text", text}, {"namespace", "find"},
                                                                       {"split_long_text", true}});
  ASSERT_EQ(stored.status, 201) << stored.body;
  const auto body = stored.json().as_object();
  const auto& parts = body.at("parts").as_array();
  ASSERT_GE(parts.size(), 4u);
  EXPECT_EQ(body.at("id"), parts.at(0));
  auto found = http.post("/api/v1/contexts/search", R"({"query": "topic33", "namespace": "find", "top_k": 1})");
  ASSERT_EQ(found.status, 200) << found.body;
  const auto best = found.json().at("contexts").at(0);
  EXPECT_NE(std::string(best.at("text").as_string()).find("topic33 "), std::string::npos) << found.body;
  EXPECT_NE(best.at("id"), parts.at(0)) << "topic33 is in a later part";
}

TEST_F(ContextsImportTest, AnItemsOwnFlagOverridesTheBatchs) {
  boost::json::object batch{
      {"split_long_text", true},
      {"items", boost::json::array{boost::json::object{{"text", long_text(40)}, {"namespace", "override"},
                                                       {"split_long_text", false}}}}};
  expect_refused("/api/v1/contexts/batch", boost::json::serialize(batch), "items[0].text", "override");
}

TEST_F(ContextsImportTest, AnItemToBeSplitMayNotSetTheSplitKeyItself) {
  boost::json::object item{{"text", long_text(40)}, {"namespace", "reserved"}, {"split_long_text", true},
                           {"metadata", {{"split", 1}}}};
  expect_refused("/api/v1/contexts", boost::json::serialize(item), "metadata.split", "reserved");
}

}  // namespace
}  // namespace hirag::testing
