// Linking a few documents against a register whose statistics were counted
// before (LinkScope): what `refresh` does when a paper is added to a large
// index, instead of linking the whole corpus again (docs/performance.md,
// finding 6). The property: given the documents that are the sources of
// entries and the added one, with a snapshot of the corpus's statistics, the
// added paper's links, stances and disagreement values are exactly those a
// link of the whole corpus with the same statistics gives it, and the entries
// are the same. Checked on a folder of real papers on six subjects (strategies
// as PDF, HTML and Markdown, council reports and minutes as DOCX, PDF and
// HTML, a newspaper article), each paper in turn being the added one.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "link_fixtures.h"
#include "pipeline/link.h"

namespace xref {
namespace {

std::vector<std::string> Papers() {
  const std::string dir = std::string(XREF_SOURCE_DIR) + "/tests/data/";
  return {dir + "fourth-corpus/living-with-water-flood-strategy.pdf",
          dir + "fourth-corpus/eastmere-cabinet-flood-strategy-2026-04-14.docx",
          dir + "fourth-corpus/eastmere-scrutiny-minutes-2026-04-28.html",
          dir + "fourth-corpus/care-charging/fair-charging-for-care-strategy.pdf",
          dir + "fourth-corpus/care-charging/westford-cabinet-care-charging-2026-06-09.docx",
          dir + "fourth-corpus/care-charging/westford-evening-post-care-cap.html",
          dir + "fourth-corpus/homelessness/a-place-to-call-home-homelessness-strategy.html",
          dir + "fourth-corpus/homelessness/fenbridge-housing-committee-minutes-2026-11-18.docx",
          dir + "fourth-corpus/homelessness/larkshire-cabinet-homelessness-strategy-2026-11-10.pdf",
          dir + "fourth-corpus/warm-homes/warmer-homes-lower-bills-plan.pdf",
          dir + "fourth-corpus/warm-homes/ashcombe-scrutiny-minutes-2026-12-02.docx",
          dir + "fourth-corpus/warm-homes/bramleigh-cabinet-warm-homes-2026-11-24.html",
          dir + "fourth-corpus/waste-recycling/less-waste-more-value-strategy.pdf",
          dir + "fourth-corpus/waste-recycling/harrowdale-courier-food-waste.html",
          dir + "fourth-corpus/waste-recycling/harrowdale-environment-committee-minutes-2026-09-15.pdf",
          dir + "third-corpus/school-travel-strategy.md",
          dir + "third-corpus/briefing-school-travel.md",
          dir + "third-corpus/council-report-school-travel.md",
          dir + "second-corpus/clean-air-strategy.md",
          dir + "second-corpus/briefing-clean-air.md",
          dir + "second-corpus/council-report-clean-air.md"};
}

using LinkKey = std::tuple<size_t, int64_t, int, double, std::vector<std::string>, std::vector<std::string>,
                           std::vector<std::string>, bool>;

LinkKey KeyOf(const Link& l) {
  std::vector<std::string> phrases(l.evidence.phrases.begin(), l.evidence.phrases.end());
  std::vector<std::string> terms(l.evidence.terms.begin(), l.evidence.terms.end());
  return {l.commitment, l.passage.doc, l.passage.passage, l.score, phrases, terms, l.evidence.values,
          l.evidence.states};
}

std::vector<LinkKey> LinksOf(const Register& reg, int64_t doc) {
  std::vector<LinkKey> out;
  for (const Link& l : reg.links) {
    if (l.passage.doc == doc) out.push_back(KeyOf(l));
  }
  return out;
}

std::vector<std::tuple<size_t, int>> StancesOf(const Register& reg, int64_t doc) {
  std::vector<std::tuple<size_t, int>> out;
  for (const DocumentStance& s : reg.stances) {
    if (s.doc == doc) out.emplace_back(s.commitment, static_cast<int>(s.stance));
  }
  return out;
}

// (entry, field, passage, text) of every disagreeing value `doc` gives.
std::vector<std::tuple<size_t, std::string, int, std::string>> ConflictsOf(const Register& reg, int64_t doc) {
  std::vector<std::tuple<size_t, std::string, int, std::string>> out;
  for (const Conflict& k : reg.conflicts) {
    for (size_t i = 1; i < k.values.size(); ++i) {
      if (k.values[i].passage.doc == doc) out.emplace_back(k.commitment, k.field, k.values[i].passage.passage, k.values[i].text);
    }
  }
  return out;
}

std::vector<PassageRef> MentionsOf(const Commitment& c, int64_t doc) {
  std::vector<PassageRef> out;
  for (const PassageRef& r : c.mentions) {
    if (r.doc == doc) out.push_back(r);
  }
  return out;
}

class LinkIncrementalTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { loaded_ = new testing::Loaded(testing::LoadCorpus(Papers())); }
  static void TearDownTestSuite() { delete loaded_; }
  // The inputs whose ids are in `ids` (all when empty), copied: BuildRegister
  // frees the stored terms of what it reads.
  static std::vector<LinkInput> Inputs(const std::set<int64_t>& ids, int64_t except = -1) {
    std::vector<LinkInput> out;
    for (const LinkInput& in : loaded_->inputs) {
      if (in.id != except && (ids.empty() || ids.count(in.id))) out.push_back(in);
    }
    return out;
  }
  static testing::Loaded* loaded_;
};
testing::Loaded* LinkIncrementalTest::loaded_ = nullptr;

TEST_F(LinkIncrementalTest, StatisticsOfTheSameCorpusGiveTheSameRegister) {
  ASSERT_FALSE(loaded_->stand_in_extractor);
  ASSERT_FALSE(loaded_->stand_in_tagger);
  CorpusStatsTable stats;
  Register counted = BuildRegister(Inputs({}), {}, {}, &stats);
  ASSERT_GT(stats.keys.size(), 1000u);
  ASSERT_TRUE(std::is_sorted(stats.keys.begin(), stats.keys.end()));
  LinkScope scope;
  scope.stats = &stats;
  Register given = BuildRegister(Inputs({}), {}, scope);
  ASSERT_EQ(counted.commitments.size(), given.commitments.size());
  ASSERT_GT(counted.links.size(), 100u);
  std::vector<LinkKey> a, b;
  for (const Link& l : counted.links) a.push_back(KeyOf(l));
  for (const Link& l : given.links) b.push_back(KeyOf(l));
  EXPECT_EQ(a, b);
  EXPECT_EQ(counted.conflicts.size(), given.conflicts.size());
}

TEST_F(LinkIncrementalTest, AnAddedPaperLinksAsInTheWholeCorpus) {
  // Each paper in turn is the added one; so is a second copy of each (the
  // same report published as PDF and as DOCX, a minute filed twice), whose
  // commitments restate entries its original made.
  std::vector<std::pair<LinkInput, bool>> added_papers;  // (paper, is a copy)
  for (const LinkInput& in : loaded_->inputs) {
    added_papers.emplace_back(in, false);
    LinkInput copy = in;
    copy.id = in.id + 1000;
    copy.doc.path = in.doc.path + ".copy";
    added_papers.emplace_back(std::move(copy), true);
  }
  size_t checked = 0, sources = 0, copies_checked = 0;
  for (const auto& [added, is_copy] : added_papers) {
    SCOPED_TRACE(added.doc.path);
    // The corpus before the paper came, linked in full: its statistics are
    // the snapshot.
    std::vector<LinkInput> before_inputs = Inputs({}, is_copy ? -1 : added.id);
    CorpusStatsTable before;
    Register old = BuildRegister(before_inputs, {}, {}, &before);
    std::set<int64_t> source_docs;
    for (const Commitment& c : old.commitments) source_docs.insert(c.source.doc);
    LinkScope snapshot;
    snapshot.stats = &before;
    // Everything, linked with the snapshot's statistics...
    std::vector<LinkInput> all = Inputs({}, is_copy ? -1 : added.id);
    all.push_back(added);
    Register whole = BuildRegister(all, {}, snapshot);
    // ... and only the added paper, against the sources.
    std::vector<LinkInput> part_inputs = Inputs(source_docs);
    part_inputs.push_back(added);
    LinkScope part_scope = snapshot;
    part_scope.targets = {added.id};
    Register part = BuildRegister(part_inputs, {}, part_scope);

    const bool adds_entries = std::any_of(part.commitments.begin(), part.commitments.end(),
                                          [&](const Commitment& c) { return c.source.doc == added.id; });
    const bool whole_adds = std::any_of(whole.commitments.begin(), whole.commitments.end(),
                                        [&](const Commitment& c) { return c.source.doc == added.id; });
    // Whether the paper is the source of an entry is seen the same way.
    EXPECT_EQ(adds_entries, whole_adds);
    if (adds_entries) {
      ++sources;
      continue;  // a paper with entries of its own needs a full link
    }
    ++checked;
    copies_checked += is_copy;
    ASSERT_EQ(part.commitments.size(), whole.commitments.size());
    ASSERT_EQ(part.commitments.size(), old.commitments.size());
    for (size_t e = 0; e < part.commitments.size(); ++e) {
      const Commitment& p = part.commitments[e];
      const Commitment& w = whole.commitments[e];
      EXPECT_EQ(p.id, w.id);
      EXPECT_EQ(p.text, w.text);
      EXPECT_TRUE(p.source == w.source);
      EXPECT_EQ(p.money.size(), w.money.size());
      EXPECT_EQ(p.dates.size(), w.dates.size());
      EXPECT_EQ(MentionsOf(p, added.id), MentionsOf(w, added.id)) << p.id;
    }
    const std::vector<LinkKey> links = LinksOf(whole, added.id);
    EXPECT_FALSE(links.empty());
    EXPECT_EQ(LinksOf(part, added.id), links);
    EXPECT_EQ(part.links.size(), links.size()) << "links outside the added paper";
    EXPECT_EQ(StancesOf(part, added.id), StancesOf(whole, added.id));
    EXPECT_EQ(ConflictsOf(part, added.id), ConflictsOf(whole, added.id));
  }
  // Of the real papers nearly every one makes entries of its own (a
  // council's own undertakings, a briefing's restatement worded its own
  // way); a copy restates its original's.
  EXPECT_GE(checked, 12u);
  EXPECT_GE(copies_checked, 10u);
  EXPECT_GE(sources, 12u);
}

}  // namespace
}  // namespace xref
