#include "request_set.hpp"

#include <fmt/format.h>

#include <fstream>
#include <stdexcept>

namespace hirag::loadgen {
namespace {

std::string render(const RequestSpec& spec, const std::string* body) {
  std::string request = fmt::format("{} {} HTTP/1.1\r\nHost: {}\r\n", spec.method, spec.path, spec.host);
  for (const auto& header : spec.headers) request += header + "\r\n";
  if (body) request += fmt::format("Content-Length: {}\r\n\r\n{}", body->size(), *body);
  else request += "\r\n";
  return request;
}

}  // namespace

std::vector<std::string> render_requests(const RequestSpec& spec) {
  if (spec.bodies_file.empty()) return {render(spec, nullptr)};
  std::ifstream in(spec.bodies_file);
  if (!in) throw std::runtime_error("cannot read " + spec.bodies_file);
  std::vector<std::string> requests;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) requests.push_back(render(spec, &line));
  }
  if (requests.empty()) throw std::runtime_error(spec.bodies_file + " holds no body");
  return requests;
}

}  // namespace hirag::loadgen
