// The linker against the hand-made gold of the bundled corpus
// (../shared/gold/links-dev.json): which commitments of the LGA briefing the
// Leicestershire report discusses, and in which of its numbered paragraphs.
//
// Pairs are (gold commitment, paragraph label). A gold commitment is matched
// to the register entry whose wording shares the most distinctive words with
// the gold's description; the entry's links into the report give the
// predicted paragraphs. "maybe" pairs count neither way. Precision counts
// predicted pairs of every gold commitment (discussed or not); recall counts
// the discussed pairs found.
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "pipeline/link.h"
#include "pipeline/link_terms.h"
#include "tests/link_fixtures.h"

namespace xref {
namespace {

const std::string kShared = XREF_SHARED_DIR;
const std::string kBriefing = "lga-briefing-childrens-social-care-reform-2023.html";
const std::string kReport = "leicestershire-cfs-scrutiny-2023-03-07.pdf";

struct Scores {
  int true_positives = 0;
  int predicted = 0;
  int gold = 0;
  double precision() const { return predicted == 0 ? 0 : double(true_positives) / predicted; }
  double recall() const { return gold == 0 ? 0 : double(true_positives) / gold; }
};

TEST(LinkGoldTest, ReportParagraphsLinkedToBriefingCommitments) {
  std::ifstream gold_in(kShared + "/gold/links-dev.json");
  ASSERT_TRUE(gold_in) << "missing gold file";
  nlohmann::json gold = nlohmann::json::parse(gold_in);

  testing::Loaded loaded = testing::LoadCorpus(
      {kShared + "/corpus/" + kBriefing, kShared + "/corpus/" + kReport},
      {kShared + "/corpus/reference/lga-briefing-childrens-social-care-reform-2023.txt",
       kShared + "/corpus/reference/leicestershire-cfs-scrutiny-2023-03-07.md"});
  std::cout << "[ linker ] bundled corpus read with "
            << (loaded.stand_in_extractor ? "stand-in (reference text)" : "real") << " extraction and "
            << (loaded.stand_in_tagger ? "stand-in" : "real") << " tagging\n";
  const int64_t briefing = 1, report = 2;
  // Defaults, unless a developer sweeps them (XREF_LINK_OPTIONS="threshold expansion_weight
  // named_score unnamed_factor").
  LinkOptions options;
  if (const char* sweep = std::getenv("XREF_LINK_OPTIONS")) {
    std::istringstream in(sweep);
    in >> options.threshold >> options.expansion_weight >> options.named_score >> options.unnamed_factor;
  }
  Register reg = BuildRegister(loaded.inputs, options);
  LinkOptions loose_options;
  loose_options.threshold = 0.1;
  Register loose = BuildRegister(loaded.inputs, loose_options);  // near misses, for debugging

  // Paragraph label of each report passage.
  std::map<int, std::string> label_of;
  for (const Passage& p : loaded.inputs[1].doc.passages) label_of[p.n] = p.label;

  // Term weights over the entries' wordings, for matching gold descriptions.
  TermStats stats;
  std::vector<TermSet> entry_terms;
  for (const Commitment& c : reg.commitments) {
    entry_terms.push_back(Terms(c.text));
    stats.Add(entry_terms.back());
  }
  auto match = [&](const std::string& description) -> const Commitment* {
    TermSet want = Terms(description);
    const Commitment* best = nullptr;
    double best_score = 0;
    for (size_t i = 0; i < reg.commitments.size(); ++i) {
      const Commitment& c = reg.commitments[i];
      if (c.local || c.source.doc != briefing) continue;
      double score = 0;
      for (const std::string& w : want.words) {
        if (entry_terms[i].words.count(w)) score += stats.Idf(w);
      }
      for (const std::string& p : want.phrases) {
        if (entry_terms[i].phrases.count(p)) score += stats.Idf(p);
      }
      if (score > best_score) {
        best_score = score;
        best = &c;
      }
    }
    return best;
  };
  auto predicted = [&](const Commitment* c) {
    std::set<std::string> labels;
    if (c == nullptr) return labels;
    size_t index = static_cast<size_t>(c - reg.commitments.data());
    for (const Link& l : reg.links) {
      if (l.commitment != index || l.passage.doc != report) continue;
      const std::string& label = label_of[l.passage.passage];
      labels.insert(label.empty() ? "n" + std::to_string(l.passage.passage) : label);
    }
    return labels;
  };

  Scores scores;
  auto evaluate = [&](const std::string& description, const std::set<std::string>& want,
                      const std::set<std::string>& maybe) {
    const Commitment* c = match(description);
    std::set<std::string> got = predicted(c);
    int tp = 0, fp = 0;
    for (const std::string& l : got) {
      if (want.count(l)) {
        ++tp;
      } else if (!maybe.count(l)) {
        ++fp;
      }
    }
    scores.true_positives += tp;
    scores.predicted += tp + fp;
    scores.gold += static_cast<int>(want.size());
    std::cout << "  " << (c ? c->id : "--") << " " << std::left << std::setw(60)
              << description.substr(0, 60) << " want {";
    for (const std::string& l : want) std::cout << l << " ";
    std::cout << "} got {";
    for (const std::string& l : got) std::cout << l << " ";
    std::cout << "}" << (fp > 0 || tp < static_cast<int>(want.size()) ? "  <--" : "") << "\n";
    if (std::getenv("XREF_LINK_DEBUG") != nullptr && c != nullptr) {
      std::cout << "      " << c->text << " (mentions:";
      for (const PassageRef& m : c->mentions) std::cout << " " << m.doc << ":" << m.passage;
      std::cout << ")\n";
      size_t index = static_cast<size_t>(c - reg.commitments.data());
      for (const Link& l : loose.links) {
        if (l.commitment != index || l.passage.doc != report) continue;
        std::cout << "      " << label_of[l.passage.passage] << " " << l.score;
        for (std::string_view p : l.evidence.phrases) std::cout << " [" << p << "]";
        for (std::string_view p : l.evidence.terms) std::cout << " " << p;
        for (const std::string& p : l.evidence.values) std::cout << " {" << p << "}";
        std::cout << "\n";
      }
    }
  };
  if (std::getenv("XREF_LINK_DEBUG") != nullptr) {
    for (const Commitment& c : reg.commitments) {
      std::cout << "    " << c.id << (c.local ? " local " : " ") << c.source.doc << ":" << c.source.passage
                << " " << c.text.substr(0, 150) << " (";
      for (const PassageRef& m : c.mentions) std::cout << " " << m.doc << ":" << m.passage;
      std::cout << ")\n";
    }
  }
  std::map<std::string, std::set<std::string>> maybe_of;
  for (const nlohmann::json& m : gold["maybe"]) {
    for (int p : m["paragraphs"]) maybe_of[m["commitment"]].insert(std::to_string(p));
  }
  for (const nlohmann::json& d : gold["discusses"]) {
    std::set<std::string> want;
    for (int p : d["paragraphs"]) want.insert(std::to_string(p));
    auto maybe = maybe_of.find(d["commitment"]);
    evaluate(d["commitment"], want, maybe == maybe_of.end() ? std::set<std::string>{} : maybe->second);
  }
  for (const auto& [description, maybe] : maybe_of) evaluate(description, {}, maybe);
  for (const nlohmann::json& d : gold["does_not_discuss"]) evaluate(d, {}, {});

  std::cout << "[ linker ] links-dev: precision " << std::fixed << std::setprecision(3)
            << scores.precision() << " (" << scores.true_positives << "/" << scores.predicted
            << "), recall " << scores.recall() << " (" << scores.true_positives << "/"
            << scores.gold << ")\n";
  RecordProperty("precision", std::to_string(scores.precision()));
  RecordProperty("recall", std::to_string(scores.recall()));
  // The goal is 0.9 for both. Measured with the real extractors and tagger on
  // 2026-11-25: precision 0.96 (25/26), recall 0.74 (25/34). History: 0.83 /
  // 0.71 before the tagger took funding statements as commitments and the
  // linker weighed terms by how many entries share them; 0.89 / 0.74 before
  // reference lists stopped linking and names were credited to the
  // undertaking whose wording opens with them (0.93 / 0.76); Snowball's
  // stemmer then joined "consultation" and "consulting" (0.90 / 0.76), and
  // prose lends its words only to the entries it is most about (0.96 /
  // 0.74); a name joined by "and" is each of its sides too, so the report's
  // "Children's Social Care National Framework" names the briefing's
  // "... National Framework and Dashboard" (2026-11-26: 0.96 / 0.76); a
  // phrase the passage writes inside another proper name no longer counts
  // (1.00 / 0.76); further on in a paper that names an entry, "the" and its
  // head refer to it (1.00 / 0.79); the paragraph beside one that discusses
  // an unnamed undertaking, writing one of its own phrases and agreeing with
  // it to half the threshold, goes on about it (2026-11-29: 1.00 / 0.82,
  // "proposals to reduce ... reliance on agency social workers" before the
  // paragraph on national rules for agency usage). The misses are mostly paraphrases without shared names ("Family
  // Help model" for the pathfinders) and long wordings of which a paragraph
  // shares one phrase ("financial oversight"). These floors guard against
  // regressions.
  EXPECT_GE(scores.precision(), 0.95);
  EXPECT_GE(scores.recall(), 0.82);
}

}  // namespace
}  // namespace xref
