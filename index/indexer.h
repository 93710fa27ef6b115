// The indexer: `xref index PATH...` and `xref refresh`.
//
//   auto store = xref::IndexStore::Open("xref.db");
//   xref::IndexOptions opts;                         // all cores
//   opts.on_failure = [](const xref::Status& s) { print s.ToString(); };
//   xref::Result<xref::IndexSummary> r = xref::IndexPaths(**store, {"corpus/"}, opts);
//   // later:
//   r = xref::RefreshIndex(**store, opts);           // rescan every root
//
// What happens to each file:
//   - new: read, hashed (XXH3-64), extracted, tagged and written;
//     if its hash is that of an indexed file that has gone from its old
//     path, it is a rename: the row moves, nothing is re-extracted;
//   - size and mtime as indexed: unchanged, not even read;
//   - size or mtime differ: read and hashed; same hash -> only the file
//     state is updated; a different one -> re-extracted and rewritten;
//   - gone (within the paths scanned): removed with its passages, tags and links;
//   - unreadable or not a document xref reads: reported through on_failure,
//     recorded with status 'failed', and the run goes on.
// Extraction and tagging run on `jobs` threads; the calling thread is the one
// writer and writes each document in its own transaction, so memory holds
// only a bounded queue of finished documents. At the end, documents written
// or removed (in this run or in an earlier one that was killed) are handed
// to UpdateLinks.
//
// Cancelling (opts.cancel set, e.g. from SIGINT): no new file is started,
// finished documents are written, removals and linking are left to the next run.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "index/link_index.h"
#include "index/store.h"
#include "pipeline/extract.h"
#include "pipeline/process.h"
#include "pipeline/status.h"

namespace xref {

struct IndexProgress {
  bool linking = false;      // files are done; `total` documents changed, the links are being updated
  size_t done = 0;           // files finished (any outcome)
  size_t total = 0;          // files to look at in this run (new and changed)
  std::string current;       // the file just finished
  double files_per_second = 0;
  LinkProgress link;         // when linking: how far
};

struct IndexOptions {
  int jobs = 0;                     // worker threads; 0 = all cores
  bool force = false;               // re-extract files even when unchanged
  ExtractOptions extract;
  // How a file already read becomes a processed document (extract, date,
  // tags, stance), called on the worker threads. Empty: in this process,
  // ExtractBytes then ProcessDocument. The command line passes an
  // IsolatedProcessor (process.h), so that a file that crashes or hangs a
  // parser fails alone instead of taking the run down.
  std::function<Result<ProcessedDocument>(const std::string& path, std::string_view bytes)> process;
  const std::atomic<bool>* cancel = nullptr;
  // Called on the writer (calling) thread; while linking, on one thread at
  // a time, not always that one.
  std::function<void(const IndexProgress&)> on_progress;
  std::function<void(const Status&)> on_failure;  // one bad file: where = its path
  // A file indexed whose text is partly missing or unreadable (a scanned
  // page): its path and Document::warnings' sentence.
  std::function<void(const std::string& path, const std::string& warning)> on_warning;
};

struct IndexSummary {
  int added = 0;
  int changed = 0;
  int moved = 0;
  int removed = 0;
  int unchanged = 0;
  int failed = 0;                   // among added/changed, recorded 'failed'
  std::vector<Status> failures;     // one per failed file
  std::vector<std::string> missing_roots;
  bool interrupted = false;
  bool linked = false;              // UpdateLinks ran (and succeeded)
  double seconds = 0;
};

// Adds `paths` (files or folders, relative to the current directory or
// absolute) to the index's roots and brings them up to date. Fails (without
// touching the index) when a path does not exist, and on a database error.
Result<IndexSummary> IndexPaths(IndexStore& store, const std::vector<std::string>& paths,
                                const IndexOptions& options);

// Rescans every root the index knows. A root that no longer exists has its
// documents removed (and is reported in missing_roots).
Result<IndexSummary> RefreshIndex(IndexStore& store, const IndexOptions& options);

// The 16-hex-digit XXH3-64 of `bytes`, as stored in documents.hash.
std::string ContentHash(std::string_view bytes);

}  // namespace xref
