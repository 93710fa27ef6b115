// Plain text and Markdown extraction: paragraphs, headings, numbers, lists,
// tables, inline Markdown, encodings, and the bundled reference report.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/extract.h"
#include "tests/testing/word_similarity.h"

namespace xref {
namespace {

Document Extract(std::string_view bytes, Format format = Format::kText) {
  Result<Document> doc = ExtractPlainText("test.txt", bytes, format);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? std::move(doc).value() : Document{};
}

Document ExtractMarkdown(std::string_view bytes) { return Extract(bytes, Format::kMarkdown); }

// "kind|label|level|text" per passage, for compact comparisons.
std::vector<std::string> Shape(const Document& doc) {
  std::vector<std::string> out;
  for (const Passage& p : doc.passages) {
    out.push_back(std::string(PassageKindName(p.kind)) + "|" + p.label + "|" +
                  std::to_string(p.level) + "|" + p.text);
  }
  return out;
}

using Lines = std::vector<std::string>;

TEST(ExtractTextTest, BlankLinesSeparateParagraphsAndLinesJoin) {
  Document doc = Extract("First line\nof one paragraph.\n\n\nSecond paragraph\nhere.\n");
  EXPECT_EQ(Shape(doc), (Lines{"paragraph||0|First line of one paragraph.",
                                "paragraph||0|Second paragraph here."}));
  EXPECT_EQ(doc.passages[0].n, 1);
  EXPECT_EQ(doc.passages[1].n, 2);
  EXPECT_EQ(doc.format, Format::kText);
  EXPECT_EQ(doc.path, "test.txt");
}

// Saved from Word or an editor without wrapping: a paragraph to a line, and
// the lines, many longer than any wrapping width, are not joined; a numbered
// title over unnumbered text is a heading.
TEST(ExtractTextTest, TextSavedAParagraphToALine) {
  const std::string first =
      "The Director of Adult Social Care introduced the report, which set out the County's Better Care Fund plan "
      "for 2025-27.";
  const std::string second =
      "In response to a question, the Director explained that the Disabled Facilities Grant would be passed to the "
      "district councils in full.";
  Document doc = Extract("MINUTES of the Adults and Health Scrutiny Committee\n46. Better Care Fund Plan\n" + first +
                         "\n" + second + "\nRESOLVED: That the plan be noted.\n47. Date of next meeting\n"
                         "The next meeting will be held on 11 November 2025.\n");
  EXPECT_EQ(Shape(doc), (Lines{"paragraph||0|MINUTES of the Adults and Health Scrutiny Committee",
                                "heading|46|2|Better Care Fund Plan", "paragraph||0|" + first,
                                "paragraph||0|" + second, "paragraph||0|RESOLVED: That the plan be noted.",
                                "heading|47|2|Date of next meeting",
                                "paragraph||0|The next meeting will be held on 11 November 2025."}));
  EXPECT_EQ(doc.passages[3].section, "Better Care Fund Plan");
}

// A numbered title over a paragraph numbered under it ("2." over "2.1"), as
// nroff and other plain-text plans set their sections, is its heading; a
// numbered paragraph over the next number is not.
TEST(ExtractTextTest, NumberedTitleOverItsNumberedParagraphs) {
  Document doc = Extract(
      "2. Gigabit for every community\n\n2.1 The programme will provide \u00a34.2 billion over six years.\n\n"
      "2.2 Contracts will be let for a county.\n\n3. Mobile coverage\n\n4. Public buildings\n\n"
      "4.1 The grant will connect schools.\n");
  EXPECT_EQ(Shape(doc), (Lines{"heading|2|2|Gigabit for every community",
                               "paragraph|2.1|0|The programme will provide \u00a34.2 billion over six years.",
                               "paragraph|2.2|0|Contracts will be let for a county.", "paragraph|3|0|Mobile coverage",
                               "heading|4|2|Public buildings", "paragraph|4.1|0|The grant will connect schools."}))
      << ::testing::PrintToString(Shape(doc));
  EXPECT_EQ(doc.passages[2].section, "Gigabit for every community");
}

// Wrapped at a width, a message's lines join however long one of them is.
TEST(ExtractTextTest, WrappedTextJoinsDespiteALongLine) {
  Document doc = Extract(
      "The partnership board met on 3 March and agreed the first-year spending\n"
      "plan, which is published at\n"
      "https://www.example.gov.uk/transport/buses/enhanced-partnership/spending-plan-2027-28-final-version.pdf\n"
      "with the bid documents.\n\nOperators will confirm the depot works by\n12 April.\n");
  EXPECT_EQ(doc.passages.size(), 2u) << ::testing::PrintToString(Shape(doc));
}

TEST(ExtractTextTest, ByteOrderMarkAndLineEndings) {
  const char* inputs[] = {
      "\xEF\xBB\xBFOne\r\ntwo.\r\n\r\nThree.\r\n",  // BOM + CRLF
      "One\rtwo.\r\rThree.\r",                     // old Mac CR
      "One\ntwo.\n\nThree.",                       // LF, no final newline
  };
  for (const char* in : inputs) {
    Document doc = Extract(in);
    EXPECT_EQ(Shape(doc), (Lines{"paragraph||0|One two.", "paragraph||0|Three."})) << in;
    EXPECT_EQ(doc.title, "One") << in;
  }
}

TEST(ExtractTextTest, Utf16WithByteOrderMark) {
  std::string le("\xFF\xFE", 2);
  for (char c : std::string("Caf\xE9.")) {  // Latin-1 é is U+00E9
    le += c;
    le += '\0';
  }
  Document doc = Extract(le);
  ASSERT_EQ(doc.passages.size(), 1u);
  EXPECT_EQ(doc.passages[0].text, "Caf\xC3\xA9.");
}

// Text that is not UTF-8 is read as Windows-1252 where it cannot be UTF-8,
// as Notepad's "ANSI" files and old exports are written; UTF-8 in the same
// file stays UTF-8.
TEST(ExtractTextTest, BytesThatAreNotUtf8AreReadAsWindows1252) {
  Document doc = Extract("Budget \xA3" "45m for \x93pathfinders\x94 \x96 caf\xC3\xA9.\n\nNext \xC3 para \x80" "5.");
  ASSERT_EQ(doc.passages.size(), 2u);
  EXPECT_EQ(doc.passages[0].text, "Budget \xC2\xA3" "45m for \xE2\x80\x9Cpathfinders\xE2\x80\x9D \xE2\x80\x93 caf\xC3\xA9.");
  EXPECT_EQ(doc.passages[1].text, "Next \xC3\x83 para \xE2\x82\xAC" "5.");
}

// A word a typesetter broke at a line end (nroff writes U+2010 HYPHEN) is
// mended; a hyphen the document writes inside a word elsewhere is kept, and
// so is one before a capital or a number.
TEST(ExtractTextTest, WordsBrokenAtLineEndsAreMended) {
  Document doc = Extract(
      "The Government will make sure that ev\u2010\nery premises can get gigabit\u2010capable\n"
      "broadband, and that gigabit\u2010\ncapable networks reach the Scottish\u2010\nBorders by 2030\u2010\n31.\n");
  ASSERT_EQ(doc.passages.size(), 1u);
  EXPECT_EQ(doc.passages[0].text,
            "The Government will make sure that every premises can get gigabit\u2010capable broadband, and that "
            "gigabit\u2010capable networks reach the Scottish\u2010Borders by 2030\u201031.");
}

// Form feeds break the pages of a text (pdftotext, groff, line printers):
// each passage has the page it starts on; a text without them has no pages.
TEST(ExtractTextTest, FormFeedsNumberThePages) {
  Document doc = Extract(
      "Page one text.\n\nA paragraph the page break\n\fcuts in two.\n\n\fPage three.\n\n\f\fPage five.\n\f");
  ASSERT_EQ(doc.passages.size(), 4u);
  EXPECT_EQ(doc.passages[0].page, 1);
  // Cut by the page break, still one paragraph, cited by where it starts.
  EXPECT_EQ(doc.passages[1].text, "A paragraph the page break cuts in two.");
  EXPECT_EQ(doc.passages[1].page, 1);
  EXPECT_EQ(doc.passages[2].text, "Page three.");
  EXPECT_EQ(doc.passages[2].page, 3);
  EXPECT_EQ(doc.passages[3].text, "Page five.");
  EXPECT_EQ(doc.passages[3].page, 5);
  Document unpaged = Extract("No pages here.\n\nNone at all.\n");
  ASSERT_EQ(unpaged.passages.size(), 2u);
  EXPECT_FALSE(unpaged.passages[0].page.has_value());
}

// In a text with form feeds (pdftotext's), a page number alone at a page's
// top or foot, and a line that opens or closes three pages or more but for
// its numbers, are furniture, not passages; the title in the body stays.
TEST(ExtractTextTest, RunningHeadsAndPageNumbersOfFormFedPagesAreDropped) {
  std::string text;
  for (int page = 1; page <= 4; ++page) {
    if (page > 1) text += "\f";
    text += "Clean Air Plan " + std::to_string(2026 + page % 2) + "\n\n";
    const char* const kBodies[] = {"", "The Council will plant trees.", "Schools will close roads at drop-off.",
                                   "Buses will be electric.", "The zone starts in May."};
    text += std::string(kBodies[page]) + "\n\n";
    if (page == 2) text += "Clean Air Plan\n\nMore of page two.\n\n";
    text += "- " + std::to_string(page) + " -\n";
  }
  Document doc = Extract(text);
  std::vector<std::string> texts;
  for (const Passage& p : doc.passages) texts.push_back(p.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"The Council will plant trees.", "Schools will close roads at drop-off.",
                                             "Clean Air Plan", "More of page two.", "Buses will be electric.",
                                             "The zone starts in May."}));
  ASSERT_EQ(doc.passages.size(), 6u);
  EXPECT_EQ(doc.passages[5].page, 4);
  // Without form feeds nothing is taken for furniture.
  Document plain = Extract("12\n\nA paragraph.\n");
  ASSERT_EQ(plain.passages.size(), 2u);
}

// Page numbers in the forms printers and converters write them, at a page's
// foot or head, are furniture; a line with a number and words is text.
TEST(ExtractTextTest, PageNumbersInTheirUsualFormsAreDropped) {
  const std::vector<std::string> kFeet = {"Page 1 of 4", "2 | Page", "\u2212 3 \u2212", "PAGE 4", "\u2013 5 \u2013"};
  const char* const kBodies[] = {"Trees will be planted.", "Roads will close at drop-off.", "Buses will be electric.",
                                 "The zone starts in May.", "Fines fund the scheme."};
  std::string text;
  for (size_t page = 0; page < kFeet.size(); ++page) {
    if (page > 0) text += "\f";
    text += std::string(kBodies[page]) + "\n\n" + kFeet[page] + "\n";
  }
  text += "\fPage 12 is where the map is.\n\n12345\n";
  Document doc = Extract(text);
  std::vector<std::string> texts;
  for (const Passage& p : doc.passages) texts.push_back(p.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"Trees will be planted.", "Roads will close at drop-off.",
                                             "Buses will be electric.", "The zone starts in May.",
                                             "Fines fund the scheme.", "Page 12 is where the map is.", "12345"}));
}

TEST(ExtractTextTest, AtxAndSetextHeadings) {
  Document doc = ExtractMarkdown(
      "# Title ##\n\nIntro text.\n\n## Part one\nBody one.\n\n###### Deep\n\nBody deep.\n\n"
      "Setext one\n==========\n\nBody two.\n\nSetext two\n---\nBody three.\n\n#NoSpace is text\n");
  EXPECT_EQ(Shape(doc), (Lines{"heading||1|Title", "paragraph||0|Intro text.",
                                "heading||2|Part one", "paragraph||0|Body one.",
                                "heading||6|Deep", "paragraph||0|Body deep.",
                                "heading||1|Setext one", "paragraph||0|Body two.",
                                "heading||2|Setext two", "paragraph||0|Body three.",
                                "paragraph||0|#NoSpace is text"}));
  EXPECT_EQ(doc.passages[1].section, "Title");
  EXPECT_EQ(doc.passages[3].section, "Part one");
  EXPECT_EQ(doc.passages[9].section, "Setext two");
  EXPECT_EQ(doc.title, "Title");
}

TEST(ExtractTextTest, ThematicBreakIsNoHeading) {
  Document doc = ExtractMarkdown("# H\n\nText.\n\n---\n\nMore.\n\n* * *\n");
  EXPECT_EQ(Shape(doc), (Lines{"heading||1|H", "paragraph||0|Text.", "paragraph||0|More."}));
}

TEST(ExtractTextTest, BoldLineIsAHeadingInMarkdownOnly) {
  const char* in = "**Purpose of the report**\n\nThe purpose is **to inform**.\n";
  EXPECT_EQ(Shape(ExtractMarkdown(in)),
            (Lines{"heading||2|Purpose of the report", "paragraph||0|The purpose is to inform."}));
  Document text = Extract(in);
  EXPECT_EQ(text.passages[0].kind, PassageKind::kParagraph);
  EXPECT_EQ(text.passages[0].text, "**Purpose of the report**");
}

TEST(ExtractTextTest, BoldHeadingOverTwoLines) {
  Document doc = ExtractMarkdown("**CHILDREN AND FAMILY SERVICES\nCOMMITTEE**\n\n7 MARCH 2023\n");
  EXPECT_EQ(Shape(doc), (Lines{"heading||2|CHILDREN AND FAMILY SERVICES COMMITTEE",
                                "paragraph||0|7 MARCH 2023"}));
  EXPECT_EQ(doc.title, "CHILDREN AND FAMILY SERVICES COMMITTEE");
}

struct NumberCase {
  const char* line;
  const char* label;  // "" = no number
  const char* text;
};

TEST(ExtractTextTest, NumberedParagraphs) {
  const NumberCase cases[] = {
      {"12. The Government is investing.", "12", "The Government is investing."},
      {"1.1 Scope of the review", "1.1", "Scope of the review"},
      {"1.1. Scope", "1.1", "Scope"},
      {"2.3.4 Detail", "2.3.4", "Detail"},
      {"(a) the first point", "(a)", "the first point"},
      {"(12) twelfth", "(12)", "twelfth"},
      {"(iv) fourth", "(iv)", "fourth"},
      {"a) lettered", "a)", "lettered"},
      {"b. lettered", "b", "lettered"},
      {"3) numbered", "3)", "numbered"},
      {"ii) roman", "ii)", "roman"},
      {"12 apples were bought.", "", "12 apples were bought."},
      {"2022. The year began.", "", "2022. The year began."},
      {"1.5m pounds", "", "1.5m pounds"},
      {"12.", "", "12."},
      {"A. N. Other wrote this.", "", "A. N. Other wrote this."},
  };
  for (const NumberCase& c : cases) {
    for (Format format : {Format::kText, Format::kMarkdown}) {
      Document doc = Extract(c.line, format);
      ASSERT_EQ(doc.passages.size(), 1u) << c.line;
      EXPECT_EQ(doc.passages[0].kind, PassageKind::kParagraph) << c.line;
      EXPECT_EQ(doc.passages[0].label, c.label) << c.line;
      EXPECT_EQ(doc.passages[0].text, c.text) << c.line;
    }
  }
}

TEST(ExtractTextTest, ConsecutiveNumbersSplitButWrappedYearsDoNot) {
  Document doc = Extract(
      "1. First paragraph that wraps\nonto a second line.\n2. Second, published in May\n"
      "2022. This continues it.\n(a) a sub point\n(b) another\n\nPlain text after.\n");
  EXPECT_EQ(Shape(doc),
            (Lines{"paragraph|1|0|First paragraph that wraps onto a second line.",
                   "paragraph|2|0|Second, published in May 2022. This continues it.",
                   "paragraph|(a)|0|a sub point", "paragraph|(b)|0|another",
                   "paragraph||0|Plain text after."}));
}

TEST(ExtractTextTest, Bullets) {
  Document doc = Extract(
      "Intro:\n- dash item\n* star item\n\xE2\x80\xA2 bullet item\nthat wraps\n"
      "  - nested item\n    - deeper\n- back to top\n");
  EXPECT_EQ(Shape(doc), (Lines{"paragraph||0|Intro:", "list_item||1|dash item",
                                "list_item||1|star item", "list_item||1|bullet item that wraps",
                                "list_item||2|nested item", "list_item||3|deeper",
                                "list_item||1|back to top"}));
}

// After an item's finished sentence, a capitalised line at the bullet's own
// indent is a paragraph of its own; a wrapped item's line carries on.
TEST(ExtractTextTest, ALineAfterAFinishedItemIsItsOwnParagraph) {
  Document doc = Extract(
      "Key actions\n\n- Recruit 25 nurses by October 2027.\n- Reduce handover delays\nby March 2028.\n"
      "Action 4: Extend the virtual ward to 120 beds.\n");
  EXPECT_EQ(Shape(doc), (Lines{"heading||2|Key actions", "list_item||1|Recruit 25 nurses by October 2027.",
                                "list_item||1|Reduce handover delays by March 2028.",
                                "paragraph||0|Action 4: Extend the virtual ward to 120 beds."}));
  // Markdown's lazy continuation keeps the line in the item.
  Document md = ExtractMarkdown("- Recruit 25 nurses.\nThen train them.\n");
  EXPECT_EQ(Shape(md), (Lines{"list_item||1|Recruit 25 nurses. Then train them."}));
}

TEST(ExtractTextTest, MarkdownInline) {
  struct Case {
    const char* in;
    const char* want;
  };
  const Case cases[] = {
      {"Some **bold** and *em* and __strong__ and _em_.", "Some bold and em and strong and em."},
      {"See [the strategy](https://example.org/a_(b)) now.", "See the strategy now."},
      {"An ![chart](img.png) image.", "An chart image."},
      {"Ref [link][1] style.", "Ref link style."},
      {"Auto <https://example.org/x> link.", "Auto https://example.org/x link."},
      {"A snake_case_name stays.", "A snake_case_name stays."},
      {"2 * 3 = 6", "2 * 3 = 6"},
      {"Escaped \\*star\\* and \\[bracket].", "Escaped *star* and [bracket]."},
      {"Code `x = 1` here.", "Code x = 1 here."},
      {"~~struck~~ text", "struck text"},
      {"[unclosed link( and [text] alone", "[unclosed link( and [text] alone"},
  };
  for (const Case& c : cases) {
    Document doc = ExtractMarkdown(c.in);
    ASSERT_EQ(doc.passages.size(), 1u) << c.in;
    EXPECT_EQ(doc.passages[0].text, c.want) << c.in;
  }
  // Plain text keeps the markup as written.
  EXPECT_EQ(Extract("Some **bold** [x](y).").passages[0].text, "Some **bold** [x](y).");
}

TEST(ExtractTextTest, MarkdownLinkDefinitionsAndCommentsPrintNothing) {
  Document doc = ExtractMarkdown(
      "See [the plan][plan].\n\n[plan]: https://example.org/plan.pdf\n<!-- draft note -->\n\nEnd.\n");
  EXPECT_EQ(Shape(doc), (Lines{"paragraph||0|See the plan.", "paragraph||0|End."}));
  // In plain text the same lines are text.
  EXPECT_EQ(Extract("[plan]: https://example.org/plan.pdf").passages.size(), 1u);
}

TEST(ExtractTextTest, MarkdownEmphasisInHeadingsAndItems) {
  Document doc = ExtractMarkdown("## The *new* plan\n\n- **£45m** for [pathfinders](u)\n");
  EXPECT_EQ(Shape(doc), (Lines{"heading||2|The new plan", "list_item||1|£45m for pathfinders"}));
}

TEST(ExtractTextTest, PipeTables) {
  Document doc = ExtractMarkdown(
      "Costs:\n\n| Item | Amount |\n|------|-------:|\n| Family help | £45m |\n"
      "| Kinship \\| care | £9m |\n\nAfter.\n\nName | Role\n--- | ---\nAna | Chair\n");
  EXPECT_EQ(Shape(doc),
            (Lines{"paragraph||0|Costs:", "table_cell||0|Item | Amount", "table_cell||0|Family help | £45m",
                   "table_cell||0|Kinship | care | £9m", "paragraph||0|After.", "table_cell||0|Name | Role",
                   "table_cell||0|Ana | Chair"}));
}

TEST(ExtractTextTest, GuessedHeadingsInPlainText) {
  Document doc = Extract(
      "Purpose of the Report\n\n1. The purpose is this.\n\nBackground\n\n"
      "This line is a sentence.\n\nWhat happens next?\n\nA closing paragraph.\n");
  EXPECT_EQ(Shape(doc), (Lines{"heading||2|Purpose of the Report",
                                "paragraph|1|0|The purpose is this.", "heading||2|Background",
                                "paragraph||0|This line is a sentence.",
                                "heading||2|What happens next?", "paragraph||0|A closing paragraph."}));
  EXPECT_EQ(doc.passages[1].section, "Purpose of the Report");
  EXPECT_EQ(doc.title, "Purpose of the Report");
}

// Notes sent as plain text: numbered item titles in capitals are headings
// (with their numbers), and a "Label: value" line just before one is a line
// of the notes, not the heading over the items.
TEST(ExtractTextTest, NumberedTitlesInCapitalsAreHeadings) {
  Document doc = Extract(
      "Present: Cllr A Smith (Chair), Cllr B Jones\n\nApologies: Cllr C Brown\n\n"
      "1. NOTES OF THE LAST MEETING\n\nThe notes were agreed.\n\n2. SCHOOL ADMISSIONS\n\n"
      "2.1 The Council will publish the new admissions policy by March 2026.\n\n"
      "3. Members noted the report.\n");
  EXPECT_EQ(Shape(doc), (Lines{"paragraph||0|Present: Cllr A Smith (Chair), Cllr B Jones",
                                "paragraph||0|Apologies: Cllr C Brown", "heading|1|2|NOTES OF THE LAST MEETING",
                                "paragraph||0|The notes were agreed.", "heading|2|2|SCHOOL ADMISSIONS",
                                "paragraph|2.1|0|The Council will publish the new admissions policy by March 2026.",
                                "paragraph|3|0|Members noted the report."}));
  EXPECT_EQ(doc.passages[5].section, "SCHOOL ADMISSIONS");
}

// A message saved as text: its subject is the title, not its first heading.
TEST(ExtractTextTest, AMessagesSubjectIsItsTitle) {
  Document doc = Extract(
      "From: A Clerk <clerk@example.gov.uk>\nTo: Board members\nDate: Wed, 3 Mar 2027 16:42:10 +0000\n"
      "Subject: Notes of the board, 1 March 2027\n\nHi all,\n\n1. NOTES OF THE LAST MEETING\n\n"
      "The notes were agreed.\n");
  EXPECT_EQ(doc.title, "Notes of the board, 1 March 2027");
  // The header gives the date, as a PDF's metadata does, and is no passage.
  EXPECT_EQ(doc.date, "2027-03-03");
  ASSERT_FALSE(doc.passages.empty());
  EXPECT_EQ(doc.passages.front().text, "Hi all,");
  // A report's cover fields (no sender's address) stay passages.
  Document cover = Extract("Report to: Cabinet\nDate: 12 March 2026\nSubject: Budget\n\nThe budget.\n");
  ASSERT_FALSE(cover.passages.empty());
  EXPECT_EQ(cover.passages.front().text.substr(0, 18), "Report to: Cabinet");
  // One "Subject:" line is no message header.
  EXPECT_EQ(Extract("Subject: a short note\n\nWhat it says.\n").title, "Subject: a short note");
}

// Markdown's front matter (YAML between "---" lines, TOML between "+++"):
// its title and date are the paper's, and the block is no passage. A
// thematic break followed by text is no front matter.
TEST(ExtractTextTest, MarkdownFrontMatterGivesTitleAndDate) {
  Document doc = ExtractMarkdown(
      "---\ntitle: \"Potholes to be fixed in half the time\"\ndate: 2026-01-29T06:45:00+00:00\n"
      "categories: [\"News\", \"Transport\"]\ntags:\n  - potholes\n---\n\n# Potholes to be fixed\n\n"
      "Drivers are being promised faster repairs.\n");
  EXPECT_EQ(doc.title, "Potholes to be fixed in half the time");
  EXPECT_EQ(doc.date, "2026-01-29");
  EXPECT_EQ(Shape(doc), (Lines{"heading||1|Potholes to be fixed", "paragraph||0|Drivers are being promised faster repairs."}));
  Document toml = ExtractMarkdown("+++\ntitle = 'Roads plan'\ndate = 2026-02-03\n+++\nThe plan.\n");
  EXPECT_EQ(toml.title, "Roads plan");
  EXPECT_EQ(toml.date, "2026-02-03");
  EXPECT_EQ(Shape(toml), (Lines{"paragraph||0|The plan."}));
  Document rule = ExtractMarkdown("---\nSome words after a rule.\n---\nMore words.\n");
  EXPECT_TRUE(rule.date.empty());
  EXPECT_FALSE(rule.passages.empty());
}

TEST(ExtractTextTest, NoGuessingWhenMarkdownMarksItsHeadings) {
  Document doc = ExtractMarkdown("# Real heading\n\nShort line\n\nBody text.\n");
  EXPECT_EQ(Shape(doc), (Lines{"heading||1|Real heading", "paragraph||0|Short line",
                                "paragraph||0|Body text."}));
}

TEST(ExtractTextTest, FencedCodeIsKeptVerbatim) {
  Document doc = ExtractMarkdown("```\n# not a heading\n- not a list\n```\n");
  EXPECT_EQ(Shape(doc), (Lines{"paragraph||0|# not a heading - not a list"}));
}

TEST(ExtractTextTest, BlockQuote) {
  Document doc = ExtractMarkdown("> Quoted **text**\n> continues.\n");
  EXPECT_EQ(Shape(doc), (Lines{"paragraph||0|Quoted text continues."}));
}

TEST(ExtractTextTest, TitleIsFirstLineWithoutHeadings) {
  Document doc = Extract("report of the director, 7 March\nand more text.\n");
  EXPECT_EQ(doc.title, "report of the director, 7 March");
}

TEST(ExtractTextTest, EmptyAndBlankInputs) {
  EXPECT_TRUE(Extract("").passages.empty());
  EXPECT_TRUE(Extract("\n\n   \n\t\n").passages.empty());
  EXPECT_TRUE(ExtractMarkdown("---\n***\n").passages.empty());
}

TEST(ExtractTextTest, RefusesOtherFormats) {
  Result<Document> doc = ExtractPlainText("x.pdf", "text", Format::kPdf);
  EXPECT_FALSE(doc.ok());
}

// A 50 MB file on one line, full of Markdown openers that never close: the
// reader must stay linear (a quadratic scan would not finish in the suite).
TEST(ExtractTextTest, HugeSingleLineIsLinear) {
  const std::string unit = "word [a](no close **b <https://x [c] ";
  std::string line;
  line.reserve(50u << 20);
  while (line.size() < (50u << 20)) line += unit;
  Document doc = ExtractMarkdown(line);
  ASSERT_EQ(doc.passages.size(), 1u);
  EXPECT_GT(doc.passages[0].text.size(), 40u << 20);
  EXPECT_LE(doc.title.size(), 300u);
}

// The reference text of the Leicestershire report, read as Markdown.
TEST(ExtractTextTest, LeicestershireReferenceAsMarkdown) {
  const std::string path =
      XREF_SHARED_DIR "/corpus/reference/leicestershire-cfs-scrutiny-2023-03-07.md";
  std::string bytes = testing::ReadFileOrFail(path);
  ASSERT_FALSE(bytes.empty());
  Result<Document> doc = ExtractPlainText(path, bytes, Format::kMarkdown);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();

  std::vector<int> numbers;
  int headings = 0;
  for (const Passage& p : doc->passages) {
    if (p.kind == PassageKind::kHeading) ++headings;
    if (!p.label.empty() && std::all_of(p.label.begin(), p.label.end(), ::isdigit)) {
      numbers.push_back(std::stoi(p.label));
    }
  }
  // Paragraphs 1..N in order, each once.
  ASSERT_GE(numbers.size(), 45u);
  for (size_t i = 0; i < numbers.size(); ++i) EXPECT_EQ(numbers[i], static_cast<int>(i) + 1);
  EXPECT_GE(headings, 8);
  EXPECT_NE(doc->title.find("CHILDREN AND FAMILY SERVICES"), std::string::npos) << doc->title;

  const Passage* twelve = nullptr;
  for (const Passage& p : doc->passages) {
    if (p.label == "12") twelve = &p;
  }
  ASSERT_NE(twelve, nullptr);
  EXPECT_EQ(twelve->text.rfind("The Government is investing", 0), 0u) << twelve->text;
  EXPECT_NE(twelve->section.find("Pillar 1"), std::string::npos) << twelve->section;

  std::string all;
  for (const Passage& p : doc->passages) all += (p.label.empty() ? "" : p.label + " ") + p.text + "\n";
  double similarity = testing::WordSequenceSimilarity(all, bytes);
  RecordProperty("similarity", std::to_string(similarity));
  EXPECT_GE(similarity, 0.99);
}

}  // namespace
}  // namespace xref
