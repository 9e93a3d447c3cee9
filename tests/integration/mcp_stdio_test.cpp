// `hirag mcp` over pipes, as a desktop client launches it: one JSON-RPC message
// per line on stdin, each reply on its own stdout line before the next request
// (nothing else on stdout), logs on stderr; the tools use --tenant's memory.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/stdio_process.hpp"

namespace hirag::testing {
namespace {

class McpStdioClient {
 public:
  McpStdioClient(const std::string& data_dir, const std::string& tenant)
      : process_({"mcp", "--data-dir", data_dir, "--tenant", tenant}) {}

  // Sends a request and returns its reply (which must come before anything else).
  boost::json::value request(const std::string& method, boost::json::object params = {}) {
    process_.write_line(boost::json::serialize(
        boost::json::object{{"jsonrpc", "2.0"}, {"id", ++next_id_}, {"method", method}, {"params", std::move(params)}}));
    auto line = process_.read_line();
    if (!line) throw std::runtime_error("no reply to " + method + "; stderr: " + process_.log());
    auto reply = boost::json::parse(*line);
    EXPECT_EQ(reply.at("id"), next_id_);
    return reply;
  }

  void notify(const std::string& method) {
    process_.write_line(boost::json::serialize(boost::json::object{{"jsonrpc", "2.0"}, {"method", method}}));
  }

  boost::json::value tool(const std::string& name, boost::json::object arguments) {
    return request("tools/call", {{"name", name}, {"arguments", std::move(arguments)}});
  }

  StdioProcess& process() { return process_; }

 private:
  StdioProcess process_;
  int next_id_ = 0;
};

TEST(McpStdioTest, InitializeListToolsStoreAndSearchOverPipes) {
  TempDir dir;
  McpStdioClient client(dir.path(), "desk");
  const auto initialized = client.request(
      "initialize", {{"protocolVersion", "2025-06-18"},
                     {"capabilities", boost::json::object{}},
                     {"clientInfo", {{"name", "mcp_stdio_test"}, {"version", "1"}}}});
  EXPECT_EQ(initialized.at("result").at("protocolVersion"), "2025-06-18");
  client.notify("notifications/initialized");  // no reply: the next line answers tools/list

  EXPECT_EQ(client.request("tools/list").at("result").at("tools").as_array().size(), 7u);
  const auto stored = client.tool("memory_store", {{"text", "The office plant is watered on Fridays"}});
  const auto id = stored.at("result").at("structuredContent").at("id");
  const auto found = client.tool("memory_search", {{"query", "when is the plant watered"}});
  const auto contexts = found.at("result").at("structuredContent").at("contexts");
  ASSERT_EQ(contexts.as_array().size(), 1u);
  EXPECT_EQ(contexts.at(0).at("id"), id);

  const auto bad = client.tool("memory_get", {{"id", 7}});
  EXPECT_EQ(bad.at("error").at("code"), -32602);
  EXPECT_EQ(bad.at("error").at("data").at("details").at("field"), "id");

  EXPECT_EQ(client.process().finish(), 0);  // stdin closed: a clean exit
  EXPECT_NE(client.process().log().find("mcp_stdio_ready"), std::string::npos);
}

TEST(McpStdioTest, ItemsBelongToTheTenantGiven) {
  TempDir dir;
  {
    McpStdioClient desk(dir.path(), "desk");
    desk.tool("memory_store", {{"text", "desk's private note about the plant"}});
  }
  McpStdioClient other(dir.path(), "default");
  const auto found = other.tool("memory_search", {{"query", "private note plant"}});
  EXPECT_EQ(found.at("result").at("structuredContent").at("contexts").as_array().size(), 0u);
}

}  // namespace
}  // namespace hirag::testing
