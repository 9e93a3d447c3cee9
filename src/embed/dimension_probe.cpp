#include "embed/dimension_probe.hpp"

namespace hirag::embed {

std::string dimension_mismatch(size_t got, size_t expected) {
  return "embedder returned " + std::to_string(got) + "-dimensional vectors but embedder.dimension is " +
         std::to_string(expected);
}

Status verify_dimension(Embedder& embedder) {
  auto vectors = embedder.embed({"hirag start-up dimension probe"}, Purpose::Query);
  if (!vectors) return std::move(vectors).error();
  if (vectors->size() != 1) {
    return Error{ErrorCode::UpstreamError,
                 "embedder " + embedder.model_id() + " returned " + std::to_string(vectors->size()) +
                     " vectors for 1 text",
                 {}};
  }
  if (vectors->front().size() != embedder.dimension()) {
    return Error{ErrorCode::UpstreamError, dimension_mismatch(vectors->front().size(), embedder.dimension()), {}};
  }
  return ok_status();
}

}  // namespace hirag::embed
