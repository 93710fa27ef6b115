// FolderWatcher: changes under a watched folder are reported once they
// settle; new sub-folders are followed; a stop request ends the wait.
#include "index/watcher.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

namespace xref {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

class WatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("xref-watch-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  static void Write(const fs::path& p, const std::string& text, bool append = false) {
    std::ofstream out(p, append ? std::ios::app : std::ios::trunc);
    out << text;
  }
  fs::path dir_;
};

bool Contains(const std::vector<std::string>& v, const fs::path& p) {
  return std::find(v.begin(), v.end(), p.string()) != v.end();
}

TEST_F(WatcherTest, ReportsAFileOnceItHasSettled) {
  auto w = FolderWatcher::Start({dir_.string()});
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  fs::path paper = dir_ / "paper.txt";
  std::chrono::steady_clock::time_point second_write;
  std::thread writer([&] {
    Write(paper, "first part\n");
    std::this_thread::sleep_for(150ms);
    second_write = std::chrono::steady_clock::now();
    Write(paper, "second part\n", /*append=*/true);
  });
  Result<std::vector<std::string>> changed = (*w)->WaitForChanges(400ms, nullptr);
  auto returned = std::chrono::steady_clock::now();
  writer.join();
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_TRUE(Contains(*changed, paper));
  EXPECT_EQ(changed->size(), 1u);
  // It waited for the second write and then for the quiet period after it
  // (measured from just before that write: the thread may start late, so the
  // time since the call began says less).
  EXPECT_GE(returned - second_write, 400ms);
  std::ifstream in(paper);
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(all, "first part\nsecond part\n");
}

TEST_F(WatcherTest, FollowsNewFoldersDeletionsAndRenames) {
  fs::path old_name = dir_ / "old.md";
  Write(old_name, "x");
  auto w = FolderWatcher::Start({dir_.string()});
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  size_t before = (*w)->watched_folders();
  fs::create_directories(dir_ / "minutes");
  std::this_thread::sleep_for(50ms);
  Write(dir_ / "minutes" / "cabinet.txt", "minutes");
  fs::rename(old_name, dir_ / "new.md");
  Result<std::vector<std::string>> changed = (*w)->WaitForChanges(300ms, nullptr);
  ASSERT_TRUE(changed.ok());
  EXPECT_TRUE(Contains(*changed, dir_ / "minutes" / "cabinet.txt"));
  EXPECT_TRUE(Contains(*changed, old_name));
  EXPECT_TRUE(Contains(*changed, dir_ / "new.md"));
  EXPECT_EQ((*w)->watched_folders(), before + 1);

  fs::remove(dir_ / "minutes" / "cabinet.txt");  // inside the folder watched since
  changed = (*w)->WaitForChanges(300ms, nullptr);
  ASSERT_TRUE(changed.ok());
  EXPECT_TRUE(Contains(*changed, dir_ / "minutes" / "cabinet.txt"));
}

TEST_F(WatcherTest, HiddenFilesAreIgnored) {
  auto w = FolderWatcher::Start({dir_.string()});
  ASSERT_TRUE(w.ok());
  Write(dir_ / ".paper.txt.swp", "editor");
  Write(dir_ / "paper.txt", "text");
  Result<std::vector<std::string>> changed = (*w)->WaitForChanges(300ms, nullptr);
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(*changed, std::vector<std::string>{(dir_ / "paper.txt").string()});
}

TEST_F(WatcherTest, AFileRootIgnoresItsSiblings) {
  fs::path root = dir_ / "strategy.txt";
  Write(root, "v1");
  auto w = FolderWatcher::Start({root.string()});
  ASSERT_TRUE(w.ok());
  Write(dir_ / "unrelated.txt", "other");
  Write(root, "v2");
  Result<std::vector<std::string>> changed = (*w)->WaitForChanges(300ms, nullptr);
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(*changed, std::vector<std::string>{root.string()});
}

TEST_F(WatcherTest, StopEndsTheWait) {
  auto w = FolderWatcher::Start({dir_.string()});
  ASSERT_TRUE(w.ok());
  std::atomic<bool> stop{false};
  std::thread stopper([&] {
    std::this_thread::sleep_for(200ms);
    stop = true;
  });
  Result<std::vector<std::string>> changed = (*w)->WaitForChanges(300ms, &stop);
  stopper.join();
  ASSERT_TRUE(changed.ok());
  EXPECT_TRUE(changed->empty());
}

TEST_F(WatcherTest, MissingFolderIsAClearError) {
  // A root that is gone is watched through its folder (it may come back);
  // a root whose folder is gone is an error naming it.
  EXPECT_TRUE(FolderWatcher::Start({(dir_ / "deleted.txt").string()}).ok());
  auto w = FolderWatcher::Start({(dir_ / "nope" / "paper.txt").string()});
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.status().ToString().find("nope"), std::string::npos);
}

}  // namespace
}  // namespace xref
