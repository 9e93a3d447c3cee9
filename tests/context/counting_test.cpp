// tests/context/counting_test: OpenAI chat framing — 3 tokens per message, +1 per
// name, 3 for the reply primer — against the cookbook's worked example.
#include "context/counting.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace hirag::context {
namespace {

TEST(Counting, OneMessageIsFramingPlusRolePlusContent) {
  const auto count = exact_token_counter();
  const Message hello{"user", "Hello", {}};
  EXPECT_EQ(message_tokens(hello, tokenize::Encoding::cl100k_base, count), 3u + 1u + 1u);
  const Message named{"user", "Hello", "alice"};
  EXPECT_EQ(message_tokens(named, tokenize::Encoding::cl100k_base, count), 3u + 1u + 1u + 1u + 1u);
}

// The example of OpenAI's cookbook "How to count tokens with tiktoken": the API
// reports 129 prompt tokens for gpt-3.5-turbo-0613 and gpt-4-0613 (cl100k_base).
TEST(Counting, CookbookExampleIs129PromptTokens) {
  const std::vector<Message> messages = {
      {"system",
       "You are a helpful, pattern-following assistant that translates corporate jargon into plain English.",
       {}},
      {"system", "New synergies will help drive top-line growth.", "example_user"},
      {"system", "Things working well together will increase revenue.", "example_assistant"},
      {"system",
       "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage.",
       "example_user"},
      {"system", "Let's talk later when we're less busy about how to do better.", "example_assistant"},
      {"user", "This late pivot means we don't have time to boil the ocean for the client deliverable.", {}},
  };
  const auto count = exact_token_counter();
  size_t total = kReplyPrimerTokens;
  for (const auto& message : messages) total += message_tokens(message, tokenize::Encoding::cl100k_base, count);
  EXPECT_EQ(total, 129u);
}

}  // namespace
}  // namespace hirag::context
