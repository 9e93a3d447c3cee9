#include "embed/local_embedder.hpp"

#include <fmt/format.h>
#include <xxhash.h>

#include <cmath>

#include "embed/text_features.hpp"

namespace hirag::embed {
namespace {

constexpr float kWordWeight = 1.0f;
constexpr float kBigramWeight = 0.5f;
constexpr float kTrigramWeight = 0.25f;

void add_feature(Vector& vector, std::string_view feature, uint64_t seed, float weight) {
  const uint64_t hash = XXH3_64bits_withSeed(feature.data(), feature.size(), seed);
  const size_t bucket = static_cast<size_t>(hash % vector.size());
  vector[bucket] += (hash >> 63) != 0 ? -weight : weight;
}

}  // namespace

std::string LocalEmbedder::model_id() const { return fmt::format("local-hash-v1/{}", dimension_); }

Vector LocalEmbedder::embed_one(std::string_view text) const {
  Vector vector(dimension_, 0.0f);
  std::string previous;
  for (const auto& word : split_words(text)) {
    if (is_stopword(word)) continue;
    const std::string stemmed = stem(word);
    add_feature(vector, stemmed, 1, kWordWeight);
    if (!previous.empty()) add_feature(vector, previous + ' ' + stemmed, 2, kBigramWeight);
    const std::string padded = '#' + word + '#';
    for (size_t i = 0; i + 3 <= padded.size(); ++i) add_feature(vector, std::string_view(padded).substr(i, 3), 3, kTrigramWeight);
    previous = stemmed;
  }
  double norm = 0;
  for (float& value : vector) {
    value = std::copysign(std::log1p(std::fabs(value)), value);  // dampen repeated features
    norm += static_cast<double>(value) * value;
  }
  if (norm > 0) {
    const auto scale = static_cast<float>(1.0 / std::sqrt(norm));
    for (float& value : vector) value *= scale;
  }
  return vector;
}

Result<std::vector<Vector>> LocalEmbedder::embed(const std::vector<std::string>& texts, Purpose) {
  std::vector<Vector> vectors;
  vectors.reserve(texts.size());
  for (const auto& text : texts) vectors.push_back(embed_one(text));
  return vectors;
}

std::shared_ptr<Embedder> make_local_embedder(const EmbedderConfig& config) {
  return std::make_shared<LocalEmbedder>(static_cast<size_t>(config.dimension));
}

}  // namespace hirag::embed
