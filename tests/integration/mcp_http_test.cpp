// MCP over streamable HTTP against the real binary: a client session end to end
// (initialize, tools/list, every tool), errors a client must be able to tell
// apart (bad argument, unknown session, wrong Origin, no key), tenant isolation.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "support/server_process.hpp"

namespace hirag::testing {
namespace {

const std::string kAccept = "Accept: application/json, text/event-stream";

// A minimal MCP client: initialize, then JSON-RPC requests on its session.
class McpClient {
 public:
  explicit McpClient(const ServerProcess& server, const std::string& key = "") : http_(server.client()) {
    if (!key.empty()) http_.set_bearer(key);
  }

  HttpResult post(const boost::json::value& message, std::vector<std::string> headers = {}) {
    headers.push_back(kAccept);
    if (!session_.empty()) {
      headers.push_back("Mcp-Session-Id: " + session_);
      headers.push_back("MCP-Protocol-Version: 2025-06-18");
    }
    return http_.post("/mcp", boost::json::serialize(message), headers);
  }

  HttpResult initialize() {
    auto result = post({{"jsonrpc", "2.0"},
                        {"id", 0},
                        {"method", "initialize"},
                        {"params",
                         {{"protocolVersion", "2025-06-18"},
                          {"capabilities", boost::json::object{}},
                          {"clientInfo", {{"name", "mcp_http_test"}, {"version", "1"}}}}}});
    session_ = result.header("mcp-session-id");
    if (result.status == 200) {
      EXPECT_EQ(post({{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}}).status, 202);
    }
    return result;
  }

  // The whole JSON-RPC response of a request.
  boost::json::value request(const std::string& method, boost::json::object params = {}) {
    auto result = post({{"jsonrpc", "2.0"}, {"id", ++next_id_}, {"method", method}, {"params", std::move(params)}});
    EXPECT_EQ(result.status, 200) << result.body;
    return result.json();
  }

  // tools/call → the JSON-RPC response.
  boost::json::value call_tool(const std::string& name, boost::json::object arguments) {
    return request("tools/call", {{"name", name}, {"arguments", std::move(arguments)}});
  }

  // A successful tool call's structured output.
  boost::json::object tool(const std::string& name, boost::json::object arguments) {
    const auto response = call_tool(name, std::move(arguments));
    if (!response.as_object().contains("result")) {
      ADD_FAILURE() << name << ": " << boost::json::serialize(response);
      return {};
    }
    EXPECT_EQ(response.at("result").at("isError"), false) << boost::json::serialize(response);
    return response.at("result").at("structuredContent").as_object();
  }

  const std::string& session() const { return session_; }
  void set_session(std::string session) { session_ = std::move(session); }
  HttpClient& http() { return http_; }

 private:
  HttpClient http_;
  std::string session_;
  int next_id_ = 0;
};

ServerOptions test_server() { return ServerOptions{.env = {{"HIRAG_RATE_LIMIT__ENABLED", "false"}}}; }

TEST(McpHttpTest, InitializeIssuesASessionAndNegotiatesTheVersion) {
  ServerProcess server(test_server());
  McpClient client(server);
  auto result = client.initialize();
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(result.header("content-type"), "application/json");
  EXPECT_EQ(client.session().size(), 32u);
  const auto body = result.json();
  EXPECT_EQ(body.at("id"), 0);
  EXPECT_EQ(body.at("result").at("protocolVersion"), "2025-06-18");
  EXPECT_EQ(body.at("result").at("serverInfo").at("name"), "hirag");
  EXPECT_EQ(client.request("ping").at("result").as_object().size(), 0u);
}

TEST(McpHttpTest, ToolsListNamesEveryToolWithSchemas) {
  ServerProcess server(test_server());
  McpClient client(server);
  ASSERT_EQ(client.initialize().status, 200);
  const auto listed = client.request("tools/list");
  std::set<std::string> names;
  for (const auto& tool : listed.at("result").at("tools").as_array()) {
    names.emplace(tool.at("name").as_string());
    EXPECT_TRUE(tool.as_object().contains("inputSchema"));
    EXPECT_TRUE(tool.as_object().contains("outputSchema"));
  }
  EXPECT_EQ(names, (std::set<std::string>{"memory_store", "memory_search", "memory_get", "memory_delete",
                                          "session_append_turn", "context_build", "tokens_count"}));
}

TEST(McpHttpTest, EveryToolWorksAndSeesWhatRestSees) {
  ServerProcess server(test_server());
  McpClient client(server);
  ASSERT_EQ(client.initialize().status, 200);

  const std::string id(client.tool("memory_store", {{"text", "Our staging database runs on port 6543"},
                                                    {"level", "LongTerm"}})
                           .at("id")
                           .as_string());
  // Stored through MCP, visible through REST: one code path.
  EXPECT_EQ(client.http().get("/api/v1/contexts/" + id).json().at("text"), "Our staging database runs on port 6543");

  const auto found = client.tool("memory_search", {{"query", "staging database port"}});
  ASSERT_EQ(found.at("contexts").as_array().size(), 1u);
  EXPECT_EQ(found.at("contexts").at(0).at("id").as_string(), id);
  EXPECT_EQ(client.tool("memory_get", {{"id", id}}).at("level"), "LongTerm");

  const auto turn = client.tool("session_append_turn", {{"session_id", "chat-1"}, {"role", "user"}, {"content", "Which port?"}});
  EXPECT_EQ(turn.at("seq"), 1);
  const auto built = client.tool("context_build", {{"session_id", "chat-1"}, {"max_tokens", 4000}});
  EXPECT_EQ(built.at("messages").as_array().back().at("content"), "Which port?");
  EXPECT_EQ(built.at("max_tokens"), 4000);

  const auto counted = client.tool("tokens_count", {{"text", "hello world"}});
  const auto rest = client.http().post("/api/v1/tokens/count", R"({"text":"hello world"})").json();
  EXPECT_EQ(counted.at("count"), rest.at("count"));

  EXPECT_EQ(client.tool("memory_delete", {{"id", id}}).at("deleted"), true);
  EXPECT_EQ(client.http().get("/api/v1/contexts/" + id).status, 404);
  const auto gone = client.call_tool("memory_get", {{"id", id}});
  EXPECT_EQ(gone.at("result").at("isError"), true);
  EXPECT_EQ(gone.at("result").at("structuredContent").at("code"), "NOT_FOUND");
}

TEST(McpHttpTest, BadArgumentIsAJsonRpcErrorNamingTheFieldAndStoresNothing) {
  ServerProcess server(test_server());
  McpClient client(server);
  ASSERT_EQ(client.initialize().status, 200);
  const auto response = client.call_tool("memory_store", {{"text", "never stored"}, {"level", "Eternal"}});
  ASSERT_TRUE(response.as_object().contains("error")) << boost::json::serialize(response);
  EXPECT_EQ(response.at("error").at("code"), -32602);
  EXPECT_EQ(response.at("error").at("data").at("code"), "VALIDATION_ERROR");
  EXPECT_EQ(response.at("error").at("data").at("details").at("field"), "level");
  EXPECT_EQ(client.http().get("/api/v1/contexts").json().at("contexts").as_array().size(), 0u);
}

TEST(McpHttpTest, SessionHeaderIsRequiredAndUnknownOrEndedSessionsAre404) {
  ServerProcess server(test_server());
  McpClient client(server);
  ASSERT_EQ(client.initialize().status, 200);
  const std::string session = client.session();

  client.set_session("");
  EXPECT_EQ(client.post({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "tools/list"}}).status, 400);
  client.set_session("0123456789abcdef0123456789abcdef");
  EXPECT_EQ(client.post({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "tools/list"}}).status, 404);

  client.set_session(session);
  EXPECT_EQ(client.http().del("/mcp", {"Mcp-Session-Id: " + session}).status, 200);
  EXPECT_EQ(client.post({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "tools/list"}}).status, 404);
}

TEST(McpHttpTest, ProtocolVersionHeaderAndGetAreChecked) {
  ServerProcess server(test_server());
  McpClient client(server);
  ASSERT_EQ(client.initialize().status, 200);
  auto wrong = client.http().post("/mcp", R"({"jsonrpc":"2.0","id":1,"method":"ping"})",
                                  {kAccept, "Mcp-Session-Id: " + client.session(), "MCP-Protocol-Version: 1999-01-01"});
  EXPECT_EQ(wrong.status, 400);
  // No server-initiated SSE stream: GET is not allowed.
  EXPECT_EQ(client.http().get("/mcp", {"Accept: text/event-stream"}).status, 405);
  EXPECT_EQ(client.http().post("/mcp", "{", {kAccept}).json().at("error").at("code"), -32700);
  // One rate-limited request carries one message: batches are refused.
  auto batch = client.http().post("/mcp", "[" + std::string(R"({"jsonrpc":"2.0","id":1,"method":"ping"})") + "]",
                                  {kAccept, "Mcp-Session-Id: " + client.session()});
  EXPECT_EQ(batch.status, 400);
  EXPECT_EQ(batch.json().at("error").at("code"), -32600);
}

TEST(McpHttpTest, OriginIsCheckedAgainstTheAllowList) {
  ServerProcess server(ServerOptions{.env = {{"HIRAG_RATE_LIMIT__ENABLED", "false"},
                                             {"HIRAG_MCP__ALLOWED_ORIGINS", "https://app.example.com"}}});
  McpClient client(server);
  ASSERT_EQ(client.initialize().status, 200);
  const std::string ping = R"({"jsonrpc":"2.0","id":1,"method":"ping"})";
  const std::string session = "Mcp-Session-Id: " + client.session();
  auto evil = client.http().post("/mcp", ping, {kAccept, session, "Origin: https://evil.example"});
  EXPECT_EQ(evil.status, 403);
  EXPECT_EQ(evil.json().at("code"), "FORBIDDEN");
  EXPECT_EQ(client.http().post("/mcp", ping, {kAccept, session, "Origin: http://127.evil.example"}).status, 403);
  EXPECT_EQ(client.http().post("/mcp", ping, {kAccept, session, "Origin: https://app.example.com"}).status, 200);
  EXPECT_EQ(client.http().post("/mcp", ping, {kAccept, session, "Origin: http://localhost:3000"}).status, 200);
}

TEST(McpHttpTest, KeysAndTenantsApplyAsForRest) {
  TempDir dir;
  const std::string data = dir.path() + "/data";
  const std::string key_a = create_api_key(data, "tenant-a");
  const std::string key_b = create_api_key(data, "tenant-b");
  ServerProcess server(ServerOptions{.env = {{"HIRAG_RATE_LIMIT__ENABLED", "false"}}, .data_dir = data});

  McpClient anonymous(server);
  const auto refused = anonymous.initialize();
  EXPECT_EQ(refused.status, 401);
  EXPECT_TRUE(refused.header("mcp-session-id").empty());

  McpClient a(server, key_a);
  ASSERT_EQ(a.initialize().status, 200);
  const std::string id(a.tool("memory_store", {{"text", "tenant a's launch code is 4711"}}).at("id").as_string());

  McpClient b(server, key_b);
  ASSERT_EQ(b.initialize().status, 200);
  EXPECT_EQ(b.call_tool("memory_get", {{"id", id}}).at("result").at("isError"), true);
  EXPECT_EQ(b.tool("memory_search", {{"query", "launch code"}}).at("contexts").as_array().size(), 0u);
  EXPECT_EQ(b.request("resources/read", {{"uri", "hirag://items/" + id}}).at("error").at("code"), -32002);

  // A's session is not B's to use, even with B's valid key.
  b.set_session(a.session());
  EXPECT_EQ(b.post({{"jsonrpc", "2.0"}, {"id", 9}, {"method", "tools/list"}}).status, 404);
}

}  // namespace
}  // namespace hirag::testing
