// libFuzzer target: the search front end (index/search.h) with arbitrary
// query strings and filters against a small in-memory index.
//
// The input is split at NUL bytes into: the query, the --doc glob, a --has
// kind, --after, --before, and a flags byte (syntax, limit, min amount).
// Checks the contract users rely on:
//   - the plain syntax turns every string into valid FTS5 or a one-line
//     kInvalidArgument about the query, never an SQL error;
//   - every failure, in either syntax, is one line naming what is at fault;
//   - hits are at most `limit`, and each comes from an indexed document.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "index/search.h"
#include "index/store.h"

namespace {

xref::DocumentRecord Paper(const std::string& path, const std::vector<std::string>& texts) {
  xref::DocumentRecord r;
  r.file = xref::FileState{path, 100, 1};
  r.hash = "00000000000000" + std::to_string(texts.size());
  r.title = "Paper";
  int n = 0;
  for (const std::string& t : texts) {
    xref::PassageRecord p;
    p.passage.n = ++n;
    p.passage.section = "Funding";
    p.passage.text = t;
    xref::Tag money;
    money.kind = xref::TagKind::kMoney;
    money.text = "£45 million";
    money.money.currency = "GBP";
    money.money.amount = 45e6;
    p.tags.push_back(money);
    xref::Tag date;
    date.kind = xref::TagKind::kDate;
    date.text = "March 2024";
    date.date.start = "2024-03-01";
    date.date.end = "2024-03-31";
    date.date.precision = "month";
    p.tags.push_back(date);
    r.passages.push_back(std::move(p));
  }
  return r;
}

xref::IndexStore* Store() {
  static xref::IndexStore* store = [] {
    auto s = xref::IndexStore::Open(":memory:");
    if (!s.ok()) __builtin_trap();
    xref::IndexStore* raw = s->release();
    const std::vector<xref::DocumentRecord> papers = {
        Paper("/corpus/kinship.pdf", {"Kinship carers will receive £45 million by March 2024.",
                                      "Family help pathfinder areas, up to 12 in 2023/24."}),
        Paper("/corpus/air quality.html", {"Nitrogen dioxide levels near schools; the Council will review.",
                                           "Post-16 transport: £3.2m a year, 15% more buses."}),
        Paper("/corpus/ünïcode.txt", {"Café “quotes” — dashes, 日本語 and Ωmega.", "NEAR AND OR NOT *"}),
    };
    for (const xref::DocumentRecord& r : papers) {
      if (!raw->PutDocument(r).ok()) __builtin_trap();
    }
    return raw;
  }();
  return store;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  xref::IndexStore* store = Store();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> fields;
  size_t start = 0;
  for (size_t i = 0; i <= bytes.size() && fields.size() < 6; ++i) {
    if (i == bytes.size() || bytes[i] == '\0') {
      fields.emplace_back(bytes.substr(start, i - start));
      start = i + 1;
    }
  }
  fields.resize(6);
  xref::SearchOptions options;
  options.query = fields[0];
  options.doc_glob = fields[1];
  if (!fields[2].empty()) options.has.push_back(fields[2]);
  options.after = fields[3];
  options.before = fields[4];
  const uint8_t flags = fields[5].empty() ? 0 : static_cast<uint8_t>(fields[5][0]);
  options.syntax = (flags & 1) ? xref::QuerySyntax::kFts5 : xref::QuerySyntax::kPlain;
  options.limit = (flags >> 1) & 7;  // 0 is refused as a bad --limit
  if (flags & 16) options.min_amount = (flags & 32) ? 1e6 : -1.0;
  options.snippet_tokens = (flags & 64) ? 1 : 64;

  if (options.syntax == xref::QuerySyntax::kPlain) {
    xref::Result<std::string> fts = xref::PlainQueryToFts5(options.query);
    if (!fts.ok() && fts.status().code() != xref::Status::Code::kInvalidArgument) __builtin_trap();
  }
  xref::Result<std::vector<xref::SearchHit>> hits = xref::Search(store->db(), options);
  if (!hits.ok()) {
    const xref::Status& s = hits.status();
    if (s.code() != xref::Status::Code::kInvalidArgument) __builtin_trap();
    if (s.what().find('\n') != std::string::npos) __builtin_trap();
    // A plain query is never handed to FTS5 in a form it cannot parse.
    if (options.syntax == xref::QuerySyntax::kPlain && s.where() == "query" &&
        s.what().rfind("cannot search for this (", 0) == 0) {
      __builtin_trap();
    }
    return 0;
  }
  if (static_cast<int>(hits->size()) > options.limit) __builtin_trap();
  for (const xref::SearchHit& h : *hits) {
    if (h.doc.rfind("/corpus/", 0) != 0 || h.passage < 1) __builtin_trap();
  }
  return 0;
}
