// Running the built `xref` binary from a test, with its output captured.
//
//   xref::testing::XrefRun r = xref::testing::RunXref({"index", "--db", db, "papers"});
//   EXPECT_EQ(r.status, 0) << r.err;
//   // r.out, r.err: everything it printed
//
//   RunOptions o;
//   o.cwd = dir;                          // run in this folder
//   o.unprivileged = true;                // when the test runs as root: as `nobody`
//   RunXref({"refresh", "--db", db}, o);
//
// `unprivileged` exists because root reads files whatever their mode says, so
// "unreadable file" and "read-only database" cases can only be seen by a user
// without that power; it does nothing for a test that is not root.
#pragma once

#include <cstdlib>
#include <string>
#include <vector>

namespace xref::testing {

// Sets an environment variable while it lives (then unsets it): the xref
// processes a test starts inherit the test's environment.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) { setenv(name, value.c_str(), 1); }
  ~ScopedEnv() { unsetenv(name_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
};

struct RunOptions {
  std::string cwd;            // empty: the test's own
  bool unprivileged = false;  // root only: drop to uid/gid 65534 before exec
};

struct XrefRun {
  int status = -1;            // exit status, or 128 + signal when killed
  std::string out;
  std::string err;
};

// XREF_BINARY with `args`; waits for it to end.
XrefRun RunXref(const std::vector<std::string>& args, const RunOptions& options = {});

// The same, running beside the test: Start returns at once, Running polls,
// Wait collects the result. A process still running is killed (SIGKILL) and
// reaped when the object goes.
class XrefProcess {
 public:
  explicit XrefProcess(const std::vector<std::string>& args, const RunOptions& options = {});
  ~XrefProcess();
  XrefProcess(const XrefProcess&) = delete;
  XrefProcess& operator=(const XrefProcess&) = delete;

  int pid() const { return pid_; }
  bool Running();
  XrefRun Wait();

 private:
  int pid_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
  bool done_ = false;
  XrefRun run_;
};

// The uid the unprivileged runs use.
inline constexpr unsigned kUnprivilegedUid = 65534;

// True when file modes bind the runs made with `unprivileged`: the test is
// not root, or it is root and may drop to kUnprivilegedUid (a container
// without CAP_SETUID may not).
bool ModesBindUnprivilegedRuns();

}  // namespace xref::testing
