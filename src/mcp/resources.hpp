// mcp/resources: memory items and sessions as MCP resources —
// hirag://items/{id} (GET /api/v1/contexts/{id}) and hirag://sessions/{id}
// (GET /api/v1/sessions/{id}, namespace "default"), read as the same JSON the REST
// API answers. resources/list pages through the default namespace's items.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>

#include "core/result.hpp"
#include "mcp/json_rpc.hpp"

namespace hirag::http {
struct Services;
}

namespace hirag::mcp {

class Resources {
 public:
  explicit Resources(const http::Services& services) : services_(services) {}

  RpcOutcome list(const std::string& tenant, const boost::json::object& params) const;
  static boost::json::value list_templates();
  RpcOutcome read(const std::string& tenant, const boost::json::object& params) const;

 private:
  Result<boost::json::object> read_uri(const std::string& tenant, std::string_view uri) const;

  const http::Services& services_;
};

}  // namespace hirag::mcp
