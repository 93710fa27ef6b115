// RunXref: fork, redirect, exec, wait. See run_xref.h.
#include "tests/testing/run_xref.h"

#include <fcntl.h>
#include <grp.h>
#include <signal.h>
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

XrefProcess::XrefProcess(const std::vector<std::string>& args, const RunOptions& options) {
  out_fd_ = TempFile();
  err_fd_ = TempFile();
  if (out_fd_ < 0 || err_fd_ < 0) {
    run_.err = "cannot create a temporary file";
    done_ = true;
    return;
  }
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(out_fd_, STDOUT_FILENO);
    ::dup2(err_fd_, STDERR_FILENO);
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
  if (pid_ < 0) done_ = true;
}

XrefProcess::~XrefProcess() {
  if (!done_ && pid_ > 0) {
    ::kill(pid_, SIGKILL);
    Wait();
  }
  if (out_fd_ >= 0) ::close(out_fd_);
  if (err_fd_ >= 0) ::close(err_fd_);
}

bool XrefProcess::Running() {
  if (done_) return false;
  int status = 0;
  pid_t r = ::waitpid(pid_, &status, WNOHANG);
  if (r == 0) return true;
  done_ = true;
  run_.status = r < 0 ? -1 : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
  return false;
}

XrefRun XrefProcess::Wait() {
  if (!done_) {
    int status = 0;
    pid_t r = ::waitpid(pid_, &status, 0);
    done_ = true;
    run_.status = r < 0 ? -1 : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
  }
  if (out_fd_ >= 0) run_.out = Slurp(out_fd_);
  if (err_fd_ >= 0) run_.err = Slurp(err_fd_);
  return run_;
}

bool ModesBindUnprivilegedRuns() {
  if (::geteuid() != 0) return true;
  pid_t pid = ::fork();
  if (pid == 0) {
    const bool dropped = ::setgroups(0, nullptr) == 0 && ::setgid(kUnprivilegedUid) == 0 &&
                         ::setuid(kUnprivilegedUid) == 0 && ::geteuid() != 0;
    ::_exit(dropped ? 0 : 1);
  }
  int status = 0;
  return pid > 0 && ::waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

XrefRun RunXref(const std::vector<std::string>& args, const RunOptions& options) {
  XrefProcess process(args, options);
  return process.Wait();
}

}  // namespace xref::testing
