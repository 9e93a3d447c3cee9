// mcp/mcp_server: the MCP methods, independent of the transport — initialize
// (version negotiation, capabilities tools + resources), ping, tools/list,
// tools/call, resources/list, resources/templates/list, resources/read.
// Stateless: the transports keep sessions and pass the caller's tenant.
#pragma once

#include <string>
#include <vector>

#include "mcp/json_rpc.hpp"
#include "mcp/resources.hpp"
#include "mcp/tool.hpp"

namespace hirag::mcp {

class McpServer {
 public:
  explicit McpServer(const http::Services& services);

  // Answers one request or notification on behalf of `tenant`.
  RpcOutcome handle(const RpcCall& call, const std::string& tenant) const;
  const std::vector<Tool>& tools() const { return tools_; }

 private:
  static RpcOutcome initialize(const boost::json::object& params);
  RpcOutcome list_tools() const;
  RpcOutcome call_tool(const boost::json::object& params, const std::string& tenant) const;

  std::vector<Tool> tools_;
  Resources resources_;
};

}  // namespace hirag::mcp
