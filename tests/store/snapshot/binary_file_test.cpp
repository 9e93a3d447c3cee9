// The snapshot file: values round-trip, the file appears only on commit, a
// write that fails on a full disk leaves the previous snapshot as it was, and a
// damaged, truncated or over-read file is refused rather than trusted.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "store/snapshot/binary_file.hpp"
#include "support/server_process.hpp"
#include "support/tmpfs_mount.hpp"

namespace hirag::store::snapshot {
namespace {

class BinaryFileTest : public ::testing::Test {
 protected:
  std::string path() const { return dir_.path() + "/test.snapshot"; }

  void write_sample() {
    auto out = BinaryFileWriter::create(path());
    ASSERT_TRUE(out.ok()) << out.error().message;
    out->put<uint64_t>(0x0123456789abcdefULL);
    out->put<int64_t>(-42);
    out->put<uint8_t>(7);
    out->put_string("naïve tenant");
    const std::vector<uint32_t> slots = {1, 5, 9};
    out->put_array<uint32_t>(slots);
    // More than the writer's buffer, so that it is flushed part by part.
    const std::vector<uint16_t> many(1'000'000, 3);
    out->put_array<uint16_t>(many);
    ASSERT_TRUE(out->commit().ok());
  }

  void flip_byte(std::streamoff offset) {
    std::fstream file(path(), std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(offset);
    char byte = 0;
    file.get(byte);
    file.seekp(offset);
    file.put(static_cast<char>(byte ^ 0x20));
  }

  testing::TempDir dir_;
};

TEST_F(BinaryFileTest, ValuesComeBackAsWritten) {
  write_sample();
  auto in = BinaryFileReader::open(path());
  ASSERT_TRUE(in.ok()) << in.error().message;
  EXPECT_EQ(in->get<uint64_t>(), 0x0123456789abcdefULL);
  EXPECT_EQ(in->get<int64_t>(), -42);
  EXPECT_EQ(in->get<uint8_t>(), 7);
  EXPECT_EQ(in->get_string(), "naïve tenant");
  EXPECT_EQ(in->get_array<uint32_t>(), (std::vector<uint32_t>{1, 5, 9}));
  const auto many = in->get_array<uint16_t>();
  ASSERT_EQ(many.size(), 1'000'000u);
  EXPECT_EQ(many.back(), 3);
  EXPECT_TRUE(in->ok());
  EXPECT_TRUE(in->at_end());
}

TEST_F(BinaryFileTest, TheFileAppearsOnlyWhenCommitted) {
  {
    auto out = BinaryFileWriter::create(path());
    ASSERT_TRUE(out.ok());
    out->put<int64_t>(1);
  }  // abandoned, e.g. an error half-way
  EXPECT_FALSE(std::filesystem::exists(path()));
  EXPECT_FALSE(std::filesystem::exists(path() + ".tmp"));
  write_sample();
  EXPECT_TRUE(std::filesystem::exists(path()));
  EXPECT_FALSE(std::filesystem::exists(path() + ".tmp"));
}

TEST(BinaryFileOnAFullDisk, AFailedWriteNeverReplacesTheGoodSnapshot) {
  testing::TmpfsMount mount(4 * 1024 * 1024);
  if (!mount.mounted()) GTEST_SKIP() << "needs root to mount a tmpfs";
  const std::string path = mount.path() + "/index.snapshot";
  auto good = BinaryFileWriter::create(path);
  ASSERT_TRUE(good.ok());
  good->put_array<uint32_t>(std::vector<uint32_t>(1000, 7));
  ASSERT_TRUE(good->commit().ok());

  mount.fill_leaving("ballast", 64 * 1024);
  {
    auto bigger = BinaryFileWriter::create(path);
    ASSERT_TRUE(bigger.ok());
    bigger->put_array<uint32_t>(std::vector<uint32_t>(1'000'000, 9));  // 4 MB: cannot fit
    const auto committed = bigger->commit();
    ASSERT_FALSE(committed.ok());
    EXPECT_NE(committed.error().message.find("No space left"), std::string::npos) << committed.error().message;
  }
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp")) << "the partial file must not stay behind";
  auto in = BinaryFileReader::open(path);
  ASSERT_TRUE(in.ok()) << in.error().message;
  EXPECT_EQ(in->get_array<uint32_t>(), std::vector<uint32_t>(1000, 7));
  EXPECT_TRUE(in->ok());
  EXPECT_TRUE(in->at_end());
}

TEST_F(BinaryFileTest, ADamagedFileIsRefused) {
  write_sample();
  flip_byte(20);
  auto in = BinaryFileReader::open(path());
  ASSERT_FALSE(in.ok());
  EXPECT_NE(in.error().message.find("damaged"), std::string::npos) << in.error().message;
}

TEST_F(BinaryFileTest, ATruncatedFileIsRefused) {
  write_sample();
  std::filesystem::resize_file(path(), std::filesystem::file_size(path()) / 2);
  EXPECT_FALSE(BinaryFileReader::open(path()).ok());
  std::filesystem::resize_file(path(), 3);
  EXPECT_FALSE(BinaryFileReader::open(path()).ok());
  EXPECT_FALSE(BinaryFileReader::open(dir_.path() + "/missing.snapshot").ok());
}

TEST_F(BinaryFileTest, ReadingPastTheEndFailsTheReaderInsteadOfReadingOn) {
  {
    auto out = BinaryFileWriter::create(path());
    ASSERT_TRUE(out.ok());
    out->put<uint64_t>(1'000'000'000'000ULL);  // read back below as an array count
    ASSERT_TRUE(out->commit().ok());
  }
  auto in = BinaryFileReader::open(path());
  ASSERT_TRUE(in.ok());
  EXPECT_TRUE(in->get_array<int64_t>().empty());  // no terabyte allocation
  EXPECT_FALSE(in->ok());
  EXPECT_EQ(in->get<int64_t>(), 0);
  EXPECT_EQ(in->get_string(), "");
}

TEST_F(BinaryFileTest, ACountThatCannotFitInTheFileFailsTheReader) {
  {
    auto out = BinaryFileWriter::create(path());
    ASSERT_TRUE(out.ok());
    out->put<uint64_t>(3);
    out->put<uint64_t>(0);
    ASSERT_TRUE(out->commit().ok());
  }
  auto fits = BinaryFileReader::open(path());
  ASSERT_TRUE(fits.ok());
  EXPECT_EQ(fits->get_count(1), 3u);  // 3 records of 1 byte fit in the 8 bytes left
  EXPECT_TRUE(fits->ok());
  auto too_many = BinaryFileReader::open(path());
  ASSERT_TRUE(too_many.ok());
  EXPECT_EQ(too_many->get_count(16), 0u);
  EXPECT_FALSE(too_many->ok());
}

}  // namespace
}  // namespace hirag::store::snapshot
