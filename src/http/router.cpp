#include "http/router.hpp"

#include <algorithm>

namespace hirag::http {
namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) parts.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

bool is_param(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool matches(const Route& route, const std::vector<std::string>& parts) {
  if (route.segments.size() != parts.size()) return false;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!is_param(route.segments[i]) && route.segments[i] != parts[i]) return false;
  }
  return true;
}

}  // namespace

void Router::add(Method method, const std::string& pattern, Handler handler, RouteOptions options) {
  auto route = std::make_unique<Route>();
  route->method = method;
  route->pattern = pattern;
  route->segments = split_path(pattern);
  route->handler = std::move(handler);
  route->options = options;
  routes_.push_back(std::move(route));
}

RouteMatch Router::match(Method method, Request& request) const {
  RouteMatch result;
  const auto parts = split_path(request.path);
  // Literal segments win over parameters: /contexts/search before /contexts/{id}.
  const Route* best = nullptr;
  size_t best_literals = 0;
  for (const auto& route : routes_) {
    if (!matches(*route, parts)) continue;
    if (std::find(result.allowed.begin(), result.allowed.end(), route->method) == result.allowed.end()) {
      result.allowed.push_back(route->method);
    }
    if (route->method != method) continue;
    const size_t literals = static_cast<size_t>(
        std::count_if(route->segments.begin(), route->segments.end(), [](const auto& s) { return !is_param(s); }));
    if (best == nullptr || literals > best_literals) {
      best = route.get();
      best_literals = literals;
    }
  }
  if (best != nullptr) {
    result.route = best;
    request.route = best->pattern;
    for (size_t i = 0; i < parts.size(); ++i) {
      if (is_param(best->segments[i])) {
        request.path_params[best->segments[i].substr(1, best->segments[i].size() - 2)] = parts[i];
      }
    }
  }
  return result;
}

}  // namespace hirag::http
