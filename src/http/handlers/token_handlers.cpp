// http/handlers/token_handlers: exact token counts for an encoding
// (POST /api/v1/tokens/count) and the list of encodings (GET /api/v1/tokens/encodings).
#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/json_reader.hpp"
#include "http/router.hpp"
#include "http/services.hpp"
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

Response count_tokens(Request& request, const tokenize::TokenCounter& counter) {
  auto body = parse_json_object(request.body);
  if (!body) return error_response(body.error());
  JsonReader reader(*body);
  auto text = reader.optional_string("text");
  const auto* texts = reader.optional_array("texts");
  auto encoding = encoding_from(reader, counter.default_encoding());
  if (auto status = reader.finish(); !status) return error_response(status.error());
  if (!encoding) return error_response(encoding.error());
  if (text.has_value() == (texts != nullptr)) {
    return error_response(Error::field("text", "give exactly one of 'text' (a string) or 'texts' (an array of strings)"));
  }
  const auto& tok = tokenize::tokenizer(*encoding);
  boost::json::object out;
  out["encoding"] = tokenize::encoding_name(*encoding);
  if (text) {
    out["count"] = tok.count(*text);
    return json_response(200, out);
  }
  if (texts->size() > kMaxTexts) {
    return error_response(Error::field("texts", fmt::format("at most {} texts per request", kMaxTexts)));
  }
  boost::json::array counts;
  size_t total = 0;
  for (size_t i = 0; i < texts->size(); ++i) {
    if (!(*texts)[i].is_string()) {
      return error_response(Error::field(fmt::format("texts[{}]", i), fmt::format("texts[{}] must be a string", i)));
    }
    const size_t n = tok.count((*texts)[i].get_string());
    counts.push_back(n);
    total += n;
  }
  out["counts"] = std::move(counts);
  out["total"] = total;
  return json_response(200, out);
}

Response list_encodings(const tokenize::TokenCounter& counter) {
  boost::json::array encodings;
  for (auto name : tokenize::encoding_names()) encodings.emplace_back(name);
  return json_response(200, {{"encodings", std::move(encodings)},
                             {"default", tokenize::encoding_name(counter.default_encoding())}});
}

}  // namespace

void register_token_routes(Router& router, Services& services) {
  const tokenize::TokenCounter* counter = services.tokens;
  router.add(Method::Post, "/api/v1/tokens/count", [counter](Request& r) { return count_tokens(r, *counter); },
             RouteOptions{.json_body = true});
  router.add(Method::Get, "/api/v1/tokens/encodings", [counter](Request&) { return list_encodings(*counter); },
             RouteOptions{.blocking = false});
}

}  // namespace hirag::http
