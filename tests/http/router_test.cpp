#include "http/router.hpp"

#include <gtest/gtest.h>

namespace hirag::http {
namespace {

Response named(std::string name) {
  Response r;
  r.body = std::move(name);
  return r;
}

Router make_router() {
  Router router;
  router.add(Method::Post, "/api/v1/contexts/search", [](Request&) { return named("search"); });
  router.add(Method::Get, "/api/v1/contexts/{id}", [](Request&) { return named("get"); });
  router.add(Method::Delete, "/api/v1/contexts/{id}", [](Request&) { return named("delete"); });
  router.add(Method::Get, "/health", [](Request&) { return named("health"); });
  return router;
}

TEST(RouterTest, MatchesLiteralAndParameterRoutes) {
  auto router = make_router();
  Request req;
  req.path = "/api/v1/contexts/abc";
  auto m = router.match(Method::Get, req);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(req.route, "/api/v1/contexts/{id}");
  EXPECT_EQ(req.path_param("id"), "abc");
}

TEST(RouterTest, LiteralSegmentWinsOverParameter) {
  auto router = make_router();
  Request req;
  req.path = "/api/v1/contexts/search";
  auto m = router.match(Method::Post, req);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/contexts/search");
}

TEST(RouterTest, UnknownPathHasNoAllowedMethods) {
  auto router = make_router();
  Request req;
  req.path = "/api/v2/nothing";
  auto m = router.match(Method::Get, req);
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.allowed.empty());
}

TEST(RouterTest, WrongMethodListsAllowedOnes) {
  auto router = make_router();
  Request req;
  req.path = "/api/v1/contexts/xyz";
  auto m = router.match(Method::Post, req);
  EXPECT_EQ(m.route, nullptr);
  ASSERT_EQ(m.allowed.size(), 2u);
  EXPECT_EQ(m.allowed[0], Method::Get);
  EXPECT_EQ(m.allowed[1], Method::Delete);
}

TEST(RouterTest, TrailingSlashAndDoubleSlashMatchTheSameRoute) {
  auto router = make_router();
  Request req;
  req.path = "/health/";
  EXPECT_NE(router.match(Method::Get, req).route, nullptr);
}

}  // namespace
}  // namespace hirag::http
