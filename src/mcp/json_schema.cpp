#include "mcp/json_schema.hpp"

#include <boost/json/parse.hpp>
#include <cstdlib>
#include <iostream>

namespace hirag::mcp {

boost::json::object schema(std::string_view json_text) {
  boost::system::error_code ec;
  auto value = boost::json::parse(json_text, ec);
  if (ec || !value.is_object()) {
    std::cerr << "mcp: invalid built-in schema: " << json_text << "\n";
    std::abort();
  }
  return std::move(value.get_object());
}

}  // namespace hirag::mcp
