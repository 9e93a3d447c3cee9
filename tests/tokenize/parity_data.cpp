#include "parity_data.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace hirag::tokenize::testing {

std::string parity_dir() { return std::string(HIRAG_SHARED_DIR) + "/data/tokenizer-parity"; }

std::string gunzip_file(const std::string& path) {
  std::string out;
  FILE* pipe = popen(("gzip -dc '" + path + "'").c_str(), "r");
  if (!pipe) return out;
  char buf[1 << 16];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  if (pclose(pipe) != 0) out.clear();
  return out;
}

std::vector<uint32_t> json_ids(const boost::json::value& array) {
  std::vector<uint32_t> ids;
  for (const auto& v : array.as_array()) ids.push_back(static_cast<uint32_t>(v.to_number<int64_t>()));
  return ids;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace hirag::tokenize::testing
