// Crash safety, proven by crashing: the `xref` binary is killed (SIGKILL) at
// varying points while indexing many files; after each kill the database must
// pass SQLite's and FTS5's integrity checks and hold only whole documents, and
// the next `xref index` must end with exactly the rows of a clean build.
// SIGINT must stop cleanly, keeping finished documents. Bad files are
// skipped with status 0, or 2 with --strict.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "index/sqlite.h"
#include "index/tokenizer.h"

namespace xref {
namespace {

namespace fs = std::filesystem;

constexpr int kFiles = 240;

// Words from several policy areas, combined differently in each file so no
// two files share their text.
const char* const kWords[] = {"council", "transport", "kinship", "carers", "air", "quality",
                              "housing", "schools", "funding", "pathfinder", "review", "budget",
                              "children", "buses", "homes", "nitrogen", "consultation", "strategy"};

std::string MakeText(int i) {
  std::string text = "Paper " + std::to_string(i) + "\n\n";
  for (int para = 0; para < 12; ++para) {
    text += std::to_string(para + 1) + ". The Council will spend £" + std::to_string(i * 7 + para) +
            " million on ";
    for (int w = 0; w < 30; ++w) {
      text += kWords[(i * 31 + para * 7 + w * 3) % (sizeof kWords / sizeof kWords[0])];
      text += w % 9 == 8 ? ". " : " ";
    }
    text += "by March 2025.\n\n";
  }
  return text;
}

// Runs `xref args...`; with kill_after > 0, sends `sig` after that long.
// Returns the exit status, or 128 + signal when killed.
int RunXref(const std::vector<std::string>& args, std::chrono::milliseconds kill_after = {},
            int sig = SIGKILL) {
  pid_t pid = ::fork();
  if (pid == 0) {
    int devnull = ::open("/dev/null", O_WRONLY);
    ::dup2(devnull, STDOUT_FILENO);
    ::dup2(devnull, STDERR_FILENO);
    std::vector<char*> argv;
    std::string bin = XREF_BINARY;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(bin.c_str(), argv.data());
    ::_exit(127);
  }
  if (kill_after.count() > 0) {
    std::this_thread::sleep_for(kill_after);
    ::kill(pid, sig);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

// Path -> everything stored for that document (no ids, no timestamps).
using Rows = std::map<std::string, std::string>;

Rows DumpRows(sqlite::Database& db) {
  Rows rows;
  sqlite::Statement docs = db.Prepare("SELECT id, path, hash, status, coalesce(error, '') FROM documents");
  sqlite::Statement passages = db.Prepare(
      "SELECT p.n, p.label, p.section, p.kind, p.text, (SELECT group_concat(t.kind || ':' || "
      "t.text || ':' || coalesce(t.amount, ''), ';') FROM tags t WHERE t.passage_id = p.id) "
      "FROM passages p WHERE p.doc_id = ?1 ORDER BY p.n");
  while (docs.Step()) {
    std::string row = docs.ColumnText(2) + "|" + docs.ColumnText(3) + "|" + docs.ColumnText(4) + "\n";
    passages.Bind(1, docs.ColumnInt64(0));
    while (passages.Step()) {
      for (int i = 0; i < 6; ++i) row += passages.ColumnText(i) + "|";
      row += "\n";
    }
    passages.Reset();
    rows[fs::path(docs.ColumnText(1)).filename().string()] = row;
  }
  return rows;
}

// Opens the db as a crashed writer left it; checks SQLite's and FTS5's
// integrity and returns the rows.
Rows CheckAndDump(const std::string& path) {
  sqlite::Database db;
  EXPECT_TRUE(db.Open(path, false).ok());
  EXPECT_TRUE(RegisterXrefTokenizer(db.get()).ok());
  // Killed before the tables were created: an empty file, which the next run fills.
  sqlite::Statement tables = db.Prepare("SELECT count(*) FROM sqlite_schema");
  EXPECT_TRUE(tables.Step());
  if (tables.ColumnInt64(0) == 0) return {};
  sqlite::Statement ic = db.Prepare("PRAGMA integrity_check");
  EXPECT_TRUE(ic.Step());
  EXPECT_EQ(ic.ColumnText(0), "ok");
  Status fts = db.Exec("INSERT INTO passages_fts(passages_fts) VALUES ('integrity-check')");
  EXPECT_TRUE(fts.ok()) << fts.ToString();
  sqlite::Statement fk = db.Prepare("PRAGMA foreign_key_check");
  EXPECT_FALSE(fk.Step()) << "dangling row in " << fk.ColumnText(0);
  return DumpRows(db);
}

class CrashTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("xref_crash_test_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    for (int i = 0; i < kFiles; ++i) {
      fs::path p = *dir_ / "corpus" / ("part" + std::to_string(i % 4)) / ("paper" + std::to_string(i) + ".txt");
      fs::create_directories(p.parent_path());
      std::ofstream(p) << MakeText(i);
    }
    clean_ = new Rows();
    std::string db = (*dir_ / "clean.db").string();
    auto started = std::chrono::steady_clock::now();
    ASSERT_EQ(RunXref({"--db", db, "index", (*dir_ / "corpus").string()}), 0);
    clean_run_ = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    *clean_ = CheckAndDump(db);
    ASSERT_EQ(clean_->size(), static_cast<size_t>(kFiles));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete clean_;
  }

  // Every document in `rows` is whole: exactly as the clean build has it.
  static void ExpectOnlyWholeDocuments(const Rows& rows) {
    for (const auto& [path, row] : rows) {
      auto it = clean_->find(path);
      ASSERT_NE(it, clean_->end()) << path;
      EXPECT_EQ(row, it->second) << path;
    }
  }

  static fs::path* dir_;
  static Rows* clean_;
  static std::chrono::milliseconds clean_run_;  // how long a whole clean build took here
};
fs::path* CrashTest::dir_ = nullptr;
Rows* CrashTest::clean_ = nullptr;
std::chrono::milliseconds CrashTest::clean_run_{0};

TEST_F(CrashTest, KilledAtAnyPointLeavesWholeDocumentsAndTheNextRunFinishes) {
  const std::string db = (*dir_ / "killed.db").string();
  const std::string corpus = (*dir_ / "corpus").string();
  // Kill points spread over a run as long as the clean build took on this
  // machine: opening, early, middle, late (each run resumes the last).
  size_t previous = 0;
  int mid_run = 0;
  for (double fraction : {0.05, 0.2, 0.35, 0.5, 0.65, 0.8}) {
    auto after = std::chrono::milliseconds(
        std::max<int64_t>(1, static_cast<int64_t>(fraction * static_cast<double>(clean_run_.count()))));
    SCOPED_TRACE("killed after " + std::to_string(after.count()) + " ms");
    int status = RunXref({"--db", db, "index", corpus}, after);
    EXPECT_TRUE(status == 128 + SIGKILL || status == 0) << status;
    if (!fs::exists(db)) continue;  // killed before it created the file
    Rows rows = CheckAndDump(db);
    ExpectOnlyWholeDocuments(rows);
    EXPECT_GE(rows.size(), previous);  // each run keeps what the last one wrote
    previous = rows.size();
    if (rows.size() > 0 && rows.size() < clean_->size()) ++mid_run;
  }
  std::cout << "kills that left a partial index: " << mid_run << " of 6 (clean build "
            << clean_run_.count() << " ms)\n";
  ASSERT_EQ(RunXref({"--db", db, "index", corpus}), 0);
  EXPECT_EQ(CheckAndDump(db), *clean_);
  sqlite::Database check;
  ASSERT_TRUE(check.Open(db, true).ok());
  sqlite::Statement queue = check.Prepare("SELECT count(*) FROM link_queue");
  ASSERT_TRUE(queue.Step());
  EXPECT_EQ(queue.ColumnInt64(0), 0);  // documents of killed runs got linked too
}

TEST_F(CrashTest, SigintStopsCleanlyKeepingFinishedDocuments) {
  const std::string db = (*dir_ / "interrupted.db").string();
  const std::string corpus = (*dir_ / "corpus").string();
  int status = RunXref({"--db", db, "index", corpus}, std::chrono::milliseconds(150), SIGINT);
  EXPECT_TRUE(status == 130 || status == 0) << status;
  Rows rows = CheckAndDump(db);
  ExpectOnlyWholeDocuments(rows);
  ASSERT_EQ(RunXref({"--db", db, "index", corpus}), 0);
  EXPECT_EQ(CheckAndDump(db), *clean_);
  // And once the roots are known, refresh finishes an interrupted refresh.
  const std::string db2 = (*dir_ / "interrupted2.db").string();
  ASSERT_EQ(RunXref({"--db", db2, "index", (*dir_ / "corpus" / "part0").string()}), 0);
  // The interrupt must come after xref recorded the new root (a slow start,
  // as under a sanitizer, can take longer than the first delay): later each try.
  auto root_recorded = [&] {
    sqlite::Database check;
    if (!check.Open(db2, true).ok()) return false;
    sqlite::Statement st = check.Prepare("SELECT count(*) FROM roots WHERE path LIKE '%/corpus'");
    return st.Step() && st.ColumnInt64(0) > 0;
  };
  for (int delay_ms = 400; delay_ms <= 12800; delay_ms *= 2) {
    status = RunXref({"--db", db2, "index", corpus}, std::chrono::milliseconds(delay_ms), SIGINT);
    EXPECT_TRUE(status == 130 || status == 0) << status;
    ExpectOnlyWholeDocuments(CheckAndDump(db2));
    if (status == 0 || root_recorded()) break;
  }
  ASSERT_TRUE(root_recorded());
  ASSERT_EQ(RunXref({"--db", db2, "refresh"}), 0);
  EXPECT_EQ(CheckAndDump(db2), *clean_);
}

TEST_F(CrashTest, BadFilesAreSkippedAndStrictFails) {
  const fs::path bad = *dir_ / "bad";
  fs::create_directories(bad);
  std::ofstream(bad / "good.txt") << "A good paper about school transport.\n";
  std::ofstream(bad / "empty.txt") << "";
  std::ofstream(bad / "corrupt.pdf") << "%PDF-1.4\n%broken";
  std::ofstream(bad / "binary.txt", std::ios::binary) << std::string("\x7f" "ELF\x00\x00\x01", 7);
  EXPECT_EQ(RunXref({"--db", (*dir_ / "bad1.db").string(), "index", bad.string()}), 0);
  EXPECT_EQ(RunXref({"--db", (*dir_ / "bad2.db").string(), "index", "--strict", bad.string()}), 2);
  EXPECT_EQ(RunXref({"--db", (*dir_ / "bad1.db").string(), "search", "school transport"}), 0);
  EXPECT_EQ(RunXref({"--db", (*dir_ / "bad1.db").string(), "search", "kinship"}), 1);
  EXPECT_EQ(RunXref({"--db", (*dir_ / "none.db").string(), "search", "kinship"}), 2);
}

}  // namespace
}  // namespace xref
