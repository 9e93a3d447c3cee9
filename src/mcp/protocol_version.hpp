// mcp/protocol_version: the MCP revisions this server speaks and the
// negotiation of initialize (the client's version if supported, else our latest).
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace hirag::mcp {

inline constexpr std::string_view kLatestProtocolVersion = "2025-06-18";
// What a streamable-HTTP request without MCP-Protocol-Version is assumed to speak.
inline constexpr std::string_view kDefaultHttpProtocolVersion = "2025-03-26";

// Newest first.
std::span<const std::string_view> supported_protocol_versions();
bool supports_protocol_version(std::string_view version);
std::string negotiate_protocol_version(std::string_view requested);

}  // namespace hirag::mcp
