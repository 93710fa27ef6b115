// See worker_process.h. POSIX processes and pipes; no threads in the child.
#include "pipeline/worker_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <new>

// AddressSanitizer reserves terabytes of address space up front, so an
// address-space limit would stop every child at start: sanitizer builds run
// their workers without the memory limit (the time limit still applies).
#if defined(__SANITIZE_ADDRESS__)
#define XREF_ADDRESS_LIMIT_WORKS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define XREF_ADDRESS_LIMIT_WORKS 0
#endif
#endif
#ifndef XREF_ADDRESS_LIMIT_WORKS
#define XREF_ADDRESS_LIMIT_WORKS 1
#endif

namespace xref {
namespace {

constexpr char kReply = 0;
constexpr char kError = 1;
constexpr char kOutOfMemory = 2;
constexpr int kOutOfMemoryExit = 3;
constexpr uint32_t kMaxFrame = 1u << 30;

bool WriteAll(int fd, const char* data, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, data, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

bool WriteFrame(int fd, char kind, std::string_view payload) {
  uint32_t len = static_cast<uint32_t>(payload.size());
  char header[5] = {static_cast<char>(len & 0xff), static_cast<char>((len >> 8) & 0xff),
                    static_cast<char>((len >> 16) & 0xff), static_cast<char>((len >> 24) & 0xff),
                    kind};
  return WriteAll(fd, header, sizeof header) && WriteAll(fd, payload.data(), payload.size());
}

enum class ReadResult { kOk, kEof, kTimeout, kError };

// Reads exactly n bytes, giving up at `deadline` (none when deadline is max()).
ReadResult ReadExactly(int fd, char* out, size_t n,
                       std::chrono::steady_clock::time_point deadline) {
  while (n > 0) {
    if (deadline != std::chrono::steady_clock::time_point::max()) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return ReadResult::kTimeout;
      pollfd p{fd, POLLIN, 0};
      int rc = poll(&p, 1, static_cast<int>(std::min<int64_t>(left.count(), 1 << 30)));
      if (rc < 0 && errno == EINTR) continue;
      if (rc < 0) return ReadResult::kError;
      if (rc == 0) return ReadResult::kTimeout;
    }
    ssize_t r = read(fd, out, n);
    if (r < 0) {
      if (errno == EINTR) continue;
      return ReadResult::kError;
    }
    if (r == 0) return ReadResult::kEof;
    out += r;
    n -= static_cast<size_t>(r);
  }
  return ReadResult::kOk;
}

ReadResult ReadFrame(int fd, char* kind, std::string* payload,
                     std::chrono::steady_clock::time_point deadline) {
  unsigned char header[5];
  ReadResult r = ReadExactly(fd, reinterpret_cast<char*>(header), sizeof header, deadline);
  if (r != ReadResult::kOk) return r;
  uint32_t len = header[0] | (header[1] << 8) | (header[2] << 16) |
                 (static_cast<uint32_t>(header[3]) << 24);
  if (len > kMaxFrame) return ReadResult::kError;
  *kind = static_cast<char>(header[4]);
  payload->resize(len);
  return ReadExactly(fd, payload->data(), len, deadline);
}

std::string DescribeDuration(std::chrono::milliseconds d) {
  if (d.count() % 1000 == 0) return std::to_string(d.count() / 1000) + " s";
  return std::to_string(d.count()) + " ms";
}

std::string DescribeMemory(size_t bytes) {
  if (bytes >= (size_t{1} << 30) && bytes % (size_t{1} << 30) == 0) {
    return std::to_string(bytes >> 30) + " GiB";
  }
  return std::to_string(bytes >> 20) + " MiB";
}

}  // namespace

Result<std::unique_ptr<WorkerProcessPool>> WorkerProcessPool::Start(
    std::vector<std::string> argv, int workers, const IsolationLimits& limits) {
  if (argv.empty() || workers < 1) {
    return Status::InvalidArgument("worker pool", "needs a program and at least one worker");
  }
  // A worker that dies while we write to it must not kill us with SIGPIPE.
  signal(SIGPIPE, SIG_IGN);
  std::unique_ptr<WorkerProcessPool> pool(new WorkerProcessPool(std::move(argv), limits));
  pool->workers_.resize(static_cast<size_t>(workers));
  for (size_t i = 0; i < pool->workers_.size(); ++i) {
    Status s = pool->Spawn(&pool->workers_[i]);
    if (!s.ok()) return s;
    pool->free_.push_back(i);
  }
  return pool;
}

WorkerProcessPool::~WorkerProcessPool() {
  for (Worker& w : workers_) {
    if (w.to_child >= 0) close(w.to_child);  // EOF: the child's loop ends
    if (w.from_child >= 0) close(w.from_child);
  }
  for (Worker& w : workers_) {
    if (w.pid > 0) {
      int status;
      // Give the child a moment to exit on EOF, then make sure.
      for (int i = 0; i < 50 && waitpid(w.pid, &status, WNOHANG) == 0; ++i) usleep(2000);
      if (waitpid(w.pid, &status, WNOHANG) == 0) {
        kill(w.pid, SIGKILL);
        waitpid(w.pid, &status, 0);
      }
    }
  }
}

Status WorkerProcessPool::Spawn(Worker* w) {
  int in[2], out[2];
  if (pipe2(in, O_CLOEXEC) != 0) return Status::IoError("worker pool", std::strerror(errno));
  if (pipe2(out, O_CLOEXEC) != 0) {
    close(in[0]);
    close(in[1]);
    return Status::IoError("worker pool", std::strerror(errno));
  }
  // Everything the child needs is prepared before fork: after it, only
  // async-signal-safe calls.
  std::vector<char*> args;
  for (std::string& a : argv_) args.push_back(a.data());
  args.push_back(nullptr);
  rlimit as{limits_.memory_limit_bytes, limits_.memory_limit_bytes};
  rlimit no_core{0, 0};
  pid_t pid = fork();
  if (pid < 0) {
    for (int fd : {in[0], in[1], out[0], out[1]}) close(fd);
    return Status::IoError("worker pool", std::string("fork: ") + std::strerror(errno));
  }
  if (pid == 0) {
    dup2(in[0], STDIN_FILENO);
    dup2(out[1], STDOUT_FILENO);
    if (XREF_ADDRESS_LIMIT_WORKS && limits_.memory_limit_bytes > 0) setrlimit(RLIMIT_AS, &as);
    setrlimit(RLIMIT_CORE, &no_core);
    execv(args[0], args.data());
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  w->pid = pid;
  w->to_child = in[1];
  w->from_child = out[0];
  return Status::Ok();
}

void WorkerProcessPool::Kill(Worker* w) {
  if (w->to_child >= 0) close(w->to_child);
  if (w->from_child >= 0) close(w->from_child);
  w->to_child = w->from_child = -1;
  if (w->pid > 0) {
    kill(w->pid, SIGKILL);
    int status;
    waitpid(w->pid, &status, 0);
  }
  w->pid = -1;
}

int WorkerProcessPool::restarts() const {
  std::lock_guard<std::mutex> lock(mu_);
  return restarts_;
}

Result<std::string> WorkerProcessPool::Run(const std::string& where, std::string_view request) {
  size_t index;
  {
    std::unique_lock<std::mutex> lock(mu_);
    free_cv_.wait(lock, [this] { return !free_.empty(); });
    index = free_.back();
    free_.pop_back();
  }
  Worker& w = workers_[index];
  Status failure;
  std::string reply;
  bool replace = false;
  if (w.pid < 0) {
    failure = Spawn(&w);
  }
  if (failure.ok()) {
    const bool sent = WriteFrame(w.to_child, 0, request);
    char kind = 0;
    ReadResult r = ReadResult::kError;
    if (sent) {
      auto deadline = std::chrono::steady_clock::now() + limits_.time_limit;
      r = ReadFrame(w.from_child, &kind, &reply, deadline);
    }
    {
      if (r == ReadResult::kTimeout) {
        replace = true;
        failure = Status::ResourceExhausted(where, "timed out after " +
                                                       DescribeDuration(limits_.time_limit));
      } else if (r != ReadResult::kOk) {
        // The child is gone (the write or the read failed): say how it ended.
        replace = true;
        int status = 0;
        close(w.to_child);
        w.to_child = -1;
        waitpid(w.pid, &status, 0);
        w.pid = -1;
        if (WIFSIGNALED(status)) {
          int sig = WTERMSIG(status);
          std::string what = "worker crashed (signal " + std::to_string(sig) + ": " +
                             strsignal(sig) + ")";
          if (limits_.memory_limit_bytes > 0 && (sig == SIGABRT || sig == SIGSEGV)) {
            what += "; it may have exceeded the memory limit of " +
                    DescribeMemory(limits_.memory_limit_bytes);
          }
          failure = Status::Internal(where, what);
        } else if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
          failure = Status::Internal(where, "cannot start worker program " + argv_[0]);
        } else {
          failure = Status::Internal(where, "worker exited unexpectedly (status " +
                                                std::to_string(WEXITSTATUS(status)) + ")");
        }
      } else if (kind == kError) {
        failure = Status::Corrupt(where, reply);
      } else if (kind == kOutOfMemory) {
        replace = true;
        failure = Status::ResourceExhausted(
            where, "exceeded the memory limit of " + DescribeMemory(limits_.memory_limit_bytes));
      }
    }
  }
  if (replace) {
    Kill(&w);
    Status s = Spawn(&w);
    if (!s.ok()) w.pid = -1;  // retried on the next Run
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (replace) ++restarts_;
    free_.push_back(index);
  }
  free_cv_.notify_one();
  if (!failure.ok()) return failure;
  return reply;
}

int ServeWorkerRequests(const WorkerHandler& handler) {
  // Replies go to a private copy of stdout; anything a library prints goes to
  // stderr instead of corrupting the frames.
  int reply_fd = dup(STDOUT_FILENO);
  if (reply_fd < 0) return 1;
  dup2(STDERR_FILENO, STDOUT_FILENO);
  std::string request;
  while (true) {
    char kind;
    ReadResult r = ReadFrame(STDIN_FILENO, &kind, &request,
                             std::chrono::steady_clock::time_point::max());
    if (r == ReadResult::kEof) return 0;
    if (r != ReadResult::kOk) return 1;
    std::string error;
    std::string reply;
    try {
      reply = handler(request, &error);
    } catch (const std::bad_alloc&) {
      WriteFrame(reply_fd, kOutOfMemory, "");
      return kOutOfMemoryExit;
    } catch (const std::exception& e) {
      error = std::string("internal error: ") + e.what();
    }
    bool ok = error.empty() ? WriteFrame(reply_fd, kReply, reply)
                            : WriteFrame(reply_fd, kError, error);
    if (!ok) return 1;
  }
}

}  // namespace xref
