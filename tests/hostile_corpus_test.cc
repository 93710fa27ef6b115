// The hostile corpus: one folder holding the bundled papers beside every
// kind of broken, hostile and strange file a download from many councils can
// hold, made by this test and indexed by the real `xref index` binary. Each
// bad file must get one line naming it (on stderr and in documents.error),
// every good file must be indexed and found by `xref search`, the exit
// status (--strict) and the summary must say what failed, the database must
// pass SQLite's and FTS5's integrity checks, and a second `xref refresh` must
// change nothing.
//
// Files that vanish or change between the walk and extraction are driven
// in-process, through IndexOptions::process, so that the moment is exact.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "index/indexer.h"
#include "index/search.h"
#include "index/store.h"
#include "pipeline/process.h"
#include "tests/testing/hostile_files.h"
#include "tests/testing/index_checks.h"
#include "tests/testing/run_xref.h"
#include "tests/testing/word_similarity.h"

namespace xref {
namespace {

namespace fs = std::filesystem;
using testing::Count;
using testing::ExpectIntact;
using testing::RunXref;
using testing::XrefRun;

void WriteFile(const fs::path& p, std::string_view content) {
  std::ofstream out(p, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  ASSERT_TRUE(out.good()) << p;
}

// Every row of documents, passages and tags, timestamps included: a no-op
// refresh must leave all of it as it was.
std::string DumpAll(sqlite::Database& db) {
  std::string out;
  for (const char* sql :
       {"SELECT path, title, format, date, size, mtime_ns, hash, pages, status, error, indexed_at "
        "FROM documents ORDER BY path",
        "SELECT d.path, p.n, p.page, p.label, p.section, p.kind, p.stance, p.text FROM passages p "
        "JOIN documents d ON d.id = p.doc_id ORDER BY d.path, p.n",
        "SELECT d.path, p.n, t.kind, t.start, t.text FROM tags t JOIN passages p ON p.id = "
        "t.passage_id JOIN documents d ON d.id = p.doc_id ORDER BY d.path, p.n, t.start, t.kind"}) {
    sqlite::Statement st = db.Prepare(sql);
    const int columns = sqlite3_column_count(st.get());
    while (st.Step()) {
      for (int i = 0; i < columns; ++i) out += st.ColumnText(i) + "|";
      out += "\n";
    }
    EXPECT_TRUE(st.status().ok()) << st.status().ToString();
  }
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// What must become of a file.
enum class Expect {
  kIndexed,  // read, indexed, and found by searching for `says`
  kFails,    // refused with one line naming it that contains `says`
  kEither,   // read or refused, but never a crash, a hang or a multi-line error
  kSkipped,  // not a file the walk takes (a symbolic link loop): no row at all
};

struct Entry {
  std::string name;
  Expect expect;
  std::string says;  // kIndexed: a word only this file holds; kFails: part of the reason
  bool hostile;      // counted among the hostile files fed
};

class HostileCorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("xref_hostile_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "papers");
    // A run as `nobody` (see run_xref.h) writes the index here.
    fs::permissions(dir_, fs::perms::all);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_ / "papers" / "unreadable.txt", fs::perms::owner_all, ec);
    fs::remove_all(dir_, ec);
  }

  fs::path dir_;
};

TEST_F(HostileCorpusTest, BadFilesFailAloneAndTheGoodOnesAreIndexed) {
  const fs::path papers = dir_ / "papers";
  std::vector<Entry> entries;
  auto add = [&](const std::string& name, std::string_view bytes, Expect expect,
                 const std::string& says, bool hostile = true) {
    WriteFile(papers / name, bytes);
    entries.push_back(Entry{name, expect, says, hostile});
  };

  // Good files: the bundled papers, and text files with awkward names.
  for (const fs::directory_entry& e : fs::directory_iterator(XREF_SOURCE_DIR "/corpus")) {
    const std::string ext = e.path().extension().string();
    if (ext != ".pdf" && ext != ".docx" && ext != ".html") continue;
    fs::copy_file(e.path(), papers / e.path().filename());
    entries.push_back(Entry{e.path().filename().string(), Expect::kIndexed, "", false});
  }
  ASSERT_EQ(entries.size(), 3u);
  add("name with spaces.txt", "The Council will fund quokkaspaces schemes.\n", Expect::kIndexed,
      "quokkaspaces");
  add("ünïcödé café — 日本語.txt", "Air quality zones: quokkaunicode.\n", Expect::kIndexed,
      "quokkaunicode");
  add("latin1-caf\xe9-\xff.txt", "School transport review: quokkalatin.\n", Expect::kIndexed,
      "quokkalatin");
  add("invalid-utf8.txt", "Bus routes quokkabytes \xff\xfe\xc3\x28 and \xed\xa0\x80 surrogates.\n",
      Expect::kIndexed, "quokkabytes");

  // Empty files of every extension the walk takes.
  for (const char* ext : {"pdf", "docx", "odt", "html", "htm", "txt", "md"}) {
    add(std::string("empty.") + ext, "", Expect::kFails, "empty file");
  }
  // Broken PDFs.
  const std::string real_pdf = testing::ReadFileOrFail(XREF_SOURCE_DIR
                                                       "/corpus/leicestershire-cfs-scrutiny-2023-03-07.pdf");
  ASSERT_GT(real_pdf.size(), 1000u);
  add("truncated-half.pdf", std::string_view(real_pdf).substr(0, real_pdf.size() / 2), Expect::kFails,
      "truncated");
  add("truncated-head.pdf", std::string_view(real_pdf).substr(0, 600), Expect::kFails, "truncated");
  add("garbage-after-header.pdf", "%PDF-1.7\n" + testing::RandomBytes(8000, 1), Expect::kFails,
      "corrupt PDF");
  add("self-referencing-pages.pdf", testing::SelfReferencingPdf(), Expect::kFails, "corrupt PDF");
  add("self-referencing-catalog.pdf", testing::SelfReferencingCatalogPdf(), Expect::kFails,
      "corrupt PDF");
  add("password-locked.pdf", testing::PasswordLockedPdf(), Expect::kFails, "encrypted PDF");
#ifdef XREF_QPDF
  // Real encryption (AES-256) by qpdf: with a user password (locked), and
  // with only an owner password (anyone may read it, so xref must).
  {
    const fs::path plain = dir_ / "plain.pdf";
    WriteFile(plain, testing::MinimalPdf("Kinship care quokkaowner pathfinder."));
    const std::string qpdf = XREF_QPDF;
    const std::string user = qpdf + " --encrypt secret owner 256 -- " + plain.string() + " " +
                             (papers / "qpdf-user-password.pdf").string();
    const std::string owner = qpdf + " --encrypt '' owner 256 -- " + plain.string() + " " +
                              (papers / "qpdf-owner-password-only.pdf").string();
    ASSERT_EQ(std::system(user.c_str()), 0) << user;
    ASSERT_EQ(std::system(owner.c_str()), 0) << owner;
    fs::remove(plain);
    entries.push_back(Entry{"qpdf-user-password.pdf", Expect::kFails, "encrypted PDF", true});
    entries.push_back(Entry{"qpdf-owner-password-only.pdf", Expect::kIndexed, "quokkaowner", true});
  }
#else
  std::cout << "qpdf not found at configure time: the AES-encrypted PDFs are left out\n";
#endif
  // Random bytes behind document names.
  add("random.pdf", testing::RandomBytes(8000, 2), Expect::kFails, "not a PDF");
  add("random.docx", testing::RandomBytes(8000, 3), Expect::kFails, "not a DOCX");
  add("random.html", testing::RandomBytes(8000, 4), Expect::kFails, "binary data");
  add("zip-bomb.docx", testing::ZipBombDocx(size_t{40} << 20), Expect::kFails, "zip bomb");
  add("random.odt", testing::RandomBytes(8000, 5), Expect::kFails, "not an ODT");
  add("zip-bomb.odt", testing::MakeZip({{"content.xml", std::string(size_t{40} << 20, '\0')}}), Expect::kFails,
      "zip bomb");
  // An OpenDocument text as LibreOffice writes it, among the broken files.
  add("air-quality-plan.odt", testing::ReadFileOrFail(XREF_SOURCE_DIR "/tests/data/odt/rivermouth-features.odt"),
      Expect::kIndexed, "micrograms");
  // Markup and text that stress the parsers.
  add("invalid-utf8.html",
      "<html><body><p>Nitrogen \xff\xfe dioxide \xc3\x28 levels \xf0\x28\x8c\x28.</p></body></html>",
      Expect::kEither, "");
  {
    std::string deep = "<html><body>";
    for (int i = 0; i < 100000; ++i) deep += "<div>";
    deep += "quokkadeep";
    for (int i = 0; i < 100000; ++i) deep += "</div>";
    add("nested-100000-deep.html", deep + "</body></html>", Expect::kEither, "");
  }
  {
    const std::string unit = "The Council will spend £45 million on *buses [and] _trams ";
    std::string line;
    line.reserve((size_t{50} << 20) + unit.size());
    while (line.size() < (size_t{50} << 20)) line += unit;
    add("single-line-50mb.txt", line, Expect::kEither, "");
  }
  // Symbolic link loops: a folder that contains itself, two links that
  // point at each other. The walk must end, and take nothing twice; the
  // folder is walked once, each of the two links is reported by name.
  fs::create_directory_symlink(".", papers / "loop-folder");
  fs::create_symlink("loop-b.txt", papers / "loop-a.txt");
  fs::create_symlink("loop-a.txt", papers / "loop-b.txt");
  entries.push_back(Entry{"loop-folder", Expect::kSkipped, "", true});
  for (const char* name : {"loop-a.txt", "loop-b.txt"}) {
    entries.push_back(Entry{name, Expect::kSkipped, "symbolic link loop", true});
  }
  // A file nobody may read. Root reads it anyway, so a test running as root
  // runs xref as `nobody` (run_xref.h).
  testing::RunOptions run_options;
  run_options.cwd = dir_.string();
  if (testing::ModesBindUnprivilegedRuns()) {
    run_options.unprivileged = true;
    add("unreadable.txt", "Secret quokkasecret.\n", Expect::kFails, "Permission denied");
    fs::permissions(papers / "unreadable.txt", fs::perms::none);
  } else {
    std::cout << "running as root without the right to drop it: the unreadable file is left out\n";
  }

  int hostile = 0;
  int expect_failed = 0;
  for (const Entry& e : entries) {
    hostile += e.hostile;
    expect_failed += e.expect == Expect::kFails;
  }
  const std::string db_path = (dir_ / "xref.db").string();
  XrefRun first = RunXref({"index", "--strict", "--db", db_path, "papers"}, run_options);
  std::cout << "hostile corpus: " << hostile << " hostile files beside "
            << entries.size() - static_cast<size_t>(hostile) << " good ones\n"
            << first.out;
  RecordProperty("hostile_files", hostile);
  RecordProperty("good_files", static_cast<int>(entries.size()) - hostile);

  // --strict: a failed file makes the status 2; the summary counts them.
  EXPECT_EQ(first.status, 2) << first.err;
  auto db = OpenIndexForReading(db_path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  ExpectIntact(db_path);

  std::vector<std::string> err_lines = Lines(first.err);
  for (const std::string& line : err_lines) {
    EXPECT_EQ(line.rfind("xref: papers/", 0), 0u) << "stderr line not naming a file: " << line;
  }
  int failed = 0;
  int indexed = 0;
  int walk_errors = 0;  // files the walk reports without a documents row
  for (const Entry& e : entries) {
    SCOPED_TRACE(e.name);
    const std::string path = (papers / e.name).string();
    sqlite::Statement row = (*db)->Prepare(
        "SELECT status, coalesce(error, ''), (SELECT count(*) FROM passages p WHERE p.doc_id = d.id) "
        "FROM documents d WHERE path = ?1");
    row.Bind(1, path);
    // The stderr lines that name this file.
    const std::string prefix = "xref: papers/" + e.name + ": ";
    std::vector<std::string> named;
    for (const std::string& line : err_lines) {
      if (line.rfind(prefix, 0) == 0) named.push_back(line);
    }
    if (e.expect == Expect::kSkipped) {
      EXPECT_FALSE(row.Step()) << "a symbolic link loop was indexed";
      if (e.says.empty()) {
        EXPECT_TRUE(named.empty()) << named[0];
      } else {
        ASSERT_EQ(named.size(), 1u) << first.err;
        EXPECT_NE(named[0].find(e.says), std::string::npos) << named[0];
        ++walk_errors;
      }
      continue;
    }
    ASSERT_TRUE(row.Step()) << "no documents row";
    const std::string status = row.ColumnText(0);
    const std::string error = row.ColumnText(1);
    const int64_t passages = row.ColumnInt64(2);
    if (status == "failed") {
      ++failed;
      EXPECT_NE(e.expect, Expect::kIndexed) << error;
      EXPECT_FALSE(error.empty());
      EXPECT_EQ(error.find('\n'), std::string::npos) << error;
      ASSERT_EQ(named.size(), 1u) << first.err;
      EXPECT_EQ(named[0], prefix + error);
      if (e.expect == Expect::kFails) {
        EXPECT_NE(error.find(e.says), std::string::npos) << error;
      }
      EXPECT_NE(first.out.find("  papers/" + e.name + ": " + error + "\n"), std::string::npos)
          << "not in the summary's list of failures";
      std::cout << "  failed as it should: " << e.name << ": " << error << "\n";
    } else {
      ++indexed;
      EXPECT_EQ(status, "ok");
      EXPECT_NE(e.expect, Expect::kFails) << "indexed, but should have failed with " << e.says;
      EXPECT_TRUE(named.empty()) << named[0];
      EXPECT_GT(passages, 0);
      if (e.expect == Expect::kEither) std::cout << "  read: " << e.name << "\n";
    }
    if (e.expect != Expect::kIndexed || status != "ok") continue;
    // Found by searching, through the command line, for a word only it holds
    // (for the bundled papers: the longest plain word of their longest passage).
    std::string word = e.says;
    if (word.empty()) {
      sqlite::Statement text = (*db)->Prepare(
          "SELECT p.text FROM passages p JOIN documents d ON d.id = p.doc_id WHERE d.path = ?1 "
          "ORDER BY length(p.text) DESC LIMIT 1");
      text.Bind(1, path);
      ASSERT_TRUE(text.Step());
      const std::string t = text.ColumnText(0);
      const std::regex plain_word("[A-Za-z]{6,}");
      for (auto it = std::sregex_iterator(t.begin(), t.end(), plain_word);
           it != std::sregex_iterator(); ++it) {
        if (it->str().size() > word.size()) word = it->str();
      }
      ASSERT_FALSE(word.empty()) << t;
    }
    XrefRun search = RunXref({"search", "--db", db_path, "--doc", e.name, "-n", "1", word}, run_options);
    EXPECT_EQ(search.status, 0) << word << ": " << search.err;
    EXPECT_NE(search.out.find("papers/" + e.name), std::string::npos) << word << ": " << search.out;
  }
  EXPECT_EQ(Count(**db, "SELECT count(*) FROM documents"), indexed + failed);
  EXPECT_GE(failed, expect_failed);
  EXPECT_EQ(static_cast<size_t>(failed + walk_errors), err_lines.size()) << first.err;
  const std::string summary = "0 changed, 0 moved, 0 removed, 0 unchanged, " + std::to_string(failed) + " failed";
  EXPECT_NE(first.out.find(std::to_string(indexed) + " added, " + summary), std::string::npos) << first.out;

  // A second run finds nothing to do, and keeps every row as it was.
  const std::string before = DumpAll(**db);
  db->reset();
  XrefRun second = RunXref({"refresh", "--strict", "--db", db_path}, run_options);
  // The link loops are still there, and still reported (and --strict says so).
  EXPECT_EQ(second.status, walk_errors > 0 ? 2 : 0) << second.err;
  std::vector<std::string> second_lines = Lines(second.err);
  EXPECT_EQ(second_lines.size(), static_cast<size_t>(walk_errors)) << second.err;
  for (const std::string& line : second_lines) {
    EXPECT_NE(line.find("symbolic link loop"), std::string::npos) << line;
  }
  EXPECT_NE(second.out.find("0 added, 0 changed, 0 moved, 0 removed, " +
                            std::to_string(indexed + failed) + " unchanged, 0 failed"),
            std::string::npos)
      << second.out;
  db = OpenIndexForReading(db_path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ(DumpAll(**db), before);
  ExpectIntact(db_path);
}

// Files that vanish, or change, after the walk saw them: the process hook
// (which runs right after a file is read) removes a file not yet read and
// rewrites the one just read. One worker thread, so the order is the walk's.
TEST_F(HostileCorpusTest, FilesThatVanishOrChangeWhileIndexing) {
  const fs::path papers = dir_ / "papers";
  WriteFile(papers / "a-trigger.txt", "Kinship carers: quokkatrigger.\n");
  WriteFile(papers / "b-changes.txt", "Original text: quokkabefore.\n");
  WriteFile(papers / "c-vanishes.txt", "Gone before it is read: quokkagone.\n");
  WriteFile(papers / "d-stays.txt", "Steady text: quokkastays.\n");

  const Tagger tagger;
  std::atomic<bool> meddle{true};
  IndexOptions options;
  options.jobs = 1;
  options.process = [&](const std::string& path, std::string_view bytes) -> Result<ProcessedDocument> {
    if (meddle && path == (papers / "a-trigger.txt").string()) fs::remove(papers / "c-vanishes.txt");
    if (meddle && path == (papers / "b-changes.txt").string()) {
      WriteFile(papers / "b-changes.txt", "Rewritten while indexing: quokkaafter, longer than before.\n");
      // A different mtime even on a coarse clock.
      struct timespec times[2] = {{0, UTIME_OMIT}, {::time(nullptr) + 10, 0}};
      EXPECT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
    }
    Result<Document> doc = ExtractBytes(path, bytes);
    if (!doc.ok()) return doc.status();
    return ProcessDocument(std::move(doc).value(), tagger);
  };
  const std::string db_path = (dir_ / "xref.db").string();
  auto store = IndexStore::Open(db_path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();

  Result<IndexSummary> first = IndexPaths(**store, {papers.string()}, options);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->added, 3);
  ASSERT_EQ(first->failed, 1);
  ASSERT_EQ(first->failures.size(), 1u);
  EXPECT_EQ(first->failures[0].where(), (papers / "c-vanishes.txt").string());
  EXPECT_NE(first->failures[0].what().find("No such file"), std::string::npos)
      << first->failures[0].ToString();

  auto hits = [&](const std::string& word) {
    SearchOptions o;
    o.query = word;
    Result<std::vector<SearchHit>> h = Search((*store)->db(), o);
    EXPECT_TRUE(h.ok()) << h.status().ToString();
    return h.ok() ? h->size() : 0u;
  };
  // What was read is what is indexed, with the size and mtime of what was read.
  EXPECT_EQ(hits("quokkabefore"), 1u);
  EXPECT_EQ(hits("quokkaafter"), 0u);
  EXPECT_EQ(hits("quokkagone"), 0u);

  // The next refresh sees the change and the removal.
  meddle = false;
  Result<IndexSummary> second = RefreshIndex(**store, options);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->changed, 1);
  EXPECT_EQ(second->removed, 1);
  EXPECT_EQ(second->unchanged, 2);
  EXPECT_EQ(second->failed, 0);
  EXPECT_EQ(hits("quokkabefore"), 0u);
  EXPECT_EQ(hits("quokkaafter"), 1u);
  EXPECT_EQ(hits("quokkastays"), 1u);
  ExpectIntact(db_path);
}

}  // namespace
}  // namespace xref
