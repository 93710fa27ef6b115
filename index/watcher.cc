// See watcher.h. inotify on every folder under the roots; events are
// collected until the tree has been quiet for the settle time.
#include "index/watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace xref {
namespace fs = std::filesystem;

namespace {
constexpr uint32_t kEvents = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                             IN_MOVED_TO | IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF;
}  // namespace

Result<std::unique_ptr<FolderWatcher>> FolderWatcher::Start(const std::vector<std::string>& roots) {
  std::unique_ptr<FolderWatcher> w(new FolderWatcher());
  w->fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (w->fd_ < 0) return Status::IoError("inotify", std::strerror(errno));
  for (const std::string& root : roots) {
    std::error_code ec;
    if (fs::is_directory(root, ec)) {
      Status s = w->WatchTree(root);
      if (!s.ok()) return s;
    } else {
      w->file_roots_.insert(root);
      std::string parent = fs::path(root).parent_path().string();
      if (parent.empty()) parent = ".";
      int wd = inotify_add_watch(w->fd_, parent.c_str(), kEvents | IN_ONLYDIR);
      if (wd < 0) return Status::IoError(parent, std::string("cannot watch: ") + std::strerror(errno));
      if (w->folders_.count(wd) == 0) {
        w->folders_[wd] = parent;
        w->partial_.insert(wd);
      }
    }
  }
  return w;
}

FolderWatcher::~FolderWatcher() {
  if (fd_ >= 0) close(fd_);
}

Status FolderWatcher::WatchTree(const std::string& dir) {
  std::vector<std::string> stack = {dir};
  while (!stack.empty()) {
    std::string d = stack.back();
    stack.pop_back();
    int wd = inotify_add_watch(fd_, d.c_str(), kEvents | IN_ONLYDIR);
    if (wd < 0) {
      if (errno == ENOSPC) {
        return Status::ResourceExhausted(
            d, "too many folders to watch (raise /proc/sys/fs/inotify/max_user_watches)");
      }
      if (d == dir) return Status::IoError(d, std::string("cannot watch: ") + std::strerror(errno));
      continue;  // a sub-folder that vanished or is unreadable
    }
    partial_.erase(wd);  // now watched whole
    if (folders_.count(wd) != 0 && d != dir) continue;  // already watched (a symlink loop)
    folders_[wd] = d;
    std::error_code ec;
    for (fs::directory_iterator it(d, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') continue;
      if (it->is_directory(ec) && !it->is_symlink(ec)) stack.push_back(it->path().string());
    }
  }
  return Status::Ok();
}

bool FolderWatcher::Drain(std::set<std::string>* changed) {
  alignas(inotify_event) char buf[64 * 1024];
  while (true) {
    ssize_t n = read(fd_, buf, sizeof buf);
    if (n < 0) return errno == EAGAIN || errno == EINTR;
    if (n == 0) return true;
    for (char* p = buf; p < buf + n;) {
      auto* ev = reinterpret_cast<inotify_event*>(p);
      p += sizeof(inotify_event) + ev->len;
      if (ev->mask & IN_IGNORED) {
        folders_.erase(ev->wd);
        continue;
      }
      auto it = folders_.find(ev->wd);
      if (it == folders_.end() || ev->len == 0) continue;
      std::string name(ev->name);
      if (name.empty() || name[0] == '.') continue;  // hidden files, editors' temporaries
      std::string path = it->second + "/" + name;
      if ((ev->mask & (IN_CREATE | IN_MOVED_TO)) && (ev->mask & IN_ISDIR)) {
        WatchTree(path);  // a new folder: watch it and count what is inside
        std::error_code ec;
        for (fs::recursive_directory_iterator r(path, ec), end; !ec && r != end; r.increment(ec)) {
          if (r->is_regular_file(ec)) changed->insert(r->path().string());
        }
      }
      // A folder watched only for a file root: its other files are not ours.
      if (partial_.count(ev->wd) != 0 && file_roots_.count(path) == 0) continue;
      changed->insert(path);
    }
  }
}

Result<std::vector<std::string>> FolderWatcher::WaitForChanges(std::chrono::milliseconds settle,
                                                               const std::atomic<bool>* stop) {
  std::set<std::string> changed;
  auto quiet_since = std::chrono::steady_clock::now();
  while (stop == nullptr || !stop->load()) {
    pollfd p{fd_, POLLIN, 0};
    int rc = poll(&p, 1, 100);
    if (rc < 0 && errno != EINTR) return Status::IoError("inotify", std::strerror(errno));
    if (rc > 0) {
      if (!Drain(&changed)) return Status::IoError("inotify", std::strerror(errno));
      quiet_since = std::chrono::steady_clock::now();
      continue;
    }
    if (!changed.empty() && std::chrono::steady_clock::now() - quiet_since >= settle) {
      return std::vector<std::string>(changed.begin(), changed.end());
    }
  }
  return std::vector<std::string>();
}

}  // namespace xref
