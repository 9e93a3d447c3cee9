#include "support/tmpfs_mount.hpp"

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

namespace hirag::testing {

TmpfsMount::TmpfsMount(uint64_t size_bytes) {
  const std::string options = "size=" + std::to_string(size_bytes) + ",mode=0700";
  mounted_ = ::mount("tmpfs", dir_.path().c_str(), "tmpfs", 0, options.c_str()) == 0;
}

TmpfsMount::~TmpfsMount() {
  if (mounted_) ::umount2(dir_.path().c_str(), MNT_DETACH);
}

uint64_t TmpfsMount::free_bytes() const {
  struct statvfs fs {};
  if (::statvfs(dir_.path().c_str(), &fs) != 0) return 0;
  return static_cast<uint64_t>(fs.f_bavail) * fs.f_frsize;
}

void TmpfsMount::fill_leaving(const std::string& file_name, uint64_t leave_free) const {
  const int fd = ::open((dir_.path() + "/" + file_name).c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (fd < 0) return;
  const std::vector<char> zeros(64 * 1024, 0);
  for (uint64_t free = free_bytes(); free > leave_free; free = free_bytes()) {
    const size_t chunk = static_cast<size_t>(std::min<uint64_t>(zeros.size(), free - leave_free));
    if (::write(fd, zeros.data(), chunk) <= 0) break;
  }
  ::close(fd);
}

}  // namespace hirag::testing
