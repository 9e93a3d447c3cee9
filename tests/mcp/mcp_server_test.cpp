// mcp/mcp_server over the real services `hirag serve` opens (SQLite, local
// embedder) on a temp data dir: lifecycle, every tool, resources, errors.
#include "mcp/mcp_server.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "cli/service_set.hpp"
#include "core/json_writer.hpp"
#include "support/server_process.hpp"

namespace hirag::mcp {
namespace {

class McpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_.server.data_dir = dir_.path();
    auto opened = cli::ServiceSet::open(config_);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    set_ = std::move(opened).value();
    ASSERT_TRUE(set_->finish_startup().ok());
    server_ = std::make_unique<McpServer>(set_->services());
  }

  RpcOutcome call(const std::string& method, boost::json::object params, const std::string& tenant = "a") {
    RpcCall request;
    request.id = 1;
    request.method = method;
    request.params = std::move(params);
    return server_->handle(request, tenant);
  }

  // tools/call that must succeed at the protocol level; returns the result object.
  boost::json::object tool(const std::string& name, std::string_view arguments, const std::string& tenant = "a") {
    auto outcome = call("tools/call", {{"name", name}, {"arguments", boost::json::parse(arguments)}}, tenant);
    if (auto* error = std::get_if<RpcError>(&outcome)) {
      ADD_FAILURE() << name << ": " << error->message;
      return {};
    }
    return std::get<boost::json::value>(outcome).as_object();
  }

  // The structured output of a successful tool call.
  boost::json::object structured(const std::string& name, std::string_view arguments, const std::string& tenant = "a") {
    auto result = tool(name, arguments, tenant);
    EXPECT_EQ(result.at("isError"), false) << to_json(result);
    // Clients that read only `content` get the same object as JSON text.
    // (Compared as text: Boost.JSON 1.81's parser may round a double's last digit.)
    EXPECT_EQ(result.at("content").at(0).at("text").as_string(), to_json(result.at("structuredContent")));
    return result.at("structuredContent").as_object();
  }

  RpcError error_of(RpcOutcome outcome) {
    auto* error = std::get_if<RpcError>(&outcome);
    if (error == nullptr) {
      ADD_FAILURE() << "expected an error, got " << to_json(std::get<boost::json::value>(outcome));
      return {};
    }
    return *error;
  }

  size_t listed_resources(const std::string& tenant = "a") {
    auto listed = call("resources/list", {}, tenant);
    return std::get<boost::json::value>(listed).at("resources").as_array().size();
  }

  testing::TempDir dir_;
  Config config_;
  std::unique_ptr<cli::ServiceSet> set_;
  std::unique_ptr<McpServer> server_;
};

TEST_F(McpServerTest, InitializeNegotiatesTheVersionAndAnnouncesToolsAndResources) {
  auto outcome = call("initialize", {{"protocolVersion", "2025-06-18"},
                                     {"capabilities", boost::json::object{}},
                                     {"clientInfo", {{"name", "test"}, {"version", "1"}}}});
  const auto result = std::get<boost::json::value>(outcome);
  EXPECT_EQ(result.at("protocolVersion"), "2025-06-18");
  EXPECT_TRUE(result.at("capabilities").as_object().contains("tools"));
  EXPECT_TRUE(result.at("capabilities").as_object().contains("resources"));
  EXPECT_EQ(result.at("serverInfo").at("name"), "hirag");

  auto older = std::get<boost::json::value>(call("initialize", {{"protocolVersion", "2024-11-05"}}));
  EXPECT_EQ(older.at("protocolVersion"), "2024-11-05");
  auto unknown = std::get<boost::json::value>(call("initialize", {{"protocolVersion", "1999-01-01"}}));
  EXPECT_EQ(unknown.at("protocolVersion"), "2025-06-18");
  EXPECT_EQ(error_of(call("initialize", {})).code, kInvalidParams);
}

TEST_F(McpServerTest, PingAnswersAndUnknownMethodsAreNotFound) {
  EXPECT_TRUE(std::get<boost::json::value>(call("ping", {})).as_object().empty());
  EXPECT_EQ(error_of(call("sampling/createMessage", {})).code, kMethodNotFound);
}

TEST_F(McpServerTest, ToolsListHasEveryToolWithInputAndOutputSchemas) {
  auto listed = std::get<boost::json::value>(call("tools/list", {}));
  std::vector<std::string> names;
  for (const auto& tool : listed.at("tools").as_array()) {
    names.emplace_back(tool.at("name").as_string());
    EXPECT_EQ(tool.at("inputSchema").at("type"), "object") << names.back();
    EXPECT_EQ(tool.at("outputSchema").at("type"), "object") << names.back();
    EXPECT_FALSE(tool.at("description").as_string().empty());
  }
  EXPECT_EQ(names, (std::vector<std::string>{"memory_store", "memory_search", "memory_get", "memory_delete",
                                             "session_append_turn", "context_build", "tokens_count"}));
}

TEST_F(McpServerTest, StoreSearchGetDeleteRoundTrip) {
  auto stored = structured("memory_store", R"({"text": "The deploy key rotates every Tuesday", "level": "LongTerm",
                                               "metadata": {"topic": "ops"}})");
  const std::string id(stored.at("id").as_string());

  auto found = structured("memory_search", R"({"query": "when does the deploy key rotate"})");
  ASSERT_EQ(found.at("contexts").as_array().size(), 1u);
  EXPECT_EQ(found.at("contexts").at(0).at("id").as_string(), id);

  auto item = structured("memory_get", R"({"id": ")" + id + R"("})");
  EXPECT_EQ(item.at("text"), "The deploy key rotates every Tuesday");
  EXPECT_EQ(item.at("metadata").at("topic"), "ops");

  auto deleted = structured("memory_delete", R"({"id": ")" + id + R"("})");
  EXPECT_EQ(deleted.at("deleted"), true);
  auto missing = tool("memory_get", R"({"id": ")" + id + R"("})");
  EXPECT_EQ(missing.at("isError"), true);
  EXPECT_EQ(missing.at("structuredContent").at("code"), "NOT_FOUND");
}

TEST_F(McpServerTest, BadArgumentIsInvalidParamsNamingTheFieldAndStoresNothing) {
  auto error = error_of(call("tools/call", {{"name", "memory_store"},
                                            {"arguments", {{"text", "x"}, {"level", "Forever"}}}}));
  EXPECT_EQ(error.code, kInvalidParams);
  EXPECT_EQ(error.data.at("code"), "VALIDATION_ERROR");
  EXPECT_EQ(error.data.at("details").at("field"), "level");
  EXPECT_NE(error.message.find("level"), std::string::npos);

  auto unknown_field = error_of(call("tools/call", {{"name", "memory_store"}, {"arguments", {{"txt", "x"}}}}));
  EXPECT_EQ(unknown_field.code, kInvalidParams);
  EXPECT_EQ(listed_resources(), 0u);
}

TEST_F(McpServerTest, UnknownToolAndNonObjectArgumentsAreInvalidParams) {
  EXPECT_EQ(error_of(call("tools/call", {{"name", "memory_forget"}})).data.at("details").at("field"), "name");
  EXPECT_EQ(error_of(call("tools/call", {{"name", "tokens_count"}, {"arguments", "hi"}})).code, kInvalidParams);
}

TEST_F(McpServerTest, SessionTurnsFeedContextBuildAndTheSessionResource) {
  auto turn = structured("session_append_turn",
                         R"({"session_id": "s1", "role": "user", "content": "My name is Ada and I like tea"})");
  EXPECT_EQ(turn.at("session_id"), "s1");
  EXPECT_EQ(turn.at("seq"), 1);
  EXPECT_EQ(error_of(call("tools/call", {{"name", "session_append_turn"},
                                         {"arguments", {{"role", "user"}, {"content", "x"}}}}))
                .data.at("details").at("field"),
            "session_id");

  auto built = structured("context_build", R"({"session_id": "s1", "max_tokens": 2000})");
  const auto& messages = built.at("messages").as_array();
  ASSERT_FALSE(messages.empty());
  EXPECT_EQ(messages.back().at("content"), "My name is Ada and I like tea");
  EXPECT_LE(built.at("total_tokens").to_number<int64_t>(), 2000);

  auto read = std::get<boost::json::value>(call("resources/read", {{"uri", "hirag://sessions/s1"}}));
  auto session = boost::json::parse(read.at("contents").at(0).at("text").as_string());
  EXPECT_EQ(session.at("turn_count"), 1);
}

TEST_F(McpServerTest, TokensCountIsExact) {
  auto counted = structured("tokens_count", R"({"text": "hello world", "encoding": "cl100k_base"})");
  EXPECT_EQ(counted.at("count"), 2);
  auto many = structured("tokens_count", R"({"texts": ["hello world", "hello"]})");
  EXPECT_EQ(many.at("total"), 3);
}

TEST_F(McpServerTest, ItemsAreResourcesOfTheirTenantOnly) {
  const std::string id(structured("memory_store", R"({"text": "tenant a's secret"})").at("id").as_string());
  const std::string uri = "hirag://items/" + id;
  auto listed = std::get<boost::json::value>(call("resources/list", {}));
  EXPECT_EQ(listed.at("resources").at(0).at("uri").as_string(), uri);
  auto read = std::get<boost::json::value>(call("resources/read", {{"uri", uri}}));
  EXPECT_EQ(boost::json::parse(read.at("contents").at(0).at("text").as_string()).at("text"), "tenant a's secret");

  EXPECT_EQ(error_of(call("resources/read", {{"uri", uri}}, "b")).code, kResourceNotFound);
  EXPECT_EQ(listed_resources("b"), 0u);
  EXPECT_EQ(tool("memory_get", R"({"id": ")" + id + R"("})", "b").at("isError"), true);
  EXPECT_EQ(error_of(call("resources/read", {{"uri", "file:///etc/passwd"}})).code, kResourceNotFound);
}

}  // namespace
}  // namespace hirag::mcp
