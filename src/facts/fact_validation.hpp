// facts/fact_validation: the rules a fact must satisfy before anything is stored.
// Every error is a VALIDATION_ERROR naming the field by its full path (e.g.
// "facts[3].subject"). The confidence threshold is not checked here: a fact under
// it is well-formed but refused (422, by the service).
#pragma once

#include <string_view>

#include "core/config.hpp"
#include "core/result.hpp"
#include "facts/fact.hpp"

namespace hirag::facts {

// `prefix` is the fact's path ("" for a single fact, "facts[3]" in a batch).
Status validate_fact(std::string_view prefix, const NewFact& fact, const FactsConfig& config);

}  // namespace hirag::facts
