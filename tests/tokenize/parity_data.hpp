// tests/tokenize/parity_data: reads the tokenizer parity set of ../shared
// (gzipped texts and reference ids produced by the npm tiktoken package).
#pragma once

#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace hirag::tokenize::testing {

inline const std::vector<std::string> kParityTexts = {"doc_en", "code_py", "i18n_text", "crlf_text"};

// ../shared/data/tokenizer-parity
std::string parity_dir();

// The decompressed contents of a .gz file (via `gzip -dc`); empty if unreadable.
std::string gunzip_file(const std::string& path);

// A JSON array of token ids.
std::vector<uint32_t> json_ids(const boost::json::value& array);

// Reads a whole (uncompressed) file; empty if unreadable.
std::string read_file(const std::string& path);

}  // namespace hirag::tokenize::testing
