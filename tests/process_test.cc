// ProcessDocument and the wire form that carries it from worker to indexer.
#include "pipeline/process.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace xref {
namespace {

Tag SampleMoney() {
  Tag t;
  t.kind = TagKind::kMoney;
  t.text = "£45 million";
  t.start = 0;
  t.end = 12;
  t.money.currency = "GBP";
  t.money.amount = 45e6;
  t.money.per = "year";
  return t;
}

TEST(ProcessTest, WireRoundTripKeepsEveryField) {
  ProcessedDocument pd;
  pd.doc.path = "dir/paper one.pdf";
  pd.doc.format = Format::kPdf;
  pd.doc.title = "A paper";
  pd.doc.date = "2023-03-07";
  pd.doc.pages = 14;
  pd.doc.warnings = {"page 3 is an image without a text layer"};
  Passage p;
  p.n = 1;
  p.page = 2;
  p.label = "12";
  p.section = "Pillar 1";
  p.kind = PassageKind::kListItem;
  p.level = 1;
  p.text = "£45 million will be spent by Spring 2024.";
  pd.doc.passages.push_back(p);
  Tag date;
  date.kind = TagKind::kDate;
  date.text = "by Spring 2024";
  date.start = 28;
  date.end = 42;
  date.date = {"", "2024-05-31", "season", "by", true, "2024-SP"};
  Tag commitment;
  commitment.kind = TagKind::kCommitment;
  commitment.text = p.text;
  commitment.end = p.text.size();
  commitment.commitment.actor = "unspecified";
  commitment.commitment.modality = "will";
  commitment.commitment.action = "be spent";
  commitment.commitment.money.push_back(SampleMoney());
  commitment.commitment.dates.push_back(date);
  Tag percent;
  percent.kind = TagKind::kPercent;
  percent.percent = {12.43, true};
  Tag count;
  count.kind = TagKind::kCount;
  count.count = {500, "apprentices", "up to"};
  pd.tags.push_back({SampleMoney(), date, commitment, percent, count});
  pd.stances.push_back(Stance::kConcerned);

  Result<ProcessedDocument> back = DeserializeProcessed(SerializeProcessed(pd));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->doc.path, pd.doc.path);
  EXPECT_EQ(back->doc.format, Format::kPdf);
  EXPECT_EQ(back->doc.title, "A paper");
  EXPECT_EQ(back->doc.date, "2023-03-07");
  EXPECT_EQ(back->doc.pages, 14);
  EXPECT_EQ(back->doc.warnings, pd.doc.warnings);
  ASSERT_EQ(back->doc.passages.size(), 1u);
  const Passage& q = back->doc.passages[0];
  EXPECT_EQ(q.n, 1);
  EXPECT_EQ(q.page, 2);
  EXPECT_EQ(q.label, "12");
  EXPECT_EQ(q.section, "Pillar 1");
  EXPECT_EQ(q.kind, PassageKind::kListItem);
  EXPECT_EQ(q.level, 1);
  EXPECT_EQ(q.text, p.text);
  ASSERT_EQ(back->tags.size(), 1u);
  ASSERT_EQ(back->tags[0].size(), 5u);
  // The JSON the user sees is the same before and after the trip.
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(TagToJson(back->tags[0][i]), TagToJson(pd.tags[0][i])) << i;
  }
  const Tag& c = back->tags[0][2];
  EXPECT_EQ(c.commitment.action, "be spent");
  ASSERT_EQ(c.commitment.dates.size(), 1u);
  EXPECT_EQ(c.commitment.dates[0].date.timex, "2024-SP");
  EXPECT_EQ(back->tags[0][3].percent.points, true);
  EXPECT_EQ(back->tags[0][4].count.qualifier, "up to");
  EXPECT_EQ(back->stances[0], Stance::kConcerned);
}

TEST(ProcessTest, GarbageIsAnErrorNotACrash) {
  EXPECT_FALSE(DeserializeProcessed("").ok());
  EXPECT_FALSE(DeserializeProcessed("\x93\x01\x02").ok());
  EXPECT_FALSE(DeserializeProcessed(std::string(100, '\xff')).ok());
}

TEST(ProcessTest, CommitmentHeadings) {
  EXPECT_TRUE(IsCommitmentHeading("Policy commitments"));
  EXPECT_TRUE(IsCommitmentHeading("Financial Commitments"));
  EXPECT_TRUE(IsCommitmentHeading("Our proposals"));
  EXPECT_TRUE(IsCommitmentHeading("What we will do"));
  EXPECT_FALSE(IsCommitmentHeading("Background"));
  EXPECT_FALSE(IsCommitmentHeading("Purpose of the Report"));
}

// A commitment ending in a colon leads into the list after it: each item is
// one of its undertakings, worded from the lead-in's words on, and the
// lead-in is no undertaking of its own; a list no lead-in leads into is not.
TEST(ProcessTest, ItemsOfAListACommitmentLeadsInto) {
  Document doc;
  doc.path = "plan.md";
  auto add = [&](PassageKind kind, std::string text) {
    Passage p;
    p.n = static_cast<int>(doc.passages.size()) + 1;
    p.kind = kind;
    p.text = std::move(text);
    doc.passages.push_back(std::move(p));
  };
  add(PassageKind::kParagraph, "Housing matters. Over the next ten years the Scottish Government will:");
  add(PassageKind::kListItem, "deliver 110,000 affordable homes;");
  add(PassageKind::kListItem, "invest \u00a33.5 billion in the Affordable Housing Supply Programme; and");
  add(PassageKind::kParagraph, "Local authorities will be expected to:");
  add(PassageKind::kListItem, "prepare Local Housing Strategies every five years.");
  add(PassageKind::kParagraph, "Homes completed in 2026:");
  add(PassageKind::kListItem, "9,400 affordable homes.");
  Tagger tagger;
  ProcessedDocument pd = ProcessDocument(doc, tagger);
  auto commitments = [&](size_t i) {
    std::vector<CommitmentValue> out;
    for (const Tag& t : pd.tags[i]) {
      if (t.kind == TagKind::kCommitment) out.push_back(t.commitment);
    }
    return out;
  };
  EXPECT_TRUE(commitments(0).empty());
  ASSERT_EQ(commitments(1).size(), 1u);
  EXPECT_EQ(commitments(1)[0].actor, "Scottish Government");
  EXPECT_EQ(commitments(1)[0].modality, "will");
  EXPECT_EQ(commitments(1)[0].action, "deliver 110,000 affordable homes");
  ASSERT_EQ(commitments(2).size(), 1u);
  EXPECT_EQ(commitments(2)[0].action, "invest \u00a33.5 billion in the Affordable Housing Supply Programme");
  EXPECT_EQ(commitments(2)[0].money.size(), 1u);
  EXPECT_TRUE(commitments(3).empty());
  ASSERT_EQ(commitments(4).size(), 1u);
  EXPECT_EQ(commitments(4)[0].action, "expected to prepare Local Housing Strategies every five years");
  EXPECT_TRUE(commitments(6).empty());
}

}  // namespace
}  // namespace xref

namespace xref {
namespace {

IsolationLimits TestLimits() {
  IsolationLimits limits;
  limits.time_limit = std::chrono::milliseconds(20000);
#if defined(__SANITIZE_ADDRESS__)
  limits.memory_limit_bytes = 0;  // ASan reserves terabytes of address space
#endif
  return limits;
}

// The xref binary's hidden `__worker` gives the same result as processing in
// this process, and a bad file's error names it once.
TEST(IsolatedProcessorTest, SameResultAsInProcess) {
  auto processor = IsolatedProcessor::Start({XREF_BINARY, "__worker"}, 1, TestLimits());
  ASSERT_TRUE(processor.ok()) << processor.status().ToString();
  const std::string text =
      "# Clean air plan\n\n1. The Council will install 40 new monitoring stations by March 2025.\n\n"
      "2. We welcome the £12 million for low-emission buses.\n";
  Result<ProcessedDocument> isolated = (*processor)->Process("plan.md", text);
  ASSERT_TRUE(isolated.ok()) << isolated.status().ToString();
  Result<Document> doc = ExtractBytes("plan.md", text);
  ASSERT_TRUE(doc.ok());
  Tagger tagger;
  ProcessedDocument local = ProcessDocument(std::move(doc).value(), tagger);
  EXPECT_EQ(SerializeProcessed(*isolated), SerializeProcessed(local));
  ASSERT_EQ(isolated->doc.passages.size(), 3u);
  EXPECT_EQ(isolated->doc.passages[1].label, "1");

  Result<ProcessedDocument> bad = (*processor)->Process("broken.pdf", "%PDF-1.7\n1 0 obj <<");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().where(), "broken.pdf");
  EXPECT_EQ(bad.status().ToString().find("broken.pdf: broken.pdf"), std::string::npos)
      << bad.status().ToString();
  // The worker survives a bad file.
  EXPECT_TRUE((*processor)->Process("plan.md", text).ok());
  EXPECT_EQ((*processor)->restarts(), 0);
}

}  // namespace
}  // namespace xref
