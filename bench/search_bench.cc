// search_bench: in-process search latency over a fixed set of queries.
//
//   search_bench [--repeat R] [--timeout-ms T] [--per-query] [--dump] DB QUERIES
//
// opens the index DB once with OpenIndexForReading (memory-mapped, as a
// long-lived reader would; a one-search `xref search` process turns the map
// off and shrinks the page cache, cli/cmd_index.cc), and runs every
// query of the QUERIES file (bench/queries.txt: the query, then --name=value
// options, TAB-separated) R times (default 20) after one warm-up pass. Each
// call of xref::Search, snippets included, is one sample. Prints one line:
//
//   queries=50 samples=1000 p50_ms=0.41 p99_ms=6.2 max_ms=7.9 mean_ms=0.9
//     cpu_p50_ms=0.40 cpu_p99_ms=6.0 timed_out=0 hits=812
//
// (one line): wall-clock percentiles, and the same over the thread's CPU
// time, which a busy machine does not inflate.
// and, with --per-query, the median wall and thread-CPU time of each query,
// slowest first, so that a slow query shows by name. A query still running
// after T ms (default 10000) is interrupted (sqlite3_progress_handler),
// counted as T ms once, not repeated, and reported as timed_out=K; a
// benchmark should finish even when one query is pathological. Exit status
// 2 on a bad index or query.
//
// The connection's first search reads the row lengths the index run stored
// (or, when they are out of date, the ones it needs; its second then loads
// them all) and later ones use them (index/search.h):
// the warm-up of the second query pays for that, and the samples measure a
// connection that searches again, as a long-lived process would. One
// `xref search` process is a first search (time it whole, e.g. hyperfine).
//
// With --dump, the hits of each query's first call (the warm-up) and of its
// last (doc, passage, score to the bit, snippet), one a line, before the
// summary: for comparing builds, and the connection's first search with the
// later ones.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "index/search.h"
#include "index/store.h"

namespace {

struct Query {
  std::string line;  // as written, for --per-query
  xref::SearchOptions options;
};

// Splits on TABs; the first field is the query, the others --name=value.
bool ParseQuery(const std::string& line, Query* query, std::string* error) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, '\t')) fields.push_back(field);
  if (fields.empty() || fields[0].empty()) {
    *error = "empty query";
    return false;
  }
  query->line = line;
  query->options.query = fields[0];
  for (size_t i = 1; i < fields.size(); ++i) {
    const std::string& f = fields[i];
    size_t eq = f.find('=');
    if (f.rfind("--", 0) != 0 || eq == std::string::npos) {
      *error = "option not in --name=value form: " + f;
      return false;
    }
    std::string name = f.substr(2, eq - 2), value = f.substr(eq + 1);
    xref::SearchOptions& o = query->options;
    if (name == "doc") {
      o.doc_glob = value;
    } else if (name == "has") {
      o.has.push_back(value);
    } else if (name == "min-amount") {
      o.min_amount = std::atof(value.c_str());
    } else if (name == "after") {
      o.after = value;
    } else if (name == "before") {
      o.before = value;
    } else if (name == "limit") {
      o.limit = std::atoi(value.c_str());
    } else if (name == "syntax") {
      if (value != "fts5" && value != "plain") {
        *error = "unknown syntax: " + value;
        return false;
      }
      o.syntax = value == "fts5" ? xref::QuerySyntax::kFts5 : xref::QuerySyntax::kPlain;
    } else {
      *error = "unknown option: " + name;
      return false;
    }
  }
  return true;
}

// Interrupts the running statement once the deadline has passed.
struct Deadline {
  std::chrono::steady_clock::time_point at;
  bool passed = false;
};

int CheckDeadline(void* arg) {
  auto* deadline = static_cast<Deadline*>(arg);
  if (std::chrono::steady_clock::now() >= deadline->at) deadline->passed = true;
  return deadline->passed ? 1 : 0;
}

double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double Percentile(std::vector<double> sorted, double p) {
  if (sorted.empty()) return 0;
  std::sort(sorted.begin(), sorted.end());
  // Nearest rank: the smallest sample with at least p of them at or below it.
  size_t rank = static_cast<size_t>(p * static_cast<double>(sorted.size()) + 0.999999);
  rank = std::clamp<size_t>(rank, 1, sorted.size());
  return sorted[rank - 1];
}

int Usage() {
  std::cerr << "usage: search_bench [--repeat R] [--timeout-ms T] [--per-query] [--dump] DB QUERIES\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 20;
  int timeout_ms = 10000;
  bool per_query = false;
  bool dump = false;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--timeout-ms" && i + 1 < argc) {
      timeout_ms = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--per-query") {
      per_query = true;
    } else if (arg == "--dump") {
      dump = true;
    } else if (arg.rfind("--", 0) == 0) {
      return Usage();
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() != 2) return Usage();

  std::ifstream file(positional[1]);
  if (!file) {
    std::cerr << "search_bench: " << positional[1] << ": cannot read\n";
    return 2;
  }
  std::vector<Query> queries;
  std::string line;
  for (int number = 1; std::getline(file, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    Query q;
    std::string error;
    if (!ParseQuery(line, &q, &error)) {
      std::cerr << "search_bench: " << positional[1] << ":" << number << ": " << error << "\n";
      return 2;
    }
    queries.push_back(std::move(q));
  }

  auto db = xref::OpenIndexForReading(positional[0]);
  if (!db.ok()) {
    std::cerr << "search_bench: " << db.status().ToString() << "\n";
    return 2;
  }

  Deadline deadline;
  sqlite3_progress_handler((*db)->get(), 1000, CheckDeadline, &deadline);
  // One timed call; false when it ran out of time (then *ms is the limit).
  auto run = [&](const Query& q, double* ms, double* cpu_ms, size_t* hits, std::string* error, bool print) {
    deadline = Deadline{std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms)};
    const double cpu_start = ThreadCpuMs();
    auto start = std::chrono::steady_clock::now();
    auto result = xref::Search(**db, q.options);
    auto end = std::chrono::steady_clock::now();
    *cpu_ms = ThreadCpuMs() - cpu_start;
    *ms = std::chrono::duration<double, std::milli>(end - start).count();
    if (deadline.passed) {
      *ms = timeout_ms;
      return false;
    }
    if (!result.ok()) {
      *error = result.status().ToString();
      return false;
    }
    *hits = result->size();
    if (print) {
      for (const xref::SearchHit& h : *result) {
        std::printf("%s\t%s\t%d\t%.17g\t%s\n", q.line.c_str(), h.doc.c_str(), h.passage, h.score, h.snippet.c_str());
      }
    }
    return true;
  };

  std::vector<double> samples, cpu_samples;
  struct Median {
    double ms, cpu_ms;
    std::string line;
    bool operator<(const Median& o) const { return ms < o.ms; }
  };
  std::vector<Median> medians;
  size_t hits = 0;
  int timed_out = 0;
  for (const Query& q : queries) {
    // Warm-up: the first call pays for reading pages from disk and for
    // preparing; the searches a user types after the first are measured.
    double ms = 0, cpu_ms = 0;
    size_t n = 0;
    std::string error;
    if (!run(q, &ms, &cpu_ms, &n, &error, dump)) {
      if (!error.empty()) {
        std::cerr << "search_bench: query \"" << q.line << "\": " << error << "\n";
        return 2;
      }
      ++timed_out;
      samples.push_back(ms);
      cpu_samples.push_back(cpu_ms);
      medians.push_back({ms, cpu_ms, q.line + "  (timed out)"});
      continue;
    }
    hits += n;
    std::vector<double> mine, mine_cpu;
    for (int r = 0; r < repeat; ++r) {
      if (!run(q, &ms, &cpu_ms, &n, &error, dump && r == repeat - 1)) {
        if (!error.empty()) return 2;
        ++timed_out;
      }
      mine.push_back(ms);
      mine_cpu.push_back(cpu_ms);
    }
    samples.insert(samples.end(), mine.begin(), mine.end());
    cpu_samples.insert(cpu_samples.end(), mine_cpu.begin(), mine_cpu.end());
    medians.push_back({Percentile(mine, 0.5), Percentile(mine_cpu, 0.5), q.line});
  }

  double sum = 0;
  for (double s : samples) sum += s;
  std::printf(
      "queries=%zu samples=%zu p50_ms=%.3f p99_ms=%.3f max_ms=%.3f mean_ms=%.3f cpu_p50_ms=%.3f "
      "cpu_p99_ms=%.3f timed_out=%d hits=%zu\n",
      queries.size(), samples.size(), Percentile(samples, 0.5), Percentile(samples, 0.99),
      Percentile(samples, 1.0), sum / static_cast<double>(samples.size()),
      Percentile(cpu_samples, 0.5), Percentile(cpu_samples, 0.99), timed_out, hits);
  if (per_query) {
    std::sort(medians.rbegin(), medians.rend());
    for (const Median& m : medians) std::printf("%9.3f ms %9.3f ms CPU  %s\n", m.ms, m.cpu_ms, m.line.c_str());
  }
  return 0;
}
