// The linker's terms stored at index time (passage_terms, tag_terms): every
// passage and commitment tag the indexer writes has its terms stored as the
// linker would find them from the text; a relink reads them instead of
// finding them again; and an index written before they were stored (schema
// version 1, no such tables) is migrated and linked exactly as before.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "index/indexer.h"
#include "index/link_index.h"
#include "index/link_store.h"
#include "index/schema.h"
#include "index/store.h"
#include "pipeline/link_terms.h"

namespace xref {
namespace {

namespace fs = std::filesystem;

// Every row of a query, one line per row, columns separated by tabs.
std::string Rows(sqlite::Database& db, const std::string& sql) {
  sqlite::Statement st = db.Prepare(sql);
  EXPECT_TRUE(st.valid()) << sql;
  std::string out;
  while (st.valid() && st.Step()) {
    for (int c = 0; c < sqlite3_column_count(st.get()); ++c) {
      out += st.ColumnBlob(c);
      out += '\t';
    }
    out += '\n';
  }
  return out;
}

int64_t Count(sqlite::Database& db, const std::string& sql) {
  sqlite::Statement st = db.Prepare(sql);
  return st.valid() && st.Step() ? st.ColumnInt64(0) : -1;
}

// The register as the reports read it, and its links row for row.
std::string RegisterDump(sqlite::Database& db) {
  Result<RegisterView> view = ReadRegister(db.get());
  EXPECT_TRUE(view.ok()) << view.status().ToString();
  if (!view.ok()) return "";
  std::string out;
  for (const auto& j : view->commitments) out += j.dump() + "\n";
  for (const auto& j : view->rows) out += j.dump() + "\n";
  for (const auto& j : view->conflicts) out += j.dump() + "\n";
  out += Rows(db, "SELECT commitment, doc_id, passage_n, score, states, evidence_json "
                  "FROM commitment_links ORDER BY commitment, doc_id, passage_n");
  return out;
}

class StoredTermsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("xref-stored-terms-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_path_ = (dir_ / "xref.db").string();
    const std::string data = std::string(XREF_SOURCE_DIR) + "/tests/data/";
    auto store = IndexStore::Open(db_path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    IndexOptions options;
    options.jobs = 2;
    Result<IndexSummary> summary = IndexPaths(
        **store, {std::string(XREF_SOURCE_DIR) + "/corpus", data + "third-corpus", data + "second-corpus"},
        options);
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Relinks the whole register, as a refresh that changed a document does.
  void Relink() {
    auto store = IndexStore::Open(db_path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    const int64_t first = Count((*store)->db(), "SELECT min(id) FROM documents WHERE status = 'ok'");
    Status s = UpdateLinks((*store)->db().get(), {first}, {});
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  std::string Dump() {
    sqlite::Database db;
    EXPECT_TRUE(db.Open(db_path_, false).ok());
    return RegisterDump(db);
  }

  fs::path dir_;
  std::string db_path_;
};

TEST_F(StoredTermsTest, EveryPassageAndCommitmentTagHasTheTermsOfItsText) {
  sqlite::Database db;
  ASSERT_TRUE(db.Open(db_path_, false).ok());
  const int64_t passages = Count(db, "SELECT count(*) FROM passages");
  const int64_t commitments = Count(db, "SELECT count(*) FROM tags WHERE kind = 'commitment'");
  ASSERT_GT(passages, 400);
  ASSERT_GT(commitments, 150);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM passage_terms"), passages);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM tag_terms"), commitments);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM tag_terms t JOIN tags g ON g.id = t.tag_id "
                      "WHERE g.kind <> 'commitment'"),
            0);
  EXPECT_EQ(Count(db, "SELECT value FROM meta WHERE key = 'schema_version'"), kSchemaVersion);

  size_t named = 0;
  for (const char* sql : {"SELECT p.text, t.terms FROM passages p JOIN passage_terms t ON t.passage_id = p.id",
                          "SELECT g.text, t.terms FROM tags g JOIN tag_terms t ON t.tag_id = g.id"}) {
    sqlite::Statement st = db.Prepare(sql);
    ASSERT_TRUE(st.valid());
    while (st.Step()) {
      const std::string text = st.ColumnText(0);
      TermKeyList keys;
      std::vector<std::vector<std::string>> names;
      std::vector<size_t> starts;
      ASSERT_TRUE(DecodeTerms(st.ColumnBlob(1), &keys, &names, &starts)) << text;
      const TermKeyList lists = TermKeyLists(text);
      const TermSet set = TermKeys(text);
      EXPECT_EQ(keys.words, lists.words) << text;
      EXPECT_EQ(keys.phrases, lists.phrases) << text;
      EXPECT_EQ(keys.named, lists.named) << text;
      EXPECT_EQ(names, set.names) << text;
      EXPECT_EQ(starts, set.name_starts) << text;
      named += names.size();
    }
  }
  EXPECT_GT(named, 20u);  // the papers' names came through
}

// ReadLinkInputs reads the stored terms in passes of their own, after the
// texts and tags (so that the linker frees them in one piece): each must
// still land beside its own passage and its own tag, among the money and
// date tags read with it.
TEST_F(StoredTermsTest, TheLinkersInputsHoldEachTextsOwnTerms) {
  sqlite::Database db;
  ASSERT_TRUE(db.Open(db_path_, false).ok());
  Result<std::vector<LinkInput>> inputs = ReadLinkInputs(db.get());
  ASSERT_TRUE(inputs.ok()) << inputs.status().ToString();
  size_t passages = 0, tagged = 0, others = 0;
  auto same_terms = [](const std::string& blob, std::string_view text) {
    TermKeyList keys;
    if (!DecodeTerms(blob, &keys)) return false;
    const TermKeyList lists = TermKeyLists(text);
    return keys.words == lists.words && keys.phrases == lists.phrases && keys.named == lists.named;
  };
  for (const LinkInput& in : *inputs) {
    ASSERT_EQ(in.passage_terms.size(), in.doc.passages.size());
    ASSERT_EQ(in.tag_terms.size(), in.doc.passages.size());
    for (size_t i = 0; i < in.doc.passages.size(); ++i) {
      const std::string& text = in.doc.passages[i].text;
      EXPECT_TRUE(same_terms(in.passage_terms[i], text)) << text;
      passages += !in.passage_terms[i].empty();
      ASSERT_TRUE(in.tag_terms[i].empty() || in.tag_terms[i].size() == in.tags[i].size()) << text;
      for (size_t j = 0; j < in.tag_terms[i].size(); ++j) {
        const LinkTag& tag = in.tags[i][j];
        if (tag.kind != TagKind::kCommitment) {
          EXPECT_TRUE(in.tag_terms[i][j].empty());
          ++others;
          continue;
        }
        EXPECT_TRUE(same_terms(in.tag_terms[i][j], tag.Text(text))) << tag.Text(text);
        ++tagged;
      }
    }
  }
  EXPECT_EQ(static_cast<int64_t>(passages), Count(db, "SELECT count(*) FROM passage_terms"));
  EXPECT_EQ(static_cast<int64_t>(tagged), Count(db, "SELECT count(*) FROM tag_terms"));
  EXPECT_GT(others, 50u);  // money and date tags sit between the commitments
}

TEST_F(StoredTermsTest, DamagedOrOlderTermsAreRefused) {
  const std::string text = "The Department for Transport will publish the Active Travel Fund guidance by March 2025.";
  const std::string blob = EncodeTerms(text);
  TermKeyList keys;
  ASSERT_TRUE(DecodeTerms(blob, &keys));
  EXPECT_EQ(keys.words, TermKeyLists(text).words);
  for (size_t cut = 0; cut < blob.size(); ++cut) {
    EXPECT_FALSE(DecodeTerms(blob.substr(0, cut), &keys)) << cut;
  }
  std::string other_version = blob;
  other_version[0] = static_cast<char>(kTermsVersion + 1);
  EXPECT_FALSE(DecodeTerms(other_version, &keys));
  EXPECT_FALSE(DecodeTerms(blob + "x", &keys));
}

TEST_F(StoredTermsTest, RelinkReadsTheStoredTerms) {
  const std::string before = Dump();
  ASSERT_NE(before.find("\"C1\""), std::string::npos);
  Relink();
  EXPECT_EQ(Dump(), before);
  const std::string kWithPhrases =
      "SELECT count(*) FROM commitment_links WHERE evidence_json LIKE '%\"phrases\":[\"%'";
  // Passages stored as having no terms at all: the relink takes the index's
  // word for it, and no passage shares a phrase with any entry any more.
  {
    sqlite::Database db;
    ASSERT_TRUE(db.Open(db_path_, false).ok());
    ASSERT_GT(Count(db, kWithPhrases), 100);
    sqlite::Statement st = db.Prepare("UPDATE passage_terms SET terms = ?1");
    ASSERT_TRUE(st.BindBlob(1, EncodeTerms("")).Run().ok());
  }
  Relink();
  {
    sqlite::Database db;
    ASSERT_TRUE(db.Open(db_path_, false).ok());
    EXPECT_EQ(Count(db, kWithPhrases), 0);
    // Without stored terms the passages' are found from their text again.
    ASSERT_TRUE(db.Exec("DELETE FROM passage_terms").ok());
  }
  Relink();
  EXPECT_EQ(Dump(), before);
}

TEST_F(StoredTermsTest, AnIndexWrittenBeforeIsMigratedAndLinkedTheSame) {
  const std::string before = Dump();
  // What an xref of schema version 1 wrote: no terms tables.
  {
    sqlite::Database db;
    ASSERT_TRUE(db.Open(db_path_, false).ok());
    ASSERT_TRUE(db.Exec("DROP TABLE passage_terms; DROP TABLE tag_terms; "
                        "UPDATE meta SET value = '1' WHERE key = 'schema_version'")
                    .ok());
  }
  // Readers read it as it is.
  {
    auto reader = OpenIndexForReading(db_path_);
    ASSERT_TRUE(reader.ok()) << reader.status().ToString();
    EXPECT_EQ(RegisterDump(**reader), before);
    EXPECT_EQ(Count(**reader, "SELECT value FROM meta WHERE key = 'schema_version'"), 1);
  }
  // A writer brings it to this version; the relink finds every term from
  // the texts and gives the same register.
  Relink();
  {
    sqlite::Database db;
    ASSERT_TRUE(db.Open(db_path_, false).ok());
    EXPECT_EQ(Count(db, "SELECT value FROM meta WHERE key = 'schema_version'"), kSchemaVersion);
    EXPECT_EQ(Count(db, "SELECT count(*) FROM passage_terms"), 0);
  }
  EXPECT_EQ(Dump(), before);
  // Documents indexed from now on have their terms stored.
  {
    auto store = IndexStore::Open(db_path_);
    ASSERT_TRUE(store.ok());
    IndexOptions options;
    options.force = true;
    options.jobs = 2;
    const std::string data = std::string(XREF_SOURCE_DIR) + "/tests/data/";
    ASSERT_TRUE(IndexPaths(**store, {data + "third-corpus"}, options).ok());
    EXPECT_GT(Count((*store)->db(), "SELECT count(*) FROM passage_terms"), 50);
    EXPECT_LT(Count((*store)->db(), "SELECT count(*) FROM passage_terms"),
              Count((*store)->db(), "SELECT count(*) FROM passages"));
  }
  EXPECT_EQ(Dump(), before);
}

// Stored terms are used as they were found, so the rules that find terms
// must not change without kTermsVersion: this fingerprint of the terms of
// varied texts (names, quotations, months, hyphens, apostrophes, numbers,
// addresses) changes with any rule. When it fails, bump kTermsVersion in
// pipeline/link_terms.h and write both new values here.
TEST(StoredTermsVersionTest, TheTermRulesAreThoseOfTheVersion) {
  const char* const texts[] = {
      "The Government will provide £3.2 billion over three years from April 2027 for a Local Warmth Grant.",
      "Councils\u2019 \"Family Help\" teams and the Department of Health and Social Care's National Framework and "
      "Dashboard were discussed on Tuesday.",
      "See www.example.gov.uk or write to info@example.org about the children's social care pathfinders.",
      "Officers propose to bid to the programme for three schemes; the cost-of-living crisis deepened in 2023.",
      "RESOLVED that (a) weekly food waste collections be introduced for all households from 4 October 2027.",
      "An E-cycle Loan Scheme beside the Government-backed Home Upgrade Loan Scheme.",
  };
  uint64_t hash = 1469598103934665603ULL;  // FNV-1a over the blobs
  for (const char* text : texts) {
    for (unsigned char c : EncodeTerms(text)) {
      hash ^= c;
      hash *= 1099511628211ULL;
    }
  }
  EXPECT_EQ(kTermsVersion, 2);
  EXPECT_EQ(hash, 11385489612750765896ULL) << "the terms of a text changed: bump kTermsVersion and update this test";
}

}  // namespace
}  // namespace xref
