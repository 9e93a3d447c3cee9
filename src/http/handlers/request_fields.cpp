#include "http/handlers/request_fields.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/clock.hpp"

namespace hirag::http {
namespace {

// Unix seconds accepted: 1970 .. 9999-12-31.
constexpr double kMaxUnixSeconds = 253402300799.0;

}  // namespace

void fail_nested(JsonReader& parent, std::string_view key, const Error& nested) {
  const std::string base = parent.path_of(key);
  const auto* field = nested.details.if_contains("field");
  std::string relative(key);
  if (field != nullptr && field->is_string() && field->get_string().starts_with(base)) {
    relative += std::string_view(field->get_string()).substr(base.size());
  }
  parent.fail(relative, nested.message);
}

std::optional<int64_t> read_time(JsonReader& reader, std::string_view key) {
  const auto* value = reader.optional_value(key);
  if (value == nullptr) return std::nullopt;
  if (value->is_string()) {
    if (auto ms = parse_rfc3339_ms(value->get_string())) return *ms;
  } else if (value->is_number()) {
    const double seconds = value->to_number<double>();
    if (seconds >= 0 && seconds <= kMaxUnixSeconds) return static_cast<int64_t>(std::llround(seconds * 1000.0));
  }
  reader.fail(key, fmt::format("'{}' must be an RFC 3339 timestamp (e.g. \"2023-05-08T13:56:00Z\") or unix seconds",
                               reader.path_of(key)));
  return std::nullopt;
}

}  // namespace hirag::http
