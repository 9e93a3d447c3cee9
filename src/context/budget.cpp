#include "context/budget.hpp"

#include <fmt/format.h>

namespace hirag::context {
namespace {

// floor(value * numerator / denominator) without overflow.
size_t scale(int64_t value, int64_t numerator, int64_t denominator) {
  if (denominator <= 0) return 0;
  return static_cast<size_t>(static_cast<__int128>(value) * numerator / denominator);
}

Status check_override(const char* field, const std::optional<int64_t>& value, int64_t window, size_t& slot) {
  if (!value) return ok_status();
  if (*value < 0 || *value > window) {
    return Error::field(field, fmt::format("{} must be between 0 and max_tokens ({}), got {}", field, window, *value));
  }
  slot = static_cast<size_t>(*value);
  return ok_status();
}

}  // namespace

Result<SlotBudget> make_budget(const ContextConfig& config, const BudgetRequest& request) {
  const int64_t window = request.window.value_or(config.max_total);
  if (window < 1 || window > config.max_window) {
    return Error::field("max_tokens", fmt::format("max_tokens must be between 1 and {} (context.max_window), got {}",
                                                  config.max_window, window));
  }
  const int64_t completion = request.completion.value_or(static_cast<int64_t>(
      scale(config.completion, window, config.max_total)));
  if (completion < 0 || completion >= window) {
    Error error = Error::field(
        "completion_tokens",
        fmt::format("completion_tokens ({}) must be at least 0 and smaller than max_tokens ({})", completion, window));
    error.details["max_tokens"] = window;
    error.details["completion_tokens"] = completion;
    return error;
  }
  SlotBudget budget;
  budget.window = static_cast<size_t>(window);
  budget.completion = static_cast<size_t>(completion);
  const int64_t prompt = window - completion;
  const int64_t base_prompt = config.max_total - config.completion;
  budget.system = scale(config.system_tokens, prompt, base_prompt);
  budget.brief = scale(config.running_brief, prompt, base_prompt);
  budget.turns = scale(config.recent_turns, prompt, base_prompt);
  budget.retrieved = scale(config.retrieved_context, prompt, base_prompt);
  budget.facts = scale(config.facts, prompt, base_prompt);

  const auto& slots = request.slots;
  for (auto status : {check_override("slots.system", slots.system, window, budget.system),
                      check_override("slots.brief", slots.brief, window, budget.brief),
                      check_override("slots.turns", slots.turns, window, budget.turns),
                      check_override("slots.retrieved", slots.retrieved, window, budget.retrieved),
                      check_override("slots.facts", slots.facts, window, budget.facts)}) {
    if (!status) return std::move(status).error();
  }
  if (budget.prompt_slots() > budget.prompt_limit()) {
    return Error::validation(
        fmt::format("slots add up to {} tokens (system {} + brief {} + turns {} + retrieved {}), more than "
                    "max_tokens {} - completion_tokens {} = {}",
                    budget.prompt_slots(), budget.system, budget.brief, budget.turns, budget.retrieved, window,
                    completion, budget.prompt_limit()),
        {{"field", "slots"},
         {"slots_total", budget.prompt_slots()},
         {"max_tokens", window},
         {"completion_tokens", completion}});
  }
  return budget;
}

}  // namespace hirag::context
