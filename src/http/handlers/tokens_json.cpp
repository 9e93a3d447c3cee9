#include "http/handlers/tokens_json.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/json_reader.hpp"
#include "tokenize/token_counter.hpp"
#include "tokenize/tokenizer.hpp"

namespace hirag::http {
namespace {

constexpr size_t kMaxTexts = 10'000;

Result<tokenize::Encoding> encoding_from(JsonReader& reader, tokenize::Encoding fallback) {
  auto name = reader.optional_string("encoding");
  if (!name) return fallback;
  auto encoding = tokenize::parse_encoding(*name);
  if (!encoding) {
    boost::json::object details;
    details["field"] = "encoding";
    boost::json::array valid;
    for (auto n : tokenize::encoding_names()) valid.emplace_back(n);
    details["valid"] = std::move(valid);
    return Error::validation(fmt::format("unknown encoding '{}'; valid encodings: {}", *name,
                                         fmt::join(tokenize::encoding_names(), ", ")),
                             details);
  }
  return *encoding;
}

Result<boost::json::object> count_texts(const boost::json::array& texts, const tokenize::Tokenizer& tok,
                                        boost::json::object out) {
  if (texts.size() > kMaxTexts) return Error::field("texts", fmt::format("at most {} texts per request", kMaxTexts));
  boost::json::array counts;
  size_t total = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    if (!texts[i].is_string()) {
      return Error::field(fmt::format("texts[{}]", i), fmt::format("texts[{}] must be a string", i));
    }
    const size_t n = tok.count(texts[i].get_string());
    counts.push_back(n);
    total += n;
  }
  out["counts"] = std::move(counts);
  out["total"] = total;
  return out;
}

}  // namespace

Result<boost::json::object> count_tokens(const boost::json::object& request, const tokenize::TokenCounter& counter) {
  JsonReader reader(request);
  auto text = reader.optional_string("text");
  const auto* texts = reader.optional_array("texts");
  auto encoding = encoding_from(reader, counter.default_encoding());
  if (auto status = reader.finish(); !status) return std::move(status).error();
  if (!encoding) return std::move(encoding).error();
  if (text.has_value() == (texts != nullptr)) {
    return Error::field("text", "give exactly one of 'text' (a string) or 'texts' (an array of strings)");
  }
  const auto& tok = tokenize::tokenizer(*encoding);
  boost::json::object out;
  out["encoding"] = tokenize::encoding_name(*encoding);
  if (!text) return count_texts(*texts, tok, std::move(out));
  out["count"] = tok.count(*text);
  return out;
}

}  // namespace hirag::http
