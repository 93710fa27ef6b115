// The register's printers (index/report.h) on hand-made rows, and the whole
// path through the `xref` binary on the second corpus: index, commitments,
// show, table in every format, conflicts, and a refresh that adds a paper
// giving exactly what a clean index gives.
#include "index/report.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace xref {
namespace {

namespace fs = std::filesystem;

RegisterView HandMadeView() {
  RegisterView view;
  view.documents = {"corpus/strategy.md", "corpus/council, report.md"};
  view.titles = {"Strategy", "Report"};
  nlohmann::json c1 = {{"id", "C1"}, {"text", "£42 million for a Clean Air Zones Fund to help \"local\" authorities"},
                       {"actor", "unspecified"}, {"local", false},
                       {"source", {{"doc", "corpus/strategy.md"}, {"passage", 3}, {"page", nullptr}, {"label", nullptr}}},
                       {"money", {{{"text", "£42 million"}, {"amount", 42e6}}}},
                       {"dates", nlohmann::json::array()}, {"documents", 2}};
  nlohmann::json c2 = {{"id", "C2"}, {"text", "The Council will review its plan by March 2026."},
                       {"actor", "the Council"}, {"local", true},
                       {"source", {{"doc", "corpus/council, report.md"}, {"passage", 9}, {"page", 2}, {"label", "9"}}},
                       {"money", nlohmann::json::array()},
                       {"dates", {{{"text", "by March 2026"}}}}, {"documents", 1}};
  view.commitments = {c1, c2};
  nlohmann::json r1 = {{"commitment", c1},
                       {"documents",
                        {{{"doc", "corpus/strategy.md"}, {"stance", "neutral"},
                          {"passages", {{{"passage", 3}, {"page", nullptr}, {"label", nullptr}}}}},
                         {{"doc", "corpus/council, report.md"}, {"stance", "welcomes"},
                          {"passages", {{{"passage", 5}, {"page", 2}, {"label", "12"}},
                                        {{"passage", 6}, {"page", 3}, {"label", "13"}}}},
                          {"money", {{{"text", "£40 million"}, {"conflict", true}}}}}}}};
  nlohmann::json r2 = {{"commitment", c2},
                       {"documents",
                        {{{"doc", "corpus/council, report.md"}, {"stance", "neutral"},
                          {"passages", {{{"passage", 9}, {"page", 2}, {"label", "9"}}}}}}}};
  view.rows = {r1, r2};
  view.conflicts = {{{"commitment", "C1"}, {"field", "money"}, {"text", "£42 million ..."},
                     {"values", {{{"text", "£42 million"}, {"doc", "corpus/strategy.md"}, {"passage", 3}},
                                 {{"text", "£40 million"}, {"doc", "corpus/council, report.md"}, {"passage", 5}}}}}};
  return view;
}

TEST(ReportTest, PassageCitations) {
  struct Case {
    nlohmann::json passage;
    std::string want;
  } cases[] = {
      {{{"passage", 5}, {"page", 2}, {"label", "12"}}, "p.2 ¶12"},
      {{{"passage", 5}, {"page", nullptr}, {"label", "12"}}, "¶12"},
      {{{"passage", 5}, {"page", 3}, {"label", nullptr}}, "p.3"},
      {{{"passage", 41}, {"page", nullptr}, {"label", nullptr}}, "§41"},
  };
  for (const Case& c : cases) EXPECT_EQ(PassageCitation(c.passage), c.want) << c.passage.dump();
}

TEST(ReportTest, MarkdownHasAColumnPerDocumentAndCitesPassagesWithStance) {
  std::string md = TableMarkdown(HandMadeView());
  std::istringstream lines(md);
  std::string header, rule, row1, row2;
  std::getline(lines, header);
  std::getline(lines, rule);
  std::getline(lines, row1);
  std::getline(lines, row2);
  EXPECT_NE(header.find("strategy.md"), std::string::npos);
  EXPECT_NE(header.find("council, report.md"), std::string::npos);
  EXPECT_EQ(rule.find_first_not_of("|-"), std::string::npos);
  EXPECT_NE(row1.find("p.2 ¶12, p.3 ¶13 (welcomes) [differs]"), std::string::npos) << row1;
  EXPECT_NE(row1.find("£42 million"), std::string::npos);
  EXPECT_NE(row2.find("C2"), std::string::npos);
  // Every line has the same number of cells.
  auto bars = [](const std::string& s) { return std::count(s.begin(), s.end(), '|'); };
  EXPECT_EQ(bars(header), bars(row1));
  EXPECT_EQ(bars(header), bars(row2));
}

TEST(ReportTest, MarkdownColumnsOfLongNamesKeepTheirExtension) {
  RegisterView view = HandMadeView();
  view.documents = {"corpus/leicestershire-cfs-scrutiny-2023-03-07.pdf",
                    "corpus/leicestershire-cfs-scrutiny-2023-03-07.docx"};
  for (nlohmann::json& r : view.rows) r["documents"] = nlohmann::json::array();
  std::string md = TableMarkdown(view);
  std::string header = md.substr(0, md.find('\n'));
  EXPECT_NE(header.find("….pdf"), std::string::npos) << header;
  EXPECT_NE(header.find("….docx"), std::string::npos) << header;
}

TEST(ReportTest, CsvQuotesAsRfc4180) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  std::string csv = TableCsv(HandMadeView());
  EXPECT_EQ(csv.rfind("id,commitment,actor,local,sums,dates,source,corpus/strategy.md,\"corpus/council, report.md\"\r\n", 0), 0u)
      << csv;
  EXPECT_NE(csv.find("\"£42 million for a Clean Air Zones Fund to help \"\"local\"\" authorities\""),
            std::string::npos);
  size_t rows = 0;
  for (size_t i = 0; (i = csv.find("\r\n", i)) != std::string::npos; i += 2) ++rows;
  EXPECT_EQ(rows, 3u);
}

TEST(ReportTest, JsonLinesOneRowPerCommitment) {
  std::string jl = TableJsonLines(HandMadeView());
  std::istringstream lines(jl);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    nlohmann::json row = nlohmann::json::parse(line);
    EXPECT_TRUE(row.contains("commitment"));
    EXPECT_TRUE(row["documents"].is_array());
    ++n;
  }
  EXPECT_EQ(n, 2);
}

TEST(ReportTest, FiltersByActorDocumentAndGaps) {
  RegisterView view = HandMadeView();
  TableOptions local;
  local.actor = "local";
  RegisterView only_local = FilterView(view, local);
  ASSERT_EQ(only_local.rows.size(), 1u);
  EXPECT_EQ(only_local.commitments[0]["id"], "C2");
  EXPECT_TRUE(only_local.conflicts.empty());

  TableOptions council;
  council.doc_glob = "council*";
  RegisterView one_doc = FilterView(view, council);
  ASSERT_EQ(one_doc.documents.size(), 1u);
  EXPECT_EQ(one_doc.rows[0]["documents"].size(), 1u);

  TableOptions gaps;
  gaps.gaps = true;
  RegisterView g = FilterView(view, gaps);
  ASSERT_EQ(g.rows.size(), 1u);  // C1 is discussed beyond its source
  EXPECT_EQ(g.commitments[0]["id"], "C2");
}

TEST(ReportTest, HtmlIsOnePageWithEveryDocument) {
  std::string html = TableHtml(HandMadeView(), "xref.db");
  EXPECT_NE(html.find("<table"), std::string::npos);
  EXPECT_NE(html.find("C1"), std::string::npos);
  EXPECT_EQ(html.find("<script src"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos) << "the page must not fetch anything";
}

// One <script type="application/json" id="ID"> of the page, parsed.
nlohmann::json HtmlIsland(const std::string& html, const std::string& id) {
  const std::string open = "<script type=\"application/json\" id=\"" + id + "\">";
  size_t start = html.find(open);
  if (start == std::string::npos) return nullptr;
  start += open.size();
  size_t end = html.find("</script>", start);
  if (end == std::string::npos) return nullptr;
  return nlohmann::json::parse(html.substr(start, end - start), nullptr, /*allow_exceptions=*/false);
}

// The register the page's script draws from: the first rows' island
// (#xref-data) with the rest (#xref-more) appended, as the script does.
nlohmann::json HtmlData(const std::string& html) {
  nlohmann::json data = HtmlIsland(html, "xref-data");
  nlohmann::json more = HtmlIsland(html, "xref-more");
  if (!data.is_object() || !more.is_object()) return nullptr;
  for (const char* key : {"passages", "rows"}) {
    for (const nlohmann::json& item : more[key]) data[key].push_back(item);
  }
  return data;
}

TEST(ReportTest, HtmlCarriesEveryRowCellAndDisagreementAsData) {
  nlohmann::json data = HtmlData(TableHtml(HandMadeView(), "xref.db"));
  ASSERT_TRUE(data.is_object());
  ASSERT_EQ(data["docs"].size(), 2u);
  EXPECT_EQ(data["docs"][1]["name"], "council, report.md");
  EXPECT_EQ(data["stances"]["calls_for"][1], "calls for");  // the stance's word, for the badge
  ASSERT_EQ(data["rows"].size(), 2u);
  EXPECT_EQ(data["total"], 2);
  const nlohmann::json& c1 = data["rows"][0];
  EXPECT_EQ(c1["id"], "C1");
  EXPECT_EQ(c1["key"], 1);  // sorts by number: C2 < C10
  EXPECT_NE(c1["meta"].get<std::string>().find("£42 million"), std::string::npos);
  EXPECT_EQ(c1["gap"], 0);
  // Cells: [document column, stance, references, disagreement, [passage index]];
  // passages: [[text, where]], each passage of a document once.
  ASSERT_EQ(c1["cells"].size(), 2u);
  const nlohmann::json& report = c1["cells"][1];
  EXPECT_EQ(report[0], 1);
  EXPECT_EQ(report[1], "welcomes");
  EXPECT_EQ(report[2], "p.2 ¶12, p.3 ¶13");
  EXPECT_EQ(report[3], "£42 million vs £40 million");
  ASSERT_EQ(report[4].size(), 2u);
  EXPECT_EQ(data["passages"][report[4][1].get<size_t>()][1], "p.3 ¶13");
  // C2 quotes passage 9 of the council report; so does nothing else: 4 passages in all.
  EXPECT_EQ(data["passages"].size(), 4u);
  EXPECT_EQ(c1["cells"][0][3], "£42 million vs £40 million");  // both sides of it are marked
  const nlohmann::json& c2 = data["rows"][1];
  EXPECT_EQ(c2["gap"], 1);  // discussed only by its source
  ASSERT_EQ(c2["cells"].size(), 1u);
  EXPECT_EQ(c2["cells"][0][0], 1);
  EXPECT_EQ(c2["cells"][0][3], "");
}

TEST(ReportTest, HtmlDataHoldsAPassageQuotedTwiceOnce) {
  RegisterView view = HandMadeView();
  // C2 also quotes passage 5 of the council report, which C1 quotes.
  view.rows[1]["documents"][0]["passages"].push_back({{"passage", 5}, {"page", 2}, {"label", "12"}, {"text", "Shared."}});
  view.rows[0]["documents"][1]["passages"][0]["text"] = "Shared.";
  nlohmann::json data = HtmlData(TableHtml(view, "xref.db"));
  ASSERT_TRUE(data.is_object());
  EXPECT_EQ(data["passages"].size(), 4u);
  const nlohmann::json& c1_report = data["rows"][0]["cells"][1];
  const nlohmann::json& c2_report = data["rows"][1]["cells"][0];
  ASSERT_EQ(c2_report[4].size(), 2u);
  EXPECT_EQ(c2_report[4][1], c1_report[4][0]);
  EXPECT_EQ(data["passages"][c1_report[4][0].get<size_t>()][0], "Shared.");
}

TEST(ReportTest, HtmlDataCannotEndItsScriptEarly) {
  RegisterView view = HandMadeView();
  const std::string hostile = "Fund </script><script>alert(1)</script><!-- & </SCRIPT>";
  view.rows[0]["commitment"]["text"] = hostile;
  view.rows[0]["documents"][1]["passages"][0]["text"] = hostile;
  std::string html = TableHtml(view, "xref.db");
  size_t closes = 0;
  for (size_t at = html.find("</script"); at != std::string::npos; at = html.find("</script", at + 1)) ++closes;
  EXPECT_EQ(closes, 3u);  // the two data islands' and the script's own
  EXPECT_EQ(html.find("</SCRIPT>"), std::string::npos);
  nlohmann::json data = HtmlData(html);
  ASSERT_TRUE(data.is_object());
  EXPECT_EQ(data["rows"][0]["text"], hostile);
  EXPECT_EQ(data["passages"][data["rows"][0]["cells"][1][4][0].get<size_t>()][0], hostile);
}

TEST(ReportTest, HtmlWithoutJavaScriptListsEveryCommitment) {
  std::string html = TableHtml(HandMadeView(), "xref.db");
  size_t start = html.find("<noscript>"), end = html.find("</noscript>");
  ASSERT_NE(start, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  std::string plain = html.substr(start, end - start);
  EXPECT_NE(plain.find("<tr id=\"C1\">"), std::string::npos);
  EXPECT_NE(plain.find("<tr id=\"C2\">"), std::string::npos);
  EXPECT_NE(plain.find("<span class=\"stance welcomes\">welcomes</span> p.2 ¶12, p.3 ¶13"), std::string::npos);
  EXPECT_NE(plain.find("disagrees: £42 million vs £40 million"), std::string::npos);
  EXPECT_NE(plain.find("Clean Air Zones Fund to help &quot;local&quot; authorities"), std::string::npos);
}

// ------------------------------------------------------------ end to end

struct CommandRun {
  int status = -1;
  std::string out;
};

CommandRun RunXref(const std::string& args) {
  CommandRun r;
  std::string cmd = std::string(XREF_BINARY) + " " + args + " 2>/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  int st = pclose(pipe);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

class EndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("xref-report-test-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "corpus");
    source_ = fs::path(XREF_SOURCE_DIR) / "tests/data/second-corpus";
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Copy(const std::string& name) {
    fs::copy_file(source_ / name, dir_ / "corpus" / name, fs::copy_options::overwrite_existing);
  }
  std::string Db(const std::string& name) { return "--db " + (dir_ / name).string(); }

  fs::path dir_;
  fs::path source_;
};

TEST_F(EndToEndTest, CommandsOverAnIndexedCorpus) {
  for (const char* f : {"clean-air-strategy.md", "briefing-clean-air.md", "council-report-clean-air.md"}) Copy(f);
  ASSERT_EQ(RunXref(Db("a.db") + " index -q " + (dir_ / "corpus").string()).status, 0);

  CommandRun commitments = RunXref(Db("a.db") + " commitments --json");
  ASSERT_EQ(commitments.status, 0);
  std::istringstream lines(commitments.out);
  std::string line, zones_id;
  bool any_local = false;
  while (std::getline(lines, line)) {
    nlohmann::json c = nlohmann::json::parse(line);
    for (const char* key : {"id", "text", "actor", "modality", "source", "money", "dates", "documents"}) {
      EXPECT_TRUE(c.contains(key)) << key;
    }
    if (c["text"].get<std::string>().find("Clean Air Zones Fund") != std::string::npos && zones_id.empty()) {
      zones_id = c["id"];
      EXPECT_GE(c["documents"].get<int>(), 3);
    }
    any_local |= c["local"].get<bool>();
  }
  EXPECT_TRUE(any_local);
  ASSERT_FALSE(zones_id.empty());

  CommandRun local = RunXref(Db("a.db") + " commitments --json --actor local");
  EXPECT_EQ(local.status, 0);
  EXPECT_NE(local.out.find("Air Quality Action Plan"), std::string::npos);
  EXPECT_EQ(local.out.find("Clean Air Zones Fund"), std::string::npos);

  CommandRun show = RunXref(Db("a.db") + " show " + zones_id);
  EXPECT_EQ(show.status, 0);
  EXPECT_NE(show.out.find("council-report-clean-air.md"), std::string::npos);
  EXPECT_NE(show.out.find("matched:"), std::string::npos);
  EXPECT_EQ(RunXref(Db("a.db") + " show C9999").status, 2);

  CommandRun md = RunXref(Db("a.db") + " table");
  EXPECT_EQ(md.status, 0);
  EXPECT_NE(md.out.find("| ID"), std::string::npos);
  CommandRun csv = RunXref(Db("a.db") + " table --format csv");
  EXPECT_EQ(csv.out.rfind("id,commitment", 0), 0u);
  std::string html_file = (dir_ / "t.html").string();
  EXPECT_EQ(RunXref(Db("a.db") + " table --format html --output " + html_file).status, 0);
  EXPECT_TRUE(fs::file_size(html_file) > 1000);
  EXPECT_EQ(RunXref(Db("a.db") + " table --format xml").status, 2);

  CommandRun conflicts = RunXref(Db("a.db") + " conflicts --json");
  EXPECT_EQ(conflicts.status, 0);
  bool bus = false;
  std::istringstream clines(conflicts.out);
  while (std::getline(clines, line)) {
    nlohmann::json k = nlohmann::json::parse(line);
    if (k["field"] == "money" && k["values"][0]["amount"] == 120e6) bus = k["values"][1]["amount"] == 100e6;
  }
  EXPECT_TRUE(bus) << conflicts.out;
}

TEST_F(EndToEndTest, RefreshAddingAPaperEqualsACleanIndex) {
  Copy("clean-air-strategy.md");
  Copy("briefing-clean-air.md");
  ASSERT_EQ(RunXref(Db("inc.db") + " index -q " + (dir_ / "corpus").string()).status, 0);
  Copy("council-report-clean-air.md");
  ASSERT_EQ(RunXref(Db("inc.db") + " refresh -q").status, 0);
  ASSERT_EQ(RunXref(Db("clean.db") + " index -q " + (dir_ / "corpus").string()).status, 0);
  for (const char* cmd : {"table --format json", "conflicts --json", "commitments --json"}) {
    CommandRun inc = RunXref(Db("inc.db") + " " + cmd);
    CommandRun clean = RunXref(Db("clean.db") + " " + cmd);
    EXPECT_FALSE(clean.out.empty()) << cmd;
    EXPECT_EQ(inc.out, clean.out) << cmd;
  }
}

}  // namespace
}  // namespace xref
