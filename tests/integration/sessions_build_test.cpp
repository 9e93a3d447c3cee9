// tests/integration/sessions_build_test: the sessions API and /context/build against
// the real binary — turns in, exact token counts out (re-counted with
// `hirag tokenize`), folding into the running brief, deletion, and every bad input
// answered with the error envelope naming the field.
#include <gtest/gtest.h>

#include "session_testing.hpp"

namespace hirag::testing {
namespace {

class SessionsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server = new ServerProcess(without_rate_limit());
  }
  static void TearDownTestSuite() {
    delete server;
    server = nullptr;
  }
  static ServerProcess* server;
  HttpClient client = server->client();
};
ServerProcess* SessionsApi::server = nullptr;

void expect_field_error(const HttpResult& result, long status, const std::string& field) {
  EXPECT_EQ(result.status, status) << result.body;
  const auto body = result.json().as_object();
  EXPECT_TRUE(body.contains("code")) << result.body;
  EXPECT_EQ(body.at("details").as_object().at("field"), field.c_str()) << result.body;
}

TEST_F(SessionsApi, TurnsThenBuildGiveExactCounts) {
  ASSERT_EQ(add_turn(client, "exact-1", "user", "What does the deploy script do?").status, 201);
  ASSERT_EQ(add_turn(client, "exact-1", "assistant", "It builds, tests and ships the binary.").status, 201);
  auto last = add_turn(client, "exact-1", "user", "And where are the logs?");
  ASSERT_EQ(last.status, 201) << last.body;
  EXPECT_EQ(last.json().at("seq"), 3);
  EXPECT_EQ(last.json().at("tokens").at("cl100k_base"), 6);

  for (const std::string encoding : {"cl100k_base", "o200k_base"}) {
    auto built = client.post_json("/api/v1/context/build", {{"session_id", "exact-1"},
                                                            {"system_prompt", "You are terse."},
                                                            {"max_tokens", 8000},
                                                            {"encoding", encoding}});
    ASSERT_EQ(built.status, 200) << built.body;
    const auto body = built.json().as_object();
    const auto& messages = body.at("messages").as_array();
    const auto total = body.at("total_tokens").to_number<size_t>();
    EXPECT_EQ(recount_messages(messages, encoding), total) << encoding;
    EXPECT_LE(total, 8000u - body.at("completion_tokens").to_number<size_t>());
    EXPECT_EQ(messages.front().at("content"), "You are terse.");
    EXPECT_EQ(messages.back().at("content"), "And where are the logs?");
    EXPECT_EQ(body.at("slots").at("turns").at("count"), 3);
    EXPECT_EQ(body.at("summarized"), false);
    EXPECT_EQ(body.at("remaining").to_number<size_t>(), 8000u - 1000u - total);
  }
}

TEST_F(SessionsApi, LongSessionsFoldIntoTheBriefOnce) {
  for (int i = 0; i < 30; ++i) {
    ASSERT_EQ(add_turn(client, "fold-1", i % 2 ? "assistant" : "user", words(80, "t" + std::to_string(i) + "w")).status,
              201);
  }
  auto first = client.post_json("/api/v1/context/build", {{"session_id", "fold-1"}, {"max_tokens", 4000}});
  ASSERT_EQ(first.status, 200) << first.body;
  const auto body = first.json().as_object();
  EXPECT_EQ(body.at("summarized"), true);
  const auto through = body.at("metadata").at("brief_through_seq").to_number<int64_t>();
  EXPECT_GT(through, 0);
  EXPECT_LE(body.at("slots").at("brief").at("tokens").to_number<size_t>(),
            body.at("slots").at("brief").at("budget").to_number<size_t>());
  EXPECT_EQ(recount_messages(body.at("messages").as_array(), "cl100k_base"), body.at("total_tokens").to_number<size_t>());

  auto again = client.post_json("/api/v1/context/build", {{"session_id", "fold-1"}, {"max_tokens", 4000}});
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.json().at("summarized"), false);

  auto session = client.get("/api/v1/sessions/fold-1");
  ASSERT_EQ(session.status, 200) << session.body;
  const auto view = session.json().as_object();
  EXPECT_EQ(view.at("brief").at("through_seq"), through);
  EXPECT_EQ(view.at("turns").as_array().size(), 30u);
  for (const auto& turn : view.at("turns").as_array()) {
    EXPECT_EQ(turn.at("folded").as_bool(), turn.at("seq").to_number<int64_t>() <= through);
  }
}

TEST_F(SessionsApi, DeleteRemovesTheSessionAndItsTurnsFromMemory) {
  ASSERT_EQ(add_turn(client, "gone-1", "user", "temporary zanzibar walrus note").status, 201);
  auto search = [&] {
    return client.post_json("/api/v1/contexts/search", {{"query", "zanzibar walrus"}, {"session_id", "gone-1"}})
        .json().at("contexts").as_array().size();
  };
  EXPECT_EQ(search(), 1u);
  EXPECT_EQ(client.get("/api/v1/sessions/gone-1?namespace=other").status, 404);
  EXPECT_EQ(client.del("/api/v1/sessions/gone-1").status, 200);
  EXPECT_EQ(client.get("/api/v1/sessions/gone-1").status, 404);
  EXPECT_EQ(client.del("/api/v1/sessions/gone-1").status, 404);
  EXPECT_EQ(search(), 0u);
}

TEST_F(SessionsApi, BadInputIsA4xxNamingTheField) {
  ASSERT_EQ(add_turn(client, "bad-1", "user", "hello").status, 201);
  auto unknown = client.post_json("/api/v1/context/build", {{"session_id", "no-such-session"}});
  EXPECT_EQ(unknown.status, 404) << unknown.body;

  auto encoding = client.post_json("/api/v1/context/build", {{"session_id", "bad-1"}, {"encoding", "p50k_base"}});
  expect_field_error(encoding, 400, "encoding");
  EXPECT_NE(encoding.body.find("o200k_base"), std::string::npos);

  expect_field_error(client.post_json("/api/v1/context/build",
                                      {{"session_id", "bad-1"}, {"max_tokens", 500}, {"completion_tokens", 600}}),
                     400, "completion_tokens");
  expect_field_error(client.post_json("/api/v1/context/build", {{"session_id", "bad-1"}, {"max_tokens", -1}}), 400,
                     "max_tokens");
  expect_field_error(
      client.post_json("/api/v1/context/build", {{"session_id", "bad-1"}, {"max_tokens", 1000000000000LL}}), 400,
      "max_tokens");
  expect_field_error(
      client.post_json("/api/v1/context/build", {{"session_id", "bad-1"}, {"slots", {{"turns", -5}}}}), 400,
      "slots.turns");
  expect_field_error(client.post_json("/api/v1/context/build",
                                      {{"turns", boost::json::array{{{"role", "robot"}, {"content", "x"}}}}}),
                     400, "turns[0].role");
  expect_field_error(client.post_json("/api/v1/context/build", {{"session_id", "bad-1"}, {"max_tokns", 10}}), 400,
                     "max_tokns");
  expect_field_error(add_turn(client, "bad-1", "wizard", "x"), 400, "role");
  expect_field_error(add_turn(client, "bad%20id%21", "user", "x"), 400, "session_id");  // "bad id!"
}

TEST_F(SessionsApi, ANamedTurnCountsItsNameAndBuildsExactly) {
  auto named = client.post_json("/api/v1/sessions/named-1/turns",
                                {{"role", "user"}, {"content", "And where are the logs?"}, {"name", "alice_K-9"}});
  ASSERT_EQ(named.status, 201) << named.body;
  EXPECT_EQ(named.json().at("name"), "alice_K-9");
  // The content alone is 6 tokens (TurnsThenBuildGiveExactCounts); "alice_K-9" is
  // 5 more and a name costs 1 on top.
  const auto content_only = run_hirag({"tokenize", "--jsonl", "--encoding", "cl100k_base"}, "\"alice_K-9\"\n");
  const auto name_tokens = boost::json::parse(content_only.out).at("n").to_number<int64_t>();
  EXPECT_EQ(named.json().at("tokens").at("cl100k_base").to_number<int64_t>(), 6 + name_tokens + 1);

  auto built = client.post_json("/api/v1/context/build", {{"session_id", "named-1"}, {"max_tokens", 2000}});
  ASSERT_EQ(built.status, 200) << built.body;
  const auto messages = built.json().at("messages").as_array();
  EXPECT_EQ(messages.back().at("name"), "alice_K-9");
  EXPECT_EQ(recount_messages(messages, "cl100k_base"), built.json().at("total_tokens").to_number<size_t>());
}

TEST_F(SessionsApi, ABadTurnNameIsRefusedAndTheSessionStillBuilds) {
  ASSERT_EQ(add_turn(client, "names-1", "user", "first turn").status, 201);
  const std::vector<std::string> bad_names = {"", std::string(65, 'a'), "has space", std::string("nul\0byte", 8),
                                              "tab\there", "\xc3\xa9t\xc3\xa9", "dot.name", "slash/name",
                                              std::string(9 << 20, 'n')};
  for (const auto& name : bad_names) {
    auto result = client.post_json("/api/v1/sessions/names-1/turns",
                                   {{"role", "user"}, {"content", "second turn"}, {"name", name}});
    expect_field_error(result, 400, "name");
    auto build = client.post_json("/api/v1/context/build",
                                  {{"turns", boost::json::array{{{"role", "user"}, {"content", "x"}, {"name", name}}}}});
    expect_field_error(build, 400, "turns[0].name");
  }
  auto session = client.get("/api/v1/sessions/names-1");
  ASSERT_EQ(session.status, 200);
  EXPECT_EQ(session.json().at("turn_count"), 1);  // nothing of the refused turns was stored
  auto built = client.post_json("/api/v1/context/build", {{"session_id", "names-1"}});
  EXPECT_EQ(built.status, 200) << built.body;
}

TEST_F(SessionsApi, AContextThatCannotFitIs422WithTheNumbers) {
  auto result = client.post_json("/api/v1/context/build",
                                 {{"turns", boost::json::array{{{"role", "user"}, {"content", "hi"}}}},
                                  {"system_prompt", words(2000, "s")},
                                  {"max_tokens", 1000},
                                  {"completion_tokens", 200}});
  EXPECT_EQ(result.status, 422) << result.body;
  const auto details = result.json().at("details").as_object();
  EXPECT_EQ(details.at("available_tokens"), 800);
  EXPECT_GT(details.at("needed_tokens").to_number<int64_t>(), 800);
}

}  // namespace
}  // namespace hirag::testing
