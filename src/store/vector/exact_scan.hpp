// store/vector/exact_scan: exact top-k by inner product over a flat array of
// vectors (AVX2+FMA; this file is compiled with -mavx2 -mfma). Used for small
// namespaces, while a namespace's graph is being built, and as a test oracle.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace hirag::store::vector {

struct VectorHit {
  int64_t label = 0;
  float score = 0;  // inner product = cosine for unit vectors
};

float dot(const float* a, const float* b, size_t dimension);
// The k best of `count` vectors stored back to back in `data`, best first.
std::vector<VectorHit> exact_top_k(std::span<const float> query, const float* data, const int64_t* labels,
                                   size_t count, size_t k);

}  // namespace hirag::store::vector
