// Search: a user's query turned into an FTS5 MATCH with filters, ranked by
// BM25, with snippets. See search.h.
#include "index/search.h"

#include <fnmatch.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include <nlohmann/json.hpp>

namespace xref {
namespace {

// BM25 weight of each FTS column: text, then section (a heading shared by
// many passages says less about each one).
constexpr double kTextWeight = 1.0;
constexpr double kSectionWeight = 0.25;

bool HasLetterOrDigit(std::string_view s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c >= 0 && u_isalnum(c)) return true;
  }
  return false;
}

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsScaleWord(std::string_view w) {
  std::string l = Lower(w);
  return l == "thousand" || l == "million" || l == "billion" || l == "trillion" || l == "bn" ||
         l == "m" || l == "k";
}

bool IsQuote(std::string_view s, size_t i, size_t* len) {
  if (s[i] == '"') {
    *len = 1;
    return true;
  }
  // Curly quotes pasted from a document: “ ”
  if (s.compare(i, 3, "\xe2\x80\x9c") == 0 || s.compare(i, 3, "\xe2\x80\x9d") == 0) {
    *len = 3;
    return true;
  }
  return false;
}

struct QueryItem {
  std::string text;
  bool phrase = false;
};

std::vector<QueryItem> SplitQuery(const std::string& q) {
  std::vector<QueryItem> items;
  size_t i = 0;
  while (i < q.size()) {
    size_t qlen;
    if (std::isspace(static_cast<unsigned char>(q[i]))) {
      ++i;
    } else if (IsQuote(q, i, &qlen)) {
      size_t start = i + qlen;
      size_t j = start;
      size_t end_len = 0;
      while (j < q.size() && !IsQuote(q, j, &end_len)) ++j;
      items.push_back(QueryItem{q.substr(start, j - start), true});
      i = j < q.size() ? j + end_len : j;  // an unclosed quote runs to the end
    } else {
      size_t j = i;
      size_t unused;
      while (j < q.size() && !std::isspace(static_cast<unsigned char>(q[j])) && !IsQuote(q, j, &unused)) ++j;
      items.push_back(QueryItem{q.substr(i, j - i), false});
      i = j;
    }
  }
  return items;
}

// User input quoted in a message: control characters escaped (a newline in
// a query must not break the one-line error) and long strings cut short.
std::string Printable(std::string_view s) {
  constexpr size_t kMaxBytes = 80;
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (out.size() >= kMaxBytes) {
      // Cut before a UTF-8 continuation byte's sequence ends, then mark the cut.
      while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
      if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80)) out.pop_back();
      return out + "…";
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) {
      static const char kHex[] = "0123456789abcdef";
      out += c == '\n' ? std::string("\\n") : std::string("\\x") + kHex[c >> 4] + kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" widened to the first (or last) day.
Result<std::string> DateBound(const std::string& flag, const std::string& d, bool last) {
  auto digits = [&](size_t from, size_t n) {
    return d.size() >= from + n &&
           std::all_of(d.begin() + static_cast<long>(from), d.begin() + static_cast<long>(from + n),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  };
  bool ok = (d.size() == 4 && digits(0, 4)) ||
            (d.size() == 7 && digits(0, 4) && d[4] == '-' && digits(5, 2)) ||
            (d.size() == 10 && digits(0, 4) && d[4] == '-' && digits(5, 2) && d[7] == '-' && digits(8, 2));
  if (!ok) return Status::InvalidArgument(flag, "'" + Printable(d) + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
  // Lexical comparison of ISO dates: day "31" is past every last day of a month.
  if (d.size() == 4) return d + (last ? "-12-31" : "-01-01");
  if (d.size() == 7) return d + (last ? "-31" : "-01");
  return d;
}

// The ids of documents whose path, path relative to the current directory,
// or file name matches `glob`, sorted.
Result<std::vector<int64_t>> DocumentsMatching(sqlite::Database& db, const std::string& glob) {
  std::error_code ec;
  const std::filesystem::path cwd = std::filesystem::current_path(ec);
  const std::string cwd_prefix = ec ? std::string() : cwd.string() + "/";
  sqlite::Statement st = db.Prepare("SELECT id, path FROM documents ORDER BY id");
  std::vector<int64_t> ids;
  while (st.Step()) {
    const std::string path = st.ColumnText(1);
    auto matches = [&](const std::string& candidate) { return fnmatch(glob.c_str(), candidate.c_str(), 0) == 0; };
    if (matches(path)) {
      ids.push_back(st.ColumnInt64(0));
      continue;
    }
    const size_t slash = path.rfind('/');
    if (slash != std::string::npos && matches(path.substr(slash + 1))) {
      ids.push_back(st.ColumnInt64(0));
      continue;
    }
    if (ec) continue;
    // Stored paths are absolute and normal, so below the current directory
    // the relative path is the rest of the path (lexically_relative, which
    // gives the same, costs more than the rest of a search at N = 1000).
    const std::string relative = path.compare(0, cwd_prefix.size(), cwd_prefix) == 0
                                     ? path.substr(cwd_prefix.size())
                                     : std::filesystem::path(path).lexically_relative(cwd).string();
    if (matches(relative)) ids.push_back(st.ColumnInt64(0));
  }
  if (!st.status().ok()) return st.status();
  return ids;
}

}  // namespace

Result<std::string> PlainQueryToFts5(const std::string& query) {
  std::vector<QueryItem> items = SplitQuery(query);
  std::vector<std::string> terms;
  for (size_t i = 0; i < items.size(); ++i) {
    QueryItem item = items[i];
    bool prefix = false;
    if (!item.phrase) {
      while (!item.text.empty() && item.text.back() == '*') {
        item.text.pop_back();
        prefix = true;
      }
      // "£45 million" stays together, so that it finds £45m too.
      if (!item.text.empty() && std::isdigit(static_cast<unsigned char>(item.text.back())) &&
          i + 1 < items.size() && !items[i + 1].phrase && IsScaleWord(items[i + 1].text)) {
        item.text += " " + items[++i].text;
      }
    }
    if (!HasLetterOrDigit(item.text)) continue;
    terms.push_back(Quote(item.text) + (prefix ? "*" : ""));
  }
  if (terms.empty()) {
    return Status::InvalidArgument("query", query.empty() ? "empty query: give words to search for"
                                                          : "'" + Printable(query) + "' has no words to search for");
  }
  std::string out;
  for (const std::string& t : terms) out += (out.empty() ? "" : " ") + t;
  return out;
}

namespace {

// A failed step of a search statement, said in words: FTS5 reports a query it
// cannot parse as SQLITE_ERROR; anything else (a damaged or locked index, an
// I/O error) is about the database.
Status SearchFailure(sqlite::Database& db, const SearchOptions& options) {
  if ((sqlite3_extended_errcode(db.get()) & 0xFF) != SQLITE_ERROR) {
    return Status::IoError(db.path(), "cannot search the index (" + std::string(sqlite3_errmsg(db.get())) + ")");
  }
  std::string msg = Printable(sqlite3_errmsg(db.get()));
  if (options.syntax == QuerySyntax::kFts5) {
    return Status::InvalidArgument("query", "not a valid FTS5 query (" + msg +
                                                "); leave out --syntax fts5 to search plain words");
  }
  return Status::InvalidArgument("query", "cannot search for this (" + msg + ")");
}

Status PrepareFailure(sqlite::Database& db, const Status& prepared, const char* what) {
  return prepared.ok() ? Status::Internal(db.path(), std::string("cannot prepare ") + what) : prepared;
}

// The columns of a hit, in the order ReadHit reads them.
constexpr const char* kHitColumns =
    "d.path, coalesce(d.title, ''), p.page, coalesce(p.label, ''), coalesce(p.section, ''), p.kind, p.n, p.id";

SearchHit ReadHit(const sqlite::Statement& st) {
  SearchHit h;
  h.doc = st.ColumnText(0);
  h.title = st.ColumnText(1);
  if (!st.ColumnIsNull(2)) h.page = static_cast<int>(st.ColumnInt64(2));
  h.label = st.ColumnText(3);
  h.section = st.ColumnText(4);
  h.kind = st.ColumnText(5);
  h.passage = static_cast<int>(st.ColumnInt64(6));
  h.passage_id = st.ColumnInt64(7);
  return h;
}

// With filters, the best `limit` * kCandidatesPerHit matches (at least
// kMinCandidates) are ranked before the filters are checked on them; when
// fewer than `limit` of those pass, the filters go into the ranking query.
constexpr int64_t kCandidatesPerHit = 4;
constexpr int64_t kMinCandidates = 100;

}  // namespace

Result<std::vector<SearchHit>> Search(sqlite::Database& db, const SearchOptions& options) {
  std::string match;
  if (options.syntax == QuerySyntax::kPlain) {
    Result<std::string> q = PlainQueryToFts5(options.query);
    if (!q.ok()) return q.status();
    match = *q;
  } else {
    match = options.query;
    if (!HasLetterOrDigit(match)) {
      return Status::InvalidArgument("query", "empty query: give words to search for");
    }
  }
  if (options.limit <= 0) return Status::InvalidArgument("--limit", "must be at least 1");

  // The filters, as conditions on passage p (and, for --doc, a set of
  // document ids); every one is checked before anything is searched.
  std::string tag_filters;
  static const char* const kKinds[] = {"money", "percent", "count", "date", "commitment"};
  for (size_t i = 0; i < options.has.size(); ++i) {
    if (std::none_of(std::begin(kKinds), std::end(kKinds), [&](const char* k) { return options.has[i] == k; })) {
      return Status::InvalidArgument("--has", "'" + Printable(options.has[i]) +
                                                  "' is not a tag kind (money, percent, count, date, commitment)");
    }
    // Filters on a passage's tags: `+t.kind` makes SQLite look the tags up by
    // passage (tags_passage), not scan the (kind, amount) / (kind, date)
    // indexes once per matching passage (docs/performance.md, finding 1).
    tag_filters += " AND EXISTS (SELECT 1 FROM tags t WHERE t.passage_id = p.id AND +t.kind = :k" +
                   std::to_string(i) + ")";
  }
  if (options.min_amount) {
    tag_filters += " AND EXISTS (SELECT 1 FROM tags t WHERE t.passage_id = p.id AND +t.kind = 'money' "
                   "AND +t.amount >= :min)";
  }
  std::string after, before;
  if (!options.after.empty() || !options.before.empty()) {
    if (!options.after.empty()) {
      Result<std::string> a = DateBound("--after", options.after, false);
      if (!a.ok()) return a.status();
      after = *a;
    }
    if (!options.before.empty()) {
      Result<std::string> b = DateBound("--before", options.before, true);
      if (!b.ok()) return b.status();
      before = *b;
    }
    // A date tag overlaps [after, before]; open bounds reach as far as they go.
    tag_filters += " AND EXISTS (SELECT 1 FROM tags t WHERE t.passage_id = p.id AND +t.kind = 'date' "
                   "AND (t.date_start IS NOT NULL OR t.date_end IS NOT NULL)";
    if (!after.empty()) tag_filters += " AND (t.date_end IS NULL OR t.date_end >= :after)";
    if (!before.empty()) tag_filters += " AND (t.date_start IS NULL OR t.date_start <= :before)";
    tag_filters += ")";
  }
  std::vector<int64_t> doc_ids;  // sorted; only with a --doc glob
  std::string doc_ids_json;
  if (!options.doc_glob.empty()) {
    Result<std::vector<int64_t>> ids = DocumentsMatching(db, options.doc_glob);
    if (!ids.ok()) return ids.status();
    doc_ids = std::move(*ids);
    doc_ids_json = nlohmann::json(doc_ids).dump();
  }
  const bool filtered = !options.doc_glob.empty() || !tag_filters.empty();
  auto bind_filters = [&](sqlite::Statement& st) {
    auto bind = [&](const char* name, auto value) {
      int i = sqlite3_bind_parameter_index(st.get(), name);
      if (i > 0) st.Bind(i, value);
    };
    for (size_t i = 0; i < options.has.size(); ++i) bind((":k" + std::to_string(i)).c_str(), options.has[i]);
    if (options.min_amount) bind(":min", *options.min_amount);
    if (!after.empty()) bind(":after", after);
    if (!before.empty()) bind(":before", before);
    if (!doc_ids_json.empty()) bind(":docs", doc_ids_json);
  };

  // 1. Rank in the full-text index alone: bm25 and the sort touch only
  // passages_fts, and the joins, the filters and the snippets are paid for
  // the best rows only (docs/performance.md, findings 2 and 8). Ties keep
  // the passage order, as the one-query form below does.
  Status prepared;
  sqlite::Statement rank = db.Prepare(
      "SELECT rowid, bm25(passages_fts, ?1, ?2) AS score FROM passages_fts "
      "WHERE passages_fts MATCH ?3 ORDER BY score, rowid LIMIT ?4",
      &prepared);
  if (!rank.valid()) return PrepareFailure(db, prepared, "search");
  const int64_t candidates =
      filtered ? std::max<int64_t>(kMinCandidates, kCandidatesPerHit * int64_t{options.limit}) : options.limit;
  rank.Bind(1, kTextWeight).Bind(2, kSectionWeight).Bind(3, match).Bind(4, candidates);
  std::vector<std::pair<int64_t, double>> ranked;  // passage id, bm25 (lower is better)
  while (rank.Step()) ranked.emplace_back(rank.ColumnInt64(0), rank.ColumnDouble(1));
  if (!rank.status().ok()) return SearchFailure(db, options);

  // 2. The places of the best rows, with the tag filters checked on each and
  // the --doc filter against the ids matched above.
  sqlite::Statement place = db.Prepare(std::string("SELECT ") + kHitColumns + ", p.doc_id FROM passages p " +
                                           "JOIN documents d ON d.id = p.doc_id WHERE p.id = :id" + tag_filters,
                                       &prepared);
  if (!place.valid()) return PrepareFailure(db, prepared, "search");
  std::vector<SearchHit> hits;
  for (const auto& [id, bm25] : ranked) {
    if (hits.size() >= static_cast<size_t>(options.limit)) break;
    place.Reset();
    bind_filters(place);
    place.Bind(sqlite3_bind_parameter_index(place.get(), ":id"), id);
    if (place.Step()) {
      if (!options.doc_glob.empty() &&
          !std::binary_search(doc_ids.begin(), doc_ids.end(), place.ColumnInt64(8))) {
        continue;
      }
      SearchHit h = ReadHit(place);
      h.score = -bm25;
      hits.push_back(std::move(h));
    }
    if (!place.status().ok()) return SearchFailure(db, options);
  }

  // 3. The filters rejected too many of the best rows, and more rows match:
  // rank the passages that pass the filters (exact, at the cost of checking
  // them on every match).
  if (hits.size() < static_cast<size_t>(options.limit) && static_cast<int64_t>(ranked.size()) == candidates) {
    hits.clear();
    std::string sql = std::string("SELECT ") + kHitColumns +
                      ", bm25(passages_fts, :wt, :ws) AS score "
                      "FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid "
                      "JOIN documents d ON d.id = p.doc_id WHERE passages_fts MATCH :q";
    if (!options.doc_glob.empty()) sql += " AND p.doc_id IN (SELECT value FROM json_each(:docs))";
    sql += tag_filters + " ORDER BY score, p.id LIMIT :limit";
    sqlite::Statement st = db.Prepare(sql, &prepared);
    if (!st.valid()) return PrepareFailure(db, prepared, "search");
    bind_filters(st);
    st.Bind(sqlite3_bind_parameter_index(st.get(), ":q"), match);
    st.Bind(sqlite3_bind_parameter_index(st.get(), ":wt"), kTextWeight);
    st.Bind(sqlite3_bind_parameter_index(st.get(), ":ws"), kSectionWeight);
    st.Bind(sqlite3_bind_parameter_index(st.get(), ":limit"), options.limit);
    while (st.Step()) {
      SearchHit h = ReadHit(st);
      h.score = -st.ColumnDouble(8);
      hits.push_back(std::move(h));
    }
    if (!st.status().ok()) return SearchFailure(db, options);
  }

  // Snippets for the hits kept only: in the ranking query SQLite would make
  // one for every matching passage before sorting (docs/performance.md,
  // finding 2).
  sqlite::Statement snip = db.Prepare(
      "SELECT snippet(passages_fts, -1, ?1, ?2, '…', ?3) FROM passages_fts "
      "WHERE passages_fts MATCH ?4 AND rowid = ?5",
      &prepared);
  if (!snip.valid()) return PrepareFailure(db, prepared, "snippets");
  for (SearchHit& h : hits) {
    snip.Reset();
    snip.Bind(1, options.highlight_open).Bind(2, options.highlight_close);
    snip.Bind(3, std::clamp(options.snippet_tokens, 1, 64)).Bind(4, match).Bind(5, h.passage_id);
    if (snip.Step()) h.snippet = snip.ColumnText(0);
    if (!snip.status().ok()) {
      return Status::IoError(db.path(), "cannot search the index (" +
                                            std::string(sqlite3_errmsg(db.get())) + ")");
    }
  }
  return hits;
}

}  // namespace xref
