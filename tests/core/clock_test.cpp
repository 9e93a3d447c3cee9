#include "core/clock.hpp"

#include <gtest/gtest.h>

namespace hirag {
namespace {

TEST(ClockTest, ParsesRfc3339Forms) {
  EXPECT_EQ(parse_rfc3339_ms("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_rfc3339_ms("2023-05-08T13:56:00Z"), 1683554160000);
  EXPECT_EQ(parse_rfc3339_ms("2023-05-08T15:56:00+02:00"), 1683554160000);
  EXPECT_EQ(parse_rfc3339_ms("2023-05-08T13:56:00.250Z"), 1683554160250);
  EXPECT_EQ(parse_rfc3339_ms("2024-02-29T00:00:00Z"), 1709164800000);
}

TEST(ClockTest, RejectsMalformedTimes) {
  for (const char* bad : {"", "2023-05-08", "2023-13-01T00:00:00Z", "2023-02-30T00:00:00Z", "2023-05-08T25:00:00Z",
                          "2023-05-08T13:56:00", "2023-05-08T13:56:00Zjunk", "yesterday", "2023-05-08T13:56:00.Z"}) {
    EXPECT_FALSE(parse_rfc3339_ms(bad).has_value()) << bad;
  }
}

TEST(ClockTest, FormatRoundTrips) {
  const int64_t ms = 1683554160250;
  EXPECT_EQ(format_rfc3339_ms(ms), "2023-05-08T13:56:00.250Z");
  EXPECT_EQ(parse_rfc3339_ms(format_rfc3339_ms(ms)), ms);
}

}  // namespace
}  // namespace hirag
