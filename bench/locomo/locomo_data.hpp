// bench/locomo/locomo_data: reads the LoCoMo conversations (README protocol):
// every turn as one item ("<speaker>: <text>[ [image: <caption>]]", created_at =
// session date + j minutes, metadata dia_id/session/speaker) and every question
// of categories 1-4 whose evidence exists.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace hirag::bench {

struct Turn {
  std::string text;
  std::string dia_id;
  int64_t session = 0;
  std::string speaker;
  int64_t created_at_ms = 0;
};

struct Question {
  std::string question;
  int64_t category = 0;
  std::vector<std::string> evidence;  // only ids that exist in the conversation
};

struct Conversation {
  std::string sample_id;
  std::vector<Turn> turns;
  std::vector<Question> questions;
};

// "1:56 pm on 8 May, 2023" → unix ms (UTC); -1 when malformed.
int64_t parse_session_date(const std::string& text);
std::vector<Conversation> load_locomo(const std::string& path);

}  // namespace hirag::bench
