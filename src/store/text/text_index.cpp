#include "store/text/text_index.hpp"

namespace hirag::store::text {

void TextIndex::add(const ItemKey& key, const std::vector<TermCount>& terms) {
  auto space = spaces_.find_or_create(key.tenant, key.name_space,
                                      [&] { return std::make_shared<NamespaceText>(parameters_); });
  std::unique_lock lock(space->mutex);
  const size_t before = space->size();
  space->add(key.seq, terms);
  documents_ += space->size() - before;
}

void TextIndex::remove(const ItemKey& key) { documents_ -= spaces_.remove(key.tenant, key.name_space, key.seq); }

void TextIndex::clear() {
  spaces_.clear();
  documents_ = 0;
}

std::vector<TextHit> TextIndex::search(const std::string& tenant, const std::string& name_space,
                                       const std::vector<std::string>& terms, size_t k) const {
  auto space = spaces_.find(tenant, name_space);
  if (!space) return {};
  std::shared_lock lock(space->mutex);
  return space->search(terms, k);
}

std::vector<std::vector<int64_t>> TextIndex::neighbours(const std::string& tenant, const std::string& name_space,
                                                        std::span<const int64_t> labels) const {
  std::vector<std::vector<int64_t>> found(labels.size());
  auto space = spaces_.find(tenant, name_space);
  if (!space) return found;
  std::shared_lock lock(space->mutex);
  for (size_t i = 0; i < labels.size(); ++i) found[i] = space->neighbours(labels[i]);
  return found;
}

TextIndexStats TextIndex::stats() const {
  TextIndexStats stats;
  stats.documents = documents_.load();
  const auto spaces = spaces_.all();
  stats.namespaces = spaces.size();
  for (const auto& space : spaces) {
    std::shared_lock lock(space->mutex);
    stats.memory_bytes += space->memory_bytes();
  }
  return stats;
}

void TextIndex::save(snapshot::BinaryFileWriter& out) const {
  const auto spaces = spaces_.named();
  out.put<uint64_t>(spaces.size());
  for (const auto& space : spaces) {
    out.put_string(space.tenant);
    out.put_string(space.name_space);
    std::shared_lock lock(space.part->mutex);
    space.part->save(out);
  }
}

void TextIndex::load(snapshot::BinaryFileReader& in) {
  // A namespace is at least two length prefixes and two empty arrays and a term count.
  const auto count = in.get_count(2 * sizeof(uint32_t) + 3 * sizeof(uint64_t));
  for (uint64_t i = 0; i < count && in.ok(); ++i) {
    auto tenant = in.get_string();
    auto name_space = in.get_string();
    auto space = std::make_shared<NamespaceText>(parameters_);
    space->load(in);
    documents_ += space->size();
    if (spaces_.find_or_create(tenant, name_space, [&] { return space; }) != space) in.fail();  // named twice
  }
}

}  // namespace hirag::store::text
