// context/fact_selector: fills the facts slot. Each fact is one line,
// "- subject predicate object" with its validity in brackets when known
// ("(since 2024-01-01)", "(2020-01-01 to 2023-06-01)", "(until 2025-01-01)").
// Facts valid at the time of the build come first, then the others; within each,
// the more relevant first. Lines are taken while the message fits the cap, counted
// as the snippets are (estimate, then the exact count of the whole message).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "context/counting.hpp"
#include "context/ports.hpp"

namespace hirag::context {

inline constexpr std::string_view kFactsHeader = "Known facts:";

struct FactSelection {
  std::vector<RelevantFact> facts;  // in the order shown
  Message message;                  // empty content when nothing was selected
  size_t tokens = 0;                // exact tokens of `message` (0 when empty)
  size_t trimmed = 0;               // candidates left out for lack of room
};

// The line of one fact (without the leading "- ").
std::string render_fact(const RelevantFact& fact);

FactSelection select_facts(std::vector<RelevantFact> candidates, size_t cap, int64_t now_ms,
                           tokenize::Encoding encoding, const CountTokens& count);

}  // namespace hirag::context
