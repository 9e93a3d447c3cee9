// cli/fact_ports: adapts the fact service to the port context/ reads the facts
// slot through (context/ports.hpp): the current facts that match a build's query.
#pragma once

#include "context/ports.hpp"
#include "facts/fact_service.hpp"

namespace hirag::cli {

class FactsForContext final : public context::FactSource {
 public:
  explicit FactsForContext(facts::FactService& facts) : facts_(facts) {}
  Result<std::vector<context::RelevantFact>> relevant(const std::string& tenant, const std::string& name_space,
                                                      const std::string& query, size_t top_k) override;

 private:
  facts::FactService& facts_;
};

}  // namespace hirag::cli
