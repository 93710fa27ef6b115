// Finding the files to index under the paths a user gives.
//
//   xref::WalkOptions opts;
//   opts.skip = {"/home/me/papers/xref.db"};           // never index the index
//   xref::WalkResult r = xref::WalkFiles({"/home/me/papers"}, opts);
//   for (const xref::FileState& f : r.files) { ... f.path, f.size, f.mtime_ns ... }
//   for (const xref::Status& e : r.errors) { report e.ToString() }
//
// Folders are walked recursively, in name order. Hidden files and folders
// (".git", ".DS_Store") are skipped, and so are names matching a pattern of an
// `.xrefignore` file in the folder or a folder above it (shell globs, one per
// line, e.g. "README.md" or "drafts"), symbolic links are followed but a folder
// is never entered twice (no loops). Inside folders only documents are
// taken: files named .pdf .html .htm .xhtml .docx .txt .text .md .markdown,
// or without such a name but starting like a PDF or an HTML page. A file
// given by name is always taken, whatever it is called.
#pragma once

#include <string>
#include <vector>

#include "index/store.h"
#include "pipeline/status.h"

namespace xref {

struct WalkOptions {
  std::vector<std::string> skip;  // absolute paths never taken (the index and its -wal, -shm)
};

struct WalkResult {
  std::vector<FileState> files;   // absolute paths, no duplicates
  std::vector<Status> errors;     // unreadable folders, missing roots
  std::vector<std::string> missing_roots;  // roots that no longer exist
};

WalkResult WalkFiles(const std::vector<std::string>& roots, const WalkOptions& options);

// `path` made absolute against the current directory and lexically
// normalised ("a/./b/../c" -> "/cwd/a/c"); symbolic links are not resolved.
std::string AbsolutePath(const std::string& path);

// True when `path` is `root` or lies under it.
bool IsUnder(const std::string& path, const std::string& root);

}  // namespace xref
