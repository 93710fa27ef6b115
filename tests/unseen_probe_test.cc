// Precision of the linker on papers it was never tuned to.
//
// The bundled corpus (corpus/: a briefing and a council report on children's
// social care) is indexed together with the four real PDFs of
// ../shared/real-pdfs (Kent Cabinet minutes, an HMRC research report, the
// Women's Business Council report, a US Federal Register rule). A link from a
// commitment of one group into a passage of the other is real only where that
// passage really discusses the undertaking; tests/data/unseen-probe/
// expected.json holds a reader's judgement of every such link xref made,
// written before the linker was changed for it. A cross link the file does
// not judge counts as false, so a new kind of mistake shows up as one.
#include <sys/types.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
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

const char* const kBundled[] = {"lga-briefing-childrens-social-care-reform-2023.html",
                                "leicestershire-cfs-scrutiny-2023-03-07.pdf",
                                "leicestershire-cfs-scrutiny-2023-03-07.docx"};
const char* const kReal[] = {"kent-cabinet-minutes.pdf", "hmrc-risk-triggers.pdf", "wbc-full-report.pdf",
                             "fedreg-2020-17221.pdf"};

bool IsBundled(const std::string& doc) {
  const std::string name = fs::path(doc).filename().string();
  for (const char* b : kBundled) {
    if (name == b) return true;
  }
  return false;
}

// The first `n` bytes of `s`, not cutting a UTF-8 character in two.
std::string Opening(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

struct CrossLink {
  std::string id, wording, source, doc, passage;
  double score = 0;
};

struct Verdict {
  int real = 0, judged_false = 0, unjudged = 0;
};

class UnseenProbeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("xref_unseen_probe_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "papers");
    for (const char* name : kBundled) {
      fs::copy_file(fs::path(XREF_SOURCE_DIR) / "corpus" / name, dir_ / "papers" / name);
    }
    for (const char* name : kReal) {
      fs::copy_file(fs::path(XREF_SHARED_DIR) / "real-pdfs" / name, dir_ / "papers" / name);
    }
    db_ = (dir_ / "probe.db").string();
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(UnseenProbeTest, CrossLinksBetweenTheBundledCorpusAndUnrelatedRealPapersAreJudged) {
  XrefRun indexed = RunXref({"index", "-q", "-j", "2", "--db", db_, (dir_ / "papers").string()});
  ASSERT_EQ(indexed.status, 0) << indexed.err;
  XrefRun table = RunXref({"--db", db_, "table", "--format", "json"});
  ASSERT_EQ(table.status, 0) << table.err;

  std::vector<CrossLink> cross;
  std::istringstream lines(table.out);
  std::string line;
  int commitments = 0;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    const nlohmann::json row = nlohmann::json::parse(line);
    ++commitments;
    const nlohmann::json& c = row["commitment"];
    const std::string source = c["source"]["doc"].get<std::string>();
    for (const nlohmann::json& d : row["documents"]) {
      const std::string doc = d["doc"].get<std::string>();
      if (IsBundled(source) == IsBundled(doc)) continue;
      for (const nlohmann::json& p : d["passages"]) {
        CrossLink l;
        l.id = c["id"].get<std::string>();
        l.wording = c["text"].get<std::string>();
        l.source = fs::path(source).filename().string();
        l.doc = fs::path(doc).filename().string();
        l.passage = p["text"].get<std::string>();
        l.score = p.value("score", 0.0);
        cross.push_back(std::move(l));
      }
    }
  }
  ASSERT_GT(commitments, 50) << "the bundled corpus alone has more commitments than this";

  std::ifstream in(std::string(XREF_SOURCE_DIR) + "/tests/data/unseen-probe/expected.json");
  ASSERT_TRUE(in) << "tests/data/unseen-probe/expected.json";
  const nlohmann::json expected = nlohmann::json::parse(in);

  Verdict v;
  for (const CrossLink& l : cross) {
    const nlohmann::json* judgement = nullptr;
    for (const nlohmann::json& j : expected["judged"]) {
      if (l.source == j["source"] && l.doc == j["doc"] &&
          l.wording.find(j["commitment"].get<std::string>()) != std::string::npos &&
          l.passage.find(j["passage"].get<std::string>()) != std::string::npos) {
        judgement = &j;
        break;
      }
    }
    const std::string what = l.id + " \"" + Opening(l.wording, 70) + "\" (" + l.source + ") -> " + l.doc +
                             " \"" + Opening(l.passage, 70) + "\" score " + std::to_string(l.score);
    if (judgement == nullptr) {
      ++v.unjudged;
      std::cout << "  UNJUDGED (counted false): " << what << "\n";
    } else if ((*judgement)["real"].get<bool>()) {
      ++v.real;
    } else {
      ++v.judged_false;
      std::cout << "  false: " << what << "\n";
    }
  }
  const int links = static_cast<int>(cross.size());
  const int false_links = v.judged_false + v.unjudged;
  const double precision = links == 0 ? 1.0 : double(v.real) / links;
  std::cout << "[ linker ] unseen real papers: " << links << " cross links, " << v.real << " real, "
            << v.judged_false << " judged false, " << v.unjudged << " unjudged; precision " << precision
            << "\n";
  RecordProperty("cross_links", links);
  RecordProperty("false_cross_links", false_links);

  // First measurement (2026-11-26, d302135): 21 cross links, none real
  // (precision 0). The four real papers are on other subjects, so the right
  // number is close to zero links; these bounds only stop it getting worse.
  // Lower kFalseCeiling (and raise the floor) as the linker improves.
  // 4b1641d (addresses are not words): 20. A name written in lower case is
  // not named: 16. A paragraph lends each undertaking its own sentence: 12.
  // Names of bodies ("Integrated Care Boards") are not an entry's own: 10.
  // Another paper's sentence sharing one turn of phrase is no restatement: 9.
  // A passage whose own name goes on from part of an entry's name names another thing: 8.
  // A name the wording writes once still says what the entry is about: 6.
  // "The better we understand ..., the better able we will be" is no undertaking: 5.
  constexpr int kFalseCeiling = 3;
  constexpr double kPrecisionFloor = 0.0;
  EXPECT_LE(false_links, kFalseCeiling) << "more links into unrelated papers than before";
  EXPECT_GE(precision, kPrecisionFloor);
}

}  // namespace
}  // namespace xref
