// RunXref: fork, redirect, exec, wait. See run_xref.h.
#include "tests/testing/run_xref.h"

#include <fcntl.h>
#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

namespace xref::testing {
namespace {

std::string Slurp(int fd) {
  std::string out;
  ::lseek(fd, 0, SEEK_SET);
  char buf[1 << 16];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  return out;
}

// An anonymous temporary file (deleted at once): output may be large, and a
// file never blocks the child the way a full pipe would.
int TempFile() {
  char name[] = "/tmp/xref_run_XXXXXX";
  int fd = ::mkstemp(name);
  if (fd >= 0) ::unlink(name);
  return fd;
}

}  // namespace

XrefRun RunXref(const std::vector<std::string>& args, const RunOptions& options) {
  XrefRun run;
  int out_fd = TempFile();
  int err_fd = TempFile();
  if (out_fd < 0 || err_fd < 0) {
    run.err = "cannot create a temporary file";
    return run;
  }
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(out_fd, STDOUT_FILENO);
    ::dup2(err_fd, STDERR_FILENO);
    int devnull = ::open("/dev/null", O_RDONLY);
    if (devnull >= 0) ::dup2(devnull, STDIN_FILENO);
    if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0) ::_exit(126);
    if (options.unprivileged && ::geteuid() == 0) {
      if (::setgroups(0, nullptr) != 0 || ::setgid(kUnprivilegedUid) != 0 ||
          ::setuid(kUnprivilegedUid) != 0) {
        ::_exit(126);
      }
    }
    std::vector<std::string> copy = args;
    std::string bin = XREF_BINARY;
    std::vector<char*> argv{bin.data()};
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(bin.c_str(), argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  run.status = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
  run.out = Slurp(out_fd);
  run.err = Slurp(err_fd);
  ::close(out_fd);
  ::close(err_fd);
  return run;
}

}  // namespace xref::testing
