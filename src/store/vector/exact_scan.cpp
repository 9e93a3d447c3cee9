#include "store/vector/exact_scan.hpp"

#include <immintrin.h>

#include <algorithm>

namespace hirag::store::vector {

float dot(const float* a, const float* b, size_t dimension) {
  size_t i = 0;
#ifdef __AVX2__
  __m256 acc0 = _mm256_setzero_ps();
  __m256 acc1 = _mm256_setzero_ps();
  for (; i + 16 <= dimension; i += 16) {
    acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), acc0);
    acc1 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 8), _mm256_loadu_ps(b + i + 8), acc1);
  }
  const __m256 acc = _mm256_add_ps(acc0, acc1);
  __m128 sum = _mm_add_ps(_mm256_castps256_ps128(acc), _mm256_extractf128_ps(acc, 1));
  sum = _mm_hadd_ps(sum, sum);
  sum = _mm_hadd_ps(sum, sum);
  float result = _mm_cvtss_f32(sum);
#else
  float result = 0;
#endif
  for (; i < dimension; ++i) result += a[i] * b[i];
  return result;
}

std::vector<VectorHit> exact_top_k(std::span<const float> query, const float* data, const int64_t* labels,
                                   size_t count, size_t k) {
  const size_t dimension = query.size();
  std::vector<VectorHit> hits(count);
  for (size_t i = 0; i < count; ++i) hits[i] = VectorHit{labels[i], dot(query.data(), data + i * dimension, dimension)};
  const auto better = [](const VectorHit& a, const VectorHit& b) {
    return a.score != b.score ? a.score > b.score : a.label > b.label;
  };
  k = std::min(k, count);
  std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(k), hits.end(), better);
  hits.resize(k);
  return hits;
}

}  // namespace hirag::store::vector
