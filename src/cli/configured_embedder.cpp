#include "cli/configured_embedder.hpp"

#include "embed/dimension_probe.hpp"
#include "embed/local_embedder.hpp"
#include "embed/remote_embedder_factory.hpp"

namespace hirag::cli {

Result<std::shared_ptr<embed::Embedder>> make_configured_embedder(const EmbedderConfig& config,
                                                                  HealthRegistry* health) {
  if (config.provider != "openai") return embed::make_local_embedder(config);
  auto remote = embed::make_remote_embedder(config, health);
  if (!remote) return std::move(remote).error();
  // Fail at start-up, not at the first write, when the endpoint's vectors do not
  // have the configured dimension.
  if (auto status = embed::verify_dimension(**remote); !status) return std::move(status).error();
  return std::move(remote).value();
}

}  // namespace hirag::cli
