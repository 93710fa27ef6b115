// The "xref" FTS5 tokenizer: the terms it makes, and what FTS5 then finds
// with it under porter, as users type their searches.
#include "index/tokenizer.h"

#include <gtest/gtest.h>

#include <cstdint>
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

// The tokenizer as FTS5 calls it: snippet() and highlight() ask for the
// tokens of a hit's columns (FTS5_TOKENIZE_AUX), several times per snippet,
// and the instance replays a recent text's tokens instead of breaking it
// into words again. Replayed or not, the tokens must be the text's own.
class XrefTokenizerCallTest : public ::testing::Test {
 protected:
  struct Collected {
    std::vector<IndexToken> tokens;
    size_t stop_after = SIZE_MAX;  // return stop_rc when this many are in
    int stop_rc = SQLITE_OK;
  };

  static int Collect(void* ctx, int tflags, const char* token, int n, int start, int end) {
    auto* c = static_cast<Collected*>(ctx);
    if (c->tokens.size() == c->stop_after) return c->stop_rc;
    c->tokens.push_back({std::string(token, static_cast<size_t>(n)), static_cast<size_t>(start),
                         static_cast<size_t>(end), (tflags & FTS5_TOKEN_COLOCATED) != 0});
    return SQLITE_OK;
  }

  void SetUp() override {
    ASSERT_TRUE(db_.Open(":memory:", false).ok());
    ASSERT_TRUE(RegisterXrefTokenizer(db_.get()).ok());
    fts5_api* api = Fts5Api(db_.get());
    ASSERT_NE(api, nullptr);
    void* user = nullptr;
    ASSERT_EQ(api->xFindTokenizer(api, "xref", &user, &api_), SQLITE_OK);
    ASSERT_EQ(api_.xCreate(user, nullptr, 0, &instance_), SQLITE_OK);
  }
  void TearDown() override {
    if (instance_ != nullptr) api_.xDelete(instance_);
  }

  // The tokens of `size` bytes at `text`, with the return code in `*rc`.
  std::vector<IndexToken> Call(const char* text, size_t size, int flags, int* rc = nullptr,
                               size_t stop_after = SIZE_MAX, int stop_rc = SQLITE_OK) {
    Collected c;
    c.stop_after = stop_after;
    c.stop_rc = stop_rc;
    int r = api_.xTokenize(instance_, &c, flags, text, static_cast<int>(size), Collect);
    if (rc != nullptr) *rc = r;
    return c.tokens;
  }
  std::vector<IndexToken> Call(const std::string& text, int flags) {
    int rc = SQLITE_OK;
    std::vector<IndexToken> out = Call(text.data(), text.size(), flags, &rc);
    EXPECT_EQ(rc, SQLITE_OK);
    return out;
  }

  static void ExpectSame(const std::vector<IndexToken>& got, const std::vector<IndexToken>& want) {
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < got.size(); ++i) {
      SCOPED_TRACE(i);
      EXPECT_EQ(got[i].text, want[i].text);
      EXPECT_EQ(got[i].start, want[i].start);
      EXPECT_EQ(got[i].end, want[i].end);
      EXPECT_EQ(got[i].colocated, want[i].colocated);
    }
  }

  sqlite::Database db_;
  fts5_tokenizer api_{};
  Fts5Tokenizer* instance_ = nullptr;
};

TEST_F(XrefTokenizerCallTest, TextsTakenInTurnEachGiveTheirOwnTokens) {
  const std::vector<std::string> texts = {
      "£45m to deliver the programme", "Post-16 education and post 16 choices",
      "the children’s services budget of £3,000,000", "funding for 2023/24 and 2024-25",
      "Meet at the café", "kinship carers and kinship care", "a rise of 12.43% in placements",
  };
  // A text and the one after it in turn, as snippet() takes a hit's columns;
  // then all of them round, more than are remembered.
  for (size_t i = 0; i + 1 < texts.size(); ++i) {
    for (int round = 0; round < 2; ++round) {
      for (size_t j : {i, i + 1}) {
        SCOPED_TRACE(texts[j]);
        ExpectSame(Call(texts[j], FTS5_TOKENIZE_AUX), TokenizeText(texts[j], TokenizeMode::kDocument));
      }
    }
  }
  for (int round = 0; round < 3; ++round) {
    for (const std::string& text : texts) {
      SCOPED_TRACE(text);
      ExpectSame(Call(text, FTS5_TOKENIZE_AUX), TokenizeText(text, TokenizeMode::kDocument));
    }
  }
}

TEST_F(XrefTokenizerCallTest, ATextAgainIsNotBrokenAgain) {
  const std::string main_text = "kinship carers and kinship care";
  const std::string section = "Kinship care";
  const uint64_t before = TokenizerSegmentations();
  Call(main_text, FTS5_TOKENIZE_AUX);
  Call(section, FTS5_TOKENIZE_AUX);
  ExpectSame(Call(main_text, FTS5_TOKENIZE_AUX), TokenizeText(main_text, TokenizeMode::kDocument));
  // The same bytes elsewhere in memory are the same text.
  const std::string copy = main_text;
  ExpectSame(Call(copy, FTS5_TOKENIZE_AUX), TokenizeText(main_text, TokenizeMode::kDocument));
  EXPECT_EQ(TokenizerSegmentations() - before, 2u);
}

TEST_F(XrefTokenizerCallTest, TheSameBufferWithOtherBytesIsAnotherText) {
  std::string buffer = "kinship carers";
  ExpectSame(Call(buffer.data(), buffer.size(), FTS5_TOKENIZE_AUX),
             TokenizeText("kinship carers", TokenizeMode::kDocument));
  buffer.replace(0, buffer.size(), "£45m, £3,000");
  ASSERT_EQ(buffer.size(), std::string("kinship carers").size());
  ExpectSame(Call(buffer.data(), buffer.size(), FTS5_TOKENIZE_AUX),
             TokenizeText("£45m, £3,000", TokenizeMode::kDocument));
  // A shorter span of the same bytes is another text too.
  ExpectSame(Call(buffer.data(), 5, FTS5_TOKENIZE_AUX), TokenizeText("£45m", TokenizeMode::kDocument));
}

TEST_F(XrefTokenizerCallTest, TheSameTextWithOtherFlagsGivesThoseFlagsTokens) {
  const std::string text = "£45m for Post-16";
  const std::vector<IndexToken> document = TokenizeText(text, TokenizeMode::kDocument);
  const std::vector<IndexToken> query = TokenizeText(text, TokenizeMode::kQuery);
  ASSERT_NE(document.size(), query.size());
  ExpectSame(Call(text, FTS5_TOKENIZE_AUX), document);
  ExpectSame(Call(text, FTS5_TOKENIZE_QUERY), query);
  ExpectSame(Call(text, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX), query);
  ExpectSame(Call(text, FTS5_TOKENIZE_AUX), document);
  ExpectSame(Call(text, FTS5_TOKENIZE_AUX | FTS5_TOKENIZE_QUERY), query);  // no FTS5 caller; still its flags
  ExpectSame(Call(text, FTS5_TOKENIZE_AUX), document);
  ExpectSame(Call(text, FTS5_TOKENIZE_DOCUMENT), document);
  // Indexing is never replayed: each document is broken into words.
  const uint64_t before = TokenizerSegmentations();
  ExpectSame(Call(text, FTS5_TOKENIZE_DOCUMENT), document);
  EXPECT_EQ(TokenizerSegmentations() - before, 1u);
}

TEST_F(XrefTokenizerCallTest, ACallbackErrorStopsTheTokensAndIsReturned) {
  const std::string text = "the children’s services budget of £3,000,000";
  const std::vector<IndexToken> all = TokenizeText(text, TokenizeMode::kDocument);
  ASSERT_GT(all.size(), 3u);
  for (int round = 0; round < 2; ++round) {  // first broken, then replayed
    SCOPED_TRACE(round);
    int rc = SQLITE_OK;
    std::vector<IndexToken> got = Call(text.data(), text.size(), FTS5_TOKENIZE_AUX, &rc, 3, SQLITE_ABORT);
    EXPECT_EQ(rc, SQLITE_ABORT);
    ExpectSame(got, std::vector<IndexToken>(all.begin(), all.begin() + 3));
    got = Call(text.data(), text.size(), FTS5_TOKENIZE_AUX, &rc, 0, SQLITE_NOMEM);
    EXPECT_EQ(rc, SQLITE_NOMEM);
    EXPECT_TRUE(got.empty());
  }
  // A stopped call leaves the text's tokens whole for the next.
  ExpectSame(Call(text, FTS5_TOKENIZE_AUX), all);
}

// snippet() over both columns breaks each column's text once.
TEST(XrefTokenizerSnippetTest, SnippetBreaksEachColumnOnce) {
  sqlite::Database db;
  ASSERT_TRUE(db.Open(":memory:", false).ok());
  ASSERT_TRUE(RegisterXrefTokenizer(db.get()).ok());
  ASSERT_TRUE(db.Exec("CREATE VIRTUAL TABLE t USING fts5(text, section, tokenize = 'porter xref')").ok());
  ASSERT_TRUE(db.Exec("INSERT INTO t(rowid, text, section) VALUES (1, 'Grants of £45m to kinship carers "
                      "and kinship care. Later, more for carers.', 'Kinship care')")
                  .ok());
  uint64_t before = TokenizerSegmentations();
  sqlite::Statement plain = db.Prepare("SELECT rowid FROM t WHERE t MATCH ?1");
  plain.Bind(1, "\"carers\"");
  ASSERT_TRUE(plain.Step());
  const uint64_t query_only = TokenizerSegmentations() - before;
  for (int round = 0; round < 2; ++round) {
    before = TokenizerSegmentations();
    sqlite::Statement snip = db.Prepare("SELECT snippet(t, -1, '[', ']', '…', 6) FROM t WHERE t MATCH ?1");
    snip.Bind(1, "\"carers\"");
    ASSERT_TRUE(snip.Step());
    EXPECT_EQ(snip.ColumnText(0), "Grants of £45m to kinship [carers]…");
    // Round 2 finds both columns remembered from round 1.
    EXPECT_EQ(TokenizerSegmentations() - before, query_only + (round == 0 ? 2 : 0));
  }
}

}  // namespace
}  // namespace xref
