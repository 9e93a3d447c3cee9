// tests/integration/session_testing: helpers of the sessions_* suites — the token
// count of built messages re-counted independently with `hirag tokenize --jsonl`
// (OpenAI's framing: 3 per message + role + content, +1 and the name's tokens for a
// name, 3 for the reply primer), and request shortcuts.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <sstream>
#include <string>

#include "support/server_process.hpp"

namespace hirag::testing {

inline size_t recount_messages(const boost::json::array& messages, const std::string& encoding) {
  std::string input;
  size_t framing = 3;
  for (const auto& message : messages) {
    const auto& object = message.as_object();
    framing += 3;
    input += boost::json::serialize(object.at("role")) + "\n" + boost::json::serialize(object.at("content")) + "\n";
    if (object.contains("name")) {
      framing += 1;
      input += boost::json::serialize(object.at("name")) + "\n";
    }
  }
  const auto result = run_hirag({"tokenize", "--jsonl", "--encoding", encoding}, input);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  size_t tokens = framing;
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) tokens += boost::json::parse(line).at("n").to_number<size_t>();
  }
  return tokens;
}

inline HttpResult add_turn(HttpClient& client, const std::string& session, const std::string& role,
                           const std::string& content) {
  return client.post_json("/api/v1/sessions/" + session + "/turns", {{"role", role}, {"content", content}});
}

inline std::string words(size_t n, const std::string& stem) {
  std::string text;
  for (size_t i = 0; i < n; ++i) text += (i ? " " : "") + stem + std::to_string(i % 37);
  return text;
}

}  // namespace hirag::testing
