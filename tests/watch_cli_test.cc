// `xref refresh --watch` driven as a user would: papers dropped into and
// removed from an indexed folder become searchable / disappear without
// another command, and Ctrl-C (SIGINT) stops it cleanly with status 0.
#include <gtest/gtest.h>
#include <signal.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

extern char** environ;

namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

int RunXref(const std::string& args) {
  std::string cmd = std::string(XREF_BINARY) + " " + args + " >/dev/null 2>&1";
  int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Polls `xref search` until it returns `want` (0 found, 1 not found) or 30 s pass.
bool EventuallySearch(const std::string& db, const std::string& word, int want) {
  auto deadline = std::chrono::steady_clock::now() + 30s;
  while (std::chrono::steady_clock::now() < deadline) {
    if (RunXref("--db " + db + " search " + word) == want) return true;
    std::this_thread::sleep_for(200ms);
  }
  return false;
}

TEST(WatchCliTest, FollowsTheFolderAndStopsOnCtrlC) {
  fs::path dir = fs::temp_directory_path() / ("xref-watch-cli-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "papers");
  std::ofstream(dir / "papers" / "strategy.md") << "# Strategy\n\nThe council will plant 500 trees.\n";
  const std::string db = (dir / "xref.db").string();
  ASSERT_EQ(RunXref("--db " + db + " index --in-process " + (dir / "papers").string()), 0);

  const std::string log = (dir / "watch.log").string();
  std::string binary = XREF_BINARY;
  std::vector<std::string> args = {binary, "--db", db, "refresh", "--watch", "--in-process",
                                   "--settle", "0.3"};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid;
  ASSERT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);

  // Wait until it watches, then drop a paper in, written in two steps.
  for (int i = 0; i < 100; ++i) {
    std::ifstream in(log);
    std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (all.find("watching") != std::string::npos) break;
    std::this_thread::sleep_for(100ms);
  }
  {
    std::ofstream out(dir / "papers" / "minutes.md");
    out << "# Minutes\n\nMembers asked about the heathland ";
    out.flush();
    std::this_thread::sleep_for(100ms);
    out << "restoration programme.\n";
  }
  EXPECT_TRUE(EventuallySearch(db, "heathland", 0)) << "the new paper was not indexed";
  fs::remove(dir / "papers" / "strategy.md");
  EXPECT_TRUE(EventuallySearch(db, "trees", 1)) << "the deleted paper is still found";

  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  std::ifstream in(log);
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(all.find("stopped watching"), std::string::npos) << all;
  fs::remove_all(dir);
}

}  // namespace
