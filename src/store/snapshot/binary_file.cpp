#include "store/snapshot/binary_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <filesystem>
#include <system_error>

namespace hirag::store::snapshot {
namespace {

constexpr size_t kBufferBytes = 1 << 20;
using Checksum = XXH64_hash_t;

Error io_error(std::string_view what, const std::string& path) {
  return Error::internal(fmt::format("{} '{}': {}", what, path, std::generic_category().message(errno)));
}

std::string temp_path(const std::string& path) { return path + ".tmp"; }

// fsync of the folder, so that the rename itself survives a crash.
Status sync_parent(const std::string& path) {
  auto parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) parent = ".";
  const int fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return io_error("cannot open folder", parent.string());
  const int synced = ::fsync(fd);
  ::close(fd);
  if (synced != 0) return io_error("cannot sync folder", parent.string());
  return ok_status();
}

}  // namespace

Result<BinaryFileWriter> BinaryFileWriter::create(std::string path) {
  const int fd = ::open(temp_path(path).c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return io_error("cannot create", temp_path(path));
  return BinaryFileWriter(std::move(path), fd);
}

BinaryFileWriter::BinaryFileWriter(std::string path, int fd)
    : path_(std::move(path)), fd_(fd), hash_(XXH3_createState()) {
  buffer_.reserve(kBufferBytes);
  XXH3_64bits_reset(hash_);
}

BinaryFileWriter::BinaryFileWriter(BinaryFileWriter&& other) noexcept
    : path_(std::move(other.path_)),
      fd_(std::exchange(other.fd_, -1)),
      buffer_(std::move(other.buffer_)),
      hash_(std::exchange(other.hash_, nullptr)),
      status_(std::move(other.status_)) {}

BinaryFileWriter::~BinaryFileWriter() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(temp_path(path_).c_str());
  }
  if (hash_ != nullptr) XXH3_freeState(hash_);
}

void BinaryFileWriter::append(const void* data, size_t size) {
  const auto* bytes = static_cast<const char*>(data);
  while (size > 0) {
    if (buffer_.size() == kBufferBytes && !flush_buffer()) return;
    const size_t chunk = std::min(size, kBufferBytes - buffer_.size());
    buffer_.insert(buffer_.end(), bytes, bytes + chunk);
    bytes += chunk;
    size -= chunk;
  }
}

void BinaryFileWriter::put_string(std::string_view text) {
  put<uint32_t>(static_cast<uint32_t>(text.size()));
  append(text.data(), text.size());
}

// The checksum is taken a buffer at a time (per value it cost more than the write).
Status BinaryFileWriter::flush_buffer() {
  XXH3_64bits_update(hash_, buffer_.data(), buffer_.size());
  return write_buffer();
}

Status BinaryFileWriter::write_buffer() {
  size_t written = 0;
  while (status_ && written < buffer_.size()) {
    const ssize_t n = ::write(fd_, buffer_.data() + written, buffer_.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) status_ = io_error("cannot write", temp_path(path_));
    if (n > 0) written += static_cast<size_t>(n);
  }
  buffer_.clear();
  return status_;
}

Status BinaryFileWriter::commit() {
  if (auto status = flush_buffer(); !status) return status;
  const Checksum checksum = XXH3_64bits_digest(hash_);
  const auto* bytes = reinterpret_cast<const char*>(&checksum);
  buffer_.insert(buffer_.end(), bytes, bytes + sizeof(checksum));
  if (auto status = write_buffer(); !status) return status;
  if (::fsync(fd_) != 0) return io_error("cannot sync", temp_path(path_));
  ::close(std::exchange(fd_, -1));
  if (::rename(temp_path(path_).c_str(), path_.c_str()) != 0) {
    auto error = io_error("cannot rename into place", path_);
    ::unlink(temp_path(path_).c_str());
    return error;
  }
  return sync_parent(path_);
}

Result<BinaryFileReader> BinaryFileReader::open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return io_error("cannot open", path);
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    auto error = io_error("cannot stat", path);
    ::close(fd);
    return error;
  }
  const auto size = static_cast<size_t>(info.st_size);
  if (size < sizeof(Checksum)) {
    ::close(fd);
    return Error::internal(fmt::format("'{}' is too short to be a snapshot ({} bytes)", path, size));
  }
  void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (mapped == MAP_FAILED) return io_error("cannot map", path);
  ::madvise(mapped, size, MADV_SEQUENTIAL);
  BinaryFileReader reader(static_cast<const char*>(mapped), size, size - sizeof(Checksum));
  Checksum stored = 0;
  std::memcpy(&stored, reader.data_ + reader.size_, sizeof(stored));
  if (XXH3_64bits(reader.data_, reader.size_) != stored) {
    return Error::internal(fmt::format("'{}' is damaged (checksum mismatch)", path));
  }
  return reader;
}

BinaryFileReader::BinaryFileReader(BinaryFileReader&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      mapped_(other.mapped_),
      size_(other.size_),
      position_(other.position_),
      ok_(other.ok_) {}

BinaryFileReader::~BinaryFileReader() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), mapped_);
}

bool BinaryFileReader::take(size_t bytes) {
  if (!ok_ || bytes > remaining()) {
    ok_ = false;
    return false;
  }
  position_ += bytes;
  return true;
}

std::string BinaryFileReader::get_string() {
  const auto length = get<uint32_t>();
  if (!take(length)) return {};
  return std::string(data_ + position_ - length, length);
}

uint64_t BinaryFileReader::get_count(size_t min_record_bytes) {
  const auto count = get<uint64_t>();
  if (!ok_ || (min_record_bytes > 0 && count > remaining() / min_record_bytes)) {
    ok_ = false;
    return 0;
  }
  return count;
}

}  // namespace hirag::store::snapshot
