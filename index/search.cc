// Search: a user's query turned into an FTS5 MATCH with filters, ranked by
// BM25, with snippets. See search.h.
#include "index/search.h"

#include <fnmatch.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <numeric>
#include <string_view>
#include <filesystem>

#include "index/tokenizer.h"

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

// The components of `p` after its root, when it is an absolute path in
// normal form (no empty, "." or ".." component, no trailing slash); else
// false.
bool NormalComponents(std::string_view p, std::vector<std::string_view>* out) {
  out->clear();
  if (p.empty() || p[0] != '/') return false;
  if (p.size() == 1) return true;
  if (p.back() == '/') return false;
  for (size_t i = 1; i <= p.size();) {
    size_t j = p.find('/', i);
    if (j == std::string_view::npos) j = p.size();
    const std::string_view c = p.substr(i, j - i);
    if (c.empty() || c == "." || c == "..") return false;
    out->push_back(c);
    i = j + 1;
  }
  return true;
}

// path.lexically_relative(base).string() for two absolute paths in normal
// form given by their components: a "../" for each of base's components
// past the common ones, then path's own ("." when there are none). Without
// the std::filesystem::path objects, which at 3,000 documents took a fifth
// of a whole `xref search --doc` process.
std::string RelativeOf(const std::vector<std::string_view>& path, const std::vector<std::string_view>& base) {
  size_t common = 0;
  while (common < path.size() && common < base.size() && path[common] == base[common]) ++common;
  std::string out;
  for (size_t i = common; i < base.size(); ++i) out += out.empty() ? ".." : "/..";
  for (size_t i = common; i < path.size(); ++i) {
    if (!out.empty()) out += '/';
    out.append(path[i].data(), path[i].size());
  }
  return out.empty() ? std::string(".") : out;
}

// The literal characters that end `glob`: every string fnmatch(glob, s, 0)
// matches ends with them (flags 0: no case folding, '*' matches '/' too).
// After the last character that may be special ('*', '?', '[', ']', '\\').
std::string_view GlobTail(std::string_view glob) {
  const size_t special = glob.find_last_of("*?[]\\");
  return special == std::string_view::npos ? glob : glob.substr(special + 1);
}

// The ids of documents whose path, path relative to the current directory,
// or file name matches `glob`, sorted; *documents counts all of them.
// fnmatch is called only on a candidate that ends with the glob's literal
// tail (GlobTail), and the relative path is worked out only when it can:
// at 3,000 documents the calls and strings cost 15 M instructions a search.
Result<std::vector<int64_t>> DocumentsMatching(sqlite::Database& db, const std::string& glob, size_t* documents) {
  std::error_code ec;
  const std::filesystem::path cwd = std::filesystem::current_path(ec);
  const std::string cwd_prefix = ec ? std::string() : cwd.string() + "/";
  const std::string cwd_text = ec ? std::string() : cwd.string();
  std::vector<std::string_view> cwd_parts, path_parts;
  const bool cwd_normal = !ec && NormalComponents(cwd_text, &cwd_parts);
  const std::string_view tail = GlobTail(glob);
  auto ends_with_tail = [&](std::string_view candidate) {
    return candidate.size() >= tail.size() && candidate.compare(candidate.size() - tail.size(), tail.size(), tail) == 0;
  };
  // `candidate` is NUL-terminated at its end.
  auto matches = [&](std::string_view candidate) {
    return ends_with_tail(candidate) && fnmatch(glob.c_str(), candidate.data(), 0) == 0;
  };
  sqlite::Statement st = db.Prepare("SELECT id, path FROM documents ORDER BY id");
  std::vector<int64_t> ids;
  std::string path;
  while (st.Step()) {
    ++*documents;
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st.get(), 1));
    path.assign(text == nullptr ? "" : text, static_cast<size_t>(sqlite3_column_bytes(st.get(), 1)));
    if (matches(path)) {
      ids.push_back(st.ColumnInt64(0));
      continue;
    }
    const size_t slash = path.rfind('/');
    const std::string_view name = slash == std::string::npos ? std::string_view() : std::string_view(path).substr(slash + 1);
    if (slash != std::string::npos && matches(name)) {
      ids.push_back(st.ColumnInt64(0));
      continue;
    }
    if (ec) continue;
    // Stored paths are absolute and normal, so below the current directory
    // the relative path is the rest of the path (lexically_relative, which
    // gives the same, costs more than the rest of a search at N = 1000).
    if (path.compare(0, cwd_prefix.size(), cwd_prefix) == 0) {
      if (matches(std::string_view(path).substr(cwd_prefix.size()))) ids.push_back(st.ColumnInt64(0));
      continue;
    }
    if (cwd_normal && NormalComponents(path, &path_parts)) {
      // The relative path ends with the path's file name unless the path is
      // the current directory or above it; a file name as long as the tail
      // that does not end with it rules the relative path out too.
      const bool above_cwd = cwd_text.compare(0, path.size(), path) == 0 &&
                             (cwd_text.size() == path.size() || cwd_text[path.size()] == '/' || path == "/");
      if (!above_cwd && !path_parts.empty() && path_parts.back().size() >= tail.size() &&
          !ends_with_tail(path_parts.back())) {
        continue;
      }
      if (matches(RelativeOf(path_parts, cwd_parts))) ids.push_back(st.ColumnInt64(0));
      continue;
    }
    const std::string relative = std::filesystem::path(path).lexically_relative(cwd).string();
    if (matches(relative)) ids.push_back(st.ColumnInt64(0));
  }
  if (!st.status().ok()) return st.status();
  return ids;
}

}  // namespace

namespace {

// xref_bm25(passages_fts, w_text, w_section): FTS5's own bm25() (fts5_aux.c,
// fts5Bm25Function), computed the same way to the last bit (same statistics,
// same operations in the same order), but faster on queries that match a
// large part of the corpus. bm25() asks FTS5 for each matching row's length
// (xColumnSize), which runs one lookup statement on passages_fts_docsize per
// row: about 0.55 µs, three quarters of the ranking's cost
// (docs/performance.md). Matches come in rowid order, so this walks one cursor
// over passages_fts_docsize alongside them, stepping to the next row when it
// is close and seeking only over gaps.
struct Bm25State {
  std::vector<double> idf;   // per phrase
  std::vector<double> freq;  // per phrase, of the current row
  double avgdl = 0;
  sqlite3_stmt* sizes = nullptr;  // id, sz FROM passages_fts_docsize WHERE id >= ?1
  sqlite3_int64 size_id = -1;     // the row `sizes` is on; -1 before the first
  bool sizes_done = false;
  bool sizes_checked = false;

  ~Bm25State() { sqlite3_finalize(sizes); }
};

// Rows further ahead than this are sought; closer ones are stepped to.
constexpr sqlite3_int64 kMaxSizeSteps = 8;

int CountRow(const Fts5ExtensionApi*, Fts5Context*, void* count) {
  ++*static_cast<sqlite3_int64*>(count);
  return SQLITE_OK;
}

// The sum of the column lengths in column `column` of `sizes`, an sz record
// of passages_fts_docsize: one SQLite varint per column (fts5_storage.c,
// fts5StorageInsertDocsize).
int DocsizeTotal(sqlite3_stmt* sizes, int column) {
  const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(sizes, column));
  const int n = sqlite3_column_bytes(sizes, column);
  int total = 0;
  unsigned value = 0;
  for (int i = 0; i < n; ++i) {
    value = (value << 7) | (p[i] & 0x7Fu);
    if ((p[i] & 0x80) == 0) {
      total += static_cast<int>(value);
      value = 0;
    }
  }
  return total;
}

// The length of the current row in tokens, all columns, as xColumnSize(-1)
// gives it; from `state->sizes` when the walk finds the row's record.
int RowLength(const Fts5ExtensionApi* api, Fts5Context* fts, Bm25State* state, int* length) {
  const sqlite3_int64 rowid = api->xRowid(fts);
  if (state->sizes != nullptr && (state->size_id < rowid || state->size_id > rowid)) {
    if (state->size_id < 0 || state->size_id > rowid || rowid - state->size_id > kMaxSizeSteps) {
      sqlite3_reset(state->sizes);
      sqlite3_bind_int64(state->sizes, 1, rowid);
      state->sizes_done = false;
    }
    while (!state->sizes_done && (state->size_id < rowid || state->size_id > rowid)) {
      const int rc = sqlite3_step(state->sizes);
      if (rc != SQLITE_ROW) {
        state->sizes_done = true;
        state->size_id = -1;
        if (rc != SQLITE_DONE) return rc;
        break;
      }
      state->size_id = sqlite3_column_int64(state->sizes, 0);
      if (state->size_id > rowid) break;  // no record for this row
    }
  }
  if (state->sizes == nullptr || state->size_id != rowid) return api->xColumnSize(fts, -1, length);
  const int total = DocsizeTotal(state->sizes, 1);
  if (!state->sizes_checked) {
    // The walk reads passages_fts's table: on the first row, check that it
    // agrees with FTS5 (xref_bm25 called on another table would not).
    state->sizes_checked = true;
    if (int rc = api->xColumnSize(fts, -1, length); rc != SQLITE_OK || *length != total) {
      sqlite3_finalize(state->sizes);
      state->sizes = nullptr;
      return rc;
    }
  }
  *length = total;
  return SQLITE_OK;
}

// FTS5's idf of a phrase found in `hits` of `rows` rows (fts5Bm25GetData).
double Bm25Idf(sqlite3_int64 rows, sqlite3_int64 hits) {
  double idf = std::log((static_cast<double>(rows - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
  return idf <= 0.0 ? 1e-6 : idf;
}

Result<Bm25State*> GetBm25State(const Fts5ExtensionApi* api, Fts5Context* fts) {
  if (auto* state = static_cast<Bm25State*>(api->xGetAuxdata(fts, 0))) return state;
  auto state = std::make_unique<Bm25State>();
  const int phrases = api->xPhraseCount(fts);
  state->idf.resize(static_cast<size_t>(phrases));
  state->freq.resize(static_cast<size_t>(phrases));
  sqlite3_int64 rows = 0, tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return Status::Internal("xref_bm25", sqlite3_errstr(rc));
  state->avgdl = static_cast<double>(tokens) / static_cast<double>(rows);
  for (int i = 0; i < phrases; ++i) {
    sqlite3_int64 hits = 0;
    rc = api->xQueryPhrase(fts, i, &hits, CountRow);
    if (rc != SQLITE_OK) return Status::Internal("xref_bm25", sqlite3_errstr(rc));
    state->idf[static_cast<size_t>(i)] = Bm25Idf(rows, hits);
  }
  // Without the table (another FTS5 layout) every row asks xColumnSize.
  auto* db = static_cast<sqlite3*>(api->xUserData(fts));
  if (sqlite3_prepare_v2(db, "SELECT id, sz FROM main.passages_fts_docsize WHERE id >= ?1", -1,
                         &state->sizes, nullptr) != SQLITE_OK) {
    state->sizes = nullptr;
  }
  Bm25State* raw = state.get();
  rc = api->xSetAuxdata(fts, state.release(), [](void* p) { delete static_cast<Bm25State*>(p); });
  if (rc != SQLITE_OK) return Status::Internal("xref_bm25", sqlite3_errstr(rc));
  return raw;
}

// bm25's constants (fts5_aux.c).
constexpr double kBm25K1 = 1.2;
constexpr double kBm25B = 0.75;

// The part of bm25's denominator that depends on the row alone, for a row of
// `length` tokens: k1 * (1 - b + b * D / avgdl), the same operations as
// fts5Bm25Function.
double Bm25LengthTerm(double avgdl, int length) {
  return kBm25K1 * (1 - kBm25B + kBm25B * static_cast<double>(length) / avgdl);
}

// bm25 of a row with the per-phrase frequencies `freq` (the expression of
// fts5Bm25Function). A phrase the row does not hold adds exactly +0.0 there
// (0 / x is +0, times a positive idf), so it is skipped, with its division.
double Bm25Value(const std::vector<double>& idf, const double* freq, double length_term) {
  double score = 0.0;
  for (size_t i = 0; i < idf.size(); ++i) {
    if (freq[i] == 0) continue;
    score += idf[i] * ((freq[i] * (kBm25K1 + 1.0)) / (freq[i] + length_term));
  }
  return -1.0 * score;
}

double Bm25Value(const std::vector<double>& idf, const double* freq, double avgdl, int length) {
  return Bm25Value(idf, freq, Bm25LengthTerm(avgdl, length));
}

double Bm25Value(const Bm25State& state, int length) {
  return Bm25Value(state.idf, state.freq.data(), state.avgdl, length);
}


// xref_bm25(fts, weights...): bm25(fts, weights...), the bm25 of the current
// row with column weights `weights`.
void Bm25Function(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context, int weight_count,
                  sqlite3_value** weights) {
  Result<Bm25State*> got = GetBm25State(api, fts);
  if (!got.ok()) {
    sqlite3_result_error(context, got.status().ToString().c_str(), -1);
    return;
  }
  Bm25State* state = *got;
  std::fill(state->freq.begin(), state->freq.end(), 0.0);
  int instances = 0;
  int rc = api->xInstCount(fts, &instances);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK) {
      state->freq[static_cast<size_t>(phrase)] += weight_count > column ? sqlite3_value_double(weights[column]) : 1.0;
    }
  }
  int length = 0;
  if (rc == SQLITE_OK) rc = RowLength(api, fts, state, &length);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(context, rc);
    return;
  }
  sqlite3_result_double(context, Bm25Value(*state, length));
}

// xref_member(id, list): whether `id` is in `list`, a sorted
// std::vector<int64_t> bound with sqlite3_bind_pointer as kIdListType.
constexpr const char* kIdListType = "xref_id_list";

void MemberFunction(sqlite3_context* context, int, sqlite3_value** argv) {
  const auto* ids = static_cast<const std::vector<int64_t>*>(sqlite3_value_pointer(argv[1], kIdListType));
  if (ids == nullptr) {
    sqlite3_result_error(context, "xref_member: the list is not bound", -1);
    return;
  }
  sqlite3_result_int(context, std::binary_search(ids->begin(), ids->end(), sqlite3_value_int64(argv[0])) ? 1 : 0);
}


// The rows' lengths in tokens (bm25's document lengths; Lucene's norms), by
// rowid, read once from passages_fts_docsize and kept with the connection
// (the user data of xref_match_rows) while the index does not change.
// Looking a length up costs about ten times what FTS5 spends on a matching
// row otherwise, and a common word's rows nearly all need theirs (the bound
// below rarely excludes a row), so a connection that searches again keeps
// them all: 2 bytes a passage, read in about the time of looking up a
// quarter of them one by one (some 50 ms for 485,000 passages). A
// connection's first search reads them from search_lengths when the index
// run stored them and nothing changed since (below), else looks its rows up
// instead (one `xref search` process searches once).
// An allocator whose value-initialisation (vector::resize(n)) leaves the
// elements uninitialised, for buffers about to be overwritten.
template <typename T>
struct UninitializedAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() = default;
  template <typename U>
  UninitializedAllocator(const UninitializedAllocator<U>&) noexcept {}
  template <typename U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

struct ConnectionLengths {
  explicit ConnectionLengths(sqlite3* connection) : db(connection) {}
  ~ConnectionLengths() {
    if (tokenizer != nullptr) tokenizer_api.xDelete(tokenizer);
  }
  sqlite3* db;
  int searches = 0;       // that matched something, on this connection
  bool loaded = false;
  int64_t data_version = -1;   // PRAGMA data_version when loaded (others' commits)
  int64_t own_changes = -1;    // sqlite3_total_changes64 when loaded (this connection's)
  // By rowid; kNoLength where there is no row, or a longer one. Grown
  // without zeroing: a first search copies search_lengths over it at once
  // (zeroing 1 MB first cost a tenth of a cheap `xref search` at 3,000
  // files).
  std::vector<uint16_t, UninitializedAllocator<uint16_t>> length;

  // Whether search_terms holds the index's term counts (StoredTermsCurrent),
  // as of terms_version / terms_changes.
  bool terms_current = false;
  int64_t terms_version = -2;
  int64_t terms_changes = -1;
  // passages_fts's tokenizer (schema.cc: 'porter xref'), made on first use,
  // to turn a query's phrases into the terms FTS5 looks up.
  fts5_tokenizer tokenizer_api{};
  Fts5Tokenizer* tokenizer = nullptr;
  bool tokenizer_failed = false;
};

// In ConnectionLengths::length: no row, or one of at least as many tokens
// (whose length FTS5 gives, xColumnSize).
constexpr uint16_t kNoLength = 0xFFFF;

// Rowids above this are not kept (the table would be mostly holes).
constexpr int64_t kMaxCachedRowid = int64_t{1} << 24;

// The lengths are also stored in the index, in table search_lengths, by
// SaveSearchLengths at the end of an index or refresh run: 2 bytes a
// passage in one row, which a connection's first search (one `xref search`
// process) reads in about a millisecond instead of looking up its rows'
// lengths one by one (the most of its time at N=1000). They are used only
// while FTS5's records that every write to passages_fts changes are the ones
// they were stored with: the averages (the number of rows and of tokens,
// rowid 1 of passages_fts_data) and the structure (the segments and a
// counter of the pages written, rowid 10).
constexpr const char* kFtsStateSql = "SELECT id, block FROM main.passages_fts_data WHERE id IN (1, 10)";

// FTS5's averages and structure records, as stored; false when either is
// missing (an empty table) or cannot be read.
bool FtsState(sqlite3* db, std::string* averages, std::string* structure) {
  sqlite3_stmt* st = nullptr;
  bool ok = sqlite3_prepare_v2(db, kFtsStateSql, -1, &st, nullptr) == SQLITE_OK;
  int found = 0;
  while (ok && sqlite3_step(st) == SQLITE_ROW) {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(st, 1));
    std::string block = p == nullptr ? std::string() : std::string(p, static_cast<size_t>(sqlite3_column_bytes(st, 1)));
    (sqlite3_column_int64(st, 0) == 1 ? *averages : *structure) = std::move(block);
    ++found;
  }
  sqlite3_finalize(st);
  return ok && found == 2;
}

// Whether the records `sql` reads (fts_averages, fts_structure) are these.
bool StoredStateIs(sqlite3* db, const char* sql, const std::string& averages, const std::string& structure) {
  sqlite3_stmt* st = nullptr;
  bool current = false;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    auto same = [&](int column, const std::string& want) {
      return static_cast<size_t>(sqlite3_column_bytes(st, column)) == want.size() &&
             (want.empty() || std::memcmp(sqlite3_column_blob(st, column), want.data(), want.size()) == 0);
    };
    current = same(0, averages) && same(1, structure);
  }
  sqlite3_finalize(st);
  return current;
}

// Whether search_lengths holds the lengths for these records.
bool StoredLengthsCurrent(sqlite3* db, const std::string& averages, const std::string& structure) {
  return StoredStateIs(db, "SELECT fts_averages, fts_structure FROM main.search_lengths WHERE id = 1", averages,
                       structure);
}

// Fills `lengths->length` from search_lengths when what is stored there is
// current; false when not (no table, an older index, or a change since).
bool LoadStoredLengths(ConnectionLengths* lengths) {
  sqlite3* db = lengths->db;
  std::string averages, structure;
  if (!FtsState(db, &averages, &structure) || !StoredLengthsCurrent(db, averages, structure)) return false;
  // Read straight into the table (incremental blob I/O): through a SELECT
  // SQLite would gather the 1 MB (at 3,000 files) into a buffer of its own
  // first.
  sqlite3_blob* blob = nullptr;
  bool ok = false;
  if (sqlite3_blob_open(db, "main", "search_lengths", "lengths", 1, 0, &blob) == SQLITE_OK) {
    const size_t n = static_cast<size_t>(std::max(sqlite3_blob_bytes(blob), 0)) / 2;
    lengths->length.resize(n);
    ok = n > 0 && sqlite3_blob_read(blob, lengths->length.data(), static_cast<int>(2 * n), 0) == SQLITE_OK;
#if !(defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)
    for (uint16_t& v : lengths->length) v = static_cast<uint16_t>((v >> 8) | (v << 8));  // stored little-endian
#endif
  }
  sqlite3_blob_close(blob);
  if (!ok) lengths->length.clear();
  return ok;
}

// PRAGMA data_version: changes when another connection commits; -1 when it
// cannot be read.
int64_t DataVersion(sqlite3* db) {
  int64_t version = -1;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA main.data_version", -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    version = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  return version;
}

// Whether `lengths` holds the index as it is now; loads it when not, from
// search_lengths when that is current, else from passages_fts_docsize when
// `load` (false when it cannot be read).
bool CurrentLengths(ConnectionLengths* lengths, bool load) {
  sqlite3* db = lengths->db;
  const int64_t version = DataVersion(db);
  sqlite3_stmt* st = nullptr;
  const int64_t changes = sqlite3_total_changes64(db);
  if (lengths->loaded && version == lengths->data_version && changes == lengths->own_changes) return true;
  lengths->loaded = false;
  lengths->length.clear();
  if (version >= 0 && LoadStoredLengths(lengths)) {
    lengths->loaded = true;
    lengths->data_version = version;
    lengths->own_changes = changes;
    return true;
  }
  if (!load || version < 0) return false;
  if (sqlite3_prepare_v2(db, "SELECT id, sz FROM main.passages_fts_docsize", -1, &st, nullptr) != SQLITE_OK) {
    sqlite3_finalize(st);
    return false;
  }
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const int64_t id = sqlite3_column_int64(st, 0);
    if (id < 0 || id > kMaxCachedRowid) break;
    if (static_cast<size_t>(id) >= lengths->length.size()) {
      lengths->length.resize(std::max<size_t>(static_cast<size_t>(id) + 1, 2 * lengths->length.size()), kNoLength);
    }
    lengths->length[static_cast<size_t>(id)] = static_cast<uint16_t>(std::min<int>(DocsizeTotal(st, 1), kNoLength));
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) {
    lengths->length.clear();
    return false;
  }
  lengths->loaded = true;
  lengths->data_version = version;
  lengths->own_changes = changes;
  return true;
}

// Each term's number of rows (bm25's count for the idf of a one-term phrase)
// is stored by index and refresh runs as well (SaveSearchLengths), in table
// search_terms, for the terms of at least kMinStoredTermDocs rows (a rarer
// one costs little to count), with FTS5's averages and structure records in
// search_terms_state: used, like the lengths, only while those are the
// index's. FTS5 stores no such count, so without it each phrase of a query
// of several is counted by a pass over its rows (xQueryPhrase) before the
// ranking pass: 15 % of the instructions of the 50 bench queries at 3,000
// files (a fifth of "children NOT disabilities", half of "care leavers
// housing").
constexpr int64_t kMinStoredTermDocs = 16;

bool StoredTermsCurrent(sqlite3* db, const std::string& averages, const std::string& structure) {
  return StoredStateIs(db, "SELECT fts_averages, fts_structure FROM main.search_terms_state WHERE id = 1", averages,
                       structure);
}

// Whether search_terms holds the index's counts now (checked again only
// after a change to the database).
bool CurrentTerms(ConnectionLengths* c) {
  sqlite3* db = c->db;
  const int64_t version = DataVersion(db);
  const int64_t changes = sqlite3_total_changes64(db);
  if (version >= 0 && version == c->terms_version && changes == c->terms_changes) return c->terms_current;
  std::string averages, structure;
  c->terms_current = version >= 0 && FtsState(db, &averages, &structure) && StoredTermsCurrent(db, averages, structure);
  c->terms_version = version;
  c->terms_changes = changes;
  return c->terms_current;
}

// The one term FTS5 looks up for the phrase written `text` (a bareword, or a
// quoted string without its quotes), tokenized as FTS5 tokenizes queries
// with passages_fts's tokenizer (schema.cc: 'porter xref'); false when the
// phrase is not one term (several tokens, or colocated ones: synonyms).
bool SingleTerm(ConnectionLengths* c, const std::string& text, std::string* term) {
  if (c->tokenizer == nullptr && !c->tokenizer_failed) {
    fts5_api* api = Fts5Api(c->db);
    void* user = nullptr;
    const char* args[] = {"xref"};
    if (api == nullptr || api->xFindTokenizer(api, "porter", &user, &c->tokenizer_api) != SQLITE_OK ||
        c->tokenizer_api.xCreate(user, args, 1, &c->tokenizer) != SQLITE_OK) {
      c->tokenizer = nullptr;
      c->tokenizer_failed = true;
    }
  }
  if (c->tokenizer == nullptr || text.empty() || text.size() > 1000) return false;
  struct Tokens {
    std::vector<std::string> list;
    bool colocated = false;
  } tokens;
  const int rc = c->tokenizer_api.xTokenize(
      c->tokenizer, &tokens, FTS5_TOKENIZE_QUERY, text.data(), static_cast<int>(text.size()),
      [](void* ctx, int flags, const char* token, int n, int, int) {
        auto* t = static_cast<Tokens*>(ctx);
        if (flags & FTS5_TOKEN_COLOCATED) t->colocated = true;
        if (t->list.size() < 2) t->list.emplace_back(token, static_cast<size_t>(std::max(n, 0)));
        return SQLITE_OK;
      });
  if (rc != SQLITE_OK || tokens.colocated || tokens.list.size() != 1) return false;
  *term = std::move(tokens.list[0]);
  return true;
}

// Each phrase's number of matching rows, from search_terms, where the query's
// phrase `texts[i]` is one stored term and what is stored is current; -1
// where FTS5 must count.
std::vector<sqlite3_int64> StoredPhraseCounts(const Fts5ExtensionApi* api, Fts5Context* fts, ConnectionLengths* c,
                                              const std::vector<std::optional<std::string>>* texts, int phrases) {
  std::vector<sqlite3_int64> counts(static_cast<size_t>(std::max(phrases, 0)), -1);
  if (texts == nullptr || texts->size() != counts.size() ||
      std::none_of(texts->begin(), texts->end(), [](const auto& t) { return t.has_value(); }) || !CurrentTerms(c)) {
    return counts;
  }
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(c->db, "SELECT docs FROM main.search_terms WHERE term = ?1", -1, &st, nullptr) != SQLITE_OK) {
    sqlite3_finalize(st);
    return counts;
  }
  std::string term;
  for (size_t i = 0; i < counts.size(); ++i) {
    const std::optional<std::string>& text = (*texts)[i];
    if (!text || api->xPhraseSize(fts, static_cast<int>(i)) != 1 || !SingleTerm(c, *text, &term)) continue;
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, term.data(), static_cast<int>(term.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) counts[i] = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  return counts;
}

// xref_match_rows(passages_fts, rows, w_text, w_section): keeps in `rows`,
// a MatchedRows bound with sqlite3_bind_pointer as kMatchedRowsType, the
// `keep` best matching rows by bm25 (then rowid), with their scores, and
// returns NULL. Search reads them best first (MatchStream), and runs the
// pass again to keep more only when filters reject too many of them.
//
// A row's bm25 needs its length. With the connection's lengths (above)
// every row gets its value from memory. Without them the lengths are read,
// walking one cursor over passages_fts_docsize in rowid order, only for the
// rows that can still be among the `keep` best: the others are known to be
// worse from a bound, the value for the length up to their last matched
// token (bm25 only gets worse as a row gets longer, and the same operations
// on a smaller length round the same way, so the bound is never worse than
// the row's value).
constexpr const char* kMatchedRowsType = "xref_matched_rows";

struct KeptRow {
  double value;  // bm25, lower is better (or -t: see MatchedRows::idf_after)
  sqlite3_int64 rowid;
  double freq;   // of the only phrase, with idf_after
  int length;
};

// Whether row a ranks before row b (ORDER BY bm25, rowid).
struct RanksBefore {
  bool operator()(const KeptRow& a, const KeptRow& b) const {
    return a.value < b.value || (a.value == b.value && a.rowid < b.rowid);
  }
};

// A --doc passage list in at most this many runs of consecutive rowids is
// ranked one run at a time (MatchStream::Gather): setting FTS5 up for a run
// costs about as much as stepping over a few hundred matching rows.
constexpr size_t kMaxPassageRanges = 32;

// Rows kept by a search with filters when the lengths are at hand.
constexpr size_t kFilteredKeepWithLengths = 2048;

// Rows that FTS5 would rank after the kept ones only because the idf was not
// known yet must be kept too (see idf_after): the product with the idf can
// round two different values to one, and then the rowid decides. Kept when
// within this share of the worst kept value.
constexpr double kIdfRoundingMargin = 1e-12;

struct MatchedRows {
  // Set before the pass.
  size_t keep = 20;
  // Kept instead of `keep` with the connection's lengths, where keeping
  // more costs little and spares a second pass when filters reject rows.
  size_t keep_with_lengths = 20;
  // The query is one phrase and nothing else in the statement rejects rows,
  // so the rows matched are the rows holding the phrase: its idf is counted
  // as they come (no second pass over them, xQueryPhrase).
  bool rows_are_phrase_hits = false;
  // A later pass of the same search (filters rejected too many rows): not
  // another search of the connection's, so not a reason to load every
  // length (a one-search process would pay for all 485,000 at N=1000 to
  // rank one query's rows again).
  bool same_search = false;
  // Filters will reject some of the rows (see keep_rest).
  bool filtered = false;
  // The query's phrases as written, in FTS5's order, where known (a phrase
  // that is not one plain term: nullopt), for their stored counts.
  const std::vector<std::optional<std::string>>* phrase_texts = nullptr;

  // The rows may be walked through FTS5's xQueryPhrase on the first row
  // (the query is one phrase and the statement rejects no row).
  bool phrase_walk_allowed = false;
  // The query is "P NOT Q1 NOT Q2 ..." of phrases: its rows are P's rows
  // that hold no Qi, and Qi adds nothing to their bm25.
  bool phrase_not_phrases = false;

  bool started = false;
  bool walk_phrase = false;      // to walk on the first row (StartMatchedRows)
  size_t read_phrases = 0;       // phrases whose instances a row's offer reads
  bool walked = false;           // walked: the statement can stop
  bool idf_after = false;        // idf counted in the pass; values are -t until Finish
  std::vector<int> phrase_size;  // tokens per phrase
  std::vector<double> weights;   // per column
  std::vector<int> extent;       // per column, of the current row: last matched token + 1
  std::vector<double> freq;      // per phrase, of the current row, each instance counting its column's weight
  std::vector<double> idf;       // per phrase
  sqlite3_int64 table_rows = 0;
  double avgdl = 0;
  const ConnectionLengths* lengths = nullptr;  // when current
  Bm25State walk;                // lengths read in rowid order (RowLength), when not

  size_t matched = 0;            // rows seen
  // The best rows so far: at least the `keep` best, and rows not yet
  // compared with the threshold (the keep-th best at the last compaction;
  // a row that does not rank before it is not kept).
  std::vector<KeptRow> best;
  KeptRow threshold{0, 0, 0, 0};
  bool has_threshold = false;
  std::vector<KeptRow> near;     // with idf_after: rows just worse than the threshold
  // With the connection's lengths every row's value is exact (or, with
  // idf_after, exact once the idf is known), so a filtered search keeps the
  // rows past the best in `rest`, unordered: when filters reject too many
  // of the best, Extend orders more of them instead of another pass over
  // FTS5 (which costs as much as the first).
  bool keep_rest = false;
  std::vector<KeptRow> rest;

  // Bm25LengthTerm(avgdl, length), computed once per length (a division
  // less per row).
  double LengthTerm(int length);
  std::vector<double> length_terms;  // by length; negative: not yet

  void Offer(const KeptRow& row);
  // Makes the values bm25's once the pass is over, and leaves the `keep`
  // best rows in `best`, best first.
  void Finish();
  // With keep_rest: leaves the `want` best rows in `best`, best first.
  void Extend(size_t want);
  // With idf_after: whether `row` is as good as the threshold but for the
  // rounding of the product with the idf.
  bool NearThreshold(const KeptRow& row) const;

 private:
  void Compact();
};

double MatchedRows::LengthTerm(int length) {
  if (length < 0 || length > kNoLength) return Bm25LengthTerm(avgdl, length);
  const size_t i = static_cast<size_t>(length);
  if (i >= length_terms.size()) length_terms.resize(std::max(i + 1, 2 * length_terms.size()), -1.0);
  if (length_terms[i] < 0) length_terms[i] = Bm25LengthTerm(avgdl, length);
  return length_terms[i];
}

void MatchedRows::Offer(const KeptRow& row) {
  if (has_threshold && !RanksBefore()(row, threshold)) {
    if (keep_rest) {
      rest.push_back(row);
    } else if (NearThreshold(row)) {
      near.push_back(row);
    }
    return;
  }
  best.push_back(row);
  // The first time at `keep` rows (a threshold to prune with), then at
  // twice as many: each row costs a comparison, and a compaction in `keep`
  // rows some O(keep) work.
  if (best.size() == (has_threshold ? 2 * keep : keep)) Compact();
}

void MatchedRows::Compact() {
  if (best.size() < keep || keep == 0) return;
  std::nth_element(best.begin(), best.begin() + static_cast<long>(keep - 1), best.end(), RanksBefore());
  threshold = best[keep - 1];
  has_threshold = true;
  for (size_t i = keep; i < best.size(); ++i) {
    if (keep_rest) {
      rest.push_back(best[i]);
    } else if (NearThreshold(best[i])) {
      near.push_back(best[i]);
    }
  }
  best.resize(keep);
}

bool MatchedRows::NearThreshold(const KeptRow& row) const {
  // values are -t <= 0 until Finish; "within the margin" of the threshold.
  return idf_after && row.value <= threshold.value * (1 - kIdfRoundingMargin);
}

void MatchedRows::Finish() {
  if (keep_rest) {
    if (idf_after) {
      idf[0] = Bm25Idf(table_rows, static_cast<sqlite3_int64>(matched));
      for (KeptRow& row : best) row.value = Bm25Value(idf, &row.freq, LengthTerm(row.length));
      for (KeptRow& row : rest) row.value = Bm25Value(idf, &row.freq, LengthTerm(row.length));
      idf_after = false;
    }
    Compact();
    std::sort(best.begin(), best.end(), RanksBefore());
    // Every row in `rest` ranked at or after the threshold when it went
    // there, so after the best ones; only the product with the idf, known
    // now, can round one into their place (see kIdfRoundingMargin): then
    // all are ordered again.
    if (!best.empty() && std::any_of(rest.begin(), rest.end(),
                                     [&](const KeptRow& row) { return RanksBefore()(row, best.back()); })) {
      rest.insert(rest.end(), best.begin(), best.end());
      best.clear();
      Extend(keep);
    }
    return;
  }
  Compact();
  if (idf_after) {
    idf[0] = Bm25Idf(table_rows, static_cast<sqlite3_int64>(matched));
    if (has_threshold) {
      for (const KeptRow& row : near) {
        if (NearThreshold(row)) best.push_back(row);
      }
    }
    near.clear();
    for (KeptRow& row : best) row.value = Bm25Value(idf, &row.freq, LengthTerm(row.length));
    idf_after = false;
  }
  std::sort(best.begin(), best.end(), RanksBefore());
  if (best.size() > keep) best.resize(keep);
}

void MatchedRows::Extend(size_t want) {
  const size_t n = std::min(want > best.size() ? want - best.size() : 0, rest.size());
  if (n == 0) return;
  if (n < rest.size()) std::nth_element(rest.begin(), rest.begin() + static_cast<long>(n), rest.end(), RanksBefore());
  std::sort(rest.begin(), rest.begin() + static_cast<long>(n), RanksBefore());
  best.insert(best.end(), rest.begin(), rest.begin() + static_cast<long>(n));
  rest.erase(rest.begin(), rest.begin() + static_cast<long>(n));
}

// The statistics of the query, on its first matching row.
int StartMatchedRows(const Fts5ExtensionApi* api, Fts5Context* fts, MatchedRows* rows, int weight_count,
                     sqlite3_value** weights) {
  rows->started = true;
  const int phrases = api->xPhraseCount(fts);
  for (int i = 0; i < phrases; ++i) rows->phrase_size.push_back(api->xPhraseSize(fts, i));
  rows->freq.assign(static_cast<size_t>(phrases), 0.0);
  const int columns = std::max(0, api->xColumnCount(fts));
  rows->extent.assign(static_cast<size_t>(columns), 0);
  for (int c = 0; c < columns; ++c) rows->weights.push_back(weight_count > c ? sqlite3_value_double(weights[c]) : 1.0);
  sqlite3_int64 tokens = 0;
  int rc = api->xRowCount(fts, &rows->table_rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  rows->avgdl = static_cast<double>(tokens) / static_cast<double>(rows->table_rows);

  // The connection's lengths: loaded on its second search, checked against
  // FTS5 on this row (on another table than passages_fts they would differ).
  auto* lengths = static_cast<ConnectionLengths*>(api->xUserData(fts));
  const sqlite3_int64 rowid = api->xRowid(fts);
  int length = 0;
  rc = api->xColumnSize(fts, -1, &length);
  if (rc != SQLITE_OK) return rc;
  if (!rows->same_search) ++lengths->searches;
  if (CurrentLengths(lengths, lengths->searches >= 2) && rowid >= 0 &&
      static_cast<size_t>(rowid) < lengths->length.size() && lengths->length[static_cast<size_t>(rowid)] == length) {
    rows->lengths = lengths;
  }
  if (rows->lengths != nullptr) {
    rows->keep = std::max(rows->keep, rows->keep_with_lengths);
    rows->keep_rest = rows->filtered;
  }
  rows->idf_after = rows->rows_are_phrase_hits && phrases == 1;
  rows->walk_phrase = rows->phrase_walk_allowed &&
                      ((rows->rows_are_phrase_hits && phrases == 1) || (rows->phrase_not_phrases && phrases >= 2)) &&
                      std::all_of(rows->phrase_size.begin(), rows->phrase_size.end(), [](int n) { return n > 0; });
  rows->read_phrases = rows->walk_phrase ? 1 : static_cast<size_t>(phrases);
  // Room for the rows between compactions (and as many near ones), up to
  // what is sure to be needed.
  rows->best.reserve(std::min<size_t>(2 * rows->keep, size_t{1} << 16));
  if (rows->idf_after) rows->near.reserve(std::min<size_t>(rows->keep, size_t{1} << 16));
  rows->idf.assign(static_cast<size_t>(phrases), 1.0);
  if (!rows->idf_after) {
    const std::vector<sqlite3_int64> stored = StoredPhraseCounts(api, fts, lengths, rows->phrase_texts, phrases);
    for (int i = 0; i < phrases; ++i) {
      sqlite3_int64 hits = stored[static_cast<size_t>(i)];
      if (hits < 0) {
        hits = 0;
        rc = api->xQueryPhrase(fts, i, &hits, CountRow);
        if (rc != SQLITE_OK) return rc;
      }
      rows->idf[static_cast<size_t>(i)] = Bm25Idf(rows->table_rows, hits);
    }
  }
  if (rows->lengths == nullptr &&
      sqlite3_prepare_v2(lengths->db, "SELECT id, sz FROM main.passages_fts_docsize WHERE id >= ?1", -1,
                         &rows->walk.sizes, nullptr) != SQLITE_OK) {
    sqlite3_finalize(rows->walk.sizes);
    rows->walk.sizes = nullptr;
  }
  return SQLITE_OK;
}

int OfferRow(const Fts5ExtensionApi* api, Fts5Context* fts, MatchedRows* rows);

void MatchRowsFunction(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context, int argc,
                       sqlite3_value** argv) {
  // The rows, kept as the query's auxiliary data after the first call
  // (sqlite3_value_pointer compares the type's name on every call).
  auto* rows = static_cast<MatchedRows*>(api->xGetAuxdata(fts, 0));
  int rc = SQLITE_OK;
  if (rows == nullptr) {
    rows = argc >= 1 ? static_cast<MatchedRows*>(sqlite3_value_pointer(argv[0], kMatchedRowsType)) : nullptr;
    if (rows == nullptr) {
      sqlite3_result_error(context, "xref_match_rows: the rows are not bound", -1);
      return;
    }
    rc = api->xSetAuxdata(fts, rows, nullptr);
  }
  if (rc == SQLITE_OK && !rows->started) rc = StartMatchedRows(api, fts, rows, argc - 1, argv + 1);
  if (rc == SQLITE_OK && rows->walk_phrase) {
    // The whole pass from this first row: every row holding the phrase, in
    // rowid order as the statement's cursor has them, each offered as below.
    // SQL stepping its cursor and calling this function for each row costs
    // about as much again as FTS5's own walk; the statement stops at the
    // row this returns.
    // For "P NOT Q1 ...", P's rows without those of any Qi (each Qi's rows
    // gathered first, in rowid order too).
    rows->walk_phrase = false;
    struct Walk {
      MatchedRows* rows;
      std::vector<sqlite3_int64> excluded;  // sorted
      size_t next = 0;                      // first excluded rowid not below the row
    } walk{rows, {}, 0};
    const int phrases = static_cast<int>(rows->phrase_size.size());
    for (int i = 1; rc == SQLITE_OK && i < phrases; ++i) {
      rc = api->xQueryPhrase(fts, i, &walk.excluded, [](const Fts5ExtensionApi* a, Fts5Context* f, void* user) {
        static_cast<std::vector<sqlite3_int64>*>(user)->push_back(a->xRowid(f));
        return SQLITE_OK;
      });
    }
    if (phrases > 2) {
      std::sort(walk.excluded.begin(), walk.excluded.end());
      walk.excluded.erase(std::unique(walk.excluded.begin(), walk.excluded.end()), walk.excluded.end());
    }
    if (rc == SQLITE_OK) {
      rc = api->xQueryPhrase(fts, 0, &walk, [](const Fts5ExtensionApi* a, Fts5Context* f, void* user) {
        auto* w = static_cast<Walk*>(user);
        if (!w->excluded.empty()) {
          const sqlite3_int64 rowid = a->xRowid(f);
          while (w->next < w->excluded.size() && w->excluded[w->next] < rowid) ++w->next;
          if (w->next < w->excluded.size() && w->excluded[w->next] == rowid) return SQLITE_OK;
        }
        return OfferRow(a, f, w->rows);
      });
    }
    rows->walked = true;
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(context, rc);
    } else {
      sqlite3_result_int(context, 1);
    }
    return;
  }
  if (rc == SQLITE_OK) rc = OfferRow(api, fts, rows);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(context, rc);
    return;
  }
  sqlite3_result_null(context);
}

// The current row of `fts`, scored and offered to `rows`.
int OfferRow(const Fts5ExtensionApi* api, Fts5Context* fts, MatchedRows* rows) {
  int rc = SQLITE_OK;
  const sqlite3_int64 rowid = api->xRowid(fts);
  const size_t phrases = rows->phrase_size.size();
  // Walking one phrase's rows (xQueryPhrase), the cursor knows that phrase
  // only; the others' instances there are none (their freq stays 0).
  const size_t read = std::min(rows->read_phrases, phrases);
  // The extents bound a row's length only when it must be looked up.
  const bool extents = rows->lengths == nullptr;
  std::fill(rows->freq.begin(), rows->freq.end(), 0.0);
  if (extents) std::fill(rows->extent.begin(), rows->extent.end(), 0);
  // Each phrase's instances from its own position list (xPhraseFirst), not
  // from xInst, for which FTS5 first merges every phrase's list into one
  // array: a phrase's instances come in the same order either way, so its
  // weights add up to the same bits.
  for (size_t phrase = 0; rc == SQLITE_OK && phrase < read; ++phrase) {
    Fts5PhraseIter it;
    int column = -1, offset = 0;
    rc = api->xPhraseFirst(fts, static_cast<int>(phrase), &it, &column, &offset);
    double& freq = rows->freq[phrase];
    const int size = rows->phrase_size[phrase];
    for (; rc == SQLITE_OK && column >= 0; api->xPhraseNext(fts, &it, &column, &offset)) {
      if (static_cast<size_t>(column) >= rows->extent.size()) continue;
      freq += rows->weights[static_cast<size_t>(column)];
      if (extents) {
        int& extent = rows->extent[static_cast<size_t>(column)];
        extent = std::max(extent, offset + size);
      }
    }
  }
  if (rc == SQLITE_OK) {
    ++rows->matched;
    KeptRow row{0, rowid, phrases == 1 ? rows->freq[0] : 0, 0};
    if (rows->lengths != nullptr) {
      const auto& length = rows->lengths->length;
      if (rowid >= 0 && static_cast<size_t>(rowid) < length.size() && length[static_cast<size_t>(rowid)] != kNoLength) {
        row.length = length[static_cast<size_t>(rowid)];
      } else {
        rc = api->xColumnSize(fts, -1, &row.length);
      }
      row.value = Bm25Value(rows->idf, rows->freq.data(), rows->LengthTerm(row.length));
      if (rc == SQLITE_OK) rows->Offer(row);
    } else {
      row.value = Bm25Value(rows->idf, rows->freq.data(),
                            rows->LengthTerm(std::accumulate(rows->extent.begin(), rows->extent.end(), 0)));
      // Worse than the keep-th row, or as bad with a later rowid (and, with
      // the idf to come, not near it): the row's own value can only be
      // worse still.
      if (rows->walk.sizes == nullptr || !rows->has_threshold || RanksBefore()(row, rows->threshold) ||
          rows->NearThreshold(row)) {
        rc = RowLength(api, fts, &rows->walk, &row.length);
        row.value = Bm25Value(rows->idf, rows->freq.data(), rows->LengthTerm(row.length));
        rows->Offer(row);
      }
    }
  }
  return rc;
}

// The matching rows best first (ORDER BY bm25, rowid), with bm25's values
// to the bit, from xref_match_rows: the best `keep` from one pass, and when
// the caller wants more (filters rejected some), a pass keeping as many as
// the caller's estimate says (at least twice as many), skipping the rows
// already given.
class MatchStream {
 public:
  // `filtered`: rows will be rejected after ranking.
  MatchStream(sqlite::Statement gather, std::string match, const std::vector<int64_t>* passages, size_t keep,
              bool filtered, bool rows_are_phrase_hits, bool phrase_not_phrases,
              std::vector<std::optional<std::string>> phrase_texts)
      : gather_(std::move(gather)),
        match_(std::move(match)),
        passages_(passages),
        keep_(std::max<size_t>(keep, 1)),
        filtered_(filtered),
        rows_are_phrase_hits_(rows_are_phrase_hits),
        phrase_not_phrases_(phrase_not_phrases),
        phrase_texts_(std::move(phrase_texts)) {}

  // The next row; false at the end or on an error (status()). `wanted`:
  // how many rows in all the caller expects to need, should it need more.
  bool Next(sqlite3_int64* rowid, double* value, size_t wanted) {
    if (rows_ == nullptr || (next_ == rows_->best.size() && rows_->matched > rows_->best.size())) {
      if (rows_ != nullptr) keep_ = std::max(keep_ > SIZE_MAX / 2 ? SIZE_MAX : 2 * keep_, wanted);
      if (rows_ != nullptr && rows_->keep_rest) {
        rows_->Extend(keep_);  // the rows of the pass are all there
      } else if (!Gather()) {
        return false;
      }
    }
    if (next_ >= rows_->best.size()) return false;
    *rowid = rows_->best[next_].rowid;
    *value = rows_->best[next_].value;
    ++next_;
    return true;
  }

  const Status& status() const { return gather_.status(); }

  // The share of the table's rows that the last pass matched (0 before
  // one), and whether the pass saw every matching row (not only the rows of
  // a --doc list).
  double MatchedShare() const {
    return rows_ == nullptr || rows_->table_rows <= 0
               ? 0.0
               : static_cast<double>(rows_->matched) / static_cast<double>(rows_->table_rows);
  }
  bool SawEveryMatch() const { return passages_ == nullptr; }

 private:
  bool Gather() {
    rows_ = std::make_unique<MatchedRows>();
    rows_->keep = keep_;
    rows_->keep_with_lengths = filtered_ ? std::max(keep_, kFilteredKeepWithLengths) : keep_;
    rows_->filtered = filtered_;
    rows_->rows_are_phrase_hits = rows_are_phrase_hits_;
    rows_->phrase_texts = &phrase_texts_;
    rows_->same_search = passes_++ > 0;
    // Not for a prefix: xQueryPhrase would merge the rows of every term it
    // matches again, which the statement's cursor has already done.
    rows_->phrase_walk_allowed = passages_ == nullptr && match_.find('*') == std::string::npos;
    rows_->phrase_not_phrases = phrase_not_phrases_;
    // With a passage list, one run of the statement per run of consecutive
    // rowids in it (a document's passages), each a seek in FTS5, instead of
    // a walk over every matching row with most of them skipped; when there
    // are many such runs (or a prefix, which each run would merge again),
    // one run over all rowids.
    std::vector<std::pair<int64_t, int64_t>> ranges;
    if (passages_ != nullptr && !passages_->empty() && match_.find('*') == std::string::npos) {
      for (int64_t id : *passages_) {
        if (ranges.empty() || id > ranges.back().second + 1) {
          if (ranges.size() == kMaxPassageRanges) {
            ranges.clear();
            break;
          }
          ranges.emplace_back(id, id);
        } else {
          ranges.back().second = std::max(ranges.back().second, id);
        }
      }
    }
    if (ranges.empty()) ranges.emplace_back(INT64_MIN, INT64_MAX);
    for (const auto& [lo, hi] : ranges) {
      gather_.Reset();
      sqlite3_bind_pointer(gather_.get(), 1, rows_.get(), kMatchedRowsType, nullptr);
      gather_.Bind(2, kTextWeight).Bind(3, kSectionWeight).Bind(4, match_);
      if (passages_ != nullptr) {
        sqlite3_bind_pointer(gather_.get(), 5, const_cast<std::vector<int64_t>*>(passages_), kIdListType, nullptr);
        gather_.Bind(6, lo).Bind(7, hi);
      }
      while (gather_.Step() && !rows_->walked) {
      }
      if (!gather_.status().ok()) return false;
    }
    rows_->Finish();
    return true;  // next_ stays: the rows before it come first again
  }

  sqlite::Statement gather_;
  std::string match_;
  const std::vector<int64_t>* passages_;
  size_t keep_;
  bool filtered_;
  bool rows_are_phrase_hits_;
  bool phrase_not_phrases_;
  std::vector<std::optional<std::string>> phrase_texts_;
  std::unique_ptr<MatchedRows> rows_;
  size_t next_ = 0;  // rows given
  int passes_ = 0;   // Gather calls
};

}  // namespace

Status RegisterSearchFunctions(sqlite3* db) {
  fts5_api* api = Fts5Api(db);
  if (api == nullptr) return Status::Internal("sqlite", "this SQLite has no FTS5");
  if (api->xCreateFunction(api, "xref_bm25", db, Bm25Function, nullptr) != SQLITE_OK ||
      api->xCreateFunction(api, "xref_match_rows", new ConnectionLengths(db), MatchRowsFunction,
                           [](void* p) { delete static_cast<ConnectionLengths*>(p); }) != SQLITE_OK) {
    return Status::Internal("sqlite", std::string("cannot register xref_bm25: ") + sqlite3_errmsg(db));
  }
  if (sqlite3_create_function(db, "xref_member", 2, SQLITE_UTF8, nullptr, MemberFunction, nullptr, nullptr) !=
      SQLITE_OK) {
    return Status::Internal("sqlite", std::string("cannot register xref_member: ") + sqlite3_errmsg(db));
  }
  return Status::Ok();
}

namespace {

// The lengths' part of SaveSearchLengths.
Status SaveLengths(sqlite3* db) {
  auto fail = [&](const char* what) {
    return Status::IoError(sqlite3_db_filename(db, "main") ? sqlite3_db_filename(db, "main") : "",
                           std::string("cannot store the passages' lengths (") + what + ": " + sqlite3_errmsg(db) + ")");
  };
  auto exec = [&](const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; };
  const bool own_transaction = sqlite3_get_autocommit(db) != 0;
  if (own_transaction && !exec("BEGIN IMMEDIATE")) return fail("begin");
  auto finish = [&](Status s) {
    if (own_transaction) {
      if (s.ok() && !exec("COMMIT")) s = fail("commit");
      if (!s.ok()) exec("ROLLBACK");
    }
    return s;
  };
  if (!exec("CREATE TABLE IF NOT EXISTS search_lengths(\n"
            "  id           INTEGER PRIMARY KEY CHECK (id = 1),\n"
            "  fts_averages BLOB NOT NULL,\n"
            "  fts_structure BLOB NOT NULL,\n"
            "  lengths      BLOB NOT NULL\n"
            ")")) {
    return finish(fail("create"));
  }
  std::string averages, structure;
  if (!FtsState(db, &averages, &structure)) {
    // Nothing indexed (or an FTS5 layout without these records).
    return finish(exec("DELETE FROM search_lengths") ? Status::Ok() : fail("delete"));
  }
  if (StoredLengthsCurrent(db, averages, structure)) return finish(Status::Ok());  // nothing changed
  std::vector<unsigned char> bytes;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT id, sz FROM main.passages_fts_docsize", -1, &st, nullptr) != SQLITE_OK) {
    sqlite3_finalize(st);
    return finish(fail("read"));
  }
  int rc;
  bool fits = true;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const int64_t id = sqlite3_column_int64(st, 0);
    if (id < 0 || id > kMaxCachedRowid) {
      fits = false;
      break;
    }
    const size_t at = 2 * static_cast<size_t>(id);
    if (at >= bytes.size()) bytes.resize(std::max(at + 2, 2 * bytes.size()), 0xFF);  // kNoLength
    const int length = std::min<int>(DocsizeTotal(st, 1), kNoLength);
    bytes[at] = static_cast<unsigned char>(length & 0xFF);
    bytes[at + 1] = static_cast<unsigned char>(length >> 8);
  }
  sqlite3_finalize(st);
  if (fits && rc != SQLITE_DONE) return finish(fail("read"));
  if (!fits || bytes.empty()) {
    return finish(exec("DELETE FROM search_lengths") ? Status::Ok() : fail("delete"));
  }
  // Trailing holes are left out (the reader treats rowids past the end as
  // unknown).
  while (bytes.size() >= 2 && bytes[bytes.size() - 1] == 0xFF && bytes[bytes.size() - 2] == 0xFF) bytes.resize(bytes.size() - 2);
  if (sqlite3_prepare_v2(db,
                         "INSERT OR REPLACE INTO search_lengths(id, fts_averages, fts_structure, lengths) "
                         "VALUES (1, ?1, ?2, ?3)",
                         -1, &st, nullptr) != SQLITE_OK) {
    sqlite3_finalize(st);
    return finish(fail("write"));
  }
  sqlite3_bind_blob(st, 1, averages.data(), static_cast<int>(averages.size()), SQLITE_STATIC);
  sqlite3_bind_blob(st, 2, structure.data(), static_cast<int>(structure.size()), SQLITE_STATIC);
  sqlite3_bind_blob64(st, 3, bytes.data(), bytes.size(), SQLITE_STATIC);
  rc = sqlite3_step(st);
  sqlite3_finalize(st);
  return finish(rc == SQLITE_DONE ? Status::Ok() : fail("write"));
}

// The term counts' part of SaveSearchLengths (see kMinStoredTermDocs), in
// the caller's transaction: read from FTS5's own index with an fts5vocab
// table, which walks every term's rows as a query would.
Status SaveTermCounts(sqlite3* db) {
  auto fail = [&](const char* what) {
    return Status::IoError(sqlite3_db_filename(db, "main") ? sqlite3_db_filename(db, "main") : "",
                           std::string("cannot store the terms' counts (") + what + ": " + sqlite3_errmsg(db) + ")");
  };
  auto exec = [&](const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; };
  if (!exec("CREATE TABLE IF NOT EXISTS search_terms(\n"
            "  term TEXT PRIMARY KEY,\n"
            "  docs INTEGER NOT NULL\n"
            ") WITHOUT ROWID;\n"
            "CREATE TABLE IF NOT EXISTS search_terms_state(\n"
            "  id            INTEGER PRIMARY KEY CHECK (id = 1),\n"
            "  fts_averages  BLOB NOT NULL,\n"
            "  fts_structure BLOB NOT NULL\n"
            ")")) {
    return fail("create");
  }
  std::string averages, structure;
  const bool indexed = FtsState(db, &averages, &structure);
  if (indexed && StoredTermsCurrent(db, averages, structure)) return Status::Ok();  // nothing changed
  if (!exec("DELETE FROM search_terms_state; DELETE FROM search_terms")) return fail("delete");
  if (!indexed) return Status::Ok();  // nothing indexed (or an FTS5 layout without these records)
  if (!exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.xref_term_rows USING fts5vocab(main, passages_fts, row)")) {
    return fail("read");
  }
  sqlite3_stmt* st = nullptr;
  bool ok = sqlite3_prepare_v2(db, "INSERT INTO main.search_terms(term, docs) SELECT term, doc FROM temp.xref_term_rows "
                               "WHERE doc >= ?1", -1, &st, nullptr) == SQLITE_OK;
  if (ok) {
    sqlite3_bind_int64(st, 1, kMinStoredTermDocs);
    ok = sqlite3_step(st) == SQLITE_DONE;
  }
  sqlite3_finalize(st);
  if (!ok) {
    Status s = fail("write");
    exec("DROP TABLE IF EXISTS temp.xref_term_rows");
    return s;
  }
  if (!exec("DROP TABLE IF EXISTS temp.xref_term_rows")) return fail("drop");
  ok = sqlite3_prepare_v2(db, "INSERT INTO main.search_terms_state(id, fts_averages, fts_structure) VALUES (1, ?1, ?2)",
                          -1, &st, nullptr) == SQLITE_OK;
  if (ok) {
    sqlite3_bind_blob(st, 1, averages.data(), static_cast<int>(averages.size()), SQLITE_STATIC);
    sqlite3_bind_blob(st, 2, structure.data(), static_cast<int>(structure.size()), SQLITE_STATIC);
    ok = sqlite3_step(st) == SQLITE_DONE;
  }
  sqlite3_finalize(st);
  return ok ? Status::Ok() : fail("write");
}

}  // namespace

Status SaveSearchLengths(sqlite3* db) {
  auto exec = [&](const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; };
  const bool own_transaction = sqlite3_get_autocommit(db) != 0;
  if (own_transaction && !exec("BEGIN IMMEDIATE")) {
    return Status::IoError(sqlite3_db_filename(db, "main") ? sqlite3_db_filename(db, "main") : "",
                           std::string("cannot store the search statistics (begin: ") + sqlite3_errmsg(db) + ")");
  }
  Status s = SaveLengths(db);
  if (s.ok()) s = SaveTermCounts(db);
  if (own_transaction) {
    if (s.ok() && !exec("COMMIT")) {
      s = Status::IoError(sqlite3_db_filename(db, "main") ? sqlite3_db_filename(db, "main") : "",
                          std::string("cannot store the search statistics (commit: ") + sqlite3_errmsg(db) + ")");
    }
    if (!s.ok()) exec("ROLLBACK");
  }
  return s;
}

namespace {

// The phrases of a plain query, in order: each one's text, and whether it is
// a prefix.
struct PlainPhrase {
  std::string text;
  bool prefix = false;
};

std::vector<PlainPhrase> PlainQueryPhrases(const std::string& query) {
  std::vector<QueryItem> items = SplitQuery(query);
  std::vector<PlainPhrase> phrases;
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
    phrases.push_back(PlainPhrase{item.text, prefix});
  }
  return phrases;
}

// The phrases of an FTS5 query in the order FTS5 numbers them (the order
// they are written in), each as the text FTS5 tokenizes: a bareword, or a
// string without its quotes. Only for queries of barewords, strings, AND,
// OR, NOT, NEAR(..., N) and parentheses; for any other (column filters, ^,
// +, prefixes) nullopt, and FTS5 counts every phrase's rows itself.
std::optional<std::vector<std::string>> Fts5QueryPhrases(const std::string& q) {
  auto bare = [](unsigned char c) { return c >= 0x80 || std::isalnum(c) || c == '_' || c == 0x1A; };
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  std::vector<std::string> phrases;
  bool distance_next = false;  // after the comma of NEAR(..., N)
  for (size_t i = 0; i < q.size();) {
    const char c = q[i];
    if (space(c) || c == '(' || c == ')') {
      ++i;
    } else if (c == ',') {
      distance_next = true;
      ++i;
    } else if (c == '"') {
      std::string text;
      size_t j = i + 1;
      for (;; ++j) {
        if (j >= q.size()) return std::nullopt;  // unterminated: FTS5 rejects it
        if (q[j] == '"') {
          if (j + 1 < q.size() && q[j + 1] == '"') {
            text += '"';
            ++j;
            continue;
          }
          break;
        }
        text += q[j];
      }
      i = j + 1;
      if (i < q.size() && q[i] == '*') return std::nullopt;
      phrases.push_back(std::move(text));
    } else if (bare(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < q.size() && bare(static_cast<unsigned char>(q[j]))) ++j;
      std::string word = q.substr(i, j - i);
      i = j;
      if (i < q.size() && q[i] == '*') return std::nullopt;
      if (distance_next) {
        distance_next = false;
        continue;
      }
      if (word == "AND" || word == "OR" || word == "NOT") continue;
      if (word == "NEAR") {
        size_t k = i;
        while (k < q.size() && space(q[k])) ++k;
        if (k < q.size() && q[k] == '(') continue;
      }
      phrases.push_back(std::move(word));
    } else {
      return std::nullopt;
    }
  }
  return phrases;
}

// Whether the FTS5 query `q` is "P NOT Q1 NOT Q2 ...": barewords or strings
// joined by NOT alone (no parentheses, AND, OR, NEAR, column filters, ^, +
// or prefixes). FTS5's NOT takes the rows of its left side that do not
// match its right side, left to right, so the rows are P's without any Qi's.
bool IsPhraseNotPhrases(const std::string& q) {
  auto bare = [](unsigned char c) { return c >= 0x80 || std::isalnum(c) || c == '_' || c == 0x1A; };
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  size_t phrases = 0;
  bool want_phrase = true;  // else NOT
  for (size_t i = 0; i < q.size();) {
    const char c = q[i];
    if (space(c)) {
      ++i;
    } else if (c == '"') {
      size_t j = i + 1;
      for (;; ++j) {
        if (j >= q.size()) return false;
        if (q[j] == '"') {
          if (j + 1 < q.size() && q[j + 1] == '"') {
            ++j;
            continue;
          }
          break;
        }
      }
      if (!want_phrase) return false;
      ++phrases;
      want_phrase = false;
      i = j + 1;
    } else if (bare(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < q.size() && bare(static_cast<unsigned char>(q[j]))) ++j;
      const std::string word = q.substr(i, j - i);
      i = j;
      if (word == "NOT") {
        if (want_phrase) return false;
        want_phrase = true;
      } else {
        if (!want_phrase || word == "AND" || word == "OR" || word == "NEAR") return false;
        ++phrases;
        want_phrase = false;
      }
    } else {
      return false;  // ( ) : ^ + * - , and anything else
    }
  }
  return phrases >= 2 && !want_phrase;
}

}  // namespace

Result<std::string> PlainQueryToFts5(const std::string& query) {
  std::vector<std::string> terms;
  for (const PlainPhrase& p : PlainQueryPhrases(query)) terms.push_back(Quote(p.text) + (p.prefix ? "*" : ""));
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

// One read transaction around a search, unless the caller has one open: the
// ranking, the places and the snippets see the same index even while a
// refresh writes, and SQLite takes its locks once instead of per statement.
class ReadTransaction {
 public:
  explicit ReadTransaction(sqlite::Database& db)
      : db_(db), began_(sqlite3_get_autocommit(db.get()) != 0 && db.Exec("BEGIN").ok()) {}
  ~ReadTransaction() {
    if (began_) db_.Exec("COMMIT");
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  sqlite::Database& db_;
  bool began_;
};

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

// Filters checked on ranked rows: the ranking keeps the best
// `limit` * kCandidatesPerHit rows first, at least kMinCandidates.
constexpr size_t kCandidatesPerHit = 4;
constexpr int64_t kMinCandidates = 100;
// Hits whose snippets one query makes when about this many matching rows or
// fewer lie between them (see the snippets in Search): setting FTS5 up for
// one hit costs about as much as stepping over a few hundred matching rows
// (64, 256 and 1,024 measured: 256 and 1,024 alike, 64 7 % more
// instructions at 300 files).
constexpr double kSnippetRunGapRows = 256;
// A --doc glob matching at most 1/kFewDocuments of the documents lists their
// passages for the ranking to skip the others (see Search).
constexpr size_t kFewDocuments = 16;

// The matched rows best first by FTS5's own bm25, in SQL: for a connection
// without xref_match_rows (RegisterSearchFunctions). SQLite sorts the best
// `window` rows; when the caller wants more (filters rejected some), the
// query runs again with a window kWidening times wider, skipping the rows
// already given.
class SqlRanking {
 public:
  static constexpr int64_t kWidening = 8;

  SqlRanking(sqlite::Statement rank, std::string match, int64_t window)
      : rank_(std::move(rank)), match_(std::move(match)), window_(std::max<int64_t>(window, 1)) {}

  bool Next(sqlite3_int64* rowid, double* value) {
    for (;;) {
      if (!running_) {
        rank_.Reset();
        rank_.Bind(1, kTextWeight).Bind(2, kSectionWeight).Bind(3, match_).Bind(4, window_);
        rows_ = 0;
        running_ = true;
      }
      if (rank_.Step()) {
        if (rows_++ < given_) continue;
        ++given_;
        *rowid = rank_.ColumnInt64(0);
        *value = rank_.ColumnDouble(1);
        return true;
      }
      if (!rank_.status().ok() || rows_ < window_ || window_ > INT64_MAX / kWidening) return false;
      window_ *= kWidening;
      running_ = false;
    }
  }

  const Status& status() const { return rank_.status(); }

 private:
  sqlite::Statement rank_;
  std::string match_;
  int64_t window_;
  int64_t rows_ = 0;   // stepped in this run
  int64_t given_ = 0;  // given by Next, over all runs
  bool running_ = false;
};

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
  ReadTransaction transaction(db);

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
  size_t documents = 0;
  if (!options.doc_glob.empty()) {
    Result<std::vector<int64_t>> ids = DocumentsMatching(db, options.doc_glob, &documents);
    if (!ids.ok()) return ids.status();
    doc_ids = std::move(*ids);
  }
  // Where the --doc glob is applied: a glob matching a small part of the
  // documents lists their passages, for the ranking to skip the others by id
  // (xref_member on rowid); a broader one is checked on the ranked rows, like
  // the tag filters (a lookup per ranked row, instead of one per match).
  enum class DocFilter { kNone, kPassageList, kAfterRanking };
  DocFilter doc_filter = DocFilter::kNone;
  std::vector<int64_t> doc_passages;  // sorted
  if (!options.doc_glob.empty()) {
    doc_filter = doc_ids.size() * kFewDocuments <= documents ? DocFilter::kPassageList : DocFilter::kAfterRanking;
  }
  if (doc_filter == DocFilter::kPassageList) {
    sqlite::Statement list = db.Prepare("SELECT id FROM passages WHERE doc_id = ?1");
    for (int64_t doc : doc_ids) {
      list.Reset();
      list.Bind(1, doc);
      while (list.Step()) doc_passages.push_back(list.ColumnInt64(0));
      if (!list.status().ok()) return SearchFailure(db, options);
    }
    std::sort(doc_passages.begin(), doc_passages.end());
  }

  // 1. Gather the matching rows from the full-text index alone (the joins,
  // the filters and the snippets are paid for the best rows only:
  // docs/performance.md, findings 2 and 8), keeping the best (MatchStream), with
  // xref_match_rows (and xref_member) where the connection has them
  // (OpenIndexForReading registers them); else FTS5's bm25 ranks in SQL,
  // the same scores, slower.
  const size_t limit = static_cast<size_t>(options.limit);
  const bool filtered = doc_filter == DocFilter::kAfterRanking || !tag_filters.empty();
  std::optional<MatchStream> match_stream;
  std::optional<SqlRanking> sql_ranking;
  Status prepared;
  {
    // xref_match_rows returns NULL, so no row comes out and the statement
    // steps once, instead of once per matching row (a return to the caller
    // and back for each); when it walks the rows itself (one phrase), it
    // returns 1 on the first row, and the statement is not stepped again.
    std::string sql = "SELECT 1 FROM passages_fts WHERE passages_fts MATCH ?4";
    if (doc_filter == DocFilter::kPassageList) {
      sql += " AND passages_fts.rowid BETWEEN ?6 AND ?7 AND xref_member(passages_fts.rowid, ?5)";
    }
    sql += " AND xref_match_rows(passages_fts, ?1, ?2, ?3) IS NOT NULL";
    sqlite::Statement gather = db.Prepare(sql, &prepared);
    if (gather.valid()) {
      // A query of one term or phrase matches the rows holding it: in the
      // plain syntax, and in FTS5's, where a query of one phrase is that
      // phrase, perhaps in a column filter or a NEAR group of one, which
      // xQueryPhrase's count keeps (section:pillar). Not with ^ (first
      // token), which is left to FTS5's count.
      const bool rows_are_phrase_hits =
          doc_filter != DocFilter::kPassageList &&
          (options.syntax == QuerySyntax::kPlain || match.find('^') == std::string::npos);
      // The phrases' texts, for the counts the index run stored.
      std::vector<std::optional<std::string>> phrase_texts;
      if (options.syntax == QuerySyntax::kPlain) {
        for (PlainPhrase& p : PlainQueryPhrases(options.query)) {
          phrase_texts.push_back(p.prefix ? std::nullopt : std::optional<std::string>(std::move(p.text)));
        }
      } else if (std::optional<std::vector<std::string>> texts = Fts5QueryPhrases(match)) {
        phrase_texts.assign(texts->begin(), texts->end());
      }
      match_stream.emplace(std::move(gather), match, doc_filter == DocFilter::kPassageList ? &doc_passages : nullptr,
                           filtered ? std::max<size_t>(kMinCandidates, kCandidatesPerHit * limit) : limit, filtered,
                           rows_are_phrase_hits,
                           options.syntax == QuerySyntax::kFts5 && IsPhraseNotPhrases(match), std::move(phrase_texts));
    } else {
      if (doc_filter == DocFilter::kPassageList) doc_filter = DocFilter::kAfterRanking;
      sqlite::Statement rank = db.Prepare(
          "SELECT rowid, bm25(passages_fts, ?1, ?2) AS score FROM passages_fts "
          "WHERE passages_fts MATCH ?3 ORDER BY score, rowid LIMIT ?4",
          &prepared);
      if (!rank.valid()) return PrepareFailure(db, prepared, "search");
      const bool rejects = doc_filter == DocFilter::kAfterRanking || !tag_filters.empty();
      sql_ranking.emplace(std::move(rank), match,
                          rejects ? std::max<int64_t>(kMinCandidates, kCandidatesPerHit * int64_t{options.limit})
                                  : int64_t{options.limit});
    }
  }
  auto next_ranked = [&](sqlite3_int64* rowid, double* value, size_t wanted) {
    return match_stream ? match_stream->Next(rowid, value, wanted) : sql_ranking->Next(rowid, value);
  };

  // 2. The places of the best rows, with the --doc glob (first: it costs
  // least) and the tag filters checked on each, until enough pass.
  const bool check_docs = doc_filter == DocFilter::kAfterRanking;
  const bool docs_in_sql = check_docs && match_stream;  // xref_member is there
  sqlite::Statement place = db.Prepare(std::string("SELECT ") + kHitColumns + ", p.doc_id FROM passages p " +
                                           "JOIN documents d ON d.id = p.doc_id WHERE p.id = :id" +
                                           (docs_in_sql ? " AND xref_member(p.doc_id, :docs)" : "") + tag_filters,
                                       &prepared);
  if (!place.valid()) return PrepareFailure(db, prepared, "search");
  auto bind = [&](const char* name, auto value) {
    int i = sqlite3_bind_parameter_index(place.get(), name);
    if (i > 0) place.Bind(i, value);
  };
  for (size_t i = 0; i < options.has.size(); ++i) bind((":k" + std::to_string(i)).c_str(), options.has[i]);
  if (options.min_amount) bind(":min", *options.min_amount);
  if (!after.empty()) bind(":after", after);
  if (!before.empty()) bind(":before", before);
  if (docs_in_sql) {
    sqlite3_bind_pointer(place.get(), sqlite3_bind_parameter_index(place.get(), ":docs"), &doc_ids, kIdListType,
                         nullptr);
  }
  const int id_parameter = sqlite3_bind_parameter_index(place.get(), ":id");
  std::vector<SearchHit> hits;
  sqlite3_int64 rowid = 0;
  double value = 0;
  size_t checked = 0;
  for (;;) {
    // Should the ranked rows run out: as many more as the share that passed
    // so far says are needed, half again for luck (16 times as many when
    // none passed).
    const size_t wanted =
        hits.empty() ? 16 * checked
                     : checked + static_cast<size_t>(std::ceil(1.5 * static_cast<double>(limit - hits.size()) *
                                                               static_cast<double>(checked) /
                                                               static_cast<double>(hits.size())));
    if (hits.size() >= limit || !next_ranked(&rowid, &value, wanted)) break;
    ++checked;
    sqlite3_reset(place.get());  // keeps the filters' bindings
    place.Bind(id_parameter, int64_t{rowid});
    if (place.Step() && (!check_docs || docs_in_sql ||
                         std::binary_search(doc_ids.begin(), doc_ids.end(), place.ColumnInt64(8)))) {
      SearchHit h = ReadHit(place);
      h.score = -value;
      hits.push_back(std::move(h));
    }
    if (!place.status().ok()) return SearchFailure(db, options);
  }
  if ((match_stream && !match_stream->status().ok()) || (sql_ranking && !sql_ranking->status().ok())) {
    return SearchFailure(db, options);
  }
  // Snippets for the hits kept only: in the ranking query SQLite would make
  // one for every matching passage before sorting (docs/performance.md,
  // finding 2). Each run of the snippet query parses the query and sets FTS5
  // up anew: for every term, in every segment, a lookup of the term and a
  // seek to the row, about as much work as stepping over some hundreds of
  // matching rows (50-300 µs a hit at 3,000 files), and for a prefix
  // (safeguard*) a merge of the rows of every term it matches, about as much
  // work as the ranking pass. So the hits are taken in rowid order, in runs
  // of hits with few matching rows between them (estimated from the share of
  // rows the ranking pass matched), one query over each run's rowid range
  // (xref_member skips the other rows in it); a prefix query makes all its
  // snippets in one run. A snippet depends only on its row's text and the
  // query's instances in it, so it is the same whichever query makes it.
  const int snippet_tokens = std::clamp(options.snippet_tokens, 1, 64);
  if (hits.empty()) return hits;
  if (match_stream) {
    std::vector<int64_t> ids;
    for (const SearchHit& h : hits) ids.push_back(h.passage_id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    const bool prefix = match.find('*') != std::string::npos;
    const double share = match_stream->SawEveryMatch() ? match_stream->MatchedShare() : 1.0;
    sqlite::Statement snips = db.Prepare(
        "SELECT rowid, snippet(passages_fts, -1, ?1, ?2, '…', ?3) FROM passages_fts "
        "WHERE passages_fts MATCH ?4 AND rowid BETWEEN ?5 AND ?6 AND xref_member(rowid, ?7)",
        &prepared);
    if (!snips.valid()) return PrepareFailure(db, prepared, "snippets");
    std::vector<std::pair<int64_t, std::string>> snippets;  // by rowid
    for (size_t first = 0; first < ids.size();) {
      size_t last = first;
      while (last + 1 < ids.size() &&
             (prefix || static_cast<double>(ids[last + 1] - ids[last] - 1) * share <= kSnippetRunGapRows)) {
        ++last;
      }
      snips.Reset();
      snips.Bind(1, options.highlight_open).Bind(2, options.highlight_close).Bind(3, snippet_tokens);
      snips.Bind(4, match).Bind(5, ids[first]).Bind(6, ids[last]);
      sqlite3_bind_pointer(snips.get(), 7, &ids, kIdListType, nullptr);
      while (snips.Step()) snippets.emplace_back(snips.ColumnInt64(0), snips.ColumnText(1));
      if (!snips.status().ok()) {
        return Status::IoError(db.path(), "cannot search the index (" + std::string(sqlite3_errmsg(db.get())) + ")");
      }
      first = last + 1;
    }
    for (SearchHit& h : hits) {
      auto it = std::lower_bound(snippets.begin(), snippets.end(), h.passage_id,
                                 [](const std::pair<int64_t, std::string>& a, int64_t id) { return a.first < id; });
      if (it != snippets.end() && it->first == h.passage_id) h.snippet = it->second;
    }
    return hits;
  }
  // Without xref_member (SqlRanking): one query per hit.
  sqlite::Statement snip = db.Prepare(
      "SELECT snippet(passages_fts, -1, ?1, ?2, '…', ?3) FROM passages_fts "
      "WHERE passages_fts MATCH ?4 AND rowid = ?5",
      &prepared);
  if (!snip.valid()) return PrepareFailure(db, prepared, "snippets");
  for (SearchHit& h : hits) {
    snip.Reset();
    snip.Bind(1, options.highlight_open).Bind(2, options.highlight_close);
    snip.Bind(3, snippet_tokens).Bind(4, match).Bind(5, h.passage_id);
    if (snip.Step()) h.snippet = snip.ColumnText(0);
    if (!snip.status().ok()) {
      return Status::IoError(db.path(), "cannot search the index (" +
                                            std::string(sqlite3_errmsg(db.get())) + ")");
    }
  }
  return hits;
}

}  // namespace xref
