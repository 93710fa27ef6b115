// Status and Result: how errors cross module boundaries in xref.
//
// Library code never lets an exception escape: a failing operation returns a
// Status (or a Result<T> holding either a value or a Status) that names the
// file or argument at fault and says what is wrong, ready to print as one line:
//
//   xref::Result<xref::Document> doc = xref::ExtractFile("report.pdf");
//   if (!doc.ok()) {
//     std::cerr << "xref: " << doc.status().ToString() << "\n";
//     // -> "xref: report.pdf: encrypted PDF (a password is needed)"
//   }
//
// Exceptions thrown by third-party libraries are caught where the library is
// called and turned into a Status there.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace xref {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,   // a usage error: bad option, bad query
    kNotFound,          // a file or record that does not exist
    kUnsupported,       // a format or feature xref does not handle
    kCorrupt,           // input that is damaged or not what it claims to be
    kIoError,           // the operating system refused (permissions, disk full)
    kResourceExhausted, // a time or memory limit was hit
    kInternal,          // a bug in xref
  };

  // A default Status is OK.
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string where, std::string what) {
    return Status(Code::kInvalidArgument, std::move(where), std::move(what));
  }
  static Status NotFound(std::string where, std::string what) {
    return Status(Code::kNotFound, std::move(where), std::move(what));
  }
  static Status Unsupported(std::string where, std::string what) {
    return Status(Code::kUnsupported, std::move(where), std::move(what));
  }
  static Status Corrupt(std::string where, std::string what) {
    return Status(Code::kCorrupt, std::move(where), std::move(what));
  }
  static Status IoError(std::string where, std::string what) {
    return Status(Code::kIoError, std::move(where), std::move(what));
  }
  static Status ResourceExhausted(std::string where, std::string what) {
    return Status(Code::kResourceExhausted, std::move(where), std::move(what));
  }
  static Status Internal(std::string where, std::string what) {
    return Status(Code::kInternal, std::move(where), std::move(what));
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // The file, argument or object at fault ("corpus/report.pdf", "--limit").
  const std::string& where() const { return where_; }
  // What is wrong, in words a user understands ("truncated PDF").
  const std::string& what() const { return what_; }
  // "where: what", or "OK".
  std::string ToString() const {
    if (ok()) return "OK";
    if (where_.empty()) return what_;
    return where_ + ": " + what_;
  }

 private:
  Status(Code code, std::string where, std::string what)
      : code_(code), where_(std::move(where)), what_(std::move(what)) {}

  Code code_ = Code::kOk;
  std::string where_;
  std::string what_;
};

// Either a T or a non-OK Status. Access value() only when ok().
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "a Result built from a Status must carry an error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace xref
