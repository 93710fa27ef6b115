// The indexer end to end on real files: the bundled corpus, text files this
// test writes, and what `refresh` does as they are added, changed, renamed,
// touched and deleted.
#include "index/indexer.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "index/search.h"
#include "index/store.h"
#include "tests/testing/index_checks.h"

namespace xref {
namespace {

namespace fs = std::filesystem;

void WriteFile(const fs::path& p, const std::string& content) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

// Every row a user could see, keyed by what it is rather than by row ids.
std::string Dump(sqlite::Database& db) {
  std::string out;
  sqlite::Statement docs = db.Prepare(
      "SELECT path, title, format, date, size, hash, pages, status, error FROM documents ORDER BY path");
  while (docs.Step()) {
    for (int i = 0; i < 9; ++i) out += docs.ColumnText(i) + "|";
    out += "\n";
  }
  sqlite::Statement passages = db.Prepare(
      "SELECT d.path, p.n, p.page, p.label, p.section, p.kind, p.stance, p.text, "
      "(SELECT group_concat(t.kind || ':' || t.text || ':' || coalesce(t.amount, '') || ':' || "
      "coalesce(t.date_start, ''), ';') FROM tags t WHERE t.passage_id = p.id) "
      "FROM passages p JOIN documents d ON d.id = p.doc_id ORDER BY d.path, p.n");
  while (passages.Step()) {
    for (int i = 0; i < 9; ++i) out += passages.ColumnText(i) + "|";
    out += "\n";
  }
  return out;
}

std::map<std::string, std::string> IndexedAt(sqlite::Database& db) {
  std::map<std::string, std::string> out;
  sqlite::Statement st = db.Prepare("SELECT path, indexed_at FROM documents");
  while (st.Step()) out[st.ColumnText(0)] = st.ColumnText(1);
  return out;
}

using testing::Count;

void ExpectHealthy(sqlite::Database& db) {
  sqlite::Statement ic = db.Prepare("PRAGMA integrity_check");
  ASSERT_TRUE(ic.Step());
  EXPECT_EQ(ic.ColumnText(0), "ok");
  EXPECT_TRUE(db.Exec("INSERT INTO passages_fts(passages_fts) VALUES ('integrity-check')").ok());
  EXPECT_EQ(Count(db, "SELECT count(*) FROM link_queue"), 0);
}

std::vector<std::string> HitDocs(sqlite::Database& db, const std::string& query) {
  SearchOptions opts;
  opts.query = query;
  opts.limit = 100;
  Result<std::vector<SearchHit>> hits = Search(db, opts);
  EXPECT_TRUE(hits.ok()) << hits.status().ToString();
  std::vector<std::string> docs;
  if (hits.ok()) {
    for (const SearchHit& h : *hits) docs.push_back(fs::path(h.doc).filename().string());
  }
  return docs;
}

class IndexRefreshTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("xref_index_refresh_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "papers");
    db_path_ = (dir_ / "xref.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  IndexStore& Store() {
    if (!store_) {
      auto s = IndexStore::Open(db_path_);
      EXPECT_TRUE(s.ok()) << s.status().ToString();
      store_ = std::move(*s);
    }
    return *store_;
  }

  IndexSummary Index(const std::vector<std::string>& paths) {
    IndexOptions opts;
    opts.jobs = 2;
    Result<IndexSummary> r = IndexPaths(Store(), paths, opts);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : IndexSummary{};
  }
  IndexSummary Refresh() {
    IndexOptions opts;
    opts.jobs = 2;
    Result<IndexSummary> r = RefreshIndex(Store(), opts);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : IndexSummary{};
  }

  fs::path dir_;
  std::string db_path_;
  std::unique_ptr<IndexStore> store_;
};

TEST_F(IndexRefreshTest, BundledCorpusIsSearchableWithPages) {
  fs::copy(fs::path(XREF_SOURCE_DIR) / "corpus", dir_ / "papers", fs::copy_options::recursive);
  WriteFile(dir_ / "papers" / "notes" / "kinship.md",
            "# Kinship\n\nKinship carers were consulted about the café in 2023/24.\n");
  IndexSummary s = Index({(dir_ / "papers").string()});
  // The three papers and the note; the corpus's README is left out by its .xrefignore.
  EXPECT_EQ(s.added, 4);
  EXPECT_EQ(s.failed, 0);
  for (const Status& f : s.failures) ADD_FAILURE() << f.ToString();

  SearchOptions opts;
  opts.query = "kinship carers";
  opts.limit = 200;
  Result<std::vector<SearchHit>> hits = Search(Store().db(), opts);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  std::set<std::string> formats;
  for (const SearchHit& h : *hits) {
    std::string ext = fs::path(h.doc).extension().string();
    formats.insert(ext);
    std::string lower = h.snippet;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_NE(lower.find("[kinship]"), std::string::npos) << h.snippet;
    if (ext == ".pdf") {
      ASSERT_TRUE(h.page.has_value()) << h.snippet;
      EXPECT_GE(*h.page, 1);
    } else {
      EXPECT_FALSE(h.page.has_value());
    }
  }
  for (const char* ext : {".html", ".pdf", ".md"}) EXPECT_EQ(formats.count(ext), 1u) << ext;
  EXPECT_EQ(Count(Store().db(), "SELECT count(*) FROM documents WHERE status = 'ok'"), s.added);
  EXPECT_GT(Count(Store().db(), "SELECT count(*) FROM tags WHERE kind = 'money'"), 0);
  ExpectHealthy(Store().db());

  // Nothing changed: a refresh writes nothing at all.
  std::string before = Dump(Store().db());
  auto stamps = IndexedAt(Store().db());
  IndexSummary again = Refresh();
  EXPECT_EQ(again.unchanged, 4);
  EXPECT_EQ(again.added + again.changed + again.removed + again.moved + again.failed, 0);
  EXPECT_TRUE(again.failures.empty());
  EXPECT_FALSE(again.linked);
  EXPECT_EQ(Dump(Store().db()), before);
  EXPECT_EQ(IndexedAt(Store().db()), stamps);
}

// The linking stage says where it is: reading, grouping, every entry scored
// in register order, saving; the documents it relinks are the index's, the
// changed count the run's.
TEST_F(IndexRefreshTest, LinkingReportsEachStageAndEveryEntry) {
  fs::copy(fs::path(XREF_SOURCE_DIR) / "corpus", dir_ / "papers", fs::copy_options::recursive);
  std::vector<IndexProgress> seen;
  IndexOptions opts;
  opts.jobs = 2;
  opts.on_progress = [&](const IndexProgress& p) {
    if (p.linking) seen.push_back(p);
  };
  Result<IndexSummary> r = IndexPaths(Store(), {(dir_ / "papers").string()}, opts);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const size_t entries = static_cast<size_t>(Count(Store().db(), "SELECT count(*) FROM commitments"));
  ASSERT_GT(entries, 10u);
  ASSERT_EQ(seen.size(), entries + 3);
  using Stage = LinkProgress::Stage;
  EXPECT_EQ(seen.front().link.stage, Stage::kReading);
  EXPECT_EQ(seen.front().total, 3u);  // the three papers changed
  EXPECT_EQ(seen[1].link.stage, Stage::kGrouping);
  EXPECT_EQ(seen[1].link.documents, 3u);
  for (size_t e = 0; e < entries; ++e) {
    const LinkProgress& l = seen[2 + e].link;
    EXPECT_EQ(l.stage, Stage::kScoring);
    EXPECT_EQ(l.done, e + 1);
    EXPECT_EQ(l.total, entries);
  }
  EXPECT_EQ(seen.back().link.stage, Stage::kSaving);

  // One paper added: one changed, all four relinked.
  seen.clear();
  WriteFile(dir_ / "papers" / "note.txt", "The Council will publish a kinship care plan by March 2027.\n");
  r = RefreshIndex(Store(), opts);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_GE(seen.size(), 3u);
  EXPECT_EQ(seen.front().total, 1u);
  EXPECT_EQ(seen[1].link.documents, 4u);
  EXPECT_EQ(seen.back().link.stage, Stage::kSaving);
}

TEST_F(IndexRefreshTest, RefreshFollowsAddChangeRenameTouchAndDelete) {
  const fs::path papers = dir_ / "papers";
  WriteFile(papers / "a.txt", "Air quality\n\nThe Council will spend £2 million on clean air zones by 2025.\n");
  WriteFile(papers / "b.md", "# School transport\n\nPost-16 travel passes cost £300 a year.\n");
  WriteFile(papers / ".hidden" / "secret.txt", "never indexed\n");
  WriteFile(papers / "image.png", "\x89PNG not a document");
  IndexSummary first = Index({papers.string()});
  EXPECT_EQ(first.added, 2);
  EXPECT_TRUE(first.linked);
  EXPECT_EQ(HitDocs(Store().db(), "clean air"), std::vector<std::string>{"a.txt"});
  EXPECT_TRUE(HitDocs(Store().db(), "never").empty());

  // Added.
  WriteFile(papers / "sub" / "c.txt", "Bus routes\n\nA new bus route for post-16 students.\n");
  IndexSummary added = Refresh();
  EXPECT_EQ(added.added, 1);
  EXPECT_EQ(added.unchanged, 2);
  EXPECT_EQ(HitDocs(Store().db(), "Post-16").size(), 2u);

  // Changed: new text replaces the old; the document keeps its id.
  int64_t a_id = Count(Store().db(), "SELECT id FROM documents WHERE path LIKE '%/a.txt'");
  WriteFile(papers / "a.txt", "Air quality\n\nThe Council will plant 500 trees along school routes.\n");
  IndexSummary changed = Refresh();
  EXPECT_EQ(changed.changed, 1);
  EXPECT_TRUE(HitDocs(Store().db(), "clean air").empty());
  EXPECT_EQ(HitDocs(Store().db(), "trees"), std::vector<std::string>{"a.txt"});
  EXPECT_EQ(Count(Store().db(), "SELECT id FROM documents WHERE path LIKE '%/a.txt'"), a_id);

  // Renamed: moved, not re-extracted (same id, same indexed_at).
  auto stamps = IndexedAt(Store().db());
  int64_t b_id = Count(Store().db(), "SELECT id FROM documents WHERE path LIKE '%/b.md'");
  fs::rename(papers / "b.md", papers / "sub" / "transport.md");
  IndexSummary moved = Refresh();
  EXPECT_EQ(moved.moved, 1);
  EXPECT_EQ(moved.added + moved.removed + moved.changed, 0);
  EXPECT_EQ(Count(Store().db(), "SELECT id FROM documents WHERE path LIKE '%/sub/transport.md'"), b_id);
  EXPECT_EQ(IndexedAt(Store().db())[(papers / "sub" / "transport.md").string()],
            stamps[(papers / "b.md").string()]);
  EXPECT_EQ(HitDocs(Store().db(), "travel passes"), std::vector<std::string>{"transport.md"});

  // Touched: a new mtime with the same bytes is confirmed by hash, not redone.
  stamps = IndexedAt(Store().db());
  fs::last_write_time(papers / "a.txt", fs::last_write_time(papers / "a.txt") + std::chrono::hours(1));
  IndexSummary touched = Refresh();
  EXPECT_EQ(touched.changed, 0);
  EXPECT_EQ(touched.unchanged, 3);
  EXPECT_EQ(IndexedAt(Store().db()), stamps);

  // Deleted: the document and everything hanging off it go.
  fs::remove(papers / "sub" / "c.txt");
  IndexSummary removed = Refresh();
  EXPECT_EQ(removed.removed, 1);
  EXPECT_EQ(Count(Store().db(), "SELECT count(*) FROM documents"), 2);
  EXPECT_EQ(HitDocs(Store().db(), "bus route").size(), 0u);
  EXPECT_EQ(Count(Store().db(), "SELECT count(*) FROM passages p LEFT JOIN documents d "
                                "ON d.id = p.doc_id WHERE d.id IS NULL"), 0);
  ExpectHealthy(Store().db());

  // And a refresh with nothing to do changes nothing.
  std::string before = Dump(Store().db());
  stamps = IndexedAt(Store().db());
  IndexSummary noop = Refresh();
  EXPECT_EQ(noop.unchanged, 2);
  EXPECT_EQ(Dump(Store().db()), before);
  EXPECT_EQ(IndexedAt(Store().db()), stamps);
}

TEST_F(IndexRefreshTest, BadFilesAreRecordedAndTheRestIndexed) {
  const fs::path papers = dir_ / "papers";
  WriteFile(papers / "good.txt", "Housing\n\nThe Council will build 200 homes by March 2026.\n");
  WriteFile(papers / "empty.txt", "");
  WriteFile(papers / "corrupt.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntruncated");
  WriteFile(papers / "binary.txt", std::string("\x00\x01\x02\x03 binary \x00\xff", 14));
  std::vector<std::string> reported;
  IndexOptions opts;
  opts.on_failure = [&](const Status& s) { reported.push_back(fs::path(s.where()).filename().string()); };
  Result<IndexSummary> r = IndexPaths(Store(), {papers.string()}, opts);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->added, 1);
  EXPECT_EQ(r->failed, 3);
  std::sort(reported.begin(), reported.end());
  EXPECT_EQ(reported, (std::vector<std::string>{"binary.txt", "corrupt.pdf", "empty.txt"}));
  sqlite::Statement st = Store().db().Prepare(
      "SELECT path, error FROM documents WHERE status = 'failed' ORDER BY path");
  int failed = 0;
  while (st.Step()) {
    ++failed;
    EXPECT_FALSE(st.ColumnText(1).empty()) << st.ColumnText(0);
    EXPECT_EQ(st.ColumnText(1).find('\n'), std::string::npos);
  }
  EXPECT_EQ(failed, 3);
  EXPECT_EQ(HitDocs(Store().db(), "homes"), std::vector<std::string>{"good.txt"});

  // Unchanged bad files are not retried; a mended one is.
  IndexSummary again = Refresh();
  EXPECT_EQ(again.unchanged, 4);
  WriteFile(papers / "empty.txt", "Now it has words about homes.\n");
  IndexSummary mended = Refresh();
  EXPECT_EQ(mended.changed, 1);
  EXPECT_EQ(mended.failed, 0);
  EXPECT_EQ(HitDocs(Store().db(), "homes").size(), 2u);
}

// A PDF with a scanned page among pages of text is indexed, and the run
// reports the page it could not read, naming the file, once.
TEST_F(IndexRefreshTest, AScannedPageIsReportedAndTheRestIndexed) {
  const fs::path papers = dir_ / "papers";
  fs::create_directories(papers);
  fs::copy_file(XREF_SOURCE_DIR "/tests/data/producers/scanned-page-report.pdf", papers / "report.pdf");
  std::vector<std::string> warned;
  IndexOptions opts;
  opts.on_warning = [&](const std::string& path, const std::string& warning) {
    warned.push_back(fs::path(path).filename().string() + ": " + warning);
  };
  Result<IndexSummary> r = IndexPaths(Store(), {papers.string()}, opts);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->added, 1);
  EXPECT_EQ(r->failed, 0);
  ASSERT_EQ(warned.size(), 1u);
  EXPECT_EQ(warned[0].rfind("report.pdf: page 2 ", 0), 0u) << warned[0];
  EXPECT_FALSE(HitDocs(Store().db(), "petition").empty());  // pages 1 and 3 are searchable
}

// A run commits its documents in batches, not one transaction each (FTS5
// makes a segment per transaction): twenty small files, fewer commits than
// files in all (the linking stage's own included; 34 with one per file).
TEST_F(IndexRefreshTest, DocumentsAreCommittedInBatches) {
  const fs::path papers = dir_ / "papers";
  for (int i = 0; i < 20; ++i) {
    WriteFile(papers / ("note" + std::to_string(i) + ".txt"),
              "Note " + std::to_string(i) + "\n\nThe Council will resurface road " + std::to_string(i) + ".\n");
  }
  int commits = 0;
  sqlite3_commit_hook(
      Store().db().get(), [](void* n) { return ++*static_cast<int*>(n), 0; }, &commits);
  IndexSummary s = Index({papers.string()});
  sqlite3_commit_hook(Store().db().get(), nullptr, nullptr);
  EXPECT_EQ(s.added, 20);
  EXPECT_LT(commits, 20);
  EXPECT_EQ(HitDocs(Store().db(), "resurface").size(), 20u);
  ExpectHealthy(Store().db());
}

// A write that fails inside a batch is undone alone: the documents written
// before it in the same batch are kept, whole, and the index stays sound.
TEST_F(IndexRefreshTest, AFailedWriteInABatchKeepsTheDocumentsBeforeIt) {
  const fs::path papers = dir_ / "papers";
  WriteFile(papers / "a.txt", "Parks\n\nThe Council will plant 300 trees in parks.\n");
  WriteFile(papers / "b.txt", "Libraries\n\nThe Council will open two libraries on Sundays.\n");
  WriteFile(papers / "c.txt", "Poison\n\nThis paper holds the word POISONED.\n");
  ASSERT_TRUE(Store()
                  .db()
                  .Exec("CREATE TRIGGER refuse BEFORE INSERT ON passages WHEN NEW.text LIKE '%POISONED%' "
                        "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
                  .ok());
  IndexOptions opts;
  opts.jobs = 1;
  Result<IndexSummary> r = IndexPaths(Store(), {papers.string()}, opts);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(HitDocs(Store().db(), "trees"), std::vector<std::string>{"a.txt"});
  EXPECT_EQ(HitDocs(Store().db(), "sundays"), std::vector<std::string>{"b.txt"});
  EXPECT_EQ(Count(Store().db(), "SELECT count(*) FROM documents WHERE path LIKE '%c.txt'"), 0);
  ASSERT_TRUE(Store().db().Exec("DROP TRIGGER refuse").ok());
  sqlite::Statement ic = Store().db().Prepare("PRAGMA integrity_check");
  ASSERT_TRUE(ic.Step());
  EXPECT_EQ(ic.ColumnText(0), "ok");
  EXPECT_TRUE(Store().db().Exec("INSERT INTO passages_fts(passages_fts) VALUES ('integrity-check')").ok());
}

TEST_F(IndexRefreshTest, MissingPathIsAnErrorAndTheIndexItselfIsNotIndexed) {
  IndexOptions opts;
  Result<IndexSummary> r = IndexPaths(Store(), {(dir_ / "nope").string()}, opts);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);

  // The db lives inside the folder indexed: it, its -wal and -shm are skipped.
  WriteFile(dir_ / "note.txt", "A note.\n");
  IndexSummary s = Index({dir_.string()});
  EXPECT_EQ(s.failed, 0);
  EXPECT_EQ(Count(Store().db(), "SELECT count(*) FROM documents WHERE path LIKE '%xref.db%'"), 0);
}

TEST_F(IndexRefreshTest, SymlinkLoopsAreWalkedOnce) {
  const fs::path papers = dir_ / "papers";
  WriteFile(papers / "inner" / "doc.txt", "Loops\n\nA document about loops.\n");
  fs::create_directory_symlink(papers, papers / "inner" / "back");
  IndexSummary s = Index({papers.string()});
  EXPECT_EQ(s.added, 1);
}

}  // namespace
}  // namespace xref
