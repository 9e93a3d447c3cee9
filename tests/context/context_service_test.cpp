// tests/context/context_service_test: sessions on a real SQLite file — turns are
// stored (and sent to the memory sink), a turn is folded into the running brief
// once, the fold point persists across service instances, tenants and namespaces
// do not see each other, and build requests are validated.
#include "context/context_service.hpp"

#include <gtest/gtest.h>

#include "context_fakes.hpp"
#include "store/sqlite/sqlite_session_store.hpp"
#include "support/server_process.hpp"

namespace hirag::context {
namespace {

using hirag::testing::TempDir;

class ContextServiceTest : public ::testing::Test {
 protected:
  std::unique_ptr<ContextService> open_service() {
    auto store = store::sqlite::SqliteSessionStore::open(dir.path() + "/hirag.db", {});
    EXPECT_TRUE(store) << store.error().message;
    return make_context_service(config, std::move(store).value(), retriever, sink, summarizer.function(),
                                exact_token_counter(), facts);
  }

  Result<store::SessionTurn> add(ContextService& service, const std::string& role, const std::string& content,
                                 const std::string& tenant = "t1") {
    return service.append_turn({{tenant, "default", "s1"}, role, content, std::nullopt, "{}"});
  }

  BuildRequest session_build(int64_t window) {
    BuildRequest request;
    request.tenant = "t1";
    request.session_id = "s1";
    request.budget.window = window;
    return request;
  }

  TempDir dir;
  Config config;
  std::shared_ptr<testing::FixedRetriever> retriever =
      std::make_shared<testing::FixedRetriever>(std::vector<RetrievedSnippet>{{"m1", "a remembered fact", 0.7}});
  std::shared_ptr<testing::RecordingSink> sink = std::make_shared<testing::RecordingSink>();
  std::shared_ptr<testing::FixedFacts> facts = std::make_shared<testing::FixedFacts>(std::vector<RelevantFact>{
      {"f-old", "Alice", "works_at", "Initech", 946684800000, 1577836800000, 0.9},
      {"f-now", "Alice", "works_at", "Acme", 1577836800000, std::nullopt, 0.5}});
  testing::CountingSummarizer summarizer;
};

std::string long_text(int i) {
  std::string text = "turn " + std::to_string(i) + ":";
  for (int w = 0; w < 60; ++w) text += " word" + std::to_string(w);
  return text;
}

TEST_F(ContextServiceTest, AppendStoresTheTurnWithCountsAndInMemory) {
  auto service = open_service();
  auto turn = add(*service, "user", "Hello there");
  ASSERT_TRUE(turn) << turn.error().message;
  EXPECT_EQ(turn->seq, 1);
  EXPECT_EQ(turn->token_counts.at("cl100k_base"), 2);
  EXPECT_EQ(turn->token_counts.at("o200k_base"), 2);
  EXPECT_EQ(turn->memory_id, "mem-1");
  ASSERT_EQ(sink->turns.size(), 1u);
  EXPECT_EQ(sink->turns[0].session_id, "s1");
  EXPECT_EQ(sink->turns[0].role, "user");
  EXPECT_EQ(add(*service, "assistant", "Hi")->seq, 2);
}

TEST_F(ContextServiceTest, BadTurnsNameTheField) {
  auto service = open_service();
  auto role = add(*service, "robot", "x");
  ASSERT_FALSE(role);
  EXPECT_EQ(role.error().details.at("field"), "role");
  auto empty = add(*service, "user", "");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().details.at("field"), "content");
  auto bad_id = service->append_turn({{"t1", "default", "bad id!"}, "user", "x", std::nullopt, "{}"});
  ASSERT_FALSE(bad_id);
  EXPECT_EQ(bad_id.error().details.at("field"), "session_id");
}

TEST_F(ContextServiceTest, ANamedTurnCountsItsNameAndABadNameIsRefused) {
  auto service = open_service();
  auto named = service->append_turn({{"t1", "default", "s1"}, "user", "Hello there", "bob", "{}"});
  ASSERT_TRUE(named) << named.error().message;
  // "Hello there" is 2 tokens, "bob" 1, and a name costs 1 more.
  EXPECT_EQ(named->token_counts.at("cl100k_base"), 4);
  for (const std::string& bad : std::vector<std::string>{"", "two words", std::string(65, 'x'), "caf\xc3\xa9"}) {
    auto refused = service->append_turn({{"t1", "default", "s1"}, "user", "x", bad, "{}"});
    ASSERT_FALSE(refused) << bad;
    EXPECT_EQ(refused.error().details.at("field"), "name");
  }
  EXPECT_EQ(service->get_session({"t1", "default", "s1"})->turns.size(), 1u);
}

TEST_F(ContextServiceTest, TurnsStoredWithoutCountsAreCountedOnRead) {
  {
    // As migration 13 leaves a named turn of an older version: its counts cleared.
    auto store = store::sqlite::SqliteSessionStore::open(dir.path() + "/hirag.db", {});
    ASSERT_TRUE(store);
    store::NewSessionTurn turn{"user", "Hello there", std::string("bob"), "{}", {}, std::nullopt, 1};
    ASSERT_TRUE((*store)->append_turn({"t1", "default", "s1"}, turn, 100));
  }
  auto service = open_service();
  auto view = service->get_session({"t1", "default", "s1"});
  ASSERT_TRUE(view) << view.error().message;
  EXPECT_EQ(view->turns.at(0).token_counts.at("cl100k_base"), 4);
  EXPECT_EQ(view->turns.at(0).token_counts.at("o200k_base"), 4);
  auto built = service->build(session_build(8000));
  ASSERT_TRUE(built) << built.error().message;
  size_t recounted = kReplyPrimerTokens;
  for (const auto& message : built->context.messages) {
    recounted += message_tokens(message, tokenize::Encoding::cl100k_base, exact_token_counter());
  }
  EXPECT_EQ(built->context.total_tokens, recounted);
  EXPECT_EQ(built->context.messages.back().name, "bob");
}

TEST_F(ContextServiceTest, SessionsAreScopedByTenantAndNamespace) {
  auto service = open_service();
  ASSERT_TRUE(add(*service, "user", "mine"));
  EXPECT_EQ(service->get_session({"t2", "default", "s1"}).error().code, ErrorCode::NotFound);
  EXPECT_EQ(service->get_session({"t1", "other", "s1"}).error().code, ErrorCode::NotFound);
  auto build = session_build(8000);
  build.tenant = "t2";
  EXPECT_EQ(service->build(build).error().code, ErrorCode::NotFound);
}

TEST_F(ContextServiceTest, ATurnIsFoldedOnceAndTheFoldPointPersists) {
  auto service = open_service();
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(add(*service, i % 2 ? "assistant" : "user", long_text(i)));
  auto first = service->build(session_build(8000));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(*summarizer.calls, 1);
  ASSERT_TRUE(first->brief_through_seq);
  const int64_t fold_point = *first->brief_through_seq;
  EXPECT_GT(fold_point, 0);
  EXPECT_EQ(first->context.brief_text, "summary#1 of " + std::to_string(fold_point) + " texts");

  // The same build again: nothing new to fold, no summarizer call.
  auto second = service->build(session_build(8000));
  ASSERT_TRUE(second);
  EXPECT_EQ(*summarizer.calls, 1);
  EXPECT_EQ(second->context.brief_text, first->context.brief_text);

  // A new service on the same file sees the persisted brief and fold point.
  service.reset();
  auto reopened = open_service();
  auto view = reopened->get_session({"t1", "default", "s1"});
  ASSERT_TRUE(view);
  EXPECT_EQ(view->record.brief.through_seq, fold_point);
  EXPECT_EQ(view->record.brief.text, first->context.brief_text);
  for (const auto& turn : view->turns) EXPECT_EQ(turn.folded, turn.seq <= fold_point) << turn.seq;

  // New turns are folded on top of the brief: old brief + only the new turns.
  for (int i = 20; i < 30; ++i) ASSERT_TRUE(add(*reopened, i % 2 ? "assistant" : "user", long_text(i)));
  auto third = reopened->build(session_build(8000));
  ASSERT_TRUE(third);
  EXPECT_EQ(*summarizer.calls, 2);
  const int64_t newly_folded = *third->brief_through_seq - fold_point;
  EXPECT_EQ(third->context.brief_text, "summary#2 of " + std::to_string(newly_folded + 1) + " texts");
}

TEST_F(ContextServiceTest, ATurnRefusedAtTheTurnLimitLeavesNoMemoryItem) {
  config.context.max_turns = 2;
  auto service = open_service();
  ASSERT_TRUE(add(*service, "user", "one"));
  ASSERT_TRUE(add(*service, "assistant", "two"));
  auto third = add(*service, "user", "three");
  ASSERT_FALSE(third);
  // The sink stored the third turn before the session refused it; it is taken back.
  EXPECT_EQ(sink->turns.size(), 3u);
  EXPECT_EQ(sink->forgotten, std::vector<std::string>{"mem-3"});
}

TEST_F(ContextServiceTest, DeleteRemovesTheSessionAndItsTurns) {
  auto service = open_service();
  ASSERT_TRUE(add(*service, "user", "bye"));
  EXPECT_TRUE(service->delete_session({"t1", "default", "s1"}));
  // The memory item the turn was stored as is deleted too.
  EXPECT_EQ(sink->forgotten, std::vector<std::string>{"mem-1"});
  EXPECT_EQ(service->delete_session({"t1", "default", "s1"}).error().code, ErrorCode::NotFound);
  EXPECT_EQ(service->get_session({"t1", "default", "s1"}).error().code, ErrorCode::NotFound);
  auto again = add(*service, "user", "hello again");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->seq, 1);
}

TEST_F(ContextServiceTest, ExplicitTurnsDefaultTheQueryToTheLastUserTurn) {
  auto service = open_service();
  BuildRequest request;
  request.tenant = "t1";
  request.turns = std::vector<Turn>{{"user", "first question", {}, 0, {}, {}},
                                    {"assistant", "an answer", {}, 0, {}, {}},
                                    {"user", "what about sqlite?", {}, 0, {}, {}}};
  auto built = service->build(request);
  ASSERT_TRUE(built) << built.error().message;
  ASSERT_EQ(retriever->queries().size(), 1u);
  EXPECT_EQ(retriever->queries()[0].query, "what about sqlite?");
  EXPECT_EQ(built->context.snippets.size(), 1u);
  EXPECT_EQ(facts->queries(), std::vector<std::string>{"what about sqlite?"});
}

TEST_F(ContextServiceTest, RelevantFactsFillTheFactsSlotCurrentOnesFirst) {
  auto service = open_service();
  BuildRequest request;
  request.tenant = "t1";
  request.turns = std::vector<Turn>{{"user", "where does alice work?", {}, 0, {}, {}}};
  auto built = service->build(request);
  ASSERT_TRUE(built) << built.error().message;
  const auto& context = built->context;
  ASSERT_EQ(context.fact_items.size(), 2u);
  EXPECT_EQ(context.fact_items[0].id, "f-now") << "valid now beats a higher score that is no longer valid";
  ASSERT_GE(context.messages.size(), 2u);
  EXPECT_EQ(context.messages[0].content,
            "Known facts:\n- Alice works_at Acme (since 2020-01-01)\n"
            "- Alice works_at Initech (2000-01-01 to 2020-01-01)");
  EXPECT_EQ(context.facts.tokens, message_tokens(context.messages[0], request.encoding, exact_token_counter()));
  EXPECT_LE(context.facts.tokens, context.facts.budget);

  request.include_facts = false;
  auto without = service->build(request);
  ASSERT_TRUE(without);
  EXPECT_TRUE(without->context.fact_items.empty());
  EXPECT_EQ(without->context.facts.tokens, 0u);
  EXPECT_EQ(facts->queries().size(), 1u) << "not asked for: no lookup";
}

TEST_F(ContextServiceTest, BuildValidation) {
  auto service = open_service();
  BuildRequest neither;
  neither.tenant = "t1";
  EXPECT_EQ(service->build(neither).error().details.at("field"), "session_id");

  BuildRequest bad_role;
  bad_role.tenant = "t1";
  bad_role.turns = std::vector<Turn>{{"user", "ok", {}, 0, {}, {}}, {"wizard", "x", {}, 0, {}, {}}};
  EXPECT_EQ(service->build(bad_role).error().details.at("field"), "turns[1].role");

  BuildRequest small;
  small.tenant = "t1";
  small.turns = std::vector<Turn>{{"user", "ok", {}, 0, {}, {}}};
  small.budget.window = 500;
  small.budget.completion = 600;
  EXPECT_EQ(service->build(small).error().details.at("field"), "completion_tokens");
}

}  // namespace
}  // namespace hirag::context
