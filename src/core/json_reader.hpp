// core/json_reader: strict decoding of a JSON request object.
// Each getter names the field it reads; a missing required field, a wrong type or
// (in finish()) a field nobody asked for becomes a VALIDATION_ERROR naming the
// field's path ("items[3].metadata"). The first problem wins; later getters
// return empty values so callers can read everything and check once.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace hirag {

class JsonReader {
 public:
  // `path` prefixes field names in messages ("" for the top level).
  explicit JsonReader(const boost::json::object& object, std::string path = "");

  std::optional<std::string> optional_string(std::string_view key);
  std::string required_string(std::string_view key);
  std::optional<int64_t> optional_int(std::string_view key);
  int64_t required_int(std::string_view key);
  // Any finite JSON number (integer or not).
  std::optional<double> optional_number(std::string_view key);
  std::optional<bool> optional_bool(std::string_view key);
  const boost::json::object* optional_object(std::string_view key);
  const boost::json::array* optional_array(std::string_view key);
  const boost::json::array* required_array(std::string_view key);
  // Any JSON value (null counts as absent).
  const boost::json::value* optional_value(std::string_view key);

  // Records a validation failure for `key` unless one is already recorded.
  void fail(std::string_view key, std::string message);
  // The full dotted path of `key`, for messages and nested readers.
  std::string path_of(std::string_view key) const;

  // OK when every present field was read and no getter failed.
  Status finish();
  bool failed() const { return error_.has_value(); }

 private:
  const boost::json::value* find(std::string_view key, bool required);
  void type_error(std::string_view key, std::string_view expected);

  const boost::json::object& object_;
  std::string path_;
  std::set<std::string, std::less<>> read_;
  std::optional<Error> error_;
};

// Parses a whole request body as one JSON object. Errors name the byte offset of
// malformed input (and reject invalid UTF-8 inside strings).
Result<boost::json::object> parse_json_object(std::string_view body);
Result<boost::json::value> parse_json(std::string_view body);

// The JSON type name used in messages ("string", "number", "object", ...).
std::string_view json_type_name(const boost::json::value& value);

}  // namespace hirag
