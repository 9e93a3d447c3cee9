#include "core/json_reader.hpp"

#include <boost/json/stream_parser.hpp>
#include <fmt/format.h>

#include <cmath>

namespace hirag {

JsonReader::JsonReader(const boost::json::object& object, std::string path)
    : object_(object), path_(std::move(path)) {}

std::string JsonReader::path_of(std::string_view key) const {
  if (path_.empty()) return std::string(key);
  return fmt::format("{}.{}", path_, key);
}

void JsonReader::fail(std::string_view key, std::string message) {
  if (error_) return;
  error_ = Error::field(path_of(key), std::move(message));
}

void JsonReader::type_error(std::string_view key, std::string_view expected) {
  const auto* v = object_.if_contains(key);
  fail(key, fmt::format("field '{}' must be {}, got {}", path_of(key), expected,
                        v ? json_type_name(*v) : "nothing"));
}

const boost::json::value* JsonReader::find(std::string_view key, bool required) {
  read_.emplace(key);
  const auto* v = object_.if_contains(key);
  if (v == nullptr || v->is_null()) {
    if (required) fail(key, fmt::format("field '{}' is required", path_of(key)));
    return nullptr;
  }
  return v;
}

std::optional<std::string> JsonReader::optional_string(std::string_view key) {
  const auto* v = find(key, false);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    type_error(key, "a string");
    return std::nullopt;
  }
  return std::string(v->get_string());
}

std::string JsonReader::required_string(std::string_view key) {
  const auto* v = find(key, true);
  if (v == nullptr) return {};
  if (!v->is_string()) {
    type_error(key, "a string");
    return {};
  }
  return std::string(v->get_string());
}

std::optional<int64_t> JsonReader::optional_int(std::string_view key) {
  const auto* v = find(key, false);
  if (v == nullptr) return std::nullopt;
  if (v->is_int64()) return v->get_int64();
  if (v->is_uint64() && v->get_uint64() <= static_cast<uint64_t>(INT64_MAX)) {
    return static_cast<int64_t>(v->get_uint64());
  }
  if (v->is_double()) {
    // The range check comes first: converting a double outside int64's range (1e300,
    // or inf from an overflowing literal) is undefined behaviour (found by fuzzing).
    const double d = v->get_double();
    if (d > -9.2e18 && d < 9.2e18 && d == static_cast<double>(static_cast<int64_t>(d))) {
      return static_cast<int64_t>(d);
    }
  }
  type_error(key, "an integer");
  return std::nullopt;
}

int64_t JsonReader::required_int(std::string_view key) {
  if (object_.if_contains(key) == nullptr || object_.at(key).is_null()) {
    find(key, true);
    return 0;
  }
  return optional_int(key).value_or(0);
}

std::optional<double> JsonReader::optional_number(std::string_view key) {
  const auto* v = find(key, false);
  if (v == nullptr) return std::nullopt;
  if (v->is_number()) {
    const double d = v->to_number<double>();
    if (std::isfinite(d)) return d;
  }
  type_error(key, "a finite number");
  return std::nullopt;
}

std::optional<bool> JsonReader::optional_bool(std::string_view key) {
  const auto* v = find(key, false);
  if (v == nullptr) return std::nullopt;
  if (v->is_bool()) return v->get_bool();
  type_error(key, "a boolean");
  return std::nullopt;
}

const boost::json::object* JsonReader::optional_object(std::string_view key) {
  const auto* v = find(key, false);
  if (v == nullptr) return nullptr;
  if (v->is_object()) return &v->get_object();
  type_error(key, "an object");
  return nullptr;
}

const boost::json::array* JsonReader::optional_array(std::string_view key) {
  const auto* v = find(key, false);
  if (v == nullptr) return nullptr;
  if (v->is_array()) return &v->get_array();
  type_error(key, "an array");
  return nullptr;
}

const boost::json::array* JsonReader::required_array(std::string_view key) {
  if (object_.if_contains(key) == nullptr || object_.at(key).is_null()) {
    find(key, true);
    return nullptr;
  }
  return optional_array(key);
}

const boost::json::value* JsonReader::optional_value(std::string_view key) { return find(key, false); }

Status JsonReader::finish() {
  if (error_) return *error_;
  for (const auto& entry : object_) {
    if (!read_.contains(std::string_view(entry.key()))) {
      return Error::field(path_of(entry.key()), fmt::format("unknown field '{}'", path_of(entry.key())));
    }
  }
  return ok_status();
}

Result<boost::json::value> parse_json(std::string_view body) {
  boost::json::parse_options options;
  options.max_depth = 64;
  boost::json::stream_parser parser({}, options);
  boost::system::error_code ec;
  size_t consumed = parser.write_some(body.data(), body.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    boost::json::object details;
    details["offset"] = consumed;
    details["reason"] = ec.message();
    if (body.empty()) return Error::validation("request body is empty; expected a JSON object", details);
    return Error::validation(fmt::format("malformed JSON at byte {}: {}", consumed, ec.message()), details);
  }
  return parser.release();
}

Result<boost::json::object> parse_json_object(std::string_view body) {
  auto parsed = parse_json(body);
  if (!parsed) return std::move(parsed).error();
  if (!parsed->is_object()) {
    return Error::validation(fmt::format("request body must be a JSON object, got {}", json_type_name(*parsed)));
  }
  return std::move(parsed->get_object());
}

std::string_view json_type_name(const boost::json::value& value) {
  switch (value.kind()) {
    case boost::json::kind::null: return "null";
    case boost::json::kind::bool_: return "boolean";
    case boost::json::kind::int64:
    case boost::json::kind::uint64: return "integer";
    case boost::json::kind::double_: return "number";
    case boost::json::kind::string: return "string";
    case boost::json::kind::array: return "array";
    case boost::json::kind::object: return "object";
  }
  return "unknown";
}

}  // namespace hirag
