// OpenAiEmbedder against the fake embeddings endpoint: wire format, mapping by
// index, batching and concurrency, normalisation, wrong count / dimension errors,
// the dimension probe and the factory.
#include "embed/openai_embedder.hpp"

#include <gtest/gtest.h>

#include <set>

#include <cmath>

#include "embed/dimension_probe.hpp"
#include "embed/remote_embedder_factory.hpp"
#include "metrics/embedder_metrics.hpp"
#include "support/remote_model_testing.hpp"

namespace hirag::embed {
namespace {

using hirag::testing::FakeOpenAi;
using hirag::testing::remote_config;

EmbedderConfig config_for(const FakeOpenAi& server, int64_t dimension = 8) {
  EmbedderConfig config;
  config.provider = "openai";
  config.dimension = dimension;
  config.batch_size = 4;
  config.concurrency = 3;
  config.remote = remote_config(server, "embed-key");
  config.remote.max_attempts = 1;
  return config;
}

std::vector<std::string> texts(size_t n) {
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) out.push_back("text number " + std::to_string(i));
  return out;
}

double dot(const Vector& a, const Vector& b) {
  double d = 0;
  for (size_t i = 0; i < a.size(); ++i) d += static_cast<double>(a[i]) * b[i];
  return d;
}

TEST(OpenAiEmbedder, EmbedsInOrderNormalisedAcrossConcurrentBatches) {
  FakeOpenAi server({.dimension = 8, .api_key = "embed-key"});
  OpenAiEmbedder embedder(config_for(server));
  EXPECT_EQ(embedder.model_id(), "openai:fake-model/8");
  EXPECT_EQ(embedder.dimension(), 8u);

  auto all = embedder.embed(texts(10), Purpose::Document);
  ASSERT_TRUE(all) << all.error().message;
  ASSERT_EQ(all->size(), 10u);
  EXPECT_EQ(server.request_count(), 3u) << "batches of 4";
  for (const auto& v : *all) {
    ASSERT_EQ(v.size(), 8u);
    EXPECT_NEAR(dot(v, v), 1.0, 1e-5);
  }
  // The fake server returns items in reverse order; each text must get its own vector.
  for (size_t i = 0; i < 10; ++i) {
    auto one = embedder.embed({texts(10)[i]}, Purpose::Query);
    ASSERT_TRUE(one);
    EXPECT_NEAR(dot(one->front(), (*all)[i]), 1.0, 1e-5) << "vector " << i << " mismatched";
  }
  // The three batches run concurrently and may arrive in any order.
  const auto bodies = server.request_bodies();
  std::multiset<size_t> batch_sizes;
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(bodies.at(i).at("model").as_string(), "fake-model");
    batch_sizes.insert(bodies.at(i).at("input").as_array().size());
  }
  EXPECT_EQ(batch_sizes, (std::multiset<size_t>{2, 4, 4}));
}

TEST(OpenAiEmbedder, EmptyInputMakesNoCall) {
  FakeOpenAi server;
  OpenAiEmbedder embedder(config_for(server));
  auto none = embedder.embed({}, Purpose::Document);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
  EXPECT_EQ(server.request_count(), 0u);
}

TEST(OpenAiEmbedder, WrongDimensionIsAClearError) {
  FakeOpenAi server({.dimension = 12, .api_key = "embed-key"});
  OpenAiEmbedder embedder(config_for(server, 10));
  auto result = embedder.embed({"hello"}, Purpose::Document);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::UpstreamError);
  EXPECT_EQ(result.error().message, "embedder returned 12-dimensional vectors but embedder.dimension is 10");
}

TEST(OpenAiEmbedder, FewerVectorsThanTextsIsAnError) {
  FakeOpenAi server({.dimension = 8, .api_key = "embed-key"});
  OpenAiEmbedder embedder(config_for(server));
  auto& errors = metrics::embedder_metrics().errors;
  const double before = errors.Value();
  server.set_mode("short");
  auto result = embedder.embed(texts(3), Purpose::Document);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::UpstreamError);
  EXPECT_NE(result.error().message.find("returned 2 vectors for 3 inputs"), std::string::npos)
      << result.error().message;
  EXPECT_EQ(errors.Value() - before, 1.0);
}

TEST(OpenAiEmbedder, OneFailedBatchFailsTheCall) {
  FakeOpenAi server({.dimension = 8, .api_key = "embed-key"});
  OpenAiEmbedder embedder(config_for(server));
  server.set_mode("400", 1);
  auto result = embedder.embed(texts(12), Purpose::Document);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("HTTP 400"), std::string::npos) << result.error().message;
}

TEST(OpenAiEmbedder, VerifyDimensionReportsTheMismatch) {
  FakeOpenAi server({.dimension = 1536, .api_key = "embed-key"});
  OpenAiEmbedder wrong(config_for(server, 1024));
  const auto status = verify_dimension(wrong);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message, "embedder returned 1536-dimensional vectors but embedder.dimension is 1024");
  OpenAiEmbedder right(config_for(server, 1536));
  EXPECT_TRUE(verify_dimension(right));
}

TEST(RemoteEmbedderFactory, BuildsACachedClientAndRegistersHealth) {
  FakeOpenAi server({.dimension = 8, .api_key = "embed-key"});
  HealthRegistry health;
  auto embedder = make_remote_embedder(config_for(server), &health);
  ASSERT_TRUE(embedder) << embedder.error().message;
  EXPECT_EQ((*embedder)->model_id(), "openai:fake-model/8");
  ASSERT_TRUE((*embedder)->embed({"a", "b"}, Purpose::Document));
  ASSERT_TRUE((*embedder)->embed({"a", "b"}, Purpose::Document));
  EXPECT_EQ(server.request_count(), 1u) << "the second call is served by the cache";
  const auto reports = health.run();
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].name, "embedder");
  EXPECT_EQ(reports[0].health.status, HealthStatus::Healthy);
}

TEST(RemoteEmbedderFactory, RejectsAMissingUrlOrModel) {
  EmbedderConfig config;
  config.provider = "openai";
  EXPECT_FALSE(make_remote_embedder(config));
  config.remote.base_url = "http://127.0.0.1:1/v1";
  auto no_model = make_remote_embedder(config);
  ASSERT_FALSE(no_model);
  EXPECT_EQ(no_model.error().code, ErrorCode::Validation);
}

}  // namespace
}  // namespace hirag::embed
