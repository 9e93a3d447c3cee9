#include "memory/index_snapshot.hpp"

#include <fmt/format.h>

#include <charconv>
#include <filesystem>

#include "core/crypto.hpp"
#include "retrieval/text_terms.hpp"

namespace hirag::memory {
namespace {

constexpr uint64_t kMagic = 0x5844'4947'4152'4948;  // "HIRAGIDX" read as little-endian
constexpr uint32_t kFormat = 1;

// Changes whenever the text analysis or the session hash would give other terms
// or keys than the build that wrote the snapshot.
uint64_t build_fingerprint() {
  std::string probe;
  const auto terms = retrieval::document_terms("Running quickly, the children's dogs jumped over 42 naïve foxes");
  for (const auto& term : terms) {
    probe += fmt::format("{}:{} ", term.term, term.count);
  }
  probe += std::to_string(ItemFacts::session_key("hirag-session-probe"));
  return XXH3_64bits(probe.data(), probe.size());
}

}  // namespace

SnapshotMark SnapshotMark::next(int64_t through_change) { return SnapshotMark{through_change, random_hex(16)}; }

std::string SnapshotMark::to_meta() const { return fmt::format("{} {}", through_change, id); }

std::optional<SnapshotMark> SnapshotMark::from_meta(std::string_view value) {
  SnapshotMark mark;
  const auto space = value.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const auto parsed = std::from_chars(value.data(), value.data() + space, mark.through_change);
  if (parsed.ec != std::errc() || parsed.ptr != value.data() + space) return std::nullopt;
  mark.id = std::string(value.substr(space + 1));
  if (mark.id.empty()) return std::nullopt;
  return mark;
}

std::string snapshot_path(const std::string& data_dir) {
  return (std::filesystem::path(data_dir) / "memory-index.snapshot").string();
}

Status save_index_snapshot(const std::string& path, const SnapshotMark& mark, const ItemCatalog& catalog,
                           const store::text::TextIndex& text) {
  auto out = store::snapshot::BinaryFileWriter::create(path);
  if (!out) return std::move(out).error();
  out->put<uint64_t>(kMagic);
  out->put<uint32_t>(kFormat);
  out->put<uint64_t>(build_fingerprint());
  out->put<int64_t>(mark.through_change);
  out->put_string(mark.id);
  catalog.save(*out);
  text.save(*out);
  return out->commit();
}

Status load_index_snapshot(const std::string& path, const SnapshotMark& mark, ItemCatalog& catalog,
                           store::text::TextIndex& text) {
  auto in = store::snapshot::BinaryFileReader::open(path);
  if (!in) return std::move(in).error();
  if (in->get<uint64_t>() != kMagic) return Error::internal(fmt::format("'{}' is not an index snapshot", path));
  if (const auto format = in->get<uint32_t>(); format != kFormat) {
    return Error::internal(fmt::format("'{}' has format {}, this build reads {}", path, format, kFormat));
  }
  if (in->get<uint64_t>() != build_fingerprint()) {
    return Error::internal(fmt::format("'{}' was written by a build that analyses text differently", path));
  }
  const auto through_change = in->get<int64_t>();
  const auto id = in->get_string();
  if (through_change != mark.through_change || id != mark.id) {
    return Error::internal(fmt::format("'{}' is snapshot {} at change {}, the store names {} at change {}", path, id,
                                       through_change, mark.id, mark.through_change));
  }
  catalog.load(*in);
  text.load(*in);
  if (!in->ok() || !in->at_end()) return Error::internal(fmt::format("'{}' is malformed", path));
  return ok_status();
}

}  // namespace hirag::memory
