// The index file in the states users run into, through the command line
// where that is what they see: read-only, disk full, written by an older
// xref, damaged, and busy with another writer; and searches while a refresh
// rewrites documents. Each must be reported in one line naming the index,
// and never leave it corrupted.
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "index/indexer.h"
#include "index/search.h"
#include "index/store.h"
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

// Words of several policy areas; paper i holds `council` and its own word.
std::string PaperText(int i, const std::string& version) {
  static const char* const kWords[] = {"transport", "kinship", "carers", "quality", "housing",
                                       "schools", "funding", "pathfinder", "review", "budget"};
  std::string text = "Paper " + std::to_string(i) + "\n\n";
  for (int para = 0; para < 8; ++para) {
    text += "The council will spend £" + std::to_string(i + para) + " million on ";
    for (int w = 0; w < 40; ++w) text += std::string(kWords[(i * 7 + para * 3 + w) % 10]) + " ";
    text += version + std::to_string(i) + " by March 2025.\n\n";
  }
  return text;
}

void WritePapers(const fs::path& dir, int first, int count, const std::string& version = "original") {
  fs::create_directories(dir);
  for (int i = first; i < first + count; ++i) {
    std::ofstream(dir / ("paper" + std::to_string(i) + ".txt")) << PaperText(i, version);
  }
}

// The one line a failed command printed, checked for naming the index.
void ExpectOneLineNaming(const XrefRun& run, const std::string& db_path, const std::string& says) {
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_EQ(run.err.find("xref: " + db_path + ": "), 0u) << run.err;
  EXPECT_EQ(run.err.find('\n'), run.err.size() - 1) << run.err;
  EXPECT_NE(run.err.find(says), std::string::npos) << run.err;
}

class DbStatesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("xref_db_states_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "db");
    db_path_ = (dir_ / "db" / "xref.db").string();
    papers_ = (dir_ / "papers").string();
    WritePapers(papers_, 0, 5);
  }
  void TearDown() override {
    if (mounted_) ::umount2((dir_ / "db").c_str(), MNT_DETACH);
    std::error_code ec;
    fs::permissions(dir_ / "db", fs::perms::owner_all, ec);
    fs::remove_all(dir_, ec);
  }

  // `xref index` of the papers; fails the test unless it succeeds.
  void IndexPapers() {
    XrefRun r = RunXref({"index", "-q", "--in-process", "--db", db_path_, papers_});
    ASSERT_EQ(r.status, 0) << r.err;
  }

  fs::path dir_;
  std::string db_path_;
  std::string papers_;
  bool mounted_ = false;
};

TEST_F(DbStatesTest, ReadOnlyIndexIsSearchedButNotWritten) {
  if (!testing::ModesBindUnprivilegedRuns()) {
    GTEST_SKIP() << "running as root without the right to drop it: file modes bind nothing";
  }
  IndexPapers();
  WritePapers(papers_, 5, 1);  // something a new run would add
  const std::string before = testing::ReadFileOrFail(db_path_);
  fs::permissions(db_path_, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(dir_ / "db", fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                   fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  // Root writes whatever the modes say: the commands run as `nobody` then.
  testing::RunOptions as_user;
  as_user.unprivileged = true;
  for (const char* command : {"index", "refresh"}) {
    std::vector<std::string> args = {command, "--db", db_path_};
    if (std::string(command) == "index") args.push_back(papers_);
    ExpectOneLineNaming(RunXref(args, as_user), db_path_, "the index is read-only");
  }
  XrefRun search = RunXref({"search", "--db", db_path_, "original3"}, as_user);
  EXPECT_EQ(search.status, 0) << search.err;
  EXPECT_NE(search.out.find("paper3.txt"), std::string::npos) << search.out;
  EXPECT_EQ(testing::ReadFileOrFail(db_path_), before);
}

// SQLite's max_page_count caps the file as a full disk would: the write that
// needs a new page fails with SQLITE_FULL.
TEST_F(DbStatesTest, DiskFullKeepsWhatWasIndexedAndRefreshFinishes) {
  {
    auto store = IndexStore::Open(db_path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    IndexOptions options;
    options.jobs = 1;
    Result<IndexSummary> first = IndexPaths(**store, {papers_}, options);
    ASSERT_TRUE(first.ok()) << first.status().ToString();
    ASSERT_EQ(first->added, 5);
    const int64_t pages = Count((*store)->db(), "PRAGMA page_count");
    ASSERT_EQ(Count((*store)->db(), "PRAGMA max_page_count = " + std::to_string(pages + 4)), pages + 4);

    WritePapers(papers_, 5, 40);
    Result<IndexSummary> full = IndexPaths(**store, {papers_}, options);
    ASSERT_FALSE(full.ok());
    EXPECT_EQ(full.status().where(), db_path_);
    EXPECT_NE(full.status().what().find("database or disk is full"), std::string::npos)
        << full.status().ToString();
    EXPECT_NE(full.status().what().find("xref refresh"), std::string::npos);
    EXPECT_EQ(full.status().ToString().find('\n'), std::string::npos);
  }
  ExpectIntact(db_path_);
  {
    auto db = OpenIndexForReading(db_path_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    for (int i = 0; i < 5; ++i) {
      SearchOptions o;
      o.query = "original" + std::to_string(i);
      Result<std::vector<SearchHit>> hits = Search(**db, o);
      ASSERT_TRUE(hits.ok()) << hits.status().ToString();
      EXPECT_EQ(hits->size(), 8u) << o.query;  // every passage of the paper
    }
    // Documents are whole or absent: none without its passages.
    EXPECT_EQ(Count(**db, "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM passages "
                          "p WHERE p.doc_id = d.id)"),
              0);
  }
  // Space again: the advice in the message works.
  XrefRun refresh = RunXref({"refresh", "--in-process", "--db", db_path_});
  EXPECT_EQ(refresh.status, 0) << refresh.err;
  auto db = OpenIndexForReading(db_path_);
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(Count(**db, "SELECT count(*) FROM documents WHERE status = 'ok'"), 45);
  ExpectIntact(db_path_);
}

// The same through the command line on a real full file system: a 2 MiB
// tmpfs under the index (needs the right to mount; skipped otherwise).
TEST_F(DbStatesTest, DiskFullOnATinyFileSystemThroughTheCommandLine) {
  if (::mount("tmpfs", (dir_ / "db").c_str(), "tmpfs", 0, "size=2m") != 0) {
    GTEST_SKIP() << "cannot mount a tmpfs here (" << std::strerror(errno)
                 << "); DiskFullKeepsWhatWasIndexedAndRefreshFinishes covers SQLITE_FULL in-process";
  }
  mounted_ = true;
  IndexPapers();
  WritePapers(papers_, 5, 200);
  XrefRun full = RunXref({"index", "-q", "--in-process", "--db", db_path_, papers_});
  ExpectOneLineNaming(full, db_path_, "database or disk is full");
  // What was indexed before is there, checked on a copy outside the full disk.
  const fs::path copy = dir_ / "copy.db";
  fs::copy_file(db_path_, copy);
  if (fs::exists(db_path_ + "-wal")) fs::copy_file(db_path_ + "-wal", copy.string() + "-wal");
  ExpectIntact(copy.string());
  XrefRun search = RunXref({"search", "--db", copy.string(), "original2"});
  EXPECT_EQ(search.status, 0) << search.err;
  // More room, and a refresh finishes the job.
  ASSERT_EQ(::mount("tmpfs", (dir_ / "db").c_str(), "tmpfs", MS_REMOUNT, "size=64m"), 0)
      << std::strerror(errno);
  XrefRun refresh = RunXref({"refresh", "-q", "--in-process", "--db", db_path_});
  EXPECT_EQ(refresh.status, 0) << refresh.err;
  auto db = OpenIndexForReading(db_path_);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ(Count(**db, "SELECT count(*) FROM documents WHERE status = 'ok'"), 205);
  db->reset();
  ExpectIntact(db_path_);
}

TEST_F(DbStatesTest, OlderSchemaIsRefusedWithWhatToDo) {
  IndexPapers();
  {
    sqlite::Database db;
    ASSERT_TRUE(db.Open(db_path_, false).ok());
    ASSERT_TRUE(db.Exec("UPDATE meta SET value = '0' WHERE key = 'schema_version'").ok());
  }
  const std::string before = testing::ReadFileOrFail(db_path_);
  for (std::vector<std::string> args : {std::vector<std::string>{"search", "--db", db_path_, "council"},
                                        std::vector<std::string>{"refresh", "--db", db_path_},
                                        std::vector<std::string>{"index", "--db", db_path_, papers_}}) {
    SCOPED_TRACE(args[0]);
    XrefRun r = RunXref(args);
    ExpectOneLineNaming(r, db_path_, "is older than this xref's");
    EXPECT_NE(r.err.find("run `xref index` again"), std::string::npos) << r.err;
  }
  EXPECT_EQ(testing::ReadFileOrFail(db_path_), before);
}

TEST_F(DbStatesTest, DamagedIndexIsReportedNotCrashedOn) {
  IndexPapers();
  const std::string good = testing::ReadFileOrFail(db_path_);
  ASSERT_GT(good.size(), 16u * 4096);
  // Garbage over every page but the first (the header and the schema).
  {
    std::fstream f(db_path_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096);
    f << testing::RandomBytes(good.size() - 4096, 9);
  }
  const std::string damaged = testing::ReadFileOrFail(db_path_);
  for (std::vector<std::string> args : {std::vector<std::string>{"search", "--db", db_path_, "council"},
                                        std::vector<std::string>{"refresh", "--db", db_path_},
                                        std::vector<std::string>{"index", "--db", db_path_, papers_}}) {
    SCOPED_TRACE(args[0]);
    ExpectOneLineNaming(RunXref(args), db_path_, "the index is damaged");
  }
  EXPECT_EQ(testing::ReadFileOrFail(db_path_), damaged) << "a damaged index was written to";
  // Garbage over the header too: not a database any more.
  {
    std::fstream f(db_path_, std::ios::in | std::ios::out | std::ios::binary);
    f << testing::RandomBytes(4096, 10);
  }
  for (std::vector<std::string> args : {std::vector<std::string>{"search", "--db", db_path_, "council"},
                                        std::vector<std::string>{"index", "--db", db_path_, papers_}}) {
    SCOPED_TRACE(args[0]);
    ExpectOneLineNaming(RunXref(args), db_path_, "not an xref index");
  }
}

TEST_F(DbStatesTest, SecondWriterIsToldAnotherIsRunning) {
  auto first = IndexStore::Open(db_path_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  // In this process...
  auto second = IndexStore::Open(db_path_);
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.status().what().find("another xref index or refresh is running"), std::string::npos)
      << second.status().ToString();
  // ... and from the command line, naming the process that holds it.
  const std::string holder = "(process " + std::to_string(::getpid()) + ")";
  for (const char* command : {"index", "refresh"}) {
    std::vector<std::string> args = {command, "--db", db_path_};
    if (std::string(command) == "index") args.push_back(papers_);
    XrefRun r = RunXref(args);
    ExpectOneLineNaming(r, db_path_, "another xref index or refresh is running on this index " + holder);
  }
  // Readers are not writers: search works meanwhile.
  EXPECT_NE(RunXref({"search", "--db", db_path_, "council"}).status, 2);
  first->reset();
  XrefRun after = RunXref({"index", "-q", "--in-process", "--db", db_path_, papers_});
  EXPECT_EQ(after.status, 0) << after.err;
}

// Searches, in this process and through `xref search`, while `xref refresh`
// rewrites every document: each one succeeds and finds every paper, old
// text or new, never a half-written one.
TEST_F(DbStatesTest, SearchesDuringARefreshNeverFail) {
  WritePapers(papers_, 5, 115);
  IndexPapers();
  auto count_council = [](sqlite::Database& db) {
    SearchOptions o;
    o.query = "council";
    o.limit = 10000;
    Result<std::vector<SearchHit>> hits = Search(db, o);
    EXPECT_TRUE(hits.ok()) << hits.status().ToString();
    return hits.ok() ? hits->size() : 0u;
  };
  size_t expected = 0;
  {
    auto db = OpenIndexForReading(db_path_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    expected = count_council(**db);
    ASSERT_GE(expected, 120u);
  }
  WritePapers(papers_, 0, 120, "revised");
  testing::XrefProcess refresh({"refresh", "-q", "--in-process", "-j", "1", "--db", db_path_});
  auto db = OpenIndexForReading(db_path_);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  int searches = 0;
  do {
    // Every paper names the council in the same passages, before and after.
    ASSERT_EQ(count_council(**db), expected);
    if (++searches % 10 == 0) {
      XrefRun cli = RunXref({"search", "--db", db_path_, "-n", "1", "council"});
      EXPECT_EQ(cli.status, 0) << cli.err;
    }
  } while (refresh.Running());
  XrefRun done = refresh.Wait();
  EXPECT_EQ(done.status, 0) << done.err;
  std::cout << searches << " searches ran during the refresh\n";
  RecordProperty("searches_during_refresh", searches);
  SearchOptions o;
  o.query = "revised119";
  Result<std::vector<SearchHit>> hits = Search(**db, o);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->size(), 8u);
  db->reset();
  ExpectIntact(db_path_);
}

}  // namespace
}  // namespace xref
