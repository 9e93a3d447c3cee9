// store/disk_reserve: the free space of the data dir's filesystem against the
// configured reserve ([storage] min_free_bytes). Writes of new data are refused
// while free space is below it, so that what frees space (deletes, the sweeper,
// WAL checkpoints) still has room to run; when space comes back, writes are
// accepted again, with no restart. One statvfs(2) per question (a few
// microseconds); the result also sets the storage_free_bytes gauge.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.hpp"

namespace hirag::store {

class DiskReserve {
 public:
  DiskReserve(std::string data_dir, uint64_t min_free_bytes);

  // Free bytes for an unprivileged writer (f_bavail), or nothing if statvfs fails.
  std::optional<uint64_t> free_bytes() const;
  // Why writes are refused now (free space and the reserve), or nothing.
  std::optional<std::string> shortage() const;
  // 507 STORAGE_FULL while free space is below the reserve; ok otherwise (also
  // when free space cannot be read: SQLite's own SQLITE_FULL still guards).
  Status check_room_for_writes() const;
  uint64_t min_free_bytes() const { return min_free_bytes_; }

 private:
  std::string data_dir_;
  uint64_t min_free_bytes_;
};

}  // namespace hirag::store
