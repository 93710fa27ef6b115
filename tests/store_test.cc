// IndexStore and the schema: what is refused, what one write does, and that
// deleting or rewriting a document takes everything hanging off it along.
#include "index/store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "index/schema.h"
#include "index/tokenizer.h"

namespace xref {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("xref_store_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "xref.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  static DocumentRecord Record(const std::string& path, std::vector<std::string> texts) {
    DocumentRecord r;
    r.file = FileState{path, 100, 42};
    r.hash = "0123456789abcdef";
    r.format = Format::kText;
    r.title = "T";
    int n = 0;
    for (std::string& t : texts) {
      PassageRecord p;
      p.passage.n = ++n;
      p.passage.section = "Funding";
      p.passage.text = std::move(t);
      Tag money;
      money.kind = TagKind::kMoney;
      money.text = "£5m";
      money.money.currency = "GBP";
      money.money.amount = 5e6;
      p.tags.push_back(money);
      r.passages.push_back(std::move(p));
    }
    return r;
  }

  static int64_t Count(IndexStore& s, const std::string& sql) {
    sqlite::Statement st = s.db().Prepare(sql);
    return st.Step() ? st.ColumnInt64(0) : -1;
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(StoreTest, RefusesWhatIsNotAnXrefIndex) {
  std::ofstream(path_) << "just some text, not SQLite at all, long enough to have a header........";
  auto s = IndexStore::Open(path_);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().ToString().find("not an xref index"), std::string::npos) << s.status().ToString();
  EXPECT_NE(s.status().ToString().find(path_), std::string::npos);
  // No lock file is left beside a file xref refused.
  EXPECT_FALSE(fs::exists(path_ + "-lock"));

  fs::remove(path_);
  {
    sqlite::Database other;
    ASSERT_TRUE(other.Open(path_, false).ok());
    ASSERT_TRUE(other.Exec("CREATE TABLE photos(id INTEGER PRIMARY KEY)").ok());
  }
  s = IndexStore::Open(path_);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().what().find("not an xref index"), std::string::npos) << s.status().ToString();
  auto r = OpenIndexForReading(path_);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().what().find("not an xref index"), std::string::npos);
}

TEST_F(StoreTest, RefusesANewerSchema) {
  {
    auto s = IndexStore::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    ASSERT_TRUE((*s)->db().Exec("UPDATE meta SET value = '999' WHERE key = 'schema_version'").ok());
  }
  auto s = IndexStore::Open(path_);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kUnsupported);
  EXPECT_NE(s.status().what().find("newer xref"), std::string::npos) << s.status().ToString();
  auto r = OpenIndexForReading(path_);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().what().find("newer xref"), std::string::npos);
}

TEST_F(StoreTest, ConnectionSettings) {
  auto s = IndexStore::Open(path_);
  ASSERT_TRUE(s.ok());
  sqlite::Statement mode = (*s)->db().Prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode.Step());
  EXPECT_EQ(mode.ColumnText(0), "wal");
  EXPECT_EQ(Count(**s, "PRAGMA foreign_keys"), 1);
  EXPECT_EQ(Count(**s, "PRAGMA synchronous"), 1);  // NORMAL
  EXPECT_EQ(Count(**s, "SELECT value FROM meta WHERE key = 'schema_version'"), kSchemaVersion);
}

TEST_F(StoreTest, RewriteKeepsIdAndReplacesEverythingBelow) {
  auto opened = IndexStore::Open(path_);
  ASSERT_TRUE(opened.ok());
  IndexStore& s = **opened;
  Result<int64_t> id = s.PutDocument(Record("/p/a.txt", {"kinship carers", "pathfinder areas"}));
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(Count(s, "SELECT count(*) FROM passages"), 2);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM tags WHERE amount = 5e6"), 2);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'kinship'"), 1);

  // A table of the linker's kind, hanging off passages.
  ASSERT_TRUE(s.db().Exec("CREATE TABLE links(passage_id INTEGER REFERENCES passages(id) "
                          "ON DELETE CASCADE); INSERT INTO links SELECT id FROM passages").ok());

  Result<int64_t> again = s.PutDocument(Record("/p/a.txt", {"regional care cooperatives"}));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *id);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM passages"), 1);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM tags"), 1);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM links"), 0);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'kinship'"), 0);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'cooperative'"), 1);

  std::vector<int64_t> changed, removed;
  ASSERT_TRUE(s.PendingLinks(&changed, &removed).ok());
  EXPECT_EQ(changed, std::vector<int64_t>{*id});
  EXPECT_TRUE(removed.empty());

  ASSERT_TRUE(s.RemoveDocument(*id).ok());
  EXPECT_EQ(Count(s, "SELECT count(*) FROM passages"), 0);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM tags"), 0);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'cooperative'"), 0);
  ASSERT_TRUE(s.PendingLinks(&changed, &removed).ok());
  EXPECT_TRUE(changed.empty());
  EXPECT_EQ(removed, std::vector<int64_t>{*id});
  ASSERT_TRUE(s.ClearPendingLinks(removed).ok());
  ASSERT_TRUE(s.PendingLinks(&changed, &removed).ok());
  EXPECT_TRUE(removed.empty());
  EXPECT_TRUE(s.db().Exec("INSERT INTO passages_fts(passages_fts) VALUES ('integrity-check')").ok());
}

// The leaf pages FTS5 has written out of its pending terms, from its
// structure record (fts5_index.c, fts5StructureDecode: a 4-byte cookie, then
// varints: levels, segments, the write counter).
int64_t FtsLeavesWritten(IndexStore& s) {
  sqlite::Statement st = s.db().Prepare("SELECT block FROM passages_fts_data WHERE id = 10");
  if (!st.Step()) return -1;
  const std::string block = st.ColumnBlob(0);
  size_t at = 4;
  auto varint = [&] {
    uint64_t v = 0;
    for (int i = 0; i < 9 && at < block.size(); ++i) {
      const auto byte = static_cast<unsigned char>(block[at++]);
      if (i == 8) return (v << 8) | byte;
      v = (v << 7) | (byte & 0x7Fu);
      if ((byte & 0x80) == 0) break;
    }
    return v;
  };
  varint();  // levels
  varint();  // segments
  return static_cast<int64_t>(varint());
}

TEST_F(StoreTest, ADocumentsPassagesReachTheFullTextIndexTogether) {
  auto opened = IndexStore::Open(path_);
  ASSERT_TRUE(opened.ok());
  IndexStore& s = **opened;
  ASSERT_TRUE(s.PutDocument(Record("/p/a.txt", {"kinship carers", "pathfinder areas"})).ok());
  // 300 passages: more than one statement's worth, and a tail of several.
  std::vector<std::string> texts;
  for (int i = 0; i < 300; ++i) texts.push_back("passage number w" + std::to_string(i) + " of the long paper");
  const int64_t before = FtsLeavesWritten(s);
  Result<int64_t> id = s.PutDocument(Record("/p/b.txt", texts));
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  // A statement per passage had FTS5 write each passage's terms out as a
  // segment of its own: at least a leaf page each.
  EXPECT_LT(FtsLeavesWritten(s) - before, 30);

  // The ids are those of rows inserted one by one: after the first paper's,
  // in passage order, each with its own tag and text.
  EXPECT_EQ(Count(s, "SELECT min(id) FROM passages WHERE doc_id = " + std::to_string(*id)), 3);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM passages WHERE doc_id = " + std::to_string(*id) +
                         " AND id = n + 2 AND text = 'passage number w' || (n - 1) || ' of the long paper'"),
            300);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM tags t JOIN passages p ON p.id = t.passage_id "
                     "WHERE p.doc_id = " + std::to_string(*id)),
            300);
  EXPECT_EQ(Count(s, "SELECT rowid FROM passages_fts WHERE passages_fts MATCH 'w299'"), 302);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'long'"), 300);
  EXPECT_TRUE(s.db().Exec("INSERT INTO passages_fts(passages_fts) VALUES ('integrity-check')").ok());

  // Rewritten after its last passages were deleted: the ids start again
  // after the largest left, as SQLite gives them.
  ASSERT_TRUE(s.RemoveDocument(*id).ok());
  Result<int64_t> c = s.PutDocument(Record("/p/c.txt", {"regional care cooperatives", "family hubs"}));
  ASSERT_TRUE(c.ok());
  sqlite::Statement ids = s.db().Prepare("SELECT group_concat(id, ',') FROM (SELECT id FROM passages ORDER BY id)");
  ASSERT_TRUE(ids.Step());
  EXPECT_EQ(ids.ColumnText(0), "1,2,3,4");
  EXPECT_TRUE(s.db().Exec("INSERT INTO passages_fts(passages_fts) VALUES ('integrity-check')").ok());
}

TEST_F(StoreTest, TokensMadeBeforehandAreReplayedNotFoundAgain) {
  auto opened = IndexStore::Open(path_);
  ASSERT_TRUE(opened.ok());
  IndexStore& s = **opened;
  DocumentRecord r = Record("/p/a.txt", {"£45m for 2023/24 Post-16 kinship carers", "the children's pathfinder areas"});
  for (PassageRecord& p : r.passages) {
    p.text_tokens = PackDocumentTokens(p.passage.text);
    p.section_tokens = PackDocumentTokens(p.passage.section);
  }
  // The second passage's tokens say otherwise: replayed, they are what the
  // index gets (so the test sees replay, not a second breaking).
  r.passages[1].text_tokens = PackDocumentTokens("zebra crossings near the pathfinder areas");
  const uint64_t before = TokenizerSegmentations();
  ASSERT_TRUE(s.PutDocument(r).ok());
  EXPECT_EQ(TokenizerSegmentations() - before, 0u);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH '45000000 AND post AND kinship'"), 1);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'zebra'"), 1);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'section:funding'"), 2);

  // Without tokens made beforehand the writer breaks each text itself.
  const uint64_t again = TokenizerSegmentations();
  ASSERT_TRUE(s.PutDocument(Record("/p/b.txt", {"regional care cooperatives"})).ok());
  EXPECT_EQ(TokenizerSegmentations() - again, 2u);  // text and section
  EXPECT_EQ(Count(s, "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'cooperatives'"), 1);
}

TEST_F(StoreTest, FailedDocumentKeepsItsReason) {
  auto opened = IndexStore::Open(path_);
  ASSERT_TRUE(opened.ok());
  DocumentRecord r = Record("/p/bad.pdf", {});
  r.error = Status::Corrupt("/p/bad.pdf", "truncated or corrupt PDF");
  ASSERT_TRUE((*opened)->PutDocument(r).ok());
  sqlite::Statement st = (*opened)->db().Prepare("SELECT status, error, format FROM documents");
  ASSERT_TRUE(st.Step());
  EXPECT_EQ(st.ColumnText(0), "failed");
  EXPECT_EQ(st.ColumnText(1), "truncated or corrupt PDF");
  EXPECT_TRUE(st.ColumnIsNull(2));
}

TEST_F(StoreTest, ReadersSeeCommittedDocumentsWhileAWriterIsBusy) {
  auto writer = IndexStore::Open(path_);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->PutDocument(Record("/p/a.txt", {"first"})).ok());
  auto reader = OpenIndexForReading(path_);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  ASSERT_TRUE((*writer)->db().Exec("BEGIN IMMEDIATE; DELETE FROM passages").ok());
  sqlite::Statement st = (*reader)->Prepare("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'first'");
  ASSERT_TRUE(st.Step()) << st.status().ToString();
  EXPECT_EQ(st.ColumnInt64(0), 1);
  ASSERT_TRUE((*writer)->db().Exec("ROLLBACK").ok());
  // Readers cannot write.
  EXPECT_FALSE((*reader)->Exec("DELETE FROM documents").ok());
}

TEST_F(StoreTest, OneWriterAtATime) {
  auto first = IndexStore::Open(path_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  auto second = IndexStore::Open(path_);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().where(), path_);
  EXPECT_NE(second.status().what().find("another xref index or refresh is running on this index (process " +
                                        std::to_string(::getpid()) + ")"),
            std::string::npos)
      << second.status().ToString();
  // Readers are not writers.
  EXPECT_TRUE(OpenIndexForReading(path_).ok());
  first->reset();
  EXPECT_TRUE(IndexStore::Open(path_).ok());
}

}  // namespace
}  // namespace xref
