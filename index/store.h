// IndexStore: the one writer of an xref index (schema in schema.h and
// docs/schema.md).
//
//   auto store = xref::IndexStore::Open("xref.db");      // creates when new
//   if (!store.ok()) { print store.status().ToString(); }
//   xref::DocumentRecord rec = ...;                       // file, passages, tags
//   xref::Result<int64_t> id = (*store)->PutDocument(rec);
//
// Every call that writes is one transaction: a crash (even SIGKILL) leaves each
// document either fully written or as it was before. The database runs in WAL
// mode, so readers (search, reports) work while a writer is busy.
//
// Documents that were written or removed but whose links were not yet updated
// are remembered in the link_queue table, in the same transaction as the
// write; PendingLinks/ClearPendingLinks let the indexer hand them to
// UpdateLinks even when the previous run was killed before it got there.
//
// OpenIndexForReading gives readers a read-only connection with the tokenizer
// registered and the schema checked. Not thread-safe: one thread per store or
// connection.
//
// One writer at a time: Open takes an advisory lock (flock) on "PATH-lock"
// beside the index and holds it until the store is destroyed; a second
// IndexStore::Open on the same index, in this process or another, fails at
// once saying which process holds it. The kernel drops the lock when its
// holder dies, so a killed run never blocks the next one.
//
// Database states are reported in words, naming the index file: read-only
// (readers still work, even in a read-only folder), disk full (what was
// written before is kept), damaged, another writer busy.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "index/sqlite.h"
#include "index/tokenizer.h"
#include "pipeline/document.h"
#include "pipeline/status.h"
#include "pipeline/tag.h"

namespace xref {

// Where a file is and what it looked like on disk when last seen.
struct FileState {
  std::string path;      // absolute, as stored in documents.path
  int64_t size = 0;
  int64_t mtime_ns = 0;
};

// A documents row, as the indexer needs it to decide what changed.
struct StoredDocument {
  int64_t id = 0;
  FileState file;
  std::string hash;
  bool failed = false;
  std::string indexed_at;
};

struct PassageRecord {
  Passage passage;
  Stance stance = Stance::kNeutral;
  std::vector<Tag> tags;
  // The linker's terms (EncodeTerms, pipeline/link_terms.h) of the passage's
  // text and of each commitment tag's text (tag_terms[j] for tags[j]; empty
  // for other tags), found by the indexer's workers; written to
  // passage_terms and tag_terms when not empty.
  std::string terms;
  std::vector<std::string> tag_terms;
  // TagValueJson of each of `tags`, when the indexer's workers made them
  // (the writer makes any that are missing).
  std::vector<std::string> tag_values;
  // The full-text index's tokens of the text and the section
  // (PackDocumentTokens, tokenizer.h), when the workers made them: the
  // writer has FTS5 replay them (PrimedTokens) instead of breaking the texts
  // into words on its own thread.
  PackedTokens text_tokens;
  PackedTokens section_tokens;
};

// Everything written for one file. A non-OK `error` records a failed file
// (status 'failed', no passages).
struct DocumentRecord {
  FileState file;
  std::string hash;
  Status error;
  Format format = Format::kText;
  std::string title;
  std::string date;
  std::optional<int> pages;
  std::vector<PassageRecord> passages;
  std::vector<std::string> warnings;  // Document::warnings: reported, not stored
};

// What the tags table's value_json holds for `tag`: the "value" of its
// TagToJson, compact, invalid UTF-8 replaced.
std::string TagValueJson(const Tag& tag);

// Opens an existing index read-only; kNotFound when there is none at `path`.
Result<std::unique_ptr<sqlite::Database>> OpenIndexForReading(const std::string& path);

// `raw`, a failure of an SQLite call on the index at `db_path` whose
// (extended) result code was `sqlite_code`, said in words with what to do
// ("database or disk is full; ... free space and run `xref refresh`").
// Failures that are not about the database's state come back unchanged.
// With sqlite_code SQLITE_OK (not known any more) the state is recognised by
// SQLite's message in `raw`.
Status ExplainDatabaseError(const std::string& db_path, int sqlite_code, const Status& raw);

class IndexStore {
 public:
  // Opens the index at `path` for writing, creating it when absent.
  static Result<std::unique_ptr<IndexStore>> Open(const std::string& path);

  sqlite::Database& db() { return db_; }

  Result<std::vector<StoredDocument>> Documents();
  Result<std::vector<std::string>> Roots();
  // Adds paths to roots (already absolute); known ones are left alone.
  Status AddRoots(const std::vector<std::string>& paths);

  // Writes `record` for record.file.path: a new row, or a replacement of the
  // existing row (same id, old passages and everything hanging off them
  // gone). Returns the document's id.
  Result<int64_t> PutDocument(const DocumentRecord& record);
  // The file moved (same content at a new path): only the row changes.
  Status MoveDocument(int64_t id, const FileState& now);
  // Same content, new mtime (touched or copied over): the row's file state.
  Status UpdateFileState(int64_t id, const FileState& now);
  // Deletes the document and, by cascade, its passages, tags and links.
  Status RemoveDocument(int64_t id);

  // Groups the writes that follow, until EndBatch, into one transaction,
  // each write still whole or not at all (a savepoint): FTS5 turns every
  // transaction's terms into a segment of its own and merges segments as they
  // pile up, so one transaction per document costs a run far more than one
  // per batch. Documents of a batch not yet ended when the process dies are
  // not in the index (the next run does them again); nothing committed before
  // is touched.
  Status BeginBatch();
  // Commits the batch (nothing when none is open).
  Status EndBatch();

  // Documents written or removed whose links are not yet updated.
  Status PendingLinks(std::vector<int64_t>* changed, std::vector<int64_t>* removed);
  Status ClearPendingLinks(const std::vector<int64_t>& ids);

 private:
  // The writer's lock file descriptor (see the top of this file); declared
  // before db_ so that it is released after the database is closed.
  class WriterLock {
   public:
    WriterLock() = default;
    ~WriterLock();
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;
    Status Acquire(const std::string& db_path);
    // Deletes the lock file if Acquire created it (the store was refused).
    void RemoveIfCreated();

   private:
    int fd_ = -1;
    std::string created_;  // the lock file's path, when Acquire created it
  };

  IndexStore() = default;
  Status Prepare();
  Status InTransaction(const std::function<Status()>& body);
  Status WritePassages(int64_t doc_id, const DocumentRecord& record);
  // The statement inserting `rows` passages (a power of two, at most
  // kMaxPassageRows), prepared on first use; null with *error on failure.
  sqlite::Statement* PassageInsert(size_t rows, Status* error);

  static constexpr int kPassageColumns = 10;
  static constexpr size_t kMaxPassageRows = 256;

  WriterLock lock_;
  bool batch_ = false;  // inside BeginBatch .. EndBatch
  sqlite::Database db_;
  sqlite::Statement find_document_;
  sqlite::Statement insert_document_;
  sqlite::Statement update_document_;
  sqlite::Statement delete_passages_;
  sqlite::Statement max_passage_id_;
  sqlite::Statement insert_passages_[9];  // 1, 2, 4, ... kMaxPassageRows rows
  sqlite::Statement insert_tag_;
  sqlite::Statement insert_passage_terms_;
  sqlite::Statement insert_tag_terms_;
  sqlite::Statement move_document_;
  sqlite::Statement update_file_state_;
  sqlite::Statement delete_document_;
  sqlite::Statement queue_link_;
};

// The current time as stored in indexed_at: UTC, ISO 8601 with milliseconds.
std::string UtcTimestamp();

}  // namespace xref
