#include "embed/openai_embedder.hpp"

#include <algorithm>
#include <atomic>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cmath>
#include <mutex>
#include <optional>
#include <thread>

#include "core/clock.hpp"
#include "embed/dimension_probe.hpp"
#include "metrics/embedder_metrics.hpp"

namespace hirag::embed {
namespace {

// Scales `v` to unit length; a zero vector stays zero.
void normalize(Vector& v) {
  double norm = 0;
  for (const float x : v) norm += static_cast<double>(x) * x;
  if (norm <= 0) return;
  const double scale = 1.0 / std::sqrt(norm);
  for (float& x : v) x = static_cast<float>(x * scale);
}

}  // namespace

OpenAiEmbedder::OpenAiEmbedder(const EmbedderConfig& config)
    : model_(config.remote.model),
      dimension_(static_cast<size_t>(std::max<int64_t>(config.dimension, 1))),
      batch_size_(static_cast<size_t>(std::max<int64_t>(config.batch_size, 1))),
      concurrency_(static_cast<size_t>(std::max<int64_t>(config.concurrency, 1))),
      endpoint_("embeddings", config.remote, "/embeddings") {}

std::string OpenAiEmbedder::model_id() const { return "openai:" + model_ + "/" + std::to_string(dimension_); }

Result<std::vector<Vector>> OpenAiEmbedder::embed(const std::vector<std::string>& texts, Purpose) {
  std::vector<Vector> out(texts.size());
  const size_t batches = (texts.size() + batch_size_ - 1) / batch_size_;
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex error_mutex;
  std::optional<Error> first_error;
  // Each worker takes the next batch until none is left or one has failed.
  const auto worker = [&] {
    for (size_t b = next++; b < batches && !failed; b = next++) {
      const size_t begin = b * batch_size_;
      const size_t size = std::min(batch_size_, texts.size() - begin);
      auto vectors = embed_batch(std::span<const std::string>(texts).subspan(begin, size));
      if (!vectors) {
        std::lock_guard lock(error_mutex);
        if (!first_error) first_error = std::move(vectors).error();
        failed = true;
        return;
      }
      std::move(vectors->begin(), vectors->end(), out.begin() + static_cast<ptrdiff_t>(begin));
    }
  };
  {
    std::vector<std::jthread> helpers;
    for (size_t i = 1; i < std::min(concurrency_, batches); ++i) helpers.emplace_back(worker);
    worker();
  }
  if (first_error) {
    metrics::embedder_metrics().errors.Increment();
    return std::move(*first_error);
  }
  return out;
}

Result<std::vector<Vector>> OpenAiEmbedder::embed_batch(std::span<const std::string> texts) {
  boost::json::array input;
  for (const auto& t : texts) input.emplace_back(t);
  const boost::json::object body{{"model", model_}, {"input", std::move(input)}};
  auto& m = metrics::embedder_metrics();
  const double start = monotonic_seconds();
  auto answer = endpoint_.post(body);
  auto vectors = answer ? read_vectors(*answer, texts.size()) : Result<std::vector<Vector>>(std::move(answer).error());
  m.request_duration.Observe(monotonic_seconds() - start);
  (vectors ? m.requests_ok : m.requests_error).Increment();
  return vectors;
}

Result<std::vector<Vector>> OpenAiEmbedder::read_vectors(const boost::json::value& answer, size_t expected) const {
  const auto* root = answer.if_object();
  const auto* data = root ? root->if_contains("data") : nullptr;
  if (!data || !data->is_array()) return bad_answer("returned no \"data\" array");
  const auto& items = data->as_array();
  if (items.size() != expected) {
    return bad_answer("returned " + std::to_string(items.size()) + " vectors for " + std::to_string(expected) +
                      " inputs");
  }
  std::vector<Vector> vectors(expected);
  for (const auto& item : items) {
    const auto* object = item.if_object();
    const auto* index = object ? object->if_contains("index") : nullptr;
    const auto* embedding = object ? object->if_contains("embedding") : nullptr;
    if (!index || !index->is_int64() || !embedding || !embedding->is_array()) {
      return bad_answer("returned an item without an integer \"index\" and an \"embedding\" array");
    }
    const int64_t i = index->as_int64();
    if (i < 0 || static_cast<size_t>(i) >= expected || !vectors[static_cast<size_t>(i)].empty()) {
      return bad_answer("returned an invalid or repeated index " + std::to_string(i));
    }
    const auto& values = embedding->as_array();
    if (values.size() != dimension_) {
      Error err{ErrorCode::UpstreamError, dimension_mismatch(values.size(), dimension_), {}};
      err.details["endpoint"] = endpoint_.url();
      err.details["dimension"] = values.size();
      err.details["expected_dimension"] = dimension_;
      return err;
    }
    Vector& v = vectors[static_cast<size_t>(i)];
    v.reserve(dimension_);
    for (const auto& x : values) {
      boost::system::error_code ec;
      const double d = x.to_number<double>(ec);
      if (ec || !std::isfinite(d)) return bad_answer("returned a non-numeric or non-finite vector component");
      v.push_back(static_cast<float>(d));
    }
    normalize(v);
  }
  return vectors;
}

Error OpenAiEmbedder::bad_answer(std::string what) const {
  Error err{ErrorCode::UpstreamError, "embeddings endpoint " + endpoint_.url() + " " + what, {}};
  err.details["endpoint"] = endpoint_.url();
  return err;
}

}  // namespace hirag::embed
