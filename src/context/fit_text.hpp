// context/fit_text: cuts a text to the longest head or tail (on UTF-8 character
// boundaries) that satisfies a token predicate — the last resort that makes a
// summary or a brief fit its slot whatever the summarizer returned.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace hirag::context {

enum class Keep { head, tail };

// The longest head (or tail) of `text` for which `fits` holds, found by binary
// search over byte lengths; "" when even one character does not fit. `fits` is
// checked on the returned text, so the result always satisfies it (or is empty).
std::string fit_text(std::string_view text, Keep keep, const std::function<bool(std::string_view)>& fits);

}  // namespace hirag::context
