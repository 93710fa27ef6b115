// Scores the tagger against hand-annotated sentences: the shared gold file
// (tags-dev.jsonl, from the bundled corpus) and our own held-out sentences
// from other policy areas (tests/data/tags-heldout.jsonl, written before the
// tagger was tuned). A predicted tag matches a gold tag when the kind is the
// same, the spans overlap and the value agrees; gold tags listed under
// "optional" neither count for nor against. Scores are printed.
//
// The gold files annotate calendar dates only: TIMEX3 reference points
// ("now", "recently", "in the future": PRESENT_REF/PAST_REF/FUTURE_REF, which
// issue 10 added) are outside their scheme, so those predictions are counted
// and printed separately rather than scored as false positives.
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "pipeline/tag.h"

namespace xref {
namespace {

struct GoldTag {
  std::string kind;
  size_t start = 0;
  size_t end = 0;
  nlohmann::json value;  // the gold object itself
};

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double F1() const {
    if (tp == 0) return (fp == 0 && fn == 0) ? 1.0 : 0.0;
    double p = double(tp) / (tp + fp), r = double(tp) / (tp + fn);
    return 2 * p * r / (p + r);
  }
};

bool SameNumber(const nlohmann::json& gold, const std::optional<double>& got) {
  if (gold.is_null()) return !got.has_value();
  if (!got) return false;
  double g = gold.get<double>();
  return std::fabs(g - *got) <= 1e-6 * std::max(1.0, std::fabs(g));
}

std::string Str(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return "";
  return j[key].get<std::string>();
}

bool ValueMatches(const GoldTag& gold, const Tag& tag) {
  const nlohmann::json& g = gold.value;
  if (gold.kind == "money") {
    return SameNumber(g["amount"], tag.money.amount) && Str(g, "per") == tag.money.per;
  }
  if (gold.kind == "percent") return SameNumber(g["percent"], tag.percent.percent);
  if (gold.kind == "count") return SameNumber(g["count"], tag.count.count);
  if (gold.kind == "date") return Str(g, "start") == tag.date.start && Str(g, "end") == tag.date.end;
  return false;
}

// Locates each gold tag's text in the sentence, left to right.
std::vector<GoldTag> Locate(const std::string& text, const nlohmann::json& list) {
  std::vector<GoldTag> out;
  std::vector<std::pair<size_t, size_t>> used;
  for (const nlohmann::json& g : list) {
    std::string t = g["text"];
    size_t at = text.find(t);
    while (at != std::string::npos) {
      bool taken = false;
      for (auto& u : used) taken |= (u.first == at && u.second == at + t.size());
      if (!taken) break;
      at = text.find(t, at + 1);
    }
    EXPECT_NE(at, std::string::npos) << "gold text not in sentence: " << t;
    if (at == std::string::npos) continue;
    used.push_back({at, at + t.size()});
    out.push_back({g["kind"], at, at + t.size(), g});
  }
  return out;
}

bool Overlaps(size_t a0, size_t a1, size_t b0, size_t b1) { return a0 < b1 && b0 < a1; }

struct Score {
  Counts core;   // money + percent + date
  Counts count;
  std::map<std::string, Counts> by_kind;
  int reference_points = 0;  // PRESENT_REF/PAST_REF/FUTURE_REF dates, not scored
};

Score ScoreFile(const std::string& path, bool verbose) {
  Tagger tagger;
  Score score;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << path;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json row = nlohmann::json::parse(line);
    std::string text = row["text"];
    TagOptions options;
    if (row.contains("date") && row["date"].is_string()) options.document_date = row["date"];
    if (row.contains("list") && row["list"].is_boolean()) options.in_commitment_list = row["list"];
    std::vector<Tag> tags = tagger.Find(text, options);
    std::vector<GoldTag> gold = Locate(text, row["tags"]);
    std::vector<GoldTag> optional =
        row.contains("optional") ? Locate(text, row["optional"]) : std::vector<GoldTag>{};
    std::vector<bool> gold_hit(gold.size(), false);
    for (const Tag& t : tags) {
      if (t.kind == TagKind::kCommitment) continue;
      if (t.kind == TagKind::kDate && t.date.timex.size() > 4 &&
          t.date.timex.compare(t.date.timex.size() - 4, 4, "_REF") == 0) {
        ++score.reference_points;
        continue;
      }
      std::string kind(TagKindName(t.kind));
      bool matched = false;
      for (size_t i = 0; i < gold.size(); ++i) {
        if (!gold_hit[i] && gold[i].kind == kind && Overlaps(gold[i].start, gold[i].end, t.start, t.end) &&
            ValueMatches(gold[i], t)) {
          gold_hit[i] = true;
          matched = true;
          break;
        }
      }
      if (matched) {
        ++score.by_kind[kind].tp;
        continue;
      }
      bool is_optional = false;
      for (const GoldTag& o : optional) {
        is_optional |= o.kind == kind && Overlaps(o.start, o.end, t.start, t.end);
      }
      if (is_optional) continue;
      ++score.by_kind[kind].fp;
      if (verbose) {
        std::cout << "  FP " << row["id"].get<std::string>() << " " << TagToJson(t).dump() << "\n";
      }
    }
    for (size_t i = 0; i < gold.size(); ++i) {
      if (gold_hit[i]) continue;
      ++score.by_kind[gold[i].kind].fn;
      if (verbose) {
        std::cout << "  FN " << row["id"].get<std::string>() << " " << gold[i].value.dump() << "\n";
      }
    }
  }
  for (const auto& [kind, c] : score.by_kind) {
    Counts& target = kind == "count" ? score.count : score.core;
    target.tp += c.tp;
    target.fp += c.fp;
    target.fn += c.fn;
  }
  return score;
}

void Print(const std::string& name, const Score& s) {
  std::cout << name << ":\n";
  for (const auto& [kind, c] : s.by_kind) {
    std::cout << "  " << kind << ": tp=" << c.tp << " fp=" << c.fp << " fn=" << c.fn
              << " F1=" << c.F1() << "\n";
  }
  std::cout << "  (" << s.reference_points << " TIMEX3 reference-point dates not scored)\n";
  std::cout << "  money+percent+date F1=" << s.core.F1() << "  count F1=" << s.count.F1() << "\n";
}

TEST(TagGoldTest, SharedDevGold) {
  Score s = ScoreFile(XREF_SHARED_DIR "/gold/tags-dev.jsonl", true);
  Print("tags-dev.jsonl", s);
  EXPECT_GE(s.core.F1(), 0.95);
  EXPECT_GE(s.count.F1(), 0.85);
}

TEST(TagGoldTest, HeldOutOtherPolicyAreas) {
  Score s = ScoreFile(XREF_SOURCE_DIR "/tests/data/tags-heldout.jsonl", true);
  Print("tags-heldout.jsonl", s);
  // Written before tuning; the bar is lower than the dev gold's on purpose,
  // and the printed score is the honest figure.
  EXPECT_GE(s.core.F1(), 0.85);
  EXPECT_GE(s.count.F1(), 0.70);
}

}  // namespace
}  // namespace xref
