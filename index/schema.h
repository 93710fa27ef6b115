// The layout of an xref index: one SQLite file, documented for users in
// docs/schema.md (the tables are part of xref's interface: people query them
// with the sqlite3 shell, and the linking stage adds its own tables beside them).
//
//   xref::sqlite::Database db;
//   ... db.Open(path, false); RegisterXrefTokenizer(db.get()); ...
//   xref::Status s = xref::EnsureSchema(db);   // creates, or checks the version
//
// Reading code (search, reports) calls CheckSchema instead, which never writes.
// Both refuse, with a one-line Status naming the file, a database that is not
// an xref index or was written by a newer xref.
#pragma once

#include "index/sqlite.h"
#include "pipeline/status.h"

namespace xref {

// Bumped whenever a table changes shape; an index with a larger version is
// refused (it was written by a newer xref), one with a smaller one is
// migrated or, when that cannot be done, refused with advice to rebuild.
//   1: the store's tables.
//   2: passage_terms and tag_terms, the linker's terms found at index time.
//      A version 1 index is migrated by a writer (the tables are added,
//      empty: the linker finds the terms of passages without them from their
//      text) and read as it is by readers.
inline constexpr int kSchemaVersion = 2;

// The oldest version this build still reads and migrates.
inline constexpr int kOldestSchemaVersion = 1;

// The value of meta('application') that marks a database as an xref index.
inline constexpr const char* kApplicationName = "xref";

// Creates every table, index and trigger in an empty database, or checks that
// an existing one is an xref index of a version this build can write. The
// xref tokenizer must already be registered on the connection (the FTS5 table
// names it). Returns OK, or kCorrupt / kUnsupported naming the file.
Status EnsureSchema(sqlite::Database& db);

// Checks, without writing, that `db` is an xref index this build can read.
Status CheckSchema(sqlite::Database& db);

}  // namespace xref
