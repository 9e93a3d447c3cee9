#include "locomo_data.hpp"

#include <boost/json.hpp>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <set>
#include <sstream>

namespace hirag::bench {

int64_t parse_session_date(const std::string& text) {
  int hour = 0, minute = 0, day = 0, year = 0;
  char ampm[3] = {0}, month_name[16] = {0};
  if (std::sscanf(text.c_str(), "%d:%d %2s on %d %15[A-Za-z], %d", &hour, &minute, ampm, &day, month_name, &year) != 6) {
    return -1;
  }
  static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
  int month = -1;
  for (int i = 0; i < 12; ++i) {
    if (std::string(month_name) == kMonths[i]) month = i;
  }
  if (month < 0) return -1;
  hour %= 12;
  if (ampm[0] == 'p' || ampm[0] == 'P') hour += 12;
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  return static_cast<int64_t>(timegm(&tm)) * 1000;
}

std::vector<Conversation> load_locomo(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const auto root = boost::json::parse(buffer.str());
  std::vector<Conversation> conversations;
  for (const auto& sample : root.as_array()) {
    Conversation conversation;
    conversation.sample_id = std::string(sample.at("sample_id").as_string());
    const auto& dialogue = sample.at("conversation").as_object();
    std::set<std::string> ids;
    for (int session = 1;; ++session) {
      const std::string key = "session_" + std::to_string(session);
      const auto* turns = dialogue.if_contains(key);
      if (turns == nullptr) break;
      const auto* date = dialogue.if_contains(key + "_date_time");
      const int64_t start_ms = date ? parse_session_date(std::string(date->as_string())) : 0;
      int64_t j = 0;
      for (const auto& raw : turns->as_array()) {
        const auto& turn = raw.as_object();
        Turn item;
        item.speaker = std::string(turn.at("speaker").as_string());
        item.dia_id = std::string(turn.at("dia_id").as_string());
        item.session = session;
        item.text = item.speaker + ": " + std::string(turn.at("text").as_string());
        if (const auto* caption = turn.if_contains("blip_caption"); caption && caption->is_string()) {
          item.text += " [image: " + std::string(caption->as_string()) + "]";
        }
        item.created_at_ms = start_ms + j * 60'000;
        ++j;
        ids.insert(item.dia_id);
        conversation.turns.push_back(std::move(item));
      }
    }
    for (const auto& raw : sample.at("qa").as_array()) {
      const auto& qa = raw.as_object();
      Question question;
      question.category = qa.at("category").to_number<int64_t>();
      if (question.category < 1 || question.category > 4) continue;
      question.question = std::string(qa.at("question").as_string());
      for (const auto& evidence : qa.at("evidence").as_array()) {
        if (!evidence.is_string()) continue;
        const std::string id(evidence.as_string());
        if (ids.contains(id)) question.evidence.push_back(id);
      }
      if (!question.evidence.empty()) conversation.questions.push_back(std::move(question));
    }
    conversations.push_back(std::move(conversation));
  }
  return conversations;
}

}  // namespace hirag::bench
