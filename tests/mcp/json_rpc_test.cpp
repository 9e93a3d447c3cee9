// mcp/json_rpc: what a client sees of the JSON-RPC 2.0 rules — responses for
// requests only, the standard error codes, batches.
#include "mcp/json_rpc.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace hirag::mcp {
namespace {

// Echoes the method name; "fail" answers a validation error on field "x".
RpcOutcome echo(const RpcCall& call) {
  if (call.method == "fail") return rpc_error_from(Error::field("x", "'x' must be a string"));
  return boost::json::value(boost::json::object{{"method", call.method}});
}

boost::json::value reply_to(std::string_view text, int* calls = nullptr) {
  auto parsed = parse_payload(text);
  if (auto* error = std::get_if<std::string>(&parsed)) return boost::json::parse(*error);
  auto reply = dispatch_payload(std::get<boost::json::value>(parsed), [calls](const RpcCall& call) {
    if (calls != nullptr) ++*calls;
    return echo(call);
  });
  return reply ? boost::json::parse(*reply) : boost::json::value(nullptr);
}

int64_t error_code(const boost::json::value& reply) { return reply.at("error").at("code").as_int64(); }

TEST(JsonRpc, RequestGetsResultWithItsId) {
  auto reply = reply_to(R"({"jsonrpc":"2.0","id":"a1","method":"ping"})");
  EXPECT_EQ(reply.at("jsonrpc"), "2.0");
  EXPECT_EQ(reply.at("id"), "a1");
  EXPECT_EQ(reply.at("result").at("method"), "ping");
}

TEST(JsonRpc, NotificationIsHandledButNotAnswered) {
  int calls = 0;
  EXPECT_TRUE(reply_to(R"({"jsonrpc":"2.0","method":"notifications/initialized"})", &calls).is_null());
  EXPECT_EQ(calls, 1);
}

TEST(JsonRpc, ClientResponseIsIgnored) {
  int calls = 0;
  EXPECT_TRUE(reply_to(R"({"jsonrpc":"2.0","id":3,"result":{}})", &calls).is_null());
  EXPECT_EQ(calls, 0);
}

TEST(JsonRpc, MalformedJsonIsParseErrorWithNullId) {
  auto reply = reply_to(R"({"jsonrpc":"2.0","id":1,)");
  EXPECT_EQ(error_code(reply), kParseError);
  EXPECT_TRUE(reply.at("id").is_null());
}

TEST(JsonRpc, InvalidEnvelopesAreInvalidRequests) {
  EXPECT_EQ(error_code(reply_to(R"({"jsonrpc":"1.0","id":1,"method":"ping"})")), kInvalidRequest);
  EXPECT_EQ(error_code(reply_to(R"({"jsonrpc":"2.0","id":1,"method":7})")), kInvalidRequest);
  EXPECT_EQ(error_code(reply_to(R"({"jsonrpc":"2.0","id":{"x":1},"method":"ping"})")), kInvalidRequest);
  EXPECT_EQ(error_code(reply_to(R"("ping")")), kInvalidRequest);
  EXPECT_EQ(error_code(reply_to(R"([])")), kInvalidRequest);
}

TEST(JsonRpc, NonObjectParamsAreInvalidParams) {
  EXPECT_EQ(error_code(reply_to(R"({"jsonrpc":"2.0","id":1,"method":"ping","params":[1]})")), kInvalidParams);
}

TEST(JsonRpc, ValidationErrorNamesTheFieldAndCarriesTheEnvelopeCode) {
  auto reply = reply_to(R"({"jsonrpc":"2.0","id":9,"method":"fail"})");
  EXPECT_EQ(error_code(reply), kInvalidParams);
  EXPECT_EQ(reply.at("id"), 9);
  EXPECT_EQ(reply.at("error").at("data").at("code"), "VALIDATION_ERROR");
  EXPECT_EQ(reply.at("error").at("data").at("details").at("field"), "x");
}

TEST(JsonRpc, BatchAnswersEachRequestAndSkipsNotifications) {
  int calls = 0;
  auto reply = reply_to(R"([{"jsonrpc":"2.0","id":1,"method":"a"},
                            {"jsonrpc":"2.0","method":"notifications/x"},
                            {"jsonrpc":"2.0","id":2,"method":"fail"},
                            42])",
                        &calls);
  EXPECT_EQ(calls, 3);
  ASSERT_TRUE(reply.is_array());
  const auto& replies = reply.get_array();
  ASSERT_EQ(replies.size(), 3u);
  EXPECT_EQ(replies[0].at("result").at("method"), "a");
  EXPECT_EQ(error_code(replies[1]), kInvalidParams);
  EXPECT_EQ(error_code(replies[2]), kInvalidRequest);
}

TEST(JsonRpc, BatchOfNotificationsHasNoReply) {
  EXPECT_TRUE(reply_to(R"([{"jsonrpc":"2.0","method":"a"},{"jsonrpc":"2.0","method":"b"}])").is_null());
}

TEST(JsonRpc, RecognisesInitialize) {
  auto payload = boost::json::parse(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})");
  EXPECT_TRUE(is_request_for(payload, "initialize"));
  EXPECT_FALSE(is_request_for(payload, "ping"));
  EXPECT_FALSE(is_request_for(boost::json::parse("[1]"), "initialize"));
}

}  // namespace
}  // namespace hirag::mcp
