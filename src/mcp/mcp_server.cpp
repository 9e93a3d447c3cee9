#include "mcp/mcp_server.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "mcp/protocol_version.hpp"
#include "mcp/tool_result.hpp"

namespace hirag::mcp {
namespace {

constexpr std::string_view kServerVersion = "0.1.0";
constexpr std::string_view kInstructions =
    "hirag is a long-term memory and context server. Store facts and notes with memory_store, find them "
    "with memory_search, record a conversation with session_append_turn, and call context_build for a "
    "prompt that fits the model's window.";

boost::json::object tool_descriptor(const Tool& tool) {
  return {{"name", tool.name},
          {"description", tool.description},
          {"inputSchema", tool.input_schema},
          {"outputSchema", tool.output_schema}};
}

}  // namespace

McpServer::McpServer(const http::Services& services) : resources_(services) {
  add_memory_tools(tools_, services);
  add_context_tools(tools_, services);
}

RpcOutcome McpServer::handle(const RpcCall& call, const std::string& tenant) const {
  const std::string& method = call.method;
  if (method == "initialize") return initialize(call.params);
  if (method == "ping" || method.starts_with("notifications/")) return boost::json::value(boost::json::object{});
  if (method == "tools/list") return list_tools();
  if (method == "tools/call") return call_tool(call.params, tenant);
  if (method == "resources/list") return resources_.list(tenant, call.params);
  if (method == "resources/templates/list") return Resources::list_templates();
  if (method == "resources/read") return resources_.read(tenant, call.params);
  return RpcError{kMethodNotFound, fmt::format("method '{}' not found", method)};
}

RpcOutcome McpServer::initialize(const boost::json::object& params) {
  const auto* requested = params.if_contains("protocolVersion");
  if (requested == nullptr || !requested->is_string()) {
    return rpc_error_from(Error::field("protocolVersion", "'protocolVersion' is required and must be a string"));
  }
  return boost::json::value(boost::json::object{
      {"protocolVersion", negotiate_protocol_version(requested->get_string())},
      {"capabilities",
       {{"tools", {{"listChanged", false}}}, {"resources", {{"subscribe", false}, {"listChanged", false}}}}},
      {"serverInfo", {{"name", "hirag"}, {"version", kServerVersion}}},
      {"instructions", kInstructions}});
}

RpcOutcome McpServer::list_tools() const {
  boost::json::array tools;
  for (const auto& tool : tools_) tools.push_back(tool_descriptor(tool));
  return boost::json::value(boost::json::object{{"tools", std::move(tools)}});
}

RpcOutcome McpServer::call_tool(const boost::json::object& params, const std::string& tenant) const {
  const auto* name = params.if_contains("name");
  if (name == nullptr || !name->is_string()) {
    return rpc_error_from(Error::field("name", "'name' is required and must be a string"));
  }
  const auto tool = std::find_if(tools_.begin(), tools_.end(), [&](const Tool& t) { return t.name == name->get_string(); });
  if (tool == tools_.end()) return rpc_error_from(Error::field("name", fmt::format("unknown tool '{}'", name->get_string())));
  static const boost::json::object kNoArguments;
  const auto* arguments = params.if_contains("arguments");
  if (arguments != nullptr && !arguments->is_object()) {
    return rpc_error_from(Error::field("arguments", "'arguments' must be an object"));
  }
  return tool_result(tool->call(tenant, arguments != nullptr ? arguments->get_object() : kNoArguments));
}

}  // namespace hirag::mcp
