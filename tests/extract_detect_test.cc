// Format recognition by content first and by name second, and the errors for
// files that are not what their name says.
#include <gtest/gtest.h>

#include "pipeline/extract.h"

namespace xref {
namespace {

TEST(DetectFormatTest, ByContent) {
  EXPECT_EQ(*DetectFormat("a.pdf", "%PDF-1.7\n..."), Format::kPdf);
  EXPECT_EQ(*DetectFormat("saved.html", "%PDF-1.4\n..."), Format::kPdf);
  EXPECT_EQ(*DetectFormat("page", "<!DOCTYPE html><html><body>x</body></html>"), Format::kHtml);
  EXPECT_EQ(*DetectFormat("page.txt", "\n  <html lang=en><p>x"), Format::kHtml);
  EXPECT_EQ(*DetectFormat("notes.md", "# Title\n\nText"), Format::kMarkdown);
  EXPECT_EQ(*DetectFormat("notes", "Just text."), Format::kText);
  std::string docx("PK\x03\x04", 4);
  docx += "....word/document.xml....";
  EXPECT_EQ(*DetectFormat("report.docx", docx), Format::kDocx);
  // An OpenDocument text names its type in its first entry, whatever the name.
  std::string odt("PK\x03\x04", 4);
  odt += "........mimetypeapplication/vnd.oasis.opendocument.textPK...content.xml";
  EXPECT_EQ(*DetectFormat("report.odt", odt), Format::kOdt);
  EXPECT_EQ(*DetectFormat("download", odt), Format::kOdt);
}

TEST(DetectFormatTest, ContentThatIsNotWhatTheNameSays) {
  Result<Format> r = DetectFormat("fake.pdf", "<html><body>hello</body></html>");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().where(), "fake.pdf");
  EXPECT_NE(r.status().what().find("not a PDF"), std::string::npos) << r.status().ToString();

  std::string zip("PK\x03\x04", 4);
  zip += "payload.bin";
  r = DetectFormat("archive.docx", zip);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().what().find("neither a Word (DOCX) nor an OpenDocument (ODT)"), std::string::npos)
      << r.status().ToString();

  // A spreadsheet or slides in OpenDocument form are no text document.
  std::string ods("PK\x03\x04", 4);
  ods += "........mimetypeapplication/vnd.oasis.opendocument.spreadsheetPK";
  r = DetectFormat("budget.ods", ods);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kUnsupported);
  EXPECT_NE(r.status().what().find("not a text document (ODT)"), std::string::npos) << r.status().ToString();

  r = DetectFormat("letter.odt", "Dear resident,");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().what().find("named .odt but the content is text, not an ODT"), std::string::npos)
      << r.status().ToString();

  std::string binary("\x7f" "ELF\0\0\0", 7);
  r = DetectFormat("program.txt", binary);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().what().find("binary"), std::string::npos);
}

TEST(DetectFormatTest, EmptyFile) {
  Result<Format> r = DetectFormat("empty.txt", "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().ToString(), "empty.txt: empty file");
}

TEST(ExtractFileTest, MissingFileAndDirectory) {
  Result<Document> r = ExtractFile("/nonexistent/dir/paper.pdf");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().ToString(), "/nonexistent/dir/paper.pdf: no such file");
  r = ExtractFile(XREF_SOURCE_DIR);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().what().find("directory"), std::string::npos);
}

}  // namespace
}  // namespace xref
