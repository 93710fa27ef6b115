// DOCX extraction: the bundled council report against its reference text, and
// Word files built here with libzip to pin styles, numbering, tables, tracked
// changes, metadata, and the refusals (not a zip, no document, truncated,
// malformed XML, zip bombs).
#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/extract.h"
#include "pipeline/normalise.h"
#include "tests/testing/hostile_files.h"
#include "tests/testing/word_similarity.h"

namespace xref {
namespace {

// Zips written with libzip: tests/testing/hostile_files.h (shared with hostile_corpus_test).
using Entries = testing::ZipEntries;
using testing::MakeZip;

constexpr const char* kW = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string DocumentXml(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document ") + kW +
         " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>" + body +
         "<w:sectPr/></w:body></w:document>";
}

const char* const kContentTypes =
    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "</Types>";

std::string StylesXml() {
  return std::string("<?xml version=\"1.0\"?><w:styles ") + kW + ">" +
         "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
         "<w:basedOn w:val=\"Normal\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"MySection\"><w:name w:val=\"My Section\"/>"
         "<w:basedOn w:val=\"Heading2\"/></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"Outline3\"><w:name w:val=\"Council Outline\"/>"
         "<w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"Numbered\"><w:name w:val=\"Numbered Para\"/>"
         "<w:pPr><w:numPr><w:numId w:val=\"6\"/></w:numPr></w:pPr></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"Strong\"><w:name w:val=\"Strong Para\"/>"
         "<w:rPr><w:b/></w:rPr></w:style>"
         "<w:style w:type=\"character\" w:styleId=\"Heading1Char\"><w:name w:val=\"Heading 1 Char\"/></w:style>"
         "<w:style w:type=\"character\" w:styleId=\"StrongEmphasis\"><w:name w:val=\"Strong\"/>"
         "<w:rPr><w:b/><w:bCs/></w:rPr></w:style>"
         "</w:styles>";
}

std::string Level(int ilvl, const char* format, const char* text, int start = 1) {
  return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\"><w:start w:val=\"" + std::to_string(start) +
         "\"/><w:numFmt w:val=\"" + format + "\"/><w:lvlText w:val=\"" + text + "\"/></w:lvl>";
}

std::string NumberingXml() {
  return std::string("<?xml version=\"1.0\"?><w:numbering ") + kW + ">" +
         // 0: 1. / (a) / i)
         "<w:abstractNum w:abstractNumId=\"0\">" + Level(0, "decimal", "%1.") + Level(1, "lowerLetter", "(%2)") +
         Level(2, "lowerRoman", "%3)") + "</w:abstractNum>" +
         // 1: bullets
         "<w:abstractNum w:abstractNumId=\"1\">" + Level(0, "bullet", "\xEF\x82\xB7") +
         Level(1, "bullet", "o") + "</w:abstractNum>" +
         // 2: 1.1 style, upper letters and roman
         "<w:abstractNum w:abstractNumId=\"2\">" + Level(0, "decimal", "%1") + Level(1, "decimal", "%1.%2") +
         "</w:abstractNum>" +
         "<w:abstractNum w:abstractNumId=\"3\">" + Level(0, "upperLetter", "%1.") +
         Level(1, "upperRoman", "%2.") + "</w:abstractNum>" +
         "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
         "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
         "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\">"
         "<w:startOverride w:val=\"12\"/></w:lvlOverride></w:num>"
         "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"2\"/></w:num>"
         "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"0\"/></w:num>"
         "<w:num w:numId=\"6\"><w:abstractNumId w:val=\"3\"/></w:num>"
         "</w:numbering>";
}

std::string CoreXml(const char* title, const char* created) {
  return std::string("<?xml version=\"1.0\"?><cp:coreProperties "
                     "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                     "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
                     "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>") +
         title + "</dc:title><dcterms:created xsi:type=\"dcterms:W3CDTF\">" + created +
         "</dcterms:created></cp:coreProperties>";
}

// <w:p> with an optional style and numbering, holding runs of `text`.
std::string P(const std::string& text, const std::string& style = "", const std::string& num_id = "",
              int ilvl = 0) {
  std::string ppr;
  if (!style.empty()) ppr += "<w:pStyle w:val=\"" + style + "\"/>";
  if (!num_id.empty() || ilvl > 0) {
    ppr += "<w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/>" +
           (num_id.empty() ? "" : "<w:numId w:val=\"" + num_id + "\"/>") + "</w:numPr>";
  }
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + "<w:r><w:t xml:space=\"preserve\">" +
         text + "</w:t></w:r></w:p>";
}

std::string Docx(const std::string& body, bool with_parts = true,
                 const std::string& core = CoreXml("", "2024-05-01T10:00:00Z")) {
  Entries entries = {{"[Content_Types].xml", kContentTypes}, {"word/document.xml", DocumentXml(body)}};
  if (with_parts) {
    entries.push_back({"word/styles.xml", StylesXml()});
    entries.push_back({"word/numbering.xml", NumberingXml()});
    entries.push_back({"docProps/core.xml", core});
  }
  return MakeZip(entries);
}

Document Extract(const std::string& bytes) {
  Result<Document> doc = ExtractDocx("test.docx", bytes);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? std::move(doc).value() : Document{};
}

std::vector<std::string> Shape(const Document& doc) {
  std::vector<std::string> out;
  for (const Passage& p : doc.passages) {
    out.push_back(std::string(PassageKindName(p.kind)) + "|" + p.label + "|" + std::to_string(p.level) + "|" +
                  p.text);
  }
  return out;
}

using Lines = std::vector<std::string>;

TEST(ExtractDocxTest, HeadingsByStyleNameOutlineAndInheritance) {
  Document doc = Extract(Docx(P("Report title", "Title") + P("Intro", "Heading1") + P("Body one.") +
                              P("Inherited", "MySection") + P("Outlined", "Outline3") +
                              "<w:p><w:pPr><w:outlineLvl w:val=\"3\"/></w:pPr><w:r><w:t>Direct</w:t></w:r></w:p>" +
                              P("Body two.", "Normal")));
  EXPECT_EQ(Shape(doc), (Lines{"heading||1|Report title", "heading||1|Intro", "paragraph||0|Body one.",
                                "heading||2|Inherited", "heading||3|Outlined", "heading||4|Direct",
                                "paragraph||0|Body two."}));
  EXPECT_EQ(doc.passages[2].section, "Intro");
  EXPECT_EQ(doc.title, "Report title");
  EXPECT_EQ(doc.date, "2024-05-01");
  EXPECT_EQ(doc.format, Format::kDocx);
}

TEST(ExtractDocxTest, NumberingLabels) {
  Document doc = Extract(Docx(
      P("first", "", "1") + P("sub a", "", "1", 1) + P("sub b", "", "1", 1) + P("roman", "", "1", 2) +
      P("second", "", "1") + P("sub restarts", "", "1", 1) +
      P("continues in another instance", "", "5") +  // same abstract list, no override
      P("restarted at twelve", "", "3") + P("thirteen", "", "3") + P("legal one", "", "4") +
      P("legal one point one", "", "4", 1) + P("legal one point two", "", "4", 1) + P("legal two", "", "4") +
      P("legal two point one", "", "4", 1) + P("by style", "Numbered") + P("by style again", "Numbered") +
      P("style level two", "Numbered", "", 1) + P("removed numbering", "", "0") + P("unknown list", "", "99")));
  EXPECT_EQ(Shape(doc),
            (Lines{"paragraph|1|0|first", "paragraph|(a)|0|sub a", "paragraph|(b)|0|sub b",
                   "paragraph|i)|0|roman", "paragraph|2|0|second", "paragraph|(a)|0|sub restarts",
                   "paragraph|3|0|continues in another instance", "paragraph|12|0|restarted at twelve",
                   "paragraph|13|0|thirteen", "paragraph|1|0|legal one", "paragraph|1.1|0|legal one point one",
                   "paragraph|1.2|0|legal one point two", "paragraph|2|0|legal two",
                   "paragraph|2.1|0|legal two point one", "paragraph|A|0|by style",
                   "paragraph|B|0|by style again", "paragraph|I|0|style level two",
                   "paragraph||0|removed numbering", "paragraph||0|unknown list"}));
}

// Numbers officers type into the text, where no list numbering is used,
// are labels as Word's own are; a decimal before a lower-case word is a
// quantity, and a number with a word after it no number at all.
TEST(ExtractDocxTest, TypedParagraphNumbersAreLabels) {
  Document doc = Extract(Docx(P("2.3 Schools and councils will need to plan.") + P("12. The Council will consult.") +
                              P("(b) the County will bid.") + P("3.5 per cent of pupils eat at home.") +
                              P("2027 will be the first year.") + P("1.1.") + P("A plain paragraph.")));
  EXPECT_EQ(Shape(doc), (Lines{"paragraph|2.3|0|Schools and councils will need to plan.",
                                "paragraph|12|0|The Council will consult.", "paragraph|(b)|0|the County will bid.",
                                "paragraph||0|3.5 per cent of pupils eat at home.",
                                "paragraph||0|2027 will be the first year.", "paragraph||0|1.1.",
                                "paragraph||0|A plain paragraph."}));
}

TEST(ExtractDocxTest, BulletsAreListItems) {
  Document doc = Extract(Docx(P("Intro text.") + P("one", "", "2") + P("nested", "", "2", 1) + P("two", "", "2")));
  EXPECT_EQ(Shape(doc), (Lines{"paragraph||0|Intro text.", "list_item||1|one", "list_item||2|nested",
                                "list_item||1|two"}));
}

// Word shows "2." on an empty numbered paragraph: the next one prints 3.
TEST(ExtractDocxTest, EmptyNumberedParagraphsCountButAreNoPassage) {
  Document doc = Extract(Docx(P("one", "", "1") + P("", "", "1") + P("three", "", "1")));
  EXPECT_EQ(Shape(doc), (Lines{"paragraph|1|0|one", "paragraph|3|0|three"}));
}

// Footnotes (word/footnotes.xml) are passages, numbered in the order the
// text refers to them and read after the paragraph that refers to them;
// endnotes at the end; Word's separator "notes" are none.
TEST(ExtractDocxTest, FootnotesAfterTheirParagraphEndnotesAtTheEnd) {
  auto ref = [](const char* kind, const char* id) {
    return std::string("<w:r><w:") + kind + " w:id=\"" + id + "\"/></w:r>";
  };
  const std::string body =
      "<w:p><w:r><w:t>Births fell by a tenth.</w:t></w:r>" + ref("footnoteReference", "7") + "</w:p>" +
      P("The next paragraph.") + "<w:p><w:r><w:t>A final point.</w:t></w:r>" + ref("endnoteReference", "3") +
      ref("footnoteReference", "2") + "</w:p>";
  const std::string footnotes = std::string("<?xml version=\"1.0\"?><w:footnotes ") + kW + ">" +
                                "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                                "<w:footnote w:id=\"2\"><w:p><w:r><w:t>Second note.</w:t></w:r></w:p></w:footnote>"
                                "<w:footnote w:id=\"7\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> Office for"
                                " National Statistics, 2024.</w:t></w:r></w:p></w:footnote></w:footnotes>";
  const std::string endnotes = std::string("<?xml version=\"1.0\"?><w:endnotes ") + kW + ">" +
                               "<w:endnote w:id=\"3\"><w:p><w:r><w:t>An endnote.</w:t></w:r></w:p></w:endnote></w:endnotes>";
  const Document doc = Extract(MakeZip({{"[Content_Types].xml", kContentTypes},
                                        {"word/document.xml", DocumentXml(body)},
                                        {"word/footnotes.xml", footnotes},
                                        {"word/endnotes.xml", endnotes}}));
  EXPECT_EQ(Shape(doc), (Lines{"paragraph||0|Births fell by a tenth.",
                               "paragraph|1|0|Office for National Statistics, 2024.", "paragraph||0|The next paragraph.",
                               "paragraph||0|A final point.", "paragraph|2|0|Second note.",
                               "paragraph|1|0|An endnote."}));
}

TEST(ExtractDocxTest, RefusesEntityExpansion) {
  std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;\">"
      "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;\">]>"
      "<w:document " + std::string(kW) + "><w:body><w:p><w:r><w:t>&f;</w:t></w:r></w:p></w:body></w:document>";
  Result<Document> doc = ExtractDocx("laughs.docx", MakeZip({{"word/document.xml", laughs}}));
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kCorrupt) << doc.status().ToString();
}

TEST(ExtractDocxTest, Tables) {
  std::string cell_a = "<w:tc><w:tcPr><w:tcW w:w=\"100\"/></w:tcPr>" + P("Programme") + "</w:tc>";
  std::string cell_b = "<w:tc>" + P("Amount") + "</w:tc>";
  std::string cell_c = "<w:tc>" + P("Family") + P("help") + "</w:tc>";
  std::string cell_d = "<w:tc>" + P("\xC2\xA3" "45m") + "</w:tc>";
  Document doc = Extract(Docx(P("Funding", "Heading2") + "<w:tbl><w:tblPr/><w:tblGrid/><w:tr>" + cell_a + cell_b +
                              "</w:tr><w:tr>" + cell_c + cell_d + "</w:tr></w:tbl>" + P("After.")));
  // One passage per row, cells joined with " | " as in a PDF's tables; two
  // short paragraphs in a cell are a label wrapped by hand.
  EXPECT_EQ(Shape(doc), (Lines{"heading||2|Funding", "table_cell||0|Programme | Amount",
                                "table_cell||0|Family help | \xC2\xA3" "45m", "paragraph||0|After."}));
  EXPECT_EQ(doc.passages[1].section, "Funding");
}

// Minutes set as an "item | discussion" table: the discussion cell holds
// several paragraphs, so the table is layout and they stay paragraphs.
TEST(ExtractDocxTest, MinutesTableWithParagraphsInCells) {
  std::string item = "<w:tc>" + P("5") + "</w:tc>";
  std::string discussion = "<w:tc>" + P("The Committee considered the report on temporary accommodation.") +
                           P("Members asked about the cost of nightly paid rooms.") +
                           P("RESOLVED that the report be noted.") + "</w:tc>";
  Document doc = Extract(Docx(P("Minutes", "Heading2") + "<w:tbl><w:tr>" + item + discussion + "</w:tr></w:tbl>"));
  EXPECT_EQ(Shape(doc),
            (Lines{"heading||2|Minutes", "table_cell||0|5",
                   "paragraph||0|The Committee considered the report on temporary accommodation.",
                   "paragraph||0|Members asked about the cost of nightly paid rooms.",
                   "paragraph||0|RESOLVED that the report be noted."}));
}

// The real cabinet report's table: a row per passage, its label first.
TEST(ExtractDocxTest, RealTableRows) {
  Result<Document> doc =
      ExtractFile(XREF_SOURCE_DIR "/tests/data/fourth-corpus/care-charging/westford-cabinet-care-charging-2026-06-09.docx");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  std::vector<std::string> rows;
  for (const Passage& p : doc->passages) {
    if (p.kind == PassageKind::kTableCell) rows.push_back(p.text);
  }
  EXPECT_EQ(rows, (std::vector<std::string>{"Setting | Council-supported | Paying for their own care | Total",
                                            "Care homes | 1,040 | 1,150 | 2,190", "Care at home | 2,420 | 750 | 3,170"}));
}

TEST(ExtractDocxTest, RunContent) {
  std::string body =
      "<w:p><w:r><w:t>Tab</w:t><w:tab/><w:t>and</w:t><w:br/><w:t>break,</w:t></w:r>"
      "<w:r><w:t xml:space=\"preserve\"> co</w:t><w:noBreakHyphen/><w:t>operate, </w:t></w:r>"
      "<w:r><w:t>soft</w:t><w:softHyphen/><w:t>hyphen </w:t></w:r>"
      "<w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>deleted </w:delText></w:r></w:del>"
      "<w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>inserted </w:t></w:r></w:ins>"
      "<w:moveFrom w:id=\"3\" w:author=\"a\"><w:r><w:t>moved away </w:t></w:r></w:moveFrom>"
      "<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden </w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>7</w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
      "<w:hyperlink w:anchor=\"x\"><w:r><w:t xml:space=\"preserve\"> linked</w:t></w:r></w:hyperlink>"
      "<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:r><w:t xml:space=\"preserve\"> choice</w:t></w:r>"
      "</mc:Choice><mc:Fallback><w:r><w:t xml:space=\"preserve\"> fallback</w:t></w:r></mc:Fallback>"
      "</mc:AlternateContent><w:r><w:t>.</w:t></w:r></w:p>";
  Document doc = Extract(Docx(body));
  EXPECT_EQ(Shape(doc),
            (Lines{"paragraph||0|Tab and break, co-operate, softhyphen inserted 7 linked choice."}));
}

TEST(ExtractDocxTest, ContentControls) {
  std::string filled = "<w:sdt><w:sdtPr><w:alias w:val=\"Ward\"/></w:sdtPr><w:sdtContent>" + P("North ward.") +
                       "</w:sdtContent></w:sdt>";
  std::string prompt = "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>" +
                       P("Click or tap here to enter text.") + "</w:sdtContent></w:sdt>";
  std::string inline_control = "<w:p><w:r><w:t xml:space=\"preserve\">Date: </w:t></w:r><w:sdt><w:sdtPr/>"
                               "<w:sdtContent><w:r><w:t>7 March 2023</w:t></w:r></w:sdtContent></w:sdt></w:p>";
  // A table of contents Word generated repeats the headings with page numbers.
  std::string contents = "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/>"
                         "<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>" +
                         P("Contents") + P("Background 1") + P("Financial implications 3") + "</w:sdtContent></w:sdt>";
  Document doc = Extract(Docx(filled + prompt + contents + inline_control));
  EXPECT_EQ(Shape(doc), (Lines{"paragraph||0|North ward.", "paragraph||0|Date: 7 March 2023"}));
}

TEST(ExtractDocxTest, BoldParagraphsAreHeadings) {
  std::string bold = "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">REPORT OF THE </w:t></w:r>"
                     "<w:r><w:rPr><w:b w:val=\"1\"/></w:rPr><w:t>DIRECTOR</w:t></w:r></w:p>";
  std::string mixed = "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Note: </w:t></w:r>"
                      "<w:r><w:t>only partly bold</w:t></w:r></w:p>";
  std::string unbolded = "<w:p><w:r><w:rPr><w:b w:val=\"0\"/></w:rPr><w:t>not bold at all</w:t></w:r></w:p>";
  std::string sentence = "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>A bold sentence ends here.</w:t></w:r></w:p>";
  Document doc = Extract(Docx(P("Styled", "Heading1") + bold + mixed + unbolded + sentence +
                              P("Style bold", "Strong") + P("Body.")));
  EXPECT_EQ(Shape(doc), (Lines{"heading||1|Styled", "heading||2|REPORT OF THE DIRECTOR",
                                "paragraph||0|Note: only partly bold", "paragraph||0|not bold at all",
                                "paragraph||0|A bold sentence ends here.", "heading||2|Style bold",
                                "paragraph||0|Body."}));
}

// Pasted from a web page, or typed with Shift+Enter: bold by a character
// style ("Strong"), a blank line of breaks between paragraphs, a bold line
// over its text. The rest of a numbered paragraph takes no second number.
TEST(ExtractDocxTest, StrongRunsAndLinesBrokenByHand) {
  auto strong = [](const std::string& text) {
    return "<w:r><w:rPr><w:rStyle w:val=\"StrongEmphasis\"/></w:rPr><w:t>" + text + "</w:t></w:r>";
  };
  auto run = [](const std::string& text) { return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>"; };
  const std::string br = "<w:r><w:br/></w:r>";
  const std::string body =
      P("Budget 2026", "Heading1") + "<w:p>" + strong("What happens next") + "</w:p>" +
      "<w:p>" + run("The Cabinet agreed a £12m programme.") + br + br + run("The money comes from a fund.") + br +
      strong("Next steps") + br + run("Work starts in April.") + br + run("Residents can report potholes.") +
      "</w:p>" + "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>" +
      run("A numbered point.") + br + br + run("Its second paragraph.") + "</w:p>" +
      "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>" +
      run("Another point.") + br + strong("Its own title") + br + run("Under that title.") + "</w:p>" + P("Body.");
  Document doc = Extract(Docx(body));
  EXPECT_EQ(Shape(doc), (Lines{"heading||1|Budget 2026", "heading||2|What happens next",
                                "paragraph||0|The Cabinet agreed a £12m programme.",
                                "paragraph||0|The money comes from a fund.", "heading||2|Next steps",
                                "paragraph||0|Work starts in April. Residents can report potholes.",
                                "paragraph|1|0|A numbered point.", "paragraph||0|Its second paragraph.",
                                "paragraph|2|0|Another point.", "heading||2|Its own title",
                                "paragraph||0|Under that title.", "paragraph||0|Body."}));
}

TEST(ExtractDocxTest, UnstyledHeadingsAreGuessedOnlyWithoutStyledOnes) {
  std::string body = P("Purpose of the Report") + P("The purpose is this.", "", "1") + P("Background") +
                     P("Some background text.");
  Document guessed = Extract(Docx(body));
  EXPECT_EQ(Shape(guessed), (Lines{"heading||2|Purpose of the Report", "paragraph|1|0|The purpose is this.",
                                    "heading||2|Background", "paragraph||0|Some background text."}));
  Document styled = Extract(Docx(P("Real", "Heading1") + body));
  EXPECT_EQ(styled.passages[1].kind, PassageKind::kParagraph);
  EXPECT_EQ(styled.passages[1].text, "Purpose of the Report");
}

TEST(ExtractDocxTest, CoreProperties) {
  Document doc = Extract(Docx(P("Heading", "Heading1") + P("x"), true,
                              CoreXml("School transport policy", "2023-09-14T08:00:00Z")));
  EXPECT_EQ(doc.title, "School transport policy");
  EXPECT_EQ(doc.date, "2023-09-14");
  Document bare = Extract(Docx(P("First paragraph text.") + P("Second."), false));
  EXPECT_EQ(bare.title, "First paragraph text.");
  EXPECT_EQ(bare.date, "");
  EXPECT_EQ(Shape(bare), (Lines{"paragraph||0|First paragraph text.", "paragraph||0|Second."}));
}

TEST(ExtractDocxTest, Refusals) {
  struct Case {
    const char* name;
    std::string bytes;
    Status::Code code;
    const char* says;
  };
  std::string good = Docx(P("Text."));
  std::string bad_xml = MakeZip({{"word/document.xml", DocumentXml("<w:p><w:r><w:t>unclosed</w:r></w:p>")}});
  std::string bad_styles = MakeZip({{"word/document.xml", DocumentXml(P("ok"))}, {"word/styles.xml", "<w:styles"}});
  const Case cases[] = {
      {"not a zip", std::string("PK\x03\x04") + " this is no zip at all, word/document.xml", Status::Code::kCorrupt,
       "not a DOCX"},
      {"no document", MakeZip({{"word/other.xml", "<x/>"}, {"[Content_Types].xml", kContentTypes}}),
       Status::Code::kCorrupt, "word/document.xml"},
      {"truncated", good.substr(0, good.size() / 2), Status::Code::kCorrupt, "not a DOCX"},
      {"malformed document", bad_xml, Status::Code::kCorrupt, "word/document.xml is not well-formed XML"},
      {"malformed styles", bad_styles, Status::Code::kCorrupt, "word/styles.xml"},
      {"no body", MakeZip({{"word/document.xml", std::string("<w:document ") + kW + "/>"}}), Status::Code::kCorrupt,
       "w:body"},
      {"empty", "", Status::Code::kCorrupt, "not a DOCX"},
  };
  for (const Case& c : cases) {
    Result<Document> doc = ExtractDocx("bad.docx", c.bytes);
    ASSERT_FALSE(doc.ok()) << c.name;
    EXPECT_EQ(doc.status().code(), c.code) << c.name << ": " << doc.status().ToString();
    EXPECT_EQ(doc.status().where(), "bad.docx") << c.name;
    EXPECT_NE(doc.status().what().find(c.says), std::string::npos) << c.name << ": " << doc.status().ToString();
    EXPECT_EQ(doc.status().ToString().find('\n'), std::string::npos) << c.name;
  }
}

// An entry that really holds 40 MiB of zeros: far beyond any ratio XML reaches.
TEST(ExtractDocxTest, RefusesAZipBombByRatio) {
  std::string zeros(40u << 20, '\0');
  std::string bytes = MakeZip({{"word/document.xml", zeros}});
  ASSERT_LT(bytes.size(), 1u << 20);
  Result<Document> doc = ExtractDocx("bomb.docx", bytes);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kResourceExhausted) << doc.status().ToString();
  EXPECT_NE(doc.status().what().find("zip bomb"), std::string::npos) << doc.status().ToString();
}

// An entry whose directory claims it unpacks to 4 GiB: refused before reading.
TEST(ExtractDocxTest, RefusesAnEntryClaimingAHugeSize) {
  std::string bytes = Docx(P("Small text."), false);
  // Rewrite the uncompressed size of word/document.xml in the local header
  // (offset 22) and the central directory (offset 24).
  int patched = 0;
  for (const auto& [signature, offset] : {std::pair<std::string, size_t>{"PK\x03\x04", 22},
                                          std::pair<std::string, size_t>{"PK\x01\x02", 24}}) {
    for (size_t at = bytes.find(signature); at != std::string::npos; at = bytes.find(signature, at + 4)) {
      size_t name_length_at = signature == "PK\x03\x04" ? at + 26 : at + 28;
      size_t name_at = signature == "PK\x03\x04" ? at + 30 : at + 46;
      size_t name_length = static_cast<unsigned char>(bytes[name_length_at]) |
                           (static_cast<unsigned char>(bytes[name_length_at + 1]) << 8);
      if (bytes.compare(name_at, name_length, "word/document.xml") != 0) continue;
      for (size_t k = 0; k < 4; ++k) bytes[at + offset + k] = static_cast<char>(0xF0);
      ++patched;
    }
  }
  ASSERT_EQ(patched, 2);
  Result<Document> doc = ExtractDocx("claims.docx", bytes);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kResourceExhausted) << doc.status().ToString();
  EXPECT_NE(doc.status().what().find("zip bomb"), std::string::npos) << doc.status().ToString();
}

TEST(ExtractDocxTest, DeepXmlIsRefusedNotRecursed) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<w:sdt><w:sdtContent>";
  deep += P("deep");
  for (int i = 0; i < 100000; ++i) deep += "</w:sdtContent></w:sdt>";
  Result<Document> doc = ExtractDocx("deep.docx", MakeZip({{"word/document.xml", DocumentXml(deep)}}));
  EXPECT_FALSE(doc.ok());  // libxml2 stops at its depth limit: a corrupt file, not a crash
}

// The bundled council report, typed in Word with automatic paragraph numbers.
class LeicestershireDocxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Document> doc = ExtractFile(XREF_SOURCE_DIR "/corpus/leicestershire-cfs-scrutiny-2023-03-07.docx");
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    doc_ = std::move(doc).value();
    reference_ = testing::ReadFileOrFail(XREF_SHARED_DIR
                                         "/corpus/reference/leicestershire-cfs-scrutiny-2023-03-07.md");
  }
  Document doc_;
  std::string reference_;
};

TEST_F(LeicestershireDocxTest, ParagraphTwelve) {
  const Passage* twelve = nullptr;
  for (const Passage& p : doc_.passages) {
    if (p.label == "12") twelve = &p;
  }
  ASSERT_NE(twelve, nullptr);
  size_t at = reference_.find("\n12. ");
  ASSERT_NE(at, std::string::npos);
  std::string item = reference_.substr(at + 5, reference_.find('\n', at + 5) - at - 5);
  EXPECT_EQ(twelve->text, NormaliseText(item));
  EXPECT_EQ(twelve->kind, PassageKind::kParagraph);
  EXPECT_NE(twelve->section.find("Pillar 1"), std::string::npos) << twelve->section;
}

TEST_F(LeicestershireDocxTest, NumbersInOrderAndHeadings) {
  std::vector<int> numbers;
  std::vector<std::string> headings;
  for (const Passage& p : doc_.passages) {
    if (!p.label.empty()) numbers.push_back(std::stoi(p.label));
    if (p.kind == PassageKind::kHeading) headings.push_back(p.text);
  }
  ASSERT_EQ(numbers.size(), 54u);
  for (size_t i = 0; i < numbers.size(); ++i) EXPECT_EQ(numbers[i], static_cast<int>(i) + 1);
  for (const char* h : {"Purpose of the Report", "Background", "Consultation", "Equalities Implications",
                        "REPORT OF THE DIRECTOR OF CHILDREN AND FAMILY SERVICES"}) {
    EXPECT_NE(std::find(headings.begin(), headings.end(), h), headings.end()) << h;
  }
  EXPECT_EQ(doc_.title, "CHILDREN AND FAMILY SERVICES OVERVIEW AND SCRUTINY COMMITTEE");
}

TEST_F(LeicestershireDocxTest, MatchesReferenceText) {
  std::string all;
  for (const Passage& p : doc_.passages) all += (p.label.empty() ? "" : p.label + ". ") + p.text + "\n";
  double similarity = testing::WordSequenceSimilarity(all, reference_);
  RecordProperty("similarity", std::to_string(similarity));
  EXPECT_GE(similarity, 0.98);
}

}  // namespace
}  // namespace xref
