// mcp/json_schema: tool schemas are written as JSON text next to their tool
// (easier to read and to compare with docs/api.md than nested initializers).
#pragma once

#include <boost/json/object.hpp>
#include <string_view>

namespace hirag::mcp {

// The object of a JSON literal written in this program; a typo is a bug, so it aborts.
boost::json::object schema(std::string_view json_text);

}  // namespace hirag::mcp
