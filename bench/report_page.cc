// report_page: writes a synthetic cross-reference table as the HTML report
// (`xref table --format html`), for the report benchmark (bench/report_bench.sh).
//
//   report_page [--seed S] [--commitments N] [--documents M] [--data DIR] OUT.html
//
// builds a RegisterView of N commitments x M documents (default 500 x 300)
// in the shapes link_store.h reads from an index, and renders it with the
// real printer (index/report.h's TableHtml), so the page is byte for byte
// what `xref table --format html` would write for such a register.
//
// The density is that of a real register, not a full grid: a commitment is
// discussed by its source and, in most rows, by a handful of other
// documents (geometric, mean about 8; about one row in seven only by its
// source), so about 97% of the cells are empty. A discussed cell quotes 1-3
// passages (paragraphs of the bench texts in bench/data/, with page,
// paragraph number and sometimes a section), has a stance, and about one
// commitment in twenty with a sum has a disagreement over it. The same seed
// always gives the same page (apart from the date in its footer).
//
// Prints one line: "rows=N documents=M discussed_cells=K passages=P
// conflicts=C bytes=B render_ms=T" (T: TableHtml alone).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "index/report.h"

#ifndef XREF_BENCH_DATA_DIR
#define XREF_BENCH_DATA_DIR "bench/data"
#endif

namespace {

using nlohmann::json;

struct Texts {
  std::vector<std::string> paragraphs;  // body paragraphs, markup stripped
  std::vector<std::string> headings;    // "## " and "### " lines
};

// Reads bench/data's light markup (see make_corpus.cc): blocks separated by
// blank lines; "# " titles are skipped, "## "/"### " are headings, "N. " and
// "- " prefixes are dropped from paragraphs.
bool ReadTexts(const std::string& path, Texts* texts) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line, block;
  auto flush = [&] {
    if (block.empty()) return;
    if (block.rfind("## ", 0) == 0 || block.rfind("### ", 0) == 0) {
      texts->headings.push_back(block.substr(block.find(' ') + 1));
    } else if (block.rfind("# ", 0) != 0) {
      size_t skip = 0;
      while (skip < block.size() && isdigit(static_cast<unsigned char>(block[skip]))) ++skip;
      if (skip > 0 && block.compare(skip, 2, ". ") == 0) {
        block.erase(0, skip + 2);
      } else if (block.rfind("- ", 0) == 0) {
        block.erase(0, 2);
      }
      if (block.size() >= 80) texts->paragraphs.push_back(block);
    }
    block.clear();
  };
  while (std::getline(in, line)) {
    if (line.empty()) {
      flush();
    } else {
      block += (block.empty() ? "" : " ") + line;
    }
  }
  flush();
  return true;
}

// The first sentence of a paragraph (at most ~240 bytes): a commitment's wording.
std::string FirstSentence(const std::string& paragraph) {
  size_t end = paragraph.find(". ");
  if (end == std::string::npos || end > 240) end = std::min<size_t>(paragraph.size(), 240);
  std::string s = paragraph.substr(0, end);
  // Whole UTF-8 characters: drop a cut one (its continuation bytes, then its lead byte).
  while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
  if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
  return s.empty() || s.back() == '.' ? s : s + ".";
}

int Usage() {
  std::cerr << "usage: report_page [--seed S] [--commitments N] [--documents M] [--data DIR] OUT.html\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned seed = 1;
  int commitments = 500;
  int documents = 300;
  std::string data_dir = XREF_BENCH_DATA_DIR;
  std::string out_path;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* v = nullptr;
    if (arg == "--seed" && (v = value())) {
      seed = static_cast<unsigned>(std::strtoul(v, nullptr, 10));
    } else if (arg == "--commitments" && (v = value())) {
      commitments = std::atoi(v);
    } else if (arg == "--documents" && (v = value())) {
      documents = std::atoi(v);
    } else if (arg == "--data" && (v = value())) {
      data_dir = v;
    } else if (!arg.empty() && arg[0] != '-' && out_path.empty()) {
      out_path = arg;
    } else {
      return Usage();
    }
  }
  if (out_path.empty() || commitments < 1 || documents < 2) return Usage();

  Texts texts;
  for (const char* name : {"council-report.txt", "lga-briefing.txt"}) {
    if (!ReadTexts(data_dir + "/" + name, &texts)) {
      std::cerr << "report_page: cannot read " << data_dir << "/" << name << "\n";
      return 1;
    }
  }
  if (texts.paragraphs.empty() || texts.headings.empty()) {
    std::cerr << "report_page: no paragraphs in " << data_dir << "\n";
    return 1;
  }

  std::mt19937 rng(seed);
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };

  xref::RegisterView view;
  static const char* kKinds[] = {"council-report", "briefing", "scrutiny-minutes", "consultation-response",
                                 "cabinet-paper", "strategy"};
  for (int d = 0; d < documents; ++d) {
    const char* kind = kKinds[d % (sizeof kKinds / sizeof kKinds[0])];
    view.documents.push_back(fmt::format("papers/{:03d}-{}.{}", d, kind, d % 3 == 0 ? "pdf" : d % 3 == 1 ? "html" : "docx"));
    view.titles.push_back(fmt::format("{} {}", kind, d));
  }

  static const char* kStances[] = {"neutral", "neutral", "neutral", "neutral", "welcomes", "welcomes",
                                   "calls_for", "calls_for", "concerned", "concerned", "questions"};
  static const char* kActors[] = {"national", "the Council", "unspecified", "the Department"};
  std::geometric_distribution<int> others(0.12);
  std::uniform_int_distribution<int> passages_in_cell(1, 10);
  size_t discussed_cells = 0, passages = 0;
  int next_passage = 1;

  auto passage = [&](const std::string& doc) {
    json p = {{"passage", next_passage++}, {"doc", doc}};
    if (chance(0.85)) p["page"] = static_cast<int>(1 + pick(40)); else p["page"] = nullptr;
    if (chance(0.8)) p["label"] = std::to_string(1 + pick(120)); else p["label"] = nullptr;
    p["section"] = chance(0.4) ? json(texts.headings[pick(texts.headings.size())]) : json(nullptr);
    p["text"] = texts.paragraphs[pick(texts.paragraphs.size())];
    ++passages;
    return p;
  };

  for (int c = 0; c < commitments; ++c) {
    std::string id = fmt::format("C{}", c + 1);
    size_t source = pick(documents);
    std::set<size_t> docs = {source};
    int extra = chance(0.15) ? 0 : std::min(1 + others(rng), documents - 1);
    while (static_cast<int>(docs.size()) < 1 + extra) docs.insert(pick(documents));

    json money = json::array(), dates = json::array();
    int millions = 0;
    if (chance(0.4)) {
      millions = static_cast<int>(2 + pick(400));
      money.push_back({{"text", fmt::format("£{} million", millions)}, {"amount", millions * 1e6}});
    }
    if (chance(0.3)) dates.push_back({{"text", fmt::format("by March {}", 2025 + pick(6))}});
    json source_passage = passage(view.documents[source]);
    json commitment = {{"id", id},
                       {"text", FirstSentence(texts.paragraphs[pick(texts.paragraphs.size())])},
                       {"actor", kActors[pick(4)]},
                       {"local", chance(0.5)},
                       {"source", {{"doc", view.documents[source]},
                                   {"passage", source_passage["passage"]},
                                   {"page", source_passage["page"]},
                                   {"label", source_passage["label"]}}},
                       {"money", money},
                       {"dates", dates},
                       {"documents", docs.size()}};

    json cells = json::array();
    std::map<size_t, json> first_passage;
    for (size_t d : docs) {
      json cell = {{"doc", view.documents[d]}, {"stance", kStances[pick(sizeof kStances / sizeof kStances[0])]}};
      int n = passages_in_cell(rng);
      n = n <= 6 ? 1 : n <= 9 ? 2 : 3;
      json ps = json::array();
      if (d == source) ps.push_back(source_passage), --n;
      for (int k = 0; k < n; ++k) ps.push_back(passage(view.documents[d]));
      first_passage[d] = ps[0];
      cell["passages"] = ps;
      cells.push_back(cell);
      ++discussed_cells;
    }
    // A disagreement over the sum in one row with a sum in eight (about one
    // row in twenty): the source says one figure, another document another.
    if (millions > 0 && docs.size() > 1 && chance(0.125)) {
      size_t other = *std::next(docs.begin(), static_cast<long>(1 + pick(docs.size() - 1)));
      if (other == source) other = *docs.begin();
      if (other != source) {
        json values = {{{"text", fmt::format("£{} million", millions)}, {"doc", view.documents[source]},
                        {"passage", source_passage["passage"]}, {"page", source_passage["page"]},
                        {"label", source_passage["label"]}},
                       {{"text", fmt::format("£{} million", millions - 1 - static_cast<int>(pick(5)))},
                        {"doc", view.documents[other]}, {"passage", first_passage[other]["passage"]},
                        {"page", first_passage[other]["page"]}, {"label", first_passage[other]["label"]}}};
        view.conflicts.push_back({{"commitment", id}, {"field", "money"},
                                  {"text", commitment["text"]}, {"values", values}});
      }
    }
    view.commitments.push_back(commitment);
    view.rows.push_back({{"commitment", commitment}, {"documents", cells}});
  }

  auto start = std::chrono::steady_clock::now();
  std::string html = xref::TableHtml(view, "synthetic.db");
  double render_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::ofstream out(out_path, std::ios::binary);
  out << html;
  if (!out.flush()) {
    std::cerr << "report_page: cannot write " << out_path << "\n";
    return 1;
  }
  std::cout << fmt::format(
      "rows={} documents={} discussed_cells={} passages={} conflicts={} bytes={} render_ms={:.1f}\n",
      commitments, documents, discussed_cells, passages, view.conflicts.size(), html.size(), render_ms);
  return 0;
}
