// tests/fuzz/fuzz_mcp_jsonrpc: libFuzzer target for MCP messages as a client
// sends them (one JSON-RPC message or a batch, as over stdio): the JSON-RPC
// rules, the MCP methods and every tool's argument reader and service call,
// against real services on a temporary data dir. A reply must always be JSON;
// an internal error (-32603) is a crash, since input alone must never cause one.
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "mcp/mcp_server.hpp"
#include "service_fixture.hpp"

namespace {

const hirag::mcp::McpServer& server() {
  static const hirag::mcp::McpServer instance(hirag::fuzz::fuzz_services().services());
  return instance;
}

bool is_internal_error(const boost::json::value& response) {
  const auto* object = response.if_object();
  if (object == nullptr || !object->contains("error")) return false;
  const auto* code = object->at("error").as_object().if_contains("code");
  return code != nullptr && code->is_int64() && code->get_int64() == hirag::mcp::kInternalError;
}

void check_reply(const std::string& reply) {
  boost::system::error_code ec;
  const auto parsed = boost::json::parse(reply, ec);
  bool bad = static_cast<bool>(ec);
  if (!bad && parsed.is_array()) {
    for (const auto& response : parsed.get_array()) bad = bad || is_internal_error(response);
  } else if (!bad) {
    bad = is_internal_error(parsed);
  }
  if (!bad) return;
  std::fprintf(stderr, "bad reply (not JSON, or an internal error): %s\n", reply.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)server();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto payload = hirag::mcp::parse_payload(text);
  if (const auto* refusal = std::get_if<std::string>(&payload)) {
    check_reply(*refusal);
    return 0;
  }
  const auto reply = hirag::mcp::dispatch_payload(
      std::get<boost::json::value>(payload),
      [](const hirag::mcp::RpcCall& call) { return server().handle(call, "default"); });
  if (reply) check_reply(*reply);
  return 0;
}
