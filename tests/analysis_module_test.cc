// Tagging and linking live in a module, xref_analysis.so, with RE2 and
// Snowball's libstemmer, and HTML extraction in xref_html.so with libxml2
// (pipeline/analysis_module.h, pipeline/extract_module.h), so that the
// commands which never tag, link or read HTML (--version, search, extract of
// a PDF, the printed tables) do not load those libraries. These tests run the
// built binary: which libraries each command's process opens (the dynamic
// loader lists them with LD_DEBUG=files), that index, tag and refresh work
// through the module, and that without it the commands that need it say so,
// naming the module and where it was looked for, while the others go on.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
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
const std::string kHtml =
    std::string(XREF_SOURCE_DIR) + "/corpus/lga-briefing-childrens-social-care-reform-2023.html";

// A folder of its own per test, removed afterwards.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name)
      : path_(fs::temp_directory_path() / (name + "_" + std::to_string(getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_ / "papers");
  }
  ~ScratchDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// What the dynamic loader opened for one run of xref.
std::string LoadedFiles(const std::vector<std::string>& args) {
  ScopedEnv debug("LD_DEBUG", "files");
  XrefRun r = RunXref(args);
  EXPECT_LT(r.status, 2) << r.err;
  // The listing works: SQLite is linked into every process.
  EXPECT_NE(r.err.find("libsqlite3"), std::string::npos) << r.err;
  return r.err;
}

void ExpectNoAnalysisLibraries(const std::string& loaded, const std::string& what) {
  EXPECT_EQ(loaded.find("xref_analysis.so"), std::string::npos) << what << "\n" << loaded;
  EXPECT_EQ(loaded.find("libre2"), std::string::npos) << what << "\n" << loaded;
  EXPECT_EQ(loaded.find("libstemmer"), std::string::npos) << what << "\n" << loaded;
}

TEST(AnalysisModuleTest, CommandsThatNeitherTagNorLinkDoNotLoadItsLibraries) {
  const std::string version = LoadedFiles({"--version"});
  ExpectNoAnalysisLibraries(version, "--version");
  EXPECT_EQ(version.find("libxml2"), std::string::npos) << version;

  const std::string pdf = LoadedFiles({"extract", "--json", kPdf});
  ExpectNoAnalysisLibraries(pdf, "extract of a PDF");
  EXPECT_EQ(pdf.find("libxml2"), std::string::npos) << pdf;
  EXPECT_EQ(pdf.find("xref_html.so"), std::string::npos) << pdf;

  // HTML brings libxml2 with its module, and nothing of the tagger's.
  const std::string html = LoadedFiles({"extract", "--json", kHtml});
  EXPECT_NE(html.find("xref_html.so"), std::string::npos) << html;
  EXPECT_NE(html.find("libxml2"), std::string::npos) << html;
  ExpectNoAnalysisLibraries(html, "extract of an HTML page");
}

TEST(AnalysisModuleTest, TagAndIndexLoadItAndSearchDoesNot) {
  ScratchDir dir("xref_analysis_module");
  fs::copy_file(kHtml, dir.path() / "papers" / "briefing.html");
  const std::string db = (dir.path() / "index.db").string();

  const std::string index = LoadedFiles({"--db", db, "index", (dir.path() / "papers").string()});
  EXPECT_NE(index.find("xref_analysis.so"), std::string::npos) << index;
  EXPECT_NE(index.find("libre2"), std::string::npos) << index;
  EXPECT_NE(index.find("libstemmer"), std::string::npos) << index;

  const std::string search = LoadedFiles({"--db", db, "search", "children"});
  ExpectNoAnalysisLibraries(search, "search");
  EXPECT_EQ(search.find("libxml2"), std::string::npos) << search;

  const std::string table = LoadedFiles({"--db", db, "table", "--format", "html"});
  ExpectNoAnalysisLibraries(table, "table --format html");
  EXPECT_EQ(table.find("libxml2"), std::string::npos) << table;

  // What the index holds came through the module: tags and links.
  XrefRun found = RunXref({"--db", db, "search", "children"});
  EXPECT_EQ(found.status, 0) << found.err;
  EXPECT_NE(found.out.find("briefing.html"), std::string::npos) << found.out;
  XrefRun commitments = RunXref({"--db", db, "commitments"});
  EXPECT_EQ(commitments.status, 0) << commitments.err;
  EXPECT_NE(commitments.out.find("C1"), std::string::npos) << commitments.out;
}

TEST(AnalysisModuleTest, AMissingModuleIsReportedByTheCommandsThatNeedIt) {
  ScratchDir dir("xref_analysis_module_missing");
  fs::copy_file(kHtml, dir.path() / "papers" / "briefing.html");
  const std::string db = (dir.path() / "index.db").string();
  const std::string papers = (dir.path() / "papers").string();
  ASSERT_EQ(RunXref({"--db", db, "index", papers}).status, 0);

  const std::string missing = (dir.path() / "no-such-dir" / "xref_analysis.so").string();
  ScopedEnv module("XREF_ANALYSIS_MODULE", missing);

  // `xref tag` stops with the reason.
  const fs::path text = dir.path() / "note.txt";
  std::ofstream(text) << "The Government will invest £45 million by March 2025.\n";
  XrefRun tag = RunXref({"tag", text.string()});
  EXPECT_EQ(tag.status, 2) << tag.err;
  EXPECT_NE(tag.err.find("tagging and linking support is missing"), std::string::npos) << tag.err;
  EXPECT_NE(tag.err.find("xref_analysis.so"), std::string::npos) << tag.err;
  EXPECT_NE(tag.err.find(missing), std::string::npos) << tag.err;
  EXPECT_TRUE(tag.out.empty()) << tag.out;

  // A refresh with nothing to process neither tags nor links.
  XrefRun refresh = RunXref({"--db", db, "refresh"});
  EXPECT_EQ(refresh.status, 0) << refresh.err;
  EXPECT_NE(refresh.out.find("1 unchanged"), std::string::npos) << refresh.out;

  // An index run with a file to process stops before processing it.
  fs::copy_file(kPdf, dir.path() / "papers" / "minutes.pdf");
  XrefRun index = RunXref({"--db", db, "index", papers});
  EXPECT_EQ(index.status, 2) << index.out << index.err;
  EXPECT_NE(index.err.find("tagging and linking support is missing"), std::string::npos)
      << index.err;
  EXPECT_NE(index.err.find(missing), std::string::npos) << index.err;

  // Commands that neither tag nor link go on without it.
  XrefRun search = RunXref({"--db", db, "search", "children"});
  EXPECT_EQ(search.status, 0) << search.err;
  EXPECT_NE(search.out.find("briefing.html"), std::string::npos) << search.out;
  EXPECT_EQ(search.out.find("minutes.pdf"), std::string::npos) << search.out;
  XrefRun table = RunXref({"--db", db, "table"});
  EXPECT_EQ(table.status, 0) << table.err;
  XrefRun extract = RunXref({"extract", kPdf});
  EXPECT_EQ(extract.status, 0) << extract.err;
}

TEST(AnalysisModuleTest, AMissingHtmlModuleIsReportedNamingTheFile) {
  const std::string missing = (fs::temp_directory_path() / "no-such-dir" / "xref_html.so").string();
  ScopedEnv module("XREF_HTML_MODULE", missing);
  XrefRun r = RunXref({"extract", kHtml});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find(kHtml), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("HTML support is missing"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
  XrefRun pdf = RunXref({"extract", kPdf});
  EXPECT_EQ(pdf.status, 0) << pdf.err;
}

}  // namespace
}  // namespace xref
