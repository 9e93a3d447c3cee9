// Bad facts are refused with the field named, before anything is stored.
#include "facts/fact_validation.hpp"

#include <gtest/gtest.h>

namespace hirag::facts {
namespace {

NewFact valid() {
  NewFact fact;
  fact.subject = "Alice";
  fact.predicate = "works_at";
  fact.object = "Acme";
  return fact;
}

std::string failing_field(const NewFact& fact, std::string_view prefix = "") {
  FactsConfig config;
  config.max_field_bytes = 16;
  auto status = validate_fact(prefix, fact, config);
  if (status.ok()) return "<accepted>";
  EXPECT_EQ(status.error().code, ErrorCode::Validation);
  return std::string(status.error().details.at("field").as_string());
}

TEST(FactValidationTest, AcceptsAPlainFact) { EXPECT_EQ(failing_field(valid()), "<accepted>"); }

TEST(FactValidationTest, EmptyOrBlankPartsAreNamed) {
  auto fact = valid();
  fact.subject = "";
  EXPECT_EQ(failing_field(fact), "subject");
  fact = valid();
  fact.predicate = " \t ";
  EXPECT_EQ(failing_field(fact), "predicate");
  fact = valid();
  fact.object = "\xC2\xA0";  // a no-break space only
  EXPECT_EQ(failing_field(fact, "facts[2]"), "facts[2].object");
}

TEST(FactValidationTest, OverLongAndControlCharactersAreRefused) {
  auto fact = valid();
  fact.object = std::string(17, 'x');
  EXPECT_EQ(failing_field(fact), "object");
  fact = valid();
  fact.subject = "a\nb";
  EXPECT_EQ(failing_field(fact), "subject");
  fact = valid();
  fact.anchor = store::FactAnchor{std::string(17, 'd'), std::nullopt, {}, {}, {}};
  EXPECT_EQ(failing_field(fact), "source_anchor.doc_id");
}

TEST(FactValidationTest, ConfidenceOutsideZeroToOne) {
  auto fact = valid();
  fact.confidence = 1.01;
  EXPECT_EQ(failing_field(fact), "confidence");
  fact.confidence = -0.1;
  EXPECT_EQ(failing_field(fact), "confidence");
  fact.confidence = 0;
  EXPECT_EQ(failing_field(fact), "<accepted>");
}

TEST(FactValidationTest, ValidToMustFollowValidFrom) {
  auto fact = valid();
  fact.valid_from_ms = 2000;
  fact.valid_to_ms = 1000;
  EXPECT_EQ(failing_field(fact), "valid_to");
  fact.valid_to_ms = 3000;
  EXPECT_EQ(failing_field(fact), "<accepted>");
}

TEST(FactValidationTest, DatatypeConstrainsTheObject) {
  auto fact = valid();
  fact.datatype = "integer";
  EXPECT_EQ(failing_field(fact), "datatype");
  fact.datatype = "number";
  EXPECT_EQ(failing_field(fact), "object");
  fact.object = "42.5";
  EXPECT_EQ(failing_field(fact), "<accepted>");
  fact.datatype = "date";
  EXPECT_EQ(failing_field(fact), "object");
  fact.object = "2026-02-30";
  EXPECT_EQ(failing_field(fact), "object");
  fact.object = "2026-02-28";
  EXPECT_EQ(failing_field(fact), "<accepted>");
  fact.datatype = "bool";
  fact.object = "yes";
  EXPECT_EQ(failing_field(fact), "object");
  fact.object = "true";
  EXPECT_EQ(failing_field(fact), "<accepted>");
}

TEST(FactValidationTest, NamespaceFollowsTheItemRules) {
  auto fact = valid();
  fact.name_space = "has space";
  EXPECT_EQ(failing_field(fact), "namespace");
}

}  // namespace
}  // namespace hirag::facts
