#include "mcp/http_transport.hpp"

#include <boost/json/array.hpp>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "http/router.hpp"
#include "mcp/protocol_version.hpp"

namespace hirag::mcp {
namespace {

constexpr std::string_view kSessionHeader = "Mcp-Session-Id";

http::Response json_text(int status, std::string body) {
  http::Response response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

// Notifications and responses only: accepted, with no body.
http::Response accepted() { return json_text(202, ""); }

}  // namespace

HttpTransport::HttpTransport(const McpServer& server, const McpConfig& config)
    : server_(server),
      origins_(config.allowed_origins),
      sessions_(config.session_idle_ms, static_cast<size_t>(config.max_sessions), [] { return static_cast<int64_t>(monotonic_seconds() * 1000.0); }) {}

void HttpTransport::register_routes(http::Router& router) {
  router.add(http::Method::Post, "/mcp", [this](http::Request& request) { return post(request); },
             http::RouteOptions{.json_body = true});
  router.add(http::Method::Delete, "/mcp", [this](http::Request& request) { return end_session(request); });
}

std::optional<http::Response> HttpTransport::check_headers(const http::Request& request) const {
  if (!origins_.allows(request.header("origin"))) {
    return http::error_response(ErrorCode::Forbidden,
                                "this Origin may not call /mcp; add it to [mcp] allowed_origins",
                                {{"origin", *request.header("origin")}});
  }
  if (auto version = request.header("mcp-protocol-version"); version && !supports_protocol_version(*version)) {
    Error error = Error::field("MCP-Protocol-Version", "unsupported MCP-Protocol-Version '" + std::string(*version) + "'");
    const auto supported = supported_protocol_versions();
    error.details["supported"] = boost::json::array(supported.begin(), supported.end());
    return http::error_response(error);
  }
  return std::nullopt;
}

http::Response HttpTransport::post(const http::Request& request) {
  if (auto refused = check_headers(request)) return std::move(*refused);
  auto parsed = parse_payload(request.body);
  if (auto* parse_error = std::get_if<std::string>(&parsed)) return json_text(400, std::move(*parse_error));
  const auto& payload = std::get<boost::json::value>(parsed);
  // MCP 2025-06-18 dropped batches; over HTTP they would also let one rate-limited
  // request carry any number of tool calls.
  if (payload.is_array()) {
    return json_text(400, error_text(nullptr, {kInvalidRequest, "JSON-RPC batches are not accepted over HTTP; send one message per request"}));
  }
  if (is_request_for(payload, "initialize")) return initialize(payload, request.tenant);

  const auto id = request.header("mcp-session-id");
  if (!id) {
    return http::error_response(Error::field(kSessionHeader, "the Mcp-Session-Id header is required after initialize"));
  }
  if (!sessions_.use(std::string(*id), request.tenant)) {
    return http::error_response(ErrorCode::NotFound, "unknown or expired MCP session; send initialize again");
  }
  const std::string& tenant = request.tenant;
  auto reply = dispatch_payload(payload, [&](const RpcCall& call) { return server_.handle(call, tenant); });
  return reply ? json_text(200, std::move(*reply)) : accepted();
}

http::Response HttpTransport::initialize(const boost::json::value& payload, const std::string& tenant) {
  std::string version;
  auto reply = dispatch_payload(payload, [&](const RpcCall& call) {
    auto outcome = server_.handle(call, tenant);
    if (const auto* result = std::get_if<boost::json::value>(&outcome)) {
      version = std::string(result->at("protocolVersion").as_string());
    }
    return outcome;
  });
  if (!reply) return accepted();
  http::Response response = json_text(200, std::move(*reply));
  if (!version.empty()) response.set_header(std::string(kSessionHeader), sessions_.create(tenant, version));
  return response;
}

http::Response HttpTransport::end_session(const http::Request& request) {
  if (auto refused = check_headers(request)) return std::move(*refused);
  const auto id = request.header("mcp-session-id");
  if (!id) return http::error_response(Error::field(kSessionHeader, "the Mcp-Session-Id header is required"));
  if (!sessions_.end(std::string(*id), request.tenant)) {
    return http::error_response(ErrorCode::NotFound, "unknown or expired MCP session");
  }
  return http::json_response(200, {{"deleted", true}});
}

}  // namespace hirag::mcp
