// context/memory_adapters: the ports of context/ implemented by memory::MemoryService
// — retrieval is its hybrid search; a session turn becomes a memory item with the
// session id, source "turn" and the role in its metadata. The only file of context/
// that knows memory/.
#pragma once

#include <memory>

#include "context/ports.hpp"
#include "memory/memory_service.hpp"

namespace hirag::context {

class MemoryRetriever final : public Retriever {
 public:
  explicit MemoryRetriever(memory::MemoryService& memory) : memory_(memory) {}
  Result<std::vector<RetrievedSnippet>> retrieve(const RetrievalQuery& query) override;

 private:
  memory::MemoryService& memory_;
};

class MemoryTurnSink final : public TurnSink {
 public:
  explicit MemoryTurnSink(memory::MemoryService& memory) : memory_(memory) {}
  Result<std::string> store_turn(const TurnMemory& turn) override;

 private:
  memory::MemoryService& memory_;
};

}  // namespace hirag::context
