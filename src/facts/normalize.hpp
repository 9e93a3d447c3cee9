// facts/normalize: the normalized form of fact fields and the hashes built from
// it. Two spellings of one fact ("Alice  Smith" / "alice smith", composed or
// decomposed accents) normalize alike: Unicode NFC, full case folding, runs of
// whitespace (any Unicode separator, tab, newline) collapsed to one space and
// trimmed. Hashes are SHA-256 over length-prefixed fields (8-byte big-endian
// length, then the bytes), so no two field lists share an encoding (the
// prototype's unseparated concatenation made "a1"+"" equal "a"+"1").
#pragma once

#include <string>
#include <string_view>

namespace hirag::facts {

// `text` must be valid UTF-8 (request bodies are checked when parsed).
std::string normalize_field(std::string_view text);
// Lower-case hex SHA-256 of the normalized subject, predicate and object: the dedup key.
std::string fact_hash(std::string_view subject_key, std::string_view predicate_key, std::string_view object_key);
// The same over subject and predicate: the key of a property's versions.
std::string property_hash(std::string_view subject_key, std::string_view predicate_key);

}  // namespace hirag::facts
