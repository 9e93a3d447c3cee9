// embed/openai_embedder: an Embedder over an OpenAI-compatible embeddings API
// (POST {base_url}/embeddings {"model", "input": [...]}), e.g. OpenAI, vLLM,
// Ollama, TEI, llama.cpp. Splits the texts into batches of embedder.batch_size
// sent with up to embedder.concurrency requests in flight, maps answers back by
// `index`, and rejects answers with the wrong count or dimension (never fewer
// vectors silently). Vectors are L2-normalised. Sending, retries and the circuit
// breaker belong to llm::RemoteEndpoint. Thread-safe.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "embed/embedder.hpp"
#include "llm/remote_endpoint.hpp"

namespace hirag::embed {

class OpenAiEmbedder final : public Embedder {
 public:
  explicit OpenAiEmbedder(const EmbedderConfig& config);

  size_t dimension() const override { return dimension_; }
  // "openai:<model>/<dimension>".
  std::string model_id() const override;
  Result<std::vector<Vector>> embed(const std::vector<std::string>& texts, Purpose purpose) override;

  llm::RemoteEndpoint& endpoint() { return endpoint_; }

 private:
  Result<std::vector<Vector>> embed_batch(std::span<const std::string> texts);
  Result<std::vector<Vector>> read_vectors(const boost::json::value& answer, size_t expected) const;
  Error bad_answer(std::string what) const;

  std::string model_;
  size_t dimension_;
  size_t batch_size_;
  size_t concurrency_;
  llm::RemoteEndpoint endpoint_;
};

}  // namespace hirag::embed
