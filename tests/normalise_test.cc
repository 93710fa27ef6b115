// NormaliseText: the text every extractor stores.
#include "pipeline/normalise.h"

#include <gtest/gtest.h>

namespace xref {
namespace {

struct Case {
  const char* in;
  const char* want;
};

TEST(NormaliseTest, Table) {
  const Case cases[] = {
      {"plain text", "plain text"},
      {"  lead and trail  ", "lead and trail"},
      {"no\xc2\xa0" "break", "no break"},              // U+00A0
      {"narrow\xe2\x80\xaf" "space", "narrow space"},  // U+202F
      {"tab\there\nnewline", "tab here newline"},
      {"many     spaces", "many spaces"},
      {"soft\xc2\xad" "hyphen", "softhyphen"},         // U+00AD removed
      {"zero\xe2\x80\x8bwidth", "zerowidth"},          // U+200B removed
      {"\xef\xac\x81nance e\xef\xac\x80" "ect", "finance effect"},  // ﬁ ﬀ
      {"cafe\xcc\x81", "caf\xc3\xa9"},                 // NFC composes e + U+0301
      {"\xe2\x80\x9c" "curly\xe2\x80\x9d \xe2\x80\x93 dash", "\xe2\x80\x9c" "curly\xe2\x80\x9d \xe2\x80\x93 dash"},
      {"\xc2\xa3" "45m", "\xc2\xa3" "45m"},
      {"bad\xff" "byte", "bad\xef\xbf\xbd" "byte"},    // invalid UTF-8 -> U+FFFD
      {"", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(NormaliseText(c.in), c.want) << "input: " << c.in;
  }
}

TEST(NormaliseTest, Utf8Validity) {
  EXPECT_TRUE(IsValidUtf8("\xc2\xa3" "45m"));
  EXPECT_FALSE(IsValidUtf8("\xc3"));
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));  // a UTF-16 surrogate encoded in UTF-8
  EXPECT_EQ(RepairUtf8("ok"), "ok");
  EXPECT_TRUE(IsValidUtf8(RepairUtf8("a\xc3z\xff")));
}

TEST(NormaliseTest, Utf8OrWindows1252) {
  EXPECT_EQ(Utf8OrWindows1252("\xc2\xa3" "45m"), "\xc2\xa3" "45m");  // UTF-8 stays
  EXPECT_EQ(Utf8OrWindows1252("\xa3" "45m"), "\xc2\xa3" "45m");      // Windows-1252 pound
  EXPECT_EQ(Utf8OrWindows1252("\x80\x85\x92"), "\xe2\x82\xac\xe2\x80\xa6\xe2\x80\x99");  // euro, ellipsis, apostrophe
  // A stray byte before a well-formed sequence: the sequence is kept.
  EXPECT_EQ(Utf8OrWindows1252("\xe9\xc3\xa9"), "\xc3\xa9\xc3\xa9");
  // A byte Windows-1252 leaves undefined still gives well-formed UTF-8.
  EXPECT_TRUE(IsValidUtf8(Utf8OrWindows1252("a\x81z\xed\xa0\x80")));
}

}  // namespace
}  // namespace xref

#include "pipeline/roman.h"

namespace xref {
namespace {

TEST(RomanNumeralTest, ThroughIcu) {
  EXPECT_EQ(RomanNumeral(4, false), "iv");
  EXPECT_EQ(RomanNumeral(1994, false), "mcmxciv");
  EXPECT_EQ(RomanNumeral(12, true), "XII");
  EXPECT_EQ(RomanNumeral(0, false), "0");
  EXPECT_EQ(RomanNumeral(4000, true), "4000");
}

}  // namespace
}  // namespace xref
