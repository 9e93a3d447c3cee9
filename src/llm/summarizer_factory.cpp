#include "llm/summarizer_factory.hpp"

#include "llm/chat_client.hpp"
#include "llm/extractive_summarizer.hpp"
#include "llm/fallback_summarizer.hpp"
#include "llm/llm_summarizer.hpp"
#include "llm/remote_health.hpp"

namespace hirag::llm {

std::unique_ptr<Summarizer> make_summarizer(const SummarizerConfig& config, TokenCountFn count,
                                            HealthRegistry* health) {
  auto extractive = std::make_unique<ExtractiveSummarizer>(count);
  if (config.provider != "openai") {
    if (health) {
      health->add("llm", [] { return ComponentHealth{HealthStatus::Healthy, "not configured: extractive summarizer"}; });
    }
    return std::make_unique<FallbackSummarizer>(nullptr, std::move(extractive));
  }
  auto client = std::make_shared<ChatClient>(config.remote);
  if (health) {
    register_health(*health, "llm", client->endpoint().url(), client->endpoint().breaker(), HealthStatus::Degraded);
  }
  auto model = std::make_unique<LlmSummarizer>(client, config.prompt_template, config.temperature, std::move(count));
  return std::make_unique<FallbackSummarizer>(std::move(model), std::move(extractive));
}

}  // namespace hirag::llm
