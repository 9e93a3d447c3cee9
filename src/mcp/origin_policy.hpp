// mcp/origin_policy: which browser origins may call /mcp. The streamable HTTP
// transport must check Origin so that a web page cannot drive a local server
// through DNS rebinding: requests without Origin (non-browser clients) and
// loopback origins pass, others only when listed in [mcp] allowed_origins.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hirag::mcp {

class OriginPolicy {
 public:
  // `allowed`: comma-separated origins, e.g. "https://a.example, http://b.example:8080".
  explicit OriginPolicy(std::string_view allowed);

  bool allows(std::optional<std::string_view> origin) const;

 private:
  std::vector<std::string> allowed_;
};

}  // namespace hirag::mcp
