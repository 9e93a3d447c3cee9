// tests/context/budget_test: slot defaults, proportional scaling to a window, the
// completion reserve, overrides and the validation messages.
#include "context/budget.hpp"

#include <gtest/gtest.h>

namespace hirag::context {
namespace {

TEST(Budget, DefaultsAreTheSeedSlots) {
  auto budget = make_budget(ContextConfig{}, {});
  ASSERT_TRUE(budget) << budget.error().message;
  EXPECT_EQ(budget->system, 700u);
  EXPECT_EQ(budget->brief, 1200u);
  EXPECT_EQ(budget->turns, 450u);
  EXPECT_EQ(budget->retrieved, 3750u);
  EXPECT_EQ(budget->completion, 1000u);
  EXPECT_EQ(budget->window, 8000u);
  EXPECT_EQ(budget->prompt_limit(), 7000u);
}

TEST(Budget, ScalesEverySlotToTheWindow) {
  auto budget = make_budget(ContextConfig{}, {.window = 128000});
  ASSERT_TRUE(budget);
  EXPECT_EQ(budget->completion, 16000u);
  EXPECT_EQ(budget->system, 11200u);
  EXPECT_EQ(budget->brief, 19200u);
  EXPECT_EQ(budget->turns, 7200u);
  EXPECT_EQ(budget->retrieved, 60000u);
}

TEST(Budget, CompletionFromTheRequestScalesThePromptSpace) {
  auto budget = make_budget(ContextConfig{}, {.window = 128000, .completion = 4000});
  ASSERT_TRUE(budget);
  EXPECT_EQ(budget->completion, 4000u);
  // prompt space 124000 / 7000 of the defaults
  EXPECT_EQ(budget->system, 700u * 124000 / 7000);
  EXPECT_EQ(budget->retrieved, 3750u * 124000 / 7000);
  EXPECT_LE(budget->prompt_slots(), budget->prompt_limit());
}

TEST(Budget, SmallWindowStillFits) {
  auto budget = make_budget(ContextConfig{}, {.window = 100, .completion = 90});
  ASSERT_TRUE(budget);
  EXPECT_LE(budget->prompt_slots(), 10u);
}

TEST(Budget, WindowOutOfRangeNamesTheField) {
  for (int64_t window : {int64_t{0}, int64_t{-5}, int64_t{3'000'000}}) {
    auto budget = make_budget(ContextConfig{}, {.window = window});
    ASSERT_FALSE(budget);
    EXPECT_EQ(budget.error().code, ErrorCode::Validation);
    EXPECT_EQ(budget.error().details.at("field"), "max_tokens");
  }
}

TEST(Budget, CompletionMustLeaveRoomForAPrompt) {
  auto budget = make_budget(ContextConfig{}, {.window = 1000, .completion = 1000});
  ASSERT_FALSE(budget);
  EXPECT_EQ(budget.error().details.at("field"), "completion_tokens");
  EXPECT_NE(budget.error().message.find("(1000)"), std::string::npos) << budget.error().message;
  auto negative = make_budget(ContextConfig{}, {.window = 1000, .completion = -1});
  ASSERT_FALSE(negative);
  EXPECT_EQ(negative.error().details.at("field"), "completion_tokens");
}

TEST(Budget, OverridesAreAbsoluteAndMustFit) {
  auto budget = make_budget(ContextConfig{}, {.window = 8000, .slots = {.system = 100, .retrieved = 5000}});
  ASSERT_TRUE(budget);
  EXPECT_EQ(budget->system, 100u);
  EXPECT_EQ(budget->retrieved, 5000u);
  EXPECT_EQ(budget->brief, 1200u);

  auto too_big = make_budget(ContextConfig{}, {.window = 8000, .slots = {.retrieved = 7000}});
  ASSERT_FALSE(too_big);
  EXPECT_EQ(too_big.error().details.at("field"), "slots");
  EXPECT_NE(too_big.error().message.find("9350"), std::string::npos) << too_big.error().message;
  EXPECT_NE(too_big.error().message.find("7000"), std::string::npos) << too_big.error().message;

  auto negative = make_budget(ContextConfig{}, {.slots = {.turns = -1}});
  ASSERT_FALSE(negative);
  EXPECT_EQ(negative.error().details.at("field"), "slots.turns");
}

TEST(Budget, FactsSlotScalesAndComesOutOfTheRetrievalRoom) {
  auto budget = make_budget(ContextConfig{}, {.window = 128000});
  ASSERT_TRUE(budget);
  EXPECT_EQ(budget->facts, 6400u);
  EXPECT_EQ(budget->prompt_slots(), budget->system + budget->brief + budget->turns + budget->retrieved)
      << "the facts add nothing to the sum the window must hold";
  auto large = make_budget(ContextConfig{}, {.window = 8000, .slots = {.retrieved = 4000, .facts = 2000}});
  ASSERT_TRUE(large) << "6350 of slots and 2000 of facts fit in 7000: facts share the retrieval room";
  EXPECT_EQ(large->facts, 2000u);
  auto negative = make_budget(ContextConfig{}, {.slots = {.facts = -5}});
  ASSERT_FALSE(negative);
  EXPECT_EQ(negative.error().details.at("field"), "slots.facts");
}

}  // namespace
}  // namespace hirag::context
