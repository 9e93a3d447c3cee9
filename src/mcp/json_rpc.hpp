// mcp/json_rpc: the JSON-RPC 2.0 rules MCP messages follow, independent of the
// transport. A payload is one message or a batch; requests get a response,
// notifications and (client-sent) responses get none; a malformed payload is
// -32700, a message that is not a request is -32600 with id null.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/error.hpp"

namespace hirag::mcp {

inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
// MCP's code for a resources/read of a URI that does not exist.
inline constexpr int kResourceNotFound = -32002;

struct RpcError {
  int code = kInternalError;
  std::string message;
  boost::json::value data = nullptr;  // omitted when null
};

// A hirag Error as a JSON-RPC error: validation → -32602, not found → -32002
// (resources) or `fallback`; data carries the REST envelope {code, message, details}.
RpcError rpc_error_from(const Error& error, int fallback = kInternalError);

// One request (id set) or notification (no id) of a payload.
struct RpcCall {
  boost::json::value id = nullptr;
  bool notification = false;
  std::string method;
  boost::json::object params;  // {} when the message has none
};

// A handler's answer to a request: the result object, or an error.
using RpcOutcome = std::variant<boost::json::value, RpcError>;
using RpcHandler = std::function<RpcOutcome(const RpcCall&)>;

// The payload's JSON, or the serialized -32700 response when it is not JSON.
std::variant<boost::json::value, std::string> parse_payload(std::string_view text);

// Runs every request and notification of a parsed payload through `handler`.
// Returns the serialized response (an array for a batch), or nothing when no
// response is due (only notifications or responses).
std::optional<std::string> dispatch_payload(const boost::json::value& payload, const RpcHandler& handler);

// Whether the payload is a single request for `method` (e.g. "initialize").
bool is_request_for(const boost::json::value& payload, std::string_view method);

// {"jsonrpc":"2.0","id":id,"error":{...}} as text.
std::string error_text(const boost::json::value& id, const RpcError& error);

}  // namespace hirag::mcp
