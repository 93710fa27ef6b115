// PDF extraction on PDFs the tests typeset themselves (cairo + pango), so
// that each layout feature is checked on its own: two columns, running heads
// and page-number footers, paragraph numbers in their own column, words broken
// at line ends, a paragraph split over pages, footnotes, a rotated margin
// stamp, headings; and on broken files, which must give a one-line Status.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "pipeline/extract.h"
#include "pipeline/pdf_layout.h"
#include "tests/testing/hostile_files.h"
#include "tests/testing/typeset_pdf.h"
#include "tests/testing/word_similarity.h"

namespace xref {
namespace {

using testing::TypesetPdf;

constexpr char kBody[] = "DejaVu Serif 10";
constexpr double kLeading = 13;

Document Extract(const TypesetPdf& pdf) {
  Result<Document> doc = ExtractPdf("typeset.pdf", pdf.Render());
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? std::move(doc).value() : Document{};
}

std::string Dump(const Document& doc) {
  std::string out;
  for (const Passage& p : doc.passages) {
    out += std::to_string(p.n) + " p" + std::to_string(p.page.value_or(0)) + " [" +
           std::string(PassageKindName(p.kind)) + "|" + p.label + "] " + p.text + "\n";
  }
  return out;
}

const Passage* Find(const Document& doc, std::string_view needle) {
  for (const Passage& p : doc.passages) {
    if (p.text.find(needle) != std::string::npos) return &p;
  }
  ADD_FAILURE() << "no passage holds \"" << needle << "\" in:\n" << Dump(doc);
  return nullptr;
}

bool Holds(const Document& doc, std::string_view needle) {
  for (const Passage& p : doc.passages) {
    if (p.text.find(needle) != std::string::npos) return true;
  }
  return false;
}

// --- Layouts ------------------------------------------------------------------------

TEST(ExtractPdfTest, TwoColumnsAreReadOneAfterTheOther) {
  TypesetPdf pdf;
  pdf.Text(0, 50, 50, "School Transport Review", "DejaVu Sans Bold 16");
  const std::vector<std::string> left = {
      "The county carries eleven thousand pupils",
      "to school each day on contracted buses and",
      "taxis, at a cost that has risen every year.",
      "",
      "Eligibility is set by statute for pupils who",
      "live beyond the walking distance, and the",
      "council also supports some pupils who are",
  };
  const std::vector<std::string> right = {
      "not eligible where a safe walking route is",
      "not available to the nearest school.",
      "",
      "The review proposes a single travel budget",
      "for each school that would replace the",
      "separate contracts now held by the county.",
  };
  pdf.Lines(0, 50, 100, left, kBody, kLeading);
  pdf.Lines(0, 310, 100, right, kBody, kLeading);
  Document doc = Extract(pdf);
  ASSERT_EQ(doc.passages.size(), 4u) << Dump(doc);
  EXPECT_EQ(doc.passages[0].kind, PassageKind::kHeading);
  EXPECT_EQ(doc.passages[0].text, "School Transport Review");
  EXPECT_EQ(doc.title, "School Transport Review");
  EXPECT_EQ(doc.passages[1].text,
            "The county carries eleven thousand pupils to school each day on contracted buses "
            "and taxis, at a cost that has risen every year.");
  // The paragraph that the column break cut is whole, in order.
  EXPECT_EQ(doc.passages[2].text,
            "Eligibility is set by statute for pupils who live beyond the walking distance, and "
            "the council also supports some pupils who are not eligible where a safe walking "
            "route is not available to the nearest school.");
  EXPECT_EQ(doc.passages[3].text.rfind("The review proposes a single travel budget", 0), 0u);
  EXPECT_EQ(doc.passages[2].section, "School Transport Review");
}

// Three pages with a running head, a "Page N of 3" footer, numbered
// paragraphs whose numbers stand in their own column, and a paragraph that
// runs from page 1 onto page 2.
TypesetPdf CouncilStylePaper() {
  TypesetPdf pdf;
  pdf.SetTitle("Air Quality Action Plan: annual status report");
  for (int page = 0; page < 3; ++page) {
    pdf.Text(page, 180, 30, "Environment Scrutiny Panel, 12 May 2024", "DejaVu Serif 8");
    pdf.Text(page, 270, 800, "Page " + std::to_string(page + 1) + " of 3", "DejaVu Serif 8");
  }
  pdf.Text(0, 60, 80, "Nitrogen dioxide", "DejaVu Serif Bold 12");
  double y = 110;
  pdf.Text(0, 60, y, "1.", kBody);
  y = pdf.Lines(0, 90, y,
                {"Annual mean concentrations of nitrogen dioxide fell at",
                 "all but two of the council's diffusion tube sites in",
                 "the last year, continuing the trend since 2019."},
                kBody, kLeading);
  y += 8;
  pdf.Text(0, 60, y, "2.", kBody);
  y = pdf.Lines(0, 90, y,
                {"The two sites above the objective are on the inner",
                 "ring road, where the council will consult on a",
                 "clean air zone before the end of the year."},
                kBody, kLeading);
  y += 8;
  pdf.Text(0, 60, y, "3.", kBody);
  // Paragraph 3 fills the page and continues on page 2.
  std::vector<std::string> filler;
  for (int i = 0; y + kLeading * static_cast<double>(filler.size()) < 760; ++i) {
    filler.push_back(i % 2 == 0 ? "Monitoring continues at forty locations across the"
                                : "district, with results published every quarter and");
  }
  filler.back() = "the monitoring network will be reviewed by the";
  pdf.Lines(0, 90, y, filler, kBody, kLeading);
  y = pdf.Lines(1, 90, 80,
                {"panel in the autumn, when the new sensors arrive.", ""}, kBody, kLeading);
  pdf.Text(1, 60, y, "4.", kBody);
  y = pdf.Lines(1, 90, y,
                {"Particulate matter is measured at one automatic site",
                 "only; a second site is planned for the town centre."},
                kBody, kLeading);
  pdf.Text(2, 60, 80, "5.", kBody);
  pdf.Lines(2, 90, 80,
            {"The panel is asked to note the report and to comment",
             "on the proposals for the clean air zone."},
            kBody, kLeading);
  return pdf;
}

TEST(ExtractPdfTest, RunningHeadsFootersAndPageNumbersAreDropped) {
  Document doc = Extract(CouncilStylePaper());
  EXPECT_EQ(doc.pages, 3);
  EXPECT_EQ(doc.title, "Air Quality Action Plan: annual status report");
  for (const Passage& p : doc.passages) {
    EXPECT_EQ(p.text.find("Scrutiny Panel"), std::string::npos) << Dump(doc);
    EXPECT_EQ(p.text.find("of 3"), std::string::npos) << Dump(doc);
  }
}

// A paragraph whose last word, a year, is carried over to the top of the
// next page: a bare number in the top band that does not count the pages
// ("2027." on page 2 of 3, whose pages are numbered 1, 2, 3 at the foot) is
// the end of a sentence, not a page number.
TEST(ExtractPdfTest, AYearCarriedOverToTheNextPageIsNotAPageNumber) {
  TypesetPdf pdf;
  for (int page = 0; page < 3; ++page) {
    pdf.Text(page, 290, 800, std::to_string(page + 1), "DejaVu Serif 8");
  }
  double y = 80;
  pdf.Text(0, 60, y, "1.", kBody);
  std::vector<std::string> filler;
  for (int i = 0; y + kLeading * static_cast<double>(filler.size()) < 760; ++i) {
    filler.push_back(i % 2 == 0 ? "Fly-tipping fell in every ward of the district over"
                                : "the year, and the enforcement results are published");
  }
  filler.back() = "and the first report will appear in April";
  pdf.Lines(0, 90, y, filler, kBody, kLeading);
  y = pdf.Lines(1, 90, 60, {"2027.", ""}, kBody, kLeading);
  pdf.Text(1, 60, y, "2.", kBody);
  pdf.Lines(1, 90, y, {"The Committee noted the report."}, kBody, kLeading);
  pdf.Text(2, 60, 80, "3.", kBody);
  pdf.Lines(2, 90, 80, {"The meeting closed at 8.40 pm."}, kBody, kLeading);
  Document doc = Extract(pdf);
  const Passage* first = Find(doc, "Fly-tipping fell");
  ASSERT_NE(first, nullptr) << Dump(doc);
  EXPECT_NE(first->text.find("will appear in April 2027."), std::string::npos) << Dump(doc);
  for (const Passage& p : doc.passages) {
    EXPECT_NE(p.text, "1") << Dump(doc);
    EXPECT_NE(p.text, "2") << Dump(doc);
    EXPECT_NE(p.text, "3") << Dump(doc);
    EXPECT_EQ(p.text.find("closed at 8.40 pm. 3"), std::string::npos) << Dump(doc);
  }
}

// Minutes set their numbered item titles in a bold sans a little smaller
// than the serif body: each is a heading, the section of the minutes under
// it. A small bold line with no number (a masthead) is not.
TEST(ExtractPdfTest, SmallBoldNumberedItemTitlesAreHeadings) {
  TypesetPdf pdf;
  pdf.Text(0, 60, 60, "Environment and Neighbourhoods Committee", "DejaVu Sans Bold 8.8");
  pdf.Lines(0, 60, 80, {"Minutes of a meeting held on 15 September 2026."}, kBody, kLeading);
  double y = 110;
  const std::vector<std::pair<std::string, std::string>> items = {
      {"31.", "Apologies for absence"}, {"32.", "Weekly food waste collections"}, {"33.", "Fly-tipping"}};
  int n = 0;
  for (const auto& [number, title] : items) {
    pdf.Text(0, 60, y, number, "DejaVu Sans Bold 8.8");
    pdf.Text(0, 90, y, title, "DejaVu Sans Bold 8.8");
    y += 20;
    pdf.Text(0, 60, y, number.substr(0, 2) + ".1", kBody);
    y = pdf.Lines(0, 90, y,
                  {"The Manager introduced the report on item " + std::to_string(++n) + " and",
                   "members noted the progress made since the last meeting."},
                  kBody, kLeading);
    y += 12;
  }
  Document doc = Extract(pdf);
  const Passage* title = Find(doc, "Weekly food waste collections");
  ASSERT_NE(title, nullptr) << Dump(doc);
  EXPECT_EQ(title->kind, PassageKind::kHeading) << Dump(doc);
  const Passage* under = Find(doc, "report on item 2");
  ASSERT_NE(under, nullptr) << Dump(doc);
  EXPECT_EQ(under->section, "Weekly food waste collections") << Dump(doc);
  const Passage* masthead = Find(doc, "Environment and Neighbourhoods Committee");
  ASSERT_NE(masthead, nullptr) << Dump(doc);
  EXPECT_NE(masthead->kind, PassageKind::kHeading) << Dump(doc);
}

TEST(ExtractPdfTest, NumbersInTheirOwnColumnBecomeLabels) {
  Document doc = Extract(CouncilStylePaper());
  std::vector<std::string> labels;
  for (const Passage& p : doc.passages) {
    if (p.kind == PassageKind::kParagraph) labels.push_back(p.label);
  }
  EXPECT_EQ(labels, (std::vector<std::string>{"1", "2", "3", "4", "5"})) << Dump(doc);
  const Passage* p2 = Find(doc, "The two sites above the objective");
  ASSERT_NE(p2, nullptr);
  EXPECT_EQ(p2->label, "2");
  EXPECT_EQ(p2->text,
            "The two sites above the objective are on the inner ring road, where the council "
            "will consult on a clean air zone before the end of the year.");
  EXPECT_EQ(p2->section, "Nitrogen dioxide");
  const Passage* heading = Find(doc, "Nitrogen dioxide");
  ASSERT_NE(heading, nullptr);
  EXPECT_EQ(heading->kind, PassageKind::kHeading);
}

// A table of figures at the foot of a page, its last row carried over to the
// next: each row is one passage, cells in column order, and no figure in it
// (not even the route numbers of its first column, set like paragraph numbers
// in a column of their own) becomes a paragraph label.
TEST(ExtractPdfTest, TableRowsAreRowsAcrossAPageBreak) {
  TypesetPdf pdf;
  pdf.Text(0, 60, 80, "School transport", "DejaVu Serif Bold 12");
  pdf.Text(0, 60, 110, "1.", kBody);
  pdf.Lines(0, 90, 110,
            {"The council carries pupils on four contracted routes.",
             "Their numbers and costs are set out below."},
            kBody, kLeading);
  pdf.Text(0, 60, 640, "Table 1: Pupils carried and cost by route, 2024", kBody);
  const double columns[] = {60, 200, 300, 400};
  const std::vector<std::vector<std::string>> rows = {
      {"Route", "Pupils", "Cost", "Change"},
      {"12", "120", "4.5", "0.8"},
      {"14", "135", "6.1", "1.2"},
      {"21", "210", "7.8", "2.0"},
      {"33", "105", "5.2", "0.3"},  // on the next page
  };
  for (size_t r = 0; r < rows.size(); ++r) {
    const bool carried = r + 1 == rows.size();
    const double y = carried ? 90 : 665 + 18 * static_cast<double>(r);
    for (size_t c = 0; c < 4; ++c) pdf.Text(carried ? 1 : 0, columns[c], y, rows[r][c], kBody);
  }
  pdf.Text(1, 60, 120, "2.", kBody);
  pdf.Lines(1, 90, 120,
            {"Route 33 will be tendered again next year, when its",
             "contract ends."},
            kBody, kLeading);
  Document doc = Extract(pdf);

  std::vector<std::string> table;
  for (const Passage& p : doc.passages) {
    if (p.kind == PassageKind::kTableCell) table.push_back(p.text);
    EXPECT_TRUE(p.label.empty() || p.label == "1" || p.label == "2")
        << "a cell became label " << p.label << ":\n" << Dump(doc);
  }
  EXPECT_EQ(table, (std::vector<std::string>{"Route | Pupils | Cost | Change", "12 | 120 | 4.5 | 0.8",
                                             "14 | 135 | 6.1 | 1.2", "21 | 210 | 7.8 | 2.0",
                                             "33 | 105 | 5.2 | 0.3"}))
      << Dump(doc);
  const Passage* carried = Find(doc, "33 | 105");
  ASSERT_NE(carried, nullptr);
  EXPECT_EQ(carried->page, 2);
  // The caption stands alone, and the text around the table is whole.
  const Passage* caption = Find(doc, "Table 1:");
  ASSERT_NE(caption, nullptr);
  EXPECT_EQ(caption->text, "Table 1: Pupils carried and cost by route, 2024");
  EXPECT_NE(caption->kind, PassageKind::kTableCell);
  const Passage* first = Find(doc, "The council carries pupils");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->label, "1");
  EXPECT_EQ(first->text,
            "The council carries pupils on four contracted routes. Their numbers and costs are "
            "set out below.");
  const Passage* second = Find(doc, "will be tendered again");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->label, "2");
  EXPECT_EQ(second->text, "Route 33 will be tendered again next year, when its contract ends.");
}

// Cells wrapped over two lines, set from the top of their row, stay in their
// row and column; a dash in an empty cell is not a bullet.
TEST(ExtractPdfTest, WrappedTableCellsStayInTheirRows) {
  TypesetPdf pdf;
  pdf.Text(0, 60, 120, "Table 2: Funding the council expects, \xC2\xA3m", kBody);
  const double columns[] = {60, 250, 330, 420};
  const double top[] = {150, 175, 205, 235};
  const std::vector<std::vector<std::string>> rows = {
      {"Funding", "2027/28", "2028/29", "Status"},
      {"Safe accommodation", "3.40", "3.40", "Indicative"},
      {"Housing First", "1.20", "\xE2\x80\x93", "Bid, not yet"},
      {"Discharge workers", "0.15", "0.15", "Indicative"},
  };
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < 4; ++c) pdf.Text(0, columns[c], top[r], rows[r][c], kBody);
  }
  // Second lines, 11 points under the first.
  pdf.Text(0, columns[0], top[1] + 11, "grant", kBody);
  pdf.Text(0, columns[3], top[1] + 11, "allocation", kBody);
  pdf.Text(0, columns[3], top[2] + 11, "awarded", kBody);
  pdf.Text(0, columns[3], top[3] + 11, "allocation", kBody);
  pdf.Text(0, 60, 290, "2.", kBody);
  pdf.Lines(0, 90, 290, {"The council will bid for the rest in the spring."}, kBody, kLeading);
  Document doc = Extract(pdf);
  std::vector<std::string> table;
  for (const Passage& p : doc.passages) {
    if (p.kind == PassageKind::kTableCell) table.push_back(p.text);
    EXPECT_NE(p.kind, PassageKind::kListItem) << Dump(doc);
  }
  EXPECT_EQ(table, (std::vector<std::string>{
                       "Funding | 2027/28 | 2028/29 | Status",
                       "Safe accommodation grant | 3.40 | 3.40 | Indicative allocation",
                       "Housing First | 1.20 | \xE2\x80\x93 | Bid, not yet awarded",
                       "Discharge workers | 0.15 | 0.15 | Indicative allocation"}))
      << Dump(doc);
  const Passage* after = Find(doc, "The council will bid");
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(after->label, "2");
}

// Text set in three columns with wide gutters is not a table, even where
// lines end in figures.
TEST(ExtractPdfTest, ThreeColumnsOfTextAreNotATable) {
  TypesetPdf pdf;
  const std::vector<std::vector<std::string>> columns = {
      {"The county spent 4.5 million", "on school buses in 2023 and", "expects to spend 5.1"},
      {"million next year, as fuel and", "drivers' pay rise by 12 and", "8 per cent over 2024"},
      {"and the number of pupils who", "qualify grows by 300 and by", "a further 250 in 2025."},
  };
  for (size_t c = 0; c < columns.size(); ++c) {
    pdf.Lines(0, 50 + 175 * static_cast<double>(c), 100, columns[c], kBody, kLeading);
  }
  Document doc = Extract(pdf);
  for (const Passage& p : doc.passages) {
    EXPECT_NE(p.kind, PassageKind::kTableCell) << Dump(doc);
  }
  EXPECT_TRUE(Holds(doc, "The county spent 4.5 million on school buses in 2023 and expects to spend 5.1"))
      << Dump(doc);
}

// A word processor's table without borders: every cell starts at its
// column's edge, a cell's lines follow at the line pitch and the next row
// starts further down. The first column is justified, its words spread up to
// the next column ("Holt    Beck    natural" a gap before "390"), and wraps;
// the header's second cell is justified over two lines. Each row is one
// passage, its cells in column order.
TEST(ExtractPdfTest, JustifiedTableCellsStayInTheirColumns) {
  TypesetPdf pdf;
  pdf.Lines(0, 60, 80, {"6. The schemes proposed for bids are set out below."}, kBody, kLeading);
  pdf.Text(0, 60, 110, "Table 2: Schemes proposed for bids", kBody);
  const double col[] = {60, 190, 290, 390};
  const double cell = 12;  // line pitch within a cell
  const double row = 20;   // from a row's last line to the next row
  double y = 135;
  // Header: "Homes better" justified, "protected" below.
  pdf.Text(0, col[0], y, "Scheme", kBody);
  pdf.Text(0, col[1], y, "Homes", kBody);
  pdf.Text(0, 248, y, "better", kBody);
  pdf.Text(0, col[1], y + cell, "protected", kBody);
  pdf.Text(0, col[2], y, "Cost", kBody);
  pdf.Text(0, col[3], y, "Contribution", kBody);
  y += cell + row;
  pdf.Text(0, col[0], y, "Northwold flood wall", kBody);
  pdf.Text(0, col[1], y, "820", kBody);
  pdf.Text(0, col[2], y, "\xC2\xA3" "14.2 million", kBody);
  pdf.Text(0, col[3], y, "\xC2\xA3" "1.1 million", kBody);
  y += row;
  // "Holt Beck natural" justified to within a gap of the next column.
  pdf.Text(0, col[0], y, "Holt", kBody);
  pdf.Text(0, 102, y, "Beck", kBody);
  pdf.Text(0, 143, y, "natural", kBody);
  pdf.Text(0, col[0], y + cell, "flood management", kBody);
  pdf.Text(0, col[1], y, "390", kBody);
  pdf.Text(0, col[2], y, "\xC2\xA3" "3.6 million", kBody);
  pdf.Text(0, col[3], y, "\xC2\xA3" "0.4 million", kBody);
  y += cell + row;
  pdf.Text(0, col[0], y, "Eastmere", kBody);
  pdf.Text(0, 153, y, "Town", kBody);
  pdf.Text(0, col[0], y + cell, "surface", kBody);
  pdf.Text(0, 151, y + cell, "water", kBody);
  pdf.Text(0, col[0], y + 2 * cell, "scheme", kBody);
  pdf.Text(0, col[1], y, "270", kBody);
  pdf.Text(0, col[2], y, "\xC2\xA3" "9.8 million", kBody);
  pdf.Text(0, col[3], y, "\xC2\xA3" "1.5 million", kBody);
  y += 2 * cell + row;
  pdf.Lines(0, 60, y, {"7. The local contributions are provided for in the capital programme."}, kBody,
            kLeading);
  Document doc = Extract(pdf);
  std::vector<std::string> table;
  for (const Passage& p : doc.passages) {
    if (p.kind == PassageKind::kTableCell) table.push_back(p.text);
  }
  EXPECT_EQ(table, (std::vector<std::string>{
                       "Scheme | Homes better protected | Cost | Contribution",
                       "Northwold flood wall | 820 | \xC2\xA3" "14.2 million | \xC2\xA3" "1.1 million",
                       "Holt Beck natural flood management | 390 | \xC2\xA3" "3.6 million | \xC2\xA3" "0.4 million",
                       "Eastmere Town surface water scheme | 270 | \xC2\xA3" "9.8 million | \xC2\xA3" "1.5 million"}))
      << Dump(doc);
  const Passage* caption = Find(doc, "Table 2:");
  ASSERT_NE(caption, nullptr);
  EXPECT_EQ(caption->text, "Table 2: Schemes proposed for bids");
  const Passage* after = Find(doc, "The local contributions");
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(after->label, "7");
}

// Minutes' attendance set as a table of two columns with no borders and no
// figures: read row by row, a name and its wrapped lines in its own cell, not
// the two columns as paragraphs of their own or run together.
TEST(ExtractPdfTest, AnAttendanceListInTwoColumnsReadsRowByRow) {
  TypesetPdf pdf;
  pdf.Lines(0, 60, 80,
            {"Minutes of the meeting held in the Kennet Room, Fenbridge House, on",
             "Wednesday 18 November 2026 at 7.00 pm."},
            kBody, kLeading);
  const double left = 60, right = 340, cell = 12, row = 18;
  double y = 120;
  // The header is set tight on the first row, as close as a wrapped line:
  // it is a row of its own all the same, as "Members present" left room for
  // "Councillor" on its line.
  pdf.Text(0, left, y, "Members present", "DejaVu Serif Bold 10");
  pdf.Text(0, right, y, "Officers present", "DejaVu Serif Bold 10");
  y += cell;
  pdf.Text(0, left, y, "Councillor Dawn Pryce (Chair)", kBody);
  pdf.Text(0, right, y, "Mark Ellison, Head of Housing", kBody);
  y += row;
  pdf.Text(0, left, y, "Councillor Tom Haverley (Vice-Chair)", kBody);
  pdf.Text(0, right, y, "Priya Nair, Housing Options", kBody);
  pdf.Text(0, right, y + cell, "Manager", kBody);
  y += cell + row;
  pdf.Text(0, left, y, "Councillors A. Bell, F. Corrigan, L. Mensah,", kBody);
  pdf.Text(0, left, y + cell, "G. Walsh", kBody);
  pdf.Text(0, right, y, "Jon Tebbutt, Rough Sleeping", kBody);
  pdf.Text(0, right, y + cell, "Coordinator", kBody);
  y += cell + row;
  pdf.Text(0, left, y, "HC/41 APOLOGIES FOR ABSENCE", "DejaVu Serif Bold 10");
  pdf.Lines(0, left, y + row, {"Apologies were received from Councillors Rudd and Ostrowski, and from the"},
            kBody, kLeading);
  Document doc = Extract(pdf);
  std::vector<std::string> table;
  for (const Passage& p : doc.passages) {
    if (p.kind == PassageKind::kTableCell) table.push_back(p.text);
  }
  EXPECT_EQ(table, (std::vector<std::string>{
                       "Members present | Officers present",
                       "Councillor Dawn Pryce (Chair) | Mark Ellison, Head of Housing",
                       "Councillor Tom Haverley (Vice-Chair) | Priya Nair, Housing Options Manager",
                       "Councillors A. Bell, F. Corrigan, L. Mensah, G. Walsh | Jon Tebbutt, Rough Sleeping "
                       "Coordinator"}))
      << Dump(doc);
  const Passage* item = Find(doc, "HC/41");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->kind, PassageKind::kHeading) << Dump(doc);
}

// A heading in the body's own font, standing alone over a list of papers
// whose first entry is a title introducing a link: the title ends with a
// colon, so it is text under the heading, not a second heading.
TEST(ExtractPdfTest, PlainHeadingOverATitleThatIntroducesALink) {
  TypesetPdf pdf;
  double y = pdf.Lines(0, 50, 60,
                       {"1. The consultation on the strategy is open until 11 May 2025 and the",
                        "council will respond after the Cabinet has considered the proposals."},
                       kBody, kLeading);
  pdf.Text(0, 50, y + 12, "Background Papers", kBody);
  pdf.Lines(0, 50, y + 36,
            {"School Transport Strategy: Implementation Plan and Consultation",
             "Home to School Travel Reforms 2025:",
             "https://www.example.gov.uk/publications/school-transport-strategy.pdf"},
            kBody, kLeading);
  Document doc = Extract(pdf);
  const Passage* heading = Find(doc, "Background Papers");
  ASSERT_NE(heading, nullptr);
  EXPECT_EQ(heading->kind, PassageKind::kHeading) << Dump(doc);
  const Passage* title = Find(doc, "Home to School Travel Reforms 2025:");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->kind, PassageKind::kParagraph) << Dump(doc);
  EXPECT_EQ(title->section, "Background Papers");

  // The same with the link set apart: the title is then a paragraph of its
  // own, ending with the colon.
  TypesetPdf apart;
  apart.Text(0, 50, 60, "Background Papers", kBody);
  double below = apart.Lines(0, 50, 84,
                             {"School Transport Strategy: Implementation Plan and Consultation",
                              "Home to School Travel Reforms 2025:"},
                             kBody, kLeading);
  apart.Text(0, 50, below + 10, "https://www.example.gov.uk/publications/school-transport.pdf", kBody);
  Document doc2 = Extract(apart);
  const Passage* heading2 = Find(doc2, "Background Papers");
  ASSERT_NE(heading2, nullptr);
  EXPECT_EQ(heading2->kind, PassageKind::kHeading) << Dump(doc2);
  const Passage* title2 = Find(doc2, "Home to School Travel Reforms 2025:");
  ASSERT_NE(title2, nullptr);
  EXPECT_EQ(title2->section, "Background Papers") << Dump(doc2);
}

// A paper's title ending a page with a colon, its link at the top of the
// next: the link's small first letter does not carry the sentence on, so the
// two stay apart, as they do on one page.
TEST(ExtractPdfTest, ALinkAfterAPageBreakIsNotTheTitleBeforeIt) {
  TypesetPdf pdf;
  pdf.Text(0, 50, 60, "Background Papers", "DejaVu Serif Bold 12");
  pdf.Lines(0, 50, 700,
            {"Child and Family Social Worker Workforce Government consultation", "(February 2023):"},
            kBody, kLeading);
  pdf.Lines(1, 50, 60, {"https://consult.education.gov.uk/social-work-reform-unit/child-and-family-"},
            kBody, kLeading);
  pdf.Text(1, 50, 100, "Circulation under the Local Issues Alert Procedure", "DejaVu Serif Bold 12");
  Document doc = Extract(pdf);
  const Passage* title = Find(doc, "Workforce Government consultation");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->text, "Child and Family Social Worker Workforce Government consultation (February 2023):")
      << Dump(doc);
  const Passage* link = Find(doc, "https://consult.education.gov.uk");
  ASSERT_NE(link, nullptr);
  EXPECT_EQ(link->page, 2) << Dump(doc);
}

TEST(ExtractPdfTest, ParagraphSplitOverPagesIsOnePassage) {
  Document doc = Extract(CouncilStylePaper());
  const Passage* p3 = Find(doc, "Monitoring continues at forty locations");
  ASSERT_NE(p3, nullptr);
  EXPECT_EQ(p3->label, "3");
  EXPECT_EQ(p3->page, 1);
  const std::string ending =
      "the monitoring network will be reviewed by the panel in the autumn, when the new "
      "sensors arrive.";
  ASSERT_GE(p3->text.size(), ending.size());
  EXPECT_EQ(p3->text.substr(p3->text.size() - ending.size()), ending) << p3->text;
  const Passage* p4 = Find(doc, "Particulate matter");
  ASSERT_NE(p4, nullptr);
  EXPECT_EQ(p4->page, 2);
  EXPECT_EQ(p4->label, "4");
}

TEST(ExtractPdfTest, LineEndHyphens) {
  TypesetPdf pdf;
  pdf.Lines(0, 60, 80,
            {"The implemen-",
             "tation of the scheme is led by Ms Smith-",
             "Jones, with school-",
             "based travel plans agreed with each head teacher",
             "and the council's school-based travel officers."},
            kBody, kLeading);
  Document doc = Extract(pdf);
  ASSERT_EQ(doc.passages.size(), 1u) << Dump(doc);
  EXPECT_EQ(doc.passages[0].text,
            "The implementation of the scheme is led by Ms Smith-Jones, with school-based travel "
            "plans agreed with each head teacher and the council's school-based travel officers.");
}

TEST(ExtractPdfTest, FootnotesAreTheirOwnPassages) {
  TypesetPdf pdf;
  pdf.Lines(0, 60, 80,
            {"Bus patronage in the county has not recovered to the",
             "level seen before 2020, and fares rose again this year."},
            kBody, kLeading);
  pdf.Text(0, 340, 93, "1", "DejaVu Serif 6");  // the note mark, raised
  pdf.Lines(0, 60, 107,
            {"The council will bid for the second round of the fund",
             "to support services that would otherwise be withdrawn."},
            kBody, kLeading);
  pdf.Text(0, 60, 760, "1", "DejaVu Serif 5");
  pdf.Text(0, 66, 762, "Department for Transport, Annual bus statistics (2023).", "DejaVu Serif 7.5");
  pdf.Text(0, 60, 774, "2", "DejaVu Serif 5");
  pdf.Text(0, 66, 776, "Fares data supplied by the three largest operators.", "DejaVu Serif 7.5");
  Document doc = Extract(pdf);
  const Passage* note = Find(doc, "Department for Transport");
  ASSERT_NE(note, nullptr);
  EXPECT_EQ(note->label, "1");
  EXPECT_EQ(note->text, "Department for Transport, Annual bus statistics (2023).");
  const Passage* note2 = Find(doc, "Fares data supplied");
  ASSERT_NE(note2, nullptr);
  EXPECT_EQ(note2->label, "2");
  const Passage* body = Find(doc, "Bus patronage");
  ASSERT_NE(body, nullptr);
  EXPECT_EQ(body->text.find("Department"), std::string::npos);
  EXPECT_LT(body->n, note->n);
}

TEST(ExtractPdfTest, RotatedMarginStampIsNotText) {
  TypesetPdf pdf;
  pdf.Lines(0, 60, 80, {"The cabinet agreed the budget without amendment."}, kBody, kLeading);
  pdf.Text(0, 20, 600, "DRAFT FOR CONSULTATION ONLY", "DejaVu Sans 7", -90);
  Document doc = Extract(pdf);
  ASSERT_EQ(doc.passages.size(), 1u) << Dump(doc);
  EXPECT_FALSE(Holds(doc, "DRAFT"));
}

TEST(ExtractPdfTest, BulletsAndLetteredItemsAreListItems) {
  TypesetPdf pdf;
  pdf.Lines(0, 60, 80, {"The panel recommends that the council:"}, kBody, kLeading);
  pdf.Text(0, 60, 100, "(a)", kBody);
  pdf.Lines(0, 90, 100, {"extends the school streets scheme to ten more", "schools; and"}, kBody,
            kLeading);
  pdf.Text(0, 60, 130, "(b)", kBody);
  pdf.Lines(0, 90, 130, {"reviews parking charges near the station."}, kBody, kLeading);
  pdf.Text(0, 60, 160, "\xe2\x80\xa2", kBody);
  pdf.Lines(0, 75, 160, {"Air quality monitoring will continue."}, kBody, kLeading);
  Document doc = Extract(pdf);
  ASSERT_EQ(doc.passages.size(), 4u) << Dump(doc);
  EXPECT_EQ(doc.passages[1].kind, PassageKind::kListItem);
  EXPECT_EQ(doc.passages[1].label, "(a)");
  EXPECT_EQ(doc.passages[1].text, "extends the school streets scheme to ten more schools; and");
  EXPECT_EQ(doc.passages[2].label, "(b)");
  EXPECT_EQ(doc.passages[3].kind, PassageKind::kListItem);
  EXPECT_EQ(doc.passages[3].label, "");
  EXPECT_EQ(doc.passages[3].text, "Air quality monitoring will continue.");
}

// A browser's "Save as PDF" draws a list's bullets as filled circles, not as
// "•" glyphs: without them the items of a list with no space between them
// ran together into one passage.
TEST(ExtractPdfTest, BulletsDrawnAsShapesAreListItems) {
  TypesetPdf pdf;
  pdf.Lines(0, 60, 80, {"What we will deliver"}, "DejaVu Sans Bold 12", kLeading);
  double y = 105;
  const std::vector<std::vector<std::string>> items = {
      {"A review of the bus network will be published by the end of the", "year, with a consultation on every route."},
      {"Ten more school streets will open in September 2027, each with a", "new crossing."},
      {"The air quality action plan will be refreshed in Spring 2028."}};
  for (const auto& item : items) {
    pdf.Dot(0, 66, y + 7, 4);  // centred on the first line's letters
    y = pdf.Lines(0, 75, y, item, kBody, kLeading);
  }
  pdf.Lines(0, 60, y + 10, {"Progress will be reported to the cabinet every six months."}, kBody, kLeading);
  // A dot beside a figure in a chart's key is no bullet.
  pdf.Dot(0, 206, 307, 4);
  pdf.Text(0, 215, 300, "6.3%", kBody);
  Document doc = Extract(pdf);
  ASSERT_EQ(doc.passages.size(), 6u) << Dump(doc);
  for (size_t i = 1; i <= 3; ++i) {
    EXPECT_EQ(doc.passages[i].kind, PassageKind::kListItem) << Dump(doc);
    EXPECT_EQ(doc.passages[i].label, "");
  }
  EXPECT_EQ(doc.passages[1].text,
            "A review of the bus network will be published by the end of the year, with a consultation on "
            "every route.");
  EXPECT_EQ(doc.passages[2].text, "Ten more school streets will open in September 2027, each with a new crossing.");
  EXPECT_EQ(doc.passages[4].kind, PassageKind::kParagraph);
  EXPECT_EQ(doc.passages[5].text, "6.3%");
  EXPECT_NE(doc.passages[5].kind, PassageKind::kListItem);
}

// --- The layout alone, on words made up by hand ------------------------------------

// Words of one line at (x, y), 0.5 em per character, a space after each but the last.
void AddLine(pdf::PageWords* page, double x, double y, std::string_view line, double size = 10,
             bool bold = false) {
  size_t start = 0;
  while (start < line.size()) {
    size_t end = line.find(' ', start);
    if (end == std::string_view::npos) end = line.size();
    pdf::Word w;
    w.text = std::string(line.substr(start, end - start));
    w.x0 = x;
    w.x1 = x + 0.5 * size * static_cast<double>(w.text.size());
    w.y0 = y;
    w.y1 = y + 1.2 * size;
    w.font_size = size;
    w.bold = bold;
    w.space_after = end < line.size();
    page->words.push_back(w);
    x = w.x1 + 0.3 * size;
    start = end + 1;
  }
}

pdf::PageWords Page(int number) {
  pdf::PageWords page;
  page.number = number;
  page.width = 595;
  page.height = 842;
  return page;
}

std::string Texts(const std::vector<pdf::LaidOutPassage>& passages) {
  std::string out;
  for (const pdf::LaidOutPassage& p : passages) out += "[" + p.label + "] " + p.text + "\n";
  return out;
}

TEST(PdfLayoutTest, BoldFontNames) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"ABCDEF+Arial-BoldMT", true}, {"Helvetica-Bold", true},
      {"TimesNewRomanPS-BoldItalicMT", true}, {"Arial,Bold", true},
      {"HelveticaNeue-Black", true}, {"Calibri", false},
      {"DejaVuSerif", false}, {"ZVGTGU+HelveticaNeueLTStd-Roman", false},
      {"Melior-Italic", false}, {"", false},
  };
  for (const auto& [name, bold] : cases) EXPECT_EQ(pdf::IsBoldFontName(name), bold) << name;
}

TEST(PdfLayoutTest, RunningHeadWithChangingNumbersIsDropped) {
  std::vector<pdf::PageWords> pages;
  for (int n = 1; n <= 4; ++n) {
    pdf::PageWords page = Page(n);
    AddLine(&page, 150, 30, "Transport Committee, item " + std::to_string(n + 6) + " of 12", 8);
    AddLine(&page, 60, 100, "Paragraph text on page " + std::to_string(n) + " ends here.");
    AddLine(&page, 290, 810, "- " + std::to_string(n) + " -", 8);
    pages.push_back(page);
  }
  std::vector<pdf::LaidOutPassage> out = pdf::LayOutDocument(pages);
  ASSERT_EQ(out.size(), 4u) << Texts(out);
  for (size_t i = 0; i < out.size(); ++i) {
    EXPECT_EQ(out[i].text, "Paragraph text on page " + std::to_string(i + 1) + " ends here.");
    EXPECT_EQ(out[i].page, static_cast<int>(i) + 1);
  }
}

TEST(PdfLayoutTest, HyphensJudgedByTheDocumentsOwnWords) {
  pdf::PageWords page = Page(1);
  double y = 100;
  for (std::string_view line : {"Staff are co-", "located with the police, and the implemen-",
                                "tation plan is agreed. Social workers co-work with",
                                "health visitors on the implementation of the plan."}) {
    AddLine(&page, 60, y, line);
    y += 12;
  }
  std::vector<pdf::LaidOutPassage> out = pdf::LayOutDocument({page});
  ASSERT_EQ(out.size(), 1u) << Texts(out);
  EXPECT_EQ(out[0].text,
            "Staff are co-located with the police, and the implementation plan is agreed. Social "
            "workers co-work with health visitors on the implementation of the plan.");
}

// A word processor breaks lines only at spaces and real hyphens: in a paper
// where hardly a line ends in a hyphen, one the evidence cannot settle is
// kept ("self-" + "funders"); where many do, the paper breaks words and it is
// mended ("implemen-" + "tation", LineEndHyphens above).
TEST(PdfLayoutTest, ARareLineEndHyphenIsARealOne) {
  pdf::PageWords page = Page(1);
  double y = 60;
  for (int i = 0; i < 30; ++i) {
    AddLine(&page, 60, y, i == 10 ? "The council estimates that around 600 self-"
                                  : i == 11 ? "funders a year will reach the cap within ten years, and"
                                            : "the council will meet the cost of their care from then on, and");
    y += 12;
  }
  AddLine(&page, 60, y, "so the budget grows.");
  std::vector<pdf::LaidOutPassage> out = pdf::LayOutDocument({page});
  ASSERT_EQ(out.size(), 1u) << Texts(out);
  EXPECT_NE(out[0].text.find("around 600 self-funders a year"), std::string::npos) << out[0].text;
}

// Which marks are bullets: small, round or square, centred on the letters of
// a line's first word and just left of it, one of a column of such marks (or
// before a word); not a shape inside a line, a wide box, or a mark beside a
// figure standing alone.
TEST(PdfLayoutTest, DrawnBulletsBecomeBulletWords) {
  pdf::PageWords page = Page(1);
  AddLine(&page, 80, 100, "Buses will run every ten minutes.");      // words 0-5
  AddLine(&page, 80, 115, "Fares will be capped at two pounds.");    // words 6-12
  AddLine(&page, 80, 130, "Most routes run 20 hours a day.");        // 13-19
  AddLine(&page, 80, 145, "12.5%");                                  // 20
  auto mark = [](double x, double y, double w, double h) { return pdf::Mark{x, y, x + w, y + h}; };
  page.marks.push_back(mark(71, 104, 4, 4));   // beside "Buses"
  page.marks.push_back(mark(71, 119, 4, 4));   // beside "Fares"
  page.marks.push_back(mark(100, 134, 4, 4));  // inside the third line: an icon
  page.marks.push_back(mark(60, 145, 40, 12));  // a box, not a dot
  page.marks.push_back(mark(71.5, 149, 3, 3));  // beside "12.5%", but in line with the bullets above
  page.marks.push_back(mark(30, 108, 4, 4));   // far left of any word
  EXPECT_EQ(pdf::AddDrawnBullets(&page), 3u);
  std::vector<std::string> texts;
  for (const pdf::Word& w : page.words) texts.push_back(w.text);
  ASSERT_EQ(texts.size(), 24u);
  EXPECT_EQ(texts[0], "\u2022");
  EXPECT_EQ(texts[1], "Buses");
  EXPECT_EQ(texts[7], "\u2022");
  EXPECT_EQ(texts[8], "Fares");
  EXPECT_EQ(texts[15], "Most");
  EXPECT_EQ(texts[22], "\u2022");
  EXPECT_EQ(texts[23], "12.5%");

  // Alone, the mark beside the figure is no bullet; beside a word it is.
  pdf::PageWords chart = Page(1);
  AddLine(&chart, 80, 100, "6.3%");
  chart.marks.push_back(mark(71, 104, 4, 4));
  EXPECT_EQ(pdf::AddDrawnBullets(&chart), 0u);
  pdf::PageWords one = Page(1);
  AddLine(&one, 80, 100, "Buses will run every ten minutes.");
  one.marks.push_back(mark(71, 104, 4, 4));
  EXPECT_EQ(pdf::AddDrawnBullets(&one), 1u);
  std::vector<pdf::LaidOutPassage> out = pdf::LayOutDocument({one});
  ASSERT_EQ(out.size(), 1u) << Texts(out);
  EXPECT_EQ(out[0].kind, PassageKind::kListItem);
  EXPECT_EQ(out[0].text, "Buses will run every ten minutes.");
}

// A broken ToUnicode map (Ghostscript's pdfwrite writes some ligatures' UTF-16
// byte-swapped) turns "fi" into "昀椀": read as the letters inside Latin words,
// left alone in Chinese text.
TEST(PdfLayoutTest, ByteSwappedLigaturesAreLetters) {
  pdf::PageWords page = Page(1);
  AddLine(&page, 72, 100, "It is signi\u6600\u6900cant and e\u6600\u6600ective, with re\u6600\u6c00ections \u6600\u6900rst.");
  AddLine(&page, 72, 140, "\u5317\u4eac \u6600 \u6600\u6900");
  std::vector<pdf::LaidOutPassage> out = pdf::LayOutDocument({page});
  ASSERT_EQ(out.size(), 2u) << Texts(out);
  EXPECT_EQ(out[0].text, "It is significant and effective, with reflections first.");
  EXPECT_EQ(out[1].text, "\u5317\u4eac \u6600 \u6600\u6900");
}

TEST(PdfLayoutTest, OddGeometryDoesNotBreakIt) {
  std::vector<pdf::PageWords> pages;
  EXPECT_TRUE(pdf::LayOutDocument(pages).empty());
  pdf::PageWords page = Page(1);
  pdf::Word dot;
  dot.text = "word";  // zero-sized, zero font size, mid-page
  dot.x0 = dot.x1 = 100;
  dot.y0 = dot.y1 = 400;
  page.words.push_back(dot);
  pdf::Word rotated = dot;
  rotated.text = "STAMP";
  rotated.rotation = 1;
  page.words.push_back(rotated);
  pdf::Word off_page = dot;
  off_page.text = "hidden";
  off_page.x0 = 900;
  off_page.x1 = 950;
  page.words.push_back(off_page);
  pages.push_back(page);
  pages.push_back(Page(2));  // empty
  std::vector<pdf::LaidOutPassage> out = pdf::LayOutDocument(pages);
  ASSERT_EQ(out.size(), 1u) << Texts(out);
  EXPECT_EQ(out[0].text, "word");
}

// A browser sets an <ol type="a"> with each letter close to its text and the
// item's further lines hanging at that text. The letters are labels, each
// item one passage (they had been read as lines cut across the items:
// "report; b. approve a bid ... for the").
TEST(ExtractPdfTest, LettersSetCloseToTheirTextAreLabelsWhereTheLinesHang) {
  TypesetPdf pdf;
  double y = 72;
  pdf.Text(0, 72, y, "2.1 Cabinet is recommended to:", kBody);
  y += 18;
  pdf.Text(0, 99, y, "a.", kBody);
  pdf.Text(0, 110, y, "note the national plan for public libraries and the funding described in this", kBody);
  y += kLeading;
  pdf.Text(0, 110, y, "report;", kBody);
  y += 18;
  pdf.Text(0, 99, y, "b.", kBody);
  pdf.Text(0, 110, y, "approve a bid of four million pounds to the Reading Rooms Capital Fund for", kBody);
  y += kLeading;
  pdf.Text(0, 110, y, "the refurbishment of Harnford Library; and", kBody);
  y += 18;
  pdf.Text(0, 99, y, "c.", kBody);
  pdf.Text(0, 110, y, "approve the Library Service Plan at Appendix A.", kBody);
  const Document doc = Extract(pdf);
  std::vector<std::string> items;
  for (const Passage& p : doc.passages) {
    if (!p.label.empty() && p.label.size() == 1) items.push_back(p.label + ": " + p.text);
  }
  EXPECT_EQ(items, (std::vector<std::string>{
                       "a: note the national plan for public libraries and the funding described in this report;",
                       "b: approve a bid of four million pounds to the Reading Rooms Capital Fund for the "
                       "refurbishment of Harnford Library; and",
                       "c: approve the Library Service Plan at Appendix A."}))
      << Dump(doc);
}

// --- Broken files -----------------------------------------------------------------------

// The broken PDFs are hand-built by tests/testing/hostile_files.h (shared with
// hostile_corpus_test).

void ExpectOneLineError(const Result<Document>& doc, const std::string& path,
                        const std::string& reason) {
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().where(), path);
  EXPECT_NE(doc.status().what().find(reason), std::string::npos) << doc.status().ToString();
  EXPECT_EQ(doc.status().ToString().find('\n'), std::string::npos);
}

// A scan without a text layer (pages of images and shapes, not one word) is
// reported as such, not indexed as an empty document no search finds.
TEST(ExtractPdfBrokenTest, PagesWithoutAnyTextAskForOcr) {
  TypesetPdf pdf;
  pdf.Dot(0, 100, 100, 4);
  pdf.Dot(2, 100, 100, 4);
  const Result<Document> doc = ExtractPdf("scan.pdf", pdf.Render());
  ExpectOneLineError(doc, "scan.pdf", "no text on any of its 3 pages");
  EXPECT_EQ(doc.status().code(), Status::Code::kUnsupported);
  EXPECT_NE(doc.status().what().find("OCR"), std::string::npos);

  // One word on one page is a document (a cover page with a title is text).
  pdf.Text(1, 72, 72, "Minutes");
  const Result<Document> text = ExtractPdf("scan.pdf", pdf.Render());
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(text->pages, 3);
}

TEST(ExtractPdfBrokenTest, EmptyFile) {
  ExpectOneLineError(ExtractPdf("empty.pdf", ""), "empty.pdf", "corrupt PDF");
  ExpectOneLineError(ExtractBytes("empty.pdf", ""), "empty.pdf", "empty file");
}

TEST(ExtractPdfBrokenTest, TruncatedFile) {
  std::string whole = testing::ReadFileOrFail(XREF_SOURCE_DIR
                                              "/corpus/leicestershire-cfs-scrutiny-2023-03-07.pdf");
  ASSERT_GT(whole.size(), 1000u);
  ExpectOneLineError(ExtractBytes("half.pdf", whole.substr(0, whole.size() / 2)), "half.pdf",
                     "truncated");
  ExpectOneLineError(ExtractBytes("head.pdf", whole.substr(0, 600)), "head.pdf", "truncated");
}

TEST(ExtractPdfBrokenTest, GarbageAfterAValidHeader) {
  std::string bytes = "%PDF-1.7\n";
  unsigned state = 12345;
  for (int i = 0; i < 8000; ++i) {
    state = state * 1103515245u + 12345u;
    bytes.push_back(static_cast<char>((state >> 16) & 0xFF));
  }
  ExpectOneLineError(ExtractPdf("garbage.pdf", bytes), "garbage.pdf", "corrupt PDF");
  bytes += "\n%%EOF\n";
  ExpectOneLineError(ExtractPdf("garbage.pdf", bytes), "garbage.pdf", "corrupt PDF");
}

TEST(ExtractPdfBrokenTest, ObjectsThatReferToThemselves) {
  // The page tree is its own kid, and the catalog is its own page tree.
  ExpectOneLineError(ExtractPdf("loop.pdf", testing::SelfReferencingPdf()), "loop.pdf", "corrupt PDF");
  ExpectOneLineError(ExtractPdf("self.pdf", testing::SelfReferencingCatalogPdf()), "self.pdf",
                     "corrupt PDF");
}

TEST(ExtractPdfBrokenTest, EncryptedFile) {
  Result<Document> doc = ExtractPdf("locked.pdf", testing::PasswordLockedPdf());
  ExpectOneLineError(doc, "locked.pdf", "encrypted PDF");
}

TEST(ExtractPdfBrokenTest, AMinimalValidPdfStillReads) {
  // The hand-built file of the tests above, without its faults, is read: the
  // errors come from the faults and not from the builder.
  std::string pdf = testing::MinimalPdf("Hello council.");
  Result<Document> doc = ExtractPdf("hello.pdf", pdf);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->passages.size(), 1u);
  EXPECT_EQ(doc->passages[0].text, "Hello council.");
}

}  // namespace
}  // namespace xref
