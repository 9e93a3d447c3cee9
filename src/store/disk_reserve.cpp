#include "store/disk_reserve.hpp"

#include <fmt/format.h>
#include <sys/statvfs.h>

#include "metrics/storage_metrics.hpp"

namespace hirag::store {

DiskReserve::DiskReserve(std::string data_dir, uint64_t min_free_bytes)
    : data_dir_(std::move(data_dir)), min_free_bytes_(min_free_bytes) {
  metrics::storage_metrics().min_free_bytes.Set(static_cast<double>(min_free_bytes));
}

std::optional<uint64_t> DiskReserve::free_bytes() const {
  struct statvfs fs {};
  if (::statvfs(data_dir_.c_str(), &fs) != 0) return std::nullopt;
  const uint64_t free = static_cast<uint64_t>(fs.f_bavail) * fs.f_frsize;
  metrics::storage_metrics().free_bytes.Set(static_cast<double>(free));
  return free;
}

std::optional<std::string> DiskReserve::shortage() const {
  const auto free = free_bytes();
  if (!free || *free >= min_free_bytes_) return std::nullopt;
  return fmt::format("the data dir's disk is below its reserve ({} bytes free, storage.min_free_bytes = {})", *free,
                     min_free_bytes_);
}

Status DiskReserve::check_room_for_writes() const {
  auto why = shortage();
  if (!why) return ok_status();
  metrics::storage_metrics().reserve_errors.Increment();
  boost::json::object details;
  details["min_free_bytes"] = min_free_bytes_;
  return Error{ErrorCode::StorageFull,
               *why + ": new data is refused until space is freed; reads, searches and deletes still work",
               std::move(details)};
}

}  // namespace hirag::store
