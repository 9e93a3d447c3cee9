// store/snapshot/binary_file: a file of fixed-width little-endian values for the
// index snapshots. The writer fills `<path>.tmp`, appends an XXH3 checksum of
// everything before it, syncs and renames over `path` (then syncs the folder),
// so a reader sees the old file or the whole new one, never a torn one. The
// reader maps the file, checks the checksum before anything is read, and bounds
// every read, so a damaged or foreign file is refused, never trusted.
#pragma once

#include <xxhash.h>

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/result.hpp"

namespace hirag::store::snapshot {

class BinaryFileWriter {
 public:
  // Opens `<path>.tmp` for writing (replacing a leftover one).
  static Result<BinaryFileWriter> create(std::string path);
  BinaryFileWriter(BinaryFileWriter&& other) noexcept;
  BinaryFileWriter& operator=(BinaryFileWriter&&) = delete;
  ~BinaryFileWriter();  // an uncommitted file is removed

  template <class T>
    requires std::is_arithmetic_v<T>
  void put(T value) {
    append(&value, sizeof(value));
  }
  void put_string(std::string_view text);
  // The element count, then the elements.
  template <class T>
    requires std::is_arithmetic_v<T>
  void put_array(std::span<const T> values) {
    put<uint64_t>(values.size());
    append(values.data(), values.size_bytes());
  }

  // Writes the checksum, syncs, and renames the file into place.
  Status commit();

 private:
  BinaryFileWriter(std::string path, int fd);
  void append(const void* data, size_t size);
  Status flush_buffer();  // adds the buffer to the checksum, then writes it
  Status write_buffer();

  std::string path_;
  int fd_ = -1;
  std::vector<char> buffer_;
  XXH3_state_t* hash_ = nullptr;
  Status status_;  // the first write error; later writes are dropped
};

class BinaryFileReader {
 public:
  // Maps the file and checks its checksum.
  static Result<BinaryFileReader> open(const std::string& path);
  BinaryFileReader(BinaryFileReader&& other) noexcept;
  BinaryFileReader& operator=(BinaryFileReader&&) = delete;
  ~BinaryFileReader();

  // Reads past the end fail the reader (ok() turns false) and yield zeros.
  template <class T>
    requires std::is_arithmetic_v<T>
  T get() {
    T value{};
    if (take(sizeof(T))) std::memcpy(&value, data_ + position_ - sizeof(T), sizeof(T));
    return value;
  }
  std::string get_string();
  // An array written by put_array; its count must fit in what is left of the file.
  template <class T>
    requires std::is_arithmetic_v<T>
  std::vector<T> get_array() {
    std::vector<T> values;
    const auto count = get<uint64_t>();
    if (!ok_ || count > remaining() / sizeof(T)) {
      ok_ = false;
      return values;
    }
    values.resize(count);
    if (count > 0) std::memcpy(values.data(), data_ + position_, count * sizeof(T));
    position_ += count * sizeof(T);
    return values;
  }
  // A count of records about to be read, each at least `min_record_bytes` long:
  // fails the reader when they cannot all be in the file.
  uint64_t get_count(size_t min_record_bytes);

  // Marks the content as unusable (a caller's own check failed).
  void fail() { ok_ = false; }
  bool ok() const { return ok_; }
  bool at_end() const { return position_ == size_; }

 private:
  BinaryFileReader(const char* data, size_t mapped, size_t size) : data_(data), mapped_(mapped), size_(size) {}
  size_t remaining() const { return size_ - position_; }
  bool take(size_t bytes);

  const char* data_;
  size_t mapped_;    // bytes mapped (the file, checksum included)
  size_t size_;      // bytes of content (before the checksum)
  size_t position_ = 0;
  bool ok_ = true;
};

}  // namespace hirag::store::snapshot
