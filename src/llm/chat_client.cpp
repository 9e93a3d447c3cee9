#include "llm/chat_client.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace hirag::llm {

ChatClient::ChatClient(const RemoteModelConfig& config)
    : model_(config.model), endpoint_("chat", config, "/chat/completions") {}

Result<std::string> ChatClient::complete(const ChatRequest& request) {
  boost::json::array messages;
  for (const auto& m : request.messages) messages.push_back(boost::json::object{{"role", m.role}, {"content", m.content}});
  boost::json::object body{{"model", model_},
                           {"messages", std::move(messages)},
                           {"max_tokens", request.max_tokens},
                           {"temperature", request.temperature}};
  auto answer = endpoint_.post(body);
  if (!answer) return std::move(answer).error();

  const auto bad = [this](std::string what) {
    Error err{ErrorCode::UpstreamError, "chat endpoint " + endpoint_.url() + " " + what, {}};
    err.details["endpoint"] = endpoint_.url();
    return err;
  };
  const auto* root = answer->if_object();
  const auto* choices = root ? root->if_contains("choices") : nullptr;
  if (!choices || !choices->is_array() || choices->as_array().empty()) return bad("returned no choices");
  const auto* first = choices->as_array().front().if_object();
  const auto* message = first ? first->if_contains("message") : nullptr;
  const auto* content = message && message->is_object() ? message->as_object().if_contains("content") : nullptr;
  if (!content || !content->is_string()) return bad("returned a choice without text content");
  return std::string(content->as_string());
}

}  // namespace hirag::llm
