// The "xref" FTS5 tokenizer: the terms it makes, and what FTS5 then finds
// with it under porter, as users type their searches.
#include "index/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "index/sqlite.h"

namespace xref {
namespace {

std::vector<std::string> Terms(std::string_view text, TokenizeMode mode) {
  std::vector<std::string> out;
  for (const IndexToken& t : TokenizeText(text, mode)) out.push_back(t.text);
  return out;
}

TEST(TokenizerTest, WordsAreFoldedWithByteOffsets) {
  std::string text = "Café  COOPERATIVES naïve";
  std::vector<IndexToken> tokens = TokenizeText(text, TokenizeMode::kDocument);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].text, "cafe");
  EXPECT_EQ(text.substr(tokens[0].start, tokens[0].end - tokens[0].start), "Café");
  EXPECT_EQ(tokens[1].text, "cooperatives");
  EXPECT_EQ(text.substr(tokens[1].start, tokens[1].end - tokens[1].start), "COOPERATIVES");
  EXPECT_EQ(tokens[2].text, "naive");
  EXPECT_EQ(tokens[2].end, text.size());
  for (const IndexToken& t : tokens) EXPECT_FALSE(t.colocated);
}

struct CompoundCase {
  std::string text;
  std::vector<std::string> document;  // primary first, then colocated synonyms
  std::vector<std::string> query;
};

TEST(TokenizerTest, CompoundsKeepTheirPartsAndValuesAsSynonyms) {
  const std::vector<CompoundCase> cases = {
      {"£45m", {"£45m", "45m", "45000000", "£45000000"}, {"£45000000"}},
      {"£45 million", {"£45", "45", "45000000", "£45000000", "million"}, {"£45000000"}},
      {"£1.2bn", {"£1.2bn", "1.2bn", "1200000000", "£1200000000"}, {"£1200000000"}},
      {"£3,000", {"£3,000", "3,000", "3000", "£3000"}, {"£3000"}},
      {"3,500", {"3,500", "3500"}, {"3500"}},
      {"12.43", {"12.43"}, {"12.43"}},
      {"12%", {"12%", "12"}, {"12%"}},
      {"2023/24", {"2023-24", "2023", "24"}, {"2023-24"}},
      {"2023–24", {"2023-24", "2023", "24"}, {"2023-24"}},
      {"Post-16", {"post-16", "post", "16"}, {"post-16"}},
      {"children’s", {"children's", "children", "s"}, {"children's"}},
  };
  for (const CompoundCase& c : cases) {
    SCOPED_TRACE(c.text);
    std::vector<IndexToken> doc = TokenizeText(c.text, TokenizeMode::kDocument);
    EXPECT_EQ(Terms(c.text, TokenizeMode::kDocument), c.document);
    ASSERT_FALSE(doc.empty());
    EXPECT_FALSE(doc[0].colocated);
    for (size_t i = 1; i < doc.size(); ++i) EXPECT_TRUE(doc[i].colocated) << doc[i].text;
    EXPECT_EQ(Terms(c.text, TokenizeMode::kQuery), c.query);
  }
}

TEST(TokenizerTest, PunctuationAloneMakesNoTokens) {
  EXPECT_TRUE(TokenizeText("— … / - ()", TokenizeMode::kDocument).empty());
  EXPECT_TRUE(TokenizeText("", TokenizeMode::kQuery).empty());
}

TEST(TokenizerTest, InvalidUtf8DoesNotBreakOffsets) {
  std::string text = "abc \xff\xfe def";
  std::vector<IndexToken> tokens = TokenizeText(text, TokenizeMode::kDocument);
  ASSERT_GE(tokens.size(), 2u);
  EXPECT_EQ(tokens.front().text, "abc");
  EXPECT_EQ(tokens.back().text, "def");
  EXPECT_EQ(tokens.back().end, text.size());
}

// FTS5 with "porter xref": each search finds exactly the passages expected.
class Fts5Test : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(db_.Open(":memory:", false).ok());
    ASSERT_TRUE(RegisterXrefTokenizer(db_.get()).ok());
    ASSERT_TRUE(db_.Exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize = 'porter xref')").ok());
    sqlite::Statement insert = db_.Prepare("INSERT INTO t(rowid, text) VALUES (?1, ?2)");
    for (size_t i = 0; i < kRows.size(); ++i) {
      ASSERT_TRUE(insert.Bind(1, static_cast<int64_t>(i + 1)).Bind(2, kRows[i]).Run().ok());
    }
  }

  // The rows (1-based) that MATCH `query`.
  std::vector<int64_t> Match(const std::string& query) {
    sqlite::Statement st = db_.Prepare("SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid");
    st.Bind(1, query);
    std::vector<int64_t> rows;
    while (st.Step()) rows.push_back(st.ColumnInt64(0));
    EXPECT_TRUE(st.status().ok()) << query << ": " << st.status().ToString();
    return rows;
  }

  const std::vector<std::string> kRows = {
      "Families First for Children Pathfinder areas",               // 1
      "Regional Care Cooperatives will be tested",                  // 2
      "£45m to deliver the programme",                              // 3
      "£45 million over two years",                                 // 4
      "funding for 2023/24 and 2024-25",                            // 5
      "Post-16 education and post 16 choices",                      // 6
      "a rise of 12.43% in placements",                             // 7
      "Meet at the café",                                           // 8
      "the children’s services budget of £3,000,000",               // 9
      "kinship carers and kinship care",                            // 10
  };
  sqlite::Database db_;
};

TEST_F(Fts5Test, SearchesFindWhatUsersType) {
  struct Case {
    std::string query;
    std::vector<int64_t> rows;
  };
  const std::vector<Case> cases = {
      {"\"Pathfinders\"", {1}},
      {"\"pathfinder\"", {1}},
      {"\"COOPERATIVES\"", {2}},
      {"\"cooperative\"", {2}},
      {"\"£45m\"", {3, 4}},
      {"\"£45 million\"", {3, 4}},
      {"\"45m\"", {3}},
      {"\"2023/24\"", {5}},
      {"\"2023-24\"", {5}},
      {"\"2024/25\"", {5}},
      {"\"2023\"", {5}},
      {"\"Post-16\"", {6}},
      {"\"post\"", {6}},
      {"\"12.43\"", {7}},
      {"\"12.43%\"", {7}},
      {"\"cafe\"", {8}},
      {"\"CAFÉ\"", {8}},
      {"\"children's\"", {9}},
      {"\"children\"", {1, 9}},
      {"\"£3m\"", {9}},
      {"\"3,000,000\"", {9}},
      {"\"kinship carers\"", {10}},
      {"\"kinship carer\"", {10}},
      {"\"care\"", {2, 10}},
      {"pathfind*", {1}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Match(c.query), c.rows) << c.query;
  }
}

TEST_F(Fts5Test, HighlightUsesOriginalOffsets) {
  sqlite::Statement st = db_.Prepare(
      "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1 ORDER BY rowid");
  st.Bind(1, "\"£45m\"");
  ASSERT_TRUE(st.Step());
  EXPECT_EQ(st.ColumnText(0), "[£45m] to deliver the programme");
  ASSERT_TRUE(st.Step());
  EXPECT_EQ(st.ColumnText(0), "[£45 million] over two years");
}

}  // namespace
}  // namespace xref
