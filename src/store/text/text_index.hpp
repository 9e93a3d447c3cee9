// store/text/text_index: the in-memory full-text index of every (tenant,
// namespace). Like the vector index it is a cache of what the ItemStore holds:
// filled at start-up, kept in step after each commit. It indexes terms that the
// caller has already analysed (retrieval/text_terms). Thread-safe.
#pragma once

#include <atomic>
#include <span>
#include <string>
#include <vector>

#include "store/memory_item.hpp"
#include "store/namespace_map.hpp"
#include "store/text/namespace_text.hpp"

namespace hirag::store::text {

struct TextIndexStats {
  size_t documents = 0;
  size_t namespaces = 0;
  size_t memory_bytes = 0;
};

class TextIndex {
 public:
  explicit TextIndex(TextScoring parameters) : parameters_(parameters) {}

  // Adds or replaces the document of key.seq.
  void add(const ItemKey& key, const std::vector<TermCount>& terms);
  void remove(const ItemKey& key);
  void clear();
  // The k best BM25 matches of any of `terms` in the namespace, best first.
  std::vector<TextHit> search(const std::string& tenant, const std::string& name_space,
                              const std::vector<std::string>& terms, size_t k) const;
  // For each label, its neighbours in the namespace (NamespaceText::neighbours).
  std::vector<std::vector<int64_t>> neighbours(const std::string& tenant, const std::string& name_space,
                                               std::span<const int64_t> labels) const;
  TextIndexStats stats() const;

  // Every namespace into a snapshot, and back into an empty index (the reader
  // fails on anything malformed; the index is then to be cleared).
  void save(snapshot::BinaryFileWriter& out) const;
  void load(snapshot::BinaryFileReader& in);

 private:
  TextScoring parameters_;
  NamespaceMap<NamespaceText> spaces_;
  std::atomic<size_t> documents_{0};
};

}  // namespace hirag::store::text
