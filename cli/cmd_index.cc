// `xref index PATH...`, `xref refresh` and `xref search QUERY`: argument
// parsing and printers over index/indexer.h and index/search.h.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "index/indexer.h"
#include "index/search.h"
#include "index/store.h"
#include "index/watcher.h"
#include "pipeline/process.h"

namespace xref::cli {
namespace {

// Set by SIGINT/SIGTERM: the indexer finishes the documents in hand and stops.
std::atomic<bool> g_interrupted{false};

void OnInterrupt(int) { g_interrupted.store(true); }

// The first Ctrl-C stops cleanly; the handler is then reset, so a second one
// ends the process at once.
void CatchInterrupts() {
  struct sigaction sa {};
  sa.sa_handler = OnInterrupt;
  sa.sa_flags = SA_RESETHAND;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

// Paths under the current directory are shown relative to it, as users typed them.
std::string DisplayPath(const std::string& path) {
  std::error_code ec;
  std::filesystem::path cwd = std::filesystem::current_path(ec);
  if (ec) return path;
  std::filesystem::path rel = std::filesystem::path(path).lexically_relative(cwd);
  std::string s = rel.string();
  if (rel.empty() || s.rfind("..", 0) == 0) return path;
  return s;
}

struct IndexArgs {
  std::vector<std::string> paths;
  bool strict = false;
  bool force = false;
  bool quiet = false;
  bool in_process = false;
  int jobs = 0;
  double time_limit_s = 30;      // per file, in a worker
  int memory_limit_mib = 1024;   // per worker
  bool watch = false;            // refresh only
  double settle_s = 2;           // --watch: quiet time before a change is taken
};

// Files are processed in `xref __worker` children (process.h), started on
// the first file that needs it: a no-op refresh starts none.
class LazyIsolatedProcessor {
 public:
  LazyIsolatedProcessor(int workers, const IsolationLimits& limits)
      : workers_(workers), limits_(limits) {}

  Result<ProcessedDocument> Process(const std::string& path, std::string_view bytes) {
    std::call_once(started_, [&] {
      Result<std::unique_ptr<IsolatedProcessor>> p =
          IsolatedProcessor::Start({"/proc/self/exe", "__worker"}, workers_, limits_);
      if (p.ok()) {
        processor_ = std::move(p).value();
      } else {
        start_error_ = p.status();
      }
    });
    if (!processor_) return Status::Internal(path, "cannot start a worker process: " + start_error_.what());
    return processor_->Process(path, bytes);
  }

 private:
  const int workers_;
  const IsolationLimits limits_;
  std::once_flag started_;
  std::unique_ptr<IsolatedProcessor> processor_;
  Status start_error_;
};

// What the linking stage is doing, for the progress line: every document
// is relinked whatever changed, so the line names the index's documents.
std::string LinkingLine(const IndexProgress& p) {
  const LinkProgress& l = p.link;
  auto documents = [](size_t n) { return fmt::format("{} document{}", n, n == 1 ? "" : "s"); };
  switch (l.stage) {
    case LinkProgress::Stage::kReading:
      return fmt::format("linking: {} changed, reading the index…", documents(p.total));
    case LinkProgress::Stage::kGrouping:
      return fmt::format("linking: grouping the commitments of {}…", documents(l.documents));
    case LinkProgress::Stage::kScoring:
      return fmt::format("linking: [{}/{}] entries scored against {}", l.done, l.total,
                         documents(l.documents));
    case LinkProgress::Stage::kSaving:
      return fmt::format("linking: saving the register of {} entries…", l.total);
  }
  return "linking…";
}

class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  ~ProgressLine() { Clear(); }

  void Update(const IndexProgress& p) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (p.linking) {
      const LinkProgress& l = p.link;
      if (l.stage == LinkProgress::Stage::kScoring && l.done < l.total &&
          now - last_ < std::chrono::milliseconds(100)) {
        return;
      }
      last_ = now;
      std::cerr << "\r\033[K" << LinkingLine(p) << std::flush;
      shown_ = true;
      return;
    }
    if (p.done < p.total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    std::string name = DisplayPath(p.current);
    if (name.size() > 50) name = "…" + name.substr(name.size() - 49);
    std::cerr << fmt::format("\r\033[K[{}/{}] {:.1f} files/s  {}", p.done, p.total,
                             p.files_per_second, name)
              << std::flush;
    shown_ = true;
  }
  void Clear() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
    shown_ = false;
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

int RunIndex(const IndexArgs& args, const GlobalOptions& global, bool refresh) {
  CatchInterrupts();
  const std::string db_path = ResolveDbPath(global);
  Result<std::unique_ptr<IndexStore>> store = IndexStore::Open(db_path);
  if (!store.ok()) return ReportError(store.status());

  ProgressLine progress(!args.quiet && isatty(STDERR_FILENO));
  IndexOptions options;
  options.force = args.force;
  options.cancel = &g_interrupted;
  const int workers = args.jobs > 0 ? args.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  options.jobs = workers;
  IsolationLimits limits;
  limits.time_limit = std::chrono::milliseconds(static_cast<int64_t>(args.time_limit_s * 1000));
  limits.memory_limit_bytes = static_cast<size_t>(args.memory_limit_mib) << 20;
  LazyIsolatedProcessor isolated(workers, limits);
  if (!args.in_process) {
    options.process = [&isolated](const std::string& path, std::string_view bytes) {
      return isolated.Process(path, bytes);
    };
  }
  options.on_progress = [&](const IndexProgress& p) { progress.Update(p); };
  options.on_failure = [&](const Status& s) {
    progress.Clear();
    std::cerr << "xref: " << DisplayPath(s.where()) << ": " << s.what() << "\n";
  };
  options.on_warning = [&](const std::string& path, const std::string& warning) {
    progress.Clear();
    std::cerr << "xref: " << DisplayPath(path) << ": " << warning << "\n";
  };
  auto run_once = [&](bool as_refresh) -> int {
    Result<IndexSummary> r = as_refresh ? RefreshIndex(**store, options)
                                        : IndexPaths(**store, args.paths, options);
    progress.Clear();
    // A database failure mid-run (disk full, damaged pages) in words, naming the index.
    if (!r.ok()) return ReportError(ExplainDatabaseError(db_path, SQLITE_OK, r.status()));
    const IndexSummary& s = *r;
    for (const std::string& root : s.missing_roots) {
      std::cerr << "xref: " << DisplayPath(root) << ": no longer exists; its documents were removed\n";
    }
    if (!args.quiet) {
      std::cout << fmt::format(
          "{}: {} added, {} changed, {} moved, {} removed, {} unchanged, {} failed ({:.1f} s)\n",
          DisplayPath(db_path), s.added, s.changed, s.moved, s.removed, s.unchanged, s.failed,
          s.seconds);
      if (s.failed > 0) {
        std::cout << "failed:\n";
        for (const Status& f : s.failures) {
          std::cout << "  " << DisplayPath(f.where()) << ": " << f.what() << "\n";
        }
      }
      std::cout << std::flush;
    }
    if (s.interrupted) {
      std::cerr << "xref: interrupted; the documents finished so far are kept. Run the command "
                   "again to finish.\n";
      return 130;
    }
    if (args.strict && !s.failures.empty()) return kExitError;
    return kExitOk;
  };
  int status = run_once(refresh);
  if (!args.watch || status == 130) return status;

  // --watch: refresh again whenever the indexed folders change, once they settle.
  Result<std::vector<std::string>> roots = (*store)->Roots();
  if (!roots.ok()) return ReportError(roots.status());
  if (roots->empty()) {
    return ReportError(Status::InvalidArgument(db_path, "no indexed paths to watch; run 'xref index PATH' first"));
  }
  Result<std::unique_ptr<FolderWatcher>> watcher = FolderWatcher::Start(*roots);
  if (!watcher.ok()) return ReportError(watcher.status());
  const auto settle = std::chrono::milliseconds(static_cast<int64_t>(args.settle_s * 1000));
  if (!args.quiet) {
    std::cerr << fmt::format("xref: watching {} folder(s) for changes; Ctrl-C stops\n",
                             (*watcher)->watched_folders());
  }
  while (!g_interrupted.load()) {
    Result<std::vector<std::string>> changed = (*watcher)->WaitForChanges(settle, &g_interrupted);
    if (!changed.ok()) return ReportError(changed.status());
    if (changed->empty()) break;  // interrupted
    if (!args.quiet) {
      std::cerr << fmt::format("xref: {} change(s), refreshing\n", changed->size());
    }
    status = run_once(/*as_refresh=*/true);
    if (status == 130) return status;
  }
  if (!args.quiet) std::cerr << "xref: stopped watching\n";
  return kExitOk;
}

struct SearchArgs {
  std::vector<std::string> words;
  int limit = 20;
  std::string doc;
  bool json = false;
  std::vector<std::string> has;
  double min_amount = 0;
  bool has_min_amount = false;
  std::string after;
  std::string before;
  std::string syntax = "plain";
};

int RunSearch(const SearchArgs& args, const GlobalOptions& global) {
  SearchOptions options;
  for (const std::string& w : args.words) options.query += (options.query.empty() ? "" : " ") + w;
  options.syntax = args.syntax == "fts5" ? QuerySyntax::kFts5 : QuerySyntax::kPlain;
  options.limit = args.limit;
  options.doc_glob = args.doc;
  options.has = args.has;
  if (args.has_min_amount) options.min_amount = args.min_amount;
  options.after = args.after;
  options.before = args.before;
  const bool color = !args.json && UseColor(global, STDOUT_FILENO);
  if (color) {
    options.highlight_open = "\033[1;31m";
    options.highlight_close = "\033[0m";
  }

  // One search, then the process ends: every page it reads is read once, and
  // through memory mapping each costs a page fault, several times a read()
  // into SQLite's cache (docs/performance.md, finding 13); a process that
  // searches again keeps the mapping OpenIndexForReading sets up. Capping
  // the map at 0 before SQLite starts (its process-wide limit) keeps even the
  // opening checks off the map, and spares mapping 1 GiB and unmapping it.
  sqlite3_config(SQLITE_CONFIG_MMAP_SIZE, sqlite3_int64{0}, sqlite3_int64{0});
  Result<std::unique_ptr<sqlite::Database>> db = OpenIndexForReading(ResolveDbPath(global));
  if (!db.ok()) return ReportError(db.status());
  (*db)->Exec("PRAGMA mmap_size = 0");  // should SQLite have started before
  // For the same reason a small page cache: the pages a search reads again
  // (the tree's upper levels, FTS5's structure) fit in 64 pages, and every
  // page the default 2 MiB cache would add is fresh heap, a page fault on
  // top of the read (`xref search kinship` at N=1000: 1,040 -> 580 faults,
  // the same number of reads).
  (*db)->Exec("PRAGMA cache_size = -256");
  Result<std::vector<SearchHit>> hits = Search(**db, options);
  if (!hits.ok()) return ReportError(hits.status());
  if (hits->empty()) return kExitNotFound;

  for (const SearchHit& h : *hits) {
    if (args.json) {
      // Fields in the order cli.md lists them.
      using Json = nlohmann::ordered_json;
      Json j;
      j["doc"] = DisplayPath(h.doc);
      j["title"] = h.title.empty() ? Json(nullptr) : Json(h.title);
      j["page"] = h.page ? Json(*h.page) : Json(nullptr);
      j["section"] = h.section.empty() ? Json(nullptr) : Json(h.section);
      j["passage"] = h.passage;
      j["score"] = std::round(h.score * 1000) / 1000;
      j["snippet"] = h.snippet;
      j["label"] = h.label.empty() ? Json(nullptr) : Json(h.label);
      j["kind"] = h.kind;
      std::cout << j.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
      continue;
    }
    const char* dim = color ? "\033[2m" : "";
    const char* bold = color ? "\033[1m" : "";
    const char* reset = color ? "\033[0m" : "";
    std::string where;
    if (h.page) where += fmt::format("  p.{}", *h.page);
    if (!h.label.empty()) where += fmt::format("  ¶{}", h.label);
    where += fmt::format("  #{}", h.passage);
    std::cout << fmt::format("{}{}{}{}{}{}\n", bold, DisplayPath(h.doc), reset, dim, where, reset);
    if (!h.section.empty() && h.kind != "heading") {
      std::cout << fmt::format("  {}{}{}\n", dim, h.section, reset);
    }
    std::cout << "  " << h.snippet << "\n\n";
  }
  return kExitOk;
}

}  // namespace

// The per-file limits of the isolated workers, on both index and refresh.
void AddLimitOptions(CLI::App* sub, IndexArgs* args) {
  sub->add_option("--time-limit", args->time_limit_s,
                  "Seconds one file may take in its worker before it is given up as failed")
      ->default_val(30)
      ->check(CLI::Range(0.1, 86400.0));
  sub->add_option("--memory-limit", args->memory_limit_mib,
                  "MiB of memory one worker may use; a file that needs more fails alone")
      ->default_val(1024)
      ->check(CLI::Range(64, 1 << 20));
}

void AddIndexCommands(CLI::App& app, const GlobalOptions& global, RunFn* run) {
  auto index_args = std::make_shared<IndexArgs>();
  CLI::App* index = app.add_subcommand(
      "index",
      "Add files and folders (recursively) to the index: extract, tag, index and link.\n"
      "Unchanged files are skipped; a file that cannot be read is reported and skipped.");
  index->add_option("PATH", index_args->paths, "Files or folders to index")->required();
  index->add_flag("--strict", index_args->strict, "Exit with status 2 when any file failed");
  index->add_flag("--force", index_args->force, "Re-extract every file, changed or not");
  index->add_flag("-q,--quiet", index_args->quiet, "No progress line and no summary");
  index->add_flag("--in-process", index_args->in_process,
                  "Extract in this process, not in isolated worker processes (faster start, no time or memory limit)");
  index->add_option("-j,--jobs", index_args->jobs, "Extraction threads (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  AddLimitOptions(index, index_args.get());
  index->callback([index_args, &global, run] {
    *run = [index_args, &global] { return RunIndex(*index_args, global, /*refresh=*/false); };
  });

  auto refresh_args = std::make_shared<IndexArgs>();
  CLI::App* refresh = app.add_subcommand(
      "refresh",
      "Re-scan every path the index knows: add new files, re-do changed ones, remove deleted\n"
      "ones (renamed files are moved, not re-extracted), then update the links.");
  refresh->add_flag("--strict", refresh_args->strict, "Exit with status 2 when any file failed");
  refresh->add_flag("--force", refresh_args->force, "Re-extract every file, changed or not");
  refresh->add_flag("-q,--quiet", refresh_args->quiet, "No progress line and no summary");
  refresh->add_flag("--in-process", refresh_args->in_process,
                  "Extract in this process, not in isolated worker processes (faster start, no time or memory limit)");
  refresh->add_flag("--watch", refresh_args->watch,
                    "Keep running: refresh again whenever papers are added, changed or removed in "
                    "the indexed folders (once they settle); Ctrl-C stops");
  refresh->add_option("--settle", refresh_args->settle_s,
                      "With --watch: seconds without further change before a change is taken")
      ->default_val(2)
      ->check(CLI::Range(0.05, 3600.0));
  refresh->add_option("-j,--jobs", refresh_args->jobs, "Extraction threads (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  AddLimitOptions(refresh, refresh_args.get());
  refresh->callback([refresh_args, &global, run] {
    *run = [refresh_args, &global] { return RunIndex(*refresh_args, global, /*refresh=*/true); };
  });

  auto search_args = std::make_shared<SearchArgs>();
  CLI::App* search = app.add_subcommand(
      "search",
      "Full-text search of the indexed passages, best first, with page, paragraph and section.\n"
      "Words must all occur (any form: 'pathfinders' finds 'pathfinder', '£45m' finds\n"
      "'£45 million'); \"quoted words\" must occur together; word* is a prefix.\n"
      "Exit status: 0 found, 1 nothing found, 2 error.");
  search->add_option("QUERY", search_args->words, "Words and \"phrases\" to search for")->required();
  search->add_option("-n,--limit", search_args->limit, "At most N hits (default 20)")
      ->check(CLI::PositiveNumber);
  search->add_option("--doc", search_args->doc,
                     "Only documents whose path or file name matches GLOB (e.g. '*.pdf')")
      ->type_name("GLOB");
  search->add_flag("--json", search_args->json,
                   "JSON Lines: {doc, title, page, section, passage, score, snippet} per hit");
  search->add_option("--has", search_args->has,
                     "Only passages with a tag of this kind: money, percent, count, date, commitment")
      ->type_name("KIND");
  search->add_option("--min-amount", search_args->min_amount,
                     "Only passages mentioning a sum of at least N")
      ->type_name("N")
      ->each([search_args](const std::string&) { search_args->has_min_amount = true; });
  search->add_option("--after", search_args->after,
                     "Only passages mentioning a date that ends on or after DATE (YYYY[-MM[-DD]])")
      ->type_name("DATE");
  search->add_option("--before", search_args->before,
                     "Only passages mentioning a date that starts on or before DATE")
      ->type_name("DATE");
  search->add_option("--syntax", search_args->syntax,
                     "plain (default) or fts5: SQLite FTS5 queries with AND, OR, NOT, NEAR(), prefix*")
      ->check(CLI::IsMember({"plain", "fts5"}));
  search->callback([search_args, &global, run] {
    *run = [search_args, &global] { return RunSearch(*search_args, global); };
  });
}

}  // namespace xref::cli
