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

// How many texts the "xref" FTS5 tokenizers have broken into words on the
// calling thread (texts replayed from an instance's cache of recent
// snippet/highlight texts are not counted). For tests.
uint64_t TokenizerSegmentations();

// Folds one word as the tokenizer does (case, accents, NFKC). Thread-safe.
std::string FoldWord(std::string_view word);

}  // namespace xref
