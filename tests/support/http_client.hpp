// tests/support/http_client: a small blocking HTTP/1.1 client (libcurl) for
// integration tests: real sockets, keep-alive, all response headers.
#pragma once

#include <boost/json/value.hpp>
#include <map>
#include <string>
#include <vector>

namespace hirag::testing {

struct HttpResult {
  long status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-cased names
  std::string error;                           // transport error, empty on success

  boost::json::value json() const;  // parses body; throws on malformed JSON
  std::string header(const std::string& lower_name) const;
};

class HttpClient {
 public:
  explicit HttpClient(std::string base_url);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sent with every request (e.g. Authorization).
  void set_default_header(const std::string& name, const std::string& value);
  void set_bearer(const std::string& key) { set_default_header("Authorization", "Bearer " + key); }

  HttpResult get(const std::string& path, const std::vector<std::string>& headers = {});
  HttpResult del(const std::string& path, const std::vector<std::string>& headers = {});
  // JSON body with Content-Type: application/json unless headers override it.
  HttpResult post(const std::string& path, const std::string& body, const std::vector<std::string>& headers = {});
  HttpResult post_json(const std::string& path, const boost::json::value& body);
  HttpResult patch(const std::string& path, const std::string& body);
  HttpResult request(const std::string& method, const std::string& path, const std::string& body,
                     const std::vector<std::string>& headers);

 private:
  std::string base_url_;
  std::map<std::string, std::string> default_headers_;
  void* curl_;
};

}  // namespace hirag::testing
