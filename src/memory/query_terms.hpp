// memory/query_terms: the full-text terms of a query: its distinct lower-cased
// words without stop words (all words if the query has nothing else). The store
// quotes each term, so no user input is ever interpreted as query syntax.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hirag::memory {

std::vector<std::string> query_terms(std::string_view query, size_t max_terms = 64);

}  // namespace hirag::memory
