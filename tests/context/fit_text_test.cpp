// tests/context/fit_text_test: cutting a text to a token predicate on UTF-8
// character boundaries, keeping the head or the tail.
#include "context/fit_text.hpp"

#include <gtest/gtest.h>

#include "context/counting.hpp"

namespace hirag::context {
namespace {

TEST(FitText, KeepsTextThatFits) {
  EXPECT_EQ(fit_text("short", Keep::head, [](std::string_view) { return true; }), "short");
}

TEST(FitText, HeadAndTailRespectThePredicate) {
  const auto count = exact_token_counter();
  const std::string text = "one two three four five six seven eight nine ten";
  const auto fits = [&](std::string_view t) { return count(t, tokenize::Encoding::cl100k_base) <= 4; };
  const auto head = fit_text(text, Keep::head, fits);
  const auto tail = fit_text(text, Keep::tail, fits);
  EXPECT_TRUE(fits(head));
  EXPECT_TRUE(fits(tail));
  EXPECT_EQ(text.rfind(head, 0), 0u);
  EXPECT_EQ(text.substr(text.size() - tail.size()), tail);
  EXPECT_GE(head.size(), std::string("one two three").size());
}

TEST(FitText, NeverSplitsACharacter) {
  const std::string text = "ééééé";  // 2 bytes each
  const auto fits = [](std::string_view t) { return t.size() <= 5; };
  EXPECT_EQ(fit_text(text, Keep::head, fits), "éé");
  EXPECT_EQ(fit_text(text, Keep::tail, fits), "éé");
}

TEST(FitText, EmptyWhenNothingFits) {
  EXPECT_EQ(fit_text("abc", Keep::head, [](std::string_view t) { return t.empty(); }), "");
}

}  // namespace
}  // namespace hirag::context
