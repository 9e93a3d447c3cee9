// tests/fuzz/fuzz_mcp_jsonrpc: libFuzzer target for MCP messages as a client
// sends them (one JSON-RPC message or a batch, as over stdio): the JSON-RPC
// rules, the MCP methods and every tool's argument reader and service call,
// against real services on a temporary data dir. A reply must always be JSON;
// an internal error (-32603) is a crash, since input alone must never cause one.
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mcp/mcp_server.hpp"
#include "service_fixture.hpp"

namespace {

const hirag::mcp::McpServer& server() {
  static const hirag::mcp::McpServer instance(hirag::fuzz::fuzz_services().services());
  return instance;
}

void check_reply(const std::string& reply) {
  boost::system::error_code ec;
  const auto parsed = boost::json::parse(reply, ec);
  if (ec) std::abort();  // a reply that is not JSON
  if (reply.find("-32603") != std::string::npos) std::abort();
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
