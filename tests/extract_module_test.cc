// PDF and DOCX extraction live in modules, xref_pdf.so and xref_docx.so, that
// `xref` loads the first time it meets such a file (pipeline/extract_module.h),
// so that commands which never read one (search, --version, report) do not
// pay for loading Poppler, libzip and OpenSSL. These tests run the built
// binary: it reads a PDF and a DOCX through the modules, it does not load
// their libraries when it starts, and without a module it says so, naming the
// file, instead of crashing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/testing/run_xref.h"

namespace xref {
namespace {

namespace fs = std::filesystem;
using testing::RunXref;
using testing::XrefRun;
using testing::ScopedEnv;

const std::string kPdf =
    std::string(XREF_SOURCE_DIR) + "/corpus/leicestershire-cfs-scrutiny-2023-03-07.pdf";
const std::string kDocx =
    std::string(XREF_SOURCE_DIR) + "/corpus/leicestershire-cfs-scrutiny-2023-03-07.docx";

TEST(ExtractModuleTest, ExtractReadsAPdfThroughTheModule) {
  XrefRun r = RunXref({"extract", "--json", kPdf});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"text\""), std::string::npos) << r.out.substr(0, 500);
  EXPECT_NE(r.out.find("Scrutiny"), std::string::npos) << r.out.substr(0, 500);
}

TEST(ExtractModuleTest, ExtractReadsADocxThroughTheModule) {
  XrefRun r = RunXref({"extract", "--json", kDocx});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"text\""), std::string::npos) << r.out.substr(0, 500);
  EXPECT_NE(r.out.find("Scrutiny"), std::string::npos) << r.out.substr(0, 500);
}

// The dynamic loader lists every library it opens when LD_DEBUG=files.
TEST(ExtractModuleTest, PopplerAndLibzipAreLoadedOnlyWhenTheirFormatIsRead) {
  ScopedEnv debug("LD_DEBUG", "files");
  XrefRun version = RunXref({"--version"});
  ASSERT_EQ(version.status, 0) << version.err;
  // The listing works (SQLite is linked in), and Poppler is not in it.
  ASSERT_NE(version.err.find("libsqlite3"), std::string::npos) << version.err;
  EXPECT_EQ(version.err.find("libpoppler"), std::string::npos) << version.err;
  EXPECT_EQ(version.err.find("xref_pdf.so"), std::string::npos) << version.err;
  EXPECT_EQ(version.err.find("libzip"), std::string::npos) << version.err;
  EXPECT_EQ(version.err.find("libcrypto"), std::string::npos) << version.err;

  // fmt and xxHash are compiled into the binary, not loaded by every process.
  EXPECT_EQ(version.err.find("libfmt"), std::string::npos) << version.err;
  EXPECT_EQ(version.err.find("libxxhash"), std::string::npos) << version.err;

  XrefRun extract = RunXref({"extract", kPdf});
  ASSERT_EQ(extract.status, 0) << extract.err;
  EXPECT_NE(extract.err.find("xref_pdf.so"), std::string::npos);
  EXPECT_NE(extract.err.find("libpoppler.so"), std::string::npos);
  EXPECT_EQ(extract.err.find("libzip"), std::string::npos);
  // The PDF module takes no ICU i18n (only the DOCX and HTML extractors'
  // Roman numerals use it).
  EXPECT_EQ(extract.err.find("libicui18n"), std::string::npos) << extract.err;

  XrefRun docx = RunXref({"extract", kDocx});
  ASSERT_EQ(docx.status, 0) << docx.err;
  EXPECT_NE(docx.err.find("xref_docx.so"), std::string::npos);
  EXPECT_NE(docx.err.find("libzip"), std::string::npos);
  EXPECT_EQ(docx.err.find("libpoppler"), std::string::npos);
}

TEST(ExtractModuleTest, AMissingModuleIsReportedNamingTheFile) {
  const std::string missing = (fs::temp_directory_path() / "no-such-dir" / "xref_pdf.so").string();
  ScopedEnv module("XREF_PDF_MODULE", missing);
  XrefRun r = RunXref({"extract", kPdf});
  EXPECT_NE(r.status, 0);
  EXPECT_LT(r.status, 128) << "killed by a signal: " << r.err;
  EXPECT_NE(r.err.find(kPdf), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("PDF support is missing"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;

  // Other formats do not need the module.
  XrefRun docx = RunXref({"extract", kDocx});
  EXPECT_EQ(docx.status, 0) << docx.err;
  XrefRun html = RunXref(
      {"extract", std::string(XREF_SOURCE_DIR) +
                      "/corpus/lga-briefing-childrens-social-care-reform-2023.html"});
  EXPECT_EQ(html.status, 0) << html.err;
}

// `xref index` extracts in `xref __worker` processes, which exec the same
// binary and so find the module beside it.
TEST(ExtractModuleTest, IndexReadsAPdfInWorkerProcesses) {
  const fs::path dir = fs::temp_directory_path() / ("xref_extract_module_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "papers");
  fs::copy_file(kPdf, dir / "papers" / "minutes.pdf");
  const std::string db = (dir / "index.db").string();

  XrefRun index = RunXref({"--db", db, "index", (dir / "papers").string()});
  ASSERT_EQ(index.status, 0) << index.err;
  EXPECT_NE(index.out.find("1 added"), std::string::npos) << index.out;
  XrefRun search = RunXref({"--db", db, "search", "scrutiny"});
  EXPECT_EQ(search.status, 0) << search.err;
  EXPECT_NE(search.out.find("minutes.pdf"), std::string::npos) << search.out;

  // Without the module the file fails, with the reason, and the rest goes on.
  fs::remove(db);
  ScopedEnv module("XREF_PDF_MODULE", (dir / "missing.so").string());
  index = RunXref({"--db", db, "index", (dir / "papers").string()});
  EXPECT_LT(index.status, 128) << index.err;
  EXPECT_NE(index.out.find("1 failed"), std::string::npos) << index.out;
  EXPECT_NE((index.out + index.err).find("PDF support is missing"), std::string::npos)
      << index.out << index.err;
  fs::remove_all(dir);
}

TEST(ExtractModuleTest, AMissingDocxModuleIsReportedNamingTheFile) {
  const std::string missing = (fs::temp_directory_path() / "no-such-dir" / "xref_docx.so").string();
  ScopedEnv module("XREF_DOCX_MODULE", missing);
  XrefRun r = RunXref({"extract", kDocx});
  EXPECT_NE(r.status, 0);
  EXPECT_LT(r.status, 128) << "killed by a signal: " << r.err;
  EXPECT_NE(r.err.find(kDocx), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("DOCX support is missing"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
}

TEST(ExtractModuleTest, AFileThatIsNotAModuleIsReported) {
  // A shared library without the entry point: the C library itself.
  ScopedEnv module("XREF_PDF_MODULE", "libc.so.6");
  XrefRun r = RunXref({"extract", kPdf});
  EXPECT_NE(r.status, 0);
  EXPECT_LT(r.status, 128) << "killed by a signal: " << r.err;
  EXPECT_NE(r.err.find("PDF support is missing"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("not an xref PDF module"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace xref
