// memory/text_split: cuts a text longer than the item limit into parts that each
// fit, for imports of real histories ("split_long_text"), and the metadata that
// links the parts. The parts concatenate back to the text byte for byte; each
// cut is at the last paragraph break, else line break, else sentence end, else
// whitespace in the second half of the room left (so parts stay large), and
// never inside a UTF-8 sequence.
#pragma once

#include <boost/json/object.hpp>
#include <cstddef>
#include <string_view>
#include <vector>

#include "core/config.hpp"
#include "core/result.hpp"

namespace hirag::memory {

// Views into `text` (valid UTF-8), in order, each at most max_bytes (>= 4);
// one part when the text fits.
std::vector<std::string_view> split_text(std::string_view text, size_t max_bytes);

// The metadata of part `index` (0-based) of `parts`: the item's own plus
// "split": {"part": index + 1, "parts": parts, "of": <id of the first part>}.
boost::json::object with_split(const boost::json::object& metadata, size_t index, size_t parts,
                               std::string_view first_id);
// The metadata of an item to be split in `parts` must leave "split" to the parts
// and stay within the limits with it (errors name `field`.split or `field`).
Status validate_split_metadata(std::string_view field, const boost::json::object& metadata, size_t parts,
                               const MemoryConfig& config);

}  // namespace hirag::memory
