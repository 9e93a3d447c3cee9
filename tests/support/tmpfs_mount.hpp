// tests/support/tmpfs_mount: a small real filesystem for full-disk tests: a tmpfs
// of a given size mounted on a fresh temp dir, unmounted on destruction. Needs
// root (CAP_SYS_ADMIN), which `make test` has on the CI machine; `mounted()` is
// false otherwise and the test says it was skipped.
#pragma once

#include <cstdint>
#include <string>

#include "support/server_process.hpp"

namespace hirag::testing {

class TmpfsMount {
 public:
  explicit TmpfsMount(uint64_t size_bytes);
  ~TmpfsMount();
  TmpfsMount(const TmpfsMount&) = delete;
  TmpfsMount& operator=(const TmpfsMount&) = delete;

  bool mounted() const { return mounted_; }
  const std::string& path() const { return dir_.path(); }
  // Free bytes on the mount, as an unprivileged writer sees them.
  uint64_t free_bytes() const;
  // Writes a file of zeros until at most `leave_free` bytes remain free (a
  // ballast the test removes to give space back).
  void fill_leaving(const std::string& file_name, uint64_t leave_free) const;

 private:
  TempDir dir_;
  bool mounted_ = false;
};

}  // namespace hirag::testing
