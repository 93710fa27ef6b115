// WalkFiles: which files under a folder are taken for indexing.
#include "index/file_walker.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace xref {
namespace {
namespace fs = std::filesystem;

void Write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

std::vector<std::string> Names(const WalkResult& r, const fs::path& root) {
  std::vector<std::string> out;
  for (const FileState& f : r.files) out.push_back(fs::relative(f.path, root).string());
  return out;
}

TEST(FileWalkerTest, XrefIgnorePatternsApplyToTheFolderAndBelow) {
  fs::path root = fs::temp_directory_path() / ("xref-walk-" + std::to_string(getpid()));
  fs::remove_all(root);
  Write(root / "README.md", "about this folder");
  Write(root / "strategy.pdf", "%PDF-1.7");
  Write(root / "notes.txt", "text");
  Write(root / "drafts" / "draft.txt", "draft");
  Write(root / "minutes" / "README.md", "about the minutes");
  Write(root / "minutes" / "cabinet.md", "minutes");
  Write(root / "minutes" / "old-2019.md", "old");
  Write(root / ".xrefignore", "# not papers\nREADME.md\ndrafts/\n\n");
  Write(root / "minutes" / ".xrefignore", "old-*\n");

  WalkResult r = WalkFiles({AbsolutePath(root.string())}, {});
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(Names(r, root),
            (std::vector<std::string>{"minutes/cabinet.md", "notes.txt", "strategy.pdf"}));

  // A file named on the command line is taken even when a pattern matches it.
  r = WalkFiles({AbsolutePath((root / "README.md").string())}, {});
  EXPECT_EQ(Names(r, root), std::vector<std::string>{"README.md"});
  fs::remove_all(root);
}

}  // namespace
}  // namespace xref
