// Full-text search over the passages of an index.
//
//   auto db = xref::OpenIndexForReading("xref.db");
//   xref::SearchOptions opts;
//   opts.query = "kinship carers";          // plain words: all must occur
//   opts.doc_glob = "*.pdf";
//   xref::Result<std::vector<xref::SearchHit>> hits = xref::Search(**db, opts);
//   for (const xref::SearchHit& h : *hits) { h.doc, h.page, h.snippet ... }
//
// Query syntax:
//   - plain (the default): words, each searched as typed (£45m, 2023/24 and
//     Post-16 are single terms; see tokenizer.h), all of which must occur;
//     "quoted phrases" must occur as written; a word ending in * is a prefix.
//     Every string gives hits or a one-line explanation, never an SQL error.
//   - fts5: SQLite FTS5's own query language (AND, OR, NOT, NEAR(...),
//     prefix*, column filters such as section:care); a syntax error comes
//     back as kInvalidArgument with FTS5's message.
// Hits are ranked by BM25, a match in the text counting more than one in the
// section heading; equal scores keep the passages' order. The ranking reads
// the full-text index alone, in one pass, and the filters and snippets are
// applied to the best rows, in order, until enough pass, so a search costs
// in proportion to its matches, not to the passages they join. BM25 needs
// each matching passage's length: index and refresh runs store them all
// (2 bytes a passage, SaveSearchLengths), a connection reads them on its
// first search and keeps them until the index changes; when what is stored
// is out of date (a write since), the first search looks up its rows'
// lengths and a connection that searches again loads them all. The same
// runs store each common term's number of rows, the other count bm25 needs,
// used on the same condition. Filters
// narrow the passages searched: by document path, by the kinds of tag a
// passage holds, by sums of money and by the dates it mentions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "index/sqlite.h"
#include "pipeline/status.h"

namespace xref {

enum class QuerySyntax { kPlain, kFts5 };

struct SearchOptions {
  std::string query;
  QuerySyntax syntax = QuerySyntax::kPlain;
  int limit = 20;
  std::string doc_glob;              // shell glob on the document's path (or its file name)
  std::vector<std::string> has;      // tag kinds the passage must hold: money, date, ...
  std::optional<double> min_amount;  // a money tag of at least this amount
  std::string after;                 // a date tag overlapping [after, before]:
  std::string before;                //   YYYY, YYYY-MM or YYYY-MM-DD; either may be empty
  std::string highlight_open = "[";  // around each matched term in snippets
  std::string highlight_close = "]";
  int snippet_tokens = 32;
};

struct SearchHit {
  std::string doc;                   // documents.path (absolute)
  std::string title;
  std::optional<int> page;
  std::string label;
  std::string section;
  std::string kind;
  int passage = 0;                   // passages.n
  int64_t passage_id = 0;
  double score = 0;                  // higher is better (negated bm25)
  std::string snippet;
};

// Best hits first, at most options.limit. kInvalidArgument for a query or
// filter that cannot be searched (with the reason in one line).
Result<std::vector<SearchHit>> Search(sqlite::Database& db, const SearchOptions& options);

// Registers on `db` the SQL functions Search ranks and filters with, once
// per connection (OpenIndexForReading and IndexStore::Open call it):
//   xref_bm25(passages_fts, w_text, w_section)   FTS5's bm25(), the same
//       values to the bit, without one docsize lookup per matching row;
//   xref_member(id, list)   whether id is in a sorted std::vector<int64_t>
//       bound with sqlite3_bind_pointer(..., "xref_id_list", ...);
//   xref_match_rows(passages_fts, rows, w_text, w_section)   Search's own:
//       gathers the matching rows for its ranking (and keeps the rows'
//       lengths with the connection).
// Search works without them (FTS5's bm25, filters after ranking), slower.
Status RegisterSearchFunctions(sqlite3* db);

// Stores the passages' lengths in the index (table search_lengths, created
// when missing) for later connections' first searches, and each common
// term's number of rows (search_terms, bm25's counts for the idf, which FTS5
// would count at every search of several phrases), unless what is stored
// is current; a write to passages_fts since makes them unused until the next
// call. In its own transaction unless one is open. Index and refresh runs
// call it at their end.
Status SaveSearchLengths(sqlite3* db);

// The FTS5 query string the plain syntax turns `query` into; kInvalidArgument
// when it holds nothing to search for.
Result<std::string> PlainQueryToFts5(const std::string& query);

}  // namespace xref
