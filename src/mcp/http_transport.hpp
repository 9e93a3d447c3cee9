// mcp/http_transport: MCP's streamable HTTP transport on the server's router —
// POST /mcp carries one JSON-RPC message (answered as application/json, 202 for a
// notification; batches refused), DELETE /mcp ends a session, GET /mcp is 405 (no
// server-initiated SSE stream). The routes are ordinary authenticated routes, so
// keys, tenants and rate limits apply before any of this runs. Here: Origin
// (403), MCP-Protocol-Version (400), Mcp-Session-Id (issued by initialize; 400
// when missing, 404 when unknown, expired or another tenant's).
#pragma once

#include "mcp/mcp_server.hpp"
#include "mcp/origin_policy.hpp"
#include "mcp/session_registry.hpp"

namespace hirag::http {
class Router;
struct Request;
struct Response;
}  // namespace hirag::http

namespace hirag {
struct McpConfig;
}

namespace hirag::mcp {

class HttpTransport {
 public:
  HttpTransport(const McpServer& server, const McpConfig& config);

  void register_routes(http::Router& router);

 private:
  http::Response post(const http::Request& request);
  http::Response end_session(const http::Request& request);
  // 403/400 for a request whose Origin or MCP-Protocol-Version is refused.
  std::optional<http::Response> check_headers(const http::Request& request) const;
  http::Response initialize(const boost::json::value& payload, const std::string& tenant);

  const McpServer& server_;
  OriginPolicy origins_;
  SessionRegistry sessions_;
};

}  // namespace hirag::mcp
