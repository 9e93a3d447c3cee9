// core/error: the one error type that crosses module boundaries.
// An Error carries an API code (the `code` of the HTTP error envelope), a human
// message and optional structured details. Modules return errors as values
// (Result<T>/Status); only http/ turns them into responses.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <string_view>

namespace hirag {

enum class ErrorCode {
  Validation,            // 400 VALIDATION_ERROR
  Unauthorized,          // 401 UNAUTHORIZED
  Forbidden,             // 403 FORBIDDEN
  NotFound,              // 404 NOT_FOUND
  MethodNotAllowed,      // 405 METHOD_NOT_ALLOWED
  Conflict,              // 409 CONFLICT
  PayloadTooLarge,       // 413 PAYLOAD_TOO_LARGE
  UnsupportedMediaType,  // 415 UNSUPPORTED_MEDIA_TYPE
  Unprocessable,         // 422 UNPROCESSABLE (well-formed but cannot be satisfied, e.g. budget)
  RateLimit,             // 429 RATE_LIMIT
  Internal,              // 500 INTERNAL_ERROR
  UpstreamError,         // 502 UPSTREAM_ERROR
  Unavailable,           // 503 UNAVAILABLE (not ready, shutting down)
  UpstreamDisabled,      // 503 UPSTREAM_DISABLED
  Timeout,               // 504 TIMEOUT
  StorageFull,           // 507 STORAGE_FULL (disk below the reserve or full; writes only)
};

// The envelope spelling, e.g. "VALIDATION_ERROR".
std::string_view error_code_name(ErrorCode code);
// The HTTP status an error of this code is answered with.
int error_http_status(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::Internal;
  std::string message;
  boost::json::object details;

  static Error validation(std::string message, boost::json::object details = {});
  // A validation error about one request field; details = {"field": field}.
  static Error field(std::string_view field, std::string message);
  static Error not_found(std::string message);
  static Error internal(std::string message);
};

}  // namespace hirag
