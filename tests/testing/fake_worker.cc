// A worker program for worker_process_test: answers requests by name.
//   "echo:X"   replies X
//   "fail:X"   reports the error X
//   "sleep"    never answers (the pool's time limit must fire)
//   "alloc"    allocates without bound (the memory limit must fire)
//   "crash"    dies of SIGSEGV
//   "print"    writes to stdout first (must not corrupt the reply)
#include <csignal>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/worker_process.h"

int main() {
  return xref::ServeWorkerRequests([](std::string_view request, std::string* error) {
    std::string r(request);
    if (r.rfind("echo:", 0) == 0) return r.substr(5);
    if (r.rfind("fail:", 0) == 0) {
      *error = r.substr(5);
      return std::string();
    }
    if (r == "sleep") std::this_thread::sleep_for(std::chrono::hours(1));
    if (r == "alloc") {
      std::vector<std::vector<char>> hog;
      while (true) hog.emplace_back(size_t{64} << 20, 'x');
    }
    if (r == "crash") std::raise(SIGSEGV);
    if (r == "print") {
      std::printf("noise on stdout\n");
      std::fflush(stdout);
      return std::string("printed");
    }
    return std::string("unknown");
  });
}
