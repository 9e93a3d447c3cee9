// http/router: maps (method, path) to a handler. Patterns are literal segments and
// {name} parameters: "/api/v1/contexts/{id}". Unknown path → 404, known path with
// another method → 405 with Allow.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"

namespace hirag::http {

using Handler = std::function<Response(Request&)>;

struct RouteOptions {
  bool authenticated = true;  // needs a tenant (API key, or loopback single-tenant mode)
  bool blocking = true;       // runs on the worker pool, not on a network thread
  bool json_body = false;     // requires Content-Type: application/json (415 otherwise)
  bool batch = false;         // costs rate_limit.batch_cost units of quota
  bool stores = false;        // writes new data: 507 while the disk is below storage.min_free_bytes
};

struct Route {
  Method method;
  std::string pattern;
  std::vector<std::string> segments;
  Handler handler;
  RouteOptions options;
};

struct RouteMatch {
  const Route* route = nullptr;                 // set when method and path match
  std::vector<Method> allowed;                  // methods of the matching path (for 405)
};

class Router {
 public:
  void add(Method method, const std::string& pattern, Handler handler, RouteOptions options = {});
  // Finds the route; fills request.path_params and request.route on success.
  RouteMatch match(Method method, Request& request) const;
  const std::vector<std::unique_ptr<Route>>& routes() const { return routes_; }

 private:
  std::vector<std::unique_ptr<Route>> routes_;
};

}  // namespace hirag::http
