// The fourth held-out corpus (tests/data/fourth-corpus: flood and coastal
// resilience), end to end through `xref index`: a national strategy typeset
// as a PDF, a county Cabinet report as a Word file and scrutiny minutes as a
// saved web page. Its gold (expected-links.json) was judged and committed
// before xref ever linked these papers, so the figures here measure how the
// linker holds on papers it was not written against.
//
// Scored as in HeldOutCorpusTest (link_test.cc): every link from a national
// entry whose source is the strategy into a passage of the other two papers
// is a true link (in `links`), ignored (in `maybe`) or false; recall is over
// the gold links whose commitment phrase names an entry of the register (a
// prose undertaking merged into a list item's entry has no wording of its
// own to find). Disagreements, traps and local entries are checked beside.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/testing/run_xref.h"

namespace xref {
namespace {

namespace fs = std::filesystem;
using testing::RunXref;
using testing::XrefRun;

const char* const kStrategy = "living-with-water-flood-strategy.pdf";
const char* const kPapers[] = {kStrategy, "eastmere-cabinet-flood-strategy-2026-04-14.docx",
                               "eastmere-scrutiny-minutes-2026-04-28.html"};

std::string Opening(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

bool Contains(const std::string& text, const nlohmann::json& phrase) {
  return text.find(phrase.get<std::string>()) != std::string::npos;
}

struct Entry {
  std::string id, text, source;
  bool local = false;
  // (doc file name, passage text) of every linked passage.
  std::vector<std::pair<std::string, std::string>> passages;
};

std::vector<nlohmann::json> JsonLines(const std::string& out) {
  std::vector<nlohmann::json> rows;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) rows.push_back(nlohmann::json::parse(line));
  }
  return rows;
}

class FourthCorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("xref_fourth_corpus_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "papers");
    const fs::path data = fs::path(XREF_SOURCE_DIR) / "tests/data/fourth-corpus";
    for (const char* name : kPapers) fs::copy_file(data / name, dir_ / "papers" / name);
    db_ = (dir_ / "fourth.db").string();
    std::ifstream in(data / "expected-links.json");
    expected_ = nlohmann::json::parse(in);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  fs::path dir_;
  std::string db_;
  nlohmann::json expected_;
};

TEST_F(FourthCorpusTest, FloodStrategyLinksConflictsAndLocalEntries) {
  XrefRun indexed = RunXref({"index", "-q", "-j", "2", "--db", db_, (dir_ / "papers").string()});
  ASSERT_EQ(indexed.status, 0) << indexed.err;
  XrefRun table = RunXref({"--db", db_, "table", "--format", "json"});
  ASSERT_EQ(table.status, 0) << table.err;

  std::vector<Entry> entries;
  for (const nlohmann::json& row : JsonLines(table.out)) {
    Entry e;
    const nlohmann::json& c = row["commitment"];
    e.id = c["id"].get<std::string>();
    e.text = c["text"].get<std::string>();
    e.source = fs::path(c["source"]["doc"].get<std::string>()).filename().string();
    e.local = c.value("local", false);
    for (const nlohmann::json& d : row["documents"]) {
      const std::string doc = fs::path(d["doc"].get<std::string>()).filename().string();
      for (const nlohmann::json& p : d["passages"]) e.passages.emplace_back(doc, p["text"].get<std::string>());
    }
    entries.push_back(std::move(e));
  }
  auto national = [](const Entry& e) { return !e.local && e.source == kStrategy; };
  auto judged_in = [&](const char* list, const Entry& e, const std::string& doc, const std::string& text) {
    for (const nlohmann::json& g : expected_[list]) {
      if (g["doc"] == doc && Contains(e.text, g["commitment"]) && Contains(text, g["passage"])) return true;
    }
    return false;
  };

  // The commitments list of the strategy: each item is an entry of its own.
  int listed_found = 0;
  for (const nlohmann::json& phrase : expected_["listed_commitments"]) {
    bool found = false;
    for (const Entry& e : entries) found |= national(e) && Contains(e.text, phrase);
    listed_found += found;
    if (!found) std::cout << "  no national entry from the strategy worded with " << phrase << "\n";
  }

  // Precision over every link of the strategy's national entries into the other papers.
  int predicted = 0, true_positives = 0, traps_taken = 0;
  std::set<std::string> falsely_linked;
  for (const Entry& e : entries) {
    if (!national(e)) continue;
    for (const auto& [doc, text] : e.passages) {
      if (doc == kStrategy || judged_in("maybe", e, doc, text)) continue;
      ++predicted;
      if (judged_in("links", e, doc, text)) {
        ++true_positives;
      } else {
        falsely_linked.insert(e.id);
        traps_taken += judged_in("not_links", e, doc, text);
        std::cout << "  false link: " << e.id << " \"" << Opening(e.text, 60) << "\" -> " << doc << " \""
                  << Opening(text, 70) << "\"" << (judged_in("not_links", e, doc, text) ? " (a planted trap)" : "")
                  << "\n";
      }
    }
  }
  // Recall over the gold links whose commitment names an entry.
  int wanted = 0, found = 0, unresolved = 0;
  for (const nlohmann::json& g : expected_["links"]) {
    bool named = false, linked = false;
    for (const Entry& e : entries) {
      if (!national(e) || !Contains(e.text, g["commitment"])) continue;
      named = true;
      for (const auto& [doc, text] : e.passages) linked |= doc == g["doc"] && Contains(text, g["passage"]);
    }
    if (!named) {
      ++unresolved;
      std::cout << "  (no entry worded with " << g["commitment"] << ")\n";
      continue;
    }
    ++wanted;
    found += linked;
    if (!linked) std::cout << "  missed: " << g["commitment"] << " -> " << g["doc"] << " " << g["passage"] << "\n";
  }
  for (const std::string& id : falsely_linked) {
    XrefRun shown = RunXref({"--db", db_, "show", id, "--json"});
    for (const nlohmann::json& s : JsonLines(shown.out)) {
      for (const nlohmann::json& l : s["links"]) {
        if (fs::path(l["doc"].get<std::string>()).filename() == kStrategy) continue;
        std::cout << "    " << id << " evidence for passage " << l["passage"] << ": " << l["evidence"].dump()
                  << " score " << l["score"] << "\n";
      }
    }
  }

  // Disagreements: the planted one found, none invented on the listed values.
  XrefRun conflicts_run = RunXref({"--db", db_, "conflicts", "--json"});
  ASSERT_EQ(conflicts_run.status, 0) << conflicts_run.err;
  const std::vector<nlohmann::json> conflicts = JsonLines(conflicts_run.out);
  auto entry_id = [&](const nlohmann::json& phrase) {
    for (const Entry& e : entries) {
      if (national(e) && Contains(e.text, phrase)) return e.id;
    }
    return std::string();
  };
  int planted_found = 0, invented = 0;
  for (const nlohmann::json& k : expected_["conflicts"]) {
    const std::string id = entry_id(k["commitment"]);
    bool ok = false;
    for (const nlohmann::json& c : conflicts) {
      if (c["commitment"] != id || c["field"] != k["field"]) continue;
      std::set<double> amounts;
      for (const nlohmann::json& v : c["values"]) {
        if (v.contains("amount") && v["amount"].is_number()) amounts.insert(v["amount"].get<double>());
      }
      ok |= amounts.count(k["values"][0].get<double>()) && amounts.count(k["values"][1].get<double>());
    }
    planted_found += ok;
    if (!ok) std::cout << "  disagreement not found: " << k["commitment"] << " " << k["values"] << "\n";
  }
  for (const nlohmann::json& k : expected_["not_conflicting_values"]) {
    const std::string id = entry_id(k["commitment"]);
    for (const nlohmann::json& c : conflicts) {
      if (c["commitment"] != id) continue;
      for (const nlohmann::json& v : c["values"]) {
        if (v.value("text", "") == k["text"]) {
          ++invented;
          std::cout << "  invented disagreement: " << k["commitment"] << " " << k["text"] << "\n";
        }
      }
    }
  }
  // Local undertakings of the County.
  int local_right = 0;
  for (const nlohmann::json& phrase : expected_["local"]) {
    bool right = false;
    for (const Entry& e : entries) right |= e.local && Contains(e.text, phrase);
    local_right += right;
    if (!right) std::cout << "  not a local entry: " << phrase << "\n";
  }

  const double precision = predicted == 0 ? 0 : double(true_positives) / predicted;
  const double recall = wanted == 0 ? 0 : double(found) / wanted;
  std::cout << "[ linker ] fourth held-out corpus (flood): precision " << precision << " (" << true_positives
            << "/" << predicted << ", " << traps_taken << " planted traps taken), recall " << recall << " (" << found << "/" << wanted << ", " << unresolved
            << " gold links name no entry), listed commitments " << listed_found << "/"
            << expected_["listed_commitments"].size() << ", disagreements " << planted_found << "/"
            << expected_["conflicts"].size() << " found, " << invented << " invented, local entries "
            << local_right << "/" << expected_["local"].size() << "\n";
  RecordProperty("precision", std::to_string(precision));
  RecordProperty("recall", std::to_string(recall));

  // First run (2026-11-26, at 5ef9c1e, the same with the linker edits then in
  // progress), before any change for this corpus: precision 0.75 (9/12; false:
  // the net zero "transition plan ... reported by March 2027" trap taken for
  // the Flood Re review, the report's purpose paragraph for the surface water
  // guidance, and the grant's sum questioned in the minutes given to the prose
  // entry "Local authorities will administer the grant"), recall 0.5 (9/18:
  // the £2.4 billion programme described as "the six-year capital programme for
  // new and improved defences" linked nowhere, the grant described as "the new
  // national grant for flood doors" missed, Flood Re described as "the national
  // reinsurance arrangement" missed; several report sentences became national
  // entries of their own instead of joining the strategy's), the £120m/£150m
  // disagreement found, none invented, 2 of 4 local entries right ("Officers
  // will..." and "The Council's ... Programme will" are not local; two local
  // undertakings merged into one). The floors sit just under those figures so
  // that the test fails when the linker gets worse here; raise them as it
  // improves. The gold was not changed after the run.
  EXPECT_GE(precision, 0.7);
  EXPECT_GE(recall, 0.45);
  EXPECT_LE(traps_taken, 1);
  EXPECT_EQ(listed_found, static_cast<int>(expected_["listed_commitments"].size()));
  EXPECT_EQ(planted_found, static_cast<int>(expected_["conflicts"].size()));
  EXPECT_EQ(invented, 0);
  EXPECT_GE(local_right, 2);
}

}  // namespace
}  // namespace xref
