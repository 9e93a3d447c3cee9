#include "http/request_conversion.hpp"

#include <boost/beast/core/string.hpp>
#include <boost/url/parse.hpp>
#include <cctype>

namespace hirag::http {

namespace bhttp = boost::beast::http;

namespace {

Method to_method(bhttp::verb verb) {
  switch (verb) {
    case bhttp::verb::get: return Method::Get;
    case bhttp::verb::post: return Method::Post;
    case bhttp::verb::put: return Method::Put;
    case bhttp::verb::patch: return Method::Patch;
    case bhttp::verb::delete_: return Method::Delete;
    case bhttp::verb::head: return Method::Head;
    case bhttp::verb::options: return Method::Options;
    default: return Method::Other;
  }
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool convert_header(const bhttp::request_header<>& head, Request& out) {
  out.method = to_method(head.method());
  out.target = std::string(head.target());
  auto url = boost::urls::parse_origin_form(head.target());
  if (!url) return false;
  out.path = url->path();
  for (auto param : url->params()) out.query_params.emplace(param.key, param.value);
  for (const auto& field : head) out.headers.emplace(lower(field.name_string()), std::string(field.value()));
  return true;
}

bool expects_continue(const bhttp::request_header<>& head) {
  if (head.version() < 11) return false;
  const auto expect = head.find(bhttp::field::expect);
  return expect != head.end() && boost::beast::iequals(expect->value(), "100-continue");
}

}  // namespace hirag::http
