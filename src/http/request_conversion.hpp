// http/request_conversion: turns a Beast request head into our Beast-free
// Request (method, target, decoded path and query, lower-cased headers). The body
// is read after the pipeline has admitted the head (see http/connection), so it is
// moved in separately.
#pragma once

#include <boost/beast/http/message.hpp>

#include "http/request.hpp"

namespace hirag::http {

// Copies the head into `out`; false if the request target is not a valid
// origin-form target (the caller answers 400).
bool convert_header(const boost::beast::http::request_header<>& head, Request& out);

// Whether the client waits for "100 Continue" before sending its body (HTTP/1.1
// and `Expect: 100-continue`, case-insensitive as RFC 9110 says).
bool expects_continue(const boost::beast::http::request_header<>& head);

}  // namespace hirag::http
