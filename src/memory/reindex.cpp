#include "memory/reindex.hpp"

#include "memory/open_memory_service.hpp"
#include "store/open_item_store.hpp"

namespace hirag::memory {

Result<ReindexReport> reindex(const Config& config, embed::Embedder& embedder,
                              const std::function<void(size_t)>& progress) {
  auto store = store::open_item_store(config);
  if (!store) return std::move(store).error();
  ReindexReport report;
  report.model = embedder.model_id();
  auto previous = (*store)->get_meta(kEmbedderModelKey);
  if (!previous) return std::move(previous).error();
  report.previous_model = previous->value_or("");
  const auto batch_size = static_cast<size_t>(std::max<int64_t>(config.embedder.batch_size, 1));
  int64_t after_seq = 0;
  while (true) {
    auto items = (*store)->scan_items(after_seq, batch_size);
    if (!items) return std::move(items).error();
    if (items->empty()) break;
    std::vector<std::string> texts;
    for (const auto& item : *items) texts.push_back(item.text);
    auto vectors = embedder.embed(texts, embed::Purpose::Document);
    if (!vectors) return std::move(vectors).error();
    if (vectors->size() != items->size()) return Error::internal("embedder returned a wrong number of vectors");
    std::vector<std::pair<int64_t, std::vector<float>>> updates;
    for (size_t i = 0; i < items->size(); ++i) updates.emplace_back((*items)[i].seq, std::move((*vectors)[i]));
    if (auto status = (*store)->set_embeddings(updates); !status) return std::move(status).error();
    report.items += items->size();
    after_seq = items->back().seq;
    if (progress) progress(report.items);
  }
  if (auto status = (*store)->set_meta(kEmbedderModelKey, report.model); !status) return std::move(status).error();
  return report;
}

}  // namespace hirag::memory
