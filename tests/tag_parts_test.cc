// The tagger's parts on their own: calendar arithmetic, ICU number words and
// ICU sentence boundaries.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <re2/re2.h>

#include "pipeline/number_words.h"
#include "pipeline/segment.h"
#include "pipeline/tag_calendar.h"

namespace xref {
namespace {

TEST(CalendarTest, IsoWeeks) {
  struct Row {
    CivilDate date;
    int year, week;
  } rows[] = {{{2023, 3, 21}, 2023, 12}, {{2023, 1, 1}, 2022, 52}, {{2021, 1, 3}, 2020, 53},
              {{2024, 12, 30}, 2025, 1}, {{2023, 1, 2}, 2023, 1}};
  for (const Row& r : rows) {
    IsoWeek w = IsoWeekOf(r.date);
    EXPECT_EQ(w.year, r.year) << FormatIso(r.date);
    EXPECT_EQ(w.week, r.week) << FormatIso(r.date);
  }
  EXPECT_EQ(FormatIso(MondayOfIsoWeek(2023, 12)), "2023-03-20");
  EXPECT_EQ(IsoWeeksInYear(2020), 53);
  EXPECT_EQ(IsoWeeksInYear(2023), 52);
}

TEST(CalendarTest, Arithmetic) {
  EXPECT_EQ(FormatIso(AddMonths({2023, 1, 31}, 1)), "2023-02-28");
  EXPECT_EQ(FormatIso(AddMonths({2024, 1, 31}, 1)), "2024-02-29");
  EXPECT_EQ(FormatIso(AddMonths({2023, 3, 15}, -3)), "2022-12-15");
  EXPECT_EQ(FormatIso(AddYears({2024, 2, 29}, 1)), "2025-02-28");
  EXPECT_EQ(FormatIso(AddDays({2023, 12, 31}, 1)), "2024-01-01");
  EXPECT_EQ(Weekday({2023, 3, 22}), 2);  // a Wednesday
  for (long d = -800000; d < 800000; d += 9973) {
    EXPECT_EQ(DaysFromCivil(CivilFromDays(d)), d);
  }
  EXPECT_FALSE(ParseIsoDate("2023-02-29"));
  EXPECT_FALSE(ParseIsoDate("2023-2-1"));
  ASSERT_TRUE(ParseIsoDate("2024-02-29"));
  EXPECT_EQ(FormatIso(*ParseIsoDate("2024-02-29")), "2024-02-29");
}

TEST(NumberWordsTest, ParsesThroughIcuSpellout) {
  const NumberWords& words = NumberWords::English();
  struct Row {
    const char* text;
    double value;
  } rows[] = {{"forty-five", 45},          {"forty five", 45},       {"nine million", 9e6},
              {"twelve", 12},              {"Twelve", 12},           {"thirty", 30},
              {"one hundred and twenty", 120}, {"forty-five million", 45e6}, {"two thousand", 2000}};
  for (const Row& r : rows) {
    std::optional<double> v = words.Parse(r.text);
    ASSERT_TRUE(v.has_value()) << r.text;
    EXPECT_DOUBLE_EQ(*v, r.value) << r.text;
  }
  EXPECT_FALSE(words.Parse("banana").has_value());
  EXPECT_FALSE(words.Parse("").has_value());
  EXPECT_EQ(words.ParseOrdinal("twentieth"), 20);
  EXPECT_EQ(words.ParseOrdinal("twenty-first"), 21);
  EXPECT_EQ(words.ParseOrdinal("19th"), 19);
}

TEST(NumberWordsTest, PatternsMatchWhatParses) {
  const NumberWords& words = NumberWords::English();
  RE2 cardinal(words.CardinalPattern());
  ASSERT_TRUE(cardinal.ok()) << cardinal.error();
  for (const char* text : {"forty-five", "nine million", "one hundred and twenty", "Seven"}) {
    EXPECT_TRUE(RE2::FullMatch(text, cardinal)) << text;
  }
  EXPECT_FALSE(RE2::FullMatch("someone", cardinal));
  RE2 ordinal(words.OrdinalPattern());
  ASSERT_TRUE(ordinal.ok()) << ordinal.error();
  EXPECT_TRUE(RE2::FullMatch("twenty-first", ordinal));
  EXPECT_FALSE(RE2::FullMatch("twenty", ordinal));
}

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  for (const TextRange& r : SplitSentences(text)) out.push_back(text.substr(r.start, r.end - r.start));
  return out;
}

TEST(SegmentTest, SplitsSentencesWithIcu) {
  EXPECT_EQ(Sentences("The Council will act. We welcome this!  Will it work? Yes."),
            (std::vector<std::string>{"The Council will act.", "We welcome this!", "Will it work?", "Yes."}));
  // Decimal points and standard abbreviations do not end sentences.
  EXPECT_EQ(Sentences("It costs £1.6 billion. Mr. Smith agreed, e.g. on funding."),
            (std::vector<std::string>{"It costs £1.6 billion.", "Mr. Smith agreed, e.g. on funding."}));
  EXPECT_TRUE(Sentences("").empty());
  EXPECT_TRUE(Sentences("   ").empty());
}

TEST(SegmentTest, SentenceAtFindsTheSentenceHoldingAByte) {
  std::string text = "First one. The Government will publish a plan. Last one.";
  TextRange r = SentenceAt(text, text.find("publish"));
  EXPECT_EQ(text.substr(r.start, r.end - r.start), "The Government will publish a plan.");
  r = SentenceAt(text, 0);
  EXPECT_EQ(text.substr(r.start, r.end - r.start), "First one.");
}

}  // namespace
}  // namespace xref
