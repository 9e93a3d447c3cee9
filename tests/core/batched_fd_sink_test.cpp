#include "core/batched_fd_sink.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spdlog/logger.h>
#include <unistd.h>

#include <memory>
#include <string>

namespace hirag {
namespace {

// The sink writes into a non-blocking pipe: what the sink has written so far can be read back.
class BatchedFdSinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(::pipe(fds_), 0);
    ASSERT_EQ(::fcntl(fds_[0], F_SETFL, O_NONBLOCK), 0);
  }
  void TearDown() override {
    ::close(fds_[0]);
    ::close(fds_[1]);
  }
  std::string written() {
    std::string out;
    char chunk[4096];
    for (ssize_t n; (n = ::read(fds_[0], chunk, sizeof chunk)) > 0;) out.append(chunk, static_cast<size_t>(n));
    return out;
  }
  std::shared_ptr<spdlog::logger> logger_with(std::shared_ptr<BatchedFdSink> sink, const char* name = "held") {
    auto logger = std::make_shared<spdlog::logger>(name, std::move(sink));
    logger->set_pattern("%v");
    logger->flush_on(spdlog::level::off);
    return logger;
  }
  std::shared_ptr<BatchedFdSink> sink() { return std::make_shared<BatchedFdSink>(fds_[1]); }
  int fds_[2] = {-1, -1};
};

TEST_F(BatchedFdSinkTest, HoldsLinesUntilFlushedAndWritesThemTogether) {
  auto logger = logger_with(sink());
  logger->info("a");
  logger->info("b");
  EXPECT_EQ(written(), "");
  logger->flush();
  EXPECT_EQ(written(), "a\nb\n");
}

TEST_F(BatchedFdSinkTest, ALoggerThatFlushesEveryLineWritesTheHeldLinesFirst) {
  auto shared = sink();
  auto held = logger_with(shared, "held");
  auto immediate = logger_with(shared, "immediate");
  immediate->flush_on(spdlog::level::trace);
  held->info("access 1");
  held->info("access 2");
  immediate->warn("warning");
  EXPECT_EQ(written(), "access 1\naccess 2\nwarning\n");
}

TEST_F(BatchedFdSinkTest, DestructionWritesWhatIsHeld) {
  auto logger = logger_with(sink());
  logger->info("last words");
  logger.reset();
  EXPECT_EQ(written(), "last words\n");
}

TEST_F(BatchedFdSinkTest, ABatchIsWrittenWhenItReaches64KiB) {
  auto logger = logger_with(sink());
  const std::string line(1023, 'x');  // 1 KiB with the newline
  for (int i = 0; i < 63; ++i) logger->info(line);
  EXPECT_EQ(written(), "");
  logger->info(line);
  EXPECT_EQ(written().size(), 64u * 1024u);
}

}  // namespace
}  // namespace hirag
