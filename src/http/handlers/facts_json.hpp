// http/handlers/facts_json: the JSON shapes of /api/v1/facts* — strict decoding
// of requests (unknown fields and wrong types are VALIDATION_ERRORs naming the
// field, e.g. "facts[2].confidence") and encoding of facts and results in the
// seed's shapes (fact_id, hash, duplicate; facts, total). Business rules (limits,
// threshold, dedup) live in facts::FactService.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "facts/fact.hpp"
#include "facts/fact_service.hpp"

namespace hirag::http {

Result<facts::NewFact> decode_fact(const std::string& body);
// {"facts": [...]}
Result<std::vector<facts::NewFact>> decode_fact_batch(const std::string& body);
// {"query": {...}}
Result<facts::QueryRequest> decode_fact_query(const std::string& body);
// {"query": "where does alice work", "namespace"?, "top_k"?}
Result<facts::SearchRequest> decode_fact_search(const std::string& body);

boost::json::object encode_inserted(const facts::InsertedFact& inserted);
boost::json::object encode_fact(const store::FactRecord& fact);
boost::json::object encode_fact_page(const facts::QueryPage& page);
// {"facts": [fact with "score", ...]}, best first.
boost::json::object encode_fact_hits(const std::vector<facts::FactHit>& hits);

}  // namespace hirag::http
