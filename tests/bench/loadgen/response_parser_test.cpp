#include "loadgen/response_parser.hpp"

#include <gtest/gtest.h>

namespace hirag::loadgen {
namespace {

TEST(ResponseParserTest, FramesAResponseByItsContentLength) {
  const std::string wire = "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 4\r\n\r\n{}\r\n";
  ParsedResponse response;
  ASSERT_EQ(frame_response(wire, response), Framing::Complete);
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.size, wire.size());
}

TEST(ResponseParserTest, WaitsForTheRestOfTheHeadAndTheBody) {
  const std::string wire = "HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n0123456789";
  ParsedResponse response;
  EXPECT_EQ(frame_response(wire.substr(0, 20), response), Framing::NeedMore);  // head cut
  EXPECT_EQ(frame_response(wire.substr(0, wire.size() - 1), response), Framing::NeedMore);  // body cut
  ASSERT_EQ(frame_response(wire, response), Framing::Complete);  // header names in any case
  EXPECT_EQ(response.size, wire.size());
}

TEST(ResponseParserTest, NoticesThatTheServerClosesAfterTheResponse) {
  ParsedResponse response;
  ASSERT_EQ(frame_response("HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n", response),
            Framing::Complete);
  EXPECT_TRUE(response.close);
  ASSERT_EQ(frame_response("HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n", response),
            Framing::Complete);
  EXPECT_FALSE(response.close);
}

TEST(ResponseParserTest, FramesOnlyTheFirstOfTwoResponses) {
  const std::string first = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n";
  ParsedResponse response;
  ASSERT_EQ(frame_response(first + first, response), Framing::Complete);
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(response.size, first.size());
}

TEST(ResponseParserTest, RejectsWhatItCannotFrame) {
  ParsedResponse response;
  EXPECT_EQ(frame_response("SSH-2.0-OpenSSH\r\n\r\n", response), Framing::Malformed);
  EXPECT_EQ(frame_response("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", response), Framing::Malformed);
  EXPECT_EQ(frame_response("HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n", response), Framing::Malformed);
}

}  // namespace
}  // namespace hirag::loadgen
