// core/json_writer: the JSON text of a Boost.JSON value, with numbers written the
// way people and most JSON libraries write them. Boost.JSON 1.81 (Debian 12)
// writes every double in scientific form: 0.5 as 5E-1, 1.0 as 1E0, a relevance
// score as 8.399999737739563E-1, and infinity as the invalid `Infinity`. Here a
// double is its shortest decimal that reads back as the same double (fmt), a
// whole one keeps ".0" so that typed clients still see a floating-point number,
// and a non-finite one (JSON has none) is null. Strings are escaped exactly as
// Boost.JSON escapes them: the same bytes for the same string.
#pragma once

#include <boost/json/value.hpp>
#include <string>

namespace hirag {

std::string to_json(const boost::json::value& value);

}  // namespace hirag
