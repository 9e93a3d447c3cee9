#include "mcp/json_rpc.hpp"

#include <boost/json/array.hpp>

#include "core/json_reader.hpp"
#include "core/json_writer.hpp"
#include "http/response.hpp"

namespace hirag::mcp {
namespace {

boost::json::object error_object(const boost::json::value& id, const RpcError& error) {
  boost::json::object body{{"code", error.code}, {"message", error.message}};
  if (!error.data.is_null()) body["data"] = error.data;
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", std::move(body)}};
}

bool valid_id(const boost::json::value& id) { return id.is_string() || id.is_int64() || id.is_uint64(); }

// A message a client sends back to us (a response): it needs no answer.
bool is_response(const boost::json::object& message) {
  return !message.contains("method") && (message.contains("result") || message.contains("error"));
}

// Checks the envelope of one request/notification; fills `call` or says why not.
std::optional<RpcError> read_call(const boost::json::object& message, RpcCall& call) {
  const auto* version = message.if_contains("jsonrpc");
  if (version == nullptr || !version->is_string() || version->get_string() != "2.0") {
    return RpcError{kInvalidRequest, "'jsonrpc' must be \"2.0\""};
  }
  const auto* method = message.if_contains("method");
  if (method == nullptr || !method->is_string()) return RpcError{kInvalidRequest, "'method' must be a string"};
  call.method = std::string(method->get_string());
  if (const auto* id = message.if_contains("id")) {
    if (!valid_id(*id)) return RpcError{kInvalidRequest, "'id' must be a string or an integer"};
    call.id = *id;
  } else {
    call.notification = true;
  }
  if (const auto* params = message.if_contains("params")) {
    if (!params->is_object()) return RpcError{kInvalidParams, "'params' must be an object"};
    call.params = params->get_object();
  }
  return std::nullopt;
}

// The response object for one message, or nothing when none is due.
std::optional<boost::json::object> dispatch_one(const boost::json::value& message, const RpcHandler& handler) {
  if (!message.is_object()) return error_object(nullptr, {kInvalidRequest, "a JSON-RPC message must be an object"});
  const auto& object = message.get_object();
  if (is_response(object)) return std::nullopt;
  RpcCall call;
  if (auto invalid = read_call(object, call)) {
    // A notification's errors are not reported (JSON-RPC 2.0 §4.1).
    if (call.notification && invalid->code != kInvalidRequest) return std::nullopt;
    return error_object(call.id, *invalid);
  }
  RpcOutcome outcome = handler(call);
  if (call.notification) return std::nullopt;
  if (auto* error = std::get_if<RpcError>(&outcome)) return error_object(call.id, *error);
  return boost::json::object{{"jsonrpc", "2.0"}, {"id", call.id}, {"result", std::get<boost::json::value>(outcome)}};
}

std::optional<std::string> dispatch_batch(const boost::json::array& batch, const RpcHandler& handler) {
  if (batch.empty()) return error_text(nullptr, {kInvalidRequest, "an empty batch is not a request"});
  boost::json::array responses;
  for (const auto& message : batch) {
    if (auto response = dispatch_one(message, handler)) responses.push_back(std::move(*response));
  }
  if (responses.empty()) return std::nullopt;
  return to_json(responses);
}

}  // namespace

RpcError rpc_error_from(const Error& error, int fallback) {
  const int code = error.code == ErrorCode::Validation ? kInvalidParams : fallback;
  return RpcError{code, error.message, http::error_envelope(error)};
}

std::variant<boost::json::value, std::string> parse_payload(std::string_view text) {
  auto parsed = parse_json(text);
  if (!parsed) return error_text(nullptr, {kParseError, "parse error: " + parsed.error().message});
  return std::move(parsed).value();
}

std::optional<std::string> dispatch_payload(const boost::json::value& payload, const RpcHandler& handler) {
  if (payload.is_array()) return dispatch_batch(payload.get_array(), handler);
  auto response = dispatch_one(payload, handler);
  if (!response) return std::nullopt;
  return to_json(*response);
}

bool is_request_for(const boost::json::value& payload, std::string_view method) {
  if (!payload.is_object()) return false;
  const auto* name = payload.get_object().if_contains("method");
  return name != nullptr && name->is_string() && name->get_string() == method;
}

std::string error_text(const boost::json::value& id, const RpcError& error) { return to_json(error_object(id, error)); }

}  // namespace hirag::mcp
