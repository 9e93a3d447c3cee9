// retrieval/query_analysis: a query as the retrievers take it: its full-text
// terms (retrieval/text_terms; none in vector mode) and its embedding (none in
// bm25 mode). Analysed once per search: a deeper pass asks the retrievers
// again, not the embedder.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "embed/embedder.hpp"

namespace hirag::retrieval {

struct AnalysedQuery {
  std::vector<std::string> terms;
  std::optional<embed::Vector> vector;
};

// Embeds one query (the caller's embedder, with its metrics and checks).
using EmbedQueryFn = std::function<Result<embed::Vector>(const std::string& query)>;

// mode: hybrid | bm25 | vector. Fails only when the embedder does.
Result<AnalysedQuery> analyse_query(const std::string& query, std::string_view mode, const EmbedQueryFn& embed);

}  // namespace hirag::retrieval
