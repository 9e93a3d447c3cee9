// tests/support/remote_model_testing: small helpers for tests of the remote model
// clients and summarizers: a whitespace word counter (stands in for the exact
// tokenizer) and a RemoteModelConfig pointing at a FakeOpenAi.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/config.hpp"
#include "support/fake_openai.hpp"

namespace hirag::testing {

// Number of whitespace-separated words.
inline size_t count_words(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Generous timeout, 3 attempts, a breaker that does not open unless a test lowers it.
inline RemoteModelConfig remote_config(const FakeOpenAi& server, std::string api_key = "") {
  RemoteModelConfig config;
  config.base_url = server.base_url();
  config.model = "fake-model";
  config.api_key = std::move(api_key);
  config.timeout_ms = 3000;
  config.max_attempts = 3;
  config.circuit_failures = 1000;
  config.circuit_reset_ms = 60'000;
  return config;
}

}  // namespace hirag::testing
