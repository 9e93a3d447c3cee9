#include "retrieval/query_analysis.hpp"

#include "retrieval/text_terms.hpp"

namespace hirag::retrieval {

Result<AnalysedQuery> analyse_query(const std::string& query, std::string_view mode, const EmbedQueryFn& embed) {
  AnalysedQuery analysed;
  if (mode != "vector") analysed.terms = query_terms(query);
  if (mode != "bm25") {
    auto vector = embed(query);
    if (!vector) return std::move(vector).error();
    analysed.vector = std::move(vector).value();
  }
  return analysed;
}

}  // namespace hirag::retrieval
