// core/uuid: UUIDv7 identifiers (time-ordered, so new rows append to B-trees) and
// strict parsing of client-supplied ids.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hirag {

// A new random UUIDv7 in canonical lower-case 8-4-4-4-12 form.
std::string new_uuid_v7();
// The canonical lower-case form of `text` if it is a UUID (any version), else nullopt.
std::optional<std::string> parse_uuid(std::string_view text);

}  // namespace hirag
