#include "mcp/origin_policy.hpp"

#include <algorithm>
#include <cctype>

#include <arpa/inet.h>

namespace hirag::mcp {
namespace {

// Origins compare case-insensitively (scheme and host) and without a trailing '/'.
std::string normalized(std::string_view origin) {
  while (!origin.empty() && (origin.back() == '/' || std::isspace(static_cast<unsigned char>(origin.back())))) {
    origin.remove_suffix(1);
  }
  while (!origin.empty() && std::isspace(static_cast<unsigned char>(origin.front()))) origin.remove_prefix(1);
  std::string out(origin);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// The host of "scheme://host[:port]" ("[::1]" without brackets), or nothing.
std::optional<std::string> origin_host(std::string_view origin) {
  const auto scheme_end = origin.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  std::string_view rest = origin.substr(scheme_end + 3);
  if (rest.starts_with('[')) {
    const auto close = rest.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    return std::string(rest.substr(1, close - 1));
  }
  return std::string(rest.substr(0, rest.find(':')));
}

// Strictly a loopback address or "localhost": a name such as 127.evil.example is
// not (http::is_loopback_host accepts any "127." prefix, fine for a bind address
// but not for a host an attacker may name).
bool is_loopback(const std::string& host) {
  if (host == "localhost" || host == "::1") return true;
  in_addr address{};
  return inet_pton(AF_INET, host.c_str(), &address) == 1 && (ntohl(address.s_addr) >> 24) == 127;
}

}  // namespace

OriginPolicy::OriginPolicy(std::string_view allowed) {
  while (!allowed.empty()) {
    const auto comma = allowed.find(',');
    auto origin = normalized(allowed.substr(0, comma));
    if (!origin.empty()) allowed_.push_back(std::move(origin));
    allowed = comma == std::string_view::npos ? std::string_view() : allowed.substr(comma + 1);
  }
}

bool OriginPolicy::allows(std::optional<std::string_view> origin) const {
  if (!origin) return true;
  const std::string value = normalized(*origin);
  if (std::find(allowed_.begin(), allowed_.end(), value) != allowed_.end()) return true;
  const auto host = origin_host(value);
  return host && is_loopback(*host);
}

}  // namespace hirag::mcp
