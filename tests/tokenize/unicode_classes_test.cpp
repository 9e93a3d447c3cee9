// The generated class table against the TSV it was generated from, and the
// scanner's hand-written ASCII flags against the table.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "parity_data.hpp"
#include "tokenize/pretokenize/char_scan.hpp"
#include "tokenize/unicode/unicode_classes.hpp"

namespace hirag::tokenize {
namespace {

using unicode::CharClass;
using unicode::class_of;

TEST(UnicodeClasses, MatchTheTsvEverywhere) {
  const std::string tsv = testing::read_file(testing::parity_dir() + "/unicode16-classes.tsv");
  ASSERT_FALSE(tsv.empty());
  const std::map<std::string, CharClass> classes = {
      {"Lu", CharClass::Lu}, {"Ll", CharClass::Ll}, {"Lt", CharClass::Lt}, {"Lm", CharClass::Lm},
      {"Lo", CharClass::Lo}, {"M", CharClass::M},   {"N", CharClass::N},   {"White_Space", CharClass::Space}};
  std::vector<CharClass> expected(0x110000, CharClass::Other);
  std::istringstream in(tsv);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string name, first, last;
    fields >> name >> first >> last;
    auto it = classes.find(name);
    if (it == classes.end()) continue;  // L: the union of the letter classes
    for (char32_t cp = std::stoul(first, nullptr, 16); cp <= std::stoul(last, nullptr, 16); ++cp) expected[cp] = it->second;
  }
  for (char32_t cp = 0; cp < 0x110000; ++cp) ASSERT_EQ(class_of(cp), expected[cp]) << std::hex << static_cast<uint32_t>(cp);
  EXPECT_EQ(class_of(0x110000), CharClass::Other);
}

TEST(UnicodeClasses, KnownCodePoints) {
  EXPECT_EQ(class_of(U'A'), CharClass::Lu);
  EXPECT_EQ(class_of(U'ſ'), CharClass::Ll);
  EXPECT_EQ(class_of(U'ǅ'), CharClass::Lt);
  EXPECT_EQ(class_of(U'ʰ'), CharClass::Lm);
  EXPECT_EQ(class_of(U'中'), CharClass::Lo);
  EXPECT_EQ(class_of(0x0301), CharClass::M);
  EXPECT_EQ(class_of(U'٣'), CharClass::N);
  EXPECT_EQ(class_of(0x3000), CharClass::Space);
  EXPECT_EQ(class_of(0x1C), CharClass::Other);  // not White_Space, unlike C isspace
  EXPECT_EQ(class_of(0xE000), CharClass::Other);
}

TEST(UnicodeClasses, AsciiFlagsAgreeWithTable) {
  for (char32_t cp = 0; cp < 128; ++cp) {
    uint8_t flags = pretokenize::kFlagsOfClass[static_cast<size_t>(class_of(cp))];
    if (cp == '\r' || cp == '\n') flags |= pretokenize::kNewline;
    EXPECT_EQ(pretokenize::kAsciiFlags[cp], flags) << static_cast<uint32_t>(cp);
  }
}

}  // namespace
}  // namespace hirag::tokenize
