#include "store/text/namespace_text.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace hirag::store::text {
namespace {

constexpr int64_t kDead = std::numeric_limits<int64_t>::min();
constexpr uint32_t kNoSlot = std::numeric_limits<uint32_t>::max();
// Term bounds are raised by this factor so that rounding can never make a bound
// smaller than the score it bounds (which would prune a document wrongly).
constexpr double kBoundSlack = 1.0 + 1e-9;

// A document's length as its postings carry it (see Occurrence).
uint16_t scoring_length(uint32_t length) { return static_cast<uint16_t>(std::min<uint32_t>(length, UINT16_MAX)); }

// Lucene's BM25 idf: always positive, so a term in most documents still counts a little.
double idf(double documents, double document_frequency) {
  return std::log(1.0 + (documents - document_frequency + 0.5) / (document_frequency + 0.5));
}

struct HeapEntry {
  double score;
  uint32_t slot;
};

// Orders the worst entry to the heap's top: the lower score, or on equal scores the later slot.
bool better(const HeapEntry& a, const HeapEntry& b) {
  return a.score > b.score || (a.score == b.score && a.slot < b.slot);
}

}  // namespace

// A position in one query term's postings.
struct NamespaceText::Cursor {
  const Postings* postings = nullptr;
  size_t position = 0;
  double idf = 0;
  double bound = 0;  // the most this term can add to a document's score

  bool done() const { return position >= postings->slots.size(); }
  uint32_t slot() const { return postings->slots[position]; }
  const Occurrence& occurrence() const { return postings->occurrences[position]; }

  // Moves to the first posting at or after `target` (galloping, then binary search).
  void advance_to(uint32_t target) {
    const auto& slots = postings->slots;
    size_t low = position;
    size_t step = 1;
    while (low + step < slots.size() && slots[low + step] < target) {
      low += step;
      step *= 2;
    }
    const auto end = slots.begin() + static_cast<std::ptrdiff_t>(std::min(slots.size(), low + step + 1));
    position = static_cast<size_t>(std::lower_bound(slots.begin() + static_cast<std::ptrdiff_t>(low), end, target) -
                                   slots.begin());
  }
};

uint32_t NamespaceText::term_id(const std::string& term) {
  auto [found, inserted] = term_ids_.try_emplace(term, static_cast<uint32_t>(postings_.size()));
  if (inserted) postings_.emplace_back();
  return found->second;
}

void NamespaceText::add(int64_t label, const std::vector<TermCount>& terms) {
  remove(label);
  const auto slot = static_cast<uint32_t>(labels_.size());
  uint32_t length = 0;
  for (const auto& term : terms) length += term.count;
  for (const auto& term : terms) {
    if (term.count == 0) continue;
    const auto count = static_cast<uint16_t>(std::min<uint32_t>(term.count, UINT16_MAX));
    auto& postings = postings_[term_id(term.term)];
    postings.slots.push_back(slot);
    postings.occurrences.push_back({count, scoring_length(length)});
    postings.max_count = std::max(postings.max_count, count);
  }
  labels_.push_back(label);
  dead_.push_back(false);
  lengths_.push_back(length);
  slots_.emplace(label, slot);
  total_length_ += length;
  min_length_ = std::min<uint32_t>(min_length_, scoring_length(length));
}

void NamespaceText::remove(int64_t label) {
  auto found = slots_.find(label);
  if (found == slots_.end()) return;
  labels_[found->second] = kDead;
  dead_[found->second] = true;
  slots_.erase(found);
  const size_t dead = labels_.size() - slots_.size();
  if (dead * 4 > labels_.size()) compact();
}

// Drops dead slots from every list and renumbers the rest in the same order.
void NamespaceText::compact() {
  std::vector<uint32_t> renumbered(labels_.size(), kNoSlot);
  std::vector<int64_t> labels;
  std::vector<uint32_t> lengths;
  labels.reserve(slots_.size());
  lengths.reserve(slots_.size());
  for (size_t slot = 0; slot < labels_.size(); ++slot) {
    if (labels_[slot] == kDead) continue;
    renumbered[slot] = static_cast<uint32_t>(labels.size());
    labels.push_back(labels_[slot]);
    lengths.push_back(lengths_[slot]);
  }
  boost::unordered_flat_map<std::string, uint32_t> term_ids;
  std::vector<Postings> postings;
  for (auto& [term, id] : term_ids_) {
    Postings kept;
    const auto& old = postings_[id];
    for (size_t i = 0; i < old.slots.size(); ++i) {
      const uint32_t slot = renumbered[old.slots[i]];
      if (slot == kNoSlot) continue;
      kept.slots.push_back(slot);
      kept.occurrences.push_back(old.occurrences[i]);
      kept.max_count = std::max(kept.max_count, old.occurrences[i].count);
    }
    if (kept.slots.empty()) continue;
    term_ids.emplace(term, static_cast<uint32_t>(postings.size()));
    postings.push_back(std::move(kept));
  }
  labels_ = std::move(labels);
  lengths_ = std::move(lengths);
  term_ids_ = std::move(term_ids);
  postings_ = std::move(postings);
  restore_derived();
}

bool NamespaceText::restore_derived() {
  slots_.clear();
  slots_.reserve(labels_.size());
  dead_.assign(labels_.size(), false);
  total_length_ = 0;
  min_length_ = UINT32_MAX;
  for (size_t slot = 0; slot < labels_.size(); ++slot) {
    total_length_ += lengths_[slot];
    min_length_ = std::min<uint32_t>(min_length_, scoring_length(lengths_[slot]));
    dead_[slot] = labels_[slot] == kDead;
    if (!dead_[slot] && !slots_.emplace(labels_[slot], static_cast<uint32_t>(slot)).second) return false;
  }
  return true;
}

// Per term, in term-id order: the term, its slots and counts. The live-label map,
// the statistics, each term's largest count and the lengths in the postings are
// derived again on load.
void NamespaceText::save(snapshot::BinaryFileWriter& out) const {
  out.put_array<int64_t>(labels_);
  out.put_array<uint32_t>(lengths_);
  std::vector<const std::string*> terms(postings_.size());
  for (const auto& [term, id] : term_ids_) terms[id] = &term;
  out.put<uint64_t>(terms.size());
  for (size_t id = 0; id < terms.size(); ++id) {
    out.put_string(*terms[id]);
    out.put_array<uint32_t>(postings_[id].slots);
    std::vector<uint16_t> counts;
    counts.reserve(postings_[id].occurrences.size());
    for (const auto& occurrence : postings_[id].occurrences) counts.push_back(occurrence.count);
    out.put_array<uint16_t>(counts);
  }
}

void NamespaceText::load(snapshot::BinaryFileReader& in) {
  labels_ = in.get_array<int64_t>();
  lengths_ = in.get_array<uint32_t>();
  if (lengths_.size() != labels_.size()) in.fail();  // the postings' lengths are read from it below
  // A term is at least its length prefix and two empty arrays.
  const auto term_count = in.get_count(sizeof(uint32_t) + 2 * sizeof(uint64_t));
  postings_.resize(term_count);
  term_ids_.reserve(term_count);
  for (uint32_t id = 0; id < term_count && in.ok(); ++id) {
    auto& postings = postings_[id];
    std::string term = in.get_string();
    postings.slots = in.get_array<uint32_t>();
    const auto counts = in.get_array<uint16_t>();
    const bool well_formed = postings.slots.size() == counts.size() &&
                             // strictly increasing, in one pass
                             std::adjacent_find(postings.slots.begin(), postings.slots.end(),
                                                std::greater_equal<>()) == postings.slots.end() &&
                             (postings.slots.empty() || postings.slots.back() < labels_.size());
    if (!well_formed || !term_ids_.emplace(std::move(term), id).second) {
      in.fail();
      break;
    }
    postings.occurrences.reserve(counts.size());
    for (size_t i = 0; i < counts.size(); ++i) {
      postings.occurrences.push_back({counts[i], scoring_length(lengths_[postings.slots[i]])});
      postings.max_count = std::max(postings.max_count, counts[i]);
    }
  }
  if (!in.ok() || !restore_derived()) in.fail();
}

double NamespaceText::upper_bound(const Postings& postings, double term_idf) const {
  const double average = static_cast<double>(total_length_) / static_cast<double>(labels_.size());
  const double k1 = parameters_.k1;
  const double b = parameters_.b;
  const double count = postings.max_count;
  const double norm = k1 * (1.0 - b + b * static_cast<double>(min_length_) / average);
  return term_idf * count * (k1 + 1.0) / (count + norm) * kBoundSlack;
}

// MaxScore: query terms sorted by their bound; once the k-th best score reaches
// the sum of the smallest bounds, those terms can no longer bring a document in
// on their own, so only the other ("essential") terms' postings are walked and the
// small ones are probed for the documents found.
std::vector<TextHit> NamespaceText::search(const std::vector<std::string>& terms, size_t k) const {
  if (k == 0 || slots_.empty()) return {};
  const double documents = static_cast<double>(labels_.size());
  std::vector<Cursor> cursors;
  for (const auto& term : terms) {
    auto found = term_ids_.find(term);
    if (found == term_ids_.end()) continue;
    const Postings& postings = postings_[found->second];
    if (std::any_of(cursors.begin(), cursors.end(), [&](const Cursor& c) { return c.postings == &postings; })) continue;
    Cursor cursor;
    cursor.postings = &postings;
    cursor.idf = idf(documents, static_cast<double>(postings.slots.size()));
    cursor.bound = upper_bound(postings, cursor.idf);
    cursors.push_back(cursor);
  }
  std::sort(cursors.begin(), cursors.end(), [](const Cursor& a, const Cursor& b) { return a.bound < b.bound; });
  if (cursors.size() > parameters_.max_query_terms) {
    cursors.erase(cursors.begin(), cursors.end() - static_cast<std::ptrdiff_t>(parameters_.max_query_terms));
  }
  std::vector<double> bound_sum(cursors.size());
  double running = 0;
  for (size_t i = 0; i < cursors.size(); ++i) bound_sum[i] = running += cursors[i].bound;

  const double average = static_cast<double>(total_length_) / documents;
  const double k1 = parameters_.k1;
  const double b = parameters_.b;
  std::vector<HeapEntry> heap;
  heap.reserve(k + 1);
  double threshold = 0;
  size_t essential = 0;  // cursors[essential..] are essential
  // The essential cursors ordered by their current slot (a min-heap of indexes), so
  // that a long query does not scan every cursor for each document.
  std::vector<size_t> pending;
  auto later = [&](size_t a, size_t b) { return cursors[a].slot() > cursors[b].slot(); };
  auto collect_essential = [&] {
    pending.clear();
    for (size_t i = essential; i < cursors.size(); ++i) {
      if (!cursors[i].done()) pending.push_back(i);
    }
    std::make_heap(pending.begin(), pending.end(), later);
  };
  collect_essential();
  while (!pending.empty()) {
    const uint32_t slot = cursors[pending.front()].slot();
    // The length comes with the posting: reading lengths_[slot] here missed the
    // cache for almost every document and was a third of the search in the server.
    const double length = cursors[pending.front()].occurrence().length;
    const double norm = k1 * (1.0 - b + b * length / average);
    auto term_score = [&](const Cursor& c) {
      const double count = c.occurrence().count;
      return c.idf * count * (k1 + 1.0) / (count + norm);
    };
    double score = 0;
    while (!pending.empty() && cursors[pending.front()].slot() == slot) {
      std::pop_heap(pending.begin(), pending.end(), later);
      auto& cursor = cursors[pending.back()];
      score += term_score(cursor);
      ++cursor.position;
      if (cursor.done()) {
        pending.pop_back();
      } else {
        std::push_heap(pending.begin(), pending.end(), later);
      }
    }
    const bool full = heap.size() == k;
    for (size_t i = essential; i-- > 0;) {
      if (full && score + bound_sum[i] <= threshold) break;
      auto& cursor = cursors[i];
      cursor.advance_to(slot);
      if (!cursor.done() && cursor.slot() == slot) score += term_score(cursor);
    }
    if (full && score <= threshold) continue;
    // Checked only for a document that would enter the top k, and in a bitmap: a
    // read of labels_ there missed the cache (a fifth of the search in the server).
    if (dead_[slot]) continue;
    if (full) {
      std::pop_heap(heap.begin(), heap.end(), better);
      heap.pop_back();
    }
    heap.push_back({score, slot});
    std::push_heap(heap.begin(), heap.end(), better);
    if (heap.size() == k) {
      threshold = heap.front().score;
      const size_t before = essential;
      while (essential < cursors.size() && bound_sum[essential] <= threshold) ++essential;
      if (essential != before) collect_essential();
    }
  }
  std::sort_heap(heap.begin(), heap.end(), better);
  std::vector<TextHit> hits;
  hits.reserve(heap.size());
  for (const auto& entry : heap) hits.push_back({labels_[entry.slot], entry.score});
  return hits;
}

std::vector<int64_t> NamespaceText::neighbours(int64_t label) const {
  std::vector<int64_t> found;
  auto entry = slots_.find(label);
  if (entry == slots_.end()) return found;
  for (size_t slot = entry->second; slot-- > 0;) {
    if (labels_[slot] != kDead) {
      found.push_back(labels_[slot]);
      break;
    }
  }
  for (size_t slot = entry->second + 1; slot < labels_.size(); ++slot) {
    if (labels_[slot] != kDead) {
      found.push_back(labels_[slot]);
      break;
    }
  }
  return found;
}

size_t NamespaceText::memory_bytes() const {
  size_t bytes = labels_.capacity() * sizeof(int64_t) + dead_.capacity() / 8 + lengths_.capacity() * sizeof(uint32_t) +
                 postings_.capacity() * sizeof(Postings) +
                 slots_.size() * (sizeof(int64_t) + sizeof(uint32_t) + 2 * sizeof(void*));
  for (const auto& postings : postings_) {
    bytes += postings.slots.capacity() * sizeof(uint32_t) + postings.occurrences.capacity() * sizeof(Occurrence);
  }
  for (const auto& [term, id] : term_ids_) bytes += sizeof(std::string) + term.capacity() + 2 * sizeof(void*) + 8;
  return bytes;
}

}  // namespace hirag::store::text
