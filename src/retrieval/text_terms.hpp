// retrieval/text_terms: the analysis shared by indexing and querying the full-text
// index: the Snowball (Porter2) stems of lower-cased words. Documents keep their
// stop words, so that a query made only of stop words still finds something;
// queries drop them unless nothing else is left.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/text/namespace_text.hpp"

namespace hirag::retrieval {

// Each distinct stem of the text with its number of occurrences.
std::vector<store::text::TermCount> document_terms(std::string_view text);
// The distinct stems of a query, at most max_terms.
std::vector<std::string> query_terms(std::string_view query, size_t max_terms = 64);

}  // namespace hirag::retrieval
