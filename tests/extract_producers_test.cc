// PDF extraction of papers printed or converted by other producers
// (tests/data/producers/README.md says how each file was made): what xref
// reads from the PDF should be what it reads from the paper's source, passage
// for passage. Each producer has its own way of writing the same page: a
// browser draws list bullets as shapes, Ghostscript writes some ligatures'
// letters byte-swapped, a word processor leaves real hyphens at line ends.
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "pipeline/extract.h"

namespace xref {
namespace {

const std::string kData = XREF_SOURCE_DIR "/tests/data/";

Document Extract(const std::string& path) {
  Result<Document> doc = ExtractFile(path);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? std::move(doc).value() : Document{};
}

// How many of the source's passages (headings aside) the printed PDF gives
// word for word; prints those it does not.
size_t SameAsTheSource(const std::string& printed, const std::string& source, size_t* of) {
  const Document pdf = Extract(printed);
  std::set<std::string> texts;
  for (const Passage& p : pdf.passages) texts.insert(p.text);
  size_t same = 0;
  *of = 0;
  for (const Passage& p : Extract(source).passages) {
    if (p.kind == PassageKind::kHeading) continue;
    ++*of;
    if (texts.count(p.text) != 0) {
      ++same;
    } else {
      std::cout << "  not in " << printed.substr(printed.rfind('/') + 1) << ": " << p.text.substr(0, 120) << "\n";
    }
  }
  std::cout << "[ producers ] " << printed.substr(printed.rfind('/') + 1) << ": " << same << " of " << *of
            << " passages of the source, word for word\n";
  return same;
}

// How many of the source's passages, headings among them, the printed PDF
// reads out of the source's order: the fewest that must be taken out for the
// rest to stand in the PDF in the source's order (the longest run in order
// kept). Prints those left out.
size_t OutOfOrder(const std::string& printed, const std::string& source) {
  const Document pdf = Extract(printed);
  std::map<std::string, std::vector<size_t>> where;  // text -> positions in the PDF, last first
  for (size_t i = pdf.passages.size(); i-- > 0;) where[pdf.passages[i].text].push_back(i);
  std::vector<size_t> at;               // PDF positions, in the source's order
  std::vector<const Passage*> of;       // the source passage of each
  const Document src = Extract(source);
  for (const Passage& p : src.passages) {
    auto it = where.find(p.text);
    if (it == where.end() || it->second.empty()) continue;
    at.push_back(it->second.back());
    of.push_back(&p);
    it->second.pop_back();
  }
  // Longest increasing run (patience sorting), with back links to mark it.
  std::vector<size_t> tails, tail_index, back(at.size(), SIZE_MAX);
  for (size_t i = 0; i < at.size(); ++i) {
    const size_t k = static_cast<size_t>(std::lower_bound(tails.begin(), tails.end(), at[i]) - tails.begin());
    if (k > 0) back[i] = tail_index[k - 1];
    if (k == tails.size()) {
      tails.push_back(at[i]);
      tail_index.push_back(i);
    } else {
      tails[k] = at[i];
      tail_index[k] = i;
    }
  }
  std::vector<bool> kept(at.size(), false);
  for (size_t i = tails.empty() ? SIZE_MAX : tail_index.back(); i != SIZE_MAX; i = back[i]) kept[i] = true;
  for (size_t i = 0; i < at.size(); ++i) {
    if (!kept[i]) {
      std::cout << "  out of order in " << printed.substr(printed.rfind('/') + 1) << ": "
                << of[i]->text.substr(0, 120) << "\n";
    }
  }
  return at.size() - tails.size();
}

// Chromium's "Save as PDF" of the LGA briefing: its lists are drawn bullets
// with no space between the items (186 of 224 before they were read as
// bullets). The one left: an item whose line breaks before "25. Rent
// guarantor schemes ...", read as a paragraph numbered 25.
TEST(ExtractProducersTest, AWebPagePrintedByChromium) {
  size_t of = 0;
  const size_t same = SameAsTheSource(kData + "producers/lga-briefing-chromium.pdf",
                                      XREF_SOURCE_DIR "/corpus/lga-briefing-childrens-social-care-reform-2023.html", &of);
  EXPECT_GE(same, of - 2);
}

// The LGA briefing printed by wkhtmltopdf, as many council web systems print
// their pages: paragraphs run over page breaks (220 of 224 while a paragraph's
// one line at a page's foot, "... to both co-design and implement", was taken
// for a heading over its own rest, "reforms, and continue ..."). The two left:
// the contact block's "Mobile:" and "Email:" lines, read as one.
TEST(ExtractProducersTest, AWebPagePrintedByWkhtmltopdf) {
  size_t of = 0;
  const size_t same = SameAsTheSource(kData + "producers/lga-briefing-wkhtmltopdf.pdf",
                                      XREF_SOURCE_DIR "/corpus/lga-briefing-childrens-social-care-reform-2023.html", &of);
  EXPECT_GE(same, of - 2);
}

// The council report re-written by Ghostscript: every passage as from the
// original PDF (61 of 96 while "fi" read "昀椀").
TEST(ExtractProducersTest, AReportRewrittenByGhostscript) {
  size_t of = 0;
  const size_t same = SameAsTheSource(kData + "producers/leicestershire-ghostscript.pdf",
                                      XREF_SOURCE_DIR "/corpus/leicestershire-cfs-scrutiny-2023-03-07.pdf", &of);
  EXPECT_EQ(same, of);
}

// A Cabinet report exported from DOCX by LibreOffice: a real hyphen at a line
// end is kept, and its table's header row, whose third cell is justified over
// two lines ("Paying   for   their" / "own care"), reads as from the DOCX
// (26 of 27 while "their" went to the next column).
TEST(ExtractProducersTest, AReportExportedByLibreOffice) {
  size_t of = 0;
  const size_t same =
      SameAsTheSource(kData + "producers/westford-care-libreoffice.pdf",
                      kData + "fourth-corpus/care-charging/westford-cabinet-care-charging-2026-06-09.docx", &of);
  EXPECT_EQ(same, of);
}

// Another, whose second table has no wide gutter: its first column is
// justified up to the next ("Holt   Beck   natural 390") and wraps over two or
// three lines. Each row reads as from the DOCX (33 of 37 while the table was
// read as text, its cells scrambled).
TEST(ExtractProducersTest, AJustifiedTableExportedByLibreOffice) {
  size_t of = 0;
  const size_t same =
      SameAsTheSource(kData + "producers/eastmere-flood-libreoffice.pdf",
                      kData + "fourth-corpus/eastmere-cabinet-flood-strategy-2026-04-14.docx", &of);
  EXPECT_EQ(same, of);
}

// Minutes exported by LibreOffice, opening with the attendance: members and
// officers in a table of two columns without borders or figures, their names
// wrapping within the cells. Each row reads as from the DOCX, "Councillor ... |
// Officer ..." (27 of 32 while the two columns ran into one another).
TEST(ExtractProducersTest, AnAttendanceListExportedByLibreOffice) {
  size_t of = 0;
  const size_t same =
      SameAsTheSource(kData + "producers/fenbridge-minutes-libreoffice.pdf",
                      kData + "fourth-corpus/homelessness/fenbridge-housing-committee-minutes-2026-11-18.docx", &of);
  EXPECT_EQ(same, of);
}

// A committee report exported by LibreOffice from a DOCX with the features
// council papers have: footnotes on three pages, paragraphs that run over a
// page break with the page's footnotes between their halves, a two-column
// section in mid-document whose paragraphs flow from column to column and
// over a page, a table whose two-row header has a cell merged across two
// columns and cells merged down, cells that wrap, Word list numbering, a
// running header and a "Page N" footer. Every passage as from the DOCX (31 of
// 34 while a justified line in a column that opened with a figure, "224
// respondents" or "61. Several", was read as a new numbered paragraph, and
// the table's header read as text: "School", "Published admission number",
// "Applications for September 2026", "First preference All preferences").
// The five footnotes read as the PDF reads them; the DOCX reader puts each
// after the paragraph that refers to it, the PDF at the foot of its page, so
// those five are out of the source's order and nothing else is.
TEST(ExtractProducersTest, AReportWithFootnotesAndColumnsExportedByLibreOffice) {
  size_t of = 0;
  const size_t same = SameAsTheSource(kData + "producers/hollingford-admissions-libreoffice.pdf",
                                      kData + "producers/hollingford-admissions-report.docx", &of);
  EXPECT_EQ(same, of);
  // The heading under the two-column section is read after both columns, not
  // between them: with it read after the first column, paragraph 12 fell
  // under the next section ("Proposed arrangements").
  EXPECT_EQ(OutOfOrder(kData + "producers/hollingford-admissions-libreoffice.pdf",
                       kData + "producers/hollingford-admissions-report.docx"),
            5u);
}

// A Cabinet member briefing written as a LibreOffice Impress slide deck and
// exported to PDF by Impress 7.4 (tests/data/fourth-corpus/send-provision):
// one slide a page, a title and bullets whose second lines are set further in
// than their first. A slide's text stays on its slide: the last line of a
// bullet on the second slide ("year") and on the fourth ("in 12 mainstream
// schools") were read as the end of the slide before's last paragraph,
// taken for the rest of a sentence cut by a page break with the bullets
// between it and its start floated aside as pull quotes.
TEST(ExtractProducersTest, ASlideDeckExportedByImpress) {
  const Document pdf = Extract(kData + "fourth-corpus/send-provision/kestrelham-cabinet-briefing-send-2027-03-23.pdf");
  ASSERT_GE(pdf.passages.size(), 10u);
  std::map<int, std::vector<std::string>> by_page;
  for (const Passage& p : pdf.passages) by_page[p.page.value_or(0)].push_back(p.text);
  ASSERT_TRUE(by_page.count(1) && by_page.count(3));
  EXPECT_EQ(by_page[1].back(),
            "Cabinet Member Briefing: Children's Services 23 March 2027 Presented by the Assistant Director, "
            "Inclusion and SEND");
  EXPECT_EQ(by_page[3].back(), "One national digital format for all new EHC plans from January 2029");
  // The fourth slide's bullet keeps its last line on its own slide.
  for (const auto& [page, texts] : by_page) {
    for (const std::string& text : texts) {
      if (page != 4) {
        EXPECT_EQ(text.find("12 mainstream schools"), std::string::npos) << "page " << page << ": " << text;
      }
    }
  }
}

// A web page's data table printed by Chromium, styled as GOV.UK styles its
// tables: no padding inside the cells, so a long name in the first column
// runs to within a space of the second ("Cheshire West and Chester" |
// "London"), and the table runs over two page breaks. Every row reads as
// from the HTML, its four cells apart, on the page where it is printed (3 of
// the 74 passages while the first two columns were read as one, "Barnsley
// East Midlands"; 67 of 74 while the rows at a page's foot or head lost the
// cells that stood at the same height on another page, "1,761,000" and
// "1,530,000" or "North West" taken for a running footer or head).
TEST(ExtractProducersTest, ATableWithoutCellPaddingPrintedByChromium) {
  size_t of = 0;
  const size_t same = SameAsTheSource(kData + "producers/allocations-table-chromium.pdf",
                                      kData + "producers/make/allocations-table.html", &of);
  EXPECT_EQ(same, of);
  const Document pdf = Extract(kData + "producers/allocations-table-chromium.pdf");
  std::map<int, size_t> rows_on_page;
  for (const Passage& p : pdf.passages) {
    if (p.kind == PassageKind::kTableCell && p.page) ++rows_on_page[*p.page];
  }
  EXPECT_EQ(rows_on_page.size(), 3u);  // the table runs over three pages
}

// A report whose landscape annexes are stored as printed reports store them:
// page 2 a portrait page box with /Rotate 90 and its content turned back (a
// viewer shows it upright, 842 points wide), page 3 a landscape page printed
// sideways, its lines running up a portrait page. Both annexes read as from
// the HTML, under their headings, on their pages (3 of 7 passages while page
// 2 lost every word past 595 points and page 3 all of its text).
TEST(ExtractProducersTest, LandscapePagesStoredTurned) {
  size_t of = 0;
  const size_t same = SameAsTheSource(kData + "producers/rotated-annex-report.pdf",
                                      kData + "producers/make/rotated-annex-report.html", &of);
  EXPECT_EQ(same, of);
  const Document pdf = Extract(kData + "producers/rotated-annex-report.pdf");
  std::map<std::string, int> heading_page;
  for (const Passage& p : pdf.passages) {
    if (p.kind == PassageKind::kHeading && p.page) heading_page[p.text] = *p.page;
  }
  EXPECT_EQ(heading_page["Annex A: standards of service"], 2);
  EXPECT_EQ(heading_page["Annex B: how the contract will be monitored"], 3);
  EXPECT_TRUE(pdf.warnings.empty());
}

// A report whose second page is a picture of the page without a text layer
// (a letter scanned into the report): pages 1 and 3 are read, and the
// document says which page is not (it was read as if page 2 were blank).
TEST(ExtractProducersTest, AScannedPageAmongPagesOfText) {
  size_t of = 0;
  const size_t same = SameAsTheSource(kData + "producers/scanned-page-report.pdf",
                                      kData + "producers/make/scanned-page-report.html", &of);
  EXPECT_EQ(same, of - 2);  // the letter's two paragraphs are on the scanned page
  const Document pdf = Extract(kData + "producers/scanned-page-report.pdf");
  for (const Passage& p : pdf.passages) EXPECT_NE(p.page, 2) << p.text;
  ASSERT_EQ(pdf.warnings.size(), 1u);
  EXPECT_NE(pdf.warnings[0].find("page 2 "), std::string::npos) << pdf.warnings[0];
  EXPECT_NE(pdf.warnings[0].find("OCR"), std::string::npos) << pdf.warnings[0];
  // A document of text pages has nothing to say.
  EXPECT_TRUE(Extract(kData + "producers/westford-care-libreoffice.pdf").warnings.empty());
}

// The report printed with its fonts' Unicode maps taken out: the text read
// is glyph numbers ("3HWLWLRQ DERXW" for "Petition about"). It is still read
// page by page, and the document says that its words cannot be trusted
// (it was indexed as if it were text). None of the other producers' files
// draws that warning.
TEST(ExtractProducersTest, AFontWithoutAUnicodeMapIsReported) {
  const Document pdf = Extract(kData + "producers/no-unicode-map-report.pdf");
  EXPECT_EQ(pdf.passages.size(),
            Extract(kData + "producers/make/scanned-page-report.html").passages.size());
  ASSERT_EQ(pdf.warnings.size(), 1u);
  EXPECT_NE(pdf.warnings[0].find("pages 1 to 3 "), std::string::npos) << pdf.warnings[0];
  for (const char* file : {"lga-briefing-chromium.pdf", "lga-briefing-wkhtmltopdf.pdf",
                           "leicestershire-ghostscript.pdf",
                           "westford-care-libreoffice.pdf", "eastmere-flood-libreoffice.pdf",
                           "fenbridge-minutes-libreoffice.pdf", "hollingford-admissions-libreoffice.pdf",
                           "allocations-table-chromium.pdf", "rotated-annex-report.pdf"}) {
    EXPECT_TRUE(Extract(kData + "producers/" + file).warnings.empty()) << file;
  }
}

// A table padded as GOV.UK pads its cells, with a caption and a header row
// whose bold cells wrap, printed by Chromium: every row as from the HTML,
// under the caption. While the first four rows, whose figures all have seven
// digits and so start at one x, were taken for a word processor's grid, the
// header did not fit that grid and was read as three headings and a
// paragraph ("Table 1: allocations by authority Region"): 33 of 34 passages,
// and "Change on last year" the section of all 31 rows.
TEST(ExtractProducersTest, APaddedTableWithAWrappedHeaderPrintedByChromium) {
  size_t of = 0;
  const size_t same = SameAsTheSource(kData + "producers/allocations-padded-chromium.pdf",
                                      kData + "producers/make/allocations-padded.html", &of);
  EXPECT_EQ(same, of);
  for (const Passage& p : Extract(kData + "producers/allocations-padded-chromium.pdf").passages) {
    if (p.kind == PassageKind::kTableCell) {
      EXPECT_EQ(p.section, "Table 1: allocations by authority") << p.text;
    }
  }
}

// The table without cell padding printed by wkhtmltopdf, its caption set
// tight over the header row: the caption is a passage of its own, not the
// first line of the header's second cell ("Table 1: allocations by authority
// Region"), and the header is a row of the table (72 of 74 before).
TEST(ExtractProducersTest, ATableCaptionSetTightOverItsHeaderByWkhtmltopdf) {
  size_t of = 0;
  const size_t same = SameAsTheSource(kData + "producers/allocations-table-wkhtmltopdf.pdf",
                                      kData + "producers/make/allocations-table.html", &of);
  EXPECT_EQ(same, of);
}

// The padded table printed by wkhtmltopdf, as many council web systems
// print their pages: the last row on page 1 is set further below the row
// before than the rows stand apart (30.5 points after steps of 23.6, past
// three ems), and read as a paragraph ("Durham West Midlands 883,000 1.7%",
// 33 of 34 before). A data row straight under a table's run may stand half
// as far again as its rows stand apart.
TEST(ExtractProducersTest, APaddedTablePrintedByWkhtmltopdf) {
  size_t of = 0;
  const size_t same = SameAsTheSource(kData + "producers/allocations-padded-wkhtmltopdf.pdf",
                                      kData + "producers/make/allocations-padded.html", &of);
  EXPECT_EQ(same, of);
}

// A newsletter printed by Chromium: two sections, each in two columns (CSS
// column-count) under a heading that spans them (column-span). The second
// column of the first section is read before the next heading, not after it
// (its three paragraphs fell under "Your neighbourhood"), and a paragraph
// that the first column break cuts after two lines ("... opened in March. It
// is" / "open from nine until five ..."), with the next section's heading
// below it, is one passage (its two lines were taken for a heading, and the
// section of what followed).
TEST(ExtractProducersTest, SectionsInColumnsUnderSpanningHeadingsPrintedByChromium) {
  const std::string pdf_path = kData + "producers/newsletter-columns-chromium.pdf";
  const std::string html_path = kData + "producers/make/newsletter-columns.html";
  size_t of = 0;
  const size_t same = SameAsTheSource(pdf_path, html_path, &of);
  EXPECT_EQ(same, of);
  EXPECT_EQ(OutOfOrder(pdf_path, html_path), 0u);
  std::vector<std::string> headings;
  std::map<std::string, std::string> section_of;  // first words -> section
  for (const Passage& p : Extract(pdf_path).passages) {
    if (p.kind == PassageKind::kHeading) headings.push_back(p.text);
    section_of[p.text.substr(0, 30)] = p.section;
  }
  EXPECT_EQ(headings, (std::vector<std::string>{"Residents' newsletter: spring 2026", "Council news",
                                                "Your neighbourhood"}));
  EXPECT_EQ(section_of["Residents who are struggling w"], "Council news");
  EXPECT_EQ(section_of["Work to resurface the high str"], "Your neighbourhood");
}

}  // namespace
}  // namespace xref
