// Search: plain queries as users type them, FTS5 syntax on request, the
// filters, ranking, snippets, and strings that must never become SQL errors.
#include "index/search.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "index/indexer.h"
#include "index/store.h"
#include "index/tokenizer.h"

namespace xref {
namespace {

namespace fs = std::filesystem;

TEST(PlainQueryTest, WordsPhrasesAndPrefixes) {
  struct Case {
    std::string in;
    std::string out;
  };
  const std::vector<Case> cases = {
      {"kinship carers", "\"kinship\" \"carers\""},
      {"\"kinship carers\" pathfinder", "\"kinship carers\" \"pathfinder\""},
      {"“kinship carers”", "\"kinship carers\""},
      {"£45m 2023/24 Post-16", "\"£45m\" \"2023/24\" \"Post-16\""},
      {"£45 million", "\"£45 million\""},
      {"3 billion pounds", "\"3 billion\" \"pounds\""},
      {"child*", "\"child\"*"},
      {"say \"hi", "\"say\" \"hi\""},
      {"a\"b", "\"a\" \"b\""},
      {"AND OR NOT", "\"AND\" \"OR\" \"NOT\""},
      {"NEAR(x y)", "\"NEAR(x\" \"y)\""},
      {"- care -", "\"care\""},
  };
  for (const Case& c : cases) {
    Result<std::string> q = PlainQueryToFts5(c.in);
    ASSERT_TRUE(q.ok()) << c.in << ": " << q.status().ToString();
    EXPECT_EQ(*q, c.out) << c.in;
  }
  for (const char* nothing : {"", "   ", "\"\"", "- / *", "…"}) {
    Result<std::string> q = PlainQueryToFts5(nothing);
    ASSERT_FALSE(q.ok()) << nothing;
    EXPECT_EQ(q.status().code(), Status::Code::kInvalidArgument);
  }
}

// Indexes DIR/papers into DIR/xref.db with one extraction thread and checks
// that `added` documents went in.
void IndexPapers(const fs::path& dir, int added) {
  auto store = IndexStore::Open((dir / "xref.db").string());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  IndexOptions opts;
  opts.jobs = 1;
  Result<IndexSummary> r = IndexPaths(**store, {(dir / "papers").string()}, opts);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->added, added);
}

class SearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("xref_search_test_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_ / "papers");
    auto write = [](const std::string& name, const std::string& text) {
      std::ofstream(*dir_ / "papers" / name) << text;
    };
    write("transport.md",
          "# Home to school transport\n\n"
          "The Council will spend £12 million on school buses in April 2024.\n\n"
          "Post-16 students pay £300 a year for a pass.\n\n"
          "# Cooperatives\n\n"
          "Regional care cooperatives were mentioned once.\n");
    write("air.txt",
          "Air quality\n\n"
          "The Government will provide £45m for clean air zones by 2027.\n\n"
          "Nitrogen dioxide fell by 12.43% in 2022.\n\n"
          "School buses idle outside the gates.\n");
    write("housing.txt",
          "Housing\n\n"
          "We welcome the plan for 300 homes in 2030, and the school buses it adds.\n");
    IndexPapers(*dir_, 3);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  void SetUp() override {
    auto db = OpenIndexForReading((*dir_ / "xref.db").string());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
  }

  std::vector<std::string> Docs(SearchOptions opts) {
    Result<std::vector<SearchHit>> hits = Search(*db_, opts);
    EXPECT_TRUE(hits.ok()) << opts.query << ": " << hits.status().ToString();
    // Each document once, in the order of its best hit.
    std::vector<std::string> out;
    if (hits.ok()) {
      for (const SearchHit& h : *hits) {
        std::string name = fs::path(h.doc).filename().string();
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
      }
    }
    return out;
  }
  std::vector<std::string> Docs(const std::string& query) {
    SearchOptions opts;
    opts.query = query;
    return Docs(opts);
  }

  static fs::path* dir_;
  std::unique_ptr<sqlite::Database> db_;
};
fs::path* SearchTest::dir_ = nullptr;

TEST_F(SearchTest, FindsWhatUsersType) {
  EXPECT_EQ(Docs("cooperative"), std::vector<std::string>{"transport.md"});
  EXPECT_EQ(Docs("COOPERATIVES"), std::vector<std::string>{"transport.md"});
  EXPECT_EQ(Docs("£45 million"), std::vector<std::string>{"air.txt"});
  EXPECT_EQ(Docs("post-16"), std::vector<std::string>{"transport.md"});
  EXPECT_EQ(Docs("12.43%"), std::vector<std::string>{"air.txt"});
  EXPECT_EQ(Docs("\"clean air zones\""), std::vector<std::string>{"air.txt"});
  EXPECT_TRUE(Docs("\"air clean zones\"").empty());
  EXPECT_TRUE(Docs("kinship").empty());
}

TEST_F(SearchTest, HitsCarryPlaceAndHighlightedSnippet) {
  SearchOptions opts;
  opts.query = "clean air";
  Result<std::vector<SearchHit>> hits = Search(*db_, opts);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  const SearchHit& h = (*hits)[0];
  EXPECT_EQ(h.snippet, "The Government will provide £45m for [clean] [air] zones by 2027.");
  EXPECT_EQ(h.section, "Air quality");
  EXPECT_EQ(h.kind, "paragraph");
  EXPECT_EQ(h.passage, 2);
  EXPECT_FALSE(h.page.has_value());
  EXPECT_GT(h.score, 0);
}

TEST_F(SearchTest, TextMatchesOutrankSectionMatches) {
  // "transport" is in the text of transport.md's first heading and in the
  // section of the passages under it: the heading comes first.
  SearchOptions opts;
  opts.query = "transport";
  Result<std::vector<SearchHit>> hits = Search(*db_, opts);
  ASSERT_TRUE(hits.ok());
  ASSERT_GE(hits->size(), 3u);
  EXPECT_EQ((*hits)[0].kind, "heading");
  for (size_t i = 1; i < hits->size(); ++i) {
    EXPECT_LE((*hits)[i].score, (*hits)[i - 1].score);
    EXPECT_EQ((*hits)[i].section, "Home to school transport");
  }
  opts.limit = 1;
  EXPECT_EQ(Docs(opts).size(), 1u);
}

TEST_F(SearchTest, Filters) {
  SearchOptions opts;
  opts.query = "school buses";
  opts.doc_glob = "*.txt";
  EXPECT_EQ(Docs(opts), (std::vector<std::string>{"air.txt", "housing.txt"}));
  opts.doc_glob = "papers/transport*";
  EXPECT_TRUE(Docs(opts).empty());  // relative to the test's cwd, not papers/
  opts.doc_glob = "transport*";
  EXPECT_EQ(Docs(opts), std::vector<std::string>{"transport.md"});

  SearchOptions money;
  money.query = "will";
  money.has = {"money"};
  std::vector<std::string> with_money = Docs(money);
  std::sort(with_money.begin(), with_money.end());
  EXPECT_EQ(with_money, (std::vector<std::string>{"air.txt", "transport.md"}));
  money.min_amount = 20e6;
  EXPECT_EQ(Docs(money), std::vector<std::string>{"air.txt"});

  SearchOptions dates;
  dates.query = "school";
  dates.after = "2029";
  EXPECT_EQ(Docs(dates), std::vector<std::string>{"housing.txt"});
  dates.after = "2024-04";
  dates.before = "2024-05-01";
  EXPECT_EQ(Docs(dates), std::vector<std::string>{"transport.md"});

  SearchOptions bad;
  bad.query = "school";
  bad.has = {"sums"};
  EXPECT_EQ(Search(*db_, bad).status().code(), Status::Code::kInvalidArgument);
  bad.has.clear();
  bad.after = "next year";
  EXPECT_EQ(Search(*db_, bad).status().code(), Status::Code::kInvalidArgument);
}

TEST_F(SearchTest, Fts5Syntax) {
  SearchOptions opts;
  opts.syntax = QuerySyntax::kFts5;
  opts.query = "buses NOT housing NOT air";
  EXPECT_EQ(Docs(opts), std::vector<std::string>{"transport.md"});
  opts.query = "NEAR(clean zones, 2)";
  EXPECT_EQ(Docs(opts), std::vector<std::string>{"air.txt"});
  opts.query = "coop*";
  EXPECT_EQ(Docs(opts), std::vector<std::string>{"transport.md"});
  opts.query = "section:cooperatives";
  EXPECT_EQ(Docs(opts), std::vector<std::string>{"transport.md"});
}

// Whatever a user types gives hits, nothing, or a one-line explanation.
TEST_F(SearchTest, NoStringBecomesAnSqlErrorOrCrash) {
  const std::vector<std::string> nasty = {
      "\"", "\"\"\"", "'", "*", "**", "AND", "OR NOT", "NEAR(", "NEAR(a b", "col:", ":", "^",
      "(", ")", "()", "{a b}", "a -b", "+", "a OR", "x\\", "\xff\xfe", "🙂", "NOT", "%", "_",
      "' OR 1=1; DROP TABLE documents; --", "a\x01" "b", std::string(2000, 'a'), "£", "2023/",
      "-16", "&", "a&b", "\"a\" \"", "NEAR(\"a\" \"b\", -1)"};
  for (QuerySyntax syntax : {QuerySyntax::kPlain, QuerySyntax::kFts5}) {
    for (const std::string& q : nasty) {
      SearchOptions opts;
      opts.syntax = syntax;
      opts.query = q;
      Result<std::vector<SearchHit>> hits = Search(*db_, opts);
      if (!hits.ok()) {
        EXPECT_EQ(hits.status().code(), Status::Code::kInvalidArgument) << q;
        EXPECT_EQ(hits.status().ToString().find('\n'), std::string::npos) << q;
      }
    }
  }
  EXPECT_EQ(Docs("documents").size(), 0u);
  sqlite::Statement st = db_->Prepare("SELECT count(*) FROM documents");
  ASSERT_TRUE(st.Step());
  EXPECT_EQ(st.ColumnInt64(0), 3);
}

TEST(OpenIndexForReadingTest, MissingIndexSaysWhatToDo) {
  auto db = OpenIndexForReading("/nonexistent/dir/xref.db");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), Status::Code::kNotFound);
  EXPECT_NE(db.status().what().find("xref index"), std::string::npos);
}

}  // namespace
}  // namespace xref

namespace xref {
namespace {

// Found by tests/fuzz/search_query_fuzz.cc: user input quoted in an error
// (a --before date, a query with no words, a --has kind, FTS5's own message)
// broke the one-line error when it held a newline. The fuzzer's input was
// query "shipJ\324\004", --doc "``", --before "cs\n\"famisrootnder*>".
TEST_F(SearchTest, ErrorsQuotingUserInputStayOnOneLine) {
  struct Case {
    std::string query, has, after, before;
    QuerySyntax syntax = QuerySyntax::kPlain;
  };
  const std::vector<Case> cases = {
      {"ship\x4a\xd4\x04", "", "", "cs\n\"famisrootnder*>"},
      {"- \n -", "", "", ""},
      {"care", "money\nvalue", "", ""},
      {"care", "", "2023\r\n", ""},
      {"\"a\n b\" AND (", "", "", "", QuerySyntax::kFts5},
      {std::string(500, '\n') + "\x7f", "", "", ""},
  };
  for (const Case& c : cases) {
    SearchOptions opts;
    opts.query = c.query;
    if (!c.has.empty()) opts.has.push_back(c.has);
    opts.after = c.after;
    opts.before = c.before;
    opts.syntax = c.syntax;
    Result<std::vector<SearchHit>> hits = Search(*db_, opts);
    ASSERT_FALSE(hits.ok()) << c.query;
    EXPECT_EQ(hits.status().code(), Status::Code::kInvalidArgument) << hits.status().ToString();
    EXPECT_EQ(hits.status().ToString().find('\n'), std::string::npos) << hits.status().ToString();
    EXPECT_EQ(hits.status().ToString().find('\r'), std::string::npos) << hits.status().ToString();
    EXPECT_LT(hits.status().ToString().size(), 200u) << hits.status().ToString();
  }
}

}  // namespace
}  // namespace xref

namespace xref {
namespace {

// (passage id, score) of the hits, as Search gives them.
std::vector<std::pair<int64_t, double>> Ranked(sqlite::Database& db, const SearchOptions& opts) {
  Result<std::vector<SearchHit>> hits = Search(db, opts);
  EXPECT_TRUE(hits.ok()) << hits.status().ToString();
  std::vector<std::pair<int64_t, double>> out;
  if (hits.ok()) {
    for (const SearchHit& h : *hits) out.emplace_back(h.passage_id, h.score);
  }
  return out;
}

// A corpus where the best-ranked passages for "kinship" are the ones the
// filters reject: 20 files of short kinship passages without sums (ranked
// first: short rows score higher), one file of longer ones with sums, and
// filler passages between them, so that matches come in runs and gaps (the
// row-length walk of xref_bm25 steps through the runs and seeks over the gaps).
class RankedFilterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("xref_ranked_filter_test_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_ / "papers");
    const char* const kTowns[] = {"Leicester", "Derby", "Nottingham", "Lincoln", "Coventry"};
    for (int f = 0; f < 20; ++f) {
      std::ofstream out(*dir_ / "papers" / ("short-" + std::to_string(100 + f) + ".txt"));
      for (int i = 0; i < 10; ++i) {
        out << "Kinship care in " << kTowns[(f + i) % 5] << " ward " << f * 10 + i << ".\n\n";
        out << "Filler about roads " << i << " and bridges " << f << " in the county.\n\n";
      }
    }
    {
      std::ofstream out(*dir_ / "papers" / "long.txt");
      for (int i = 0; i < 30; ++i) {
        out << "The council discussed kinship support with its partners in " << kTowns[i % 5]
            << " and will spend £" << (i + 2) << " million on it over " << (i % 4 + 2)
            << " years, beginning in April 2025" << std::string(static_cast<size_t>(i % 3), '!')
            << ".\n\n";
      }
    }
    {
      std::ofstream out(*dir_ / "papers" / "filler.txt");
      for (int i = 0; i < 200; ++i) {
        out << "Highways paragraph " << i << " on potholes" << std::string(static_cast<size_t>(i % 7), ' ')
            << " and gritting " << (i % 2 ? "kinship" : "roads") << " routes" << (i % 5 ? "." : " in winter.")
            << "\n\n";
      }
    }
    IndexPapers(*dir_, 22);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  void SetUp() override {
    auto db = OpenIndexForReading((*dir_ / "xref.db").string());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
  }

  // The same, from one query over every matching passage with FTS5's own
  // bm25 and the filters in its WHERE clause: what Search must equal.
  std::vector<std::pair<int64_t, double>> Reference(const std::string& match, const std::string& where, int limit) {
    sqlite::Statement st = db_->Prepare(
        "SELECT p.id, -bm25(passages_fts, 1.0, 0.25) AS score FROM passages_fts "
        "JOIN passages p ON p.id = passages_fts.rowid JOIN documents d ON d.id = p.doc_id "
        "WHERE passages_fts MATCH ?1" + where + " ORDER BY bm25(passages_fts, 1.0, 0.25), p.id LIMIT ?2");
    EXPECT_TRUE(st.valid()) << where;
    std::vector<std::pair<int64_t, double>> out;
    st.Bind(1, match).Bind(2, limit);
    while (st.Step()) out.emplace_back(st.ColumnInt64(0), st.ColumnDouble(1));
    EXPECT_TRUE(st.status().ok()) << st.status().ToString();
    return out;
  }

  static fs::path* dir_;
  std::unique_ptr<sqlite::Database> db_;
};
fs::path* RankedFilterTest::dir_ = nullptr;

TEST_F(RankedFilterTest, XrefBm25GivesBm25sScoresToTheBit) {
  for (const char* match : {"kinship", "kinship care", "\"kinship care\"", "kinship OR roads", "roads NOT kinship",
                            "NEAR(kinship support, 3)", "section:kinship", "kin*", "winter", "council"}) {
    // Forward (the order matches come in), backward (every row sought), and
    // the lengths of rows the walk skips over are never used.
    for (const char* order : {"rowid", "rowid DESC"}) {
      sqlite::Statement st = db_->Prepare(
          std::string("SELECT rowid, bm25(passages_fts, 1.0, 0.25), xref_bm25(passages_fts, 1.0, 0.25), "
                      "bm25(passages_fts), xref_bm25(passages_fts) FROM passages_fts "
                      "WHERE passages_fts MATCH ?1 ORDER BY ") + order);
      ASSERT_TRUE(st.valid());
      st.Bind(1, match);
      int rows = 0;
      while (st.Step()) {
        ++rows;
        EXPECT_EQ(st.ColumnDouble(1), st.ColumnDouble(2)) << match << " row " << st.ColumnInt64(0);
        EXPECT_EQ(st.ColumnDouble(3), st.ColumnDouble(4)) << match << " row " << st.ColumnInt64(0);
      }
      EXPECT_TRUE(st.status().ok()) << st.status().ToString();
      if (std::string(match) != "section:kinship") {
        EXPECT_GT(rows, 0) << match;
      }
    }
  }
}

TEST_F(RankedFilterTest, FiltersThatRejectTheBestRowsStillGiveTheBestPassingOnes) {
  // More than the first window (100 rows) of short kinship passages rank
  // above every passage with a sum.
  const std::vector<std::pair<int64_t, double>> best = Reference("kinship", "", 150);
  ASSERT_EQ(best.size(), 150u);
  SearchOptions plain;
  plain.query = "kinship";
  plain.limit = 150;
  EXPECT_EQ(Ranked(*db_, plain), best);

  SearchOptions money;
  money.query = "kinship";
  money.has = {"money"};
  const auto with_money =
      Reference("\"kinship\"", " AND EXISTS (SELECT 1 FROM tags t WHERE t.passage_id = p.id AND t.kind = 'money')", 20);
  ASSERT_EQ(with_money.size(), 20u);
  for (const auto& hit : with_money) {
    EXPECT_EQ(std::find(best.begin(), best.begin() + 100, hit), best.begin() + 100);
  }
  EXPECT_EQ(Ranked(*db_, money), with_money);

  money.min_amount = 20e6;
  EXPECT_EQ(Ranked(*db_, money),
            Reference("\"kinship\"",
                      " AND EXISTS (SELECT 1 FROM tags t WHERE t.passage_id = p.id AND t.kind = 'money' "
                      "AND t.amount >= 20e6)",
                      20));

  SearchOptions dates;
  dates.query = "kinship";
  dates.after = "2025-04";
  dates.limit = 7;
  EXPECT_EQ(Ranked(*db_, dates), Reference("\"kinship\"",
                                           " AND EXISTS (SELECT 1 FROM tags t WHERE t.passage_id = p.id AND "
                                           "t.kind = 'date' AND (t.date_start IS NOT NULL OR t.date_end IS NOT "
                                           "NULL) AND (t.date_end IS NULL OR t.date_end >= '2025-04-01'))",
                                           7));
}

TEST_F(RankedFilterTest, DocFiltersOnFewAndOnManyDocuments) {
  struct Case {
    // Of 22 documents: 1 (its passages listed for the ranking query), 10
    // (each matching row's document checked in the ranking query), 22
    // (checked on the ranked rows), none.
    std::string glob;
    std::string where;
  };
  const std::vector<Case> cases = {
      {"long.txt", " AND d.path LIKE '%/long.txt'"},
      {"filler*", " AND d.path LIKE '%/filler.txt'"},
      {"short-10*", " AND d.path LIKE '%/short-10_.txt'"},
      {"*.txt", ""},
      {"nothing*", " AND 0"},
  };
  for (const Case& c : cases) {
    for (int limit : {1, 20, 500}) {
      SearchOptions opts;
      opts.query = "kinship";
      opts.doc_glob = c.glob;
      opts.limit = limit;
      EXPECT_EQ(Ranked(*db_, opts), Reference("\"kinship\"", c.where, limit)) << c.glob << " " << limit;
    }
  }
}

TEST_F(RankedFilterTest, SameHitsWithoutXrefsFunctions) {
  // A connection that has only the tokenizer (not opened with
  // OpenIndexForReading) ranks with FTS5's bm25 and checks --doc per row.
  sqlite::Database plain_db;
  ASSERT_TRUE(plain_db.Open((*dir_ / "xref.db").string(), /*read_only=*/true).ok());
  ASSERT_TRUE(RegisterXrefTokenizer(plain_db.get()).ok());
  for (const char* glob : {"", "long.txt", "short-1*"}) {
    SearchOptions opts;
    opts.query = "kinship";
    opts.doc_glob = glob;
    opts.has = {"money"};
    EXPECT_EQ(Ranked(plain_db, opts), Ranked(*db_, opts)) << glob;
    opts.has.clear();
    EXPECT_EQ(Ranked(plain_db, opts), Ranked(*db_, opts)) << glob;
  }
}

TEST_F(RankedFilterTest, QueriesWalkedPhraseByPhraseRankAsFts5) {
  // One phrase, and "P NOT Q ...", are ranked from xQueryPhrase walks of
  // each phrase's rows; other shapes by the statement's own cursor. Either
  // way the hits and scores of FTS5's bm25 over every match.
  struct Case {
    const char* match;
    int limit;
  };
  const Case cases[] = {
      {"kinship", 500},
      {"\"kinship care\"", 200},
      {"section:kinship", 20},
      {"roads NOT kinship", 300},
      {"kinship NOT roads NOT winter", 300},
      {"\"kinship care\" NOT Leicester", 100},
      {"kinship NOT \"kinship support\"", 100},
      {"gritting NOT winter NOT roads", 50},
      {"kinship NOT kinship", 20},
      {"kinship NOT zzzqqq", 20},
      {"(roads) NOT kinship", 100},
      {"roads NOT kinship OR winter", 100},
      {"roads NOT (kinship OR winter)", 100},
      {"roads NOT section:kinship", 100},
  };
  for (const Case& c : cases) {
    SearchOptions opts;
    opts.query = c.match;
    opts.syntax = QuerySyntax::kFts5;
    opts.limit = c.limit;
    const auto want = Reference(c.match, "", c.limit);
    if (std::string(c.match) != "kinship NOT kinship" && std::string(c.match) != "section:kinship") {
      EXPECT_FALSE(want.empty()) << c.match;
    }
    EXPECT_EQ(Ranked(*db_, opts), want) << c.match;
  }
}

TEST_F(RankedFilterTest, SnippetsAreFts5sForEachHit) {
  // Snippets are made by one query over the rowid range of a run of hits
  // (a prefix query's: all of them): each must be FTS5's snippet of that
  // row alone.
  sqlite::Statement reference = db_->Prepare(
      "SELECT snippet(passages_fts, -1, '[', ']', '…', 32) FROM passages_fts "
      "WHERE passages_fts MATCH ?1 AND rowid = ?2");
  ASSERT_TRUE(reference.valid());
  struct Case {
    const char* query;
    QuerySyntax syntax;
    const char* glob;
    int limit;
  };
  const Case cases[] = {
      {"kin*", QuerySyntax::kPlain, "", 20},      {"kin*", QuerySyntax::kPlain, "", 300},
      {"kin* care", QuerySyntax::kPlain, "", 50}, {"road* OR kinship", QuerySyntax::kFts5, "", 40},
      {"kin*", QuerySyntax::kPlain, "long.txt", 10}, {"kin*", QuerySyntax::kPlain, "short-1*", 30},
      {"\"kinship care\"", QuerySyntax::kPlain, "", 20}, {"kinship", QuerySyntax::kPlain, "", 20},
      {"kinship", QuerySyntax::kPlain, "", 300},  {"roads NOT kinship", QuerySyntax::kFts5, "", 200},
      {"\"kinship care\" NOT Leicester", QuerySyntax::kFts5, "", 60},
  };
  for (const Case& c : cases) {
    SearchOptions opts;
    opts.query = c.query;
    opts.syntax = c.syntax;
    opts.doc_glob = c.glob;
    opts.limit = c.limit;
    Result<std::vector<SearchHit>> hits = Search(*db_, opts);
    ASSERT_TRUE(hits.ok()) << hits.status().ToString();
    ASSERT_FALSE(hits->empty()) << c.query;
    const std::string match = c.syntax == QuerySyntax::kPlain ? *PlainQueryToFts5(c.query) : c.query;
    for (const SearchHit& h : *hits) {
      reference.Reset();
      reference.Bind(1, match).Bind(2, h.passage_id);
      ASSERT_TRUE(reference.Step()) << c.query << " " << h.passage_id;
      EXPECT_EQ(h.snippet, reference.ColumnText(0)) << c.query << " " << h.passage_id;
      EXPECT_NE(h.snippet.find('['), std::string::npos) << c.query << " " << h.snippet;
    }
  }
}

TEST_F(RankedFilterTest, LaterSearchesOnAConnectionRankAsTheFirst) {
  // A connection's first search looks row lengths up; later ones rank with
  // the lengths it keeps (and count a single phrase's rows as they come).
  // Both must give the same hits with the same scores, to the bit.
  struct Case {
    std::string query;
    QuerySyntax syntax;
    std::string glob;
    std::vector<std::string> has;
    int limit;
  };
  const QuerySyntax plain = QuerySyntax::kPlain, fts5 = QuerySyntax::kFts5;
  const std::vector<Case> cases = {
      {"kinship", plain, "", {}, 20},
      {"kinship", plain, "", {}, 1},
      {"kinship", plain, "", {}, 500},
      {"kinship care", plain, "", {}, 20},
      {"\"kinship care\"", plain, "", {}, 20},
      {"kin*", plain, "", {}, 20},
      {"winter", plain, "", {}, 20},
      {"kinship", plain, "", {"money"}, 20},
      {"kinship", plain, "long.txt", {}, 20},
      {"kinship", plain, "short-1*", {}, 50},
      {"kinship OR roads", fts5, "", {}, 20},
      {"roads NOT kinship", fts5, "", {}, 20},
      {"NEAR(kinship support, 3)", fts5, "", {}, 20},
      {"section:kinship", fts5, "", {}, 20},
  };
  auto options = [](const Case& c) {
    SearchOptions opts;
    opts.query = c.query;
    opts.syntax = c.syntax;
    opts.doc_glob = c.glob;
    opts.has = c.has;
    opts.limit = c.limit;
    return opts;
  };
  std::vector<std::vector<std::pair<int64_t, double>>> first;
  for (const Case& c : cases) {
    auto fresh = OpenIndexForReading((*dir_ / "xref.db").string());
    ASSERT_TRUE(fresh.ok()) << fresh.status().ToString();
    first.push_back(Ranked(**fresh, options(c)));
  }
  for (int round = 0; round < 2; ++round) {
    for (size_t i = 0; i < cases.size(); ++i) {
      EXPECT_EQ(Ranked(*db_, options(cases[i])), first[i]) << cases[i].query << " round " << round;
    }
  }
  EXPECT_EQ(first[0], Reference("\"kinship\"", "", 20));
  EXPECT_EQ(first[2], Reference("\"kinship\"", "", 500));
  EXPECT_EQ(first[4], Reference("\"kinship care\"", "", 20));
}

// A connection keeps the row lengths between searches; a change to the index,
// by another connection or by its own, must not leave them stale.
TEST(SearchLengthsTest, KeptLengthsFollowChangesToTheIndex) {
  const fs::path dir = fs::temp_directory_path() / ("xref_search_lengths_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "papers");
  auto write = [&](const std::string& name, const std::string& text) { std::ofstream(dir / "papers" / name) << text; };
  write("a.txt", "Kinship care.\n\nKinship carers and the council, with many more words after them here.\n");
  write("b.txt", "Roads and kinship.\n\nGritting routes.\n");
  IndexPapers(dir, 2);
  const std::string db_path = (dir / "xref.db").string();
  auto ranked = [](sqlite::Database& db) {
    SearchOptions opts;
    opts.query = "kinship";
    Result<std::vector<SearchHit>> hits = Search(db, opts);
    EXPECT_TRUE(hits.ok()) << hits.status().ToString();
    std::vector<std::pair<std::string, double>> out;
    if (hits.ok()) {
      for (const SearchHit& h : *hits) out.emplace_back(h.snippet, h.score);
    }
    return out;
  };
  auto fresh = [&] {
    auto db = OpenIndexForReading(db_path);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return ranked(**db);
  };
  auto reader = OpenIndexForReading(db_path);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ(ranked(**reader), fresh());
  EXPECT_EQ(ranked(**reader), fresh());  // now with the lengths kept

  // Another connection rewrites b.txt: its passages change length and ids,
  // while a.txt's, which match first, stay as they were.
  auto store = IndexStore::Open(db_path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  IndexOptions opts;
  opts.jobs = 1;
  auto refresh = [&](const std::string& b_text) {
    write("b.txt", b_text);
    Result<IndexSummary> r = RefreshIndex(**store, opts);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_EQ(r->changed, 1);
  };
  refresh("Roads and kinship, now described at much greater length than before, in one passage.\n\nKinship.\n");
  EXPECT_EQ(ranked(**reader), fresh());
  EXPECT_EQ(ranked(**reader), fresh());
  // The writing connection searches too, before and after its own change.
  EXPECT_EQ(ranked((*store)->db()), fresh());
  EXPECT_EQ(ranked((*store)->db()), fresh());
  refresh("Roads.\n\nGritting routes and kinship, and kinship again.\n\nA third kinship passage.\n");
  EXPECT_EQ(ranked((*store)->db()), fresh());
  store->reset();
  const auto now = fresh();
  EXPECT_EQ(now.size(), 4u);
  EXPECT_EQ(ranked(**reader), now);
  EXPECT_EQ(ranked(**reader), now);
  fs::remove_all(dir);
}

// An index run stores every passage's length (search_lengths) for a later
// connection's first search; a write to the index that does not store them
// again (here an UPDATE of one passage, as another tool might do) must make
// searches rank with the index's own lengths, not the stored ones.
TEST(SearchLengthsTest, StoredLengthsAreUsedOnlyWhileTheyMatchTheIndex) {
  const fs::path dir = fs::temp_directory_path() / ("xref_stored_lengths_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "papers");
  for (int i = 0; i < 6; ++i) {
    std::ofstream(dir / "papers" / ("p" + std::to_string(i) + ".txt"))
        << "Kinship care in part " << i << ".\n\nKinship carers and the council"
        << std::string(static_cast<size_t>(i), ' ') << std::string(static_cast<size_t>(3 * i), 'x')
        << " with more words here.\n\nRoads.\n";
  }
  IndexPapers(dir, 6);
  const std::string db_path = (dir / "xref.db").string();
  // (passage id, score) of "kinship": Search's, and FTS5's own bm25 order.
  auto ranked = [&](sqlite::Database& db) {
    SearchOptions opts;
    opts.query = "kinship";
    return Ranked(db, opts);
  };
  auto reference = [&](sqlite::Database& db) {
    sqlite::Statement st = db.Prepare(
        "SELECT rowid, -bm25(passages_fts, 1.0, 0.25) FROM passages_fts WHERE passages_fts MATCH 'kinship' "
        "ORDER BY bm25(passages_fts, 1.0, 0.25), rowid LIMIT 20");
    std::vector<std::pair<int64_t, double>> out;
    while (st.Step()) out.emplace_back(st.ColumnInt64(0), st.ColumnDouble(1));
    EXPECT_TRUE(st.status().ok()) << st.status().ToString();
    return out;
  };
  {
    auto db = OpenIndexForReading(db_path);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    sqlite::Statement stored = (*db)->Prepare("SELECT length(lengths) FROM search_lengths WHERE id = 1");
    ASSERT_TRUE(stored.Step()) << "the index run stored no lengths";
    EXPECT_GT(stored.ColumnInt64(0), 0);
    const auto want = reference(**db);
    ASSERT_EQ(want.size(), 12u);
    EXPECT_EQ(ranked(**db), want);
  }
  // Lengthen the last kinship passage but one (the first matching row is
  // checked against FTS5 on its own) behind the indexer's back.
  {
    auto store = IndexStore::Open(db_path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    sqlite::Statement last = (*store)->db().Prepare(
        "SELECT rowid FROM passages_fts WHERE passages_fts MATCH 'kinship' ORDER BY rowid DESC LIMIT 1 OFFSET 1");
    ASSERT_TRUE(last.Step());
    const int64_t id = last.ColumnInt64(0);
    sqlite::Statement update = (*store)->db().Prepare(
        "UPDATE passages SET text = 'Kinship carers, ' || text || ' and many, many more words after that, "
        "one two three four five six seven eight nine ten eleven twelve.' WHERE id = ?1");
    update.Bind(1, id);
    update.Step();
    ASSERT_TRUE(update.status().ok()) << update.status().ToString();
  }
  auto db = OpenIndexForReading(db_path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  const auto want = reference(**db);
  EXPECT_EQ(ranked(**db), want);
  EXPECT_EQ(ranked(**db), want);  // the connection's own lengths, loaded on its second search
  // The next run stores them again.
  {
    auto store = IndexStore::Open(db_path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    IndexOptions opts;
    opts.jobs = 1;
    ASSERT_TRUE(RefreshIndex(**store, opts).ok());
    EXPECT_EQ(ranked((*store)->db()), want);
  }
  auto again = OpenIndexForReading(db_path);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(ranked(**again), want);
  fs::remove_all(dir);
}

// An index run stores each common term's number of rows (search_terms), so
// that a query of several phrases need not count them before ranking; the
// counts are used only while they match the index (a write since, here an
// UPDATE behind the indexer's back, makes FTS5 count again), and the scores
// stay bm25's.
TEST(SearchTermsTest, StoredTermCountsAreUsedOnlyWhileTheyMatchTheIndex) {
  const fs::path dir = fs::temp_directory_path() / ("xref_stored_terms_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "papers");
  for (int i = 0; i < 24; ++i) {
    std::ofstream(dir / "papers" / ("p" + std::to_string(i) + ".txt"))
        << "Kinship care in part " << i << ".\n\nKinship carers and social workers"
        << std::string(static_cast<size_t>(i % 5), ' ') << std::string(static_cast<size_t>(2 * (i % 7)), 'x')
        << " with more words here" << (i % 3 == 0 ? ", and roads" : "") << ".\n\nRoads and social housing.\n";
    // Other passages, so that the terms above are in fewer than half the
    // rows (else bm25's idf is the same floor for any count).
    for (int j = 0; j < 6; ++j) std::ofstream(dir / "papers" / ("p" + std::to_string(i) + ".txt"), std::ios::app)
        << "\nGritting route " << j << " in district " << i << ".\n";
  }
  IndexPapers(dir, 24);
  const std::string db_path = (dir / "xref.db").string();
  struct Case {
    std::string query;
    QuerySyntax syntax;
    std::string fts5;  // the same query in FTS5's syntax, for bm25()
  };
  const std::vector<Case> cases = {
      {"kinship social", QuerySyntax::kPlain, "\"kinship\" \"social\""},
      {"kinship NOT roads", QuerySyntax::kFts5, "kinship NOT roads"},
      {"NEAR(social workers, 3) OR roads", QuerySyntax::kFts5, "NEAR(social workers, 3) OR roads"},
  };
  auto ranked = [&](sqlite::Database& db, const Case& c) {
    SearchOptions opts;
    opts.query = c.query;
    opts.syntax = c.syntax;
    return Ranked(db, opts);
  };
  auto reference = [&](sqlite::Database& db, const Case& c) {
    sqlite::Statement st = db.Prepare(
        "SELECT rowid, -bm25(passages_fts, 1.0, 0.25) FROM passages_fts WHERE passages_fts MATCH ?1 "
        "ORDER BY bm25(passages_fts, 1.0, 0.25), rowid LIMIT 20");
    st.Bind(1, c.fts5);
    std::vector<std::pair<int64_t, double>> out;
    while (st.Step()) out.emplace_back(st.ColumnInt64(0), st.ColumnDouble(1));
    EXPECT_TRUE(st.status().ok()) << st.status().ToString();
    return out;
  };
  {
    auto db = OpenIndexForReading(db_path);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    sqlite::Statement stored = (*db)->Prepare("SELECT count(*) FROM search_terms WHERE docs >= 16");
    ASSERT_TRUE(stored.Step()) << "the index run stored no term counts";
    EXPECT_GE(stored.ColumnInt64(0), 3);
    for (const Case& c : cases) {
      const auto want = reference(**db, c);
      ASSERT_GE(want.size(), 10u) << c.query;
      EXPECT_EQ(ranked(**db, c), want) << c.query;
      EXPECT_EQ(ranked(**db, c), want) << c.query << " (again)";
    }
  }
  // The counts are what the ranking uses: wrong ones, stored as current,
  // change the scores.
  {
    auto store = IndexStore::Open(db_path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->db().Exec("UPDATE search_terms SET docs = docs - 7").ok());
  }
  {
    auto db = OpenIndexForReading(db_path);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    for (const Case& c : cases) EXPECT_NE(ranked(**db, c), reference(**db, c)) << c.query;
  }
  // A write to the index since the counts were stored: they are not used.
  {
    auto store = IndexStore::Open(db_path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    sqlite::Statement update = (*store)->db().Prepare(
        "UPDATE passages SET text = text || ' Kinship, social workers and roads.' WHERE id = "
        "(SELECT min(rowid) FROM passages_fts WHERE passages_fts MATCH 'roads')");
    update.Step();
    ASSERT_TRUE(update.status().ok()) << update.status().ToString();
  }
  {
    auto db = OpenIndexForReading(db_path);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    for (const Case& c : cases) {
      const auto want = reference(**db, c);
      EXPECT_EQ(ranked(**db, c), want) << c.query;
      EXPECT_EQ(ranked(**db, c), want) << c.query << " (again)";
    }
  }
  // The next run stores them again, and they are right.
  {
    auto store = IndexStore::Open(db_path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    IndexOptions opts;
    opts.jobs = 1;
    ASSERT_TRUE(RefreshIndex(**store, opts).ok());
  }
  {
    auto db = OpenIndexForReading(db_path);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    sqlite::Statement current = (*db)->Prepare("SELECT count(*) FROM search_terms_state");
    ASSERT_TRUE(current.Step());
    EXPECT_EQ(current.ColumnInt64(0), 1);
    for (const Case& c : cases) EXPECT_EQ(ranked(**db, c), reference(**db, c)) << c.query;
  }
  fs::remove_all(dir);
}

// The number of segments of passages_fts (FTS5's structure record: a 4-byte
// cookie, then varints: levels, segments).
int FtsSegments(sqlite::Database& db) {
  sqlite::Statement st = db.Prepare("SELECT block FROM passages_fts_data WHERE id = 10");
  if (!st.Step()) return -1;
  const std::string block = st.ColumnBlob(0);
  size_t at = 4;
  auto varint = [&] {
    uint64_t v = 0;
    while (at < block.size()) {
      const auto byte = static_cast<unsigned char>(block[at++]);
      v = (v << 7) | (byte & 0x7Fu);
      if ((byte & 0x80) == 0) break;
    }
    return v;
  };
  varint();  // levels
  return static_cast<int>(varint());
}

// Refreshes that change a few files each write FTS5 segments of their own; a
// search reads every one (and each snippet again), so a refresh that leaves
// too many merges them, and searches give the same hits as before.
TEST(SearchSegmentsTest, RefreshesDoNotLeaveTheFullTextIndexInManySegments) {
  const fs::path dir = fs::temp_directory_path() / ("xref_segments_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "papers");
  auto write = [&](int i, int version) {
    std::ofstream(dir / "papers" / ("p" + std::to_string(i) + ".txt"))
        << "Kinship care, part " << i << ", version " << version << ".\n\nRoads and social housing "
        << std::string(static_cast<size_t>(version % 4), 'x') << ".\n\nGritting routes " << i << ".\n";
    std::ofstream more(dir / "papers" / ("p" + std::to_string(i) + ".txt"), std::ios::app);
    for (int j = 0; j < 300; ++j) more << "\nParagraph " << j << " of part " << i << ", words w" << j * 7 + i << ".\n";
  };
  for (int i = 0; i < 12; ++i) write(i, 0);
  IndexPapers(dir, 12);
  const std::string db_path = (dir / "xref.db").string();
  auto store = IndexStore::Open(db_path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  sqlite::Database& db = (*store)->db();
  EXPECT_EQ(FtsSegments(db), 1);
  IndexOptions opts;
  opts.jobs = 1;
  int most = 0;
  for (int round = 1; round <= 8; ++round) {
    for (int i = 0; i < 3; ++i) write((round * 3 + i) % 12, round);
    Result<IndexSummary> r = RefreshIndex(**store, opts);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_EQ(r->changed, 3);
    most = std::max(most, FtsSegments(db));
    SearchOptions search;
    search.query = "kinship";
    std::vector<std::pair<int64_t, double>> want;
    sqlite::Statement st = db.Prepare(
        "SELECT rowid, -bm25(passages_fts, 1.0, 0.25) FROM passages_fts WHERE passages_fts MATCH 'kinship' "
        "ORDER BY bm25(passages_fts, 1.0, 0.25), rowid LIMIT 20");
    while (st.Step()) want.emplace_back(st.ColumnInt64(0), st.ColumnDouble(1));
    EXPECT_EQ(want.size(), 12u);
    EXPECT_EQ(Ranked(db, search), want) << "round " << round;
  }
  EXPECT_GE(most, 2);  // the refreshes did write segments of their own
  EXPECT_LE(most, 4);
  store->reset();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace xref

namespace xref {
namespace {

// xref_bm25 reads row lengths from passages_fts's own table; called on
// another FTS5 table it must notice and still give bm25's scores.
TEST(XrefBm25Test, OnAnotherTableStillGivesBm25) {
  sqlite::Database db;
  ASSERT_TRUE(db.Open(":memory:", /*read_only=*/false).ok());
  ASSERT_TRUE(RegisterSearchFunctions(db.get()).ok());
  ASSERT_TRUE(db.Exec("CREATE VIRTUAL TABLE passages_fts USING fts5(text, section);"
                      "CREATE VIRTUAL TABLE other USING fts5(text, section);")
                  .ok());
  sqlite::Statement fill_passages = db.Prepare("INSERT INTO passages_fts(rowid, text, section) VALUES (?1, ?2, '')");
  sqlite::Statement fill_other = db.Prepare("INSERT INTO other(rowid, text, section) VALUES (?1, ?2, 'care')");
  for (int i = 1; i <= 50; ++i) {
    ASSERT_TRUE(fill_passages.Bind(1, i).Bind(2, "care").Run().ok());
    std::string words = "care";
    for (int w = 0; w < i % 9; ++w) words += " word" + std::to_string(w);
    ASSERT_TRUE(fill_other.Bind(1, i).Bind(2, words).Run().ok());
  }
  sqlite::Statement st = db.Prepare(
      "SELECT rowid, bm25(other, 1.0, 0.25), xref_bm25(other, 1.0, 0.25) FROM other WHERE other MATCH 'care'");
  int rows = 0;
  while (st.Step()) {
    ++rows;
    EXPECT_EQ(st.ColumnDouble(1), st.ColumnDouble(2)) << "row " << st.ColumnInt64(0);
  }
  EXPECT_TRUE(st.status().ok()) << st.status().ToString();
  EXPECT_EQ(rows, 50);
}

}  // namespace
}  // namespace xref
