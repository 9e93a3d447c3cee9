// memory/item_validation: the rules an item and a query must satisfy before
// anything is stored or searched. Every error is a VALIDATION_ERROR naming the
// offending field by its full path (e.g. "items[3].text").
#pragma once

#include <boost/json/object.hpp>
#include <string_view>

#include "core/config.hpp"
#include "core/result.hpp"

namespace hirag::memory {

// Non-blank, at most `max_bytes`, no NUL (any other character is kept as sent).
Status validate_text(std::string_view field, std::string_view text, int64_t max_bytes);
// 1-128 characters of [A-Za-z0-9_.:@/-].
Status validate_namespace(std::string_view field, std::string_view name_space);
// Same charset as namespaces, 1-128 characters.
Status validate_session_id(std::string_view field, std::string_view session_id);
// Keys 1-256 bytes of letters, digits, '_' or '-'; serialized size and nesting within
// the configured limits; strings without control characters other than tab/newline/CR.
Status validate_metadata(std::string_view field, const boost::json::object& metadata, const MemoryConfig& config);

}  // namespace hirag::memory
