// Search: plain queries as users type them, FTS5 syntax on request, the
// filters, ranking, snippets, and strings that must never become SQL errors.
#include "index/search.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "index/indexer.h"
#include "index/store.h"

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
    auto store = IndexStore::Open((*dir_ / "xref.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    IndexOptions opts;
    opts.jobs = 1;
    Result<IndexSummary> r = IndexPaths(**store, {(*dir_ / "papers").string()}, opts);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_EQ(r->added, 3);
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
