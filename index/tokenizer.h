// The "xref" FTS5 tokenizer: how passage text becomes searchable terms.
//
//   xref::Status s = xref::RegisterXrefTokenizer(db);   // once per connection
//   CREATE VIRTUAL TABLE t USING fts5(text, tokenize = 'porter xref');
//
// FTS5's built-in porter stemmer wraps this tokenizer, so "pathfinders" and
// "pathfinder" meet at "pathfind". Underneath porter, xref:
//   - finds words with ICU's word BreakIterator (any script; CJK by
//     dictionary), reporting byte offsets into the original text, which
//     snippet() and highlight() use;
//   - folds case, accents and compatibility forms (NFD, combining accents
//     removed, NFKC_Casefold): "CAFÉ", "Café" and "cafe" are one term;
//   - keeps the compounds of policy text whole, as users type them, and adds
//     their parts and values as synonyms at the same position
//     (FTS5_TOKEN_COLOCATED):
//        £45m      -> £45m + 45m, 45000000, £45000000
//        £45 million -> £45 + 45, 45000000, £45000000, million
//        3,500     -> 3,500 + 3500
//        2023/24   -> 2023/24 + 2023, 24
//        Post-16   -> post-16 + post, 16       (any dash: post–16 is post-16)
//        12%       -> 12% + 12
//        children's -> children's + children, s
//     A query term (FTS5_TOKENIZE_QUERY) yields one token per compound: the
//     compound, or for sums and numbers their value ("£45m", "£45 million"
//     and "£45,000,000" all search for £45000000), which the document side
//     always carries among its synonyms.
//
// TokenizeText exposes the same stream to tests and tools without SQLite.
#pragma once

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace xref {

// Registers the tokenizer under the name "xref" on `db`. Every connection
// that reads or writes passages_fts must call it first (the index's Open
// functions do). Returns kInternal when the SQLite build has no FTS5.
Status RegisterXrefTokenizer(sqlite3* db);

// The FTS5 extension API of `db` ("SELECT fts5(?1)" with a bound pointer), or
// nullptr when the SQLite build has no FTS5. Shared by the tokenizer and the
// ranking functions of search.h.
fts5_api* Fts5Api(sqlite3* db);

struct IndexToken {
  std::string text;        // the folded term
  size_t start = 0;        // byte offsets into the text given
  size_t end = 0;
  bool colocated = false;  // same position as the token before it
};

enum class TokenizeMode {
  kDocument,  // text being indexed: compounds with their synonyms
  kQuery,     // a query term: one token per compound, in its searched form
};

// The tokens the "xref" tokenizer gives FTS5 (before porter stems them).
// Thread-safe.
std::vector<IndexToken> TokenizeText(std::string_view text, TokenizeMode mode);

// The document tokens of a text (TokenizeText(text, kDocument)), packed:
// made by the indexer's workers beside the text, so that the one thread
// writing the index does not break every text into words itself.
struct PackedTokens {
  std::string terms;             // the tokens' texts, one after another
  std::vector<uint32_t> fields;  // per token: its text's length, start, end, colocated
  bool empty() const { return fields.empty(); }
};
PackedTokens PackDocumentTokens(std::string_view text);

// While one is alive, the "xref" tokenizer, asked on this thread for the
// document tokens (FTS5_TOKENIZE_DOCUMENT) of a text with exactly the bytes
// of one added (compared byte for byte, never by pointer), replays its
// packed tokens instead of breaking the text again. The texts and tokens
// added must outlive it. One at a time per thread.
class PrimedTokens {
 public:
  PrimedTokens();
  ~PrimedTokens();
  PrimedTokens(const PrimedTokens&) = delete;
  PrimedTokens& operator=(const PrimedTokens&) = delete;
  void Add(std::string_view text, const PackedTokens* tokens);
};

// How many texts the "xref" FTS5 tokenizers have broken into words on the
// calling thread (texts replayed from an instance's cache of recent
// snippet/highlight texts, or from PrimedTokens, are not counted). For tests.
uint64_t TokenizerSegmentations();

// Folds one word as the tokenizer does (case, accents, NFKC). Thread-safe.
std::string FoldWord(std::string_view word);

}  // namespace xref
