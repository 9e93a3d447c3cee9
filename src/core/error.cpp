#include "core/error.hpp"

namespace hirag {

std::string_view error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::Validation: return "VALIDATION_ERROR";
    case ErrorCode::Unauthorized: return "UNAUTHORIZED";
    case ErrorCode::Forbidden: return "FORBIDDEN";
    case ErrorCode::NotFound: return "NOT_FOUND";
    case ErrorCode::MethodNotAllowed: return "METHOD_NOT_ALLOWED";
    case ErrorCode::Conflict: return "CONFLICT";
    case ErrorCode::PayloadTooLarge: return "PAYLOAD_TOO_LARGE";
    case ErrorCode::UnsupportedMediaType: return "UNSUPPORTED_MEDIA_TYPE";
    case ErrorCode::Unprocessable: return "UNPROCESSABLE";
    case ErrorCode::RateLimit: return "RATE_LIMIT";
    case ErrorCode::Internal: return "INTERNAL_ERROR";
    case ErrorCode::UpstreamError: return "UPSTREAM_ERROR";
    case ErrorCode::Unavailable: return "UNAVAILABLE";
    case ErrorCode::UpstreamDisabled: return "UPSTREAM_DISABLED";
    case ErrorCode::Timeout: return "TIMEOUT";
    case ErrorCode::StorageFull: return "STORAGE_FULL";
  }
  return "INTERNAL_ERROR";
}

int error_http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::Validation: return 400;
    case ErrorCode::Unauthorized: return 401;
    case ErrorCode::Forbidden: return 403;
    case ErrorCode::NotFound: return 404;
    case ErrorCode::MethodNotAllowed: return 405;
    case ErrorCode::Conflict: return 409;
    case ErrorCode::PayloadTooLarge: return 413;
    case ErrorCode::UnsupportedMediaType: return 415;
    case ErrorCode::Unprocessable: return 422;
    case ErrorCode::RateLimit: return 429;
    case ErrorCode::Internal: return 500;
    case ErrorCode::UpstreamError: return 502;
    case ErrorCode::Unavailable: return 503;
    case ErrorCode::UpstreamDisabled: return 503;
    case ErrorCode::Timeout: return 504;
    case ErrorCode::StorageFull: return 507;
  }
  return 500;
}

Error Error::validation(std::string message, boost::json::object details) {
  return Error{ErrorCode::Validation, std::move(message), std::move(details)};
}

Error Error::field(std::string_view field, std::string message) {
  boost::json::object details;
  details["field"] = field;
  return Error{ErrorCode::Validation, std::move(message), std::move(details)};
}

Error Error::not_found(std::string message) { return Error{ErrorCode::NotFound, std::move(message), {}}; }

Error Error::internal(std::string message) { return Error{ErrorCode::Internal, std::move(message), {}}; }

}  // namespace hirag
