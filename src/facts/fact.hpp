// facts/fact: what a client asserts (NewFact) and what an insert answers
// (InsertedFact). The stored form is store::FactRecord.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/fact_store.hpp"

namespace hirag::facts {

// The datatypes of an object; each constrains how the object text reads.
inline constexpr std::string_view kDatatypes[] = {"string", "number", "date", "bool", "entity"};

struct NewFact {
  std::string name_space = "default";
  std::string subject;
  std::string predicate;
  std::string object;
  std::string datatype = "string";
  double confidence = 1.0;
  std::optional<std::string> source_doc;  // defaults to the anchor's doc_id
  std::optional<store::FactAnchor> anchor;
  std::optional<int64_t> observed_at_ms;  // defaults to now
  std::optional<int64_t> valid_from_ms;
  std::optional<int64_t> valid_to_ms;
  // "cardinality": "one" asks for single-valued handling even when the predicate
  // is not in facts.single_valued_predicates.
  bool single_valued = false;
};

struct InsertedFact {
  std::string id;  // the new fact, or the existing one when duplicate
  std::string hash;
  bool duplicate = false;
  int64_t observations = 1;
  std::vector<std::string> invalidated;  // ids of the versions this fact closed
};

}  // namespace hirag::facts
