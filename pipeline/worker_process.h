// WorkerProcessPool: run risky work (extracting a PDF found on the internet) in
// child processes with a time limit and a memory limit, so that a file that
// sends a parser into a loop, a memory spiral or a crash fails alone.
//
//   xref::IsolationLimits limits;               // 30 s, 1 GiB by default
//   auto pool = xref::WorkerProcessPool::Start({"/proc/self/exe", "__worker"}, 2, limits);
//   xref::Result<std::string> reply = (*pool)->Run("corpus/report.pdf", request_bytes);
//   // !reply.ok(): "corpus/report.pdf: timed out after 30 s" / "exceeded the
//   //              memory limit of 1024 MiB" / "worker crashed (signal 11)"
//
// The children are long-lived (one exec per worker, not per file): each runs
// ServeWorkerRequests() with a handler that turns a request into a reply.
// A child that times out, crashes or runs out of memory is killed and
// replaced; the pool keeps going. Messages on the pipes are framed as a
// 4-byte little-endian length, a 1-byte kind (0 reply, 1 error), then bytes.
//
// Thread-safety: Run() may be called from many threads at once; each call
// takes a free worker for its duration (callers beyond the pool's size wait).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace xref {

struct IsolationLimits {
  std::chrono::milliseconds time_limit{30000};  // per request
  size_t memory_limit_bytes = size_t{1} << 30;  // address space of each child; 0 = none
};

class WorkerProcessPool {
 public:
  // Starts `workers` children, each exec'ing argv[0] with argv. Fails when a
  // child cannot be started.
  static Result<std::unique_ptr<WorkerProcessPool>> Start(std::vector<std::string> argv,
                                                          int workers,
                                                          const IsolationLimits& limits);
  ~WorkerProcessPool();  // closes the pipes and reaps the children
  WorkerProcessPool(const WorkerProcessPool&) = delete;
  WorkerProcessPool& operator=(const WorkerProcessPool&) = delete;

  // Sends `request` to a free worker and waits for its reply. `where` names
  // the job (the file) in error messages. A handler-reported error comes back
  // as a Status with the handler's message.
  Result<std::string> Run(const std::string& where, std::string_view request);

  // How many children were replaced after a timeout, crash or memory error.
  int restarts() const;

 private:
  struct Worker {
    pid_t pid = -1;
    int to_child = -1;    // write end of the child's stdin
    int from_child = -1;  // read end of the child's stdout
  };
  WorkerProcessPool(std::vector<std::string> argv, const IsolationLimits& limits)
      : argv_(std::move(argv)), limits_(limits) {}
  Status Spawn(Worker* w);
  void Kill(Worker* w);

  std::vector<std::string> argv_;
  IsolationLimits limits_;
  mutable std::mutex mu_;
  std::condition_variable free_cv_;
  std::vector<Worker> workers_;
  std::vector<size_t> free_;  // indexes into workers_
  int restarts_ = 0;
};

// The child side: reads framed requests from standard input until it closes
// and answers each with handler(request). The handler returns the reply, or
// sets *error to a one-line message. std::bad_alloc inside the handler is
// answered with a memory-limit error, after which the process exits so that
// the pool starts a fresh one. Returns the process exit status.
using WorkerHandler = std::function<std::string(std::string_view request, std::string* error)>;
int ServeWorkerRequests(const WorkerHandler& handler);

}  // namespace xref
