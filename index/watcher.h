// FolderWatcher: notices papers added, changed, removed or renamed under the
// indexed folders (Linux inotify), for `xref refresh --watch`.
//
//   auto watcher = xref::FolderWatcher::Start({"/data/papers"});
//   while (true) {
//     // Blocks until something changed and then nothing more changed for
//     // `settle` (a file still being written is taken once it settles), or
//     // until *stop becomes true (Ctrl-C). Returns the paths that changed.
//     xref::Result<std::vector<std::string>> changed = (*watcher)->WaitForChanges(settle, &stop);
//     run a refresh;
//   }
//
// New sub-folders are watched as they appear. Files given directly as roots
// are watched through their parent folder. Not thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "pipeline/status.h"

namespace xref {

class FolderWatcher {
 public:
  static Result<std::unique_ptr<FolderWatcher>> Start(const std::vector<std::string>& roots);
  ~FolderWatcher();
  FolderWatcher(const FolderWatcher&) = delete;
  FolderWatcher& operator=(const FolderWatcher&) = delete;

  // See the file comment. Returns an empty list when stopped.
  Result<std::vector<std::string>> WaitForChanges(std::chrono::milliseconds settle,
                                                  const std::atomic<bool>* stop);

  // Folders being watched (for tests and messages).
  size_t watched_folders() const { return folders_.size(); }

 private:
  FolderWatcher() = default;
  Status WatchTree(const std::string& dir);
  // Reads pending events into changed_; false on a read error.
  bool Drain(std::set<std::string>* changed);

  int fd_ = -1;
  std::map<int, std::string> folders_;   // watch descriptor -> folder
  std::set<std::string> file_roots_;     // roots that are files
  std::set<int> partial_;                // folders watched only for file roots in them
};

}  // namespace xref
