// context/turn: the vocabulary of a conversation — roles, turns, session ids — and
// their validation rules (shared by the HTTP handlers and the service).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace hirag::context {

// "user" | "assistant" | "system" | "tool".
bool is_valid_role(std::string_view role);
// The accepted roles, for messages: "user, assistant, system, tool".
std::string_view valid_roles();
// 1-128 characters of [A-Za-z0-9_.:-].
Status validate_session_id(std::string_view session_id);
// A message's optional `name`, as the OpenAI chat format defines it:
// ^[A-Za-z0-9_-]{1,64}$. A model server refuses any other, so a turn that stored
// one would make every later build of its session fail.
bool is_valid_name(std::string_view name);
// `field` names the request's field in the error, e.g. "name" or "turns[2].name".
Status validate_name(std::string_view field, const std::optional<std::string>& name);

// One turn of a conversation as the builder sees it.
struct Turn {
  std::string role;
  std::string content;
  std::optional<std::string> name;
  int64_t seq = 0;                     // position in the session (explicit turns: 1..n)
  std::optional<std::string> memory_id;  // memory item holding the turn, if any
  std::optional<size_t> text_tokens;     // known text_tokens() of the turn in the build's encoding
};

}  // namespace hirag::context
