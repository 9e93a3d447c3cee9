// embed/dimension_probe: the start-up check that an embedder really produces
// vectors of the configured dimension (a remote model is chosen by name, and a
// wrong name or size would otherwise surface only at the first write).
#pragma once

#include <string>

#include "core/result.hpp"
#include "embed/embedder.hpp"

namespace hirag::embed {

// "embedder returned <got>-dimensional vectors but embedder.dimension is <expected>".
std::string dimension_mismatch(size_t got, size_t expected);

// Embeds one short text; OK when one vector of embedder.dimension() comes back,
// else the embedder's error or "embedder returned N-dimensional vectors but
// embedder.dimension is M".
Status verify_dimension(Embedder& embedder);

}  // namespace hirag::embed
