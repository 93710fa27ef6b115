// The tables of an xref index and the checks that keep xref away from
// databases it did not write. docs/schema.md explains each column to users;
// keep the two in step.
#include "index/schema.h"

#include <string>

namespace xref {
namespace {

// Everything is created in one transaction, so a crash during creation leaves
// an empty file, which the next run creates again.
//
// passages_fts is an external-content FTS5 table: the text lives once, in
// passages, and the FTS index is kept in step by the triggers below. Triggers
// (rather than explicit writes in the indexer) also cover rows that go away
// through ON DELETE CASCADE, from a deleted document or from any other code
// that deletes passages.
constexpr const char* kCreateSchema = R"sql(
CREATE TABLE meta(
  key   TEXT PRIMARY KEY,
  value TEXT
);

CREATE TABLE roots(
  path TEXT PRIMARY KEY
);

CREATE TABLE documents(
  id         INTEGER PRIMARY KEY,
  path       TEXT NOT NULL UNIQUE,
  title      TEXT,
  format     TEXT,
  date       TEXT,
  size       INTEGER NOT NULL,
  mtime_ns   INTEGER NOT NULL,
  hash       TEXT NOT NULL,
  pages      INTEGER,
  status     TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
  error      TEXT,
  indexed_at TEXT NOT NULL
);
CREATE INDEX documents_hash ON documents(hash);

CREATE TABLE passages(
  id      INTEGER PRIMARY KEY,
  doc_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  n       INTEGER NOT NULL,
  page    INTEGER,
  label   TEXT,
  section TEXT,
  kind    TEXT NOT NULL,
  level   INTEGER NOT NULL DEFAULT 0,
  stance  TEXT,
  text    TEXT NOT NULL,
  UNIQUE (doc_id, n)
);

CREATE TABLE tags(
  id         INTEGER PRIMARY KEY,
  passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL,
  "start"    INTEGER NOT NULL,
  "end"      INTEGER NOT NULL,
  text       TEXT NOT NULL,
  amount     REAL,
  currency   TEXT,
  per        TEXT,
  percent    REAL,
  count      REAL,
  unit       TEXT,
  date_start TEXT,
  date_end   TEXT,
  precision  TEXT,
  bound      TEXT,
  relative   INTEGER,
  timex      TEXT,
  actor      TEXT,
  modality   TEXT,
  action     TEXT,
  value_json TEXT
);
CREATE INDEX tags_passage ON tags(passage_id);
CREATE INDEX tags_amount ON tags(kind, amount);
CREATE INDEX tags_date ON tags(kind, date_start, date_end);

-- Documents written or removed whose commitment links are not yet updated
-- (written in the same transaction as the document, cleared after linking).
CREATE TABLE link_queue(
  doc_id  INTEGER PRIMARY KEY,
  removed INTEGER NOT NULL DEFAULT 0
);

-- The linker's terms (pipeline/link_terms.h, EncodeTerms) of each passage's
-- text and of each commitment tag's text, found once at index time.
CREATE TABLE passage_terms(
  passage_id INTEGER PRIMARY KEY REFERENCES passages(id) ON DELETE CASCADE,
  terms      BLOB NOT NULL
);
CREATE TABLE tag_terms(
  tag_id INTEGER PRIMARY KEY REFERENCES tags(id) ON DELETE CASCADE,
  terms  BLOB NOT NULL
);

CREATE VIRTUAL TABLE passages_fts USING fts5(
  text, section,
  content = 'passages', content_rowid = 'id',
  tokenize = 'porter xref'
);

CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages BEGIN
  INSERT INTO passages_fts(rowid, text, section) VALUES (new.id, new.text, new.section);
END;
CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages BEGIN
  INSERT INTO passages_fts(passages_fts, rowid, text, section)
    VALUES ('delete', old.id, old.text, old.section);
END;
CREATE TRIGGER passages_fts_update AFTER UPDATE OF text, section ON passages BEGIN
  INSERT INTO passages_fts(passages_fts, rowid, text, section)
    VALUES ('delete', old.id, old.text, old.section);
  INSERT INTO passages_fts(rowid, text, section) VALUES (new.id, new.text, new.section);
END;
)sql";

// From version 1 to 2: the tables of the linker's terms, empty (the linker
// finds the terms of passages that have none from their text).
constexpr const char* kMigrateTo2 = R"sql(
CREATE TABLE IF NOT EXISTS passage_terms(
  passage_id INTEGER PRIMARY KEY REFERENCES passages(id) ON DELETE CASCADE,
  terms      BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS tag_terms(
  tag_id INTEGER PRIMARY KEY REFERENCES tags(id) ON DELETE CASCADE,
  terms  BLOB NOT NULL
);
UPDATE meta SET value = '2' WHERE key = 'schema_version';
)sql";

// True when the database holds no tables at all (a new file).
Result<bool> IsEmpty(sqlite::Database& db) {
  sqlite::Statement st = db.Prepare("SELECT count(*) FROM sqlite_schema");
  if (!st.valid() || !st.Step()) {
    // "file is not a database" and friends surface here.
    return Status::Corrupt(db.path(), std::string("not an xref index (") +
                                          sqlite3_errmsg(db.get()) + ")");
  }
  return st.ColumnInt64(0) == 0;
}

// Reads meta and compares it with what this build understands; sets
// *version to the index's schema version when it is one this build reads.
Status CheckMeta(sqlite::Database& db, int* version_out) {
  sqlite::Statement has_meta = db.Prepare(
      "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'");
  if (!has_meta.valid() || !has_meta.Step()) {
    return Status::Corrupt(db.path(), "not an xref index (a SQLite database without xref's tables)");
  }
  sqlite::Statement st = db.Prepare("SELECT key, value FROM meta WHERE key IN "
                                    "('application', 'schema_version')");
  std::string application;
  std::string version_text;
  while (st.valid() && st.Step()) {
    (st.ColumnText(0) == "application" ? application : version_text) = st.ColumnText(1);
  }
  if (!st.valid() || !st.status().ok()) {
    return Status::Corrupt(db.path(), "not an xref index (unreadable meta table)");
  }
  if (application != kApplicationName) {
    return Status::Corrupt(db.path(), "not an xref index (meta names no xref application)");
  }
  int version = 0;
  try {
    version = std::stoi(version_text);
  } catch (const std::exception&) {
    return Status::Corrupt(db.path(), "not an xref index (bad schema_version '" + version_text + "')");
  }
  if (version > kSchemaVersion) {
    return Status::Unsupported(
        db.path(), "index schema version " + std::to_string(version) +
                       " was written by a newer xref (this one reads version " +
                       std::to_string(kSchemaVersion) + "); upgrade xref or rebuild the index");
  }
  if (version < kOldestSchemaVersion) {
    return Status::Unsupported(db.path(), "index schema version " + std::to_string(version) +
                                              " is older than this xref's (" +
                                              std::to_string(kSchemaVersion) +
                                              "); delete the file and run `xref index` again");
  }
  *version_out = version;
  return Status::Ok();
}

}  // namespace

Status EnsureSchema(sqlite::Database& db) {
  // BEGIN IMMEDIATE: two writers starting together must not both create.
  if (Status s = db.Exec("BEGIN IMMEDIATE"); !s.ok()) {
    return Status::Corrupt(db.path(), "not an xref index (" + s.what() + ")");
  }
  Result<bool> empty = IsEmpty(db);
  if (!empty.ok()) {
    db.Exec("ROLLBACK");
    return empty.status();
  }
  if (!*empty) {
    int version = 0;
    Status checked = CheckMeta(db, &version);
    if (!checked.ok() || version == kSchemaVersion) {
      db.Exec("ROLLBACK");
      return checked;
    }
    // An older index this build can bring up to date, in this transaction.
    Status migrated = db.Exec(kMigrateTo2);
    if (!migrated.ok()) {
      db.Exec("ROLLBACK");
      return Status::Internal(db.path(), "cannot update the index tables: " + migrated.what());
    }
    return db.Exec("COMMIT");
  }
  Status s = db.Exec(kCreateSchema);
  if (s.ok()) {
    sqlite::Statement meta = db.Prepare("INSERT INTO meta(key, value) VALUES (?1, ?2)");
    s = meta.Bind(1, "application").Bind(2, kApplicationName).Run();
    if (s.ok()) s = meta.Bind(1, "schema_version").Bind(2, std::to_string(kSchemaVersion)).Run();
  }
  if (!s.ok()) {
    db.Exec("ROLLBACK");
    return Status::Internal(db.path(), "cannot create the index tables: " + s.what());
  }
  return db.Exec("COMMIT");
}

Status CheckSchema(sqlite::Database& db) {
  Result<bool> empty = IsEmpty(db);
  if (!empty.ok()) return empty.status();
  if (*empty) return Status::NotFound(db.path(), "empty index; run `xref index PATH...` first");
  int version = 0;
  return CheckMeta(db, &version);
}

}  // namespace xref
