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

  // A data table: a passage per row; a merged cell's covered part is no text.
  ASSERT_NE(Find(doc, "Bus retrofit | £1.6m | March 2028"), nullptr);
  ASSERT_NE(Find(doc, "School streets and patrols | 2027"), nullptr);
  EXPECT_FALSE(Holds(doc, "hidden by the merge"));

  // A whole-bold short line is a heading; a text box's text is read.
  const Passage* costs = Find(doc, "Costs of the actions");
  ASSERT_NE(costs, nullptr);
  EXPECT_EQ(costs->kind, PassageKind::kHeading);
  EXPECT_TRUE(Holds(doc, "Partners: Rivermouth Port"));

  // Not the document's text: a tracked deletion, a comment, hidden text, a
  // picture's title, the generated table of contents.
  EXPECT_FALSE(Holds(doc, "close Harbour Road"));
  EXPECT_FALSE(Holds(doc, "Check the figure"));
  EXPECT_FALSE(Holds(doc, "Draft figure"));
  EXPECT_FALSE(Holds(doc, "Partners box"));
  EXPECT_FALSE(Holds(doc, "Contents"));
  ASSERT_NE(cited, nullptr);
  EXPECT_EQ(cited->text,
            "Nitrogen dioxide at the Harbour Road monitor averaged 44 micrograms per cubic metre in 2026, above the "
            "legal limit of 40. This plan sets out how the Council will bring it below the limit by 2029.");
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
