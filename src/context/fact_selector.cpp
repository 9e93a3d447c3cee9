#include "context/fact_selector.hpp"

#include <algorithm>

#include "core/clock.hpp"

namespace hirag::context {
namespace {

constexpr std::string_view kLinePrefix = "\n- ";

// The calendar day of a time (validity is shown to the day).
std::string day(int64_t unix_ms) { return format_rfc3339_ms(unix_ms).substr(0, 10); }

std::string validity(const RelevantFact& fact) {
  if (fact.valid_from_ms && fact.valid_to_ms) {
    return " (" + day(*fact.valid_from_ms) + " to " + day(*fact.valid_to_ms) + ")";
  }
  if (fact.valid_from_ms) return " (since " + day(*fact.valid_from_ms) + ")";
  if (fact.valid_to_ms) return " (until " + day(*fact.valid_to_ms) + ")";
  return "";
}

bool valid_at(const RelevantFact& fact, int64_t now_ms) {
  return (!fact.valid_from_ms || *fact.valid_from_ms <= now_ms) && (!fact.valid_to_ms || now_ms < *fact.valid_to_ms);
}

Message render(const std::vector<RelevantFact>& facts) {
  Message message{"system", std::string(kFactsHeader), {}};
  for (const auto& fact : facts) {
    message.content += kLinePrefix;
    message.content += render_fact(fact);
  }
  return message;
}

}  // namespace

std::string render_fact(const RelevantFact& fact) {
  return fact.subject + " " + fact.predicate + " " + fact.object + validity(fact);
}

FactSelection select_facts(std::vector<RelevantFact> candidates, size_t cap, int64_t now_ms,
                           tokenize::Encoding encoding, const CountTokens& count) {
  std::stable_sort(candidates.begin(), candidates.end(), [now_ms](const RelevantFact& a, const RelevantFact& b) {
    const bool a_now = valid_at(a, now_ms);
    const bool b_now = valid_at(b, now_ms);
    if (a_now != b_now) return a_now;
    return a.score > b.score;
  });
  FactSelection selection;
  const size_t prefix_tokens = count(kLinePrefix, encoding);
  size_t estimate = message_tokens(render({}), encoding, count);
  for (const auto& candidate : candidates) {
    const size_t tokens = prefix_tokens + count(render_fact(candidate), encoding);
    if (estimate + tokens > cap) continue;  // a shorter, later line may still fit
    estimate += tokens;
    selection.facts.push_back(candidate);
  }
  while (!selection.facts.empty()) {
    selection.message = render(selection.facts);
    selection.tokens = message_tokens(selection.message, encoding, count);
    if (selection.tokens <= cap) break;
    selection.facts.pop_back();
  }
  if (selection.facts.empty()) {
    selection.message = Message{};
    selection.tokens = 0;
  }
  selection.trimmed = candidates.size() - selection.facts.size();
  return selection;
}

}  // namespace hirag::context
