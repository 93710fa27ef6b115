// The indexer: a walk, a plan (what is new, changed, moved, gone), a pool of
// extraction threads and one writer. See indexer.h.
#include "index/indexer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

// Header-only: the hash is compiled here rather than taken from libxxhash.so
// (index/CMakeLists.txt says why).
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "index/file_walker.h"
#include "index/link_index.h"
#include "index/search.h"
#include "index/tokenizer.h"
#include "pipeline/analysis_module.h"
#include "pipeline/link_terms.h"
#include "pipeline/process.h"
#include "pipeline/tag.h"

namespace xref {
namespace {

using Clock = std::chrono::steady_clock;

// One file the workers look at.
struct Task {
  FileState file;
  std::optional<StoredDocument> stored;  // set when the path is already indexed
};

// What a worker found.
struct Outcome {
  enum Kind { kDocument, kSameContent, kRenameOf } kind = kDocument;
  size_t task = 0;
  DocumentRecord record;    // kDocument: file state as read, hash, passages or error
  int64_t rename_of = 0;    // kRenameOf: the id of the gone document with this hash
};

// A fixed-size queue between the workers and the writer: workers wait when
// the writer falls behind, so at most `capacity` documents sit in memory.
class OutcomeQueue {
 public:
  explicit OutcomeQueue(size_t capacity) : capacity_(capacity) {}

  void Push(Outcome o) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(std::move(o));
    not_empty_.notify_one();
  }
  // Waits for an item; nullopt once every producer is done and it is empty.
  std::optional<Outcome> Pop() {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || producers_ == 0; });
    if (items_.empty()) return std::nullopt;
    Outcome o = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return o;
  }
  void SetProducers(int n) {
    std::lock_guard<std::mutex> lock(mu_);
    producers_ = n;
  }
  void ProducerDone() {
    std::lock_guard<std::mutex> lock(mu_);
    if (--producers_ == 0) not_empty_.notify_all();
  }

 private:
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::deque<Outcome> items_;
  int producers_ = 0;
};

// Reads a whole file, with the size and mtime of what was read.
Status ReadFile(const std::string& path, std::string* bytes, FileState* state) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError(path, std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    Status s = Status::IoError(path, std::strerror(errno));
    ::close(fd);
    return s;
  }
  state->path = path;
  state->size = static_cast<int64_t>(st.st_size);
  state->mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  bytes->clear();
  bytes->reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      Status s = Status::IoError(path, std::strerror(errno));
      ::close(fd);
      return s;
    }
    if (n == 0) break;
    bytes->append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return Status::Ok();
}

// Extraction, then the pipeline up to the index (process.h: document date,
// tags, stance) for one file already read.
DocumentRecord Process(const FileState& file, const std::string& hash, std::string_view bytes,
                       const Tagger* tagger, const IndexOptions& options) {
  DocumentRecord rec;
  rec.file = file;
  rec.hash = hash;
  Result<ProcessedDocument> processed = Status::Internal(file.path, "not processed");
  if (options.process) {
    processed = options.process(file.path, bytes);
  } else {
    Result<Document> doc = ExtractBytes(file.path, bytes, options.extract);
    if (doc.ok()) {
      processed = ProcessDocument(std::move(doc).value(), *tagger);
    } else {
      processed = doc.status();
    }
  }
  if (!processed.ok()) {
    rec.error = processed.status();
    return rec;
  }
  ProcessedDocument& pd = *processed;
  rec.format = pd.doc.format;
  rec.title = std::move(pd.doc.title);
  rec.pages = pd.doc.pages;
  rec.date = std::move(pd.doc.date);
  rec.warnings = std::move(pd.doc.warnings);
  rec.passages.resize(pd.doc.passages.size());
  for (size_t i = 0; i < pd.doc.passages.size(); ++i) {
    PassageRecord& pr = rec.passages[i];
    pr.passage = std::move(pd.doc.passages[i]);
    if (i < pd.tags.size()) pr.tags = std::move(pd.tags[i]);
    if (i < pd.stances.size()) pr.stance = pd.stances[i];
    // The linker's terms depend on nothing but the text, so they are found
    // here, once, on the worker's thread, rather than by every relink
    // (docs/performance.md, finding 19).
    pr.terms = EncodeTerms(pr.passage.text);
    // And the full-text index's tokens, which the writer replays
    // (store.h). A section is shared by the passages under it.
    pr.text_tokens = PackDocumentTokens(pr.passage.text);
    if (i > 0 && pr.passage.section == rec.passages[i - 1].passage.section) {
      pr.section_tokens = rec.passages[i - 1].section_tokens;
    } else {
      pr.section_tokens = PackDocumentTokens(pr.passage.section);
    }
    // The tags' stored values too: the writer is the one thread every
    // document goes through (docs/performance.md, finding 30).
    pr.tag_values.reserve(pr.tags.size());
    for (const Tag& t : pr.tags) pr.tag_values.push_back(TagValueJson(t));
    for (size_t j = 0; j < pr.tags.size(); ++j) {
      if (pr.tags[j].kind != TagKind::kCommitment) continue;
      pr.tag_terms.resize(pr.tags.size());
      pr.tag_terms[j] = EncodeTerms(pr.tags[j].text);
    }
  }
  return rec;
}

class IndexRun {
 public:
  IndexRun(IndexStore& store, const IndexOptions& options) : store_(store), options_(options) {}

  // Brings the files under `roots` up to date.
  Result<IndexSummary> Run(const std::vector<std::string>& roots) {
    const auto started = Clock::now();
    Result<std::vector<StoredDocument>> stored = store_.Documents();
    if (!stored.ok()) return stored.status();

    WalkOptions walk_options;
    const std::string db_path = AbsolutePath(store_.db().path());
    walk_options.skip = {db_path, db_path + "-wal", db_path + "-shm", db_path + "-journal"};
    WalkResult walk = WalkFiles(roots, walk_options);
    summary_.missing_roots = walk.missing_roots;
    for (const Status& e : walk.errors) Fail(e);

    Plan(*stored, roots, walk);
    if (Status s = Execute(); !s.ok()) return s;
    if (!summary_.interrupted) {
      if (Status s = RemoveGone(); !s.ok()) return s;
      if (Status s = Compact(); !s.ok()) return s;
      // The lengths a later `xref search` ranks with (index/search.h). The
      // index is whole without them: a failure here only makes searches
      // look lengths up as before.
      static_cast<void>(SaveSearchLengths(store_.db().get()));
      if (Status s = Link(); !s.ok()) return s;
    }
    summary_.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return summary_;
  }

 private:
  void Fail(const Status& s) {
    summary_.failures.push_back(s);
    if (options_.on_failure) options_.on_failure(s);
  }

  bool Cancelled() const { return options_.cancel != nullptr && options_.cancel->load(); }

  // Sorts the walk into tasks (new or changed files) and the documents that
  // are gone; unchanged files are counted and left alone.
  void Plan(const std::vector<StoredDocument>& stored, const std::vector<std::string>& roots,
            const WalkResult& walk) {
    std::unordered_map<std::string, const StoredDocument*> by_path;
    for (const StoredDocument& d : stored) by_path[d.file.path] = &d;
    std::set<std::string> on_disk;
    for (const FileState& f : walk.files) {
      on_disk.insert(f.path);
      auto it = by_path.find(f.path);
      if (it == by_path.end()) {
        tasks_.push_back(Task{f, std::nullopt});
      } else if (options_.force || it->second->file.size != f.size ||
                 it->second->file.mtime_ns != f.mtime_ns) {
        tasks_.push_back(Task{f, *it->second});
      } else {
        summary_.unchanged++;
      }
    }
    for (const StoredDocument& d : stored) {
      if (on_disk.count(d.file.path)) continue;
      bool in_scope = std::any_of(roots.begin(), roots.end(),
                                  [&](const std::string& r) { return IsUnder(d.file.path, r); });
      if (!in_scope) continue;
      gone_.push_back(d);
      if (!d.failed) gone_by_hash_.emplace(d.hash, d.id);
    }
  }

  // Runs the tasks on the worker pool, writing each outcome as it comes.
  Status Execute() {
    if (tasks_.empty()) return Status::Ok();
    // Every file processed needs the tagger (here or in a worker process) and
    // the linker's terms: tagging and linking are a module (analysis_module.h),
    // loaded here, so that a run with nothing to process never loads it.
    if (Status s = LoadAnalysisModule(); !s.ok()) return s;
    // Compiling the tagger's patterns is only worth it when files are processed here.
    if (!options_.process) tagger_ = std::make_unique<Tagger>();
    int jobs = options_.jobs > 0 ? options_.jobs : static_cast<int>(std::thread::hardware_concurrency());
    jobs = std::max(1, std::min(jobs, static_cast<int>(tasks_.size())));
    OutcomeQueue queue(static_cast<size_t>(jobs) * 2);
    queue.SetProducers(jobs);
    std::atomic<size_t> next_task{0};
    std::vector<std::thread> workers;
    for (int i = 0; i < jobs; ++i) {
      workers.emplace_back([&] {
        std::string bytes;
        for (size_t t = next_task++; t < tasks_.size() && !Cancelled(); t = next_task++) {
          queue.Push(Work(t, &bytes));
        }
        queue.ProducerDone();
      });
    }
    Status status;
    const auto started = Clock::now();
    size_t done = 0;
    // Documents are committed in batches (IndexStore::BeginBatch) of
    // kBatchDocuments, or whatever a second brought.
    constexpr size_t kBatchDocuments = 64;
    size_t batched = 0;
    auto batch_started = Clock::now();
    status = store_.BeginBatch();
    while (std::optional<Outcome> o = queue.Pop()) {
      // After an interrupt, a file that failed may have failed because of it
      // (Ctrl-C reaches worker processes too): it is left for the next run.
      if (Cancelled() && o->kind == Outcome::kDocument && !o->record.error.ok()) continue;
      // After a database error the queue is still drained so workers can finish.
      if (status.ok()) status = Write(*o);
      if (status.ok() && (++batched >= kBatchDocuments || Clock::now() - batch_started >= std::chrono::seconds(1))) {
        status = store_.EndBatch();
        if (status.ok()) status = store_.BeginBatch();
        batched = 0;
        batch_started = Clock::now();
      }
      ++done;
      if (options_.on_progress) {
        double secs = std::chrono::duration<double>(Clock::now() - started).count();
        options_.on_progress(IndexProgress{false, done, tasks_.size(), tasks_[o->task].file.path,
                                           secs > 0 ? static_cast<double>(done) / secs : 0});
      }
    }
    for (std::thread& w : workers) w.join();
    if (Status s = store_.EndBatch(); status.ok()) status = s;
    if (Cancelled() && done < tasks_.size()) summary_.interrupted = true;
    return status;
  }

  // On a worker thread: read, hash, and (unless the content is known) process.
  Outcome Work(size_t t, std::string* bytes) {
    const Task& task = tasks_[t];
    Outcome out;
    out.task = t;
    FileState state = task.file;
    Status read = ReadFile(task.file.path, bytes, &state);
    if (!read.ok()) {
      out.record.file = state;
      out.record.error = read;
      return out;
    }
    std::string hash = ContentHash(*bytes);
    if (task.stored && !options_.force && !task.stored->failed && task.stored->hash == hash) {
      out.kind = Outcome::kSameContent;
      out.record.file = state;
      return out;
    }
    if (!task.stored) {
      auto it = gone_by_hash_.find(hash);
      if (it != gone_by_hash_.end()) {
        out.kind = Outcome::kRenameOf;
        out.rename_of = it->second;
        out.record.file = state;
        out.record.hash = hash;
        return out;
      }
    }
    out.record = Process(state, hash, *bytes, tagger_.get(), options_);
    return out;
  }

  // On the writer thread.
  Status Write(Outcome& o) {
    const Task& task = tasks_[o.task];
    switch (o.kind) {
      case Outcome::kSameContent:
        summary_.unchanged++;
        return store_.UpdateFileState(task.stored->id, o.record.file);
      case Outcome::kRenameOf:
        if (claimed_.insert(o.rename_of).second) {
          summary_.moved++;
          return store_.MoveDocument(o.rename_of, o.record.file);
        } else {
          // A second copy of a moved file: a document of its own.
          std::string bytes;
          FileState state;
          Status read = ReadFile(task.file.path, &bytes, &state);
          if (read.ok()) {
            o.record = Process(state, o.record.hash, bytes, tagger_.get(), options_);
          } else {
            o.record.error = read;
          }
          o.kind = Outcome::kDocument;
          return Write(o);
        }
      case Outcome::kDocument:
        break;
    }
    if (o.record.error.ok()) {
      (task.stored ? summary_.changed : summary_.added)++;
      if (options_.on_warning) {
        for (const std::string& w : o.record.warnings) options_.on_warning(o.record.file.path, w);
      }
    } else {
      summary_.failed++;
      Fail(o.record.error);
    }
    Result<int64_t> id = store_.PutDocument(o.record);
    return id.ok() ? Status::Ok() : id.status();
  }

  Status RemoveGone() {
    for (const StoredDocument& d : gone_) {
      if (claimed_.count(d.id)) continue;
      if (Status s = store_.RemoveDocument(d.id); !s.ok()) return s;
      summary_.removed++;
    }
    return Status::Ok();
  }

  // After a run that wrote most of the index (a first index, a bulk
  // reload), merges the full-text index's segments into one: FTS5 writes a
  // segment per batch, and a query reads every segment (11 at 3,000 files).
  // The merge costs about as much as the run's own writing, so it is done
  // only when the run wrote more documents than it left alone, or when
  // refreshes have left more than kMaxFtsSegments segments: every search
  // seeks each of its terms in every segment, and each of its snippets does
  // again (the bench's 300-file index after two refreshes had 17 segments
  // and cost 80 % more search instructions than with one; 3,000 files, 5
  // segments: 9 %), while the merge reads and writes the whole full-text
  // index once (3,000 files: about 3 s of CPU).
  Status Compact() {
    const int written = summary_.added + summary_.changed;
    if (written == 0) return Status::Ok();
    if (written <= summary_.unchanged && FtsSegments() <= kMaxFtsSegments) return Status::Ok();
    return store_.db().Exec("INSERT INTO passages_fts(passages_fts) VALUES('optimize')");
  }

  static constexpr int kMaxFtsSegments = 4;

  // The number of segments in FTS5's structure record (fts5_index.c,
  // fts5StructureDecode: a 4-byte cookie, the 4 bytes FF 00 00 01 in the V2
  // format of contentless_delete tables, then varints: levels, segments);
  // 0 when it cannot be read (then no merge is forced: a cost, not an error).
  int FtsSegments() {
    sqlite::Statement st = store_.db().Prepare("SELECT block FROM passages_fts_data WHERE id = 10");
    if (!st.Step()) return 0;
    const std::string block = st.ColumnBlob(0);
    size_t at = 4;
    if (block.size() >= 8 && block.compare(at, 4, std::string("\xFF\x00\x00\x01", 4)) == 0) at += 4;
    auto varint = [&](uint64_t* value) {
      *value = 0;
      for (int i = 0; i < 9; ++i) {
        if (at >= block.size()) return false;
        const auto byte = static_cast<unsigned char>(block[at++]);
        if (i == 8) {
          *value = (*value << 8) | byte;
          return true;
        }
        *value = (*value << 7) | (byte & 0x7Fu);
        if ((byte & 0x80) == 0) return true;
      }
      return false;
    };
    uint64_t levels = 0, segments = 0;
    if (!varint(&levels) || !varint(&segments)) return 0;
    return static_cast<int>(std::min<uint64_t>(segments, 1u << 30));
  }

  // Hands every document not yet linked (this run's and any left by a run
  // that was killed) to the linking stage.
  Status Link() {
    std::vector<int64_t> changed;
    std::vector<int64_t> removed;
    if (Status s = store_.PendingLinks(&changed, &removed); !s.ok()) return s;
    if (changed.empty() && removed.empty()) return Status::Ok();
    std::function<void(const LinkProgress&)> on_link;
    if (options_.on_progress) {
      on_link = [&](const LinkProgress& at) {
        IndexProgress linking;
        linking.linking = true;
        linking.total = changed.size() + removed.size();
        linking.link = at;
        options_.on_progress(linking);
      };
    }
    if (Status s = UpdateLinks(store_.db().get(), changed, removed, on_link); !s.ok()) return s;
    std::vector<int64_t> all = changed;
    all.insert(all.end(), removed.begin(), removed.end());
    summary_.linked = true;
    if (Status s = store_.ClearPendingLinks(all); !s.ok()) return s;
    // Fresh statistics for the query planner after the tables changed.
    return store_.db().Exec("PRAGMA optimize");
  }

  IndexStore& store_;
  const IndexOptions& options_;
  std::unique_ptr<Tagger> tagger_;
  std::vector<Task> tasks_;
  std::vector<StoredDocument> gone_;
  std::unordered_multimap<std::string, int64_t> gone_by_hash_;
  std::set<int64_t> claimed_;
  IndexSummary summary_;
};

}  // namespace

std::string ContentHash(std::string_view bytes) {
  return fmt::format("{:016x}", XXH3_64bits(bytes.data(), bytes.size()));
}

Result<IndexSummary> IndexPaths(IndexStore& store, const std::vector<std::string>& paths,
                                const IndexOptions& options) {
  std::vector<std::string> roots;
  for (const std::string& p : paths) {
    std::string abs = AbsolutePath(p);
    struct stat st;
    if (::stat(abs.c_str(), &st) != 0) return Status::NotFound(p, std::strerror(errno));
    if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
      return Status::InvalidArgument(p, "not a regular file or folder");
    }
    roots.push_back(abs);
  }
  if (Status s = store.AddRoots(roots); !s.ok()) return s;
  IndexRun run(store, options);
  return run.Run(roots);
}

Result<IndexSummary> RefreshIndex(IndexStore& store, const IndexOptions& options) {
  Result<std::vector<std::string>> roots = store.Roots();
  if (!roots.ok()) return roots.status();
  IndexRun run(store, options);
  return run.Run(*roots);
}

}  // namespace xref
