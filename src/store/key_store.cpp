#include "store/key_store.hpp"

#include <fmt/format.h>

namespace hirag::store {

std::optional<std::string> api_key_id(std::string_view key) {
  if (!key.starts_with("hk_")) return std::nullopt;
  const auto rest = key.substr(3);
  const auto sep = rest.find('_');
  if (sep == std::string_view::npos || sep == 0 || sep + 1 >= rest.size()) return std::nullopt;
  return std::string(rest.substr(0, sep));
}

Status validate_tenant_name(std::string_view tenant) {
  if (tenant.empty() || tenant.size() > 64) {
    return Error::field("tenant", "tenant name must be 1 to 64 characters");
  }
  for (char c : tenant) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                    c == '-' || c == '.';
    if (!ok) return Error::field("tenant", fmt::format("tenant name '{}' may only use A-Z a-z 0-9 _ . -", tenant));
  }
  return ok_status();
}

}  // namespace hirag::store
