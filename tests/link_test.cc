// The linker on plain data: terms, authority, merging, links, stances and
// disagreements on hand-built documents, and the planted cases of the second
// corpus (tests/data/second-corpus, air quality).
#include "pipeline/link.h"

#include <algorithm>
#include <fstream>

#include <tuple>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "pipeline/link_terms.h"
#include "tests/link_fixtures.h"

namespace xref {
namespace {

// ------------------------------------------------------------------ terms

TEST(LinkTermsTest, StemsPluralsAndVerbForms) {
  struct Case {
    const char* word;
    const char* stem;
  } cases[] = {
      {"carers", "carer"},       {"families", "famili"},   {"family", "famili"},
      {"published", "publish"},  {"publish", "publish"},   {"funding", "fund"},
      {"pathfinders", "pathfind"}, {"children's", "children"}, {"buses", "buse"},
      {"bus", "bus"},            {"planned", "plan"},      {"increase", "increas"},
      {"increased", "increas"},  {"strategy", "strategi"}, {"strategies", "strategi"},
      // A consultation is what consulting makes: Porter's stemmer joins them.
      {"consultation", "consult"}, {"consulting", "consult"}, {"children\u2019s", "children"},
  };
  for (const Case& c : cases) EXPECT_EQ(StemWord(c.word), c.stem) << c.word;
}

TEST(LinkTermsTest, PhrasesSkipFunctionWordsAndNumbersButStopAtPunctuation) {
  TermSet t = Terms("£45 million to deliver the Families First for Children Pathfinder programme.");
  EXPECT_TRUE(t.phrases.count("famili first"));
  EXPECT_TRUE(t.phrases.count("first children"));
  EXPECT_TRUE(t.phrases.count("children pathfind"));
  EXPECT_TRUE(t.phrases.count("deliv famili"));
  EXPECT_TRUE(t.named.count("famili first"));
  EXPECT_FALSE(t.named.count("deliv famili"));
  EXPECT_FALSE(t.words.count("45"));
  EXPECT_FALSE(t.words.count("million"));
  EXPECT_FALSE(t.words.count("the"));

  TermSet u = Terms("kinship care, training and support");
  EXPECT_TRUE(u.phrases.count("kinship care"));
  EXPECT_FALSE(u.phrases.count("care train"));  // the comma separates them
  EXPECT_TRUE(u.phrases.count("train support"));
}

TEST(LinkTermsTest, WebAndMailAddressesAreNotWords) {
  TermSet t = Terms("See https://www.example.gov.uk/good-practice-guide and www.kinship.org/care-guide "
                    "or write to care.team@example.gov.uk about the practice guide.");
  EXPECT_FALSE(t.phrases.count("good practic"));
  EXPECT_FALSE(t.words.count("kinship"));
  EXPECT_FALSE(t.words.count("team"));
  EXPECT_FALSE(t.words.count("exampl"));
  EXPECT_TRUE(t.phrases.count("practic guid"));  // the paper's own words still count
  EXPECT_TRUE(t.words.count("write"));
  // An address does not join the words around it into a phrase.
  EXPECT_FALSE(Terms("the guide www.a.org/x funding").phrases.count("guid fund"));
}

TEST(LinkTermsTest, QuotedNamesAreNamedAndCurlyApostrophesJoinWords) {
  TermSet t = Terms("An \xE2\x80\x9C" "Early Career Framework" "\xE2\x80\x9D for children\xE2\x80\x99s social workers");
  EXPECT_TRUE(t.named.count("earli career"));
  EXPECT_TRUE(t.named.count("career framework"));
  EXPECT_TRUE(t.words.count("children"));
  EXPECT_TRUE(t.phrases.count("social worker"));
}

// A month or a weekday is capitalised by rule: it does not join the name
// that follows its date.
TEST(LinkTermsTest, AMonthIsNoPartOfAName) {
  TermSet t = Terms("£3.2 billion over three years from April 2027 for a Local Warmth Grant, paid on Monday.");
  ASSERT_EQ(t.names.size(), 1u);
  EXPECT_EQ(t.names[0], (std::vector<std::string>{"local warmth", "warmth grant"}));
  EXPECT_FALSE(t.named.count("april local"));
}

TEST(LinkTermsTest, QuotedSpeechIsNoName) {
  TermSet speech = Terms("Mr Okoro said: \"The national fund will take us halfway at best.\"");
  EXPECT_TRUE(speech.phrases.count("nation fund"));
  EXPECT_FALSE(speech.named.count("nation fund"));
  TermSet name = Terms("up to 12 \u2018families first for children pathfinder\u2019 areas");
  EXPECT_TRUE(name.named.count("famili first"));
}

// A hyphenated word's capital belongs to its first content part: "E" is too
// short to be a term, so "cycle" carries it and the name is the E-cycle Loan
// Scheme's, not any loan scheme's (a passage writing "the Home Upgrade Loan
// Scheme" does not write it whole). "Government-backed" gave its capital to
// "Government": "backed" is no part of the Home Upgrade Loan Scheme's name.
TEST(LinkTermsTest, AHyphenatedNamesCapitalGoesToItsFirstContentPart) {
  using Name = std::vector<std::string>;
  TermSet ecycle = Terms("An E-cycle Loan Scheme will lend up to \u00a33,000.");
  ASSERT_EQ(ecycle.names.size(), 1u);
  EXPECT_EQ(ecycle.names[0], (Name{"cycl loan", "loan scheme"}));
  TermSet backed = Terms("the Government-backed Home Upgrade Loan Scheme");
  ASSERT_EQ(backed.names.size(), 1u);
  EXPECT_EQ(backed.names[0], (Name{"home upgrad", "upgrad loan", "loan scheme"}));
  // A hyphen with a space after it joins nothing.
  EXPECT_FALSE(Terms("Plan A- cycle Loan Scheme").named.count("cycl loan"));
}

// "and" between capitalised words may join two names or make one: each side
// of three words or more is a name as well as the whole.
TEST(LinkTermsTest, EachSideOfANameJoinedByAndIsAName) {
  using Name = std::vector<std::string>;
  TermSet t = Terms("a new Children's Social Care National Framework and Dashboard");
  const Name framework = {"children social", "social care", "care nation", "nation framework"};
  EXPECT_NE(std::find(t.names.begin(), t.names.end(), framework), t.names.end());
  EXPECT_NE(std::find(t.names.begin(), t.names.end(), Name{"children social", "social care", "care nation",
                                                            "nation framework", "framework dashboard"}),
            t.names.end());
  TermSet body = Terms("the Department of Health and Social Care");
  EXPECT_NE(std::find(body.names.begin(), body.names.end(), Name{"depart health", "health social", "social care"}),
            body.names.end());
  // A side of two words ("Social Care", "Practice Guides") is no name alone.
  EXPECT_EQ(body.names.size(), 1u);
  EXPECT_EQ(Terms("a Dashboard and Practice Guides").names.size(), 1u);
}

TEST(LinkTermsTest, IdfFavoursRareTerms) {
  TermStats stats;
  for (int i = 0; i < 20; ++i) stats.Add(Terms("care services for children"));
  stats.Add(Terms("kinship care for children"));
  EXPECT_GT(stats.Idf("kinship"), stats.Idf("care") + 2);
  EXPECT_GT(stats.Idf("kinship care"), stats.Idf("care servic"));
  EXPECT_GT(stats.Idf("never seen"), stats.Idf("kinship") - 1e-9);
}

// -------------------------------------------------------------- authority

TEST(LinkAuthorityTest, InferredFromTheOpening) {
  struct Case {
    const char* title;
    const char* first;
    Authority want;
  } cases[] = {
      {"Children's social care reform: implementation strategy", "This briefing outlines the strategy",
       Authority::kBriefing},
      {"STABLE HOMES: IMPLEMENTATION STRATEGY", "REPORT OF THE DIRECTOR OF CHILDREN AND FAMILY SERVICES",
       Authority::kLocal},
      {"Clean Air for Every Community: the National Air Quality Strategy",
       "Presented to Parliament, 14 January 2025.", Authority::kNational},
      {"Minutes of the Cabinet", "Present: Councillor Smith", Authority::kLocal},
      {"Notes", "Some text without a kind", Authority::kBriefing},
      // A department on a line of its own publishes the plan; named in a
      // sentence, it is what a briefing or a news story speaks of.
      {"Smokefree Futures: The Tobacco Control Plan for England", "Department of Health and Social Care",
       Authority::kNational},
      {"Council's bus plan attacked",
       "The Department for Transport said the plan would be reviewed by the county's officers.",
       Authority::kBriefing},
  };
  for (const Case& c : cases) {
    Document doc;
    doc.title = c.title;
    Passage p;
    p.n = 1;
    p.text = c.first;
    doc.passages.push_back(p);
    EXPECT_EQ(InferAuthority(doc), c.want) << c.title;
  }
  // A web page printed to PDF opens with its site's banner and menu: the
  // menu's items do not crowd out the paragraph that says what the paper is
  // (the banner advertises another body's white paper).
  Document page;
  page.title = "Children's social care reform: implementation strategy | Local Government Association";
  for (const char* text : {"Resetting the relationship between local and national government. Read our White Paper",
                           "Topics", "Our support", "Publications", "About", "Parliament", "Events", "Search",
                           "Children and young people", "Introduction",
                           "On 2 February 2023, the Department for Education published its response to three reports.",
                           "The report consists of an implementation strategy and a consultation on its proposals.",
                           "Two further consultations were published on the workforce and a national framework.",
                           "This briefing outlines the content of the strategy and an initial view as a basis for "
                           "discussion with members."}) {
    Passage p;
    p.n = static_cast<int>(page.passages.size()) + 1;
    p.text = text;
    page.passages.push_back(p);
  }
  EXPECT_EQ(InferAuthority(page), Authority::kBriefing);

  EXPECT_EQ(ParseAuthority("national"), Authority::kNational);
  EXPECT_EQ(ParseAuthority("nonsense"), std::nullopt);
  EXPECT_EQ(AuthorityName(Authority::kLocal), "local");
}

TEST(LinkShortWordingTest, CutsAtAWord) {
  EXPECT_EQ(ShortWording("short", 10), "short");
  EXPECT_EQ(ShortWording("£45 million to deliver the Families First programme", 24),
            "£45 million to deliver…");
}

// --------------------------------------------------------- hand-built data

struct P {
  PassageKind kind;
  std::string section;
  std::string label;
  std::string text;
  Stance stance = Stance::kNeutral;
};

LinkInput MakeDoc(int64_t id, const std::string& path, const std::string& title,
                  const std::vector<P>& passages, std::optional<Authority> authority = {}) {
  LinkInput in;
  in.id = id;
  in.doc.path = path;
  in.doc.title = title;
  in.authority = authority;
  int n = 0;
  for (const P& p : passages) {
    Passage passage;
    passage.n = ++n;
    passage.kind = p.kind;
    passage.section = p.section;
    passage.label = p.label;
    passage.text = p.text;
    in.tags.push_back(ToLinkTags(testing::StandInTags(passage)));
    in.stances.push_back(p.stance);
    in.doc.passages.push_back(std::move(passage));
  }
  return in;
}

constexpr PassageKind kItem = PassageKind::kListItem;
constexpr PassageKind kPara = PassageKind::kParagraph;

// A small transport strategy, a council report on it and unrelated filler
// passages that make the corpus statistics meaningful.
std::vector<LinkInput> TransportCorpus() {
  std::vector<LinkInput> docs;
  docs.push_back(MakeDoc(
      1, "strategy.md", "National Rural Transport Strategy",
      {
          {kItem, "Commitments", "", "£30 million for the Rural Bus Recovery Fund to restore evening services."},
          {kItem, "Commitments", "", "£12 million to expand the Community Transport Minibus Scheme by 2026."},
          {kItem, "Commitments", "", "The concessionary fare for young people will rise from £1,000 to £1,500 a year."},
          {kItem, "Commitments", "", "The Government will publish guidance on demand-responsive transport by Spring 2025."},
          {kPara, "Buses", "", "The Rural Bus Recovery Fund will restore evening and Sunday services that were withdrawn."},
          {kPara, "Roads", "", "Road maintenance remains a matter for highway authorities."},
          {kPara, "Rail", "", "Rail services are outside the scope of this strategy."},
      },
      Authority::kNational));
  docs.push_back(MakeDoc(
      2, "council.md", "Report of the Director",
      {
          {kPara, "Buses", "1", "The Rural Bus Recovery Fund, worth £25 million according to the consultation, would let us restore evening services.",
           Stance::kWelcomes},
          {kPara, "Minibuses", "2", "Of the £12 million for the Community Transport Minibus Scheme, £2 million is expected in the county."},
          {kPara, "Fares", "3", "The concessionary fare for young people increases from £1,000 to £1,500."},
          {kPara, "Roads", "4", "The £30 million road maintenance programme for the county was approved by Cabinet."},
          {kPara, "Local", "5", "The Council will review its parking charges by March 2026."},
          {kPara, "Other", "6", "Members are asked to note the report."},
          {kPara, "Other", "7", "Demand-responsive transport guidance is promised by Summer 2025.", Stance::kConcerned},
      }));
  return docs;
}

const Commitment* Find(const Register& reg, std::string_view words) {
  for (const Commitment& c : reg.commitments) {
    if (c.text.find(words) != std::string::npos) return &c;
  }
  return nullptr;
}

// How many entries are worded with `words`.
int EntriesWorded(const Register& reg, std::string_view words) {
  int n = 0;
  for (const Commitment& c : reg.commitments) n += c.text.find(words) != std::string::npos;
  return n;
}

size_t IndexOf(const Register& reg, const Commitment* c) {
  return static_cast<size_t>(c - reg.commitments.data());
}

bool Linked(const Register& reg, const Commitment* c, int64_t doc, int passage) {
  for (const Link& l : reg.links) {
    if (l.commitment == IndexOf(reg, c) && l.passage.doc == doc && l.passage.passage == passage) {
      return true;
    }
  }
  return false;
}

TEST(LinkRegisterTest, OneEntryPerUndertakingWordedFromTheStrategyList) {
  Register reg = BuildRegister(TransportCorpus());
  const Commitment* fund = Find(reg, "Rural Bus Recovery Fund");
  ASSERT_NE(fund, nullptr);
  EXPECT_EQ(fund->text, "£30 million for the Rural Bus Recovery Fund to restore evening services.");
  EXPECT_EQ(fund->source.doc, 1);
  EXPECT_EQ(fund->source.passage, 1);
  // The strategy's prose about the fund is a second mention of the same entry.
  EXPECT_NE(std::find(fund->mentions.begin(), fund->mentions.end(), PassageRef{1, 5}),
            fund->mentions.end());
  int fund_entries = 0;
  for (const Commitment& c : reg.commitments) {
    fund_entries += c.text.find("Bus Recovery") != std::string::npos;
  }
  EXPECT_EQ(fund_entries, 1);
  ASSERT_EQ(fund->money.size(), 1u);
  EXPECT_EQ(*fund->money[0].amount, 30e6);
  // Ids run in register order.
  EXPECT_EQ(reg.commitments.front().id, "C1");
}

TEST(LinkRegisterTest, CouncilUndertakingsAreLocalAndKeptApart) {
  Register reg = BuildRegister(TransportCorpus());
  const Commitment* parking = Find(reg, "parking charges");
  ASSERT_NE(parking, nullptr);
  EXPECT_TRUE(parking->local);
  EXPECT_EQ(parking->actor, "the Council");
  // Local entries come after national ones.
  EXPECT_EQ(&reg.commitments.back(), parking);
  EXPECT_FALSE(Find(reg, "Rural Bus Recovery Fund")->local);
}

// The transport corpus with one more paper (id 3) whose tags come from the
// real tagger: its actors ("their council", "Officers") are the point.
// Tags every passage of every paper with the real tagger.
void TagEveryPassage(std::vector<LinkInput>* docs) {
  Tagger tagger;
  for (LinkInput& in : *docs) {
    for (size_t i = 0; i < in.doc.passages.size(); ++i) in.tags[i] = ToLinkTags(tagger.Find(in.doc.passages[i].text));
  }
}

Register WithTaggedPaper(const std::string& title, const std::vector<P>& passages, Authority authority) {
  std::vector<LinkInput> docs = TransportCorpus();
  docs.push_back(MakeDoc(3, "paper.md", title, passages, authority));
  Tagger tagger;
  for (size_t i = 0; i < docs.back().doc.passages.size(); ++i) {
    docs.back().tags[i] = ToLinkTags(tagger.Find(docs.back().doc.passages[i].text));
  }
  return BuildRegister(docs);
}

// Every passage of paper 3 is a mention of some entry, and every such entry
// is local or not as `local` says.
// Returns the number of entries they are mentions of.
size_t ExpectPaperMentionsAre(const Register& reg, bool local, size_t passages) {
  std::set<int> mentioned;
  size_t entries = 0;
  for (const Commitment& c : reg.commitments) {
    bool counted = false;
    for (const PassageRef& m : c.mentions) {
      if (m.doc != 3) continue;
      mentioned.insert(m.passage);
      EXPECT_EQ(c.local, local) << c.text << " (actor " << c.actor << ")";
      if (!counted) ++entries;
      counted = true;
    }
  }
  EXPECT_EQ(mentioned.size(), passages);
  return entries;
}

// A list item's actor is its opening sentence's: the subject of a later
// sentence ("Work will start ...") does not act for the whole item.
TEST(LinkRegisterTest, AListItemsActorIsItsOpeningSentences) {
  Register reg = WithTaggedPaper(
      "National Clean Air Strategy",
      {
          {kItem, "Commitments", "",
           "A clean air pathfinder programme to test low-emission zones in market towns. Work will start with early "
           "adopters in Spring 2026."},
          {kItem, "Commitments", "", "The Environment Agency will publish new monitoring guidance by Autumn 2026."},
      },
      Authority::kNational);
  const Commitment* pathfinder = Find(reg, "clean air pathfinder");
  ASSERT_NE(pathfinder, nullptr);
  EXPECT_EQ(pathfinder->actor, "unspecified");
  EXPECT_EQ(pathfinder->modality, "will");
  const Commitment* guidance = Find(reg, "monitoring guidance");
  ASSERT_NE(guidance, nullptr);
  EXPECT_EQ(guidance->actor, "Environment Agency");
}

// Untagged items of a list of commitments or next steps are undertakings when
// they say what: "Questions and discussion" at the end of a briefing's next
// steps is no entry, "A clean air pathfinder programme to test zones" is.
TEST(LinkRegisterTest, AnAgendaLineUnderNextStepsIsNoEntry) {
  Register reg = WithTaggedPaper(
      "Cabinet Member Briefing",
      {
          {kItem, "Next steps", "", "A clean air pathfinder programme to test low-emission zones in market towns."},
          {kItem, "Next steps", "", "Questions and discussion"},
      },
      Authority::kNational);
  EXPECT_NE(Find(reg, "clean air pathfinder"), nullptr);
  EXPECT_EQ(Find(reg, "Questions and discussion"), nullptr);
}

// "This will ..." refers back to what came before: joining no entry, it is
// no undertaking of its own. A subject that says what it is stays one.
TEST(LinkRegisterTest, AnUndertakingSaidOfThisIsNoEntryOfItsOwn) {
  Register reg = WithTaggedPaper(
      "Report to Scrutiny",
      {
          {kPara, "Corporate parenting", "",
           "This will have consultation in Autumn 2026 and bring forward any legislative changes."},
          {kPara, "Corporate parenting", "", "This work will be supported by an updated funding proposal by 2027."},
          {kPara, "Teams", "",
           "These teams and the new lead practitioner role will be trialled in three areas by Spring 2026."},
      },
      Authority::kBriefing);
  EXPECT_EQ(Find(reg, "This will have consultation"), nullptr);
  EXPECT_EQ(Find(reg, "This work will be supported"), nullptr);
  EXPECT_NE(Find(reg, "These teams and the new lead practitioner role"), nullptr);
}

// In a paper that words no national undertakings (a report, a news story),
// "The money ..." or "The scheme ..." (the subject "the" and a word for a
// fund, a scheme or a duty) also refers back to a thing named before: "The
// money is the district's share of a national pot ..." joining no entry is
// no undertaking of its own. "The council will ..." (a body) stays one; so
// does a plan's own "The fund will ..." (TheFundInTheNextParagraph...).
TEST(LinkRegisterTest, AnUndertakingSaidOfTheMoneyIsNoEntryOfItsOwn) {
  Register reg = WithTaggedPaper(
      "Weekly bins for every home",
      {
          {kPara, "Weekly bins for every home", "",
           "The money is the district's share of a national pot for food waste caddies, and will "
           "be used to "
           "buy 40,000 kitchen caddies for flats."},
          {kPara, "Weekly bins for every home", "",
           "The scheme will also pay for two new collection vehicles by March 2027."},
          {kPara, "Weekly bins for every home", "",
           "The council will start weekly collections by April 2027."},
      },
      Authority::kBriefing);
  EXPECT_EQ(Find(reg, "The money is the district's share"), nullptr);
  EXPECT_EQ(Find(reg, "The scheme will also pay"), nullptr);
  EXPECT_NE(Find(reg, "The council will start weekly collections"), nullptr);
}

// A table of commitments under "What we will do" is read as a list: each
// row giving a sum or a date is an entry of its own, worded from the row,
// and the prose that restates it joins it. The header row and a row's
// last line carried over a page are no entries.
TEST(LinkRegisterTest, RowsOfATableOfCommitmentsAreItsItems) {
  constexpr PassageKind kRow = PassageKind::kTableCell;
  Register reg = WithTaggedPaper(
      "A National Plan for Early Years",
      {
          {kRow, "What we will do", "", "Commitment | What we will do | Funding | When"},
          {kRow, "What we will do", "",
           "Childminder Start-up Grant | Pay £1,200 to each new childminder who registers with "
           "Ofsted | £28 million "
           "| April 2027 to March 2029"},
          {kRow, "What we will do", "",
           "School-Based Nurseries Fund | Open 1,000 new nurseries in primary schools | £150 "
           "million | By "
           "September 2029"},
          {kRow, "What we will do", "", "hour | 2027/28 | 2027"},
          {kPara, "Childminders", "4.1",
           "The Childminder Start-up Grant will pay £1,200 to each new childminder who registers "
           "with Ofsted from "
           "April 2027."},
      },
      Authority::kNational);
  const Commitment* grant = Find(reg, "Childminder Start-up Grant | Pay");
  ASSERT_NE(grant, nullptr);
  EXPECT_NE(Find(reg, "School-Based Nurseries Fund | Open"), nullptr);
  EXPECT_EQ(Find(reg, "Commitment | What we will do"), nullptr);
  EXPECT_EQ(Find(reg, "hour | 2027/28"), nullptr);
  EXPECT_EQ(Find(reg, "The Childminder Start-up Grant will pay"), nullptr);
  EXPECT_EQ(grant->mentions.size(), 2u);
}

// A later sentence of a paragraph naming a fund that writes "the fund"
// goes on about it, though it gives none of the fund's sums or dates; one
// that does not is an undertaking of its own.
TEST(LinkRegisterTest, TheFundLaterInItsParagraphIsTheNamedOne) {
  Register reg = WithTaggedPaper("A National Plan for Early Years",
                                 {
                                     {kPara, "Nurseries", "4.3",
                                      "The School-Based Nurseries Fund will provide £150 million "
                                      "to open 1,000 new nurseries in primary "
                                      "schools by September 2029. Schools will bid to the fund in "
                                      "three waves, the first closing in June "
                                      "2027. The Department will publish guidance on admissions to "
                                      "nursery classes in May 2027."},
                                 },
                                 Authority::kNational);
  const Commitment* fund = Find(reg, "School-Based Nurseries Fund will provide");
  ASSERT_NE(fund, nullptr);
  EXPECT_EQ(Find(reg, "Schools will bid to the fund"), nullptr);
  EXPECT_NE(Find(reg, "The Department will publish guidance on admissions"), nullptr);
}

// "The fund will ..." in the paragraph after one naming a fund, under the
// same heading, is that fund's undertaking, not one of its own; under
// another heading it is not resolved.
TEST(LinkRegisterTest, TheFundInTheNextParagraphIsTheNamedOne) {
  Register reg = WithTaggedPaper(
      "A National Plan for Local Buses",
      {
          {kPara, "Cleaner buses", "4.1",
           "The Clean Fleet Bus Fund will invest £450 million to replace 3,000 diesel buses by March 2030."},
          {kPara, "Cleaner buses", "4.2",
           "Authorities will bid with their operators. The fund will meet up to 75 per cent of the extra cost of a "
           "zero emission bus."},
          {kPara, "Rural services", "5.1", "The fund will pay for new minibuses in rural villages from 2027."},
      },
      Authority::kNational);
  const Commitment* fund = Find(reg, "Clean Fleet Bus Fund will invest");
  ASSERT_NE(fund, nullptr);
  EXPECT_EQ(Find(reg, "The fund will meet up to 75 per cent"), nullptr);
  const auto from_paper = std::count_if(fund->mentions.begin(), fund->mentions.end(),
                                        [](const PassageRef& r) { return r.doc == 3; });
  EXPECT_EQ(from_paper, 2);
  EXPECT_NE(Find(reg, "The fund will pay for new minibuses"), nullptr);
}

// A later sentence that gives the programme's own date goes on about it
// even when the programme is named in the paragraph before, under the same
// heading ("2.2 ... Each authority's allocations ... will be published by
// January 2026" after "2.1 The Local Roads Maintenance Fund ..."), and a
// month inside the programme's own period of years is its date too ("The
// first round will open in May 2026" of a fund for 2026/27 to 2028/29).
// Under another heading, or with a month outside the period, it is an
// undertaking of its own, unless its subject is a part of what the
// programme pays out ("The second round will close ...", "Allocations are
// set by a formula ..."), which is the programme's whatever its date.
TEST(LinkRegisterTest, ALaterSentenceWithTheProgrammesDateOrAMonthInItsYearsIsIt) {
  Register reg = WithTaggedPaper(
      "Local roads maintenance plan",
      {
          {kPara, "A five-year settlement", "2.1",
           "We will provide £7.3 billion through the Local Roads Maintenance Fund and publish every authority's "
           "allocations by January 2026."},
          {kPara, "A five-year settlement", "2.2",
           "Allocations are set by a formula based on the length of each network. Each authority's allocations "
           "for the four years will be published by January 2026."},
          {kPara, "Resilience", "7.1",
           "We will provide £400 million through the Highways Resilience Fund from 2026/27 to 2028/29 to improve "
           "drainage."},
          {kPara, "Resilience", "7.2",
           "Priority will go to roads that carry buses. The first round will open in May 2026. Councils will "
           "report on drainage in May 2030. The second round will close in May 2030."},
          {kPara, "Next steps", "8.1", "Each authority will report on its bids in March 2027."},
      },
      Authority::kNational);
  const Commitment* fund = Find(reg, "Local Roads Maintenance Fund");
  ASSERT_NE(fund, nullptr);
  EXPECT_EQ(Find(reg, "Each authority's allocations for the four years"), nullptr);
  EXPECT_NE(Find(reg, "Each authority will report on its bids"), nullptr);
  EXPECT_EQ(Find(reg, "The first round will open in May 2026"), nullptr);
  EXPECT_NE(Find(reg, "Councils will report on drainage in May 2030"), nullptr);
  EXPECT_EQ(Find(reg, "The second round will close in May 2030"), nullptr);
  const Commitment* resilience = Find(reg, "Highways Resilience Fund");
  ASSERT_NE(resilience, nullptr);
  EXPECT_EQ(resilience->mentions.size(), 2u);  // 7.1 and 7.2, whose rounds are both its
}

// A later sentence of a plan's paragraph whose actor the programme named
// before it serves or pays (a passive, "every school", "classes") says how
// the programme works: it joins the programme, the one whose name the
// paragraph writes most of, and its own sums are not the programme's. The
// plan's own voice ("We will ...") and a sentence naming another thing
// undertake something of their own.
TEST(LinkRegisterTest, ALaterSentenceOnThoseAProgrammeServesIsIt) {
  Register reg = WithTaggedPaper(
      "Special educational needs plan",
      {
          {kPara, "Mainstream schools", "3.1",
           "The Inclusion in Mainstream Grant will give mainstream schools £300 million a year from September "
           "2027. Every school will receive a minimum of £20,000 a year."},
          {kPara, "Mainstream schools", "3.2",
           "The Mainstream Teaching Fund will pay for training. Classes will be held in every county. We will "
           "publish new national standards for teaching assistants by March 2028. Schools will "
           "join the Reading Recovery Network from May 2027."},
      },
      Authority::kNational);
  const Commitment* grant = Find(reg, "Inclusion in Mainstream Grant");
  ASSERT_NE(grant, nullptr);
  EXPECT_EQ(Find(reg, "Every school will receive"), nullptr);
  EXPECT_EQ(grant->money.size(), 1u);  // £300 million a year, not the £20,000 each school receives
  const Commitment* fund = Find(reg, "Mainstream Teaching Fund");
  ASSERT_NE(fund, nullptr);
  EXPECT_EQ(Find(reg, "Classes will be held"), nullptr);
  EXPECT_NE(Find(reg, "We will publish new national standards"), nullptr);
  EXPECT_NE(Find(reg, "Reading Recovery Network"), nullptr);
}

TEST(LinkRegisterTest, AnyCouncilInANationalPaperIsNotALocalUndertaking) {
  Register reg = WithTaggedPaper(
      "National Care Charging Policy",
      {
          {kPara, "The cap", "", "Once a person reaches the cap, their council will pay for their personal care."},
          {kPara, "Charges", "", "Each local authority will publish its charges for home care by April 2027."},
          {kPara, "Assessment", "", "The council will assess every resident who asks for help with savings."},
      },
      Authority::kNational);
  // Three undertakings that share words ("council", "care") but no phrase
  // stay three entries.
  EXPECT_EQ(ExpectPaperMentionsAre(reg, /*local=*/false, 3), 3u);
  // The council's own paper still speaks for itself.
  const Commitment* parking = Find(reg, "parking charges");
  ASSERT_NE(parking, nullptr);
  EXPECT_TRUE(parking->local);
}

// Two undertakings of one paper with different deadlines stay two, though
// they share the paper's subject ("flood risk").
TEST(LinkRegisterTest, OnePapersUndertakingsWithDifferentDeadlinesAreTwo) {
  Register reg = WithTaggedPaper(
      "Report to Cabinet: flood risk",
      {
          {kPara, "Staff", "1", "The Council will recruit two additional flood risk officers by September 2026."},
          {kPara, "Strategy", "2", "The Council will publish an updated Local Flood Risk Management Strategy by March 2027."},
          {kPara, "Reserve", "3", "The flood risk reserve holds the funding for flood risk work."},
          {kPara, "Reserve", "4", "Members asked about flood risk on the coast."},
      },
      Authority::kLocal);
  EXPECT_EQ(ExpectPaperMentionsAre(reg, /*local=*/true, 2), 2u);
}

TEST(LinkRegisterTest, ACouncilsOfficersAndItsOwnSchemesAreItsUndertakings) {
  Register reg = WithTaggedPaper(
      "Report to Cabinet",
      {
          {kPara, "Advice", "1", "Officers will work with the Citizens Advice service so that residents are referred early."},
          {kPara, "Carers", "2", "The Council's own Carers Support Grant of up to £500 a year will continue unchanged."},
          // Its department, named bare: a government department has a name.
          {kPara, "Response", "3", "The Department will be developing a response to the consultation by May 2026."},
          // A county, district, city or borough council calls itself by
          // its kind of place.
          {kPara, "Housing", "4", "The County will support the districts' bids with data from its housing survey."},
          {kPara, "Parking", "5", "The District will review its car parking charges by April 2027."},
      },
      Authority::kLocal);
  ExpectPaperMentionsAre(reg, /*local=*/true, 5);
  // A national paper's officers are not a council's.
  EXPECT_FALSE(Find(reg, "Rural Bus Recovery Fund")->local);
}

TEST(LinkRegisterTest, LinksParaphraseButNotASharedSumAlone) {
  Register reg = BuildRegister(TransportCorpus());
  const Commitment* fund = Find(reg, "Rural Bus Recovery Fund");
  const Commitment* minibus = Find(reg, "Minibus Scheme");
  const Commitment* guidance = Find(reg, "demand-responsive");
  ASSERT_TRUE(fund && minibus && guidance);
  EXPECT_TRUE(Linked(reg, fund, 2, 1));
  EXPECT_TRUE(Linked(reg, minibus, 2, 2));
  EXPECT_TRUE(Linked(reg, guidance, 2, 7));
  // "£30 million road maintenance" shares the sum, not the subject.
  EXPECT_FALSE(Linked(reg, fund, 2, 4));
  EXPECT_FALSE(Linked(reg, fund, 2, 6));
  EXPECT_FALSE(Linked(reg, minibus, 2, 1));
  // Every link carries its evidence.
  for (const Link& l : reg.links) {
    if (l.commitment == IndexOf(reg, fund) && l.passage.doc == 2) {
      EXPECT_FALSE(l.evidence.phrases.empty());
      EXPECT_GT(l.score, 0.3);
    }
  }
}

TEST(LinkRegisterTest, StanceOfTheDiscussingPassages) {
  Register reg = BuildRegister(TransportCorpus());
  const Commitment* fund = Find(reg, "Rural Bus Recovery Fund");
  const Commitment* guidance = Find(reg, "demand-responsive");
  auto stance_of = [&](const Commitment* c, int64_t doc) {
    for (const DocumentStance& s : reg.stances) {
      if (s.commitment == IndexOf(reg, c) && s.doc == doc) return s.stance;
    }
    return Stance::kQuestions;  // absent: a value no test expects
  };
  EXPECT_EQ(stance_of(fund, 2), Stance::kWelcomes);
  EXPECT_EQ(stance_of(fund, 1), Stance::kNeutral);
  EXPECT_EQ(stance_of(guidance, 2), Stance::kConcerned);
}

TEST(LinkRegisterTest, ConflictsButNotPartsOrBeforeAndAfter) {
  Register reg = BuildRegister(TransportCorpus());
  const Commitment* fund = Find(reg, "Rural Bus Recovery Fund");
  const Commitment* minibus = Find(reg, "Minibus Scheme");
  const Commitment* fare = Find(reg, "concessionary fare");
  const Commitment* guidance = Find(reg, "demand-responsive");
  bool fund_money = false, guidance_date = false;
  for (const Conflict& k : reg.conflicts) {
    EXPECT_NE(k.commitment, IndexOf(reg, minibus)) << "part of a whole is no conflict";
    EXPECT_NE(k.commitment, IndexOf(reg, fare)) << "from/to is no conflict";
    if (k.commitment == IndexOf(reg, fund) && k.field == "money") {
      fund_money = true;
      ASSERT_EQ(k.values.size(), 2u);
      EXPECT_EQ(*k.values[0].amount, 30e6);
      EXPECT_EQ(*k.values[1].amount, 25e6);
      EXPECT_EQ(k.values[1].passage, (PassageRef{2, 1}));
    }
    if (k.commitment == IndexOf(reg, guidance) && k.field == "date") {
      guidance_date = true;
      EXPECT_EQ(k.values[0].text, "by Spring 2025");
      EXPECT_EQ(k.values[1].text, "by Summer 2025");
    }
  }
  EXPECT_TRUE(fund_money);
  EXPECT_TRUE(guidance_date);
}

TEST(LinkRegisterTest, TwoItemsOfOneListNeverMerge) {
  std::vector<LinkInput> docs = {MakeDoc(
      1, "s.md", "A strategy",
      {
          {kItem, "Commitments", "", "A consultation on the Working Together guidance will launch in Spring 2023."},
          {kItem, "Commitments", "", "Updated guidance on information sharing will be consulted on alongside the Working Together consultation."},
      },
      Authority::kNational)};
  Register reg = BuildRegister(docs);
  EXPECT_EQ(reg.commitments.size(), 2u);
}

// A programme named at the end of several undertakings ("... will be
// trialled through the Green Lanes Pathfinder") is their context; the one
// undertaking whose wording opens with the name is about it, and a passage
// naming the programme discusses that one even when it shares little else.
TEST(LinkRegisterTest, ANameIsDistinctiveOfTheWordingThatOpensWithIt) {
  std::vector<P> filler;
  for (int i = 0; i < 120; ++i) {
    filler.push_back({kPara, "Minutes", "", "Item " + std::to_string(i) +
                                                ": the committee noted the accounts and the register of interests."});
  }
  std::vector<LinkInput> docs = {
      MakeDoc(1, "strategy.md", "National Rural Transport Strategy",
              {
                  {kItem, "Commitments", "", "A Green Lanes Pathfinder programme to test quiet cycle routes between rural villages, starting in Spring 2025."},
                  {kItem, "Commitments", "", "Cycle training for adults will be trialled through the Green Lanes Pathfinder."},
                  {kItem, "Commitments", "", "Village speed limits will be reviewed alongside the Green Lanes Pathfinder."},
                  {kItem, "Commitments", "", "Bridleway signage will be tested with riders in the Green Lanes Pathfinder."},
              },
              Authority::kNational),
      MakeDoc(2, "council.md", "Report of the Director",
              {{kPara, "Transport", "1", "The Green Lanes Pathfinder will rely on volunteers from each parish."}}),
      MakeDoc(3, "minutes.md", "Minutes", filler)};
  Register reg = BuildRegister(docs);
  const Commitment* pathfinder = Find(reg, "A Green Lanes Pathfinder programme");
  const Commitment* speed = Find(reg, "Village speed limits");
  ASSERT_TRUE(pathfinder && speed);
  EXPECT_TRUE(Linked(reg, pathfinder, 2, 1));
  EXPECT_FALSE(Linked(reg, speed, 2, 1));
}

// Two unrelated papers can share a turn of phrase: one common phrase, not a
// name, with nothing else in common, is not a discussion.
TEST(LinkRegisterTest, OneSharedTurnOfPhraseIsNotEnough) {
  std::vector<P> filler;
  for (int i = 0; i < 40; ++i) {
    filler.push_back({kPara, "Minutes", "", "Item " + std::to_string(i) + ": the accounts were noted."});
  }
  filler.push_back({kPara, "Staffing", "", "Members asked about the professional development of planning officers."});
  std::vector<LinkInput> docs = {
      MakeDoc(1, "strategy.md", "National Rural Transport Strategy",
              {
                  {kItem, "Commitments", "", "Bus drivers will receive professional development through a national scheme."},
                  {kItem, "Commitments", "", "£30 million for the Rural Bus Recovery Fund to restore evening services."},
              },
              Authority::kNational),
      MakeDoc(2, "minutes.md", "Minutes of the Planning Committee", filler)};
  const int staffing = static_cast<int>(filler.size());
  LinkOptions loose;
  loose.single_phrase_words = 0;
  Register without_rule = BuildRegister(docs, loose);
  const Commitment* drivers = Find(without_rule, "Bus drivers");
  ASSERT_NE(drivers, nullptr);
  ASSERT_TRUE(Linked(without_rule, drivers, 2, staffing));  // the case the rule is for
  Register reg = BuildRegister(docs);
  EXPECT_FALSE(Linked(reg, Find(reg, "Bus drivers"), 2, staffing));
}

// A phrase capitalised in one list ("Local Authorities will ...") but
// written in lower case everywhere else is not a name: a passage sharing it
// does not name the undertaking.
// 150 routine items of minutes: statistics in which the words of the
// passages a test adds after them are rare.
std::vector<P> RoutineMinutes() {
  std::vector<P> minutes;
  for (int i = 0; i < 150; ++i) {
    minutes.push_back({kPara, "Minutes", "", "Item " + std::to_string(i) + ": the accounts were noted."});
  }
  return minutes;
}

// A national strategy listing `item` and a bus fund, beside minutes of 150
// routine items followed by `extra`: statistics in which the words of the
// extra passages are rare. *last is the number of the minutes' last passage.
Register StrategyBesideMinutes(const std::string& item, const std::vector<P>& extra, int* last) {
  std::vector<P> minutes = RoutineMinutes();
  minutes.insert(minutes.end(), extra.begin(), extra.end());
  *last = static_cast<int>(minutes.size());
  return BuildRegister({MakeDoc(1, "strategy.md", "National Strategy",
                                {
                                    {kItem, "Commitments", "", item},
                                    {kItem, "Commitments", "", "£30 million for the Rural Bus Recovery Fund to restore evening services."},
                                },
                                Authority::kNational),
                        MakeDoc(2, "minutes.md", "Minutes of the Committee", minutes)});
}

TEST(LinkRegisterTest, CapitalsOfOneListAreNotAName) {
  std::vector<P> extra;
  for (int i = 0; i < 3; ++i) {
    extra.push_back({kPara, "Matters", "", "Officers met local authorities about item " + std::to_string(i) + "."});
  }
  extra.push_back({kPara, "Waste", "", "Local Authorities and parish councils met to discuss bins."});
  int last = 0;
  Register reg = StrategyBesideMinutes("Local Authorities will publish rural travel plans by 2026.", extra, &last);
  const Commitment* plans = Find(reg, "rural travel plans");
  ASSERT_NE(plans, nullptr);
  EXPECT_FALSE(Linked(reg, plans, 2, last));
}

TEST(LinkRegisterTest, ANameWrittenInLowerCaseIsNotNamed) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "Practice Guides will set out the best evidenced approaches to achieving outcomes.",
      {{kPara, "Fathers", "", "Our father-inclusive practice guide was launched with partners."},
       {kPara, "Guides", "", "Members welcomed the Practice Guides."}},
      &last);
  const Commitment* guides = Find(reg, "Practice Guides will");
  ASSERT_NE(guides, nullptr);
  EXPECT_TRUE(Linked(reg, guides, 2, last));       // names them
  EXPECT_FALSE(Linked(reg, guides, 2, last - 1));  // uses their words for something else
}

// A name the strategy writes once weighs nothing as a term (no other passage
// shares it), but the undertaking is still about the named programme: a
// minutes passage that shares the wording's other words ("independent
// schools", "children") and none of the name needs more of them; one that
// writes the name discusses it.
TEST(LinkRegisterTest, ANameWrittenOnceStillSaysWhatTheUndertakingIsAbout) {
  const std::string item =
      "The Broadening Education Pathways programme will be expanded to support children in care into "
      "independent schools.";
  const std::vector<P> extra = {
      {kPara, "Schools", "", "Members noted that children in care leaving independent schools for the "
                             "maintained sector added to the demand for school places."},
      {kPara, "Schools", "", "The plan forecasts places for children leaving independent schools."},
      {kPara, "Care", "", "Officers welcomed the wider Education Pathways offer to support children in care "
                          "into independent schools."}};
  int last = 0;
  Register reg = StrategyBesideMinutes(item, extra, &last);
  const Commitment* pathways = Find(reg, "Broadening Education Pathways programme");
  ASSERT_NE(pathways, nullptr);
  EXPECT_FALSE(Linked(reg, pathways, 2, last - 2));
  EXPECT_FALSE(Linked(reg, pathways, 2, last - 1));
  EXPECT_TRUE(Linked(reg, pathways, 2, last));
}

// A phrase the passage writes inside another thing's proper name is not the
// wording's: "Adult Social Care" shares "social care" with "children's social
// care" and is another service.
TEST(LinkRegisterTest, APhraseInsideAnotherProperNameIsNotShared) {
  const std::string item = "The Government will fund children's social care workforce reform in every region.";
  const std::vector<P> extra = {
      {kPara, "Budget", "", "The budget funded Adult Social Care in the region."},
      {kPara, "Budget", "", "Members asked how children's social care workforce reform would reach the county."}};
  int last = 0;
  Register reg = StrategyBesideMinutes(item, extra, &last);
  const Commitment* reform = Find(reg, "children's social care workforce reform");
  ASSERT_NE(reform, nullptr);
  EXPECT_FALSE(Linked(reg, reform, 2, last - 1));
  EXPECT_TRUE(Linked(reg, reform, 2, last));
}

// The same when the passage's name goes on from the phrase to another word:
// "the Temporary Accommodation Acquisition Programme" is not "the temporary
// accommodation subsidy".
TEST(LinkRegisterTest, APhraseOpeningAnotherProperNameIsNotShared) {
  const std::string item =
      "The temporary accommodation subsidy paid to councils for homeless families will rise to £140 a week.";
  const std::vector<P> extra = {
      {kPara, "Budget", "", "The Temporary Accommodation Acquisition Programme is paid to councils."},
      {kPara, "Budget", "", "Members asked when the temporary accommodation subsidy paid to councils would rise."}};
  int last = 0;
  Register reg = StrategyBesideMinutes(item, extra, &last);
  const Commitment* subsidy = Find(reg, "temporary accommodation subsidy");
  ASSERT_NE(subsidy, nullptr);
  EXPECT_FALSE(Linked(reg, subsidy, 2, last - 1));
  EXPECT_TRUE(Linked(reg, subsidy, 2, last));
}

// Nor is a phrase the passage writes inside the title of an office a person
// holds: "the Director of Public Health presented the report" says who
// spoke, not that the public health work of the wording is discussed.
TEST(LinkRegisterTest, APhraseInsideAnOfficesTitleIsNotShared) {
  const std::string item =
      "The Government will work with directors of public health to cut smoking in pregnancy by 2030.";
  const std::vector<P> extra = {
      {kPara, "Attendance", "", "Dr Ruth Akande, Director of Public Health, presented the report."},
      {kPara, "Smoking", "", "Directors of public health and school nurses will work to cut smoking in pregnancy by 2030."}};
  int last = 0;
  Register reg = StrategyBesideMinutes(item, extra, &last);
  const Commitment* work = Find(reg, "directors of public health");
  ASSERT_NE(work, nullptr);
  EXPECT_FALSE(Linked(reg, work, 2, last - 1));
  EXPECT_TRUE(Linked(reg, work, 2, last));
}

// Those a wording says it works with are who, not what: a passage that
// shares only them ("The Minister wrote to directors of public health and
// school nurses about ...") does not discuss "We will work with directors of
// public health and school nurses to cut smoking in pregnancy".
TEST(LinkRegisterTest, ThoseAWordingWorksWithAreItsContext) {
  const std::string item =
      "We will work with directors of public health and school nurses to cut smoking in pregnancy by 2030.";
  const std::vector<P> extra = {
      {kPara, "Letters", "", "The Minister wrote to directors of public health and school nurses about vaccination."},
      {kPara, "Smoking", "", "Directors of public health and school nurses will work to cut smoking in pregnancy by 2030."}};
  int last = 0;
  Register reg = StrategyBesideMinutes(item, extra, &last);
  const Commitment* work = Find(reg, "school nurses to cut smoking");
  ASSERT_NE(work, nullptr);
  EXPECT_FALSE(Linked(reg, work, 2, last - 1));
  EXPECT_TRUE(Linked(reg, work, 2, last));
}

// "The new grant" refers to a fund described as new money ("the Tobacco
// Enforcement Fund") only in a paper that names no grant: after "the Stop
// Smoking Services Grant" it is that grant.
TEST(LinkRegisterTest, AnotherWordForAFundsKindIsAThingNamedWithIt) {
  std::vector<P> minutes = RoutineMinutes();
  std::vector<P> letter = RoutineMinutes();
  minutes.push_back({kPara, "Smoking", "", "Members welcomed the Stop Smoking Services Grant for the county."});
  minutes.push_back({kPara, "Trading", "", "The Tobacco Enforcement Fund will pay for two officers."});
  minutes.push_back({kPara, "Resolved", "", "Members asked how the new grant would help trading standards cut tobacco sales."});
  letter.push_back({kPara, "Trading", "", "Members asked how the new grant would help trading standards cut tobacco sales."});
  Register reg = BuildRegister(
      {MakeDoc(1, "strategy.md", "National Strategy",
               {{kItem, "Commitments", "", "A Tobacco Enforcement Fund of £30 million a year for trading standards."},
                {kItem, "Commitments", "", "£30 million for the Rural Bus Recovery Fund to restore evening services."}},
               Authority::kNational),
       MakeDoc(2, "minutes.md", "Minutes of the Committee", minutes),
       MakeDoc(3, "letter.md", "Letter to the Trading Standards team", letter)});
  const Commitment* fund = Find(reg, "Tobacco Enforcement Fund of");
  ASSERT_NE(fund, nullptr);
  EXPECT_TRUE(Linked(reg, fund, 2, static_cast<int>(minutes.size()) - 1));
  EXPECT_FALSE(Linked(reg, fund, 2, static_cast<int>(minutes.size())));
  EXPECT_TRUE(Linked(reg, fund, 3, static_cast<int>(letter.size())));
}

// A word of a fund's name before another word for its kind ("capital
// money") describes the fund, unless what the money is said to be for is
// mostly what the fund's paper never writes of, two words or more: "the
// Government's new capital money for walking and cycling routes" is no School
// Kitchen Capital Fund, "the new capital money for school kitchens" is (and
// "the district's prevention allocation for deposits" the Prevention First
// Fund, ANameWordBeforeAnotherWordForItsKindIsTheFund: one word is a use).
TEST(LinkRegisterTest, MoneyForAnotherSubjectIsNoFundOfTheKind) {
  std::vector<P> kitchens = RoutineMinutes();
  std::vector<P> routes = RoutineMinutes();
  kitchens.push_back({kPara, "Schools", "", "The County welcomed the new capital money for school kitchens."});
  routes.push_back({kPara, "Travel", "",
                    "The County welcomed the new capital money for walking and cycling routes."});
  Register reg = BuildRegister(
      {MakeDoc(1, "strategy.md", "National Strategy",
               {{kItem, "Commitments", "",
                 "£180 million through the School Kitchen Capital Fund to rebuild and re-equip school kitchens "
                 "and dining halls."},
                {kItem, "Commitments", "", "Every pupil in a primary school will be offered a free lunch."},
                {kPara, "Kitchens", "", "Bids to the School Kitchen Capital Fund will open in April 2027."}},
               Authority::kNational),
       MakeDoc(2, "kitchens.md", "Report to Cabinet", kitchens), MakeDoc(3, "routes.md", "Report to Cabinet", routes)});
  const Commitment* fund = Find(reg, "School Kitchen Capital Fund to");
  ASSERT_NE(fund, nullptr);
  EXPECT_TRUE(Linked(reg, fund, 2, static_cast<int>(kitchens.size())));
  EXPECT_FALSE(Linked(reg, fund, 3, static_cast<int>(routes.size())));
}

// Further on in a paper that discussed a named scheme, "the" and a word of
// its wording no other wording holds, which the paper wrote there ("the
// vouchers"), refers back to it; in a paper that never discussed it, the
// same sentence does not.
TEST(LinkRegisterTest, TheWordingsOwnNounFurtherOnRefersBack) {
  const std::string claim = "Pregnant women who stop smoking and see their midwife each month can claim the vouchers.";
  std::vector<P> minutes = RoutineMinutes();
  std::vector<P> letter = RoutineMinutes();
  minutes.push_back({kPara, "Smoking", "", "Members welcomed the Smokefree Pregnancy Incentive Scheme and its vouchers."});
  minutes.push_back({kPara, "Buses", "", "Members asked about the Rural Bus Recovery Fund."});
  minutes.push_back({kPara, "Maternity", "", claim});
  letter.push_back({kPara, "Maternity", "", claim});
  Register reg = BuildRegister(
      {MakeDoc(1, "strategy.md", "National Strategy",
               {{kItem, "Commitments", "",
                 "A Smokefree Pregnancy Incentive Scheme giving pregnant women who stop smoking shopping vouchers "
                 "worth up to £400."},
                {kItem, "Commitments", "", "£30 million for the Rural Bus Recovery Fund to restore evening services."}},
               Authority::kNational),
       MakeDoc(2, "minutes.md", "Minutes of the Committee", minutes),
       MakeDoc(3, "letter.md", "Letter to midwives", letter)});
  const Commitment* scheme = Find(reg, "Smokefree Pregnancy Incentive Scheme giving");
  ASSERT_NE(scheme, nullptr);
  ASSERT_TRUE(Linked(reg, scheme, 2, static_cast<int>(minutes.size()) - 2));
  EXPECT_TRUE(Linked(reg, scheme, 2, static_cast<int>(minutes.size())));
  EXPECT_FALSE(Linked(reg, scheme, 3, static_cast<int>(letter.size())));
}

// A council's own undertaking beside a national programme gives its own
// deadline, not the programme's: no disagreement. A passage that dates the
// programme itself otherwise does disagree.
TEST(LinkRegisterTest, ACouncilsOwnDeadlineIsNoDisagreement) {
  const std::vector<P> extra = {
      {kPara, "Housing", "",
       "The Council will buy 30 homes by Spring 2028, subject to a bid to the Temporary Housing "
       "Acquisition Programme."},
      {kPara, "Housing", "",
       "Officers said the homes of the Temporary Housing Acquisition Programme were due by Autumn 2031 in "
       "the latest guidance."}};
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "£750 million for a Temporary Housing Acquisition Programme so that councils can buy 5,000 homes by "
      "Spring 2030.",
      extra, &last);
  const Commitment* programme = Find(reg, "£750 million");
  ASSERT_NE(programme, nullptr);
  ASSERT_TRUE(Linked(reg, programme, 2, last - 1));
  bool due_in_2031 = false;
  for (const Conflict& k : reg.conflicts) {
    for (const ValueRef& v : k.values) {
      EXPECT_EQ(v.text.find("2028"), std::string::npos) << "the council's own deadline: " << v.text;
      due_in_2031 |= k.commitment == IndexOf(reg, programme) && v.text.find("2031") != std::string::npos;
    }
  }
  EXPECT_TRUE(due_in_2031);
}

// An undertaking quoted with another figure but its own date (an article's
// "cap lifetime care costs at £80,000 from October 2027" for the strategy's
// cap of £86,000 from October 2027) is about it, though it shares few words:
// the date and the competing sum each count, and the disagreement is found.
TEST(LinkRegisterTest, ACompetingSumWithTheSameDateLinksOnFewWords) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "From Autumn 2027, a cap of £86,000 on the amount anyone will spend on their personal care over their "
      "lifetime, protecting people from unpredictable costs for residential and domestic support.",
      {{kPara, "Care", "", "Personal care at home is arranged by the residential and domestic support team."},
       {kPara, "Care", "", "Protecting people from unpredictable costs is the aim of the amount anyone may spend."},
       {kPara, "Care", "", "Residential support and domestic support for personal care were reviewed."},
       {kPara, "Press", "", "Families face unlimited bills no longer under plans to cap lifetime costs at "
                            "£80,000 from Autumn 2027."},
       {kPara, "Press", "", "Families face unlimited parking bills no longer under plans to cap charges at "
                            "£80,000 from Spring 2028."}},
      &last);
  const Commitment* cap = Find(reg, "a cap of £86,000");
  ASSERT_NE(cap, nullptr);
  EXPECT_TRUE(Linked(reg, cap, 2, last - 1));
  EXPECT_FALSE(Linked(reg, cap, 2, last));  // another sum, another date
  bool disagrees = false;
  for (const Conflict& k : reg.conflicts) {
    disagrees |= k.commitment == IndexOf(reg, cap) && k.field == "money";
  }
  EXPECT_TRUE(disagrees);
}

// The same paper in two formats (a briefing as a web page and printed to
// PDF) is one paper: a briefing that gives £27 million in its summary and £24
// million further on does not disagree with its own copy. Another paper that
// gives £24 million does disagree.
TEST(LinkRegisterTest, APaperAndItsCopyDoNotDisagree) {
  auto briefing = [](int64_t id, const std::string& path, const std::string& dash) {
    return MakeDoc(id, path, "Briefing on the fostering strategy",
                   {{kItem, "Financial commitments", "",
                     "£27 million will be invested from 2024 in a Foster Carer Recruitment Programme to boost capacity."},
                    {kPara, "Overview", "", "This briefing outlines the strategy and an initial view " + dash +
                                                " for discussion with our member councils."},
                    {kPara, "Overview", "", "The strategy covers the first phase of reform, up to the end of the "
                                            "spending review period."},
                    {kPara, "Fostering", "", "£24 million will be invested in the Foster Carer Recruitment Programme "
                                             "to boost capacity and build an evidence base."},
                    {kPara, "Fostering", "", "Councils have reported falling numbers of foster carers in every region "
                                             "for five years."},
                    {kPara, "Fostering", "", "The LGA will respond to the consultation on fostering allowances in "
                                             "the spring."},
                    {kPara, "Our view", "", "We welcome the investment but remain concerned about the pressure on "
                                            "council budgets."}},
                   Authority::kBriefing);
  };
  auto disagrees = [](const Register& reg) {
    const Commitment* programme = Find(reg, "£27 million");
    EXPECT_NE(programme, nullptr);
    bool found = false;
    for (const Conflict& k : reg.conflicts) found |= programme != nullptr && k.commitment == IndexOf(reg, programme);
    return found;
  };
  EXPECT_FALSE(disagrees(BuildRegister({briefing(1, "briefing.html", "-"), MakeDoc(3, "minutes.md", "Minutes of the Committee", RoutineMinutes())})));
  // Printed to PDF: other dashes, the same passages.
  EXPECT_FALSE(disagrees(BuildRegister({briefing(1, "briefing.html", "-"), briefing(2, "briefing.pdf", "\u2013"),
                                        MakeDoc(3, "minutes.md", "Minutes of the Committee", RoutineMinutes())})));
  // The copy changes nothing else: the same entries, worded alike, and the
  // same links (scores and evidence) for the other papers; the copy's own
  // passages link as the original's do.
  const Register one = BuildRegister({briefing(1, "briefing.html", "-"), MakeDoc(3, "minutes.md", "Minutes of the Committee", RoutineMinutes())});
  const Register two = BuildRegister({briefing(1, "briefing.html", "-"), briefing(2, "briefing.pdf", "\u2013"),
                                      MakeDoc(3, "minutes.md", "Minutes of the Committee", RoutineMinutes())});
  ASSERT_EQ(one.commitments.size(), two.commitments.size());
  for (size_t i = 0; i < one.commitments.size(); ++i) EXPECT_EQ(one.commitments[i].text, two.commitments[i].text);
  auto links_of = [](const Register& reg, int64_t doc) {
    std::vector<std::tuple<size_t, int, double, std::vector<std::string_view>, std::vector<std::string_view>, bool>> out;
    for (const Link& l : reg.links) {
      if (l.passage.doc == doc) {
        out.emplace_back(l.commitment, l.passage.passage, l.score, l.evidence.phrases, l.evidence.terms, l.evidence.states);
      }
    }
    return out;
  };
  EXPECT_EQ(links_of(one, 1), links_of(two, 1));
  EXPECT_EQ(links_of(one, 3), links_of(two, 3));
  EXPECT_EQ(links_of(two, 1).size(), links_of(two, 2).size());

  std::vector<P> minutes = RoutineMinutes();
  minutes.push_back({kPara, "Fostering", "", "Members noted the £24 million Foster Carer Recruitment Programme to "
                                             "boost capacity."});
  EXPECT_TRUE(disagrees(BuildRegister({briefing(1, "briefing.html", "-"), briefing(2, "briefing.pdf", "\u2013"),
                                       MakeDoc(3, "minutes.md", "Minutes of the Committee", minutes)})));
}

// A recommendation that cites by number the paragraph discussing an
// undertaking ("as set out in paragraph 5.2") refers to it, though its own
// words say little; the same words without the citation do not.
TEST(LinkRegisterTest, ARecommendationCitingTheParagraphThatDiscussesItLinks) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "£180 million for a Hearth Support Fund to provide 4,000 supported tenancies for people sleeping rough, "
      "with intensive support from mental health and drug services.",
      {{kPara, "Recommendations", "(c)",
        "Cabinet agreed that the County joins the districts in a single bid for supported tenancies for people "
        "sleeping rough, as set out in paragraph 5.2."},
       {kPara, "Recommendations", "(d)",
        "Cabinet agreed that the County joins the districts in a single bid for supported tenancies for people "
        "sleeping rough with the police."},
       {kPara, "Rough sleeping", "5.1", "Rough sleeping in the county has doubled in two years."},
       {kPara, "Rough sleeping", "5.2",
        "The Government's Hearth Support Fund, worth £180 million nationally, will pay for the intensive support "
        "from mental health and drug services that the tenants need. Officers propose to bid for 60 places."},
       {kPara, "Police", "6.1", "The police and the districts met about the tenancies of rough sleepers."},
       {kPara, "Police", "6.2", "Mental health services and the police agreed a protocol."}},
      &last);
  const Commitment* fund = Find(reg, "Hearth Support Fund to provide");
  ASSERT_NE(fund, nullptr);
  EXPECT_TRUE(Linked(reg, fund, 2, last - 2));  // names it
  EXPECT_TRUE(Linked(reg, fund, 2, last - 5));  // cites paragraph 5.2
  EXPECT_FALSE(Linked(reg, fund, 2, last - 4));  // the same words, no citation
}

// A paper describing a named grant in the strategy's own words, without its
// name, discusses it; a passage sharing a few of those words does not.
TEST(LinkRegisterTest, ANamedGrantDescribedInTheWordingsOwnWordsLinks) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "£3.2 billion over three years for a Local Hearth Grant, paid to councils to insulate and upgrade the homes "
      "of households on low incomes.",
      {{kPara, "Grants", "", "Officers expect the Local Hearth Grant to open in the spring."},
       {kPara, "Homes", "", "Households on low incomes were asked about their homes."},
       {kPara, "Homes", "", "Councils upgrade the homes they own every year."},
       {kPara, "Money", "", "The centrepiece of the plan is new money to insulate and upgrade the homes of "
                            "households on low incomes."},
       {kPara, "Money", "", "Councils were asked to insulate the homes of households on low incomes in the county."}},
      &last);
  const Commitment* grant = Find(reg, "Local Hearth Grant, paid");
  ASSERT_NE(grant, nullptr);
  EXPECT_TRUE(Linked(reg, grant, 2, last - 1));  // the wording's description
  EXPECT_FALSE(Linked(reg, grant, 2, last));     // a few of its words
}

// Further on in a paper that names a grant, "the grant" is that grant, until
// the paper writes of another grant.
TEST(LinkRegisterTest, TheGrantFurtherOnIsTheNamedOne) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "£3.2 billion over three years for a Local Hearth Grant, paid to councils to insulate homes.",
      {{kPara, "Matters", "", "The grant for the village hall was noted."},
       {kPara, "Grants", "", "Members welcomed the Local Hearth Grant and its timetable."},
       {kPara, "Buildings", "", "The Council's own schools will have heat pumps."},
       {kPara, "Finance", "", "The grant is paid to councils as a ring-fenced grant."},
       {kPara, "Finance", "", "Officers will bid for the heritage grant in June."},
       {kPara, "Risks", "", "The main risk is that part of the grant is left unspent."}},
      &last);
  const Commitment* grant = Find(reg, "Local Hearth Grant, paid");
  ASSERT_NE(grant, nullptr);
  EXPECT_TRUE(Linked(reg, grant, 2, last - 4));   // names it
  EXPECT_FALSE(Linked(reg, grant, 2, last - 5));  // before it is named
  EXPECT_TRUE(Linked(reg, grant, 2, last - 2));   // "the grant", two headings on
  EXPECT_FALSE(Linked(reg, grant, 2, last));      // after "the heritage grant"
}

// Once a paper has named two grants, "the grant" further on may be either:
// naming one of them again does not make it the one meant, though the
// paragraph right after the naming still refers back to it.
TEST(LinkRegisterTest, TheGrantFurtherOnIsNeitherOnceTwoAreNamed) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "£3.2 billion over three years for a Local Hearth Grant, paid to councils to insulate homes.",
      {{kPara, "Grants", "", "Members welcomed the Local Hearth Grant and its timetable."},
       {kPara, "Halls", "", "Officers will bid to the Village Halls Grant for new roofs in June."},
       {kPara, "Finance", "", "The Local Hearth Grant allocation is £2 million."},
       {kPara, "Finance", "", "The grant is paid to councils in four instalments."},
       {kPara, "Buildings", "", "The Council's own schools will have heat pumps."},
       {kPara, "Risks", "", "If the bid for the grant fails, the roofs will wait a year."}},
      &last);
  const Commitment* grant = Find(reg, "Local Hearth Grant, paid");
  ASSERT_NE(grant, nullptr);
  EXPECT_TRUE(Linked(reg, grant, 2, last - 5));  // names it
  EXPECT_TRUE(Linked(reg, grant, 2, last - 3));  // names it again
  EXPECT_TRUE(Linked(reg, grant, 2, last - 2));  // the paragraph right after
  EXPECT_FALSE(Linked(reg, grant, 2, last));     // "the grant", two headings on: either grant
}

// A paragraph of the strategy that runs over two undertakings lends each its
// own sentence: the means test does not borrow the fees fund's words
// ("gap", "home care") and link to a council's passage about fees.
TEST(LinkRegisterTest, AParagraphLendsEachSentenceToItsOwnUndertaking) {
  std::vector<P> minutes = RoutineMinutes();
  minutes.push_back({kPara, "Fees", "", "Members asked when the Fair Cost of Care Fund would open to bids."});
  minutes.push_back({kPara, "Fees", "", "Providers said the national money would not close the gap between "
                                        "fees and costs for home care in the city."});
  const int fees_passage = static_cast<int>(minutes.size());
  Register reg = BuildRegister(
      {MakeDoc(1, "strategy.md", "National Care Strategy",
               {
                   {kItem, "Commitments", "",
                    "The upper capital limit for means-tested support will rise from £23,250 to £100,000 in "
                    "October 2027."},
                   {kItem, "Commitments", "",
                    "£1.2 billion a year for a Fair Cost of Care Fund to move the fees councils pay towards the "
                    "actual cost of care."},
                   {kPara, "Protecting people", "",
                    "The more generous means-tested support will help around 250,000 more people with their "
                    "care. Of the £1.2 billion for fees, £150 million is reserved for home care, where the gap "
                    "between fees and costs is widest."},
               },
               Authority::kNational),
       MakeDoc(2, "minutes.md", "Minutes of the Committee", minutes)});
  const Commitment* means = Find(reg, "upper capital limit");
  ASSERT_NE(means, nullptr);
  EXPECT_FALSE(Linked(reg, means, 2, fees_passage));
}

// A paper refers back to a named grant by what it is, without its name.
TEST(LinkRegisterTest, ANamedGrantDescribedByWhatItIsLinks) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "The Property Flood Resilience Grant will give households up to £5,000 for flood doors, barriers and pumps.",
      {{kPara, "Grants", "", "Officers will promote the Property Flood Resilience Grant at the summer fair."},
       {kPara, "Flooding", "", "Members welcomed the new national grant for flood doors, barriers and pumps."}},
      &last);
  const Commitment* grant = Find(reg, "Property Flood Resilience Grant will");
  ASSERT_NE(grant, nullptr);
  EXPECT_TRUE(Linked(reg, grant, 2, last));
}

// Described by its head, another word of its name and its own sum ("the
// Government's £150 million programme for school streets") a programme is
// named; not where those words are another programme's name, one its paper
// never names ("the Cabinet's draft Schools Capital Programme, which would
// invest £150 million"). A body's name with the head ("the Trading Standards
// service") leaves the other words to the name.
TEST(LinkRegisterTest, ANameDescribedWithItsSumIsNotAnotherNamedThing) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "£150 million through the Safer Routes to School Programme for school streets and crossings.",
      {{kPara, "Travel", "", "Officers will apply to the Safer Routes to School Programme."},
       {kPara, "Travel", "", "The Government's £150 million programme for school streets opens in May."},
       {kPara, "Buildings", "",
        "The Committee considered the Cabinet's draft Schools Capital Programme, which would invest £150 million "
        "over ten years in new primary schools."}},
      &last);
  const Commitment* routes = Find(reg, "Safer Routes to School Programme for");
  ASSERT_NE(routes, nullptr);
  EXPECT_TRUE(Linked(reg, routes, 2, last - 1));
  EXPECT_FALSE(Linked(reg, routes, 2, last));
}

// The name of a body an undertaking works with is who, not what: a paper
// about the Integrated Care Board's own plans does not discuss it.
TEST(LinkRegisterTest, TheNameOfABodyIsNotTheUndertakingsName) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "Work will take place with NHS England to ensure all Integrated Care Boards name a lead for children's "
      "mental health.",
      {{kPara, "Health", "", "The Integrated Care Boards met in March."},
       {kPara, "Health", "", "Members noted the work of the Integrated Care Board on its hospital plan."}},
      &last);
  const Commitment* work = Find(reg, "Integrated Care Boards name a lead");
  ASSERT_NE(work, nullptr);
  EXPECT_FALSE(Linked(reg, work, 2, last));
}

// One turn of phrase ("plans to increase") shared with another paper's
// sentence on another subject does not make that sentence a restatement.
TEST(LinkRegisterTest, OneSharedTurnOfPhraseIsNoRestatement) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "The Government will publish an ambitious plan to increase the number of health visitors.",
      {{kPara, "Health", "", "Members asked how many health visitors an ambitious service needs."},
       {kPara, "Pensions", "", "Members bring forward a motion on the state pension age."},
       {kPara, "Pensions", "", "The Government will bring forward plans to increase the state pension age."}},
      &last);
  const Commitment* visitors = Find(reg, "health visitors");
  ASSERT_NE(visitors, nullptr);
  EXPECT_FALSE(Linked(reg, visitors, 2, last));
}

// One index may hold the national plans of several subjects, each with the
// papers that discuss it. The forms of words two plans share are each plan's
// own: "The Department will publish a progress report on this plan every
// year" in the bus plan and in the libraries plan are two undertakings, and
// a council report on its libraries that speaks of allocations by formula
// discusses the libraries plan's, not the bus plan's.
std::vector<LinkInput> TwoSubjectsCorpus() {
  std::vector<LinkInput> docs;
  docs.push_back(MakeDoc(
      1, "bus-plan.md", "Moving Together: a national plan for local buses",
      {{kItem, "Commitments", "", "£1.6 billion for a Local Bus Connections Fund to restore evening bus routes."},
       {kItem, "Commitments", "", "A National Bus Fare Cap of £2.50 for a single bus journey."},
       {kPara, "Funding", "", "Allocations will be made by a formula based on population, deprivation and need."},
       {kPara, "Buses", "", "Bus operators and local transport authorities will agree enhanced partnerships for routes and fares."},
       {kPara, "Buses", "", "Rural bus routes, timetables, bus stations and bus shelters matter to passengers."},
       {kPara, "Progress", "", "The Department will publish a progress report on this plan every year."}},
      Authority::kNational));
  docs.push_back(MakeDoc(
      2, "library-plan.md", "Open Shelves: a national plan for public libraries",
      {{kItem, "Commitments", "", "£175 million for a Reading Rooms Capital Fund to refurbish library buildings."},
       {kItem, "Commitments", "", "A National Library Pass that works in every public library."},
       {kPara, "Funding", "", "Allocations will be made by a formula based on population, deprivation and need."},
       {kPara, "Libraries", "", "Library authorities will keep branch libraries open with librarians, books and reading groups."},
       {kPara, "Libraries", "", "Library opening hours, library books, reading rooms and librarians matter to readers."},
       {kPara, "Progress", "", "The Department will publish a progress report on this plan every year."}},
      Authority::kNational));
  docs.push_back(MakeDoc(
      3, "county-libraries.md", "Report to Cabinet: library buildings",
      {{kPara, "Libraries", "1", "The County runs fourteen branch libraries with librarians, reading groups and book loans."},
       {kPara, "Libraries", "2", "Library opening hours at the branch libraries were cut in 2024; readers and librarians object."},
       {kPara, "Funding", "3", "Allocations will be made by a formula based on population, deprivation and need, officers expect."},
       {kPara, "Libraries", "4", "The library buildings at Ashby and Elston need new roofs before the reading rooms reopen."}}));
  return docs;
}

TEST(LinkRegisterTest, PlansOnTwoSubjectsKeepTheirCommonWordsApart) {
  const Register reg = BuildRegister(TwoSubjectsCorpus());
  EXPECT_EQ(EntriesWorded(reg, "progress report on this plan"), 2);
  EXPECT_EQ(EntriesWorded(reg, "Allocations will be made by a formula"), 2);
  const Commitment* bus = nullptr;
  const Commitment* library = nullptr;
  for (const Commitment& c : reg.commitments) {
    if (c.text.rfind("Allocations will be made", 0) != 0) continue;
    (c.source.doc == 1 ? bus : library) = &c;
  }
  ASSERT_NE(bus, nullptr);
  ASSERT_NE(library, nullptr);
  EXPECT_TRUE(Linked(reg, library, 3, 3));
  EXPECT_FALSE(Linked(reg, bus, 3, 3));
  EXPECT_FALSE(Linked(reg, bus, 2, 3));
}

// A sentence another paper repeats word for word is the same entry, however
// few phrases it has.
TEST(LinkRegisterTest, ASentenceRepeatedWordForWordIsOneEntry) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "Three approaches will be taken.",
      {{kPara, "Travel", "", "Officers said rural travel was improving."},
       {kPara, "Travel", "", "Three approaches will be taken."}},
      &last);
  EXPECT_EQ(EntriesWorded(reg, "Three approaches"), 1);
}

// The strategy's prose opening with the full name of a programme its list
// opens with is that programme's undertaking, however differently worded:
// one entry per named programme.
TEST(LinkRegisterTest, ProseOpeningWithAListedProgrammesNameIsThatEntry) {
  std::vector<P> filler;
  for (int i = 0; i < 60; ++i) {
    filler.push_back({kPara, "Background", "", "Harbour " + std::to_string(i) + " handled fishing boats and ferries."});
  }
  std::vector<P> strategy = {
      {kItem, "Commitments", "",
       "£50 million for a Clean Harbours Recovery Fund to pay for dredging, moorings, fuel berths, ice plants and "
       "lifeboat slipways in small fishing ports."},
      {kPara, "Harbours", "2.1",
       "The Clean Harbours Recovery Fund will meet the cost of silt removal, visitor berths and floating jetties "
       "where trade has fallen."},
  };
  // The words of each wording recur elsewhere, so they weigh something.
  filler.push_back({kPara, "Ports", "", "Dredging, moorings and fuel berths are costly for small fishing ports."});
  filler.push_back({kPara, "Ports", "", "Ice plants and lifeboat slipways need repair in most fishing ports."});
  filler.push_back({kPara, "Ports", "", "Silt removal and visitor berths matter where trade has fallen."});
  filler.push_back({kPara, "Ports", "", "Floating jetties were installed at two harbours."});
  strategy.insert(strategy.end(), filler.begin(), filler.end());
  Register reg = BuildRegister({MakeDoc(1, "strategy.md", "National Coastal Strategy", strategy, Authority::kNational)});
  EXPECT_EQ(EntriesWorded(reg, "Clean Harbours Recovery Fund"), 1);
  const Commitment* fund = Find(reg, "£50 million for a Clean Harbours");
  ASSERT_NE(fund, nullptr);
  EXPECT_NE(std::find(fund->mentions.begin(), fund->mentions.end(), PassageRef{1, 2}), fund->mentions.end());
}

// A paper describing a named fund in other words ("the Government's new
// money for cliff-top path repairs") with a word of its name that no other
// entry's name holds names it; the next paragraph's "the money" refers back
// to it. New money for something else, without a word of the name, does not.
TEST(LinkRegisterTest, AFundDescribedInOtherWordsLinks) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "£80 million for a Coastal Path Restoration Fund to repair cliff-top paths, steps and signs.",
      {{kPara, "Bids", "", "The Coastal Path Restoration Fund opened for bids in May."},
       {kPara, "Leisure", "", "The new money for the leisure centre roof was approved by Cabinet."},
       {kPara, "Paths", "", "Walkers asked about erosion of the cliff-top paths near the lighthouse."},
       {kPara, "Paths", "", "Steps and signs were repaired at the harbour last winter."},
       {kPara, "Coast", "",
        "The Ranger reported that the District's allocation from the Government's new money for cliff-top path "
        "repairs was £400,000."},
       {kPara, "Coast", "", "Members asked whether the money would also pay for two seasonal wardens."}},
      &last);
  const Commitment* fund = Find(reg, "Coastal Path Restoration Fund");
  ASSERT_NE(fund, nullptr);
  EXPECT_TRUE(Linked(reg, fund, 2, last - 1));
  EXPECT_TRUE(Linked(reg, fund, 2, last));
  EXPECT_FALSE(Linked(reg, fund, 2, last - 4));
}

// "The national money for school streets and crossings" describes the
// programme whose wording gives "school streets", though the council's own
// undertaking beside it ("The Council will introduce school streets at 25
// primary schools") words them too: a local undertaking localises the
// national one, it does not share what the national money pays for.
TEST(LinkRegisterTest, ALocalUndertakingLeavesTheNationalMoneysPurposeItsOwn) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "£150 million through the Safer Routes to School Programme for school streets, crossings and 20mph zones "
      "outside 2,000 schools.",
      {{kPara, "Travel", "", "The Safer Routes to School Programme opens for bids in May."},
       {kPara, "Travel", "", "The Council will introduce school streets at 25 primary schools by September 2028."},
       {kPara, "Travel", "",
        "Members asked how much of the national money for school streets and crossings the county would get."}},
      &last);
  const Commitment* programme = Find(reg, "Safer Routes to School Programme for");
  ASSERT_NE(programme, nullptr);
  ASSERT_GE(EntriesWorded(reg, "The Council will introduce school streets"), 1);
  EXPECT_TRUE(Linked(reg, programme, 2, last));
}

// A word of the name counts in a description as the name writes it: "the
// new national money for protected sites" at "our nature reserve" is no
// description of the Natural Flood Management Fund, though the stemmer makes
// "nature" and "natural" one word; "the national money for natural flood
// management" is.
TEST(LinkRegisterTest, ADescriptionWritesTheNamesWordAsTheNameDoes) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "£150 million for a Natural Flood Management Fund to pay for wetlands and leaky dams on upland streams.",
      {{kPara, "Bids", "", "The Natural Flood Management Fund opened for bids in May."},
       {kPara, "Reserve", "",
        "We hope the new national money for protected sites will pay for wardens at our nature reserve."},
       {kPara, "Reserve", "", "Volunteers cleared the ponds at the nature reserve last winter."},
       {kPara, "Streams", "",
        "Members welcomed the national money for natural flood management on the upper streams."}},
      &last);
  const Commitment* fund = Find(reg, "Natural Flood Management Fund");
  ASSERT_NE(fund, nullptr);
  EXPECT_TRUE(Linked(reg, fund, 2, last));
  EXPECT_FALSE(Linked(reg, fund, 2, last - 2));
}

// A thing described by its head and what it is for, in two of its name's
// other words ("the legal target for tree cover"), is named; its head for
// something else ("the target for recycled paper") is not.
TEST(LinkRegisterTest, AHeadForTwoOfTheNamesWordsNamesIt) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "The Tree Canopy and Woodland Cover Target: a legally binding target to raise canopy cover to 16.5 per "
      "cent of England's land by 2050.",
      {{kPara, "Trees", "", "Members noted the Tree Canopy and Woodland Cover Target."},
       {kPara, "Paper", "", "Officers said the target for recycled paper in council offices was met in 2025."},
       {kPara, "Trees", "", "The legal target for tree cover cannot be met without more planting in the district."}},
      &last);
  const Commitment* target = Find(reg, "Tree Canopy and Woodland Cover Target");
  ASSERT_NE(target, nullptr);
  EXPECT_TRUE(Linked(reg, target, 2, last));
  EXPECT_FALSE(Linked(reg, target, 2, last - 1));
}

// Two undertakings of one body, named in full as their actor, are two
// entries: who acts is not what is undertaken.
TEST(LinkRegisterTest, OneBodysTwoUndertakingsAreTwoEntries) {
  std::vector<P> strategy = {
      {kPara, "Birds", "3.1", "The Department for Coastal Affairs will publish a seabird recovery plan by 2027."},
      {kPara, "Birds", "3.2", "The Department for Coastal Affairs will consult on marine protected areas for puffins."},
  };
  for (int i = 0; i < 60; ++i) {
    strategy.push_back({kPara, "Background", "", "Harbour " + std::to_string(i) + " handled fishing boats and ferries."});
  }
  strategy.push_back({kPara, "Ports", "", "The Department for Coastal Affairs met harbour masters twice."});
  strategy.push_back({kPara, "Ports", "", "Seabird recovery and marine protected areas were discussed with puffin groups."});
  LinkInput doc = MakeDoc(1, "strategy.md", "National Coastal Strategy", strategy, Authority::kNational);
  // As the tagger reads them (the stand-in tagger knows no actor but the
  // Council and the Government).
  for (std::vector<LinkTag>& tags : doc.tags) {
    for (LinkTag& t : tags) {
      if (t.kind == TagKind::kCommitment) t.commitment->actor = "Department for Coastal Affairs";
    }
  }
  Register reg = BuildRegister({doc});
  EXPECT_EQ(EntriesWorded(reg, "Department for Coastal Affairs will"), 2);
}

// Another paper restating an undertaking inside a longer sentence of its
// own, with the same deadline, restates it: one entry. The same deadline on
// another undertaking does not make it this one.
TEST(LinkRegisterTest, ARestatementWithTheSameDeadlineIsOneEntry) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "A national clean air strategy will be published by Autumn 2026, setting out how ports and trunk "
      "roads will meet the new legal limits for nitrogen dioxide.",
      {{kPara, "Air", "",
        "To support this work, the Government will publish a national clean air strategy by Autumn 2026, and "
        "officers expect it to set out new duties for councils on monitoring fine particles near schools and "
        "hospitals."},
       {kPara, "Trees", "", "The Government will publish a national tree planting scheme by Autumn 2026."},
       // The words of each wording recur elsewhere, so they weigh something.
       {kPara, "Air", "", "Members asked how ports and trunk roads meet the legal limits for nitrogen dioxide."},
       {kPara, "Air", "", "New duties on monitoring fine particles near schools and hospitals were noted."},
       {kPara, "Trees", "", "Parish councils asked about tree planting on village greens."}},
      &last);
  EXPECT_EQ(EntriesWorded(reg, "clean air strategy"), 1);
  EXPECT_EQ(EntriesWorded(reg, "tree planting scheme"), 1);
  const Commitment* strategy = Find(reg, "A national clean air strategy");
  ASSERT_NE(strategy, nullptr);
  EXPECT_EQ(strategy->mentions.size(), 2u);
}

// A shared sum is rarer than a shared deadline: two shared phrases besides
// make a restatement, and one is not enough.
TEST(LinkRegisterTest, ARestatementWithTheSameSumIsOneEntry) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "£18 million for family finding and mentoring programmes, so that more young people leaving care keep in "
      "touch with relatives and trusted adults.",
      {{kPara, "Care leavers", "",
        "For care leavers, priority will go to loving relationships, with practical help from family finding, "
        "befriending and mentoring programmes worth £18 million over two years, according to the report to "
        "Cabinet."},
       {kPara, "Roads", "", "The Government will spend £18 million on mentoring road safety officers at junctions."},
       // The words of each wording recur elsewhere, so they weigh something.
       {kPara, "Care leavers", "", "Young people leaving care keep in touch with relatives and trusted adults."},
       {kPara, "Care leavers", "", "Loving relationships and practical help were discussed in the report to Cabinet."},
       {kPara, "Roads", "", "Road safety officers at junctions were praised."}},
      &last);
  const Commitment* programmes = Find(reg, "£18 million for family finding");
  ASSERT_NE(programmes, nullptr);
  EXPECT_EQ(programmes->mentions.size(), 2u);
  EXPECT_EQ(EntriesWorded(reg, "road safety officers"), 1);
}

// A passage whose own name shares a part of the entry's name names
// something else.
TEST(LinkRegisterTest, AnotherNameSharingPartOfTheNameIsNotIt) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "The National Minimum Allowance for foster carers will be increased from April.",
      {{kPara, "Fostering", "", "Members welcomed the National Minimum Allowance."},
       {kPara, "Budget", "", "Care providers said the National Minimum Wage had increased costs for care staff from April."}},
      &last);
  const Commitment* allowance = Find(reg, "National Minimum Allowance for foster");
  ASSERT_NE(allowance, nullptr);
  EXPECT_TRUE(Linked(reg, allowance, 2, last - 1));
  EXPECT_FALSE(Linked(reg, allowance, 2, last));
}

// The same in lower case: "the national minimum wage" goes on from
// "national minimum" to another word than the name does, and is another
// thing; "the national minimum allowance" is the name in lower case.
TEST(LinkRegisterTest, PartOfANameGoingOnToAnotherWordIsNotIt) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "The National Minimum Allowance for foster carers will be increased by 12 per cent.",
      {{kPara, "Fostering", "", "Members asked when the national minimum allowance for foster carers would be increased."},
       {kPara, "Budget", "", "Care providers said the national minimum wage for carers was increased by 12 per cent in April."}},
      &last);
  const Commitment* allowance = Find(reg, "National Minimum Allowance for foster");
  ASSERT_NE(allowance, nullptr);
  EXPECT_TRUE(Linked(reg, allowance, 2, last - 1));
  EXPECT_FALSE(Linked(reg, allowance, 2, last));
}

// A phrase shared only inside another thing's proper name is no evidence:
// "additional funding" and "Adult Social Care" are one turn of phrase, not
// two, for "additional funding to support children's social care".
TEST(LinkRegisterTest, APhraseInsideAnotherNameIsNoEvidence) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "The strategy commits £200 million in additional funding to support children's social care.",
      {{kPara, "Budget", "", "The budget included additional funding of £150 million, with £80 million for Adult Social Care."},
       {kPara, "Children", "", "Members asked how the additional funding for children's social care would reach the county."}},
      &last);
  const Commitment* funding = Find(reg, "additional funding to support children");
  ASSERT_NE(funding, nullptr);
  EXPECT_FALSE(Linked(reg, funding, 2, last - 1));
  EXPECT_TRUE(Linked(reg, funding, 2, last));
}

// A name two wordings give in passing, each beside a name of its own, is
// what they have in common: a passage about Energy Performance Certificates
// in general does not name the Warmth Fund.
TEST(LinkRegisterTest, ANameTwoWordingsGiveInPassingIsNotTheirs) {
  std::vector<P> minutes = RoutineMinutes();
  minutes.push_back({kPara, "Housing", "",
                     "Some 58 per cent of homes in the county are below Energy Performance Certificate band C."});
  minutes.push_back({kPara, "Housing", "",
                     "Landlords asked how the Social Housing Warmth Fund would reach the county's estates."});
  const int last = static_cast<int>(minutes.size());
  Register reg = BuildRegister(
      {MakeDoc(1, "plan.md", "National Plan",
               {{kItem, "Commitments", "",
                 "£450 million for a Social Housing Warmth Fund to bring council homes up to Energy Performance "
                 "Certificate band C by 2030."},
                {kItem, "Commitments", "",
                 "Privately rented homes will have to reach Energy Performance Certificate band C by 2030, under a "
                 "new Rental Homes Efficiency Standard."}},
               Authority::kNational),
       MakeDoc(2, "minutes.md", "Minutes of the Committee", minutes)});
  const Commitment* fund = Find(reg, "Social Housing Warmth Fund");
  ASSERT_NE(fund, nullptr);
  ASSERT_NE(Find(reg, "Rental Homes Efficiency Standard"), nullptr);
  EXPECT_FALSE(Linked(reg, fund, 2, last - 1));
  EXPECT_TRUE(Linked(reg, fund, 2, last));
}

// A month the passage shares with the wording belongs to the date both
// give: with the date's bonus it does not count again as a word, nor as one
// of the words a link needs.
TEST(LinkRegisterTest, ASharedMonthIsPartOfTheSharedDate) {
  std::vector<P> minutes = RoutineMinutes();
  minutes.push_back({kPara, "Parking", "",
                     "RESOLVED that the Council will publish revised car parking charges, with new evening rates for "
                     "the town centre, in January 2027."});
  minutes.push_back({kPara, "Warm homes", "",
                     "Members noted that the grant allocations for the three years would be published in January 2027."});
  const int last = static_cast<int>(minutes.size());
  std::vector<LinkInput> docs = {
      MakeDoc(1, "plan.md", "National Plan",
              {{kPara, "Funding", "", "£300 million will be paid to councils through a Local Warmth Grant."},
               {kPara, "Funding", "", "Allocations for the three years will be published in January 2027."}},
              Authority::kNational),
      MakeDoc(2, "minutes.md", "Minutes of the Committee", minutes)};
  TagEveryPassage(&docs);
  Register reg = BuildRegister(docs);
  // The allocations are the grant's (a part of what it pays out).
  EXPECT_EQ(Find(reg, "Allocations for the three years"), nullptr);
  const Commitment* allocations = Find(reg, "Local Warmth Grant");
  ASSERT_NE(allocations, nullptr);
  const Commitment* parking = Find(reg, "car parking charges");
  ASSERT_NE(parking, nullptr);
  // Publishing in January 2027 is all the two undertakings share.
  EXPECT_FALSE(Linked(reg, allocations, 2, last - 1));
  EXPECT_FALSE(Linked(reg, parking, 1, 2));
  EXPECT_TRUE(Linked(reg, allocations, 2, last));
}

// A passage that gives the own sum of another undertaking of the same plan,
// as what a fund or programme is worth, and none of this one's, is about
// that one: "the Government's £30 million fund for trials ... when the first
// round opens in April 2026" is not the £400 million fund whose first round
// opens then too.
TEST(LinkRegisterTest, AnotherProgrammesOwnSumMakesThePassageThatOnes) {
  std::vector<P> minutes = RoutineMinutes();
  minutes.push_back({kPara, "Highways", "",
                     "Officers intend to bid to the Government's £30 million fund for trials of new ways of repairing "
                     "roads when the first round opens in April 2026, to trial spray injection patching on lanes."});
  const int last = static_cast<int>(minutes.size());
  std::vector<LinkInput> docs = {
      MakeDoc(1, "plan.md", "National Roads Plan",
              {{kPara, "Resilience", "",
                "We will provide £400 million through the Highways Resilience Fund to repair roads damaged by "
                "storms; the first round opens in April 2026."},
               {kPara, "Innovation", "",
                "We will invest £30 million in the Pothole Innovation Programme to trial new repair methods with "
                "councils."}},
              Authority::kNational),
      MakeDoc(2, "minutes.md", "Minutes of the Committee", minutes)};
  TagEveryPassage(&docs);
  Register reg = BuildRegister(docs);
  const Commitment* resilience = Find(reg, "Highways Resilience Fund");
  ASSERT_NE(resilience, nullptr);
  EXPECT_FALSE(Linked(reg, resilience, 2, last));
}

// So is a phrase of the month ("end March" of "by the end of March 2026"):
// a council's own online reporting launched by the same date shares no more
// than that date and a word with the national reporting service.
TEST(LinkRegisterTest, APhraseOfASharedMonthIsPartOfTheSharedDate) {
  std::vector<P> minutes = RoutineMinutes();
  minutes.push_back({kPara, "Customer services", "",
                     "The Council will launch online reporting of abandoned vehicles and fly-posting through its new "
                     "customer portal by the end of March 2026."});
  minutes.push_back({kPara, "Potholes", "",
                     "Members noted that the national website for reporting potholes would go live by the end of "
                     "March 2026 and send each report to the council."});
  const int last = static_cast<int>(minutes.size());
  std::vector<LinkInput> docs = {
      MakeDoc(1, "plan.md", "National Plan",
              {{kItem, "What we will do", "",
                "We will launch the National Pothole Reporting Service, one place online to report a pothole on any "
                "local road, by the end of March 2026."}},
              Authority::kNational),
      MakeDoc(2, "minutes.md", "Minutes of the Committee", minutes)};
  TagEveryPassage(&docs);
  Register reg = BuildRegister(docs);
  const Commitment* service = Find(reg, "National Pothole Reporting Service");
  ASSERT_NE(service, nullptr);
  ASSERT_FALSE(service->dates.empty());
  EXPECT_FALSE(Linked(reg, service, 2, last - 1));
  EXPECT_TRUE(Linked(reg, service, 2, last));
}

// Recommendations above the section on a grant refer ahead to it as "the
// new grant", unless the paper names another grant before.
TEST(LinkRegisterTest, TheNewGrantBeforeTheSectionOnItIsTheNamedOne) {
  const std::string item = "£3.2 billion over three years for a Local Warmth Grant to insulate homes.";
  const P recommendation = {kPara, "Recommendations", "",
                            "Members agreed that the County Council runs a single scheme for the new grant on behalf of "
                            "the districts."};
  const P section = {kPara, "The grant", "", "The Local Warmth Grant will be paid to councils from April."};
  int last = 0;
  Register reg = StrategyBesideMinutes(item, {recommendation, section}, &last);
  const Commitment* grant = Find(reg, "Local Warmth Grant");
  ASSERT_NE(grant, nullptr);
  EXPECT_TRUE(Linked(reg, grant, 2, last));
  EXPECT_TRUE(Linked(reg, grant, 2, last - 1));

  Register other = StrategyBesideMinutes(
      item, {{kPara, "Background", "", "The Household Support Grant ends in March."}, recommendation, section}, &last);
  grant = Find(other, "Local Warmth Grant");
  ASSERT_NE(grant, nullptr);
  EXPECT_TRUE(Linked(other, grant, 2, last));
  EXPECT_FALSE(Linked(other, grant, 2, last - 1));
}

// A word of a fund's name before another word for a fund ("the District's
// prevention allocation") describes that fund; before any other word ("the
// prevention team") it does not.
TEST(LinkRegisterTest, ANameWordBeforeAnotherWordForItsKindIsTheFund) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "£1.35 billion over three years for a Prevention First Fund paid to every council.",
      {{kPara, "Strategy", "", "The national strategy sets up the Prevention First Fund."},
       {kPara, "Housing", "", "Members asked about the prevention team's use of the district's reserves."},
       {kPara, "Housing", "", "Members asked about the use of the district's prevention allocation for deposits."}},
      &last);
  const Commitment* fund = Find(reg, "Prevention First Fund");
  ASSERT_NE(fund, nullptr);
  EXPECT_FALSE(Linked(reg, fund, 2, last - 1));
  EXPECT_TRUE(Linked(reg, fund, 2, last));
}

// A news article's standfirst stands under its headline: the fund's word
// in the headline ("food bins") and "a national pot" in the standfirst
// describe the Food Waste Transition Fund. Under a heading inside a paper,
// the same sentence does not.
TEST(LinkRegisterTest, AStandfirstUnderTheHeadlineDescribesTheFund) {
  std::vector<P> minutes = RoutineMinutes();
  const std::string headline = "Weekly food bins for every home from October";
  const std::string standfirst =
      "Councillors back the collections as the district gets £1.9 million from a national pot for caddies and vehicles.";
  minutes.push_back({kPara, headline, "", standfirst});
  Register reg = BuildRegister(
      {MakeDoc(1, "strategy.md", "National Strategy",
               {{kItem, "Commitments", "", "£420 million for a Food Waste Transition Fund to pay for caddies and vehicles."},
                {kItem, "Commitments", "", "£30 million for the Rural Bus Recovery Fund to restore evening services."}},
               Authority::kNational),
       MakeDoc(2, "minutes.md", "Minutes of the Committee", minutes),
       MakeDoc(3, "news.html", headline, {{kPara, headline, "", standfirst}}),
       MakeDoc(4, "briefing.md", "Briefing",
               {{kPara, "Waste", "", "The Food Waste Transition Fund was welcomed by councils."}})});
  const Commitment* fund = Find(reg, "Food Waste Transition Fund");
  ASSERT_NE(fund, nullptr);
  EXPECT_TRUE(Linked(reg, fund, 3, 1));
  EXPECT_FALSE(Linked(reg, fund, 2, static_cast<int>(minutes.size())));
}

// A deadline and the period itself are one time: "begins in Autumn 2027"
// gives the date of "by Autumn 2027" (a shared value, no disagreement).
TEST(LinkRegisterTest, ThePeriodOfADeadlineIsItsDate) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "The Government will extend the duty to refer to GP practices, schools and the police by Autumn 2027, with "
      "statutory guidance on referral routes and training for designated safeguarding leads in every area.",
      {{kPara, "Homelessness", "",
        "Family doctors see families first. The new legal requirement on GP practices to tell the council begins "
        "in Autumn 2027, and guidance for the police is needed."}},
      &last);
  const Commitment* duty = Find(reg, "duty to refer");
  ASSERT_NE(duty, nullptr);
  EXPECT_TRUE(Linked(reg, duty, 2, last));
  std::vector<std::string> values;
  for (const Link& l : reg.links) {
    if (l.commitment == IndexOf(reg, duty) && l.passage.doc == 2 && l.passage.passage == last) values = l.evidence.values;
  }
  EXPECT_EQ(values, std::vector<std::string>{"Autumn 2027"});
  for (const Conflict& k : reg.conflicts) EXPECT_NE(k.commitment, IndexOf(reg, duty));
}

// A named scheme restated by its own sum and one of its own phrases, or by
// its own date (here as a wait, "not ... until") and two: that is not naming
// none of it. One phrase and the date is not enough (many undertakings fall
// due in one month).
TEST(LinkRegisterTest, ItsOwnSumOrDateWithItsWordsRestatesANamedScheme) {
  std::vector<P> minutes = RoutineMinutes();
  for (int i = 0; i < 12; ++i) {
    minutes.push_back({kPara, "Council tax", "",
                       "Owner-occupiers in ward " + std::to_string(i) + " asked for interest-free instalments."});
  }
  minutes.push_back({kPara, "Housing", "",
                     "The Head of Housing said that the national interest-free loans for owner-occupiers would not "
                     "open until Spring 2028, and that the advice line would follow."});
  minutes.push_back({kPara, "Housing", "",
                     "Mr Hughes asked whether £15,000 per home would be enough for the older terraced houses, where "
                     "low-carbon heating needs new radiators."});
  minutes.push_back({kPara, "Housing", "",
                     "The Director said that the new low-carbon heating contract for council offices would not start "
                     "until Spring 2028."});
  const int last = static_cast<int>(minutes.size());
  Register reg = BuildRegister(
      {MakeDoc(1, "strategy.md", "National Strategy",
               {{kItem, "Commitments", "",
                 "A Home Upgrade Loan Scheme will offer owner-occupiers interest-free loans of up to £15,000 for "
                 "insulation, windows and low-carbon heating, opening in Spring 2028."},
                {kItem, "Commitments", "", "£30 million for the Rural Bus Recovery Fund to restore evening services."},
                {kPara, "Homes", "4.1",
                 "The Home Upgrade Loan Scheme will lend over ten years for insulation, windows and heating."}},
               Authority::kNational),
       MakeDoc(2, "minutes.md", "Minutes of the Committee", minutes)});
  const Commitment* loans = Find(reg, "Home Upgrade Loan Scheme will offer");
  ASSERT_NE(loans, nullptr);
  EXPECT_TRUE(Linked(reg, loans, 2, last - 2));
  EXPECT_TRUE(Linked(reg, loans, 2, last - 1));
  EXPECT_FALSE(Linked(reg, loans, 2, last));
}

// A sum that a passage naming the fund gives (the council's share) stands
// for the fund further on in that paper, where the words agree with it; a
// passage giving the sum about something else does not discuss the fund.
TEST(LinkRegisterTest, TheFundsShareFurtherOnIsTheFund) {
  std::vector<P> minutes = RoutineMinutes();
  minutes.push_back({kPara, "Food waste", "",
                     "The District's allocation from the Food Waste Transition Fund was £1.9 million, confirmed in "
                     "August."});
  minutes.push_back({kPara, "Food waste", "",
                     "RESOLVED that officers order kitchen caddies and collection vehicles within the £1.9 million "
                     "allocation."});
  minutes.push_back({kPara, "Leisure", "", "Members noted that £1.9 million had been spent on the pool roof."});
  const int last = static_cast<int>(minutes.size());
  Register reg = BuildRegister(
      {MakeDoc(1, "strategy.md", "National Strategy",
               {{kItem, "Commitments", "",
                 "£420 million for a Food Waste Transition Fund to pay for kitchen caddies, collection vehicles and "
                 "treatment."},
                {kItem, "Commitments", "", "£30 million for the Rural Bus Recovery Fund to restore evening services."}},
               Authority::kNational),
       MakeDoc(2, "minutes.md", "Minutes of the Committee", minutes)});
  const Commitment* fund = Find(reg, "Food Waste Transition Fund");
  ASSERT_NE(fund, nullptr);
  EXPECT_TRUE(Linked(reg, fund, 2, last - 2));
  EXPECT_TRUE(Linked(reg, fund, 2, last - 1));
  EXPECT_FALSE(Linked(reg, fund, 2, last));
}

// The titles under a paper's list of sources name what other papers are
// about; they do not discuss it, whether the heading is "References" or an
// annex's "Annex: sources".
TEST(LinkRegisterTest, AnAnnexOfSourcesDoesNotDiscuss) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "The Government will publish a national kinship care strategy by the end of 2023.",
      {{kPara, "Buses", "", "Members welcomed the Rural Bus Recovery Fund for evening services."},
       {kPara, "References", "", "Rural Bus Recovery Fund: evening services statistics, August 2026."},
       {kPara, "Annex B: sources", "", "Rural Bus Recovery Fund: evening services statistics, August 2026."}},
      &last);
  const Commitment* fund = Find(reg, "Rural Bus Recovery Fund");
  ASSERT_NE(fund, nullptr);
  EXPECT_TRUE(Linked(reg, fund, 2, last - 2));
  EXPECT_FALSE(Linked(reg, fund, 2, last - 1));
  EXPECT_FALSE(Linked(reg, fund, 2, last));
}

// "The Children's Social Care National Framework and Dashboard" are two
// things: a paper naming the National Framework alone names the entry.
TEST(LinkRegisterTest, APaperNamingOneOfTwoJoinedNamesNamesIt) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "A consultation has also been published alongside the strategy on a new Children's Social Care National "
      "Framework and Dashboard, with responses invited from councils, schools and health partners until the "
      "end of the summer term.",
      {{kPara, "Fares", "",
        "A consultation has also been published alongside the strategy on bus fares, with responses invited "
        "from councils, schools and health partners until the end of the summer term."},
       {kPara, "Data", "", "Members asked when the Children's Social Care National Framework and Dashboard would be ready."},
       {kPara, "Outcomes", "", "Inspections are aligned with the Children's Social Care National Framework."}},
      &last);
  const Commitment* framework = Find(reg, "National Framework and Dashboard");
  ASSERT_NE(framework, nullptr);
  EXPECT_TRUE(Linked(reg, framework, 2, last));
}

// A paper describes a named programme by a word of its name and its head
// ("the national defence programme"), or by what it is and its own sum; the
// head and the sum alone are another programme.
TEST(LinkRegisterTest, AProgrammeDescribedRatherThanNamedLinks) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "£2.4 billion for a Flood Defence Investment Programme from 2026 to 2032 to better protect 200,000 homes.",
      {{kPara, "Flooding", "", "Members noted the Flood Defence Investment Programme and its timetable."},
       {kPara, "Highways", "", "The county's £2.4 billion highways programme was approved in 2019."},
       {kPara, "Capital", "", "The Government's six-year capital programme for new and improved defences is worth £2.4 billion."},
       {kPara, "Share", "", "Officers welcomed the County's provisional share of the national defence programme."}},
      &last);
  const Commitment* programme = Find(reg, "Flood Defence Investment Programme from");
  ASSERT_NE(programme, nullptr);
  EXPECT_TRUE(Linked(reg, programme, 2, last - 3));   // names it
  EXPECT_FALSE(Linked(reg, programme, 2, last - 2));  // the sum and "programme" only
  EXPECT_TRUE(Linked(reg, programme, 2, last - 1));   // what it is, with its sum
  EXPECT_TRUE(Linked(reg, programme, 2, last));       // "the national defence programme"
}

// The paragraph after one that names a programme, under the same heading,
// refers back to it as "the programme"; under another heading it does not.
TEST(LinkRegisterTest, TheNextParagraphsTheProgrammeIsTheNamedOne) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "£2.4 billion for a Flood Defence Investment Programme from 2026 to 2032 to better protect 200,000 homes.",
      {{kPara, "Flooding", "", "Members noted the Flood Defence Investment Programme and its timetable."},
       {kPara, "Capital", "", "Members welcomed the Flood Defence Investment Programme."},
       {kPara, "Capital", "", "Officers propose to bid to the programme for three schemes."},
       {kPara, "Depot", "", "The programme of works for the depot was agreed."}},
      &last);
  const Commitment* programme = Find(reg, "Flood Defence Investment Programme from");
  ASSERT_NE(programme, nullptr);
  EXPECT_TRUE(Linked(reg, programme, 2, last - 2));   // names it
  EXPECT_TRUE(Linked(reg, programme, 2, last - 1));   // "the programme", next paragraph
  EXPECT_FALSE(Linked(reg, programme, 2, last));      // another heading
}

// So is the paragraph after one that discusses it outright without its
// name: "... free, independent advice ... from a new national service" then
// "Citizens Advice said it would refer callers to the service".
TEST(LinkRegisterTest, TheNextParagraphsServiceIsTheOneJustDescribed) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "£40 million for a Care Finance Advice Service offering free independent financial advice to people "
      "planning how to pay for care.",
      {{kPara, "Advice", "", "Advice on how to pay for care is mostly given by charities."},
       {kPara, "Advice", "", "Free advice for people planning their care costs, financial and independent, will come "
                             "from a new national service."},
       {kPara, "Advice", "", "Citizens Advice said it would refer callers to the service as soon as it opened."},
       {kPara, "Funerals", "", "The service at the crematorium was moved."},
       {kPara, "Noted", "", "Officers noted the Care Finance Advice Service."}},
      &last);
  const Commitment* service = Find(reg, "Care Finance Advice Service offering");
  ASSERT_NE(service, nullptr);
  ASSERT_TRUE(Linked(reg, service, 2, last - 3));
  EXPECT_TRUE(Linked(reg, service, 2, last - 2));
  EXPECT_FALSE(Linked(reg, service, 2, last - 1));
}

// Further on in a paper that restates a fund without its name, "the
// national money" is that fund; before it, it is not.
TEST(LinkRegisterTest, TheNationalMoneyFurtherOnIsTheFundRestated) {
  int last = 0;
  Register reg = StrategyBesideMinutes(
      "£380 million for a Food Caddy Transition Fund to help councils buy caddies, bins and lorries to collect "
      "food waste every week.",
      {{kPara, "Conference", "", "Delegates said the national money had been late every year."},
       {kPara, "Bins", "", "Officers said bins and lorries were ordered for the depot."},
       {kPara, "Food", "", "The Government said it would spend £380 million helping councils buy the caddies, bins "
                           "and lorries they need to collect food waste every week."},
       {kPara, "Food", "", "Residents asked about caddies."},
       {kPara, "Costs", "", "But the national money pays for the new crews for only two years."},
       {kPara, "Noted", "", "Members noted the Food Caddy Transition Fund."}},
      &last);
  const Commitment* fund = Find(reg, "Food Caddy Transition Fund");
  ASSERT_NE(fund, nullptr);
  ASSERT_TRUE(Linked(reg, fund, 2, last - 3));
  EXPECT_TRUE(Linked(reg, fund, 2, last - 1));
  EXPECT_FALSE(Linked(reg, fund, 2, last - 5));
}

bool SameRegister(const Register& a, const Register& b) {
  if (a.commitments.size() != b.commitments.size() || a.links.size() != b.links.size() ||
      a.conflicts.size() != b.conflicts.size() || a.stances.size() != b.stances.size()) {
    return false;
  }
  for (size_t i = 0; i < a.commitments.size(); ++i) {
    if (a.commitments[i].id != b.commitments[i].id || a.commitments[i].text != b.commitments[i].text ||
        !(a.commitments[i].source == b.commitments[i].source)) {
      return false;
    }
  }
  for (size_t i = 0; i < a.links.size(); ++i) {
    if (a.links[i].commitment != b.links[i].commitment || !(a.links[i].passage == b.links[i].passage) ||
        a.links[i].score != b.links[i].score) {
      return false;
    }
  }
  return true;
}

// An entry's vocabulary is its source paper's: however many briefings
// restate it, each with prose of its own, what a council paper must share to
// discuss it stays the same (else every paper that restates an undertaking
// widens it, and a register of a thousand papers links everything to it).
TEST(LinkRegisterTest, RestatementsDoNotWidenAnEntry) {
  const std::vector<std::string> topics = {"electric taxi upgrades in market towns",
                                           "school street closures at the gates",
                                           "cargo bike loans for traders",
                                           "tree planting along ring roads"};
  auto link_report = [&](size_t briefings) {
    std::vector<LinkInput> docs;
    docs.push_back(MakeDoc(1, "strategy.md", "National Air Quality Strategy",
                           {
                               {kItem, "Commitments", "",
                                "£20 million for a Clean Air Zones Fund."},
                               {kItem, "Commitments", "", "£30 million for the Rural Bus Recovery Fund to restore evening services."},
                               {kPara, "Funding", "",
                                "The Clean Air Zones Fund also pays for low-emission buses in city centres."},
                           },
                           Authority::kNational));
    for (size_t b = 0; b < briefings; ++b) {
      docs.push_back(MakeDoc(static_cast<int64_t>(10 + b), "briefing-" + std::to_string(b) + ".md", "Briefing",
                             {
                                 {kItem, "Commitments", "",
                                  "£20 million for a Clean Air Zones Fund."},
                                 {kPara, "Comment", "", "The Clean Air Zones Fund pays for " + topics[b] + "."},
                             },
                             Authority::kBriefing));
    }
    std::vector<P> report;
    for (int i = 0; i < 150; ++i) {
      report.push_back({kPara, "Minutes", "", "Item " + std::to_string(i) + ": the accounts were noted."});
    }
    report.push_back({kPara, "Air", "", "The fund would pay for low-emission buses in our city centres."});
    for (const std::string& topic : topics) report.push_back({kPara, "Air", "", "The fund would pay for " + topic + "."});
    docs.push_back(MakeDoc(2, "report.md", "Report to Cabinet", report, Authority::kLocal));
    Register reg = BuildRegister(docs);
    std::vector<int> linked;
    const Commitment* fund = Find(reg, "for a Clean Air Zones Fund");
    if (fund == nullptr) return linked;
    for (const Link& l : reg.links) {
      if (l.commitment == IndexOf(reg, fund) && l.passage.doc == 2) linked.push_back(l.passage.passage);
    }
    return linked;
  };
  std::vector<int> one = link_report(1), four = link_report(4);
  EXPECT_EQ(one, four);
  // The source's own prose still lends: buses in city centres are the fund's.
  EXPECT_EQ(one, std::vector<int>{151});
}

TEST(LinkRegisterTest, IndependentOfInputOrder) {
  std::vector<LinkInput> docs = TransportCorpus();
  Register forward = BuildRegister(docs);
  std::reverse(docs.begin(), docs.end());
  Register backward = BuildRegister(docs);
  EXPECT_TRUE(SameRegister(forward, backward));
}

TEST(LinkRegisterTest, EmptyInputsGiveAnEmptyRegister) {
  EXPECT_TRUE(BuildRegister({}).commitments.empty());
  std::vector<LinkInput> docs = {MakeDoc(1, "x.md", "Notes", {{kPara, "", "", "Nothing is promised here."}})};
  Register reg = BuildRegister(docs);
  EXPECT_TRUE(reg.commitments.empty());
  EXPECT_TRUE(reg.links.empty());
}

// ---------------------------------------------------- second corpus (air)

class SecondCorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::string(XREF_SOURCE_DIR) + "/tests/data/second-corpus/";
    loaded_ = new testing::Loaded(testing::LoadCorpus(
        {dir_ + "clean-air-strategy.md", dir_ + "briefing-clean-air.md",
         dir_ + "council-report-clean-air.md"}));
    reg_ = new Register(BuildRegister(loaded_->inputs));
    std::ifstream in(dir_ + "expected-links.json");
    expected_ = new nlohmann::json(nlohmann::json::parse(in));
  }
  static void TearDownTestSuite() {
    delete loaded_;
    delete reg_;
    delete expected_;
  }

  // The id of the document whose path ends with `name`.
  static int64_t DocId(const std::string& name) {
    for (const LinkInput& in : loaded_->inputs) {
      if (in.doc.path.size() >= name.size() &&
          in.doc.path.compare(in.doc.path.size() - name.size(), name.size(), name) == 0) {
        return in.id;
      }
    }
    return -1;
  }
  // The n of the first passage of `doc` containing `words`.
  static int PassageWith(int64_t doc, const std::string& words) {
    for (const LinkInput& in : loaded_->inputs) {
      if (in.id != doc) continue;
      for (const Passage& p : in.doc.passages) {
        if (p.text.find(words) != std::string::npos) return p.n;
      }
    }
    return -1;
  }

  static std::string dir_;
  static testing::Loaded* loaded_;
  static Register* reg_;
  static nlohmann::json* expected_;
};
std::string SecondCorpusTest::dir_;
testing::Loaded* SecondCorpusTest::loaded_ = nullptr;
Register* SecondCorpusTest::reg_ = nullptr;
nlohmann::json* SecondCorpusTest::expected_ = nullptr;

TEST_F(SecondCorpusTest, PlantedLinksAndNonLinks) {
  if (std::getenv("XREF_LINK_DEBUG") != nullptr) {
    for (const Commitment& c : reg_->commitments) {
      std::cout << c.id << (c.local ? " local " : " ") << c.source.doc << ":" << c.source.passage
                << " " << c.text << " mentions=" << c.mentions.size() << "\n";
    }
    for (const LinkInput& in : loaded_->inputs) {
      for (size_t i = 0; i < in.tags.size(); ++i) {
        for (const LinkTag& t : in.tags[i]) {
          std::cout << "    tag " << in.id << ":" << in.doc.passages[i].n << " "
                    << TagKindName(t.kind) << " [" << t.text << "] " << (t.commitment ? t.commitment->actor : "") << "\n";
        }
      }
    }
    for (const Link& l : reg_->links) {
      std::cout << "  " << reg_->commitments[l.commitment].id << " -> " << l.passage.doc << ":"
                << l.passage.passage << " " << l.score;
      for (std::string_view p : l.evidence.phrases) std::cout << " [" << p << "]";
      for (std::string_view p : l.evidence.terms) std::cout << " " << p;
      std::cout << "\n";
    }
  }
  RecordProperty("stand_in_extractor", loaded_->stand_in_extractor);
  RecordProperty("stand_in_tagger", loaded_->stand_in_tagger);
  std::cout << "[ linker ] second corpus read with "
            << (loaded_->stand_in_extractor ? "stand-in" : "real") << " extraction and "
            << (loaded_->stand_in_tagger ? "stand-in" : "real") << " tagging\n";
  for (const auto& [list, want] : {std::pair{"links", true}, std::pair{"not_links", false}}) {
    for (const nlohmann::json& l : (*expected_)[list]) {
      const Commitment* c = Find(*reg_, l["commitment"].get<std::string>());
      ASSERT_NE(c, nullptr) << "no entry worded with " << l["commitment"];
      int64_t doc = DocId(l["doc"]);
      int passage = PassageWith(doc, l["passage"]);
      ASSERT_GT(passage, 0) << l["passage"];
      EXPECT_EQ(Linked(*reg_, c, doc, passage), want)
          << c->id << " " << c->text << " / " << l["doc"] << " " << l["passage"];
    }
  }
}

TEST_F(SecondCorpusTest, LocalUndertakingsAndSources) {
  for (const nlohmann::json& words : (*expected_)["local"]) {
    const Commitment* c = Find(*reg_, words.get<std::string>());
    ASSERT_NE(c, nullptr) << words;
    EXPECT_TRUE(c->local);
  }
  // National entries are worded by the strategy, the most authoritative paper.
  int64_t strategy = DocId("clean-air-strategy.md");
  for (const Commitment& c : reg_->commitments) {
    if (!c.local && c.text.find("£") != std::string::npos) {
      EXPECT_EQ(c.source.doc, strategy) << c.text;
    }
  }
}

TEST_F(SecondCorpusTest, PlantedConflictsAndNoInventedOnes) {
  for (const nlohmann::json& want : (*expected_)["conflicts"]) {
    const Commitment* c = Find(*reg_, want["commitment"].get<std::string>());
    ASSERT_NE(c, nullptr);
    bool found = false;
    for (const Conflict& k : reg_->conflicts) {
      if (k.commitment != IndexOf(*reg_, c) || k.field != want["field"]) continue;
      found = true;
      EXPECT_EQ(k.values.front().passage.doc, DocId("clean-air-strategy.md"));
      bool other_doc = false;
      for (const ValueRef& v : k.values) other_doc |= v.passage.doc == DocId(want["doc"]);
      EXPECT_TRUE(other_doc);
      if (k.field == "money") {
        EXPECT_EQ(*k.values[0].amount, want["values"][0].get<double>());
        EXPECT_EQ(*k.values[1].amount, want["values"][1].get<double>());
      }
    }
    EXPECT_TRUE(found) << "conflict not found for " << want["commitment"];
  }
  for (const nlohmann::json& words : (*expected_)["no_conflicts"]) {
    const Commitment* c = Find(*reg_, words.get<std::string>());
    ASSERT_NE(c, nullptr);
    for (const Conflict& k : reg_->conflicts) {
      EXPECT_NE(k.commitment, IndexOf(*reg_, c)) << "invented conflict on " << c->text << ": "
                                                  << k.values.back().text;
    }
  }
}

// ----------------------------------------------- third corpus (held out)

// A third subject (home to school travel), written with its judgements before
// the linker was first run on it: every link from a national commitment into
// the briefing and the council report is counted, so precision and recall are
// measured rather than spot-checked.
TEST(HeldOutCorpusTest, SchoolTravelLinksConflictsAndLocalEntries) {
  const std::string dir = std::string(XREF_SOURCE_DIR) + "/tests/data/third-corpus/";
  const std::vector<std::string> names = {"school-travel-strategy.md", "briefing-school-travel.md",
                                          "council-report-school-travel.md"};
  std::vector<std::string> paths;
  for (const std::string& name : names) paths.push_back(dir + name);
  testing::Loaded loaded = testing::LoadCorpus(paths);
  ASSERT_FALSE(loaded.stand_in_extractor);
  ASSERT_FALSE(loaded.stand_in_tagger);
  Register reg = BuildRegister(loaded.inputs);
  std::ifstream in(dir + "expected-links.json");
  const nlohmann::json expected = nlohmann::json::parse(in);

  auto doc_id = [&](const std::string& name) -> int64_t {
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == name) return loaded.inputs[i].id;
    }
    return -1;
  };
  auto passage_with = [&](int64_t doc, const std::string& words) {
    for (const LinkInput& input : loaded.inputs) {
      if (input.id != doc) continue;
      for (const Passage& p : input.doc.passages) {
        if (p.text.find(words) != std::string::npos) return p.n;
      }
    }
    return -1;
  };
  using Pair = std::tuple<size_t, int64_t, int>;
  auto pairs_of = [&](const char* list) {
    std::set<Pair> out;
    for (const nlohmann::json& l : expected[list]) {
      const Commitment* c = Find(reg, l["commitment"].get<std::string>());
      EXPECT_NE(c, nullptr) << "no entry worded with " << l["commitment"];
      int64_t doc = doc_id(l["doc"]);
      int passage = passage_with(doc, l["passage"]);
      EXPECT_GT(passage, 0) << l["passage"];
      if (c != nullptr) out.emplace(IndexOf(reg, c), doc, passage);
    }
    return out;
  };
  const std::set<Pair> want = pairs_of("links");
  const std::set<Pair> maybe = pairs_of("maybe");
  const int64_t strategy = doc_id("school-travel-strategy.md");
  int true_positives = 0, predicted = 0;
  for (const Link& l : reg.links) {
    const Commitment& c = reg.commitments[l.commitment];
    if (c.local || c.source.doc != strategy || l.passage.doc == strategy) continue;
    Pair pair{l.commitment, l.passage.doc, l.passage.passage};
    if (maybe.count(pair) != 0) continue;
    ++predicted;
    if (want.count(pair) != 0) {
      ++true_positives;
    } else {
      std::cout << "  false link: " << c.id << " " << ShortWording(c.text, 60) << " -> " << l.passage.doc
                << ":" << l.passage.passage << " " << l.score << "\n";
    }
  }
  for (const Pair& pair : want) {
    if (!Linked(reg, &reg.commitments[std::get<0>(pair)], std::get<1>(pair), std::get<2>(pair))) {
      std::cout << "  missed: " << ShortWording(reg.commitments[std::get<0>(pair)].text, 60) << " -> "
                << std::get<1>(pair) << ":" << std::get<2>(pair) << "\n";
    }
  }
  const double precision = predicted == 0 ? 0 : double(true_positives) / predicted;
  const double recall = double(true_positives) / static_cast<double>(want.size());
  std::cout << "[ linker ] held-out school travel corpus: precision " << precision << " ("
            << true_positives << "/" << predicted << "), recall " << recall << " ("
            << true_positives << "/" << want.size() << ")\n";
  RecordProperty("precision", std::to_string(precision));
  RecordProperty("recall", std::to_string(recall));
  // First run (2026-11-25, before any change for it): precision 1.0 (10/10),
  // recall 0.91 (10/11; missed: "A common national method of assessing
  // walking routes" for the toolkit, a paraphrase), and the £50m/£60m
  // disagreement missed; the last was fixed by two general rules (a sum set
  // against the whole in its sentence is not a part; the sentence after one
  // about the entry speaks of it too). Floors guard against regressions.
  EXPECT_GE(precision, 0.9);
  EXPECT_GE(recall, 0.85);

  for (const Pair& pair : pairs_of("not_links")) {
    EXPECT_FALSE(Linked(reg, &reg.commitments[std::get<0>(pair)], std::get<1>(pair), std::get<2>(pair)))
        << reg.commitments[std::get<0>(pair)].text << " -> passage " << std::get<2>(pair);
  }
  for (const nlohmann::json& words : expected["local"]) {
    const Commitment* c = Find(reg, words.get<std::string>());
    if (c == nullptr) { for (const Commitment& k : reg.commitments) std::cout << k.id << " " << k.local << " " << k.text << "\n"; }
    ASSERT_NE(c, nullptr) << words;
    EXPECT_TRUE(c->local) << c->text;
  }
  for (const nlohmann::json& k : expected["conflicts"]) {
    const Commitment* c = Find(reg, k["commitment"].get<std::string>());
    ASSERT_NE(c, nullptr);
    bool found = false;
    for (const Conflict& conflict : reg.conflicts) {
      if (conflict.commitment != IndexOf(reg, c) || conflict.field != k["field"]) continue;
      std::set<double> amounts;
      for (const ValueRef& v : conflict.values) {
        if (v.amount) amounts.insert(*v.amount);
      }
      found = amounts.count(k["values"][0].get<double>()) && amounts.count(k["values"][1].get<double>());
    }
    EXPECT_TRUE(found) << "conflict not found for " << k["commitment"];
  }
  for (const nlohmann::json& k : expected["not_conflicting_values"]) {
    const Commitment* c = Find(reg, k["commitment"].get<std::string>());
    ASSERT_NE(c, nullptr);
    for (const Conflict& conflict : reg.conflicts) {
      if (conflict.commitment != IndexOf(reg, c)) continue;
      for (const ValueRef& v : conflict.values) {
        EXPECT_NE(v.text, k["text"].get<std::string>()) << "invented conflict on " << c->text;
      }
    }
  }
}

}  // namespace
}  // namespace xref
