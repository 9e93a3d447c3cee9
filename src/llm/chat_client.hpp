// llm/chat_client: the OpenAI-compatible chat completions client
// (POST {base_url}/chat/completions → choices[0].message.content). Request
// building and answer reading only; sending, retries, the circuit breaker and
// error mapping belong to RemoteEndpoint. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/result.hpp"
#include "llm/remote_endpoint.hpp"

namespace hirag::llm {

struct ChatMessage {
  std::string role;  // "system" | "user" | "assistant"
  std::string content;
};

struct ChatRequest {
  std::vector<ChatMessage> messages;
  size_t max_tokens = 256;
  double temperature = 0.3;
};

class ChatClient {
 public:
  explicit ChatClient(const RemoteModelConfig& config);

  // The text of the first choice. An answer without choices or without string
  // content is an UPSTREAM_ERROR.
  Result<std::string> complete(const ChatRequest& request);

  RemoteEndpoint& endpoint() { return endpoint_; }

 private:
  std::string model_;
  RemoteEndpoint endpoint_;
};

}  // namespace hirag::llm
