#include "embed/remote_embedder_factory.hpp"

#include "embed/embedding_cache.hpp"
#include "embed/openai_embedder.hpp"
#include "llm/remote_health.hpp"

namespace hirag::embed {

Result<std::shared_ptr<Embedder>> make_remote_embedder(const EmbedderConfig& config, HealthRegistry* health) {
  if (config.remote.base_url.empty()) return Error::field("embedder.base_url", "embedder.base_url is empty");
  if (config.remote.model.empty()) return Error::field("embedder.model", "embedder.model is empty");
  auto remote = std::make_shared<OpenAiEmbedder>(config);
  if (health) {
    llm::register_health(*health, "embedder", remote->endpoint().url(), remote->endpoint().breaker(),
                         HealthStatus::Unhealthy);
  }
  return with_cache(std::move(remote), static_cast<size_t>(std::max<int64_t>(config.cache_entries, 0)));
}

}  // namespace hirag::embed
