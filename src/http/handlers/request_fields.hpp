// http/handlers/request_fields: reading helpers shared by the handlers' JSON
// decoders: a strictly decoded request object, and timestamps as the API takes them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/json_reader.hpp"

namespace hirag::http {

// One JSON object read by `read(JsonReader&)`; unknown fields and type errors
// become the VALIDATION_ERROR of the first one. REST handlers pass the body, MCP
// tools the already parsed arguments.
template <typename T, typename Read>
Result<T> decode_object(const boost::json::object& object, Read read) {
  JsonReader reader(object);
  T value = read(reader);
  if (auto status = reader.finish(); !status) return std::move(status).error();
  return value;
}

template <typename T, typename Read>
Result<T> decode_object(const std::string& body, Read read) {
  auto object = parse_json_object(body);
  if (!object) return std::move(object).error();
  return decode_object<T>(*object, read);
}

// Records on `parent` the error of a reader nested at `key` (built with path
// parent.path_of(key)), keeping the nested field's full path and message.
void fail_nested(JsonReader& parent, std::string_view key, const Error& nested);

// RFC 3339 text or unix seconds (integer or fractional), as unix ms; a failure is
// recorded on the reader.
std::optional<int64_t> read_time(JsonReader& reader, std::string_view key);

}  // namespace hirag::http
