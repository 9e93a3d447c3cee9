// mcp/tool: one MCP tool — its name, description, JSON Schemas for input and
// output, and the call, which runs the same decoder, service function and encoder
// as the matching REST route.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace hirag::http {
struct Services;
}

namespace hirag::mcp {

using ToolCall = std::function<Result<boost::json::object>(const std::string& tenant, const boost::json::object& arguments)>;

struct Tool {
  std::string name;
  std::string description;
  boost::json::object input_schema;
  boost::json::object output_schema;
  ToolCall call;
};

// memory_store, memory_search, memory_get, memory_delete (mcp/memory_tools.cpp).
void add_memory_tools(std::vector<Tool>& tools, const http::Services& services);
// session_append_turn, context_build, tokens_count (mcp/context_tools.cpp).
void add_context_tools(std::vector<Tool>& tools, const http::Services& services);

}  // namespace hirag::mcp
