#include "mcp/stdio_transport.hpp"

#include <istream>
#include <ostream>

namespace hirag::mcp {

void serve_stdio(const McpServer& server, const std::string& tenant, std::istream& in, std::ostream& out) {
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto parsed = parse_payload(line);
    std::optional<std::string> reply;
    if (auto* parse_error = std::get_if<std::string>(&parsed)) {
      reply = std::move(*parse_error);
    } else {
      reply = dispatch_payload(std::get<boost::json::value>(parsed),
                               [&](const RpcCall& call) { return server.handle(call, tenant); });
    }
    // The client waits for each reply: flush every line.
    if (reply) out << *reply << '\n' << std::flush;
  }
}

}  // namespace hirag::mcp
