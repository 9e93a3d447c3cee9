// context/budget: the token budget of one context build. The [context] slots are
// defined for a window of context.max_total tokens; a request's window scales every
// prompt slot by the same factor, (window - completion) / (max_total - completion),
// so the slots keep their proportions of the prompt space. The completion reserve is
// the request's completion_tokens if given, else context.completion scaled by
// window / max_total. Per-request slot overrides are absolute token counts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/config.hpp"
#include "core/result.hpp"

namespace hirag::context {

struct SlotBudget {
  size_t system = 0;
  size_t brief = 0;
  size_t turns = 0;
  size_t retrieved = 0;
  size_t facts = 0;  // taken first out of the retrieval room (not added to the slots)
  size_t completion = 0;
  size_t window = 0;  // max_tokens of the model

  size_t prompt_slots() const { return system + brief + turns + retrieved; }
  // What the prompt (messages and framing) may use: window - completion.
  size_t prompt_limit() const { return window - completion; }
};

struct SlotOverrides {
  std::optional<int64_t> system = std::nullopt;
  std::optional<int64_t> brief = std::nullopt;
  std::optional<int64_t> turns = std::nullopt;
  std::optional<int64_t> retrieved = std::nullopt;
  std::optional<int64_t> facts = std::nullopt;
};

struct BudgetRequest {
  std::optional<int64_t> window = std::nullopt;      // max_tokens; default context.max_total
  std::optional<int64_t> completion = std::nullopt;  // completion_tokens
  SlotOverrides slots = {};
};

// The budget for a request. VALIDATION_ERROR naming the field and the numbers when
// the window is out of range, the completion reserve does not leave room for a
// prompt, or the slots do not fit the window.
Result<SlotBudget> make_budget(const ContextConfig& config, const BudgetRequest& request);

}  // namespace hirag::context
