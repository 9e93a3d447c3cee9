// mcp/stdio_transport: MCP over a child process's pipes — one JSON-RPC message
// (or batch) per line on stdin, one reply per line on stdout, nothing else on
// stdout (logs go to stderr). Runs until stdin closes.
#pragma once

#include <iosfwd>
#include <string>

#include "mcp/mcp_server.hpp"

namespace hirag::mcp {

void serve_stdio(const McpServer& server, const std::string& tenant, std::istream& in, std::ostream& out);

}  // namespace hirag::mcp
