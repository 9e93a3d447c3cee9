#include "http/handlers/facts_json.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/clock.hpp"
#include "http/handlers/request_fields.hpp"

namespace hirag::http {
namespace {

std::optional<store::FactAnchor> read_anchor(JsonReader& parent, std::string_view key) {
  const auto* object = parent.optional_object(key);
  if (object == nullptr) return std::nullopt;
  JsonReader reader(*object, parent.path_of(key));
  store::FactAnchor anchor;
  anchor.doc_id = reader.optional_string("doc_id");
  anchor.page = reader.optional_int("page");
  anchor.region_id = reader.optional_string("region_id");
  anchor.vt_ref = reader.optional_string("vt_ref");
  anchor.path_line = reader.optional_string("path_line");
  if (auto status = reader.finish(); !status) fail_nested(parent, key, status.error());
  return anchor;
}

// "one" (single-valued: a new object closes the previous fact) or "many".
bool read_cardinality(JsonReader& reader) {
  auto cardinality = reader.optional_string("cardinality");
  if (!cardinality || *cardinality == "many") return false;
  if (*cardinality == "one") return true;
  reader.fail("cardinality", fmt::format("'{}' must be \"one\" or \"many\"", reader.path_of("cardinality")));
  return false;
}

facts::NewFact read_fact(JsonReader& reader) {
  facts::NewFact fact;
  fact.name_space = reader.optional_string("namespace").value_or(fact.name_space);
  fact.subject = reader.required_string("subject");
  fact.predicate = reader.required_string("predicate");
  fact.object = reader.required_string("object");
  fact.datatype = reader.optional_string("datatype").value_or(fact.datatype);
  fact.confidence = reader.optional_number("confidence").value_or(fact.confidence);
  fact.source_doc = reader.optional_string("source_doc");
  fact.anchor = read_anchor(reader, "source_anchor");
  fact.observed_at_ms = read_time(reader, "observed_at");
  fact.valid_from_ms = read_time(reader, "valid_from");
  fact.valid_to_ms = read_time(reader, "valid_to");
  fact.single_valued = read_cardinality(reader);
  return fact;
}

facts::QueryRequest read_query(JsonReader& reader) {
  facts::QueryRequest query;
  query.name_space = reader.optional_string("namespace").value_or(query.name_space);
  query.subject = reader.optional_string("subject");
  query.predicate = reader.optional_string("predicate");
  query.object = reader.optional_string("object");
  query.source_doc = reader.optional_string("source_doc");
  query.min_confidence = reader.optional_number("min_confidence");
  query.as_of_ms = read_time(reader, "as_of");
  query.include_invalidated = reader.optional_bool("include_invalidated").value_or(false);
  query.limit = reader.optional_int("limit");
  query.cursor = reader.optional_string("cursor");
  return query;
}

boost::json::value optional_time(const std::optional<int64_t>& ms) {
  return ms ? boost::json::value(format_rfc3339_ms(*ms)) : nullptr;
}

boost::json::object encode_anchor(const store::FactAnchor& anchor) {
  boost::json::object object;
  if (anchor.doc_id) object["doc_id"] = *anchor.doc_id;
  if (anchor.page) object["page"] = *anchor.page;
  if (anchor.region_id) object["region_id"] = *anchor.region_id;
  if (anchor.vt_ref) object["vt_ref"] = *anchor.vt_ref;
  if (anchor.path_line) object["path_line"] = *anchor.path_line;
  return object;
}

}  // namespace

Result<facts::NewFact> decode_fact(const std::string& body) {
  return decode_object<facts::NewFact>(body, read_fact);
}

Result<std::vector<facts::NewFact>> decode_fact_batch(const std::string& body) {
  auto object = parse_json_object(body);
  if (!object) return std::move(object).error();
  JsonReader reader(*object);
  const auto* array = reader.required_array("facts");
  if (auto status = reader.finish(); !status) return std::move(status).error();
  std::vector<facts::NewFact> facts;
  facts.reserve(array->size());
  for (size_t i = 0; i < array->size(); ++i) {
    const std::string path = fmt::format("facts[{}]", i);
    if (!(*array)[i].is_object()) return Error::field(path, fmt::format("'{}' must be an object", path));
    JsonReader item((*array)[i].get_object(), path);
    facts.push_back(read_fact(item));
    if (auto status = item.finish(); !status) return std::move(status).error();
  }
  return facts;
}

Result<facts::QueryRequest> decode_fact_query(const std::string& body) {
  return decode_object<facts::QueryRequest>(body, [](JsonReader& reader) {
    const auto* object = reader.optional_object("query");
    if (object == nullptr) return facts::QueryRequest{};
    JsonReader query(*object, "query");
    auto request = read_query(query);
    if (auto status = query.finish(); !status) fail_nested(reader, "query", status.error());
    return request;
  });
}

Result<facts::SearchRequest> decode_fact_search(const std::string& body) {
  return decode_object<facts::SearchRequest>(body, [](JsonReader& reader) {
    facts::SearchRequest request;
    request.query = reader.required_string("query");
    request.name_space = reader.optional_string("namespace").value_or(request.name_space);
    request.top_k = reader.optional_int("top_k");
    return request;
  });
}

boost::json::object encode_inserted(const facts::InsertedFact& inserted) {
  boost::json::array invalidated;
  for (const auto& id : inserted.invalidated) invalidated.emplace_back(id);
  return {{"fact_id", inserted.id},
          {"hash", inserted.hash},
          {"duplicate", inserted.duplicate},
          {"observations", inserted.observations},
          {"invalidated", std::move(invalidated)}};
}

boost::json::object encode_fact(const store::FactRecord& fact) {
  boost::json::array anchors;
  for (const auto& anchor : fact.anchors) anchors.push_back(encode_anchor(anchor));
  boost::json::object object;
  object["id"] = fact.id;
  object["namespace"] = fact.name_space;
  object["subject"] = fact.subject;
  object["predicate"] = fact.predicate;
  object["object"] = fact.object;
  object["datatype"] = fact.datatype;
  object["confidence"] = fact.confidence;
  object["source_doc"] = fact.source_doc ? boost::json::value(*fact.source_doc) : nullptr;
  // The seed's single anchor is the latest; every kept anchor is in "anchors".
  object["source_anchor"] = fact.anchors.empty() ? boost::json::object{} : encode_anchor(fact.anchors.back());
  object["anchors"] = std::move(anchors);
  object["observed_at"] = format_rfc3339_ms(fact.observed_at_ms);
  object["valid_from"] = optional_time(fact.valid_from_ms);
  object["valid_to"] = optional_time(fact.valid_to_ms);
  object["created_at"] = format_rfc3339_ms(fact.created_at_ms);
  object["invalidated_at"] = optional_time(fact.invalidated_at_ms);
  object["observations"] = fact.observations;
  object["hash"] = fact.hash;
  return object;
}

boost::json::object encode_fact_page(const facts::QueryPage& page) {
  boost::json::array facts;
  for (const auto& fact : page.facts) facts.push_back(encode_fact(fact));
  return {{"facts", std::move(facts)},
          {"total", page.total},
          {"next_cursor", page.next_cursor ? boost::json::value(*page.next_cursor) : nullptr}};
}

boost::json::object encode_fact_hits(const std::vector<facts::FactHit>& hits) {
  boost::json::array facts;
  for (const auto& hit : hits) {
    auto fact = encode_fact(hit.fact);
    fact["score"] = hit.score;
    facts.push_back(std::move(fact));
  }
  return {{"facts", std::move(facts)}};
}

}  // namespace hirag::http
