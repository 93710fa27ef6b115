// ODT extraction (pipeline/extract_odt.cc) on files LibreOffice wrote
// (tests/data/odt/README.md says how each was made): four papers saved as ODT
// from their Word files must read as their Word files read, passage for
// passage (kind, number, section, text); a plan written for the features a
// Word file does not carry (lists that continue across a heading, outline
// numbers, tracked deletions, comments, hidden text, a table of contents, a
// text box, notes) reads as LibreOffice prints it; broken files are refused
// with a message naming the file.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "pipeline/extract.h"
#include "tests/testing/hostile_files.h"

namespace xref {
namespace {

const std::string kData = XREF_SOURCE_DIR "/tests/data/";

Document Extract(const std::string& path) {
  Result<Document> doc = ExtractFile(path);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? std::move(*doc) : Document{};
}

// One line per passage: kind, label, level, section and text.
std::vector<std::string> Shape(const Document& doc) {
  std::vector<std::string> lines;
  for (const Passage& p : doc.passages) {
    std::ostringstream line;
    line << static_cast<int>(p.kind) << "|" << p.label << "|" << p.level << "|" << p.section << "|" << p.text;
    lines.push_back(line.str());
  }
  return lines;
}

const Passage* Find(const Document& doc, const std::string& start) {
  for (const Passage& p : doc.passages) {
    if (p.text.rfind(start, 0) == 0) return &p;
  }
  return nullptr;
}

bool Holds(const Document& doc, const std::string& words) {
  for (const Passage& p : doc.passages) {
    if (p.text.find(words) != std::string::npos) return true;
  }
  return false;
}

struct SameAs {
  const char* odt;
  const char* docx;
};

class OdtLikeItsWordFile : public ::testing::TestWithParam<SameAs> {};

// Numbered paragraphs and "(a)" items (counted from the list styles, as an
// ODT stores no numbers), bold lines taken for headings, footnotes after the
// paragraph that cites them, a two-row table header with merged cells, and
// headings numbered by the outline: all as the Word file reads.
// The last pair are both pandoc's.
TEST_P(OdtLikeItsWordFile, PassageForPassage) {
  const Document odt = Extract(kData + "odt/" + GetParam().odt);
  const Document docx = Extract(std::string(XREF_SOURCE_DIR "/") + GetParam().docx);
  EXPECT_EQ(odt.format, Format::kOdt);
  ASSERT_GT(odt.passages.size(), 15u);
  EXPECT_EQ(Shape(odt), Shape(docx));
  EXPECT_EQ(odt.title, docx.title);
}

INSTANTIATE_TEST_SUITE_P(
    Papers, OdtLikeItsWordFile,
    ::testing::Values(SameAs{"leicestershire-cfs-scrutiny-2023-03-07.odt",
                             "corpus/leicestershire-cfs-scrutiny-2023-03-07.docx"},
                      SameAs{"hollingford-admissions-report.odt",
                             "tests/data/producers/hollingford-admissions-report.docx"},
                      SameAs{"kestrelham-schools-forum-minutes-2027-04-13.odt",
                             "tests/data/fourth-corpus/send-provision/kestrelham-schools-forum-minutes-2027-04-13.docx"},
                      // Another writer: pandoc's ODT and DOCX of one Markdown policy (its Title style
                      // used without being defined, lettered items, a pipe table, a footnote).
                      SameAs{"eastfield-school-transport-pandoc.odt",
                             "tests/data/odt/eastfield-school-transport-pandoc.docx"}),
    [](const ::testing::TestParamInfo<SameAs>& info) {
      std::string name = std::string(info.param.odt).substr(0, std::string(info.param.odt).find('-'));
      return name;
    });

// A table of contents is generated from the headings, and left out of an ODT
// as of a DOCX (its lines, "Background 1", would be passages ending in page
// numbers): the paper reads as its Word file.
TEST(ExtractOdtTest, TableOfContentsLeftOut) {
  const Document odt = Extract(kData + "odt/tarnley-planning-committee-report-2026-09-15.odt");
  const Document docx =
      Extract(kData + "fourth-corpus/nature-recovery/tarnley-planning-committee-report-2026-09-15.docx");
  ASSERT_GT(odt.passages.size(), 50u);
  EXPECT_FALSE(Holds(odt, "Contents"));
  EXPECT_EQ(Shape(odt), Shape(docx));
}

// The school food plan types its paragraph numbers into the text (pandoc
// wrote it from Markdown, LibreOffice saved it): they are the paragraphs'
// labels, as Word's own numbers are, and no part of their text.
TEST(ExtractOdtTest, TypedParagraphNumbersAreLabels) {
  const Document odt = Extract(kData + "fourth-corpus/school-food/well-fed-ready-to-learn-school-food-plan.odt");
  const Passage* p = Find(odt, "Schools and councils will need to plan");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->label, "2.3");
  EXPECT_EQ(p->section, "2. Free meals for more children");
  EXPECT_FALSE(Holds(odt, "2.3 Schools"));
  const Passage* priority = Find(odt, "The first bidding round will open");
  ASSERT_NE(priority, nullptr);
  EXPECT_EQ(priority->label, "4.2");
}

TEST(ExtractOdtTest, WhatLibreOfficePrints) {
  const Document doc = Extract(kData + "odt/rivermouth-features.odt");
  EXPECT_EQ(doc.format, Format::kOdt);
  EXPECT_EQ(doc.title, "Rivermouth Borough Council: Air Quality Action Plan 2027 to 2032");  // meta.xml
  EXPECT_EQ(doc.date, "2027-02-08");
  EXPECT_FALSE(doc.pages.has_value());

  // The Title style and the outline levels are headings; level 2 is numbered
  // by the outline ("1."), level 1 not.
  const Passage* title = Find(doc, "Air Quality Action Plan");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->kind, PassageKind::kHeading);
  const Passage* actions = Find(doc, "Our actions");
  ASSERT_NE(actions, nullptr);
  EXPECT_EQ(actions->kind, PassageKind::kHeading);
  EXPECT_EQ(actions->level, 2);
  EXPECT_EQ(actions->label, "1");

  // Lists: "1." and "2.", "(a)" to "(c)" and "i", "ii" under them, and a list
  // after a heading that continues the first one ("3.").
  std::vector<std::pair<std::string, std::string>> numbered;
  for (const Passage& p : doc.passages) {
    if (!p.label.empty() && p.kind == PassageKind::kParagraph) numbered.emplace_back(p.label, p.text.substr(0, 12));
  }
  const std::vector<std::pair<std::string, std::string>> want = {
      {"1", "Nitrogen dio"}, {"1", "Annual Statu"}, {"2", "The plan has"}, {"(a)", "the actions "},
      {"(b)", "what it asks"}, {"i", "funding for "}, {"ii", "powers over "}, {"(c)", "how progress"},
      {"3", "The Council "}, {"Action A:", "Retrofit 40 "}, {"Action B:", "Consult on a"},
      {"1", "The first re"}};
  EXPECT_EQ(numbered, want);
  const Passage* footnote = Find(doc, "Annual Status Report 2026");
  const Passage* cited = Find(doc, "Nitrogen dioxide");
  ASSERT_NE(footnote, nullptr);
  ASSERT_NE(cited, nullptr);
  EXPECT_EQ(footnote->n, cited->n + 1);  // the footnote follows the paragraph citing it
  EXPECT_EQ(doc.passages.back().text, "The first report is due in June 2028.");  // the endnote, at the end

  // Bullets are list items; a line break inside one is a space.
  const Passage* patrols = Find(doc, "Anti-idling patrols near the harbour.");
  ASSERT_NE(patrols, nullptr);
  EXPECT_EQ(patrols->kind, PassageKind::kListItem);
  EXPECT_EQ(patrols->level, 1);

  // A data table: a passage per row, a merged cell once.
  ASSERT_NE(Find(doc, "Bus retrofit | £1.6m | March 2028"), nullptr);
  ASSERT_NE(Find(doc, "School streets and patrols | 2027"), nullptr);

  // A whole-bold short line is a heading; a text box's text is read.
  const Passage* costs = Find(doc, "Costs of the actions");
  ASSERT_NE(costs, nullptr);
  EXPECT_EQ(costs->kind, PassageKind::kHeading);
  EXPECT_TRUE(Holds(doc, "Partners: Rivermouth Port"));

  // Not the document's text: a tracked deletion, a comment, the generated
  // table of contents. (LibreOffice dropped the source's hidden field, the
  // frame's title and the covered cell's text on saving: hidden text is
  // tested on content written by hand below.)
  EXPECT_FALSE(Holds(doc, "close Harbour Road"));
  EXPECT_FALSE(Holds(doc, "Check the figure"));
  EXPECT_FALSE(Holds(doc, "Contents"));
  ASSERT_NE(cited, nullptr);
  EXPECT_EQ(cited->text,
            "Nitrogen dioxide at the Harbour Road monitor averaged 44 micrograms per cubic metre in 2026, above the "
            "legal limit of 40. This plan sets out how the Council will bring it below the limit by 2029.");
}

// content.xml written by hand, for what LibreOffice's own files do not show
// (it rewrites these on saving): the document's automatic styles and body.
Document FromContent(const std::string& styles, const std::string& body) {
  const std::string content =
      "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
      "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
      "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
      "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\">"
      "<office:automatic-styles>" +
      styles + "</office:automatic-styles><office:body><office:text>" + body +
      "</office:text></office:body></office:document-content>";
  Result<Document> doc = ExtractOdt(
      "hand.odt", testing::MakeZip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", content}}));
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? std::move(*doc) : Document{};
}

const std::string kNumbered =
    "<text:list-style style:name=\"L1\"><text:list-level-style-number text:level=\"1\" style:num-format=\"1\" "
    "style:num-suffix=\".\"/><text:list-level-style-number text:level=\"2\" style:num-format=\"1\" "
    "style:num-suffix=\".\" text:display-levels=\"2\"/></text:list-style>"
    "<text:list-style style:name=\"B\"><text:list-level-style-bullet text:level=\"1\"/></text:list-style>";

std::string Item(const std::string& text) { return "<text:list-item><text:p>" + text + "</text:p></text:list-item>"; }

// "label text" per passage.
std::vector<std::string> Labelled(const Document& doc) {
  std::vector<std::string> out;
  for (const Passage& p : doc.passages) out.push_back(p.label + " " + p.text);
  return out;
}

TEST(ExtractOdtTest, ListsCountedAsLibreOfficeCountsThem) {
  // continue-numbering goes on from the list just before only if it has the
  // same style; continue-list names the list to go on from; an item's second
  // level shows both numbers (display-levels 2); a list header takes none.
  const Document doc = FromContent(
      kNumbered,
      "<text:list text:style-name=\"L1\" xml:id=\"first\">" + Item("One.") + Item("Two.") + "</text:list>"
      "<text:list text:style-name=\"L1\" text:continue-numbering=\"true\">" + Item("Three.") +
          "<text:list-item><text:p>Four.</text:p><text:list>" + Item("Four one.") + Item("Four two.") +
          "</text:list></text:list-item></text:list>"
      "<text:list text:style-name=\"B\">" + Item("A bullet.") + "</text:list>"
      "<text:list text:style-name=\"L1\" text:continue-numbering=\"true\">" + Item("Restarted.") + "</text:list>"
      "<text:list text:style-name=\"L1\" text:continue-list=\"first\">"
      "<text:list-header><text:p>A header.</text:p></text:list-header>" + Item("Five.") + "</text:list>");
  EXPECT_EQ(Labelled(doc), (std::vector<std::string>{"1 One.", "2 Two.", "3 Three.", "4 Four.", "4.1 Four one.",
                                                     "4.2 Four two.", " A bullet.", "1 Restarted.", " A header.",
                                                     "5 Five."}));
}

TEST(ExtractOdtTest, AListWithoutAStyleTakesItsParagraphStyles) {
  const Document doc = FromContent(
      kNumbered + "<style:style style:name=\"Num\" style:family=\"paragraph\" style:list-style-name=\"L1\"/>",
      "<text:list><text:list-item><text:p text:style-name=\"Num\">First.</text:p></text:list-item>"
      "<text:list-item><text:p text:style-name=\"Num\">Second.</text:p></text:list-item></text:list>");
  EXPECT_EQ(Labelled(doc), (std::vector<std::string>{"1 First.", "2 Second."}));
}

TEST(ExtractOdtTest, LettersPastZAsODFCountsThem) {
  std::string items;
  for (int i = 1; i <= 28; ++i) items += Item("Item " + std::to_string(i) + ".");
  const Document doc = FromContent(
      "<text:list-style style:name=\"A\"><text:list-level-style-number text:level=\"1\" style:num-format=\"a\" "
      "style:num-prefix=\"(\" style:num-suffix=\")\"/></text:list-style>",
      "<text:list text:style-name=\"A\">" + items + "</text:list>");
  ASSERT_EQ(doc.passages.size(), 28u);
  EXPECT_EQ(doc.passages[25].label, "(z)");
  EXPECT_EQ(doc.passages[26].label, "(aa)");
  EXPECT_EQ(doc.passages[27].label, "(ab)");
}

TEST(ExtractOdtTest, HiddenTextFieldsAndShapes) {
  const Document doc = FromContent(
      "<style:style style:name=\"Hidden\" style:family=\"text\"><style:text-properties text:display=\"none\"/>"
      "</style:style><style:style style:name=\"Hidden2\" style:family=\"text\" style:parent-style-name=\"Hidden\"/>",
      "<text:p>Costs are in <text:sequence-ref text:reference-format=\"category-and-value\">Table 1</text:sequence-ref>"
      "<text:span text:style-name=\"Hidden\"> draft only<text:note text:note-class=\"footnote\"><text:note-body>"
      "<text:p>A hidden note.</text:p></text:note-body></text:note></text:span>"
      "<text:span text:style-name=\"Hidden2\"> and this</text:span>, set by <text:author-name>J Smith</text:author-name>."
      "</text:p><text:p><draw:custom-shape><text:p>Text in a shape.</text:p></draw:custom-shape></text:p>");
  EXPECT_EQ(Labelled(doc), (std::vector<std::string>{" Costs are in Table 1, set by J Smith.", " Text in a shape."}));
}

// A table inside a text box inside a data table's cell makes the cell a
// layout cell; the outer row's text is not lost to the inner table's row.
TEST(ExtractOdtTest, ATableInATextBoxInACell) {
  const Document doc = FromContent(
      "", "<table:table><table:table-row><table:table-cell><text:p>Housing First</text:p></table:table-cell>"
          "<table:table-cell><text:p><draw:frame><draw:text-box><table:table><table:table-row><table:table-cell>"
          "<text:p>x</text:p></table:table-cell></table:table-row></table:table></draw:text-box></draw:frame>"
          "£1.2m</text:p></table:table-cell></table:table-row></table:table>");
  bool housing = false, sum = false;
  for (const Passage& p : doc.passages) {
    housing = housing || p.text.find("Housing First") != std::string::npos;
    sum = sum || p.text.find("£1.2m") != std::string::npos;
  }
  EXPECT_TRUE(housing);
  EXPECT_TRUE(sum);
}

TEST(ExtractOdtTest, Refusals) {
  struct Case {
    const char* name;
    std::string bytes;
    Status::Code code;
    const char* says;
  };
  const std::string content =
      "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
      "<text:p>Text.</text:p></office:text></office:body></office:document-content>";
  const std::string good = testing::MakeZip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                                             {"content.xml", content}});
  const Case cases[] = {
      {"not a zip", std::string("PK\x03\x04") + " no zip at all, content.xml", Status::Code::kCorrupt, "not an ODT"},
      {"no content", testing::MakeZip({{"mimetype", "application/vnd.oasis.opendocument.text"}}),
       Status::Code::kCorrupt, "no content.xml"},
      {"malformed content", testing::MakeZip({{"content.xml", "<office:document-content"}}), Status::Code::kCorrupt,
       "corrupt ODT: content.xml is not well-formed XML"},
      {"malformed styles", testing::MakeZip({{"content.xml", content}, {"styles.xml", "<office:styles"}}),
       Status::Code::kCorrupt, "styles.xml"},
      {"a DTD", testing::MakeZip({{"content.xml", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>" + content}}),
       Status::Code::kCorrupt, "declares a DTD"},
      {"no text body", testing::MakeZip({{"content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:"
                                                         "tc:opendocument:xmlns:office:1.0\"/>"}}),
       Status::Code::kCorrupt, "no office:text body"},
      {"a zip bomb", testing::MakeZip({{"content.xml", std::string(40u << 20, '\0')}}),
       Status::Code::kResourceExhausted, "zip bomb"},
  };
  for (const Case& c : cases) {
    Result<Document> doc = ExtractOdt("bad.odt", c.bytes);
    ASSERT_FALSE(doc.ok()) << c.name;
    EXPECT_EQ(doc.status().code(), c.code) << c.name << ": " << doc.status().ToString();
    EXPECT_EQ(doc.status().where(), "bad.odt") << c.name;
    EXPECT_NE(doc.status().what().find(c.says), std::string::npos) << c.name << ": " << doc.status().ToString();
  }
  Result<Document> doc = ExtractBytes("minimal.odt", good);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->passages.size(), 1u);
  EXPECT_EQ(doc->passages[0].text, "Text.");
}

}  // namespace
}  // namespace xref
