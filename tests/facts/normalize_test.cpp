// The dedup key: spellings a reader takes for the same fact normalize alike, and
// the length-prefixed hash keeps field boundaries (the prototype's did not).
#include "facts/normalize.hpp"

#include <gtest/gtest.h>

namespace hirag::facts {
namespace {

TEST(NormalizeTest, FoldsCaseAndCollapsesWhitespace) {
  EXPECT_EQ(normalize_field("  Alice \t  SMITH\n"), "alice smith");
  EXPECT_EQ(normalize_field("works_at"), "works_at");
}

TEST(NormalizeTest, UnicodeSpacesCountAsWhitespace) {
  // U+00A0 no-break space and U+3000 ideographic space.
  EXPECT_EQ(normalize_field("new\xC2\xA0york\xE3\x80\x80" "city"), "new york city");
  EXPECT_EQ(normalize_field("\xC2\xA0\xE3\x80\x80"), "");
}

TEST(NormalizeTest, ComposedAndDecomposedAccentsAreOneSpelling) {
  const std::string composed = "Jos\xC3\xA9";     // é as U+00E9
  const std::string decomposed = "Jose\xCC\x81";  // e + U+0301
  EXPECT_EQ(normalize_field(composed), normalize_field(decomposed));
  EXPECT_EQ(normalize_field(decomposed), "jos\xC3\xA9");
}

TEST(NormalizeTest, FullCaseFoldingOfNonAsciiLetters) {
  EXPECT_EQ(normalize_field("STRASSE"), normalize_field("strasse"));
  EXPECT_EQ(normalize_field("Stra\xC3\x9F" "e"), "strasse");  // ß folds to ss
  EXPECT_EQ(normalize_field("\xCE\x9F\xCE\x94\xCE\x8F\xCE\xA3"), normalize_field("\xCE\xBF\xCE\xB4\xCF\x8E\xCF\x83"));
}

TEST(NormalizeTest, HashIsHexSha256AndStableAcrossCalls) {
  const auto hash = fact_hash("alice", "works_at", "acme");
  EXPECT_EQ(hash.size(), 64U);
  EXPECT_EQ(hash, fact_hash("alice", "works_at", "acme"));
  EXPECT_NE(hash, fact_hash("alice", "works_at", "acme2"));
}

TEST(NormalizeTest, FieldBoundariesMatter) {
  EXPECT_NE(fact_hash("ab", "c", "d"), fact_hash("a", "bc", "d"));
  EXPECT_NE(fact_hash("a", "", "bc"), fact_hash("a", "b", "c"));
  EXPECT_NE(property_hash("a1", ""), property_hash("a", "1"));
}

}  // namespace
}  // namespace hirag::facts
