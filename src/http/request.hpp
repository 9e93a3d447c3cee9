// http/request: what a handler sees of a request. Deliberately free of Beast
// types so handlers compile fast and read like the API docs.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace hirag::http {

enum class Method { Get, Post, Put, Patch, Delete, Head, Options, Other };

std::string_view method_name(Method method);

struct Request {
  Method method = Method::Get;
  std::string target;          // raw request target (path and query)
  std::string path;            // decoded path
  std::string route;           // matched route template, e.g. /api/v1/contexts/{id}
  std::map<std::string, std::string, std::less<>> path_params;   // {id} -> value
  std::map<std::string, std::string, std::less<>> query_params;  // decoded
  std::map<std::string, std::string, std::less<>> headers;       // lower-cased names
  std::string body;
  std::string request_id;
  std::string tenant;          // set by authentication; "default" without keys
  std::string peer_address;

  std::optional<std::string_view> header(std::string_view lower_name) const;
  std::optional<std::string_view> query(std::string_view name) const;
  std::string_view path_param(std::string_view name) const;
};

}  // namespace hirag::http
