// PDF extraction on published PDFs: the bundled council report against its
// reference text, and four PDFs typeset by public bodies' own tools
// (../shared/real-pdfs/README.md): running heads, footers, page numbers and
// margin stamps stay out of passages, columns are read in order, footnotes
// stand alone, and paragraphs cut by page or column breaks are whole again.
//
// What counts as page furniture is found independently of the extractor:
// Poppler's plain page text, lines repeated (digits masked) on most pages, and
// bare numbers on a page's first or last line.
#include <gtest/gtest.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/extract.h"
#include "pipeline/normalise.h"
#include "tests/testing/word_similarity.h"

namespace xref {
namespace {

const std::string kCouncilReport =
    XREF_SOURCE_DIR "/corpus/leicestershire-cfs-scrutiny-2023-03-07.pdf";
const std::string kCouncilReference =
    XREF_SHARED_DIR "/corpus/reference/leicestershire-cfs-scrutiny-2023-03-07.md";
const std::string kRealPdfs = XREF_SHARED_DIR "/real-pdfs/";

// Each PDF is extracted once for the whole suite.
const Document& Extracted(const std::string& path) {
  static std::map<std::string, Document>* cache = new std::map<std::string, Document>;
  auto it = cache->find(path);
  if (it == cache->end()) {
    Result<Document> doc = ExtractFile(path);
    EXPECT_TRUE(doc.ok()) << doc.status().ToString();
    it = cache->emplace(path, doc.ok() ? std::move(doc).value() : Document{}).first;
  }
  return it->second;
}

std::string MaskDigits(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (out.empty() || out.back() != '#') out.push_back('#');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

bool IsBareNumber(const std::string& s) {
  std::string t;
  for (char c : s) {
    if (c != ' ' && c != '-' && c != '|') t.push_back(c);
  }
  if (t.rfind("Page", 0) == 0) t.erase(0, 4);
  if (t.empty() || t.size() > 4) return false;
  for (char c : t) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Page furniture as Poppler's plain text shows it.
struct Furniture {
  std::set<std::string> running_lines;            // as printed on some page
  std::map<int, std::set<std::string>> page_numbers;  // page -> bare numbers at its top/bottom
};

Furniture FindFurniture(const std::string& path) {
  Furniture out;
  std::unique_ptr<poppler::document> pdf(poppler::document::load_from_file(path));
  if (!pdf) {
    ADD_FAILURE() << "Poppler cannot open " << path;
    return out;
  }
  std::map<std::string, std::set<int>> pages_of;
  std::map<std::string, std::set<std::string>> printed;
  for (int i = 0; i < pdf->pages(); ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    poppler::byte_array bytes = page->text().to_utf8();
    std::istringstream in(std::string(bytes.begin(), bytes.end()));
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
      line = NormaliseText(line);
      if (!line.empty()) lines.push_back(line);
    }
    for (const std::string& line : lines) {
      if (line.size() < 10) continue;
      pages_of[MaskDigits(line)].insert(i + 1);
      printed[MaskDigits(line)].insert(line);
    }
    if (!lines.empty()) {
      for (const std::string& edge : {lines.front(), lines.back()}) {
        if (IsBareNumber(edge)) out.page_numbers[i + 1].insert(edge);
      }
    }
  }
  for (const auto& [key, pages] : pages_of) {
    if (pages.size() * 2 >= static_cast<size_t>(pdf->pages()) && pages.size() >= 2) {
      out.running_lines.insert(printed[key].begin(), printed[key].end());
    }
  }
  return out;
}

void ExpectNoFurniture(const std::string& path, const Document& doc) {
  Furniture furniture = FindFurniture(path);
  for (const Passage& p : doc.passages) {
    for (const std::string& line : furniture.running_lines) {
      EXPECT_EQ(p.text.find(line), std::string::npos)
          << "passage " << p.n << " on page " << p.page.value_or(0)
          << " holds the running line \"" << line << "\": " << p.text;
    }
    if (p.page) {
      for (const std::string& number : furniture.page_numbers[*p.page]) {
        EXPECT_NE(p.text, number) << "passage " << p.n << " is the page number of page " << *p.page;
      }
    }
  }
}

// The passage holding `needle`, or nullptr (reported).
const Passage* Find(const Document& doc, std::string_view needle) {
  for (const Passage& p : doc.passages) {
    if (p.text.find(needle) != std::string::npos) return &p;
  }
  ADD_FAILURE() << "no passage holds \"" << needle << "\"";
  return nullptr;
}

// Every needle lies in one passage, in order, starting on `page`.
void ExpectOnePassage(const Document& doc, const std::vector<std::string>& needles, int page) {
  const Passage* p = Find(doc, needles.front());
  if (p == nullptr) return;
  EXPECT_EQ(p->page, page) << p->text;
  size_t at = 0;
  for (const std::string& needle : needles) {
    size_t found = p->text.find(needle, at);
    EXPECT_NE(found, std::string::npos) << "\"" << needle << "\" is not next in passage " << p->n
                                        << ": " << p->text;
    if (found != std::string::npos) at = found + needle.size();
  }
}

// --- The bundled council report --------------------------------------------------

TEST(CouncilReportPdf, MatchesTheReferenceText) {
  const Document& doc = Extracted(kCouncilReport);
  std::string all;
  for (const Passage& p : doc.passages) all += p.label + " " + p.text + "\n";
  const double similarity =
      testing::WordSequenceSimilarity(all, testing::ReadFileOrFail(kCouncilReference));
  // Raw pdftotext scores 0.980 here: the header on every page and the page
  // numbers are what it gets wrong.
  EXPECT_GE(similarity, 0.99);
  RecordProperty("similarity", std::to_string(similarity));
  std::cout << "council report word-sequence similarity: " << std::setprecision(5) << similarity
            << "\n";
}

TEST(CouncilReportPdf, MetadataAndPages) {
  const Document& doc = Extracted(kCouncilReport);
  EXPECT_EQ(doc.format, Format::kPdf);
  EXPECT_EQ(doc.pages, 9);
  EXPECT_EQ(doc.title.rfind("CHILDREN AND FAMILY SERVICES", 0), 0u) << doc.title;
  EXPECT_EQ(doc.date.size(), 10u) << doc.date;  // the file's CreationDate
}

TEST(CouncilReportPdf, NoRunningHeaderOrPageNumbers) {
  const Document& doc = Extracted(kCouncilReport);
  ExpectNoFurniture(kCouncilReport, doc);
  for (const Passage& p : doc.passages) {
    EXPECT_FALSE(IsBareNumber(p.text)) << "passage " << p.n << " is a bare number: " << p.text;
  }
}

TEST(CouncilReportPdf, NumberedParagraphsKeepTheirLabels) {
  const Document& doc = Extracted(kCouncilReport);
  const Passage* p12 = Find(doc, "The Government is investing £45 million");
  ASSERT_NE(p12, nullptr);
  EXPECT_EQ(p12->label, "12");
  EXPECT_EQ(p12->page, 2);
  EXPECT_EQ(p12->kind, PassageKind::kParagraph);
  EXPECT_EQ(p12->text.rfind("The Government is investing", 0), 0u) << "label repeated in text";
  EXPECT_NE(p12->text.find("to provide support to children and families."), std::string::npos);
  // Every paragraph number from 1 to 54 is a label, once, in order.
  std::vector<int> labels;
  for (const Passage& p : doc.passages) {
    if (!p.label.empty()) labels.push_back(std::stoi(p.label));
  }
  std::vector<int> expected;
  for (int i = 1; i <= 54; ++i) expected.push_back(i);
  EXPECT_EQ(labels, expected);
  // Sections are the headings above.
  EXPECT_EQ(p12->section,
            "Pillar 1: - Family help provides the right support at the right time so that "
            "children can thrive with their families");
}

TEST(CouncilReportPdf, HyphenatedNameBrokenAtLineEndStaysWhole) {
  const Document& doc = Extracted(kCouncilReport);
  const Passage* p3 = Find(doc, "Murders of Arthur Labinjo-Hughes and Star Hobson (May 2022)");
  ASSERT_NE(p3, nullptr);
  EXPECT_EQ(p3->label, "3");
  for (const Passage& p : doc.passages) {
    EXPECT_EQ(p.text.find("LabinjoHughes"), std::string::npos);
    EXPECT_EQ(p.text.find("Labinjo- Hughes"), std::string::npos);
  }
}

TEST(CouncilReportPdf, ParagraphsSplitAcrossPagesAreOnePassage) {
  const Document& doc = Extracted(kCouncilReport);
  ExpectOnePassage(doc, {"national kinship care strategy", "look at issues such as educational entitlements"}, 3);
  ExpectOnePassage(doc, {"National Framework is developed to set out the outcomes children’s social care departments should deliver"}, 5);
  ExpectOnePassage(doc, {"places the Department well for delivering the future Family Help model"}, 6);
  ExpectOnePassage(doc, {"evaluate the quality of information sharing and collaborate with partners through both single"}, 7);
  EXPECT_EQ(Find(doc, "look at issues such as educational")->label, "21");
}

// --- Published PDFs -----------------------------------------------------------------

class RealPdf : public ::testing::TestWithParam<const char*> {};

TEST_P(RealPdf, NoRunningHeadsFootersOrPageNumbers) {
  const std::string path = kRealPdfs + GetParam();
  const Document& doc = Extracted(path);
  ASSERT_FALSE(doc.passages.empty());
  ExpectNoFurniture(path, doc);
}

TEST_P(RealPdf, EveryPassageIsCleanText) {
  const Document& doc = Extracted(kRealPdfs + GetParam());
  int n = 0;
  for (const Passage& p : doc.passages) {
    EXPECT_EQ(p.n, ++n);
    EXPECT_FALSE(p.text.empty());
    EXPECT_TRUE(p.page.has_value());
    EXPECT_EQ(p.text.find("\xef\xbf\xbd"), std::string::npos) << p.text;  // no U+FFFD
    EXPECT_EQ(p.text, NormaliseText(p.text));
  }
}

// The same papers as plain text with a form feed after each page, as
// pdftotext writes them (Poppler's own page text here): their running heads
// and page numbers are furniture there too, and every passage has the page
// it starts on. Not the Federal Register page: in Poppler's raw order its
// printer's slug ("VerDate Sep<11>2014 16:21 Aug 05, 2020 Jkt 250001 ...")
// is one line on 3 of its 16 pages and cut into pieces on the others, which
// plain text cannot tell from the columns' text (the PDF layout drops it by
// where it is printed).
class FormFedText : public ::testing::TestWithParam<const char*> {};

TEST_P(FormFedText, KeepsPagesAndDropsFurniture) {
  const std::string path = kRealPdfs + GetParam();
  std::unique_ptr<poppler::document> pdf(poppler::document::load_from_file(path));
  ASSERT_TRUE(pdf);
  std::string text;
  for (int i = 0; i < pdf->pages(); ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    poppler::byte_array bytes = page->text().to_utf8();
    for (char c : bytes) {
      if (c != '\f') text += c;  // the page's own form feed, if Poppler writes one
    }
    text += "\n\f";
  }
  Result<Document> doc = ExtractPlainText(path + ".txt", text, Format::kText);
  ASSERT_TRUE(doc.ok());
  ASSERT_FALSE(doc->passages.empty());
  int last_page = 0;
  for (const Passage& p : doc->passages) {
    ASSERT_TRUE(p.page.has_value()) << p.text;
    EXPECT_GE(*p.page, last_page);
    last_page = *p.page;
  }
  EXPECT_LE(last_page, pdf->pages());
  EXPECT_GE(last_page, pdf->pages() - 1);
  ExpectNoFurniture(path, *doc);
}

INSTANTIATE_TEST_SUITE_P(Published, FormFedText,
                         ::testing::Values("kent-cabinet-minutes.pdf", "hmrc-risk-triggers.pdf",
                                           "wbc-full-report.pdf"));

INSTANTIATE_TEST_SUITE_P(Published, RealPdf,
                         ::testing::Values("kent-cabinet-minutes.pdf", "hmrc-risk-triggers.pdf",
                                           "wbc-full-report.pdf", "fedreg-2020-17221.pdf"));

TEST(KentMinutesPdf, NumberedMinutesAndLetteredItems) {
  const Document& doc = Extracted(kRealPdfs + "kent-cabinet-minutes.pdf");
  const Passage* apologies = Find(doc, "Apologies");
  ASSERT_NE(apologies, nullptr);
  EXPECT_EQ(apologies->label, "84");
  EXPECT_EQ(apologies->kind, PassageKind::kHeading);
  // Item (a) runs from page 1 onto page 2.
  ExpectOnePassage(doc, {"At the Scrutiny Committee held on 29th January 2025", "At that meeting,",
                         "Members agreed to refer the decision to full Council."}, 1);
  EXPECT_EQ(Find(doc, "At the Scrutiny Committee held on 29th January 2025")->label, "(a)");
  // A real hyphen at a line end, written the same way elsewhere in the minutes.
  ExpectOnePassage(doc, {"developed a multi-agency father-inclusive practice guide"}, 3);
  // The centred heading is read before the minute under it.
  const Passage* unrestricted = Find(doc, "UNRESTRICTED ITEMS");
  ASSERT_NE(unrestricted, nullptr);
  EXPECT_LT(unrestricted->n, apologies->n);
  // The attendance is text under the title, not a heading over what follows.
  const Passage* present = Find(doc, "PRESENT: Mr R W Gough (Chairman)");
  ASSERT_NE(present, nullptr);
  EXPECT_EQ(present->kind, PassageKind::kParagraph);
  const Passage* attendance = Find(doc, "IN ATTENDANCE: Dr A Ghosh");
  ASSERT_NE(attendance, nullptr);
  EXPECT_EQ(attendance->section, "CABINET");
}

TEST(HmrcReportPdf, FootnotesStandAloneAndBulletsContinueAcrossPages) {
  const Document& doc = Extracted(kRealPdfs + "hmrc-risk-triggers.pdf");
  const Passage* note = Find(doc, "Measuring Tax Gaps 2014 Edition");
  ASSERT_NE(note, nullptr);
  EXPECT_EQ(note->label, "1");
  EXPECT_EQ(note->page, 4);
  EXPECT_EQ(note->text.rfind("Measuring Tax Gaps", 0), 0u);
  EXPECT_EQ(note->text.find("time poor"), std::string::npos) << "body glued to the footnote";
  // The bullet that the footnote interrupts continues on page 5.
  ExpectOnePassage(doc, {"Meticulous and responsible agents", "Cautious and time poor agents",
                         "fearing a negative reaction from the client"}, 4);
  EXPECT_EQ(Find(doc, "Cautious and time poor agents")->kind, PassageKind::kListItem);
  // Two quotations boxed side by side are two passages, not one run on.
  const Passage* left = Find(doc, "If they give me a spreadsheet summarising");
  const Passage* right = Find(doc, "question of how well do you know your clients");
  ASSERT_NE(left, nullptr);
  ASSERT_NE(right, nullptr);
  EXPECT_NE(left, right);
  EXPECT_EQ(left->page, 11);
  // Numbered section headings keep their numbers as labels.
  bool found = false;
  for (const Passage& p : doc.passages) {
    if (p.kind == PassageKind::kHeading && p.text == "Research objectives" && p.label == "1.2") {
      found = true;
    }
  }
  EXPECT_TRUE(found) << "no heading 1.2 Research objectives";
}

TEST(WbcReportPdf, SideColumnAndBodyReadSeparately) {
  const Document& doc = Extracted(kRealPdfs + "wbc-full-report.pdf");
  EXPECT_EQ(doc.title, "Maximising women's contribution to future economic growth – June 2013");
  const Passage* heading = Find(doc, "Why are women important for economic growth?");
  ASSERT_NE(heading, nullptr);
  EXPECT_EQ(heading->kind, PassageKind::kHeading);
  // The body paragraph beside the side column is whole, without side text.
  ExpectOnePassage(doc, {"This report takes as its starting point the view from the other end",
                         "There is enormous untapped potential in the female population",
                         "growth by 0.5 percentage points per year"}, 10);
  const Passage* body = Find(doc, "This report takes as its starting point");
  ASSERT_NE(body, nullptr);
  EXPECT_EQ(body->text.find("Equalising economic participation"), std::string::npos);
  // A heading drawn letter by letter, twice over, reads once.
  for (const Passage& p : doc.passages) {
    EXPECT_EQ(p.text.find("futur ure"), std::string::npos) << p.text;
  }
}

// A note's reference mark, a small raised figure against the word before
// it, is no part of the text: "gains of 10% of GDP by 20301" was the year
// 2030 and note 1, "23%30," a share and note 30.
TEST(WbcReportPdf, NoteMarksAreNotReadIntoTheText) {
  const Document& doc = Extracted(kRealPdfs + "wbc-full-report.pdf");
  const Passage* gains = Find(doc, "with potential gains of 10% of GDP by 2030.");
  ASSERT_NE(gains, nullptr);
  for (const Passage& p : doc.passages) {
    EXPECT_EQ(p.text.find("by 20301"), std::string::npos) << p.text;
    EXPECT_EQ(p.text.find("hours2."), std::string::npos) << p.text;
    EXPECT_EQ(p.text.find("23%30"), std::string::npos) << p.text;
  }
}

TEST(FederalRegisterPdf, ThreeColumnsInOrderFootnotesApart) {
  const Document& doc = Extracted(kRealPdfs + "fedreg-2020-17221.pdf");
  // The rotated stamp in the margin is not text.
  for (const Passage& p : doc.passages) {
    EXPECT_EQ(p.text.find("DSKJLSW7X2PROD"), std::string::npos) << p.text;
  }
  // The masthead boxed at the top of page 1's third column waits until the
  // sentence it interrupts is complete.
  ExpectOnePassage(doc, {"The most helpful comments reference a specific portion of the proposal, explain the reason for any recommended change"}, 1);
  const Passage* masthead = Find(doc, "Vol. 85, No. 152");
  const Passage* comments = Find(doc, "The most helpful comments reference");
  ASSERT_NE(masthead, nullptr);
  ASSERT_NE(comments, nullptr);
  EXPECT_GT(masthead->n, comments->n);
  // Page 1's last column runs onto page 2.
  ExpectOnePassage(doc, {"involved in an accident after takeoff from Soekarno-Hatta International Airport in Jakarta, Indonesia, resulting in 189 fatalities."}, 1);
  // Page 2: the first column's last paragraph runs into the second column,
  // past the footnotes at the foot of the first.
  ExpectOnePassage(doc, {"These effects include stall warning activation, airspeed disagree alert, and altitude disagree alert,"}, 2);
  const Passage* note = Find(doc, "Preliminary KNKT.18.10.35.04 Aircraft Accident Investigation Report");
  ASSERT_NE(note, nullptr);
  EXPECT_EQ(note->label, "1");
  EXPECT_EQ(note->page, 2);
  EXPECT_EQ(note->text.find("altitude disagree"), std::string::npos);
  // A note that runs from the foot of one column to the next is one passage.
  const Passage* note12 = Find(doc, "The magnitude of the command varies according to parameters");
  ASSERT_NE(note12, nullptr);
  EXPECT_EQ(note12->label, "12");
  EXPECT_NE(note12->text.find("such as the airplane’s altitude and airspeed, and would be limited"),
            std::string::npos)
      << note12->text;
  // Headings in the columns come in reading order.
  const Passage* background = Find(doc, "Comments Invited");
  const Passage* design = Find(doc, "Proposed Design Changes");
  ASSERT_NE(background, nullptr);
  ASSERT_NE(design, nullptr);
  EXPECT_LT(background->n, design->n);
}


// --- Tables ----------------------------------------------------------------------

const std::string kFourthCorpus = XREF_SOURCE_DIR "/tests/data/fourth-corpus/";

// No passage is labelled with one of these cell values.
void ExpectNoLabel(const Document& doc, const std::vector<std::string>& cells) {
  for (const Passage& p : doc.passages) {
    for (const std::string& cell : cells) {
      EXPECT_NE(p.label, cell) << "passage " << p.n << " labelled with a table cell: " << p.text;
    }
  }
}

// A table whose rows are label, then figures, continued on the next page: each
// row is one passage, and no figure is a paragraph number.
TEST(TablePdf, WasteStrategyTableReadsAsRows) {
  const Document& doc = Extracted(kFourthCorpus + "waste-recycling/less-waste-more-value-strategy.pdf");
  ExpectOnePassage(doc, {"Stream", "Recycled", "Not recycled", "Total"}, 3);
  ExpectOnePassage(doc, {"Dry recyclables", "5.6", "1.1", "6.7"}, 3);
  ExpectOnePassage(doc, {"Food and garden waste", "3.4", "2.9", "6.3"}, 3);
  ExpectOnePassage(doc, {"Other household waste", "0.8", "8.3", "9.1"}, 4);
  EXPECT_EQ(Find(doc, "Dry recyclables")->kind, PassageKind::kTableCell);
  ExpectNoLabel(doc, {"5.6", "1.1 6.7", "3.4", "2.9", "0.8", "8.3", "9.1"});
  // The caption is its own passage, and the paragraph above the table does
  // not take the row carried over to the next page.
  const Passage* caption = Find(doc, "Table 1: Household waste collected by councils");
  ASSERT_NE(caption, nullptr);
  EXPECT_EQ(caption->text.find("Stream"), std::string::npos) << caption->text;
  const Passage* paragraph = Find(doc, "Households in England produced 22.1 million tonnes");
  ASSERT_NE(paragraph, nullptr);
  EXPECT_EQ(paragraph->label, "1.1");
  EXPECT_EQ(paragraph->text.find("household waste"), std::string::npos) << paragraph->text;
}

TEST(TablePdf, FloodAndCareTablesReadAsRows) {
  const Document& flood = Extracted(kFourthCorpus + "living-with-water-flood-strategy.pdf");
  ExpectOnePassage(flood, {"Source", "High risk", "Medium risk", "Low risk", "Total"}, 3);
  ExpectOnePassage(flood, {"Rivers and the sea", "240", "610", "1,560", "2,410"}, 3);
  ExpectOnePassage(flood, {"Groundwater", "20", "75", "230", "325"}, 4);
  ExpectNoLabel(flood, {"240", "325", "20", "230"});
  const Document& care = Extracted(kFourthCorpus + "care-charging/fair-charging-for-care-strategy.pdf");
  // A header cell wrapped over two lines is one cell.
  ExpectOnePassage(care, {"Setting", "Council-funded", "Self-funded", "Total"}, 3);
  ExpectOnePassage(care, {"Care homes", "190", "165", "355"}, 3);
  ExpectOnePassage(care, {"Care at home", "355", "95", "450"}, 3);
  ExpectNoLabel(care, {"190", "355"});
}

// A published table whose row labels wrap over two lines, the figures set
// level with the second.
TEST(TablePdf, HmrcSamplingTableReadsAsRows) {
  const Document& doc = Extracted(kRealPdfs + "hmrc-risk-triggers.pdf");
  ExpectOnePassage(doc, {"Keytime | Iris | Andica"}, 22);
  ExpectOnePassage(doc, {"Completed interviews \xE2\x80\x93 face to face", "11", "5", "3"}, 22);
  ExpectOnePassage(doc, {"Completed interviews \xE2\x80\x93 telephone", "13", "5", "4"}, 22);
  ExpectOnePassage(doc, {"TOTAL COMPLETE", "24", "10", "7"}, 22);
  ExpectNoLabel(doc, {"11", "13", "24"});
}

}  // namespace
}  // namespace xref
