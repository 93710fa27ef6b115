// `xref tag` end to end: JSON Lines shapes, --date, standard input, and the
// status-2 errors for a bad --date or an unreadable file; and what `xref
// extract` says on standard error of a page it cannot read.
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

struct ShellResult {
  int status = -1;
  std::string out;
};

// Runs a shell command line, capturing standard output (stderr to stdout
// when `merge` is set).
ShellResult Shell(const std::string& command, bool merge = false) {
  ShellResult run;
  FILE* pipe = popen((command + (merge ? " 2>&1" : " 2>/dev/null")).c_str(), "r");
  if (pipe == nullptr) return run;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) run.out.append(buf, n);
  int raw = pclose(pipe);
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return run;
}

std::vector<nlohmann::json> Lines(const std::string& out) {
  std::vector<nlohmann::json> rows;
  size_t pos = 0;
  while (pos < out.size()) {
    size_t end = out.find('\n', pos);
    if (end == std::string::npos) end = out.size();
    if (end > pos) rows.push_back(nlohmann::json::parse(out.substr(pos, end - pos)));
    pos = end + 1;
  }
  return rows;
}

TEST(TagCliTest, JsonFromStandardInputWithDate) {
  ShellResult run = Shell("printf 'The Council will invest £45 million next year.' | '" XREF_BINARY
                  "' tag --json --date 2023-02-02 -");
  ASSERT_EQ(run.status, 0) << run.out;
  std::vector<nlohmann::json> rows = Lines(run.out);
  ASSERT_EQ(rows.size(), 3u) << run.out;
  EXPECT_EQ(rows[0]["kind"], "commitment");
  EXPECT_EQ(rows[0]["value"]["actor"], "Council");
  EXPECT_EQ(rows[1], nlohmann::json::parse(R"({"kind":"money","text":"£45 million","start":24,"end":36,
                                               "value":{"currency":"GBP","amount":45000000}})"));
  EXPECT_EQ(rows[2]["kind"], "date");
  EXPECT_EQ(rows[2]["value"]["start"], "2024-01-01");
  EXPECT_EQ(rows[2]["value"]["timex"], "2024");
}

TEST(TagCliTest, ReadsAFileAndItsStatedDate) {
  std::string path = ::testing::TempDir() + "/tag_cli_input.txt";
  std::ofstream(path) << "Date: 7 March 2023\nThe review will report next month.\n";
  ShellResult run = Shell("'" XREF_BINARY "' tag --json '" + path + "'");
  ASSERT_EQ(run.status, 0);
  bool found = false;
  for (const nlohmann::json& row : Lines(run.out)) {
    if (row["text"] == "next month") {
      found = true;
      EXPECT_EQ(row["value"]["timex"], "2023-04");
    }
  }
  EXPECT_TRUE(found) << run.out;
  ShellResult table = Shell("'" XREF_BINARY "' --no-color tag '" + path + "'");
  EXPECT_EQ(table.status, 0);
  EXPECT_NE(table.out.find("next month"), std::string::npos) << table.out;
}

TEST(TagCliTest, BadDateAndMissingFileAreErrors) {
  ShellResult bad_date = Shell("echo x | '" XREF_BINARY "' tag --date 2023-02-30 -", /*merge=*/true);
  EXPECT_EQ(bad_date.status, 2);
  EXPECT_NE(bad_date.out.find("--date"), std::string::npos) << bad_date.out;
  ShellResult missing = Shell("'" XREF_BINARY "' tag /nonexistent/file.txt", /*merge=*/true);
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.out.find("/nonexistent/file.txt"), std::string::npos) << missing.out;
  EXPECT_EQ(std::count(missing.out.begin(), missing.out.end(), '\n'), 1) << "one-line message";
}

TEST(TagCliTest, APdfOrDocxIsRefusedWithWhatToDoInstead) {
  for (const char* paper : {"leicestershire-cfs-scrutiny-2023-03-07.pdf",
                            "leicestershire-cfs-scrutiny-2023-03-07.docx"}) {
    const std::string path = std::string(XREF_SOURCE_DIR) + "/corpus/" + paper;
    ShellResult run = Shell("'" XREF_BINARY "' tag '" + path + "'", /*merge=*/true);
    EXPECT_EQ(run.status, 2) << run.out;
    EXPECT_NE(run.out.find(path + ": is a "), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("xref extract"), std::string::npos) << run.out;
    EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1) << "one-line message";
  }
  // Its extracted text, through a pipe, is tagged.
  ShellResult piped = Shell("'" XREF_BINARY "' extract '" XREF_SOURCE_DIR
                            "/corpus/leicestershire-cfs-scrutiny-2023-03-07.pdf' | '" XREF_BINARY
                            "' tag --json -");
  EXPECT_EQ(piped.status, 0);
  std::vector<nlohmann::json> tags = Lines(piped.out);
  EXPECT_TRUE(std::any_of(tags.begin(), tags.end(), [](const nlohmann::json& t) {
    return t["kind"] == "money" && t["text"] == "£45 million";
  })) << piped.out.substr(0, 500);
}

// `xref extract` of a PDF with a scanned page among pages of text: the
// passages of the other pages on standard output, status 0, and one line on
// standard error naming the file and the page (cli.md's convention for
// messages), so that the JSON Lines stay clean.
TEST(TagCliTest, ExtractWarnsOfAPageWithoutText) {
  const std::string path = XREF_SOURCE_DIR "/tests/data/producers/scanned-page-report.pdf";
  ShellResult out = Shell("'" XREF_BINARY "' extract --json '" + path + "'");
  EXPECT_EQ(out.status, 0);
  EXPECT_FALSE(Lines(out.out).empty());  // every line parses as JSON
  ShellResult err = Shell("( '" XREF_BINARY "' extract --json '" + path + "' 2>&1 >/dev/null )");
  EXPECT_EQ(err.status, 0);
  EXPECT_EQ(err.out.rfind("xref: " + path + ": page 2 ", 0), 0u) << err.out;
  EXPECT_EQ(std::count(err.out.begin(), err.out.end(), '\n'), 1) << "one line";
}

}  // namespace
