// The recursive walk behind `xref index` and `xref refresh`. See file_walker.h.
#include "index/file_walker.h"

#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <utility>

namespace xref {
namespace {

bool HasDocumentExtension(const std::string& name) {
  size_t dot = name.find_last_of('.');
  if (dot == std::string::npos || dot == 0) return false;
  std::string ext = name.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static const char* const kExtensions[] = {"pdf", "html", "htm", "xhtml", "docx", "odt",
                                            "txt", "text", "md", "markdown"};
  return std::any_of(std::begin(kExtensions), std::end(kExtensions),
                     [&](const char* e) { return ext == e; });
}

// A file whose name says nothing may still be a document: a PDF or a web
// page saved without an extension. Its first bytes decide.
bool StartsLikeADocument(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char head[512];
  ssize_t n = ::read(fd, head, sizeof head);
  ::close(fd);
  if (n <= 0) return false;
  std::string s(head, static_cast<size_t>(n));
  if (s.rfind("%PDF-", 0) == 0) return true;
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  size_t i = s.find_first_not_of(" \t\r\n\xef\xbb\xbf");
  return i != std::string::npos &&
         (s.compare(i, 14, "<!doctype html") == 0 || s.compare(i, 5, "<html") == 0);
}

int64_t MtimeNs(const struct stat& st) {
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

class Walker {
 public:
  Walker(const WalkOptions& options, WalkResult* out) : out_(out) {
    for (const std::string& p : options.skip) {
      struct stat st;
      if (::stat(p.c_str(), &st) == 0) skip_.insert({st.st_dev, st.st_ino});
    }
  }

  void Root(const std::string& root) {
    struct stat st;
    if (::stat(root.c_str(), &st) != 0) {
      if (errno == ENOENT) {
        out_->missing_roots.push_back(root);
      } else {
        out_->errors.push_back(Status::IoError(root, std::strerror(errno)));
      }
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      Folder(root, st, {});
    } else if (S_ISREG(st.st_mode)) {
      File(root, st);
    } else {
      out_->errors.push_back(Status::Unsupported(root, "not a regular file or folder"));
    }
  }

 private:
  void File(const std::string& path, const struct stat& st) {
    if (skip_.count({st.st_dev, st.st_ino}) || !seen_paths_.insert(path).second) return;
    out_->files.push_back(FileState{path, static_cast<int64_t>(st.st_size), MtimeNs(st)});
  }

  // `ignored`: the .xrefignore patterns of the folders above this one.
  void Folder(const std::string& path, const struct stat& st, std::vector<std::string> ignored) {
    // A folder reached twice (a symbolic link back up the tree) is walked once.
    if (!visited_dirs_.insert({st.st_dev, st.st_ino}).second) return;
    ReadIgnoreFile(path + "/.xrefignore", &ignored);
    DIR* dir = ::opendir(path.c_str());
    if (dir == nullptr) {
      out_->errors.push_back(Status::IoError(path, std::strerror(errno)));
      return;
    }
    std::vector<std::string> names;
    while (struct dirent* e = ::readdir(dir)) {
      if (e->d_name[0] == '.') continue;  // ".", "..", and hidden entries
      names.emplace_back(e->d_name);
    }
    ::closedir(dir);
    std::sort(names.begin(), names.end());
    const std::string prefix = path == "/" ? path : path + "/";
    for (const std::string& name : names) {
      if (IsIgnored(name, ignored)) continue;
      std::string child = prefix + name;
      struct stat cst;
      if (::stat(child.c_str(), &cst) != 0) {
        // Links that lead back to themselves are reported; a dangling link,
        // or a file gone since the folder was read, is nothing to index.
        if (errno == ELOOP) {
          out_->errors.push_back(Status::IoError(child, "symbolic link loop (the link leads back to itself)"));
        }
        continue;
      }
      if (S_ISDIR(cst.st_mode)) {
        Folder(child, cst, ignored);
      } else if (S_ISREG(cst.st_mode) && (HasDocumentExtension(name) || StartsLikeADocument(child))) {
        File(child, cst);
      }
    }
  }

  // Appends the patterns of an .xrefignore file (one shell glob per line,
  // matched against file and folder names; blank lines and # comments skipped).
  static void ReadIgnoreFile(const std::string& path, std::vector<std::string>* patterns) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      while (!line.empty() && line.back() == '/') line.pop_back();
      if (!line.empty()) patterns->push_back(line);
    }
  }

  static bool IsIgnored(const std::string& name, const std::vector<std::string>& patterns) {
    for (const std::string& p : patterns) {
      if (::fnmatch(p.c_str(), name.c_str(), 0) == 0) return true;
    }
    return false;
  }

  WalkResult* out_;
  std::set<std::pair<dev_t, ino_t>> skip_;
  std::set<std::pair<dev_t, ino_t>> visited_dirs_;
  std::set<std::string> seen_paths_;
};

}  // namespace

std::string AbsolutePath(const std::string& path) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(path, ec);
  if (ec) p = path;
  std::string s = p.lexically_normal().string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

bool IsUnder(const std::string& path, const std::string& root) {
  if (path == root) return true;
  if (root == "/") return !path.empty() && path[0] == '/';
  return path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
         path[root.size()] == '/';
}

WalkResult WalkFiles(const std::vector<std::string>& roots, const WalkOptions& options) {
  WalkResult out;
  Walker walker(options, &out);
  for (const std::string& root : roots) walker.Root(root);
  return out;
}

}  // namespace xref
