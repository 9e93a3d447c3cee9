#include "mcp/protocol_version.hpp"

#include <algorithm>
#include <array>

namespace hirag::mcp {
namespace {

// Newest first. The older revisions differ in features this server does not use
// (audio, elicitation, resource links), so their clients are served the same way.
constexpr std::array<std::string_view, 3> kSupported = {kLatestProtocolVersion, "2025-03-26", "2024-11-05"};

}  // namespace

std::span<const std::string_view> supported_protocol_versions() { return kSupported; }

bool supports_protocol_version(std::string_view version) {
  return std::find(kSupported.begin(), kSupported.end(), version) != kSupported.end();
}

std::string negotiate_protocol_version(std::string_view requested) {
  return std::string(supports_protocol_version(requested) ? requested : kLatestProtocolVersion);
}

}  // namespace hirag::mcp
