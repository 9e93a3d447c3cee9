// llm/summarizer_factory: builds the summarizer `hirag serve` uses from
// [summarizer]: provider "openai" → the chat model with the extractive fallback;
// "extractive" → the extractive summarizer alone. Either way wrapped in
// FallbackSummarizer, which records the summarizer_* metrics.
#pragma once

#include <memory>

#include "core/config.hpp"
#include "core/health.hpp"
#include "llm/summarizer.hpp"

namespace hirag::llm {

// With `health`, also registers component "llm" (the chat endpoint's circuit, or
// "not configured" for the extractive summarizer).
std::unique_ptr<Summarizer> make_summarizer(const SummarizerConfig& config, TokenCountFn count,
                                            HealthRegistry* health = nullptr);

}  // namespace hirag::llm
