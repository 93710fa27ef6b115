// The commitment register and its links: which documents discuss which
// undertaking, with the evidence, the stance and the disagreements
// (../shared/spec/linking.md). Pure: plain data in, plain data out.
//
//   std::vector<xref::LinkInput> docs = ...;   // documents, their tags and stances
//   xref::Register reg = xref::BuildRegister(docs);
//   for (const xref::Commitment& c : reg.commitments) { c.id, c.text, c.source ... }
//   for (const xref::Link& l : reg.links) { reg.commitments[l.commitment], l.passage, l.score }
//
// How it works:
//  1. Every commitment tag (tag.h) of every document is a mention. Mentions
//     are merged into register entries in order of authority: a government
//     strategy's before a briefing's before a council paper's (InferAuthority),
//     within a document list items before prose. A mention joins the entry it
//     shares the most distinctive phrases with, if that is enough; otherwise
//     it starts a new entry worded by it. Two items of one list are never
//     merged (a list enumerates different undertakings), nor two mentions of
//     one document that give different sums. A council's own undertakings
//     (actor the Council, or "we" in a council paper) form local entries that
//     never merge with national ones. A mention as close to a second entry
//     as to the best one joins neither (it says too little to choose).
//  2. Every passage that is not a heading is scored against every entry:
//     shared phrases weigh most (more inside proper names), shared words
//     little, each weighted by its rarity in this corpus (link_terms.h) and
//     by how few entries are worded with it (a phrase four undertakings
//     share does not tell them apart); a
//     matching sum or date adds to the score only when the words already
//     agree. The score is relative to the entry's own wording (1 = as
//     specific as the wording itself). Passages at or above the threshold are
//     linked, with the phrases, words and values that matched. Terms are
//     interned ids with posting lists, and an entry is scored only against
//     passages holding a term it cannot reach the threshold without.
//     An index may hold papers on many subjects: each paper's words make a
//     topic vector, and a passage that neither names an entry nor states it
//     links to it only from a paper on the subject of the entry's source
//     (at least half as close to it as to the closest other source of that
//     authority); two national papers on different subjects share an
//     undertaking only by a programme's name or a sum.
//  3. Per (entry, document): the stance of the linked passages (the most
//     frequent non-neutral one). Per entry: sums and dates that documents give
//     for it and that disagree (parts of a whole and from/to pairs excepted).
// The result depends only on the input set (not its order), so an update that
// rebuilds from the stored data equals a clean rebuild.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/tag.h"

namespace xref {

// How authoritative a document is about national commitments.
enum class Authority { kLocal = 1, kBriefing = 2, kNational = 3 };

// "local", "briefing", "national"; the inverse returns nullopt when unknown.
std::string_view AuthorityName(Authority authority);
std::optional<Authority> ParseAuthority(std::string_view name);

// The authority a document claims by its title and opening passages: a
// council report, minutes or committee paper is local; a briefing, response
// or commentary is a briefing; a strategy, white/green paper or plan is
// national; anything else counts as a briefing.
Authority InferAuthority(const Document& doc);

// A value held through a pointer but copied whole, as a member would be:
// the part of a LinkTag only some kinds of tag have costs the others a
// pointer.
template <typename T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(T value) : p_(std::make_unique<T>(std::move(value))) {}  // NOLINT: implicit, as T
  Boxed(const Boxed& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  explicit operator bool() const { return p_ != nullptr; }
  T* operator->() { return p_.get(); }
  const T* operator->() const { return p_.get(); }
  T& operator*() { return *p_; }
  const T& operator*() const { return *p_; }

 private:
  std::unique_ptr<T> p_;
};

// A date tag's value as the linker compares it (DateValue without its TIMEX).
struct LinkDate {
  std::string start;                     // inclusive ISO date, empty = open / unknown
  std::string end;                       // inclusive ISO date, empty = open / unknown
  std::string precision;                 // day, month, ... (DateValue::precision)
  std::string bound;                     // "by", "from", "until", or empty
  bool relative = false;
};

// A commitment tag's fields as the linker reads them.
struct LinkCommitment {
  std::string actor;
  std::string modality;
  std::string action;                    // empty when action_in_passage
  // The action is not held but read from the passage's text, from
  // action_start to action_end (ReadLinkInputs: it always is a part of it).
  bool action_in_passage = false;
  uint32_t action_start = 0;
  uint32_t action_end = 0;

  // The action, `passage` being the text of the tag's passage.
  std::string_view Action(std::string_view passage) const {
    return action_in_passage ? passage.substr(action_start, action_end - action_start) : std::string_view(action);
  }
  // The money and date tags inside the sentence: indices into the list of
  // tags the commitment tag is in (LinkInput::tags[i]), in its order.
  std::vector<uint32_t> money;
  std::vector<uint32_t> dates;
};

// A money, date or commitment tag as the linker reads it: what it compares
// and nothing of other kinds. (A Tag is 552 bytes whatever its kind; the
// linker holds every such tag of the corpus, docs/performance.md finding 16.)
struct LinkTag {
  TagKind kind = TagKind::kMoney;
  uint32_t start = 0;                    // byte offsets into the passage's text, as Tag's
  uint32_t end = 0;
  // The text is not held but read from the passage's, from start to end
  // (ReadLinkInputs, for a commitment's sentence: a quarter of a million of
  // them at 3,000 papers).
  bool text_in_passage = false;
  std::string text;                      // empty when text_in_passage
  std::optional<double> amount;          // money: MoneyValue::amount
  Boxed<LinkDate> date;                  // dates only
  Boxed<LinkCommitment> commitment;      // commitments only

  // The date, empty for a tag of another kind.
  const LinkDate& Date() const;
  // The text, `passage` being the text of the tag's passage.
  std::string_view Text(std::string_view passage) const {
    return text_in_passage ? passage.substr(start, end - start) : std::string_view(text);
  }
};

// A passage's tags (the tagger's, ordered by start) as the linker reads them:
// money, date and commitment tags only, each commitment naming the money and
// date tags its own Tag copies (CommitmentValue::money, dates); one of those
// the list lacks is added at its end.
std::vector<LinkTag> ToLinkTags(const std::vector<Tag>& tags);

// A date as a ValueRef holds it.
DateValue ToDateValue(const LinkDate& date);

// One document as the linker reads it.
struct LinkInput {
  int64_t id = 0;                        // stable id (documents.id in the index)
  Document doc;
  std::vector<std::vector<LinkTag>> tags;  // tags[i] are the tags of doc.passages[i]
  std::vector<Stance> stances;           // per passage; missing = neutral
  std::optional<Authority> authority;    // user override of InferAuthority
  // The terms found at index time (EncodeTerms, link_terms.h) of each
  // passage's text and of each commitment tag's text (tag_terms[i][j] for
  // tags[i][j]). Either may be shorter than its list, or an entry empty or
  // unreadable: those terms are found from the text, as a linker without
  // stored terms does, with the same result. BuildRegister frees both once
  // it has read them (linking's memory peak comes later), hence `mutable`:
  // a second BuildRegister on the same inputs finds the terms from the text.
  mutable std::vector<std::string> passage_terms;
  mutable std::vector<std::vector<std::string>> tag_terms;
  // The passages' sections, each held once: when section_of is not empty,
  // passage i's section is sections[section_of[i]] and doc.passages[i].section
  // is left empty (ReadLinkInputs: consecutive passages under one heading
  // share it, and a string per passage of 3,000 papers was about 25 MB).
  std::vector<std::string> sections;
  std::vector<uint32_t> section_of;
  // Passage i's section, however it is held.
  const std::string& Section(size_t i) const {
    return section_of.empty() ? doc.passages[i].section : sections[section_of[i]];
  }
};

// A passage of a document: documents.id and the passage's n.
struct PassageRef {
  int64_t doc = 0;
  int passage = 0;
  bool operator==(const PassageRef& o) const { return doc == o.doc && passage == o.passage; }
  bool operator<(const PassageRef& o) const {
    return doc != o.doc ? doc < o.doc : passage < o.passage;
  }
};

// A sum or date as one document gives it.
struct ValueRef {
  PassageRef passage;
  std::string text;                      // as written: "£3,500", "by the end of 2023"
  std::optional<double> amount;          // money
  DateValue date;                        // dates
};

// One register entry.
struct Commitment {
  std::string id;                        // "C1", "C2"... in register order
  std::string text;                      // the wording of the most authoritative mention
  std::string actor;
  std::string modality;
  std::string action;
  bool local = false;                    // a council's own undertaking
  PassageRef source;                     // the passage that supplies the wording
  std::vector<ValueRef> money;           // sums in the wording
  std::vector<ValueRef> dates;           // dates in the wording
  std::vector<PassageRef> mentions;      // every commitment tag merged into it
};

// Why a passage is linked to an entry. Phrases and words are views into
// Register::evidence_text, which holds each once however many links show it
// (a register of a thousand papers has millions of links).
struct LinkEvidence {
  std::vector<std::string_view> phrases;  // shared phrases, as the entry writes them
  std::vector<std::string_view> terms;    // shared distinctive words
  std::vector<std::string> values;       // shared sums and dates ("£45 million")
  bool states = false;                   // the passage is itself a mention
};

struct Link {
  size_t commitment = 0;                 // index into Register::commitments
  PassageRef passage;
  double score = 0;                      // 0..1+, relative to the entry's own wording
  LinkEvidence evidence;
};

struct DocumentStance {
  size_t commitment = 0;
  int64_t doc = 0;
  Stance stance = Stance::kNeutral;
};

struct Conflict {
  size_t commitment = 0;
  std::string field;                     // "money" or "date"
  std::vector<ValueRef> values;          // the entry's own value first, then the others
};

struct Register {
  std::vector<Commitment> commitments;
  std::vector<Link> links;               // by commitment, then document, then passage
  std::vector<DocumentStance> stances;   // by commitment, then document
  std::vector<Conflict> conflicts;
  // The text LinkEvidence views point into; shared by copies of the register.
  std::shared_ptr<const std::unordered_set<std::string>> evidence_text;
};

struct LinkOptions {
  // A passage is linked when its relative score reaches this.
  double threshold = 0.3;
  // A mention joins an entry when their similarity reaches this, unless its
  // second-best entry comes within merge_ambiguity of the best.
  double merge_threshold = 0.5;
  double merge_ambiguity = 0.95;
  // Once entries are formed, a term's weight is divided by the number of
  // entries worded with it to this power: "consultation in Autumn 2023"
  // shared by four undertakings does not say which one a passage is about.
  double entry_spread = 0.5;
  // Terms weigh IDF to this power: above 1 sharpens the difference between
  // a distinctive phrase and a common one.
  double idf_power = 2.0;
  // Weight of a shared single word relative to a shared phrase of the same rarity.
  double word_weight = 0.35;
  // Extra weight of a phrase inside a proper name.
  double named_weight = 1.5;
  // Passages of the source's documents scoring this against an entry lend it
  // their words and phrases, weighted by expansion_weight.
  double expansion_threshold = 0.45;
  double expansion_weight = 0.5;
  // A passage naming one of an entry's distinctive names in full scores at
  // least named_score; one sharing no part of any of a named entry's names
  // has its score multiplied by unnamed_factor. A name is distinctive when
  // its phrases are in at most name_max_share of the passages and it is in
  // the wording of at most two entries.
  double named_score = 0.6;
  double unnamed_factor = 0.5;
  double name_max_share = 0.05;
  // Added to the relative score by a shared sum and again by a shared date,
  // once the words agree to at least half the threshold (a third when both
  // are shared).
  double value_bonus = 0.15;
  // A passage sharing a single phrase with an entry, not a name, is linked
  // only with this many distinctive shared words besides.
  size_t single_phrase_words = 2;
  // Threads that score entries against passages; 0 = one per core. The
  // result is the same for any number.
  int threads = 0;
};

// How many passages hold a term (df) and how many hold it inside a proper
// name (named_df): the corpus statistics every weight comes from.
struct TermCounts {
  int df = 0;
  int named_df = 0;
};

// The statistics of a corpus, kept apart from its documents: a snapshot
// taken by one full link and used by later links of a few documents, so
// that adding a paper does not mean reading every other one again
// (docs/performance.md, finding 6). Keys are the linker's term keys
// (link_terms.h).
class CorpusStats {
 public:
  virtual ~CorpusStats() = default;
  // How many passages the corpus had.
  virtual int64_t passages() const = 0;
  // The statistics of each key (ascending, distinct), zero for a key the
  // corpus did not have. False when they cannot be read.
  virtual bool Lookup(const std::vector<std::string_view>& keys, std::vector<TermCounts>* out) const = 0;
};

// A corpus's statistics as one full link counted them: every key held by a
// passage, ascending, with its counts.
struct CorpusStatsTable final : CorpusStats {
  int64_t passage_count = 0;
  std::vector<std::string> keys;
  std::vector<TermCounts> stats;  // in step with keys

  int64_t passages() const override { return passage_count; }
  bool Lookup(const std::vector<std::string_view>& wanted, std::vector<TermCounts>* out) const override;
};

// What a link computes, when not everything from everything.
struct LinkScope {
  // Weigh terms by these statistics instead of counting them in the inputs.
  const CorpusStats* stats = nullptr;
  // Link only the passages of these documents (ids); empty for all. The
  // register's entries still come from every input: given the documents
  // that are the sources of entries and the targets, with the statistics of
  // the whole corpus, the targets' links, stances and disagreement values
  // are those a link of the whole corpus with the same statistics gives
  // them (tests/link_incremental_test.cc).
  std::vector<int64_t> targets;
};

// One entry's links, stances and disagreements (the parts of Register
// that are per entry), in Register's order.
struct RegisterPart {
  size_t commitment = 0;                 // index into Register::commitments
  size_t entries = 0;                    // how many entries the register has (for progress)
  std::vector<Link> links;
  std::vector<DocumentStance> stances;
  std::vector<Conflict> conflicts;
};

// Receives the register entry by entry, in register order, as linking
// produces it: the entry (the whole list of entries is made first) and its
// part, whose evidence views point into the pool of the Register being
// built. False stops the linking. Called from one thread at a time, not
// always the caller's.
using RegisterSink = std::function<bool(const Commitment& commitment, RegisterPart&& part)>;

// Builds the register, links, stances and conflicts from every document.
// `stats_out`, when given, receives the statistics this link counted (with
// scope.stats set, those it was given are not copied: it is left empty).
// With a `sink`, each entry's links, stances and conflicts go to it as soon
// as they are known instead of into the Register, so that the links of a
// large corpus are never all held at once (docs/performance.md, finding 16);
// the Register returned then holds the entries and the evidence pool only.
// The parts are those a call without a sink puts in the Register, in the
// same order.
Register BuildRegister(const std::vector<LinkInput>& docs, const LinkOptions& options = {},
                       const LinkScope& scope = {}, CorpusStatsTable* stats_out = nullptr,
                       const RegisterSink* sink = nullptr);

// The first words of a commitment's wording, cut at a word boundary to at
// most `max_chars` bytes with "…" when cut (for tables).
std::string ShortWording(const std::string& text, size_t max_chars);

}  // namespace xref
