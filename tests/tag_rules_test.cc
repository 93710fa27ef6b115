// One row per rule of ../shared/spec/tags.md and per form of issue 10: the
// text, the document date it is read against, the tag expected (kind and
// exact text) and the value fields it must carry (a subset of TagToJson's
// "value"). Rows with no expected text assert that no tag of that kind
// overlaps the given phrase.
#include <iostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "pipeline/tag.h"

namespace xref {
namespace {

struct Case {
  const char* text;
  const char* doc_date;  // "" = none
  const char* kind;
  const char* tag_text;  // the expected tag's exact text; "" = no such tag
  const char* value;     // JSON object: fields the value must have ("" for negatives)
};

const Tagger& SharedTagger() {
  static const Tagger* tagger = new Tagger();
  return *tagger;
}

std::string Describe(const std::vector<Tag>& tags) {
  std::string out;
  for (const Tag& t : tags) out += "\n    " + TagToJson(t).dump();
  return out;
}

void Check(const Case& c) {
  TagOptions options;
  options.document_date = c.doc_date;
  std::vector<Tag> tags = SharedTagger().Find(c.text, options);
  std::string kind = c.kind;
  std::string want = c.tag_text;
  if (want.empty()) {
    for (const Tag& t : tags) {
      EXPECT_NE(TagKindName(t.kind), kind) << "unexpected " << kind << " in: " << c.text << Describe(tags);
    }
    return;
  }
  const Tag* found = nullptr;
  for (const Tag& t : tags) {
    if (TagKindName(t.kind) == kind && t.text == want) found = &t;
  }
  ASSERT_NE(found, nullptr) << "no " << kind << " tag '" << want << "' in: " << c.text << Describe(tags);
  EXPECT_EQ(std::string(c.text).substr(found->start, found->end - found->start), want);
  nlohmann::json value = TagToJson(*found)["value"];
  nlohmann::json expected = nlohmann::json::parse(c.value);
  for (auto it = expected.begin(); it != expected.end(); ++it) {
    EXPECT_EQ(value[it.key()], it.value())
        << c.text << " (date " << c.doc_date << "): field '" << it.key() << "' of " << value.dump();
  }
}

// Test names that say which row failed: "Date/TagRules.Tags/12_by_the_end_of_2023"
// rather than "40-byte object <...>". Letters and digits of the row's text,
// words joined by '_', after the row's index (which keeps names unique).
template <typename Row>
std::string RowName(const ::testing::TestParamInfo<Row>& info) {
  std::string name = std::to_string(info.index);
  bool gap = true;
  for (const char* p = info.param.text; *p != '\0' && name.size() < 48; ++p) {
    const char c = *p;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      if (gap) name += '_';
      name += c;
      gap = false;
    } else {
      gap = true;
    }
  }
  return name;
}

// What gtest prints for a failing row: its text, not its bytes.
void PrintTo(const Case& c, std::ostream* os) { *os << c.text; }

class TagRules : public ::testing::TestWithParam<Case> {};
TEST_P(TagRules, Tags) { Check(GetParam()); }

// ---- money -----------------------------------------------------------------
const Case kMoney[] = {
    {"It costs £45 million in total.", "", "money", "£45 million", R"({"currency":"GBP","amount":45000000})"},
    {"It costs £45m in total.", "", "money", "£45m", R"({"amount":45000000})"},
    {"It costs £45 m in total.", "", "money", "£45 m", R"({"amount":45000000})"},
    {"It costs £45,000,000.", "", "money", "£45,000,000", R"({"amount":45000000})"},
    {"It costs 45 million pounds.", "", "money", "45 million pounds", R"({"currency":"GBP","amount":45000000})"},
    {"It costs forty-five million pounds.", "", "money", "forty-five million pounds", R"({"amount":45000000})"},
    {"A shortfall of £1.6 billion.", "", "money", "£1.6 billion", R"({"amount":1600000000})"},
    {"A further £10bn was found.", "", "money", "£10bn", R"({"amount":10000000000})"},
    {"It reached £2.6bn.", "", "money", "£2.6bn", R"({"amount":2600000000})"},
    {"Only £0.23 per head.", "", "money", "£0.23", R"({"amount":0.23})"},
    {"A grant of £3,000.", "", "money", "£3,000", R"({"amount":3000})"},
    {"A bonus of £3k.", "", "money", "£3k", R"({"amount":3000})"},
    {"£1.6 billion per year is needed.", "", "money", "£1.6 billion per year", R"({"amount":1600000000,"per":"year"})"},
    {"It pays £650 a year.", "", "money", "£650 a year", R"({"per":"year"})"},
    {"It pays £120.50 per week.", "", "money", "£120.50 per week", R"({"amount":120.5,"per":"week"})"},
    {"Staff earn £12 per hour.", "", "money", "£12 per hour", R"({"per":"hour"})"},
    {"It costs £5,000 per annum.", "", "money", "£5,000 per annum", R"({"per":"year"})"},
    {"It saves £3.2m annually.", "", "money", "£3.2m annually", R"({"per":"year"})"},
    {"It rose from £1,000 to £3,000.", "", "money", "£1,000", R"({"amount":1000})"},
    {"It rose from £1,000 to £3,000.", "", "money", "£3,000", R"({"amount":3000})"},
    {"A range of £20m–£25m.", "", "money", "£20m", R"({"amount":20000000})"},
    {"A range of £20m–£25m.", "", "money", "£25m", R"({"amount":25000000})"},
    {"A range of £20–25m.", "", "money", "£20", R"({"amount":20000000})"},
    {"A range of £20–25m.", "", "money", "25m", R"({"amount":25000000})"},
    {"Costs of $1.2 billion.", "", "money", "$1.2 billion", R"({"currency":"USD","amount":1200000000})"},
    {"Grants of €50,000.", "", "money", "€50,000", R"({"currency":"EUR","amount":50000})"},
    {"Twelve thousand pounds is the cap.", "", "money", "Twelve thousand pounds", R"({"amount":12000})"},
    {"It costs half a million pounds.", "", "money", "half a million pounds", R"({"currency":"GBP","amount":500000})"},
    {"Nearly a quarter of a million pounds.", "", "money", "a quarter of a million pounds", R"({"amount":250000})"},
    {"A bill of one and a half million pounds.", "", "money", "one and a half million pounds", R"({"amount":1500000})"},
    {"It raised a million pounds.", "", "money", "a million pounds", R"({"amount":1000000})"},
    {"There were 45 visits.", "", "money", "", ""},
    // A range whose scale is written once, the second end with its symbol.
    {"Grants of between £10 and £20 million are available.", "", "money", "£10", R"({"amount":10000000})"},
    {"Grants of between £10 and £20 million are available.", "", "money", "£20 million", R"({"amount":20000000})"},
    {"From £10 to £20m a year.", "", "money", "£10", R"({"amount":10000000})"},
    // "and" joins a range only after "between".
    {"Costs of £10 and £20 million respectively.", "", "money", "£10", R"({"amount":10})"},
    // A whole sum at the low end keeps its own value: digits grouped in
    // thousands, or a scale that would put the low end above the high one.
    {"Awards of between £250,000 and £2m each.", "", "money", "£250,000", R"({"amount":250000})"},
    {"Awards of between £250,000 and £2m each.", "", "money", "£2m", R"({"amount":2000000})"},
    {"Bids from £500 to £1bn.", "", "money", "£500", R"({"amount":500})"},
    {"Bids from £500 to £1bn.", "", "money", "£1bn", R"({"amount":1000000000})"},
};
INSTANTIATE_TEST_SUITE_P(Money, TagRules, ::testing::ValuesIn(kMoney), RowName<Case>);

// ---- percent ---------------------------------------------------------------
const Case kPercent[] = {
    {"It rose by 12.43 per cent.", "", "percent", "12.43 per cent", R"({"percent":12.43})"},
    {"It rose by 12.43%.", "", "percent", "12.43%", R"({"percent":12.43})"},
    {"It rose by 12.43 percent.", "", "percent", "12.43 percent", R"({"percent":12.43})"},
    {"It rose by thirty per cent.", "", "percent", "thirty per cent", R"({"percent":30})"},
    {"A rise of 1.3 percentage points.", "", "percent", "1.3 percentage points", R"({"percent":1.3,"points":true})"},
    // "up to 40" is tried as a count first, and is none: the percentage stands.
    {"It saves passengers up to 40% on fares.", "", "percent", "40%", R"({"percent":40})"},
    {"Savings of up to 40 per cent.", "", "percent", "40 per cent", R"({"percent":40})"},
    {"It adds more than 10% to output.", "", "percent", "10%", R"({"percent":10})"},
};
INSTANTIATE_TEST_SUITE_P(Percent, TagRules, ::testing::ValuesIn(kPercent), RowName<Case>);

// ---- count -----------------------------------------------------------------
const Case kCount[] = {
    {"It will create 3,500 new, well-paid jobs.", "", "count", "3,500 new, well-paid jobs", R"({"count":3500,"unit":"jobs"})"},
    {"Funding for up to 12 local areas.", "", "count", "up to 12 local areas", R"({"count":12,"unit":"areas","qualifier":"up to"})"},
    {"We chose seven dedicated Pathfinders.", "", "count", "seven dedicated Pathfinders", R"({"count":7,"unit":"pathfinders"})"},
    {"It starts in two areas.", "", "count", "two areas", R"({"count":2,"unit":"areas"})"},
    {"We will train 500 additional apprentices.", "", "count", "500 additional apprentices", R"({"count":500})"},
    {"At least 40 schools took part.", "", "count", "At least 40 schools", R"({"count":40,"qualifier":"at least"})"},
    {"More than 1.2 million households wait.", "", "count", "More than 1.2 million households", R"({"count":1200000,"qualifier":"more than"})"},
    {"Support for young people up to age 25.", "", "count", "", ""},
    {"Pillar 5: a valued workforce for all children.", "", "count", "", ""},
    {"See Mission 2 projects.", "", "count", "", ""},
    {"Regulation 44 visits are monthly.", "", "count", "", ""},
    {"Under Section 17 families get help.", "", "count", "", ""},
    {"The vision is on page 104 of the strategy.", "", "count", "", ""},
    {"As set out in paragraph 12 councils must act.", "", "count", "", ""},
    {"Tel: 0116 305 2649", "", "count", "", ""},
    {"1. Councils will act.", "", "count", "", ""},
    {"Open from 9am to 5pm daily.", "", "count", "", ""},
    {"Meet at 10:30 tomorrow.", "", "count", "", ""},
    {"It rose by 30 per cent.", "", "count", "", ""},
    {"Grants of £3,000 each.", "", "count", "", ""},
    {"A 26-week limit applies.", "", "count", "", ""},
    {"In 2023 councils overspent.", "", "count", "", ""},
    // A year that qualifies a measure is a year, not a number of things.
    {"Emissions fall 68% against 1990 levels.", "", "count", "", ""},
    {"Emissions fall 68% against 1990 levels.", "", "date", "1990", R"({"start":"1990-01-01","end":"1990-12-31"})"},
    {"The 2024 figures were published.", "", "count", "", ""},
    {"We will build 1500 homes.", "", "count", "1500 homes", R"({"count":1500,"unit":"homes"})"},
    // A proportion is not a number of things.
    {"In the year to March, 1 in 5 calls went unanswered.", "", "count", "", ""},
    {"One in four children lives in poverty.", "", "count", "", ""},
    {"The council invested in 5 new schools.", "", "count", "5 new schools", R"({"count":5,"unit":"schools"})"},
    // Scale letters, "+", and a number of a number of things.
    {"We will install 1.5k EV chargers.", "", "count", "1.5k EV chargers", R"({"count":1500,"unit":"chargers"})"},
    {"Buses serve 2m people a year.", "", "count", "2m people", R"({"count":2000000,"unit":"people"})"},
    {"A 2m high fence and 3m tall trees.", "", "count", "", ""},
    {"Buses run on 300+ routes.", "", "count", "300+ routes", R"({"count":300,"qualifier":"at least"})"},
    {"So far 12 of its 84 schools are rated outstanding.", "", "count", "12 of its 84 schools",
     R"({"count":12,"unit":"schools"})"},
    // A verb opening a list item or a sentence does not make the number an identifier.
    {"Open 40 additional acute beds at Northgate General Hospital.", "", "count", "40 additional acute beds", R"({"count":40,"unit":"beds"})"},
    {"\u2022 Recruit 25 nurses by October 2027.", "", "count", "25 nurses", R"({"count":25,"unit":"nurses"})"},
    {"See Pillar 5 of the plan.", "", "count", "", ""},
    // A fund's round, wave or tranche is named by its number.
    {"The Housing Fund round 3 allocates £450 million.", "", "count", "", ""},
    {"Wave 2 of the programme opens in May.", "", "count", "", ""},
    {"Tranche 1 funding was paid in June.", "", "count", "", ""},
};
INSTANTIATE_TEST_SUITE_P(Count, TagRules, ::testing::ValuesIn(kCount), RowName<Case>);

// ---- date: absolute forms --------------------------------------------------
const Case kDate[] = {
    {"Published 2 February 2023.", "", "date", "2 February 2023", R"({"start":"2023-02-02","end":"2023-02-02","precision":"day","timex":"2023-02-02"})"},
    {"Published 2nd February 2023.", "", "date", "2nd February 2023", R"({"start":"2023-02-02","end":"2023-02-02"})"},
    {"Published 02/02/2023.", "", "date", "02/02/2023", R"({"start":"2023-02-02"})"},
    {"Published 03/02/2023.", "", "date", "03/02/2023", R"({"start":"2023-02-03"})"},
    {"Published 2023-02-02.", "", "date", "2023-02-02", R"({"start":"2023-02-02","timex":"2023-02-02"})"},
    {"Effective on August 24, 2020.", "", "date", "August 24, 2020", R"({"start":"2020-08-24","end":"2020-08-24"})"},
    {"Published Tuesday 7 March 2023.", "", "date", "Tuesday 7 March 2023", R"({"start":"2023-03-07"})"},
    {"The review (May 2022) said so.", "", "date", "May 2022", R"({"start":"2022-05-01","end":"2022-05-31","precision":"month","timex":"2022-05"})"},
    {"Starting April 2023 it changes.", "", "date", "Starting April 2023", R"({"start":"2023-04-01","end":null,"bound":"from"})"},
    {"The review reported in April 2023.", "", "date", "April 2023", R"({"start":"2023-04-01","end":"2023-04-30"})"},
    {"February 2024 was wet.", "", "date", "February 2024", R"({"end":"2024-02-29"})"},
    {"Work starts in Spring 2023.", "", "date", "Spring 2023", R"({"start":"2023-03-01","end":"2023-05-31","precision":"season","timex":"2023-SP"})"},
    {"Work starts in Summer 2023.", "", "date", "Summer 2023", R"({"start":"2023-06-01","end":"2023-08-31","timex":"2023-SU"})"},
    {"Work starts in Autumn 2023.", "", "date", "Autumn 2023", R"({"start":"2023-09-01","end":"2023-11-30","timex":"2023-FA"})"},
    {"Work starts in Winter 2023.", "", "date", "Winter 2023", R"({"start":"2023-12-01","end":"2024-02-29","timex":"2023-WI"})"},
    {"Set up in early 2023.", "", "date", "early 2023", R"({"start":"2023-01-01","end":"2023-04-30"})"},
    {"Set up in mid-2023.", "", "date", "mid-2023", R"({"start":"2023-05-01","end":"2023-08-31"})"},
    {"Set up in late 2023.", "", "date", "late 2023", R"({"start":"2023-09-01","end":"2023-12-31"})"},
    {"Due in the first half of 2024.", "", "date", "the first half of 2024", R"({"start":"2024-01-01","end":"2024-06-30","precision":"half","timex":"2024-H1"})"},
    {"Due in H2 2024.", "", "date", "H2 2024", R"({"start":"2024-07-01","end":"2024-12-31","timex":"2024-H2"})"},
    {"Due in Q3 2023.", "", "date", "Q3 2023", R"({"start":"2023-07-01","end":"2023-09-30","precision":"quarter","timex":"2023-Q3"})"},
    {"Due in the third quarter of 2023.", "", "date", "the third quarter of 2023", R"({"start":"2023-07-01","timex":"2023-Q3"})"},
    {"It happened in 2022.", "", "date", "2022", R"({"start":"2022-01-01","end":"2022-12-31","precision":"year","timex":"2022"})"},
    {"Budgets in 2023/24 rose.", "", "date", "2023/24", R"({"start":"2023-04-01","end":"2024-03-31","precision":"financial_year","timex":null})"},
    {"In 2023-24, hubs open.", "", "date", "2023-24", R"({"start":"2023-04-01","end":"2024-03-31","precision":"financial_year"})"},
    {"Works will take place between 3 and 14 June 2024.", "", "date", "between 3 and 14 June 2024",
     R"({"start":"2024-06-03","end":"2024-06-14","precision":"period"})"},
    {"The road closes 3-14 June 2024.", "", "date", "3-14 June 2024", R"({"start":"2024-06-03","end":"2024-06-14"})"},
    // Day first with dots, as some councils write dates.
    {"Meeting date: 04.03.2025", "", "date", "04.03.2025", R"({"start":"2025-03-04","end":"2025-03-04","precision":"day"})"},
    // A quarter of a financial year (April to March): Q3 2025/26 is October
    // to December 2025.
    {"The pilot starts in Q3 2025/26.", "", "date", "Q3 2025/26",
     R"({"start":"2025-10-01","end":"2025-12-31","precision":"quarter","timex":"2025-Q4"})"},
    {"Outturn for Q4 2023/24 was £1.2m.", "", "date", "Q4 2023/24", R"({"start":"2024-01-01","end":"2024-03-31","timex":"2024-Q1"})"},
    {"The Quarter 2 2024-25 report was noted.", "", "date", "Quarter 2 2024-25", R"({"start":"2024-07-01","end":"2024-09-30"})"},
    {"Spending has risen since FY2019-20.", "", "date", "since FY2019-20", R"({"start":"2019-04-01","end":null,"bound":"from","precision":"financial_year"})"},
    {"Funding for 2023-2025.", "", "date", "2023-2025", R"({"start":"2023-01-01","end":"2025-12-31","precision":"period","timex":null})"},
    {"Funding between 2023 and 2025.", "", "date", "between 2023 and 2025", R"({"start":"2023-01-01","end":"2025-12-31","precision":"period"})"},
    {"Funding from 2023 to 2025.", "", "date", "from 2023 to 2025", R"({"start":"2023-01-01","end":"2025-12-31"})"},
    {"From April 2023 to March 2024.", "", "date", "From April 2023 to March 2024", R"({"start":"2023-04-01","end":"2024-03-31"})"},
    {"Jobs by 2027.", "", "date", "by 2027", R"({"start":null,"end":"2027-12-31","bound":"by","timex":null})"},
    {"Done by the end of 2023.", "", "date", "by the end of 2023", R"({"start":null,"end":"2023-12-31","bound":"by"})"},
    {"Done before the end of 2023.", "", "date", "before the end of 2023", R"({"end":"2023-12-31","bound":"by"})"},
    {"Done no later than March 2024.", "", "date", "no later than March 2024", R"({"start":null,"end":"2024-03-31","bound":"by"})"},
    {"It applies from August 2023.", "", "date", "from August 2023", R"({"start":"2023-08-01","end":null,"bound":"from"})"},
    {"Starting in April 2023, fees fall.", "", "date", "Starting in April 2023", R"({"start":"2023-04-01","bound":"from"})"},
    {"It applies from 1 April 2024.", "", "date", "from 1 April 2024", R"({"start":"2024-04-01","end":null,"bound":"from"})"},
    {"It runs until March 2025.", "", "date", "until March 2025", R"({"start":null,"end":"2025-03-31","bound":"until"})"},
    {"It runs up to 2025.", "", "date", "up to 2025", R"({"end":"2025-12-31","bound":"until"})"},
    {"Numbers fell since 2015.", "", "date", "since 2015", R"({"start":"2015-01-01","end":null,"bound":"from"})"},
    {"Comments on or before October 9, 2020.", "", "date", "on or before October 9, 2020", R"({"end":"2020-10-09","bound":"by"})"},
    {"Costs rose in the 1990s.", "", "date", "the 1990s", R"({"start":"1990-01-01","end":"1999-12-31","timex":"199"})"},
    {"Laws of the 19th century.", "", "date", "the 19th century", R"({"start":"1800-01-01","end":"1899-12-31","timex":"18"})"},
    {"Laws of the twentieth century.", "", "date", "the twentieth century", R"({"start":"1900-01-01","end":"1999-12-31","timex":"19"})"},
    {"Data for week 12 of 2023.", "", "date", "week 12 of 2023", R"({"start":"2023-03-20","end":"2023-03-26","timex":"2023-W12"})"},
    {"Data for 2023-W12.", "", "date", "2023-W12", R"({"timex":"2023-W12"})"},
    {"It pays £9 million by the end of this Parliament.", "", "date", "by the end of this Parliament", R"({"start":null,"end":null,"bound":"by","relative":true})"},
    {"It waits for the next Spending Review.", "", "date", "the next Spending Review", R"({"start":null,"end":null,"relative":true})"},
    // Not dates.
    {"Support up to age 25.", "", "date", "", ""},
    {"A 26-week requirement.", "", "date", "", ""},
    {"It takes 100 hours.", "", "date", "", ""},
    {"It lasts six months.", "", "date", "", ""},
    {"The first 1001 days matter.", "", "date", "", ""},
    {"Doors open at 10:30.", "", "date", "", ""},
    {"Theresa May announced it.", "", "date", "", ""},
    {"Councils may apply.", "", "date", "", ""},
    {"Mr March spoke.", "", "date", "", ""},
    {"Under the Education Act 1996 councils must act.", "", "date", "", ""},
    // Shortened as tables, headlines and minutes write them.
    {"Work finishes by end-March 2026.", "", "date", "by end-March 2026",
     R"({"start":null,"end":"2026-03-31","bound":"by"})"},
    {"Work finishes by end of March 2026.", "", "date", "by end of March 2026", R"({"end":"2026-03-31","bound":"by"})"},
    {"Targets for FY24/25 were missed.", "", "date", "FY24/25", R"({"start":"2024-04-01","end":"2025-03-31"})"},
    {"Agreed on 1/4/26 by Cabinet.", "", "date", "1/4/26", R"({"timex":"2026-04-01"})"},
    {"Actuals for Apr-26 and May-26.", "", "date", "Apr-26", R"({"timex":"2026-04"})"},
    {"The launch is in April '26.", "", "date", "April '26", R"({"timex":"2026-04"})"},
    {"Support is there 24/7 for 1/4 of homes.", "", "date", "", ""},
    // Financial years end spans too.
    {"The 2026/27 to 2028/29 plan.", "", "date", "2026/27 to 2028/29",
     R"({"start":"2026-04-01","end":"2029-03-31","precision":"period"})"},
    {"Visits fell between 2009/10 and 2024/25.", "", "date", "between 2009/10 and 2024/25",
     R"({"start":"2009-04-01","end":"2025-03-31"})"},
    // A date changed names two dates, not a period between them.
    {"The override will be extended from March 2028 to March 2030.", "", "date", "March 2028", R"({"timex":"2028-03"})"},
    {"The override will be extended from March 2028 to March 2030.", "", "date", "March 2030", R"({"timex":"2030-03"})"},
    {"The review was brought forward from 2027 to 2026.", "", "date", "2026", R"({"timex":"2026"})"},
    {"The scheme runs from April 2026 to March 2028.", "", "date", "from April 2026 to March 2028",
     R"({"start":"2026-04-01","end":"2028-03-31","precision":"period"})"},
    // A season that opens a name is no date.
    {"The Board will approve the Winter Resilience Plan.", "2027-09-07", "date", "", ""},
    {"It will open in the Spring.", "2027-09-07", "date", "Spring", R"({"start":"2028-03-01","end":"2028-05-31"})"},
};
INSTANTIATE_TEST_SUITE_P(Date, TagRules, ::testing::ValuesIn(kDate), RowName<Case>);

// ---- date: relative to the document (issue 10) -------------------------------
// 2023-03-22 is a Wednesday in ISO week 12.
const Case kRelative[] = {
    {"We met today.", "2023-03-22", "date", "today", R"({"start":"2023-03-22","end":"2023-03-22","timex":"2023-03-22","relative":true})"},
    {"We met yesterday.", "2023-03-22", "date", "yesterday", R"({"start":"2023-03-21","timex":"2023-03-21"})"},
    {"We meet tomorrow.", "2023-03-22", "date", "tomorrow", R"({"start":"2023-03-23","timex":"2023-03-23"})"},
    {"The board met on Monday.", "2023-03-22", "date", "Monday", R"({"start":"2023-03-20","timex":"2023-03-20"})"},
    {"The board will meet on Monday.", "2023-03-22", "date", "Monday", R"({"start":"2023-03-27","timex":"2023-03-27"})"},
    {"The board will meet on Friday.", "2023-03-22", "date", "Friday", R"({"start":"2023-03-24"})"},
    {"The board met on Friday.", "2023-03-22", "date", "Friday", R"({"start":"2023-03-17"})"},
    // A weekday written with its date is that date, not the weekday nearest
    // the document's date and then a date.
    {"The committee meets on Tuesday 12 March 2024 at 7pm.", "2023-03-22", "date", "Tuesday 12 March 2024",
     R"({"start":"2024-03-12","end":"2024-03-12","timex":"2024-03-12"})"},
    // Without a year, the weekday says which: 12 January 2025 is a Sunday, and
    // the nearer 6 June to November 2024 (2024's) a Thursday.
    {"Consultation closes at midnight on Sunday 12 January.", "2024-11-20", "date", "Sunday 12 January",
     R"({"start":"2025-01-12","end":"2025-01-12","precision":"day","timex":"2025-01-12"})"},
    {"The fair is on Friday, 6 June.", "2024-11-20", "date", "Friday, 6 June", R"({"start":"2025-06-06"})"},
    {"The meeting on Monday 4 March was cancelled.", "2024-11-20", "date", "Monday 4 March", R"({"start":"2024-03-04"})"},
    // Counted from an event, not from the paper's date: a deadline with no day.
    {"We will publish it within six months of the consultation closing.", "2025-01-15", "date", "within six months",
     R"({"start":null,"end":null,"bound":"by","relative":true})"},
    {"We will respond within 28 days.", "2025-01-15", "date", "within 28 days", R"({"end":"2025-02-12","bound":"by"})"},
    {"It closed last week.", "2023-03-22", "date", "last week", R"({"start":"2023-03-13","end":"2023-03-19","timex":"2023-W11"})"},
    {"It closes this week.", "2023-03-22", "date", "this week", R"({"timex":"2023-W12"})"},
    {"It opens next week.", "2023-03-22", "date", "next week", R"({"start":"2023-03-27","timex":"2023-W13"})"},
    {"It closed last month.", "2023-03-22", "date", "last month", R"({"start":"2023-02-01","end":"2023-02-28","timex":"2023-02"})"},
    {"It opens next month.", "2023-03-22", "date", "next month", R"({"timex":"2023-04"})"},
    // A month or season with its year said relatively is one date.
    {"The cap will start from October next year.", "2026-06-11", "date", "from October next year",
     R"({"start":"2027-10-01","bound":"from","timex":null})"},
    {"The hub opened in March last year.", "2026-06-11", "date", "March last year",
     R"({"start":"2025-03-01","end":"2025-03-31","timex":"2025-03"})"},
    {"A service is expected to open in spring next year.", "2026-06-11", "date", "spring next year",
     R"({"start":"2027-03-01","end":"2027-05-31"})"},
    {"Work began in January this year.", "2026-06-11", "date", "January this year", R"({"timex":"2026-01"})"},
    {"It closed last quarter.", "2023-03-22", "date", "last quarter", R"({"timex":"2022-Q4","start":"2022-10-01"})"},
    {"It opens next quarter.", "2023-03-22", "date", "next quarter", R"({"timex":"2023-Q2"})"},
    {"Funding rises this year.", "2023-03-22", "date", "this year", R"({"start":"2023-01-01","end":"2023-12-31","timex":"2023","relative":true})"},
    {"Funding rises next year.", "2023-03-22", "date", "next year", R"({"timex":"2024"})"},
    {"Funding rose last year.", "2023-03-22", "date", "last year", R"({"timex":"2022"})"},
    {"It reports later this year.", "2023-06-15", "date", "later this year", R"({"start":"2023-06-15","end":"2023-12-31"})"},
    {"It opens next spring.", "2023-03-22", "date", "next spring", R"({"timex":"2024-SP"})"},
    {"It opened last summer.", "2023-03-22", "date", "last summer", R"({"timex":"2022-SU"})"},
    {"It rises over the next two years.", "2023-02-02", "date", "over the next two years", R"({"start":"2023-02-02","end":"2025-02-01","relative":true})"},
    {"It rises over the next two years.", "", "date", "over the next two years", R"({"start":null,"end":null,"relative":true})"},
    {"It started three years ago.", "2023-03-22", "date", "three years ago", R"({"start":"2020-01-01","end":"2020-12-31","timex":"2020"})"},
    {"It started two months ago.", "2023-03-22", "date", "two months ago", R"({"timex":"2023-01"})"},
    {"It started 10 days ago.", "2023-03-22", "date", "10 days ago", R"({"timex":"2023-03-12"})"},
    {"It ends in two years' time.", "2023-03-22", "date", "in two years' time", R"({"timex":"2025"})"},
    // Without "time", a point ahead only where the sentence speaks of the future.
    {"We will report back in six months.", "2027-10-12", "date", "in six months", R"({"start":"2028-04-01","end":"2028-04-30","timex":"2028-04"})"},
    {"The bridge was built in two years.", "2027-10-12", "date", "", ""},
    {"It will be reviewed in 12 months of the launch.", "2027-10-12", "date", "", ""},
    {"It ends in five years’ time.", "2023-03-22", "date", "in five years’ time", R"({"timex":"2028"})"},
    {"We will report within six months.", "2023-03-22", "date", "within six months", R"({"start":null,"end":"2023-09-22","bound":"by"})"},
    {"We will report within six months.", "", "date", "", ""},
    {"The plan will be published in May.", "2023-03-22", "date", "May", R"({"start":"2023-05-01","timex":"2023-05"})"},
    {"The plan will be published in February.", "2023-03-22", "date", "February", R"({"timex":"2024-02"})"},
    {"The plan was published in May.", "2023-03-22", "date", "May", R"({"timex":"2022-05"})"},
    {"The plan was published in February.", "2023-03-22", "date", "February", R"({"timex":"2023-02"})"},
    {"The plan will be published by March.", "2023-06-01", "date", "by March", R"({"end":"2024-03-31","bound":"by"})"},
    {"We will consult in the autumn.", "2023-03-22", "date", "autumn", R"({"timex":"2023-FA"})"},
    {"We consulted in the autumn.", "2023-03-22", "date", "autumn", R"({"timex":"2022-FA"})"},
    {"The plan will be published in May.", "", "date", "May", R"({"start":null,"relative":true,"timex":"XXXX-05"})"},
    {"Services are now stretched.", "2023-03-22", "date", "now", R"({"timex":"PRESENT_REF"})"},
    {"Services are currently stretched.", "", "date", "currently", R"({"timex":"PRESENT_REF"})"},
    {"We recently called for a plan.", "", "date", "recently", R"({"timex":"PAST_REF"})"},
    {"It failed in the past.", "", "date", "in the past", R"({"timex":"PAST_REF"})"},
    {"It may change in the future.", "", "date", "in the future", R"({"timex":"FUTURE_REF"})"},
    // A week number alone is an ISO week of the document's year.
    {"Cases rose in week 12.", "2024-04-02", "date", "week 12", R"({"start":"2024-03-18","end":"2024-03-24","timex":"2024-W12"})"},
    {"Cases rose in week 50.", "2024-04-02", "date", "week 50", R"({"timex":"2023-W50"})"},
    {"In week 3 of the course, pupils visit a farm.", "2024-04-02", "date", "", ""},
    // The current month or year, as a bound.
    {"It will be done by the end of the month.", "2024-06-05", "date", "by the end of the month", R"({"start":null,"end":"2024-06-30","bound":"by"})"},
    // The decade, the financial and the academic year of the paper's date.
    {"It will be done by the end of the decade.", "2027-03-03", "date", "by the end of the decade", R"({"start":null,"end":"2029-12-31","bound":"by","relative":true})"},
    {"Over the coming decade we will build homes.", "2027-03-03", "date", "the coming decade", R"({"start":"2027-03-03","end":"2037-03-02","relative":true})"},
    {"This decade will see change.", "2027-03-03", "date", "This decade", R"({"start":"2020-01-01","end":"2029-12-31","timex":"202"})"},
    {"We will report by the end of the financial year.", "2027-03-03", "date", "by the end of the financial year", R"({"start":null,"end":"2027-03-31","bound":"by"})"},
    {"We will report by the end of the financial year.", "2027-05-03", "date", "by the end of the financial year", R"({"start":null,"end":"2028-03-31","bound":"by"})"},
    {"All schools will have it by the end of the academic year.", "2027-03-03", "date", "by the end of the academic year", R"({"start":null,"end":"2027-08-31","bound":"by"})"},
    {"It will be done before the end of the year.", "2024-06-05", "date", "before the end of the year", R"({"end":"2024-12-31","bound":"by"})"},
    {"We will meet in the new year.", "2024-10-10", "date", "the new year", R"({"start":"2025-01-01","timex":"2025"})"},
    // A bound over a month or season said relative to the document.
    {"Fares are frozen until next April.", "2024-10-10", "date", "until next April", R"({"start":null,"end":"2025-04-30","bound":"until"})"},
    {"Works continue until next spring.", "2024-10-10", "date", "until next spring", R"({"end":"2025-05-31","bound":"until"})"},
    // "is expected", "is due": the future.
    {"A decision is expected in the spring.", "2024-10-10", "date", "spring", R"({"timex":"2025-SP"})"},
    {"The report is due in March.", "2024-10-10", "date", "March", R"({"timex":"2025-03"})"},
    // No tense: the nearer month.
    {"The contract starts in April.", "2024-12-02", "date", "April", R"({"timex":"2025-04"})"},
    {"The contract starts in October.", "2024-12-02", "date", "October", R"({"timex":"2024-10"})"},
    // A second month or season gives the first its year.
    {"A review in spring/summer 2026.", "2025-03-01", "date", "spring", R"({"timex":"2026-SP"})"},
    {"Works in March or April 2026.", "2025-03-01", "date", "March", R"({"timex":"2026-03"})"},
    {"Works in December or January 2027.", "2025-03-01", "date", "December", R"({"timex":"2026-12"})"},
    {"Closures in winter/spring 2026.", "2025-03-01", "date", "winter", R"({"timex":"2025-WI"})"},
};
INSTANTIATE_TEST_SUITE_P(Relative, TagRules, ::testing::ValuesIn(kRelative), RowName<Case>);

// ---- commitments -------------------------------------------------------------
struct CommitmentCase {
  const char* text;
  const char* author;
  bool in_list;
  const char* actor;     // nullptr: not a commitment
  const char* modality;
  const char* action_prefix;
};

void PrintTo(const CommitmentCase& c, std::ostream* os) { *os << c.text; }

class CommitmentRules : public ::testing::TestWithParam<CommitmentCase> {};

TEST_P(CommitmentRules, Commitment) {
  const CommitmentCase& c = GetParam();
  TagOptions options;
  options.author = c.author;
  options.in_commitment_list = c.in_list;
  std::vector<Tag> tags = SharedTagger().Find(c.text, options);
  const Tag* found = nullptr;
  for (const Tag& t : tags) {
    if (t.kind == TagKind::kCommitment) found = &t;
  }
  if (c.actor == nullptr) {
    EXPECT_EQ(found, nullptr) << c.text << Describe(tags);
    return;
  }
  ASSERT_NE(found, nullptr) << c.text << Describe(tags);
  EXPECT_EQ(found->commitment.actor, c.actor) << c.text;
  EXPECT_EQ(found->commitment.modality, c.modality) << c.text;
  EXPECT_EQ(found->commitment.action.rfind(c.action_prefix, 0), 0u)
      << c.text << " -> action '" << found->commitment.action << "'";
}

const CommitmentCase kCommitments[] = {
    {"The Government will publish a national kinship care strategy by the end of 2023.", "", false,
     "Government", "will", "publish a national kinship care strategy"},
    {"DfE will set up a National Workload Action Group.", "", false, "DfE", "will", "set up"},
    {"The Department will launch a consultation on the framework in Spring 2023.", "", false, "Department",
     "consults", "launch a consultation"},
    {"Ofsted will consult on changes to inspection.", "", false, "Ofsted", "consults", "consult on"},
    {"A consultation will be launched on the new rules.", "", false, "unspecified", "consults", "launched"},
    {"Social Work England will explore options for a new register.", "", false, "Social Work England",
     "explores", "explore options"},
    {"The Council will consider the case for a new depot.", "", false, "Council", "explores", "consider"},
    {"We will invest £3 million in a fostering recruitment programme.", "the LGA", false, "the LGA", "will",
     "invest £3 million"},
    {"We will invest £3 million in a fostering recruitment programme.", "", false, "we", "will", "invest"},
    {"A national kinship care strategy will be published by the end of 2023.", "", false, "unspecified",
     "will", "published"},
    {"Grants will be paid by the Environment Agency from April 2024.", "", false, "Environment Agency",
     "will", "paid"},
    {"The Government commits to funding 12 new schools.", "", false, "Government", "commits", "funding"},
    {"The Council plans to open two new hubs in 2024.", "", false, "Council", "plans", "open two new hubs"},
    {"NHS England intends to recruit 26,000 staff.", "", false, "NHS England", "plans", "recruit"},
    {"The Mayor aims to halve emissions by 2030.", "", false, "Mayor", "plans", "halve"},
    {"The Secretary of State proposes to amend the regulations.", "", false, "Secretary of State",
     "proposes", "amend"},
    {"The LGA is going to publish a report.", "", false, "LGA", "will", "publish"},
    {"The authority is to review its policy by March 2024.", "", false, "authority", "will", "review"},
    {"From April 2024, the Council will charge £9 per day.", "", false, "Council", "will", "charge"},
    {"Next year the Council will invest £45m.", "", false, "Council", "will", "invest"},
    {"The Council will no longer charge for day centre transport from April 2025.", "", false, "Council", "will",
     "no longer charge"},
    {"£45 million to deliver the Families First for Children Pathfinder programme.", "", true, "unspecified",
     "will", "deliver the Families First"},
    // Not commitments.
    {"£45 million to deliver the Families First for Children Pathfinder programme.", "", false, nullptr, "", ""},
    {"We welcome the commitment that the Government will publish a strategy.", "", false, nullptr, "", ""},
    {"We are concerned that councils will not cope.", "", false, nullptr, "", ""},
    {"The Government must publish a strategy.", "", false, nullptr, "", ""},
    {"The Government should fund councils properly.", "", false, nullptr, "", ""},
    {"The Government would need to invest £1 billion.", "", false, nullptr, "", ""},
    {"If funding allows, the Council will open a hub.", "", false, nullptr, "", ""},
    {"The Council could open a hub.", "", false, nullptr, "", ""},
    {"The Government published its strategy in February 2023.", "", false, nullptr, "", ""},
    {"Children will not thrive where support is fragmented.", "", false, nullptr, "", ""},
    {"Families will benefit from better support.", "", false, nullptr, "", ""},
    // Undertaking verbs, funding put to a purpose, decisions in minutes.
    {"The council has pledged to plant 10,000 trees.", "", false, "council", "commits", "plant"},
    {"The board has promised to publish its findings.", "", false, "board", "commits", "publish"},
    {"The Trust undertakes to reply within 20 working days.", "", false, "Trust", "commits", "reply"},
    {"The strategy commits to exploring ways to support recruitment.", "", false, "unspecified", "explores",
     "exploring ways"},
    {"The plan commits £12 million in new funding to support bus services.", "", false, "unspecified",
     "commits", "£12 million"},
    {"We are investing £4 million to deliver new cycle lanes.", "the Council", false, "the Council", "commits",
     "£4 million"},
    {"The Government is providing £1 billion to help councils.", "", false, "Government", "commits",
     "£1 billion"},
    {"The Mayor has pledged £150k per year for a landlord licensing pilot.", "", false, "Mayor", "commits",
     "£150k per year"},
    {"The Chancellor promised £2bn for pothole repairs in the Budget.", "", false, "Chancellor", "commits",
     "£2bn"},
    {"The report includes plans for £30 million of investment over three years.", "", false, "unspecified",
     "plans", "£30 million"},
    {"Members agreed to publish the strategy by June 2024.", "", false, "Members", "will", "publish"},
    {"RESOLVED: The Committee will receive a further report in March.", "", false, "Committee", "will",
     "receive"},
    // A time phrase opening what follows a label's colon is no part of the actor.
    {"The Biodiversity Reporting Standard: from January 2027 every public authority will report what it has "
     "done.", "", false, "every public authority", "will", "report what it has done"},
    {"The Cabinet agreed that the Council will write to the Minister.", "", false, "Council", "will", "write"},
    {"RESOLVED that the Council will publish a revised enforcement policy by June 2027.", "", false, "Council",
     "will", "publish"},
    // Reported speech: the reported clause's subject acts; "it", "they", "he"
    // or "she" there is whoever reported it.
    {"The Neighbourhoods Manager said that the Council will review the location of litter bins by December 2026.",
     "", false, "Council", "will", "review"},
    {"Officers told members that the Council will consult residents in the autumn.", "", false, "Council",
     "consults", "consult"},
    {"The district council says it will deliver new kitchen caddies to every household by March 2027.", "",
     false, "district council", "will", "deliver"},
    {"The minister said the Government will publish a strategy by the end of 2025.", "", false, "Government",
     "will", "publish"},
    {"The Leader said that he will write to the Secretary of State.", "", false, "Leader", "will", "write"},
    {"He said prices will rise next year.", "", false, nullptr, "", ""},
    // A reported "would" is a reported "will", of somebody named; "would"
    // alone, of nobody, or after "said they expected that" is not.
    {"The Government said in July that it would spend £380 million helping councils buy caddies by April 2028.",
     "", false, "Government", "will", "spend £380 million"},
    {"The Manager said that Harrowdale Homes would hold a drop-in session at each block in January 2027.", "",
     false, "Harrowdale Homes", "will", "hold"},
    // Minutes' passive for the meeting's decision; a reported "was committed to".
    // "We'll" is "we will"; a body reporting in the present perfect ("has
    // said it will") is the actor, named by an acronym too; a reported
    // passive is the undertaking of whoever announced it, not of somebody
    // who only said it.
    {"We'll set out our plans in the spring.", "", false, "we", "will", "set out our plans"},
    {"We’ll publish the results in March.", "", false, "we", "will", "publish the results"},
    {"NHS England has said it will publish the revised plan later this year.", "", false, "NHS England", "will",
     "publish the revised plan"},
    {"NHS England has said that it will publish the plan.", "", false, "NHS England", "will", "publish the plan"},
    {"The Secretary of State announced that £300 million would be made available for pothole repairs.", "", false,
     "Secretary of State", "will", "made available"},
    {"The Manager said that grants would be awarded in May.", "", false, nullptr, nullptr, nullptr},
    // A report's proposals: the clause after "It is proposed that", its verb
    // in the present, the subjunctive or with "will"; approving is no act.
    {"It is proposed that the Council allocates £1.5m from reserves to fund the scheme.", "", false, "Council",
     "proposes", "allocates £1.5m"},
    {"It is proposed that a new post of Climate Officer be created.", "", false, "unspecified", "proposes", "created"},
    {"It is proposed that officers will review the charges by March 2026.", "", false, "officers", "proposes",
     "review the charges"},
    {"It is recommended that Cabinet approves the draft strategy for consultation.", "", false, nullptr, nullptr,
     nullptr},
    {"It was proposed that the Committee ratifies the decision.", "", false, nullptr, nullptr, nullptr},
    // A proposal being made, in the present: "Officers propose that ...",
    // "The Director recommends that ...".
    {"Officers propose that the Council will publish its transparency report by the end of May 2026.", "", false,
     "Council", "proposes", "publish its transparency report"},
    {"The Director recommends that the County will review its charges by March 2026.", "", false, "County",
     "proposes", "review its charges"},
    // A meeting's decisions to act, and its action points; noting or
    // approving is done at the meeting.
    {"Councillors voted to introduce a 20mph limit across the town from next spring.", "", false, "Councillors",
     "will", "introduce a 20mph limit"},
    {"The Council decided to close the depot in 2026.", "", false, "Council", "will", "close the depot"},
    {"Members agreed to note the report.", "", false, nullptr, nullptr, nullptr},
    {"Action: JB to circulate the revised terms of reference by 14 March.", "", false, "JB", "will",
     "circulate the revised terms of reference"},
    {"ACTION - Head of Transport to write to the operators.", "", false, "Head of Transport", "will", "write to"},
    {"Action: none.", "", false, nullptr, nullptr, nullptr},
    // A trend as the subject foresees; a fund named so does not.
    {"Falling rolls will force two closures by 2026.", "", false, nullptr, nullptr, nullptr},
    {"Increasing numbers of children will need school places by 2027.", "", false, nullptr, nullptr, nullptr},
    {"Growing Places Fund will invest £3m in 2026.", "", false, "Growing Places Fund", "will", "invest £3m"},
    // A relative clause on people says what they will do: nobody undertakes it.
    {"Many kitchens were built for a fraction of the pupils who will now eat at school.", "", false, nullptr, nullptr,
     nullptr},
    {"The scheme helps families who will move house next year.", "", false, nullptr, nullptr, nullptr},
    // The clause after ", but" may undertake what the one before it does not.
    {"Schemes will continue to be funded through the partnership funding rules, but the Environment Agency will "
     "simplify the formula.",
     "", false, "Environment Agency", "will", "simplify the formula"},
    {"Prices will rise, but the Council will freeze fees until April 2027.", "", false, "Council", "will",
     "freeze fees"},
    // A necessity foreseen is no undertaking; a rule set ("will have to") is.
    {"Schools and councils will need to plan for more pupils taking a meal.", "", false, nullptr, nullptr, nullptr},
    {"The Council will need to find £2 million by March 2027.", "", false, nullptr, nullptr, nullptr},
    {"Privately rented homes will have to reach band C by October 2030.", "", false, "unspecified", "will",
     "have to reach band C"},
    // A relative clause between commas closes before the main clause's
    // modal: the subject is what precedes it.
    {"The statutory override, which keeps deficits off councils' main budgets, will be extended to March 2030.", "",
     false, "unspecified", "will", "extended to March 2030"},
    {"The Fund, which opened in 2023, will pay £5 million to councils.", "", false, "Fund", "will", "pay £5 million"},
    {"The Minister, who chairs the board, will publish a report by March 2027.", "", false, "Minister", "will",
     "publish a report"},
    // ... but a "which" whose clause runs on to the modal is still a
    // subordinate clause.
    {"The grant, which councils say will not cover costs, is welcome.", "", false, nullptr, nullptr, nullptr},
    // The clause after a semicolon undertakes what the one before it does not.
    {"Residents will sort their food waste into caddies; the Council will collect them every week.", "", false,
     "Council", "will", "collect them every week"},
    // A thing qualified by names is nobody: "Funding" opens the sentence and
    // so is capitalised; the review's head is a common noun.
    {"Funding for the Rural Bus Fund will rise by 10 per cent next year.", "", false, "unspecified", "will", "rise"},
    {"The Autumn 2025 review of the Local Plan will consider housing numbers by 2026.", "", false, "unspecified",
     "explores", "consider housing numbers"},
    {"The Youth Endowment Fund will test specialist teams in 2025.", "", false, "Youth Endowment Fund", "will", "test"},
    {"It was agreed that the Chief Executive would write to the Secretary of State.", "", false, "Chief Executive",
     "will", "write"},
    {"It was agreed that it would be better to wait.", "", false, nullptr, "", ""},
    {"Councillor Smith said the council was committed to reducing emissions by 2030.", "", false, "council",
     "commits", "reducing"},
    {"The report said funding was committed to the scheme in 2022.", "", false, nullptr, "", ""},
    // A resolution orders things done in the mandative subjunctive; what it
    // does by being passed (noting, approving, signing) is no undertaking.
    {"RESOLVED that the Chief Executive write to the Secretary of State.", "", false, "Chief Executive", "will",
     "write"},
    {"RESOLVED \u2013 That officers prepare a report on parking charges for the March meeting.", "", false,
     "officers", "will", "prepare"},
    {"RESOLVED: (a) that the report be noted; (b) that a working group be established to review bus services.", "",
     false, "unspecified", "will", "established"},
    {"RESOLVED that Cabinet agree to transfer the statutory functions from 1 April 2025.", "", false, "Cabinet",
     "will", "agree to transfer"},
    {"RESOLVED that the report be noted.", "", false, nullptr, "", ""},
    {"RESOLVED that Cabinet agree the Commissioning Plan for Education Provision 2025-29.", "", false, nullptr, "",
     ""},
    {"RESOLVED that the minutes were a correct record and that they be signed by the Chair.", "", false, nullptr,
     "", ""},
    {"Mr Fielding said that grants would be awarded through catchment partnerships.", "", false, nullptr, "", ""},
    {"The Manager said it would do so only for the first two years.", "", false, nullptr, "", ""},
    {"He said it would be difficult to meet the target by 2030.", "", false, nullptr, "", ""},
    {"No one had contacted HMRC or said they would do so if risk triggers were encountered.", "", false, nullptr,
     "", ""},
    {"A number of agents said they expected that HMRC would use intelligence such as this.", "", false, nullptr,
     "", ""},
    {"The Government would need to invest £1 billion.", "", false, nullptr, "", ""},
    // A view of what others will do is no undertaking; the speaker's own is.
    {"Campaigners argue the Government will miss its target by 2030.", "", false, nullptr, "", ""},
    {"The district gets £1.9 million, but officers warn the running costs will land on local taxpayers.", "",
     false, nullptr, "", ""},
    {"The Council warned that it will close two libraries in April 2027.", "", false, "Council", "will",
     "close"},
    // The last item of a resolution's list.
    {"RESOLVED that (a) the report be noted; (b) the plan be approved; and (c) the Council will write to every "
     "household by August 2027.",
     "", false, "Council", "will", "write"},
    // A body's calendar.
    {"The next meeting of the Committee will be held on 20 January 2027.", "", false, nullptr, "", ""},
    {"A public meeting will be held in March 2027 to consult residents on the plan.", "", false, "unspecified",
     "will", "held"},
    // Judgements and prices foreseen.
    {"It will be difficult to meet the target by 2030.", "", false, nullptr, "", ""},
    {"The extra rounds will then cost around £480,000 a year.", "", false, nullptr, "", ""},
    // "the more ..., the more ...": what would follow, not an undertaking;
    // a comparative that opens a subject is no such pair.
    {"The better we understand the communities we work with, the better able we will be to meet their needs.",
     "", false, nullptr, "", ""},
    {"The sooner the Council acts, the more it will save.", "", false, nullptr, "", ""},
    {"The more detailed guidance will be published in Spring 2024.", "", false, "unspecified", "will",
     "published"},
    {"Transport for the North will publish its plan on Thursday.", "", false, "Transport for the North",
     "will", "publish"},
    {"Officers will circulate the schedule to members.", "", false, "Officers", "will", "circulate"},
    {"We will set out our response to the consultation in the summer.", "the LGA", false, "the LGA", "will",
     "set out"},
    // Purposes, texts describing themselves, questions, idioms, forecasts,
    // the past.
    {"The purpose of this report is to provide an update on the 2023/24 budget.", "", false, nullptr, "", ""},
    {"The aim of this paper is to set out options for 2025.", "", false, nullptr, "", ""},
    {"Our ambition is to be carbon neutral by 2030.", "", false, nullptr, "", ""},
    {"This report will provide members with an update on spending in 2023.", "", false, nullptr, "", ""},
    {"The new route is to the north of the existing bypass.", "", false, nullptr, "", ""},
    {"Buses are to blame for much of the pollution.", "", false, nullptr, "", ""},
    {"Will the Government commit to funding the pay award?", "", false, nullptr, "", ""},
    {"What will happen to pupils in 2025?", "", false, nullptr, "", ""},
    {"Demand for school places will peak in 2027.", "", false, nullptr, "", ""},
    {"The funding announced last week will help.", "", false, nullptr, "", ""},
    // What people will undergo is a forecast, with a sum and a date or not.
    {"One in seven people aged 65 will face care costs of more than £100,000 in their lifetime.", "", false,
     nullptr, "", ""},
    {"Most households will see a rise of £40 in their council tax from April 2025.", "", false, nullptr, "", ""},
    // A place after a plural noun opening the sentence is not a body's name.
    {"Families in Westford who pay for care will no longer face unlimited bills under plans to cap costs at "
     "£80,000.", "", false, nullptr, "", ""},
    {"Residents in Leeds will see a rise of £40 from April 2025.", "", false, nullptr, "", ""},
    // What something will do to the speaker is their expectation of it.
    {"\"The national fund will take us halfway at best,\" he said in March 2026.", "", false, nullptr, "", ""},
    // "plans" after a possessive or an article is a noun.
    {"The Government strategy sets out its overarching plans to reset children's social care by 2025.", "", false,
     nullptr, "", ""},
    {"The Government's plans to cut waiting lists by 2026 were welcomed.", "", false, nullptr, "", ""},
    {"The Government plans to publish a strategy by 2025.", "", false, "Government", "plans", "publish"},
    // "by Summer 2023" is a deadline, not the agent of a passive.
    {"A report will be delivered to Parliament by Summer 2023 setting out ways to improve information sharing.", "",
     false, "unspecified", "will", "delivered"},
    // An opinion after a connective: "Similarly, we welcome plans to ...".
    {"Similarly, we welcome plans to support the residential care workforce by 2025.", "", false, nullptr, "", ""},
    // "an ambitious plan to" is a noun.
    {"There is a challenge, and we recently called for an ambitious plan to recruit 5,000 social workers by 2026.",
     "", false, nullptr, "", ""},
    {"We plan to open two hubs in 2025.", "", false, "we", "plans", "open two hubs"},
    {"The Environment Agency\u2019s plan to extend direct flood warnings to more homes should help by 2027.", "",
     false, nullptr, "", ""},
    {"The plan to open two hubs by 2025 was welcomed.", "", false, nullptr, "", ""},
    {"Councils plan to open 20 hubs by 2026.", "", false, "Councils", "plans", "open 20 hubs"},
    // A thing introduced with "a"/"an" is not somebody acting.
    {"A National Framework will set out the outcomes councils should deliver.", "", false, "unspecified", "will",
     "set out"},
    // ... but a public body introduced so is somebody: a news story's "a county council".
    {"A county council has agreed to spend \u00a34.5m replacing its school bus fleet.", "", false, "county council",
     "will", "spend"},
    {"A new regulator will inspect every provider.", "", false, "new regulator", "will", "inspect every provider"},
    {"A new fund will support towns.", "", false, "unspecified", "will", "support towns"},
    // A passive's agent is the "by" of its own participle, not of one further on.
    {"Water companies will be required to cut sewage spills by 40% by 2030 under plans announced today by the "
     "Environment Secretary.", "", false, "unspecified", "will", "required to cut"},
    {"The programme will be funded and delivered by the Department for Education.", "", false,
     "Department for Education", "will", "funded and delivered"},
    // What something will mean or require is a consequence, deadline or not.
    {"Meeting it will mean planting around 12,000 hectares a year by the end of this decade.", "2026-06-01", false,
     nullptr, "", ""},
    {"The target will require \u00a32bn by 2028.", "", false, nullptr, "", ""},
    // A "will" clause inside the subject of an "is" says what something is.
    {"The money to take broadband to the places the market will not reach is the largest part of the plan, "
     "\u00a33 million by 2027.", "", false, nullptr, "", ""},
    {"The Council will require developers to plant trees by 2027.", "", false, "Council", "will",
     "require developers to plant trees"},
    // ... nor do its dates count for the clause after it.
    {"Its rates were frozen from 2015 to 2022; uprating them every year will stop the real value of the guarantee "
     "falling.", "", false, nullptr, "", ""},
    // A clause before a semicolon is not the subject.
    {"The team completed 2,900 assessments last year; the Council will recruit eight officers by April 2027.", "",
     false, "Council", "will", "recruit"},
    {"The Council had agreed to open the depot in 2022.", "", false, nullptr, "", ""},
    {"It was agreed to defer the item.", "", false, nullptr, "", ""},
    {"The Council spent £3 million on roads in 2022.", "", false, nullptr, "", ""},
    {"There are no plans for £5 million of new spending.", "", false, nullptr, "", ""},
    {"This aims to ensure leaders make decisions.", "", false, nullptr, "", ""},
    // Targets and announcements stay commitments: a sum, a deadline, "there will be".
    {"The care leavers' bursary will increase from £1,000 to £3,000 from August 2023.", "", false,
     "unspecified", "will", "increase"},
    {"The number of apprentices will double by 2027.", "", false, "unspecified", "will", "double"},
    {"There will be a consultation in Autumn 2023 on the duty.", "", false, "unspecified", "consults", "be a consultation"},
    {"A consultation on the guidance will take place in Spring 2023.", "", false, "unspecified", "consults",
     "take place"},
    {"A pilot will be co-produced with partners and begin in Spring 2023.", "", false, "unspecified", "will",
     "co-produced"},
    // A clause opening with a subordinator is not the main clause, even in
    // quotation marks; the main clause after its comma still is.
    {"Since this notice proposes to supersede the 2018 rule, the earlier procedures would be outdated.", "", false,
     nullptr, "", ""},
    {"Where we have identified any third party copyright information you will need to obtain permission.", "",
     false, nullptr, "", ""},
    {"\"If they give me a spreadsheet of the year I will look at it,\" one agent said.", "", false, nullptr, "", ""},
    {"When the review ends, the Council will publish its findings by March 2025.", "", false, "Council", "will",
     "publish"},
    // Said of the past.
    {"The directorate remained committed to keeping the budget on track.", "", false, nullptr, "", ""},
    // Writers describing what comes later in their text.
    {"We will present the detail in succeeding chapters.", "", false, nullptr, "", ""},
    {"We will present the plan to Cabinet in May 2025.", "", false, "we", "will", "present"},
    // The future perfect of no body is a forecast; of a body, a target.
    {"In 20 years' time very few businesses will have failed to find the benefits.", "", false, nullptr, "", ""},
    {"By March 2026 the Council will have recruited 40 new carers.", "", false, "Council", "will", "have recruited"},
    {"The guidance will have been published by March 2026.", "", false, "unspecified", "will", "published"},
    {"By then they, their employers and the State will have invested substantially in their training.", "", false,
     nullptr, "", ""},
    // What somebody can do is no undertaking.
    {"The UK will not be able to meet its potential unless we use the talents of all.", "", false, nullptr, "", ""},
    {"The Council will be able to bid for the fund from April 2025.", "", false, nullptr, "", ""},
    {"People planning their care will also be able to get free advice from a new service next spring.", "", false,
     nullptr, "", ""},
    // The object of a verb in -ing is a noun.
    {"Parliament is considering plans to increase this further.", "", false, nullptr, "", ""},
    // The clause after "but" is the modal's.
    {"Starting a business can be very challenging but we will advise on grants from April 2025.", "", false, "we",
     "will", "advise"},
    // ... and "but will" shares the first clause's subject.
    {"The Council has no capital budget this year but will seek grants by March 2026.", "", false, "Council",
     "will", "seek"},
    // A body's name qualifying a thing names no body: a rise foreseen.
    {"Council tax will rise by 4.99%, comprising 2.99% core and 2% for the adult social care precept.", "", false,
     nullptr, "", ""},
    {"Government funding will increase by 3% in 2026/27.", "", false, nullptr, "", ""},
    // ... but bodies and the people they name still act.
    {"Local transport authorities and operators will publish how they meet the Charter each year.", "", false,
     "Local transport authorities and operators", "will", "publish"},
    {"The County Council's cabinet will decide the fees by March 2026.", "", false,
     "County Council's cabinet", "will", "decide"},
    // When a pledge was given may stand between the verb and "to".
    {"The Health Secretary pledged last month to cut NHS management costs by half by 2028.", "", false,
     "Health Secretary", "commits", "cut NHS management costs"},
    {"The Minister promised in June to publish the review by 2026.", "", false, "Minister", "commits", "publish"},
    // News ties its story to an undertaking: the subject is after the conjunction.
    {"It comes after the Health Secretary pledged to cut NHS management costs by half by 2028.", "", false,
     "Health Secretary", "commits", "cut NHS"},
    {"The announcement came as the Mayor vowed to freeze fares until 2027.", "", false, "Mayor", "commits",
     "freeze fares"},
    // A decision verb reports a clause across when or where it was made.
    {"The Chancellor announced in the Budget that the Government will spend £600m on roads in 2026/27.", "", false,
     "Government", "will", "spend £600m"},
    {"The Minister confirmed last week that councils will receive £600m in 2026/27.", "", false, "councils", "will",
     "receive"},
    // Whoever a resolution asks or instructs to act is the actor.
    {"RESOLVED: (a) That the report be noted; (b) That the Director be requested to report back to the Committee "
     "in March 2026.", "", false, "Director", "will", "report back to the Committee"},
    {"The Council will be invited to bid for £2m by March 2026.", "", false, "Council", "will", "bid for £2m"},
    // An owner's aim put as an act with a deadline or a sum is a target it sets itself.
    {"Our ambition is to eliminate 65-week waits by September 2025.", "", false, "we", "plans", "eliminate"},
    {"The Trust's aim is to recruit 120 nurses by March 2026.", "", false, "Trust", "plans", "recruit 120 nurses"},
    {"Our ambition is to be the best council by 2030.", "", false, nullptr, "", ""},
    {"The purpose of this report is to update members by March 2026.", "", false, nullptr, "", ""},
    {"Our aim is to support families.", "", false, nullptr, "", ""},
    // One of an owner's aims is its aim; without a deadline or a sum it is a purpose.
    {"One of the Council's aims is to cut waste by 2027.", "", false, "Council", "plans", "cut waste"},
    {"One of HMRC's aims is to work with agents to reduce this.", "", false, nullptr, "", ""},
    // "is committed to" with an adverb between, and in the first person.
    {"Network Rail is also committed to reopening the line.", "", false, "Network Rail", "commits", "reopening"},
    {"Centrica are also committed to increasing pay.", "", false, "Centrica", "commits", "increasing pay"},
    {"I am committed to working to reduce their impact.", "", false, "we", "commits", "working"},
    // "is due to" before a verb of what is scheduled; before anything else it gives a cause.
    {"The new school is due to open in September 2026.", "", false, "unspecified", "will", "open"},
    {"The report is due to be considered by Cabinet in June 2026.", "", false, "Cabinet", "will", "considered"},
    {"The rise is due to higher demand in 2025.", "", false, nullptr, "", ""},
    {"The overspend is due to staff shortages in 2025.", "", false, nullptr, "", ""},
    // A passive's agent by its whole name.
    {"Grants will be paid by the Education and Skills Funding Agency in May 2027.", "", false,
     "Education and Skills Funding Agency", "will", "paid"},
    {"Bids will be assessed by the Secretary of State for Transport in May 2026.", "", false,
     "Secretary of State for Transport", "will", "assessed"},
    // A reporter after the clause says whose it is, and is no part of the action.
    {"Rural communities will get a £30 million investment in bus services, the Transport Secretary announced "
     "today.", "", false, "Transport Secretary", "will", "get a £30 million investment in bus services"},
    // An opening phrase run on to "we" without a comma is no part of the actor.
    {"As a Council we will continue to meet every six months to monitor progress.", "", false, "we", "will",
     "continue to meet"},
    {"In partnership with schools we will open 12 hubs.", "", false, "we", "will", "open 12 hubs"},
    // A participant's words quoted in a research or consultation report,
    // attributed in brackets or after a dash, are testimony.
    {"“The process will stay the same. We will carry out our bank reconciliation.” (limited company, 100+ "
     "returns)", "", false, nullptr, nullptr, nullptr},
    {"“We will keep doing our own books.” – small business owner, Leeds", "", false, nullptr, nullptr, nullptr},
    {"“We will carry out our bank reconciliation first. Then the ledgers.” (sole trader)", "", false, nullptr,
     nullptr, nullptr},
    // Told to a body named in full, as news reports it.
    {"Cllr Jones told the Local Democracy Reporting Service that the council would bid for £20m by March 2026.",
     "", false, "council", "will", "bid for £20m"},
    // Quoted by a reporter, they are the speaker's.
    {"“A new library will be opened by March 2027,” the Leader said.", "", false, "Leader", "will",
     "opened by March 2027"},
};
INSTANTIATE_TEST_SUITE_P(Commitments, CommitmentRules, ::testing::ValuesIn(kCommitments),
                         RowName<CommitmentCase>);

// Quoted words end at the closing quotation mark, whoever reports them.
TEST(CommitmentActionTest, EndsAtTheClosingQuotationMark) {
  for (const char* text : {"“We will invest £10 million in the town centre by 2027,” said Councillor Jane Smith.",
                           "\"We will invest £10 million in the town centre by 2027,\" the council leader told the meeting.",
                           "The Leader said: “We will invest £10 million in the town centre by 2027.”"}) {
    std::vector<Tag> tags = SharedTagger().Find(text, TagOptions());
    const Tag* found = nullptr;
    for (const Tag& t : tags) {
      if (t.kind == TagKind::kCommitment) found = &t;
    }
    ASSERT_NE(found, nullptr) << text;
    EXPECT_EQ(found->commitment.action, "invest £10 million in the town centre by 2027") << text;
  }
}

// A resolution's parts are separate: the action of one ends where the next
// ("; (c) That ...") begins.
TEST(CommitmentActionTest, EndsBeforeAReporterAfterTheClause) {
  std::vector<Tag> tags = SharedTagger().Find("The Council will spend £2m on roads, the Leader said.", TagOptions());
  const Tag* found = nullptr;
  for (const Tag& t : tags) {
    if (t.kind == TagKind::kCommitment) found = &t;
  }
  ASSERT_NE(found, nullptr) << Describe(tags);
  EXPECT_EQ(found->commitment.actor, "Council");
  EXPECT_EQ(found->commitment.action, "spend £2m on roads");
}

TEST(CommitmentActionTest, EndsAtTheNextPartOfAResolution) {
  const std::string text =
      "RESOLVED: (a) That the report be noted; (b) That the Director be requested to report back to the Committee "
      "in March 2026 on the impact of the discharge funding; (c) That a task and finish group be established to "
      "review reablement capacity.";
  std::vector<Tag> tags = SharedTagger().Find(text, TagOptions());
  const Tag* found = nullptr;
  for (const Tag& t : tags) {
    if (t.kind == TagKind::kCommitment) found = &t;
  }
  ASSERT_NE(found, nullptr) << Describe(tags);
  EXPECT_EQ(found->commitment.action,
            "report back to the Committee in March 2026 on the impact of the discharge funding");
}

TEST(CommitmentTest, CarriesTheMoneyAndDatesInsideTheSentence) {
  std::vector<Tag> tags = SharedTagger().Find(
      "Background text with £1 million. The Government will invest £200 million by 2025 in new hubs. "
      "Other text in 2030.");
  const Tag* commitment = nullptr;
  for (const Tag& t : tags) {
    if (t.kind == TagKind::kCommitment) commitment = &t;
  }
  ASSERT_NE(commitment, nullptr);
  EXPECT_EQ(commitment->text, "The Government will invest £200 million by 2025 in new hubs.");
  ASSERT_EQ(commitment->commitment.money.size(), 1u);
  EXPECT_EQ(commitment->commitment.money[0].text, "£200 million");
  ASSERT_EQ(commitment->commitment.dates.size(), 1u);
  EXPECT_EQ(commitment->commitment.dates[0].text, "by 2025");
  nlohmann::json j = TagToJson(*commitment);
  EXPECT_EQ(j["kind"], "commitment");
  EXPECT_EQ(j["value"]["actor"], "Government");
  EXPECT_EQ(j["value"]["money"][0]["value"]["amount"], 200000000);
  EXPECT_EQ(j["value"]["dates"][0]["value"]["end"], "2025-12-31");
}

// ---- stance ----------------------------------------------------------------
struct StanceCase {
  const char* text;
  Stance stance;
};
void PrintTo(const StanceCase& c, std::ostream* os) { *os << c.text; }

class StanceRules : public ::testing::TestWithParam<StanceCase> {};
TEST_P(StanceRules, Classifies) {
  EXPECT_EQ(StanceName(ClassifyStance(GetParam().text)), StanceName(GetParam().stance)) << GetParam().text;
}
const StanceCase kStances[] = {
    {"We strongly welcome the commitment to extend Staying Close.", Stance::kWelcomes},
    {"We are pleased that the strategy recognises kinship carers.", Stance::kWelcomes},
    {"We have considerable concerns about the workforce proposals.", Stance::kConcerned},
    {"We are concerned that funding falls short.", Stance::kConcerned},
    {"The Government must provide long-term funding.", Stance::kCallsFor},
    {"We urge the Department to go further.", Stance::kCallsFor},
    {"We call on the Government to fund the reforms in full.", Stance::kCallsFor},
    {"We are unclear on the value of a national framework.", Stance::kQuestions},
    {"The strategy sets out six pillars of reform.", Stance::kNeutral},
    // Mixed passages: every cue counts, and what follows a turn outweighs
    // what precedes it.
    {"We welcome the extra funding. However, we are concerned that it falls short.", Stance::kConcerned},
    {"We welcome the new duty but the Government must fund it in full.", Stance::kCallsFor},
    {"Although we have concerns about the timetable, we strongly welcome the strategy.", Stance::kWelcomes},
    {"We welcome the pilots. We are concerned about workforce gaps, and worried about funding.",
     Stance::kConcerned},
    {"We welcome the review and support its aims, though we have concerns about delivery.",
     Stance::kWelcomes},
    {"We are unclear how the duty will work. We urge the Department to publish guidance. However, it is "
     "unclear who will pay and we question the timetable.",
     Stance::kQuestions},
    // How scrutiny minutes and briefings also put it.
    {"The Committee expressed disappointment at the delay.", Stance::kConcerned},
    {"We do not support the proposal to cap fees.", Stance::kConcerned},
    {"We strongly oppose the cap.", Stance::kConcerned},
    {"Councils that do not support improvements are few.", Stance::kNeutral},
    {"We are not convinced that the pilot will deliver.", Stance::kQuestions},
    {"It remains to be seen whether the target is achievable.", Stance::kQuestions},
    {"Members sought assurance that the scheme would be delivered on time.", Stance::kQuestions},
    // A call made before is the stance only when nothing else is.
    {"The LGA has long called for additional funding for children's services.", Stance::kCallsFor},
    {"We have called for financial oversight for some time and are pleased to see it in the strategy.",
     Stance::kWelcomes},
};
INSTANTIATE_TEST_SUITE_P(Stance, StanceRules, ::testing::ValuesIn(kStances), RowName<StanceCase>);

// ---- JSON and document dates -------------------------------------------------
TEST(TagToJsonTest, ShapesFollowCliMd) {
  std::vector<Tag> tags = SharedTagger().Find("It costs £45 million over the next Spending Review.");
  ASSERT_GE(tags.size(), 2u);
  nlohmann::json money = TagToJson(tags[0]);
  EXPECT_EQ(money, nlohmann::json::parse(
                       R"({"kind":"money","text":"£45 million","start":9,"end":21,"value":{"currency":"GBP","amount":45000000}})"));
  nlohmann::json date = TagToJson(tags[1]);
  EXPECT_EQ(date["kind"], "date");
  EXPECT_TRUE(date["value"]["start"].is_null());
  EXPECT_TRUE(date["value"]["end"].is_null());
  EXPECT_TRUE(date["value"]["timex"].is_null());
  EXPECT_EQ(date["value"]["relative"], true);
}

TEST(FindDocumentDateTest, PrefersTheDateOnTheFirstPage) {
  Document doc;
  doc.date = "2020-01-01";
  Passage title;
  title.page = 1;
  title.text = "CHILDREN AND FAMILIES OVERVIEW AND SCRUTINY COMMITTEE";
  Passage date;
  date.page = 1;
  date.text = "7 MARCH 2023";
  Passage later;
  later.page = 2;
  later.text = "Meeting held on 1 April 2024";
  doc.passages = {title, date, later};
  EXPECT_EQ(FindDocumentDate(doc), "2023-03-07");
}

TEST(FindDocumentDateTest, ReadsALabelledDate) {
  Document doc;
  Passage p;
  p.text = "Briefing published on 3 May 2021. Date: 2 February 2023";
  doc.passages = {p};
  EXPECT_EQ(FindDocumentDate(doc), "2023-02-02");
}

TEST(FindDocumentDateTest, FallsBackToMetadataThenNothing) {
  Document doc;
  Passage p;
  p.text = "No date here.";
  doc.passages = {p};
  doc.date = "2022-11-30";
  EXPECT_EQ(FindDocumentDate(doc), "2022-11-30");
  doc.date.clear();
  EXPECT_EQ(FindDocumentDate(doc), "");
}

// How minutes, reports and press releases state their dates.
TEST(FindDocumentDateTest, ReadsTheWaysPapersStateTheirDate) {
  struct Row {
    std::vector<std::string> front;  // passages of page 1
    std::string metadata;
    std::string want;
  };
  const Row rows[] = {
      {{"Planning Committee", "Date: 12 March 2024"}, "", "2024-03-12"},
      {{"Minutes of the Planning Committee", "Meeting held on Tuesday 5 March 2024 at 6pm"}, "", "2024-03-05"},
      {{"Cabinet", "Date of meeting: Thursday, 18th January, 2024"}, "", "2024-01-18"},
      {{"Report to Cabinet", "Meeting date: 09/02/2024"}, "", "2024-02-09"},
      {{"Press release", "Published: 2024-05-03", "Issued on 1 May 2024 by the press office"}, "", "2024-05-03"},
      {{"Annual Air Quality Status Report", "June 2023"}, "", "2023-06-01"},
      {{"Annual Air Quality Status Report", "June 2023"}, "2023-06-27", "2023-06-27"},
      {{"Annual Air Quality Status Report", "June 2023"}, "2024-01-05", "2023-06-01"},
      {{"Minutes", "The Committee met on 4 April 2024.", "Date of next meeting: 2 May 2024"}, "", "2024-04-04"},
      {{"Agenda", "Date of next meeting: 2 May 2024"}, "2024-04-01", "2024-04-01"},
      {{"Housing strategy", "Our vision for the borough"}, "", ""},
      {{"SCRUTINY COMMITTEE", "7 MARCH 2023",
        "The purpose of this report is to set out the Government's strategy, published on 2 February 2023."},
       "", "2023-03-07"},
      // Minutes state where they met between "held" and the day, and approve
      // the minutes of the meeting before, whose day is not theirs.
      {{"MINUTES of a meeting of the Scrutiny Committee held at County Hall on Tuesday 9 September 2025 at 10am.",
        "RESOLVED: That the minutes of the meeting held on 8 July 2025 be approved as a correct record."},
       "", "2025-09-09"},
      {{"Minutes of the Environment Committee", "RESOLVED that the minutes of the last meeting held on 7 July 2026 "
        "be signed.", "Held in the Council Chamber, 15 September 2026"}, "", "2026-09-15"},
  };
  for (const Row& row : rows) {
    Document doc;
    doc.date = row.metadata;
    for (const std::string& text : row.front) {
      Passage p;
      p.page = 1;
      p.text = text;
      doc.passages.push_back(p);
    }
    EXPECT_EQ(FindDocumentDate(doc), row.want) << row.front.back() << " / metadata " << row.metadata;
  }
}

TEST(TaggerTest, OffsetsAreBytesAndTagsAreOrdered) {
  std::string text = "‘Quoted’ £5m, then 12% in 2023/24.";
  std::vector<Tag> tags = SharedTagger().Find(text);
  ASSERT_EQ(tags.size(), 3u);
  for (size_t i = 0; i < tags.size(); ++i) {
    EXPECT_EQ(text.substr(tags[i].start, tags[i].end - tags[i].start), tags[i].text);
    if (i > 0) {
      EXPECT_LE(tags[i - 1].start, tags[i].start);
    }
  }
  EXPECT_EQ(tags[0].start, 13u);  // after two 3-byte quotes, 6 letters and a space
}

}  // namespace
}  // namespace xref
