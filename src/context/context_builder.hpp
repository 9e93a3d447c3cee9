// context/context_builder: assembles one prompt under a SlotBudget — the algorithm
// of POST /context/build, free of storage and HTTP.
//
// Budget rules (docs/context-assembly.md):
//  * everything counts with framing: each message's tokens include its 3 (+name)
//    framing tokens; the reply primer (3) is counted once in total_tokens; the
//    prompt may use window - completion.
//  * the system prompt and the latest user turn (with any turns after it) are
//    mandatory, never cut; if they alone do not fit -> UNPROCESSABLE (422) with
//    the numbers.
//  * the brief gets at most its slot; recent turns at most theirs (the mandatory
//    ones may exceed it), taken newest first and contiguous; older unfolded turns
//    are folded into the brief by the summarizer.
//  * the retrieval room is the retrieval slot plus whatever system, brief and turns
//    left unused, less what a system prompt beyond its slot took; the facts (the
//    caller's relevant facts) take at most their slot out of it first, and
//    retrieved snippets the rest.
// Order of the messages: system prompt, running brief, facts, retrieved snippets,
// recent turns.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "context/brief_folder.hpp"
#include "context/budget.hpp"
#include "context/counting.hpp"
#include "context/fact_selector.hpp"
#include "context/snippet_selector.hpp"
#include "context/turn.hpp"

namespace hirag::context {

struct BuildInput {
  tokenize::Encoding encoding = tokenize::kDefaultEncoding;
  SlotBudget budget;
  std::string system_prompt;  // empty = none
  std::string brief;          // the running brief so far
  std::vector<Turn> turns;    // unfolded turns, oldest first
  std::vector<RelevantFact> facts = {};  // candidates for the facts slot
  int64_t now_ms = 0;               // which facts are valid now
};

// Retrieval for a slot of `max_tokens`; not called when the slot has no room.
using FetchSnippets = std::function<Result<std::vector<RetrievedSnippet>>(size_t max_tokens)>;

struct SlotUsage {
  size_t tokens = 0;  // exact, framing included
  size_t budget = 0;  // the cap this build applied
};

struct BuiltContext {
  std::vector<Message> messages;
  SlotUsage system, brief, turns, retrieved, facts;
  std::string brief_text;
  std::vector<Turn> recent_turns;           // the turns sent as messages
  std::vector<SelectedSnippet> snippets;    // best first
  size_t snippets_trimmed = 0;              // usable candidates left out for lack of room
  std::vector<RelevantFact> fact_items;     // in the order shown
  size_t facts_trimmed = 0;
  size_t total_tokens = 0;                  // messages + reply primer
  size_t remaining = 0;                     // window - completion - total_tokens
  size_t summarizer_calls = 0;
  bool overflowed = false;                  // material had to be folded, shortened or trimmed
  std::optional<int64_t> folded_through;    // set when turns were folded: seq of the last one
  std::vector<std::string> notes;
};

class ContextBuilder {
 public:
  ContextBuilder(BriefFolder folder, CountTokens count) : folder_(std::move(folder)), count_(std::move(count)) {}

  Result<BuiltContext> build(const BuildInput& input, const FetchSnippets& fetch) const;

 private:
  BriefFolder folder_;
  CountTokens count_;
};

}  // namespace hirag::context
