// core/clock: wall-clock and monotonic time helpers, and RFC 3339 parsing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hirag {

// Milliseconds since the Unix epoch (wall clock).
int64_t now_unix_ms();
// Seconds since an arbitrary fixed point (monotonic), with sub-second precision.
double monotonic_seconds();
// Parses RFC 3339 ("2023-05-08T13:56:00Z", "...+02:00", fractional seconds allowed)
// into milliseconds since the epoch.
std::optional<int64_t> parse_rfc3339_ms(std::string_view text);
// Formats milliseconds since the epoch as RFC 3339 UTC with millisecond precision.
std::string format_rfc3339_ms(int64_t unix_ms);

}  // namespace hirag
