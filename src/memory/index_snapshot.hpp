// memory/index_snapshot: the item catalog and the full-text index saved to one
// file in the data dir, so that a restart maps them back instead of reading and
// analysing every row. A snapshot is taken at change N of the store's change log
// (ItemStore::last_change); loading it and replaying the items changed after N
// gives what a rebuild from the rows gives.
//
// The store's meta row `index_snapshot` names the one valid snapshot (its change
// number and a random id). A file that does not match it (older, copied from
// another data dir, or written but never recorded because the process died) is
// ignored, and so is a file written by a build whose text analysis or session
// hashing differs: the caller then rebuilds from rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "memory/item_catalog.hpp"
#include "store/text/text_index.hpp"

namespace hirag::memory {

inline constexpr const char* kSnapshotMetaKey = "index_snapshot";

struct SnapshotMark {
  int64_t through_change = 0;  // the change log number the snapshot includes
  std::string id;              // random; ties the file to the meta row

  static SnapshotMark next(int64_t through_change);
  std::string to_meta() const;  // "<through_change> <id>"
  static std::optional<SnapshotMark> from_meta(std::string_view value);
};

// <data_dir>/memory-index.snapshot
std::string snapshot_path(const std::string& data_dir);

Status save_index_snapshot(const std::string& path, const SnapshotMark& mark, const ItemCatalog& catalog,
                           const store::text::TextIndex& text);
// Fills the (empty) catalog and index from the file written for `mark`; an
// error says why the file cannot be used, and the two may then hold a part of it.
Status load_index_snapshot(const std::string& path, const SnapshotMark& mark, ItemCatalog& catalog,
                           store::text::TextIndex& text);

}  // namespace hirag::memory
