#include "memory/item_catalog.hpp"

#include <algorithm>
#include <atomic>
#include <string>

namespace hirag::memory {
namespace {

// One item's facts in a snapshot: seq, five 64-bit fields, the level.
constexpr size_t kFactsRecordBytes = 6 * sizeof(int64_t) + sizeof(uint8_t);

// atomic_ref needs a non-const object (C++20); the load itself does not write.
int64_t load_count(const ItemFacts& facts) {
  return std::atomic_ref(const_cast<int64_t&>(facts.access_count)).load(std::memory_order_relaxed);
}

// A copy of stored facts whose count may be rising under a shared lock.
ItemFacts copy_of(const ItemFacts& stored) {
  ItemFacts copy;
  copy.created_at_ms = stored.created_at_ms;
  copy.expires_at_ms = stored.expires_at_ms;
  copy.session_hash = stored.session_hash;
  copy.token_count = stored.token_count;
  copy.access_count = load_count(stored);
  copy.level = stored.level;
  return copy;
}

}  // namespace

void ItemCatalog::put(const store::MemoryItem& item) {
  auto facts = ItemFacts::of(item);
  std::unique_lock lock(mutex_);
  auto [entry, inserted] = facts_.try_emplace(item.seq, facts);
  if (inserted) return;
  // The row's count lags the hits counted here until they are flushed.
  facts.access_count = std::max(facts.access_count, entry->second.access_count);
  entry->second = facts;
}

void ItemCatalog::remove(int64_t seq) {
  std::unique_lock lock(mutex_);
  facts_.erase(seq);
}

void ItemCatalog::clear() {
  std::unique_lock lock(mutex_);
  facts_.clear();
}

void ItemCatalog::set_levels(std::span<const store::LevelChange> changes) {
  if (changes.empty()) return;  // the common flush: spares searches an exclusive lock
  std::unique_lock lock(mutex_);
  for (const auto& change : changes) {
    auto found = facts_.find(change.seq);
    if (found == facts_.end()) continue;
    found->second.level = change.level;
    found->second.expires_at_ms = change.expires_at_ms.value_or(ItemFacts::kNever);
  }
}

std::vector<store::AccessDelta> ItemCatalog::live_deltas(std::span<const store::AccessDelta> deltas) const {
  std::vector<store::AccessDelta> live;
  live.reserve(deltas.size());
  std::shared_lock lock(mutex_);
  for (const auto& delta : deltas) {
    auto found = facts_.find(delta.seq);
    if (found == facts_.end()) continue;
    live.push_back(delta);
    live.back().short_term = found->second.level == store::Level::ShortTerm;
  }
  return live;
}

void ItemCatalog::raise_access_counts(std::span<const std::pair<int64_t, int64_t>> counts) {
  std::unique_lock lock(mutex_);
  for (const auto& [seq, count] : counts) {
    auto found = facts_.find(seq);
    if (found != facts_.end()) found->second.access_count = std::max(found->second.access_count, count);
  }
}

void ItemCatalog::add_hits(std::span<const int64_t> seqs) {
  std::shared_lock lock(mutex_);
  for (const int64_t seq : seqs) {
    auto found = facts_.find(seq);
    if (found != facts_.end()) std::atomic_ref(found->second.access_count).fetch_add(1, std::memory_order_relaxed);
  }
}

std::vector<std::optional<ItemFacts>> ItemCatalog::lookup(std::span<const int64_t> seqs) const {
  std::vector<std::optional<ItemFacts>> found(seqs.size());
  std::shared_lock lock(mutex_);
  for (size_t i = 0; i < seqs.size(); ++i) {
    auto entry = facts_.find(seqs[i]);
    if (entry != facts_.end()) found[i] = copy_of(entry->second);
  }
  return found;
}

size_t ItemCatalog::size() const {
  std::shared_lock lock(mutex_);
  return facts_.size();
}

void ItemCatalog::save(store::snapshot::BinaryFileWriter& out) const {
  std::shared_lock lock(mutex_);
  out.put<uint64_t>(facts_.size());
  for (const auto& [seq, facts] : facts_) {
    out.put<int64_t>(seq);
    out.put<int64_t>(facts.created_at_ms);
    out.put<int64_t>(facts.expires_at_ms);
    out.put<uint64_t>(facts.session_hash);
    out.put<int64_t>(facts.token_count);
    out.put<int64_t>(load_count(facts));
    out.put<uint8_t>(static_cast<uint8_t>(facts.level));
  }
}

void ItemCatalog::load(store::snapshot::BinaryFileReader& in) {
  const auto count = in.get_count(kFactsRecordBytes);
  std::unique_lock lock(mutex_);
  facts_.reserve(count);
  for (uint64_t i = 0; i < count && in.ok(); ++i) {
    const auto seq = in.get<int64_t>();
    ItemFacts facts;
    facts.created_at_ms = in.get<int64_t>();
    facts.expires_at_ms = in.get<int64_t>();
    facts.session_hash = in.get<uint64_t>();
    facts.token_count = in.get<int64_t>();
    facts.access_count = in.get<int64_t>();
    const auto level = in.get<uint8_t>();
    if (level > static_cast<uint8_t>(store::Level::LongTerm)) in.fail();
    facts.level = static_cast<store::Level>(level);
    if (!facts_.emplace(seq, facts).second) in.fail();  // a seq twice
  }
}

}  // namespace hirag::memory
