// http/handlers/token_handlers: exact token counts for an encoding
// (POST /api/v1/tokens/count) and the list of encodings (GET /api/v1/tokens/encodings).
#include <boost/json.hpp>

#include "core/json_reader.hpp"
#include "http/handlers/tokens_json.hpp"
#include "http/router.hpp"
#include "http/services.hpp"
#include "tokenize/token_counter.hpp"
#include "tokenize/tokenizer.hpp"

namespace hirag::http {
namespace {

Response count(Request& request, const tokenize::TokenCounter& counter) {
  auto body = parse_json_object(request.body);
  if (!body) return error_response(body.error());
  auto counted = count_tokens(*body, counter);
  if (!counted) return error_response(counted.error());
  return json_response(200, *counted);
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
  router.add(Method::Post, "/api/v1/tokens/count", [counter](Request& r) { return count(r, *counter); },
             RouteOptions{.json_body = true});
  router.add(Method::Get, "/api/v1/tokens/encodings", [counter](Request&) { return list_encodings(*counter); },
             RouteOptions{.blocking = false});
}

}  // namespace hirag::http
