#include "llm/sentences.hpp"

namespace hirag::llm {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_terminal(char c) { return c == '.' || c == '!' || c == '?'; }
bool is_closer(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }

}  // namespace

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::vector<size_t> sentence_ends(std::string_view text) {
  std::vector<size_t> ends;
  const auto add = [&](size_t end) {
    while (end > 0 && is_space(text[end - 1])) --end;
    if (end > 0 && (ends.empty() || end > ends.back())) ends.push_back(end);
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      add(i);
    } else if (is_terminal(text[i])) {
      size_t end = i + 1;
      while (end < text.size() && (is_terminal(text[end]) || is_closer(text[end]))) ++end;
      if (end == text.size() || is_space(text[end])) add(end);
      i = end - 1;
    }
  }
  add(text.size());
  return ends;
}

std::vector<std::string_view> split_sentences(std::string_view text) {
  std::vector<std::string_view> sentences;
  size_t start = 0;
  for (const size_t end : sentence_ends(text)) {
    const auto sentence = trim(text.substr(start, end - start));
    if (!sentence.empty()) sentences.push_back(sentence);
    start = end;
  }
  return sentences;
}

std::vector<size_t> word_ends(std::string_view text) {
  std::vector<size_t> ends;
  for (size_t i = 0; i < text.size(); ++i) {
    if (!is_space(text[i]) && (i + 1 == text.size() || is_space(text[i + 1]))) ends.push_back(i + 1);
  }
  return ends;
}

std::vector<size_t> char_ends(std::string_view text) {
  std::vector<size_t> ends;
  for (size_t i = 1; i <= text.size(); ++i) {
    if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ends.push_back(i);
  }
  return ends;
}

}  // namespace hirag::llm
