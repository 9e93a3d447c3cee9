#include "context/turn.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace hirag::context {
namespace {

constexpr std::array<std::string_view, 4> kRoles = {"user", "assistant", "system", "tool"};
constexpr size_t kMaxSessionIdLength = 128;
constexpr size_t kMaxNameLength = 64;

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

bool is_session_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == ':' || c == '-';
}

}  // namespace

bool is_valid_role(std::string_view role) { return std::find(kRoles.begin(), kRoles.end(), role) != kRoles.end(); }

std::string_view valid_roles() { return "user, assistant, system, tool"; }

Status validate_session_id(std::string_view session_id) {
  if (session_id.empty() || session_id.size() > kMaxSessionIdLength ||
      !std::all_of(session_id.begin(), session_id.end(), is_session_id_char)) {
    return Error::field("session_id", fmt::format("session id must be 1-{} characters of [A-Za-z0-9_.:-]",
                                                  kMaxSessionIdLength));
  }
  return ok_status();
}

bool is_valid_name(std::string_view name) {
  return !name.empty() && name.size() <= kMaxNameLength && std::all_of(name.begin(), name.end(), is_name_char);
}

Status validate_name(std::string_view field, const std::optional<std::string>& name) {
  if (!name || is_valid_name(*name)) return ok_status();
  return Error::field(std::string(field), fmt::format("{} must be 1-{} characters of [A-Za-z0-9_-] (the OpenAI chat "
                                                      "format's rule), got {} bytes",
                                                      field, kMaxNameLength, name->size()));
}

}  // namespace hirag::context
