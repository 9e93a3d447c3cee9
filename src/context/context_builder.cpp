#include "context/context_builder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <span>

namespace hirag::context {
namespace {

Message turn_message(const Turn& turn) { return Message{turn.role, turn.content, turn.name}; }

// Index of the first mandatory turn: the latest user turn (turns after it follow it).
size_t mandatory_start(const std::vector<Turn>& turns) {
  for (size_t i = turns.size(); i-- > 0;) {
    if (turns[i].role == "user") return i;
  }
  return turns.size();
}

Error does_not_fit(const SlotBudget& budget, size_t system_tokens, size_t mandatory_tokens) {
  const size_t needed = system_tokens + mandatory_tokens + kReplyPrimerTokens;
  return Error{ErrorCode::Unprocessable,
               fmt::format("the context cannot fit: the system prompt ({} tokens), the latest user turn and what "
                           "follows it ({} tokens) and the reply primer ({}) need {} tokens, but max_tokens {} - "
                           "completion_tokens {} leaves {}",
                           system_tokens, mandatory_tokens, kReplyPrimerTokens, needed, budget.window,
                           budget.completion, budget.prompt_limit()),
               {{"system_tokens", system_tokens},
                {"latest_turns_tokens", mandatory_tokens},
                {"reply_primer_tokens", kReplyPrimerTokens},
                {"needed_tokens", needed},
                {"max_tokens", budget.window},
                {"completion_tokens", budget.completion},
                {"available_tokens", budget.prompt_limit()}}};
}

}  // namespace

Result<BuiltContext> ContextBuilder::build(const BuildInput& input, const FetchSnippets& fetch) const {
  const auto encoding = input.encoding;
  const SlotBudget& budget = input.budget;
  BuiltContext out;

  const Message system{"system", input.system_prompt, {}};
  const size_t system_tokens = input.system_prompt.empty() ? 0 : message_tokens(system, encoding, count_);

  const auto& turns = input.turns;
  std::vector<size_t> turn_tokens(turns.size());
  for (size_t i = 0; i < turns.size(); ++i) {
    const size_t text = turns[i].text_tokens ? *turns[i].text_tokens
                                             : text_tokens(turns[i].content, turns[i].name, encoding, count_);
    turn_tokens[i] = framed_tokens(turn_message(turns[i]), text, encoding, count_);
  }
  size_t start = mandatory_start(turns);
  size_t turns_used = 0;
  for (size_t i = start; i < turns.size(); ++i) turns_used += turn_tokens[i];

  const size_t prompt_limit = budget.prompt_limit();
  if (system_tokens + turns_used + kReplyPrimerTokens > prompt_limit) {
    return does_not_fit(budget, system_tokens, turns_used);
  }
  // Room left for the brief, the optional turns and retrieval.
  const size_t available = prompt_limit - kReplyPrimerTokens - system_tokens - turns_used;
  const size_t brief_cap = std::min(budget.brief, available);
  const size_t turn_cap = std::max(turns_used, std::min(budget.turns, available - brief_cap + turns_used));
  while (start > 0 && turns_used + turn_tokens[start - 1] <= turn_cap) turns_used += turn_tokens[--start];

  std::string brief = input.brief;
  const std::span<const Turn> to_fold(turns.data(), start);
  if (!to_fold.empty() || brief_message_tokens(brief, encoding, count_) > brief_cap) {
    auto folded = folder_.fold(brief, to_fold, brief_cap, encoding);
    brief = std::move(folded.brief);
    out.summarizer_calls += folded.summarizer_called ? 1 : 0;
    if (folded.note) out.notes.push_back(std::move(*folded.note));
    if (!to_fold.empty()) out.folded_through = to_fold.back().seq;
    out.overflowed = true;
  }
  const size_t brief_tokens = brief_message_tokens(brief, encoding, count_);

  const size_t slots_room = std::min(budget.prompt_slots(), prompt_limit - kReplyPrimerTokens);
  const size_t used = system_tokens + brief_tokens + turns_used;
  const size_t after_core = slots_room > used ? slots_room - used : 0;
  const size_t facts_cap = std::min(budget.facts, after_core);
  FactSelection facts;
  if (facts_cap > 0 && !input.facts.empty()) {
    facts = select_facts(input.facts, facts_cap, input.now_ms, encoding, count_);
  }
  const size_t retrieval_cap = after_core - facts.tokens;
  SnippetSelection selection;
  if (retrieval_cap > 0) {
    auto candidates = fetch(retrieval_cap);
    if (candidates) {
      PresentTurns present;
      for (size_t i = start; i < turns.size(); ++i) {
        if (turns[i].memory_id) present.memory_ids.insert(*turns[i].memory_id);
        present.contents.insert(turns[i].content);
      }
      selection = select_snippets(std::move(candidates).value(), present, retrieval_cap, encoding, count_);
    } else {
      out.notes.push_back(fmt::format("retrieval failed ({}); built without retrieved context",
                                      candidates.error().message));
    }
  }

  if (system_tokens > 0) out.messages.push_back(system);
  if (brief_tokens > 0) out.messages.push_back(brief_message(brief));
  if (facts.tokens > 0) out.messages.push_back(facts.message);
  if (selection.tokens > 0) out.messages.push_back(selection.message);
  for (size_t i = start; i < turns.size(); ++i) {
    out.messages.push_back(turn_message(turns[i]));
    out.recent_turns.push_back(turns[i]);
  }
  out.system = {system_tokens, budget.system};
  out.brief = {brief_tokens, brief_cap};
  out.turns = {turns_used, turn_cap};
  out.retrieved = {selection.tokens, retrieval_cap};
  out.facts = {facts.tokens, facts_cap};
  out.fact_items = std::move(facts.facts);
  out.facts_trimmed = facts.trimmed;
  out.brief_text = std::move(brief);
  out.snippets = std::move(selection.items);
  out.snippets_trimmed = selection.trimmed;
  out.total_tokens =
      system_tokens + brief_tokens + facts.tokens + turns_used + selection.tokens + kReplyPrimerTokens;
  out.remaining = prompt_limit - out.total_tokens;
  return out;
}

}  // namespace hirag::context
