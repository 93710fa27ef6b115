// Thin RAII wrappers over the SQLite C API, shared by everything in index/.
//
//   xref::sqlite::Database db;
//   xref::Status s = db.Open("xref.db", /*read_only=*/false);
//   xref::sqlite::Statement st = db.Prepare("SELECT id FROM documents WHERE path = ?1");
//   st.Bind(1, path);
//   while (st.Step()) { int64_t id = st.ColumnInt64(0); }
//   if (!st.status().ok()) { ... }
//
// Statements are prepared once and reset for reuse (Reset()). Errors come back
// as Status values naming the database file; nothing throws.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace xref::sqlite {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt, std::string where)
      : db_(db), stmt_(stmt), where_(std::move(where)) {}
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(Statement&& o) noexcept { *this = std::move(o); }
  Statement& operator=(Statement&& o) noexcept {
    if (this != &o) {
      sqlite3_finalize(stmt_);
      db_ = o.db_;
      stmt_ = o.stmt_;
      where_ = std::move(o.where_);
      status_ = std::move(o.status_);
      o.stmt_ = nullptr;
    }
    return *this;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool valid() const { return stmt_ != nullptr; }
  sqlite3_stmt* get() const { return stmt_; }

  // Parameters are 1-based, as in SQLite. Text is bound SQLITE_TRANSIENT.
  Statement& Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); return *this; }
  Statement& Bind(int i, int v) { sqlite3_bind_int64(stmt_, i, v); return *this; }
  Statement& Bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); return *this; }
  Statement& Bind(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Statement& BindNull(int i) { sqlite3_bind_null(stmt_, i); return *this; }
  Statement& BindBlob(int i, std::string_view v) {
    sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  template <typename T>
  Statement& Bind(int i, const std::optional<T>& v) {
    return v ? Bind(i, *v) : BindNull(i);
  }

  // Advances: true while a row is available. On an error returns false and
  // status() says why.
  bool Step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) {
      status_ = Status::IoError(where_, std::string("SQLite: ") + sqlite3_errmsg(db_));
    }
    return false;
  }
  // Runs a statement that returns no rows; resets it for reuse.
  Status Run() {
    Step();
    Status s = status_;
    Reset();
    return s;
  }
  // Ready to bind and step again; clears bindings and the error.
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    status_ = Status::Ok();
  }

  int64_t ColumnInt64(int i) const { return sqlite3_column_int64(stmt_, i); }
  double ColumnDouble(int i) const { return sqlite3_column_double(stmt_, i); }
  bool ColumnIsNull(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }
  std::string ColumnText(int i) const {
    const unsigned char* p = sqlite3_column_text(stmt_, i);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, i)))
             : std::string();
  }
  // A BLOB (or any) column's bytes; empty for NULL.
  std::string ColumnBlob(int i) const {
    const void* p = sqlite3_column_blob(stmt_, i);
    return p ? std::string(static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, i)))
             : std::string();
  }
  const Status& status() const { return status_; }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  std::string where_;
  Status status_;
};

class Database {
 public:
  Database() = default;
  ~Database() { sqlite3_close_v2(db_); }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Opens (creating unless read_only) the database at `path`.
  Status Open(const std::string& path, bool read_only) {
    path_ = path;
    int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      return Status::IoError(path, "cannot open database: " + msg);
    }
    sqlite3_extended_result_codes(db_, 1);
    return Status::Ok();
  }

  sqlite3* get() const { return db_; }
  const std::string& path() const { return path_; }

  // Runs one or more statements without results.
  Status Exec(std::string_view sql) {
    char* err = nullptr;
    std::string s(sql);
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      return Status::IoError(path_, "SQLite: " + msg);
    }
    return Status::Ok();
  }

  // Prepares `sql`; the returned Statement is !valid() on error, with the
  // message in *error when given.
  Statement Prepare(std::string_view sql, Status* error = nullptr) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK && error != nullptr) {
      *error = Status::Internal(path_, std::string("SQLite: ") + sqlite3_errmsg(db_));
    }
    return Statement(db_, stmt, path_);
  }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

}  // namespace xref::sqlite
