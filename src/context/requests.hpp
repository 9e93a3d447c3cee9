// context/requests: the value types ContextService takes and returns — what the
// HTTP handlers decode requests into and serialize responses from.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "context/budget.hpp"
#include "context/context_builder.hpp"
#include "context/turn.hpp"
#include "store/session_store.hpp"
#include "tokenize/encoding.hpp"

namespace hirag::context {

struct AppendTurnRequest {
  store::SessionKey key;
  std::string role;
  std::string content;
  std::optional<std::string> name;
  std::string metadata_json = "{}";
};

struct SessionView {
  store::SessionRecord record;
  std::vector<store::SessionTurn> turns;     // all, oldest first
  std::map<std::string, int64_t> brief_tokens;  // tokens of the brief's text by encoding
};

struct BuildRequest {
  std::string tenant;
  std::string name_space = "default";
  std::optional<std::string> session_id;   // exactly one of session_id and turns
  std::optional<std::vector<Turn>> turns;
  std::optional<std::string> query;        // default: the latest user turn
  std::string system_prompt;
  BudgetRequest budget;
  tokenize::Encoding encoding = tokenize::kDefaultEncoding;
  bool include_facts = true;  // the facts slot (relevant current facts)
};

struct BuildResult {
  BuiltContext context;
  SlotBudget budget;
  tokenize::Encoding encoding = tokenize::kDefaultEncoding;
  std::optional<int64_t> brief_through_seq;  // session builds: the fold point after this build
};

}  // namespace hirag::context
