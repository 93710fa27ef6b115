// IndexStore: connection settings, prepared statements and one transaction
// per document. See store.h.
#include "index/store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "index/schema.h"
#include "index/search.h"
#include "index/tokenizer.h"

namespace xref {
namespace {

// A writer that finds the database locked (another `xref index` running)
// waits this long before giving up with "database is locked".
constexpr int kBusyTimeoutMs = 10000;

constexpr const char* kReadOnly =
    "the index is read-only (no permission to write it or its folder): `xref search` can read "
    "it, `xref index` and `xref refresh` need write access";

// The failure of the last call on `db`, said in words.
Status Explain(sqlite::Database& db, const Status& raw) {
  return ExplainDatabaseError(db.path(), sqlite3_extended_errcode(db.get()), raw);
}

// SQLite's URI for opening `path` as immutable: no locks, no -shm file, so
// an index in a read-only folder can still be searched.
std::string ImmutableUri(const std::string& path) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      static const char kHex[] = "0123456789ABCDEF";
      uri += '%';
      uri += kHex[static_cast<unsigned char>(c) >> 4];
      uri += kHex[static_cast<unsigned char>(c) & 15];
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

Status Configure(sqlite::Database& db, bool read_only) {
  if (Status s = RegisterXrefTokenizer(db.get()); !s.ok()) return Status::Internal(db.path(), s.what());
  if (Status s = RegisterSearchFunctions(db.get()); !s.ok()) return Status::Internal(db.path(), s.what());
  sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
  // Memory-mapped reads for searches: a search touches thousands of FTS
  // pages, and reading them through the 2 MiB page cache costs one pread()
  // each (measured in docs/performance.md, finding 2).
  if (read_only) {
    if (Status s = db.Exec("PRAGMA mmap_size = 1073741824"); !s.ok()) return s;
    return db.Exec("PRAGMA query_only = ON");
  }
  // SQLite opens a file it may not write read-only without saying so.
  if (sqlite3_db_readonly(db.get(), "main") == 1) return Status::IoError(db.path(), kReadOnly);
  // WAL: readers never block the writer nor see half a document.
  // synchronous=NORMAL: a commit survives a crash of the process; only power
  // loss can take back the last transactions, never corrupt the file.
  sqlite::Statement wal = db.Prepare("PRAGMA journal_mode = WAL");
  if (!wal.valid() || !wal.Step()) {
    const int code = sqlite3_extended_errcode(db.get());
    const Status raw = Status::Corrupt(db.path(), std::string("not an xref index (") +
                                                      sqlite3_errmsg(db.get()) + ")");
    return (code & 0xFF) == SQLITE_NOTADB ? raw : ExplainDatabaseError(db.path(), code, raw);
  }
  // A writer reads and writes through an 8 MiB page cache rather than the
  // map: mapped pages count in the process's memory, and a relink reads the
  // whole index (docs/performance.md, finding 11).
  return db.Exec(
      "PRAGMA synchronous = NORMAL;"
      "PRAGMA foreign_keys = ON;"
      "PRAGMA temp_store = MEMORY;"
      "PRAGMA cache_size = -8192;");
}

// Touches the tables every command reads, so that an index whose pages were
// overwritten is reported as damaged when it is opened, not later as an odd
// SQL error ("vtable constructor failed") from whichever query came first.
Status ProbeTables(sqlite::Database& db) {
  for (const char* sql : {"SELECT id FROM documents ORDER BY id DESC LIMIT 1",
                          "SELECT rowid FROM passages_fts WHERE passages_fts MATCH 'xref' LIMIT 1"}) {
    sqlite::Statement st = db.Prepare(sql);
    if (st.valid()) {
      while (st.Step()) {
      }
      if (st.status().ok()) continue;
    }
    return Status::Corrupt(db.path(), std::string("the index is damaged (") + sqlite3_errmsg(db.get()) +
                                          "); delete it and its -wal file, then run `xref index "
                                          "PATH...` again");
  }
  return Status::Ok();
}

std::optional<std::string> NonEmpty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

}  // namespace

std::string UtcTimestamp() {
  auto now = std::chrono::system_clock::now();
  std::time_t secs = std::chrono::system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  return fmt::format("{}.{:03d}Z", buf, static_cast<int>(ms));
}

Status ExplainDatabaseError(const std::string& db_path, int sqlite_code, const Status& raw) {
  if (raw.ok()) return raw;
  int code = sqlite_code & 0xFF;
  static const int kStates[] = {SQLITE_FULL, SQLITE_READONLY, SQLITE_CORRUPT, SQLITE_NOTADB,
                                SQLITE_BUSY, SQLITE_CANTOPEN, SQLITE_IOERR};
  if (std::find(std::begin(kStates), std::end(kStates), code) == std::end(kStates)) {
    code = SQLITE_OK;
    for (int state : kStates) {
      if (raw.what().find(sqlite3_errstr(state)) != std::string::npos) code = state;
    }
  }
  switch (code) {
    case SQLITE_FULL:
      return Status::IoError(db_path,
                             "database or disk is full: the documents indexed before are kept; "
                             "free some space and run `xref refresh` to finish");
    case SQLITE_READONLY:
      return Status::IoError(db_path, kReadOnly);
    case SQLITE_CORRUPT:
      return Status::Corrupt(db_path,
                             "the index is damaged (database disk image is malformed); delete it "
                             "and its -wal file, then run `xref index PATH...` again");
    case SQLITE_NOTADB:
      return Status::Corrupt(db_path,
                             "not an xref index (not an SQLite database, or one damaged beyond "
                             "reading); give another --db, or delete it and run `xref index` again");
    case SQLITE_BUSY:
      return Status::IoError(db_path,
                             "the index stayed locked by another program for " +
                                 std::to_string(kBusyTimeoutMs / 1000) + " s; try again when it is done");
    case SQLITE_CANTOPEN:
      return Status::IoError(db_path,
                             "cannot open the index (its folder does not exist or cannot be "
                             "read); check the --db path");
    case SQLITE_IOERR:
      return Status::IoError(db_path, "cannot read or write the index: " + raw.what());
    default:
      return raw;
  }
}

Result<std::unique_ptr<sqlite::Database>> OpenIndexForReading(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    return Status::NotFound(path, "no index here; run `xref index PATH...` first (or give --db)");
  }
  auto open = [](const std::string& name) -> Result<std::unique_ptr<sqlite::Database>> {
    auto db = std::make_unique<sqlite::Database>();
    if (Status s = db->Open(name, /*read_only=*/true); !s.ok()) return s;
    if (Status s = Configure(*db, /*read_only=*/true); !s.ok()) return s;
    if (Status s = CheckSchema(*db); !s.ok()) {
      return ExplainDatabaseError(name, sqlite3_extended_errcode(db->get()), s);
    }
    if (Status s = ProbeTables(*db); !s.ok()) return s;
    return db;
  };
  Result<std::unique_ptr<sqlite::Database>> db = open(path);
  if (db.ok()) return db;
  // A WAL index in a folder this user cannot write: SQLite cannot create the
  // -shm file readers share. With no -wal file (no writer, nothing
  // uncommitted) the file is all there is, and it is read as immutable.
  struct stat wal;
  const bool no_wal = ::stat((path + "-wal").c_str(), &wal) != 0 || wal.st_size == 0;
  if (db.status().what() == kReadOnly && no_wal) {
    Result<std::unique_ptr<sqlite::Database>> immutable = open(ImmutableUri(path));
    if (immutable.ok()) return immutable;
  }
  return db.status();
}

IndexStore::WriterLock::~WriterLock() {
  if (fd_ >= 0) ::close(fd_);
}

void IndexStore::WriterLock::RemoveIfCreated() {
  // Still holding the lock: nobody else is using the file.
  if (!created_.empty()) ::unlink(created_.c_str());
  created_.clear();
}

Status IndexStore::WriterLock::Acquire(const std::string& db_path) {
  if (db_path.empty() || db_path == ":memory:" || db_path.rfind("file:", 0) == 0) return Status::Ok();
  const std::string lock_path = db_path + "-lock";
  // O_CLOEXEC: worker processes must not inherit (and outlive us holding) the lock.
  fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd_ >= 0) {
    created_ = lock_path;
  } else if (errno == EEXIST) {
    fd_ = ::open(lock_path.c_str(), O_RDWR | O_CLOEXEC);
    // flock works on a file opened for reading: someone else's lock file.
    if (fd_ < 0 && (errno == EACCES || errno == EROFS)) fd_ = ::open(lock_path.c_str(), O_RDONLY | O_CLOEXEC);
  }
  if (fd_ < 0) {
    if (errno == EACCES || errno == EROFS) return Status::IoError(db_path, kReadOnly);
    if (errno == ENOENT) {
      return Status::NotFound(db_path, "cannot create the index: the folder it goes in does not exist");
    }
    return Status::IoError(lock_path, std::strerror(errno));
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    char holder[32] = {};
    ssize_t n = ::pread(fd_, holder, sizeof holder - 1, 0);
    std::string pid = n > 0 ? std::string(holder, static_cast<size_t>(n)) : std::string();
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    ::close(fd_);
    fd_ = -1;
    if (error != EWOULDBLOCK) return Status::IoError(lock_path, std::strerror(error));
    return Status::IoError(db_path, "another xref index or refresh is running on this index" +
                                        (pid.empty() ? std::string() : " (process " + pid + ")") +
                                        "; wait for it to finish, then run the command again");
  }
  // Who holds it, for the message above (not possible on a read-only lock file).
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) == 0 && ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
    // Only the message of a second writer loses the process id.
  }
  return Status::Ok();
}

Result<std::unique_ptr<IndexStore>> IndexStore::Open(const std::string& path) {
  std::unique_ptr<IndexStore> store(new IndexStore());
  if (Status s = store->lock_.Acquire(path); !s.ok()) return s;
  // A refused file (not an index, read-only...) gets no lock file left beside it.
  auto refuse = [&](const Status& s) {
    store->lock_.RemoveIfCreated();
    return s;
  };
  if (Status s = store->db_.Open(path, /*read_only=*/false); !s.ok()) return refuse(Explain(store->db_, s));
  if (Status s = Configure(store->db_, /*read_only=*/false); !s.ok()) return refuse(s);
  if (Status s = EnsureSchema(store->db_); !s.ok()) {
    // EnsureSchema words its own refusals; SQLite's failures get words here.
    return refuse(ExplainDatabaseError(path, SQLITE_OK, s));
  }
  if (Status s = ProbeTables(store->db_); !s.ok()) return refuse(s);
  if (Status s = store->Prepare(); !s.ok()) return refuse(s);
  return store;
}

Status IndexStore::Prepare() {
  Status error;
  auto prepare = [&](sqlite::Statement* st, const char* sql) {
    if (error.ok()) *st = db_.Prepare(sql, &error);
  };
  prepare(&find_document_, "SELECT id FROM documents WHERE path = ?1");
  prepare(&insert_document_,
          "INSERT INTO documents(path, title, format, date, size, mtime_ns, hash, pages, status, "
          "error, indexed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  prepare(&update_document_,
          "UPDATE documents SET title = ?2, format = ?3, date = ?4, size = ?5, mtime_ns = ?6, "
          "hash = ?7, pages = ?8, status = ?9, error = ?10, indexed_at = ?11 WHERE id = ?1");
  prepare(&delete_passages_, "DELETE FROM passages WHERE doc_id = ?1");
  prepare(&max_passage_id_, "SELECT max(id) FROM passages");
  prepare(&insert_tag_,
          "INSERT INTO tags(passage_id, kind, \"start\", \"end\", text, amount, currency, per, "
          "percent, count, unit, date_start, date_end, precision, bound, relative, timex, actor, "
          "modality, action, value_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
          "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)");
  prepare(&insert_passage_terms_, "INSERT INTO passage_terms(passage_id, terms) VALUES (?1, ?2)");
  prepare(&insert_tag_terms_, "INSERT INTO tag_terms(tag_id, terms) VALUES (?1, ?2)");
  prepare(&move_document_, "UPDATE documents SET path = ?2, size = ?3, mtime_ns = ?4 WHERE id = ?1");
  prepare(&update_file_state_, "UPDATE documents SET size = ?2, mtime_ns = ?3 WHERE id = ?1");
  prepare(&delete_document_, "DELETE FROM documents WHERE id = ?1");
  prepare(&queue_link_,
          "INSERT INTO link_queue(doc_id, removed) VALUES (?1, ?2) "
          "ON CONFLICT(doc_id) DO UPDATE SET removed = excluded.removed");
  return error;
}

Status IndexStore::BeginBatch() {
  if (batch_) return Status::Ok();
  if (Status s = db_.Exec("BEGIN IMMEDIATE"); !s.ok()) return Explain(db_, s);
  batch_ = true;
  return Status::Ok();
}

Status IndexStore::EndBatch() {
  if (!batch_) return Status::Ok();
  batch_ = false;
  // An I/O error or a full disk may have rolled the transaction back already
  // (the failing write reported it).
  if (sqlite3_get_autocommit(db_.get())) return Status::Ok();
  Status s = db_.Exec("COMMIT");
  if (!s.ok()) {
    Status explained = Explain(db_, s);
    if (!sqlite3_get_autocommit(db_.get())) db_.Exec("ROLLBACK");
    return explained;
  }
  return s;
}

Status IndexStore::InTransaction(const std::function<Status()>& body) {
  if (batch_ && !sqlite3_get_autocommit(db_.get())) {
    if (Status s = db_.Exec("SAVEPOINT write"); !s.ok()) return Explain(db_, s);
    Status s = body();
    if (s.ok()) s = db_.Exec("RELEASE write");
    if (!s.ok()) {
      Status explained = Explain(db_, s);
      if (!sqlite3_get_autocommit(db_.get())) {
        db_.Exec("ROLLBACK TO write");
        db_.Exec("RELEASE write");
      }
      return explained;
    }
    return s;
  }
  // IMMEDIATE takes the write lock up front, so a concurrent writer waits
  // (busy_timeout) instead of failing half-way with SQLITE_BUSY.
  if (Status s = db_.Exec("BEGIN IMMEDIATE"); !s.ok()) return Explain(db_, s);
  Status s = body();
  if (s.ok()) s = db_.Exec("COMMIT");
  if (!s.ok()) {
    // Worded before ROLLBACK replaces the connection's error code.
    Status explained = Explain(db_, s);
    if (!sqlite3_get_autocommit(db_.get())) db_.Exec("ROLLBACK");
    return explained;
  }
  return s;
}

Result<std::vector<StoredDocument>> IndexStore::Documents() {
  sqlite::Statement st = db_.Prepare(
      "SELECT id, path, size, mtime_ns, hash, status, indexed_at FROM documents ORDER BY path");
  std::vector<StoredDocument> out;
  while (st.Step()) {
    StoredDocument d;
    d.id = st.ColumnInt64(0);
    d.file.path = st.ColumnText(1);
    d.file.size = st.ColumnInt64(2);
    d.file.mtime_ns = st.ColumnInt64(3);
    d.hash = st.ColumnText(4);
    d.failed = st.ColumnText(5) != "ok";
    d.indexed_at = st.ColumnText(6);
    out.push_back(std::move(d));
  }
  if (!st.status().ok()) return st.status();
  return out;
}

Result<std::vector<std::string>> IndexStore::Roots() {
  sqlite::Statement st = db_.Prepare("SELECT path FROM roots ORDER BY path");
  std::vector<std::string> out;
  while (st.Step()) out.push_back(st.ColumnText(0));
  if (!st.status().ok()) return st.status();
  return out;
}

Status IndexStore::AddRoots(const std::vector<std::string>& paths) {
  return InTransaction([&]() -> Status {
    sqlite::Statement st = db_.Prepare("INSERT OR IGNORE INTO roots(path) VALUES (?1)");
    for (const std::string& p : paths) {
      if (Status s = st.Bind(1, p).Run(); !s.ok()) return s;
    }
    return Status::Ok();
  });
}

sqlite::Statement* IndexStore::PassageInsert(size_t rows, Status* error) {
  size_t slot = 0;
  while ((size_t{1} << slot) < rows) ++slot;
  sqlite::Statement& st = insert_passages_[slot];
  if (!st.valid()) {
    std::string sql = "INSERT INTO passages(id, doc_id, n, page, label, section, kind, level, stance, text) VALUES ";
    for (size_t r = 0; r < rows; ++r) {
      sql += r == 0 ? "(" : ",(";
      for (int c = 0; c < kPassageColumns; ++c) sql += c == 0 ? "?" : ",?";
      sql += ")";
    }
    st = db_.Prepare(sql, error);
    if (!st.valid()) return nullptr;
  }
  return &st;
}

Status IndexStore::WritePassages(int64_t doc_id, const DocumentRecord& record) {
  // The passages go in by statements of up to kMaxPassageRows rows, not one
  // each: each statement that fires the FTS5 trigger opens a statement
  // savepoint, and SQLite 3.40's FTS5 writes its pending terms out as a new
  // segment (and merges segments) at every savepoint and release, so a
  // statement per passage made a segment per passage (docs/performance.md,
  // finding 30). The ids are the ones SQLite would give rows inserted one by
  // one: one more than the largest in the table, then consecutive.
  int64_t first_id = 1;
  {
    const bool row = max_passage_id_.Step();
    if (row && !max_passage_id_.ColumnIsNull(0)) first_id = max_passage_id_.ColumnInt64(0) + 1;
    Status found = max_passage_id_.status();
    max_passage_id_.Reset();
    if (!found.ok()) return found;
  }
  const size_t count = record.passages.size();
  for (size_t at = 0; at < count;) {
    size_t rows = kMaxPassageRows;
    while (rows > count - at) rows >>= 1;
    Status error;
    sqlite::Statement* st = PassageInsert(rows, &error);
    if (st == nullptr) return error;
    PrimedTokens primed;
    for (size_t r = 0; r < rows; ++r) {
      const PassageRecord& pr = record.passages[at + r];
      const Passage& p = pr.passage;
      if (!pr.text_tokens.empty()) primed.Add(p.text, &pr.text_tokens);
      if (!pr.section_tokens.empty()) primed.Add(p.section, &pr.section_tokens);
      const int base = static_cast<int>(r) * kPassageColumns;
      st->Bind(base + 1, first_id + static_cast<int64_t>(at + r))
          .Bind(base + 2, doc_id)
          .Bind(base + 3, p.n)
          .Bind(base + 4, p.page)
          .Bind(base + 5, NonEmpty(p.label))
          .Bind(base + 6, NonEmpty(p.section))
          .Bind(base + 7, PassageKindName(p.kind))
          .Bind(base + 8, p.level)
          .Bind(base + 9, StanceName(pr.stance))
          .Bind(base + 10, p.text);
    }
    if (Status s = st->Run(); !s.ok()) return s;
    at += rows;
  }
  for (size_t i = 0; i < count; ++i) {
    const PassageRecord& pr = record.passages[i];
    const int64_t passage_id = first_id + static_cast<int64_t>(i);
    if (!pr.terms.empty()) {
      if (Status s = insert_passage_terms_.Bind(1, passage_id).BindBlob(2, pr.terms).Run(); !s.ok()) {
        return s;
      }
    }
    for (size_t k = 0; k < pr.tags.size(); ++k) {
      const Tag& t = pr.tags[k];
      sqlite::Statement& st = insert_tag_;
      st.Bind(1, passage_id)
          .Bind(2, TagKindName(t.kind))
          .Bind(3, static_cast<int64_t>(t.start))
          .Bind(4, static_cast<int64_t>(t.end))
          .Bind(5, t.text);
      switch (t.kind) {
        case TagKind::kMoney:
          st.Bind(6, t.money.amount).Bind(7, NonEmpty(t.money.currency)).Bind(8, NonEmpty(t.money.per));
          break;
        case TagKind::kPercent:
          st.Bind(9, t.percent.percent);
          break;
        case TagKind::kCount:
          st.Bind(10, t.count.count).Bind(11, NonEmpty(t.count.unit));
          break;
        case TagKind::kDate:
          st.Bind(12, NonEmpty(t.date.start))
              .Bind(13, NonEmpty(t.date.end))
              .Bind(14, NonEmpty(t.date.precision))
              .Bind(15, NonEmpty(t.date.bound))
              .Bind(16, t.date.relative ? 1 : 0)
              .Bind(17, NonEmpty(t.date.timex));
          break;
        case TagKind::kCommitment:
          st.Bind(18, NonEmpty(t.commitment.actor))
              .Bind(19, NonEmpty(t.commitment.modality))
              .Bind(20, NonEmpty(t.commitment.action));
          break;
      }
      st.Bind(21, k < pr.tag_values.size() ? pr.tag_values[k] : TagValueJson(t));
      if (Status s = st.Run(); !s.ok()) return s;
      if (k < pr.tag_terms.size() && !pr.tag_terms[k].empty()) {
        const int64_t tag_id = sqlite3_last_insert_rowid(db_.get());
        if (Status s = insert_tag_terms_.Bind(1, tag_id).BindBlob(2, pr.tag_terms[k]).Run(); !s.ok()) {
          return s;
        }
      }
    }
  }
  return Status::Ok();
}

std::string TagValueJson(const Tag& tag) {
  nlohmann::json j = TagToJson(tag);
  const nlohmann::json& value = j.contains("value") ? j["value"] : j;
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<int64_t> IndexStore::PutDocument(const DocumentRecord& record) {
  int64_t doc_id = 0;
  Status s = InTransaction([&]() -> Status {
    find_document_.Bind(1, record.file.path);
    std::optional<int64_t> existing;
    if (find_document_.Step()) existing = find_document_.ColumnInt64(0);
    Status found = find_document_.status();
    find_document_.Reset();
    if (!found.ok()) return found;

    const bool failed = !record.error.ok();
    sqlite::Statement& st = existing ? update_document_ : insert_document_;
    if (existing) {
      st.Bind(1, *existing);
    } else {
      st.Bind(1, record.file.path);
    }
    st.Bind(2, failed ? std::nullopt : NonEmpty(record.title))
        .Bind(3, failed ? std::string_view() : FormatName(record.format))
        .Bind(4, failed ? std::nullopt : NonEmpty(record.date))
        .Bind(5, record.file.size)
        .Bind(6, record.file.mtime_ns)
        .Bind(7, record.hash)
        .Bind(8, failed ? std::nullopt : record.pages)
        .Bind(9, failed ? "failed" : "ok")
        .Bind(10, failed ? std::optional<std::string>(record.error.what()) : std::nullopt)
        .Bind(11, UtcTimestamp());
    if (failed) st.BindNull(3);
    if (Status w = st.Run(); !w.ok()) return w;
    if (existing) {
      doc_id = *existing;
      // Cascades to tags and to the linker's tables; the trigger keeps FTS in step.
      if (Status d = delete_passages_.Bind(1, doc_id).Run(); !d.ok()) return d;
    } else {
      doc_id = sqlite3_last_insert_rowid(db_.get());
    }
    if (Status p = WritePassages(doc_id, record); !p.ok()) return p;
    return queue_link_.Bind(1, doc_id).Bind(2, 0).Run();
  });
  if (!s.ok()) return s;
  return doc_id;
}

Status IndexStore::MoveDocument(int64_t id, const FileState& now) {
  return InTransaction([&] {
    return move_document_.Bind(1, id).Bind(2, now.path).Bind(3, now.size).Bind(4, now.mtime_ns).Run();
  });
}

Status IndexStore::UpdateFileState(int64_t id, const FileState& now) {
  return InTransaction(
      [&] { return update_file_state_.Bind(1, id).Bind(2, now.size).Bind(3, now.mtime_ns).Run(); });
}

Status IndexStore::RemoveDocument(int64_t id) {
  return InTransaction([&]() -> Status {
    if (Status s = delete_document_.Bind(1, id).Run(); !s.ok()) return s;
    return queue_link_.Bind(1, id).Bind(2, 1).Run();
  });
}

Status IndexStore::PendingLinks(std::vector<int64_t>* changed, std::vector<int64_t>* removed) {
  changed->clear();
  removed->clear();
  sqlite::Statement st = db_.Prepare(
      "SELECT q.doc_id, q.removed OR d.id IS NULL FROM link_queue q "
      "LEFT JOIN documents d ON d.id = q.doc_id ORDER BY q.doc_id");
  while (st.Step()) (st.ColumnInt64(1) ? removed : changed)->push_back(st.ColumnInt64(0));
  return st.status();
}

Status IndexStore::ClearPendingLinks(const std::vector<int64_t>& ids) {
  return InTransaction([&]() -> Status {
    sqlite::Statement st = db_.Prepare("DELETE FROM link_queue WHERE doc_id = ?1");
    for (int64_t id : ids) {
      if (Status s = st.Bind(1, id).Run(); !s.ok()) return s;
    }
    return Status::Ok();
  });
}

}  // namespace xref
