#include "facts/fact_validation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "core/clock.hpp"
#include "facts/normalize.hpp"
#include "memory/item_validation.hpp"

namespace hirag::facts {
namespace {

std::string path(std::string_view prefix, std::string_view field) {
  return prefix.empty() ? std::string(field) : fmt::format("{}.{}", prefix, field);
}

// Non-blank, within the size limit, no control characters: the same rule as item text.
Status check_string(std::string_view prefix, std::string_view field, std::string_view value,
                    const FactsConfig& config) {
  const std::string name = path(prefix, field);
  if (auto status = memory::validate_text(name, value, config.max_field_bytes); !status) return status;
  // Unicode spaces (U+00A0, U+3000 ...) are not blank to validate_text but normalize away.
  if (normalize_field(value).empty()) {
    return Error::field(name, fmt::format("'{}' must not be empty or only whitespace", name));
  }
  for (char raw : value) {
    const auto c = static_cast<unsigned char>(raw);
    if (c < 0x20 || c == 0x7f) {
      return Error::field(name, fmt::format("'{}' may not contain control characters", name));
    }
  }
  return ok_status();
}

bool is_number(std::string_view text) {
  double value = 0;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
  return parsed.ec == std::errc() && parsed.ptr == text.data() + text.size();
}

// RFC 3339 with a time, or a calendar date "YYYY-MM-DD".
bool is_date(std::string_view text) {
  if (parse_rfc3339_ms(text)) return true;
  return text.size() == 10 && parse_rfc3339_ms(fmt::format("{}T00:00:00Z", text)).has_value();
}

Status check_datatype(std::string_view prefix, const NewFact& fact) {
  const std::string field = path(prefix, "datatype");
  if (std::find(std::begin(kDatatypes), std::end(kDatatypes), fact.datatype) == std::end(kDatatypes)) {
    return Error::field(field, fmt::format("'{}' must be one of string, number, date, bool, entity; got '{}'", field,
                                           fact.datatype));
  }
  const std::string object_field = path(prefix, "object");
  if (fact.datatype == "number" && !is_number(fact.object)) {
    return Error::field(object_field, fmt::format("'{}' must be a number for datatype number", object_field));
  }
  if (fact.datatype == "date" && !is_date(fact.object)) {
    return Error::field(object_field,
                        fmt::format("'{}' must be a date (YYYY-MM-DD or RFC 3339) for datatype date", object_field));
  }
  if (fact.datatype == "bool" && fact.object != "true" && fact.object != "false") {
    return Error::field(object_field, fmt::format("'{}' must be true or false for datatype bool", object_field));
  }
  return ok_status();
}

Status check_anchor(std::string_view prefix, const store::FactAnchor& anchor, const FactsConfig& config) {
  const std::string base = path(prefix, "source_anchor");
  const std::pair<const char*, const std::optional<std::string>*> parts[] = {
      {"doc_id", &anchor.doc_id}, {"region_id", &anchor.region_id}, {"vt_ref", &anchor.vt_ref},
      {"path_line", &anchor.path_line}};
  for (const auto& [name, value] : parts) {
    if (*value) {
      if (auto status = check_string(base, name, **value, config); !status) return status;
    }
  }
  if (anchor.page && *anchor.page < 0) {
    return Error::field(path(base, "page"), fmt::format("'{}' must not be negative", path(base, "page")));
  }
  return ok_status();
}

}  // namespace

Status validate_fact(std::string_view prefix, const NewFact& fact, const FactsConfig& config) {
  if (auto status = memory::validate_namespace(path(prefix, "namespace"), fact.name_space); !status) return status;
  if (auto status = check_string(prefix, "subject", fact.subject, config); !status) return status;
  if (auto status = check_string(prefix, "predicate", fact.predicate, config); !status) return status;
  if (auto status = check_string(prefix, "object", fact.object, config); !status) return status;
  if (auto status = check_datatype(prefix, fact); !status) return status;
  if (!(fact.confidence >= 0.0 && fact.confidence <= 1.0)) {
    const std::string field = path(prefix, "confidence");
    return Error::field(field, fmt::format("'{}' must be between 0 and 1, got {}", field, fact.confidence));
  }
  if (fact.source_doc) {
    if (auto status = check_string(prefix, "source_doc", *fact.source_doc, config); !status) return status;
  }
  if (fact.anchor) {
    if (auto status = check_anchor(prefix, *fact.anchor, config); !status) return status;
  }
  if (fact.valid_from_ms && fact.valid_to_ms && *fact.valid_to_ms <= *fact.valid_from_ms) {
    const std::string field = path(prefix, "valid_to");
    return Error::field(field, fmt::format("'{}' must be after valid_from", field));
  }
  return ok_status();
}

}  // namespace hirag::facts
