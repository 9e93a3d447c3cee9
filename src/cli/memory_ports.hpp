// cli/memory_ports: adapts the memory service to the narrow ports context/ needs
// (context/ports.hpp): retrieval of snippets for a prompt, and storing session
// turns as memory items so later searches find them.
#pragma once

#include <memory>

#include "context/ports.hpp"
#include "memory/memory_service.hpp"

namespace hirag::cli {

class MemoryRetriever final : public context::Retriever {
 public:
  explicit MemoryRetriever(memory::MemoryService& memory) : memory_(memory) {}
  Result<std::vector<context::RetrievedSnippet>> retrieve(const context::RetrievalQuery& query) override;

 private:
  memory::MemoryService& memory_;
};

class MemoryTurnSink final : public context::TurnSink {
 public:
  explicit MemoryTurnSink(memory::MemoryService& memory) : memory_(memory) {}
  Result<std::string> store_turn(const context::TurnMemory& turn) override;
  Status forget_turns(const std::string& tenant, const std::vector<std::string>& item_ids) override;

 private:
  memory::MemoryService& memory_;
};

}  // namespace hirag::cli
