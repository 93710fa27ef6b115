// The commitment register: merging mentions, scoring passages, stances and
// disagreements. See link.h for the design.
#include "pipeline/link.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "pipeline/link_terms.h"
#include "pipeline/segment.h"

namespace xref {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// `text` up to the end of the sentence that holds byte `at` (its full stop,
// question or exclamation mark before a space), or all of it.
std::string_view ThroughSentence(std::string_view text, size_t at) {
  for (size_t k = at; k + 1 < text.size(); ++k) {
    if ((text[k] == '.' || text[k] == '?' || text[k] == '!') && text[k + 1] == ' ')
      return text.substr(0, k + 1);
  }
  return text;
}

// ---------------------------------------------------------------- authority

// The opening of a document as lower-case text: title and first passages,
// where a paper says what it is. Short passages (a web page's menu printed
// to PDF, "Topics", "Our support", ...) are read but not counted, so that
// they do not crowd out the paragraph that says "This briefing ...".
std::string Opening(const Document& doc) {
  std::string text = Lower(doc.title) + "\n";
  size_t taken = 0;
  for (const Passage& p : doc.passages) {
    if (taken >= 12 || text.size() > 4000) break;
    taken += p.text.size() >= 40 ? 1 : 0;
    text += Lower(p.text) + "\n";
  }
  return text;
}

// --------------------------------------------------------------- vocabulary

// Words and phrases are interned: a passage's terms are sorted vectors of ids,
// compared by merging, and every term has a posting list of the passages that
// hold it, so that an entry is scored only against passages sharing a term it
// cannot do without (see Candidates).
using TermId = uint32_t;

// The terms of a text as sorted ids. Once the vocabulary is sealed, ids follow
// the byte order of the terms' keys, so walking a TermIds in order visits terms
// in the order of a TermSet's std::set<std::string>, and every sum below adds
// the same numbers in the same order whatever order the input came in.
struct TermIds {
  std::vector<TermId> words;
  std::vector<TermId> phrases;
  std::vector<TermId> named;  // the subset of phrases inside proper names
};

// A sorted run of ids held by someone else (PassageIndex holds every
// passage's terms in a few large arrays: a vector per list of every passage
// of a large corpus cost its header and an allocation each, more than the
// ids themselves, docs/performance.md finding 32).
template <typename T>
class Span {
 public:
  Span() = default;
  Span(T* first, uint32_t n) : first_(first), n_(n) {}
  const T* begin() const { return first_; }
  const T* end() const { return first_ + n_; }
  T* begin() { return first_; }
  T* end() { return first_ + n_; }
  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  const T& operator[](size_t i) const { return first_[i]; }
  const T& front() const { return first_[0]; }
  const T& back() const { return first_[n_ - 1]; }

 private:
  T* first_ = nullptr;
  uint32_t n_ = 0;
};
using IdSpan = Span<TermId>;

// A passage's terms as TermIds has them, viewed in PassageIndex's arrays:
// its words, phrases and named phrases one after the other from `first`
// (20 bytes a passage rather than three spans' 48).
class TermView {
 public:
  TermView() = default;
  TermView(TermId* first, uint32_t words, uint32_t phrases, uint32_t named)
      : first_(first), words_(words), phrases_(phrases), named_(named) {}
  IdSpan words() const { return {first_, words_}; }
  IdSpan phrases() const { return {first_ + words_, phrases_}; }
  IdSpan named() const { return {first_ + words_ + phrases_, named_}; }

 private:
  TermId* first_ = nullptr;
  uint32_t words_ = 0;
  uint32_t phrases_ = 0;
  uint32_t named_ = 0;
} __attribute__((packed));  // not padded to 24 bytes: PassageIndex::Entry holds one per passage

// The lists of a TermIds or a TermView, alike.
inline const std::vector<TermId>& Words(const TermIds& t) { return t.words; }
inline const std::vector<TermId>& Phrases(const TermIds& t) { return t.phrases; }
inline const std::vector<TermId>& Named(const TermIds& t) { return t.named; }
inline IdSpan Words(const TermView& t) { return t.words(); }
inline IdSpan Phrases(const TermView& t) { return t.phrases(); }
inline IdSpan Named(const TermView& t) { return t.named(); }

template <typename C>
bool Has(const C& sorted, TermId id) {
  return std::binary_search(sorted.begin(), sorted.end(), id);
}

// Adds `from` to the sorted `into`; returns the ids that were new.
template <typename C>
std::vector<TermId> AddSorted(std::vector<TermId>* into, const C& from) {
  std::vector<TermId> added;
  std::set_difference(from.begin(), from.end(), into->begin(), into->end(), std::back_inserter(added));
  if (!added.empty()) {
    std::vector<TermId> merged;
    merged.reserve(into->size() + added.size());
    std::merge(into->begin(), into->end(), added.begin(), added.end(), std::back_inserter(merged));
    into->swap(merged);
  }
  return added;
}

class Vocabulary {
 public:
  static constexpr TermId kNone = std::numeric_limits<TermId>::max();

  // The ids of a text's terms; `count` adds one to the document frequency of
  // each (passages count, mentions do not).
  // (T is a TermSet or a TermKeyList: both hold their keys in byte order.)
  template <typename T>
  TermIds Intern(const T& t, bool count) {
    return InternWith(
        t, [&](const std::string& key, bool counted) { return Intern(key, count && counted); });
  }

  // One worker's way into the vocabulary, so that texts are interned on
  // every core (a corpus of a thousand papers has 19 million passage terms,
  // docs/performance.md finding 34): the keys it has met are found in its
  // own table, and only a key new to it takes `mutex` to be interned in the
  // shared vocabulary. Its counts are kept apart until AddCounts. Which key
  // gets which id then depends on which worker met it first, but ids are
  // only compared once Seal has renumbered them in the order of their keys,
  // so nothing the linker computes depends on it.
  class Local {
   public:
    Local(Vocabulary* vocab, std::mutex* mutex) : vocab_(vocab), mutex_(mutex) {}
    template <typename T>
    TermIds Intern(const T& t, bool count) {
      return vocab_->InternWith(t, [&](const std::string& key, bool counted) {
        auto it = ids_.find(key);
        if (it == ids_.end()) {
          TermId id = kNone;
          {
            std::lock_guard<std::mutex> lock(*mutex_);
            id = vocab_->Intern(key, false);
          }
          it = ids_.emplace(key, id).first;
        }
        if (count && counted) {
          if (it->second >= df_.size()) df_.resize(it->second + 1, 0);
          ++df_[it->second];
        }
        return it->second;
      });
    }
    // Adds the counts kept so far to the vocabulary's; call with no worker
    // interning.
    void AddCounts() {
      for (TermId id = 0; id < df_.size(); ++id) vocab_->df_[id] += df_[id];
      std::vector<int>().swap(df_);
    }

   private:
    Vocabulary* vocab_;
    std::mutex* mutex_;
    std::unordered_map<std::string, TermId> ids_;
    std::vector<int> df_;
  };

  // Renumbers the ids in the byte order of their keys; `remap` turns ids
  // handed out before into the new ones. Call once, after the last Intern.
  std::vector<TermId> Seal() {
    std::vector<TermId> order(keys_.size());
    for (TermId i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](TermId a, TermId b) { return keys_[a] < keys_[b]; });
    std::vector<TermId> remap(keys_.size());
    std::vector<std::string> keys(keys_.size());
    std::vector<int> df(keys_.size());
    for (TermId now = 0; now < order.size(); ++now) {
      remap[order[now]] = now;
      keys[now] = std::move(keys_[order[now]]);
      df[now] = df_[order[now]];
    }
    keys_.swap(keys);
    df_.swap(df);
    for (auto& [key, id] : ids_) id = remap[id];
    return remap;
  }

  static void Remap(const std::vector<TermId>& remap, TermIds* t) {
    for (auto* list : {&t->words, &t->phrases, &t->named}) {
      for (TermId& id : *list) id = remap[id];
    }
    Sort(t);
  }
  static void Remap(const std::vector<TermId>& remap, const TermView& t) {
    for (IdSpan list : {t.words(), t.phrases(), t.named()}) {
      for (TermId& id : list) id = remap[id];
      std::sort(list.begin(), list.end());
    }
  }

  // The ids of the terms of `t` the vocabulary knows, sorted: for a part of
  // a text that was interned whole (a sentence of a passage).
  template <typename T>
  TermIds Known(const T& t) const {
    TermIds out;
    auto add = [&](const auto& keys, std::vector<TermId>* into) {
      for (const std::string& key : keys) {
        TermId id = Find(key);
        if (id != kNone) into->push_back(id);
      }
    };
    add(t.words, &out.words);
    add(t.phrases, &out.phrases);
    add(t.named, &out.named);
    Sort(&out);
    return out;
  }

  TermId Find(const std::string& key) const {
    auto it = ids_.find(key);
    return it == ids_.end() ? kNone : it->second;
  }
  const std::string& Key(TermId id) const { return keys_[id]; }
  int Df(TermId id) const { return df_[id]; }
  // The document frequency of a corpus the inputs are part of (CorpusStats).
  void SetDf(TermId id, int df) { df_[id] = df; }
  size_t size() const { return keys_.size(); }

 private:
  TermId Intern(const std::string& key, bool count) {
    auto [it, added] = ids_.try_emplace(key, static_cast<TermId>(keys_.size()));
    if (added) {
      keys_.push_back(key);
      df_.push_back(0);
    }
    if (count) ++df_[it->second];
    return it->second;
  }
  static void Sort(TermIds* t) {
    for (auto* list : {&t->words, &t->phrases, &t->named}) std::sort(list->begin(), list->end());
  }
  // The ids intern(key, counted) gives each of t's keys, sorted; a named
  // phrase is never counted (it is counted as a phrase).
  template <typename T, typename F>
  static TermIds InternWith(const T& t, F&& intern) {
    TermIds out;
    out.words.reserve(t.words.size());
    for (const std::string& w : t.words) out.words.push_back(intern(w, true));
    out.phrases.reserve(t.phrases.size());
    for (const std::string& p : t.phrases) out.phrases.push_back(intern(p, true));
    for (const std::string& p : t.named) out.named.push_back(intern(p, false));
    Sort(&out);
    return out;
  }

  std::unordered_map<std::string, TermId> ids_;
  std::vector<std::string> keys_;
  std::vector<int> df_;
};

// ----------------------------------------------------------------- mentions

struct Mention {
  PassageRef ref;
  const LinkInput* input = nullptr;
  const Passage* passage = nullptr;
  // The undertaking as the mention words it: a commitment tag, or a whole
  // item of a list of commitments. Views and pointers into the inputs, which
  // outlive the linking: a corpus of a thousand papers has a quarter of a
  // million mentions, held to the end.
  std::string_view text;
  std::string_view actor;
  std::string_view modality;
  std::string_view action;
  std::vector<const LinkTag*> money;
  std::vector<const LinkTag*> dates;
  Authority authority = Authority::kBriefing;
  size_t rank = 0;  // the document's place in the canonical order
  bool in_list = false;
  bool local = false;
  // The terms of `text` as the index stored them (EncodeTerms), or null.
  // Freed once read (the linker's peak comes while the mentions are made).
  std::string* stored_terms = nullptr;
  TermIds ids;  // the terms of `text`, interned
  // The terms of `actor`, interned, when the actor is a body (ActorIsABody);
  // null for most mentions, which are a quarter of a million at 3,000 papers.
  Boxed<TermIds> actor_ids;
  std::vector<std::vector<std::string>> names;  // terms.names, kept
  std::vector<size_t> name_starts;               // terms.name_starts, kept

  const std::string& section() const {
    return input->Section(static_cast<size_t>(passage - input->doc.passages.data()));
  }
};

bool IsLocalActor(std::string_view actor, Authority authority) {
  // One body named in the singular ("the Council", "Anytown County Council",
  // "the Cabinet"); "councils" or "local authorities" are others, spoken of.
  // "Their council", "each local authority", "a council" are any council,
  // as a national paper speaks of them; so is a lower-case "the local
  // authority" in a national paper, which names a council with capitals.
  std::string a = Lower(actor);
  while (!a.empty() && (a.back() == ' ' || a.back() == '.')) a.pop_back();
  std::string_view first = std::string_view(a).substr(0, a.find(' '));
  for (std::string_view any : {"their", "your", "his", "her", "its", "each", "every", "any", "a", "an",
                               "some", "other", "which", "whose"}) {
    if (first == any) return false;
  }
  bool capitalised = std::any_of(actor.begin(), actor.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (authority == Authority::kNational && !capitalised) return false;
  auto ends_with = [&](std::string_view word) {
    return a.size() >= word.size() && a.compare(a.size() - word.size(), word.size(), word) == 0;
  };
  for (std::string_view word : {"council", "authority", "cabinet", "committee", "mayor"}) {
    if (ends_with(word)) return true;
  }
  if (authority != Authority::kLocal) return false;
  // In a council's own paper its officers act for it, and what "the
  // Council's" team, grant or programme will do is the Council's doing.
  if (ends_with("officers") || ends_with("officer")) return true;
  for (std::string_view possessive : {"council's", "council\u2019s"}) {
    if (a.find(possessive) != std::string::npos) return true;
  }
  // So does its department or directorate named bare ("The Department will
  // be developing a response"): a government department has a name.
  if (a == "department" || a == "directorate") return true;
  // And a county, district, city or borough council calls itself by its
  // kind of place ("The County will support the districts' bids").
  std::string_view bare(a);
  if (bare.substr(0, 4) == "the ") bare.remove_prefix(4);
  for (std::string_view place : {"county", "district", "city", "borough"}) {
    if (bare == place) return true;
  }
  return a == "we" || a == "us" || a == "our";
}

// A row of a table under a heading of commitments that is an item of it:
// a row giving a sum or a date beside at least five words ("Childminder
// Start-up Grant (chapter 4) | Pay £1,200 to each new childminder ... |
// £28 million | April 2027 to March 2029"), as plans set their
// commitments out in a table as often as in a list. The header row gives
// neither; a row's last line carried over a page break gives too few words.
bool IsCommitmentRow(const Passage& p, bool valued) {
  if (p.kind != PassageKind::kTableCell || !valued) return false;
  int words = 0;
  for (size_t i = 0; i < p.text.size();) {
    const bool letter = std::isalpha(static_cast<unsigned char>(p.text[i])) != 0;
    size_t j = i;
    while (j < p.text.size() && std::isalpha(static_cast<unsigned char>(p.text[j]))) ++j;
    if (letter && j - i > 1) ++words;
    i = letter ? j : i + 1;
  }
  return words >= 5;
}

// A heading over a list of undertakings, in the words papers use for one.
bool IsCommitmentList(const std::string& section) {
  std::string s = Lower(section);
  for (std::string_view word : {"commitment", "proposal", "pledge", "undertaking", "we will",
                                "next steps", "actions", "key measures"}) {
    if (Contains(s, word)) return true;
  }
  return false;
}

// Does a name's first or last word (a stem) make it the name of an
// organisation or a country ("Integrated Care Boards", "Department for
// Education", "Social Work England")? Such a name says who acts or is
// worked with, not what is undertaken: a paper on the Integrated Care Board's
// strategy is not about an undertaking that mentions the boards. English
// nouns for bodies, not any corpus's names.
bool IsBodyNameWord(const std::string& stem) {
  static const std::set<std::string> kStems = [] {
    std::set<std::string> stems;
    for (const char* w : {"agency", "alliance", "association", "authority", "board", "cabinet", "commission",
                          "commissioner", "committee", "council", "department", "england", "executive", "forum",
                          "government", "inspectorate", "ireland", "ministry", "office", "ombudsman", "panel",
                          "parliament", "regulator", "scotland", "trust", "wales"}) {
      stems.insert(StemWord(w));
    }
    return stems;
  }();
  return kStems.count(stem) != 0;
}

// Is a word (a stem) the title of an office a person holds ("Director of
// Public Health", "Head of Trading Standards", "Cabinet Member for Health")?
// English nouns for offices, not any corpus's titles.
bool IsOfficeWord(const std::string& stem) {
  static const std::set<std::string> kStems = [] {
    std::set<std::string> stems;
    for (const char* w : {"chair", "chairman", "chief", "clerk", "director", "head", "leader", "manager", "mayor",
                          "member", "minister", "officer", "president", "secretary"}) {
      stems.insert(StemWord(w));
    }
    return stems;
  }();
  return kStems.count(stem) != 0;
}

// Whether a name, as its phrases ("depart coastal", "coastal affair"), is a
// body's by its first or last word (IsBodyNameWord).
bool IsBodyName(const std::vector<std::string>& name) {
  const std::string& first = name.front();
  const std::string& last = name.back();
  return IsBodyNameWord(first.substr(0, first.find(' '))) || IsBodyNameWord(last.substr(last.find(' ') + 1));
}

// Whether an actor ("the Department for Coastal Affairs", "Environment
// Agency", "Government") is a body by its first or last word, rather than a
// programme or instrument said to act ("The School Streets grant is to
// increase ...").
bool ActorIsABody(std::string_view actor) {
  std::vector<std::string> words;
  std::string word;
  for (char c : std::string(actor) + " ") {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!word.empty()) {
      if (words.empty() && (word == "the" || word == "a" || word == "an")) {
        word.clear();
        continue;
      }
      words.push_back(std::move(word));
      word.clear();
    }
  }
  return !words.empty() && (IsBodyNameWord(StemWord(words.front())) || IsBodyNameWord(StemWord(words.back())));
}

// English words for the kinds of thing a name's head calls it, when the
// language has several: money put to a purpose (kind 1), a scheme (kind 2),
// a legal duty (kind 3), a standard (kind 4: "a single national format" for
// reporting is a reporting standard) and an upper bound (kind 5: "the
// national limit on single fares" is a fare cap). Plain English, not any
// corpus's names.
struct HeadWord {
  const char* word;
  int kind;
};
constexpr HeadWord kHeadWords[] = {{"fund", 1},        {"funding", 1},     {"money", 1},       {"pot", 1},
                                   {"grant", 1},       {"allocation", 1},  {"scheme", 2},      {"programme", 2},
                                   {"arrangement", 2}, {"initiative", 2},  {"duty", 3},        {"law", 3},
                                   {"requirement", 3}, {"obligation", 3},  {"standard", 4},    {"rules", 4},
                                   {"format", 4},      {"cap", 5},         {"limit", 5},       {"ceiling", 5}};

// The kind (kHeadWords) of a name's head, a stem; 0 for any other word.
int HeadKind(const std::string& stem) {
  static const std::map<std::string, int> kKinds = [] {
    std::map<std::string, int> kinds;
    for (const HeadWord& h : kHeadWords) kinds.emplace(StemWord(h.word), h.kind);
    return kinds;
  }();
  auto it = kKinds.find(stem);
  return it == kKinds.end() ? 0 : it->second;
}

// The heads of `kind`, as stems with the word each stands for ("arrang" ->
// "arrangement"); one per stem ("funding" is "fund").
std::vector<std::pair<std::string, std::string>> HeadsOfKind(int kind) {
  std::vector<std::pair<std::string, std::string>> heads;
  for (const HeadWord& h : kHeadWords) {
    if (h.kind != kind) continue;
    const std::string stem = StemWord(h.word);
    if (std::none_of(heads.begin(), heads.end(), [&](const auto& known) { return known.first == stem; })) {
      heads.emplace_back(stem, h.word);
    }
  }
  return heads;
}

// Whether `a` and `b` both open with one proper name of three words or more
// (among their first two content words) that is not a body's name.
bool SameOpeningName(const Mention& a, const Mention& b) {
  constexpr size_t kOpeningWords = 2;
  for (size_t i = 0; i < a.names.size() && i < a.name_starts.size(); ++i) {
    const std::vector<std::string>& name = a.names[i];
    if (name.size() < 2 || a.name_starts[i] >= kOpeningWords || IsBodyName(name)) continue;
    for (size_t j = 0; j < b.names.size() && j < b.name_starts.size(); ++j) {
      if (b.name_starts[j] < kOpeningWords && b.names[j] == name) return true;
    }
  }
  return false;
}

// A heading over the papers a report cites, in the words papers use for one
// ("Background Papers", "References", "List of background documents"): its
// passages name other papers' titles, they do not discuss them.
bool IsReferenceList(const std::string& section) {
  std::string s = Lower(section);
  size_t start = s.find_first_not_of("0123456789.() \t");
  s = start == std::string::npos ? std::string() : s.substr(start);
  while (!s.empty() && (s.back() == ' ' || s.back() == ':')) s.pop_back();
  // "Annex: sources", "Appendix B - References": the annex's own label first.
  static const RE2 kAnnex(R"(^(?:annex|appendix)(?:\s+[a-z0-9]{1,3})?\s*[:.\-\x{2013}\x{2014}]\s*)");
  re2::StringPiece rest(s);
  if (RE2::Consume(&rest, kAnnex)) s = std::string(rest);
  if (s.rfind("list of ", 0) == 0) s = s.substr(8);
  for (std::string_view heading : {"background papers", "background paper", "background documents",
                                   "references", "bibliography", "sources", "further reading",
                                   "endnotes", "citations", "works cited"}) {
    if (s == heading) return true;
  }
  return false;
}

bool SameAmount(double a, double b) { return std::fabs(a - b) <= 0.005 * std::max(a, b); }

std::vector<double> Amounts(const std::vector<const LinkTag*>& money) {
  std::vector<double> out;
  for (const LinkTag* t : money) {
    if (t->amount) out.push_back(*t->amount);
  }
  return out;
}

bool SharesSum(const Mention& a, const Mention& b) {
  for (double x : Amounts(a.money)) {
    for (double y : Amounts(b.money)) {
      if (SameAmount(x, y)) return true;
    }
  }
  return false;
}

// Whether two sums are competing figures for one thing (£380 million
// against £420 million), as a paper quoting an undertaking wrongly or from an
// older announcement gives: different, but neither half the other or less
// (that is a part and its whole, or another aggregate).
bool CompetingAmounts(double x, double y) {
  const double hi = std::max(x, y), lo = std::min(x, y);
  return lo > 0 && hi / lo < 2.0 && !SameAmount(x, y);
}

bool CompetingSums(const Mention& a, const Mention& b) {
  for (double x : Amounts(a.money)) {
    for (double y : Amounts(b.money)) {
      if (CompetingAmounts(x, y)) return true;
    }
  }
  return false;
}

// The first three words of `text` (runs of letters); `n` says how many.
struct OpeningWords {
  std::string_view words[3];
  size_t n = 0;
  explicit OpeningWords(std::string_view text) {
    size_t i = 0;
    auto letter = [&](size_t k) { return std::isalpha(static_cast<unsigned char>(text[k])) != 0; };
    while (n < 3 && i < text.size()) {
      while (i < text.size() && !letter(i)) ++i;
      size_t j = i;
      while (j < text.size() && letter(j)) ++j;
      if (j > i) words[n++] = text.substr(i, j - i);
      i = j;
    }
  }
};

// A wording whose subject is a bare pronoun or "this"/"these" with at most
// one word after it ("This will ...", "It is to ...", "This work will ..."):
// it refers back to what came before.
bool OpensWithAnaphor(std::string_view text) {
  const OpeningWords opening(text);
  const std::string_view* words = opening.words;
  const size_t n = opening.n;
  auto is = [&](size_t k, std::initializer_list<std::string_view> any) {
    return k < n && std::any_of(any.begin(), any.end(), [&](std::string_view w) { return Lower(words[k]) == w; });
  };
  const std::initializer_list<std::string_view> verbs = {"will", "would", "shall", "is", "are", "was", "were",
                                                          "has", "have"};
  if (is(0, {"it", "they", "those", "that"})) return is(1, verbs);
  return is(0, {"this", "these"}) && (is(1, verbs) || is(2, verbs));
}

// The first `n` words of `text` in lower case, an apostrophe (straight or
// curly) kept inside a word ("council's").
std::vector<std::string> LowerOpeningWords(std::string_view text, size_t n) {
  std::vector<std::string> words;
  for (size_t i = 0; i < text.size() && words.size() < n;) {
    while (i < text.size() && !std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    std::string word;
    while (i < text.size()) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (std::isalpha(c)) {
        word += static_cast<char>(std::tolower(c));
        ++i;
      } else if (c == '\'') {
        word += '\'';
        ++i;
      } else if (text.compare(i, 3, "\xE2\x80\x99") == 0) {  // a curly apostrophe
        word += '\'';
        i += 3;
      } else {
        break;
      }
    }
    if (!word.empty()) words.push_back(std::move(word));
  }
  return words;
}

bool IsOneOf(const std::string& w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Whether a wording's subject is a part of what a programme pays out, or
// of how ("Allocations will be made by a formula ...", "Each council's
// allocation will be set ...", "Funding will be paid to local authorities
// ...", "The first round will close in May 2027", "Grants for each scheme
// will rise ...", "Priority will go to schools that ..."): in a plan,
// said of the programme named before it, not an undertaking of its own.
bool OpensWithProgrammePart(std::string_view text) {
  const std::vector<std::string> words = LowerOpeningWords(text, 6);
  const auto any = IsOneOf;
  size_t k = 0;
  if (k < words.size() && any(words[k], {"the", "each", "all", "its"})) ++k;
  // "Each council's allocation", "councils' allocations".
  if (k < words.size() && words[k].size() > 2 &&
      (words[k].compare(words[k].size() - 2, 2, "'s") == 0 || words[k].back() == '\'')) {
    ++k;
  }
  if (k < words.size() && any(words[k], {"first", "second", "third", "final", "next", "later", "annual"})) ++k;
  if (k + 1 >= words.size()) return false;
  return any(words[k], {"allocation", "allocations", "award", "awards", "bid", "bids", "funding", "grant", "grants",
                        "payment", "payments", "priority", "round", "rounds", "share", "shares"}) &&
         any(words[k + 1], {"will", "are", "is", "shall", "would", "for", "of", "to", "under", "from"});
}

// Whether a wording's verb seeks a part of what a programme pays out
// ("Councils, charities and community groups will bid for capital grants of
// between £100,000 and £2 million", "Schools can apply for funding ..."):
// with an actor the programme serves, in a plan, said of the programme
// named before it, as "Grants will be ..." is (OpensWithProgrammePart).
bool SeeksProgrammePart(std::string_view text) {
  const std::vector<std::string> words = LowerOpeningWords(text, 16);
  const auto any = IsOneOf;
  for (size_t k = 0; k + 2 < words.size(); ++k) {
    if (!any(words[k], {"will", "can", "may", "must"})) continue;
    if (!any(words[k + 1], {"bid", "apply", "receive", "compete"})) return false;
    for (size_t j = k + 2; j < words.size() && j < k + 6; ++j) {
      if (any(words[j], {"allocation", "allocations", "award", "awards", "funding", "grant",
                         "grants", "payment", "payments", "share", "shares"})) {
        return true;
      }
    }
    return false;
  }
  return false;
}

// Whether a mention writes a name that `profile` (an entry's terms) does not
// hold.
bool NamesOtherThan(const Mention& m, const TermIds& profile) {
  return std::any_of(m.ids.named.begin(), m.ids.named.end(),
                     [&](TermId id) { return !Has(profile.named, id); });
}

// The entry of which `names` (pairs of an entry and a named phrase of it
// that a text writes) hold the most phrases, or `none` when two hold as
// many.
size_t MostNamed(const std::vector<std::pair<size_t, TermId>>& names, size_t none) {
  std::map<size_t, std::set<TermId>> phrases;
  for (const auto& [entry, id] : names) phrases[entry].insert(id);
  size_t best = none, most = 0;
  bool tie = false;
  for (const auto& [entry, ids] : phrases) {
    if (ids.size() > most) {
      best = entry;
      most = ids.size();
      tie = false;
    } else if (ids.size() == most) {
      tie = true;
    }
  }
  return tie ? none : best;
}

// Whether a mention's actor is someone a programme serves or pays, not the
// paper's own voice or a named body: unspecified (a passive, "Operators will
// be paid for the fares they lose"), or common nouns ("Each council will
// receive up to ...", "Parents will qualify where ...", "their council").
// The words of an actor before a preposition that places it ("Every local
// transport authority" of "Every local transport authority outside London",
// "Councils" of "Councils in England"): the rest says where, not who. The
// whole actor when no such preposition follows its first word.
std::string_view ActorBeforePlace(std::string_view actor) {
  size_t best = actor.size();
  for (std::string_view prep : {" outside ", " in ", " across ", " within ", " beyond "}) {
    const size_t at = actor.find(prep);
    if (at != std::string_view::npos && at > 0 && at < best) best = at;
  }
  return actor.substr(0, best);
}

// "We", the Government, a department or minister, and any name with capitals
// past its first letter ("Natural England", "the Department for Education")
// undertake things of their own; a place after a preposition does not make
// common nouns a name ("Every local transport authority outside London").
bool ActorIsServed(std::string_view actor) {
  if (actor == "unspecified") return true;
  const std::string a = Lower(actor);
  if (a == "we" || a == "us" || a.compare(0, 3, "we ") == 0) return false;
  for (std::string_view voice : {"government", "department", "minister", "secretary of state"}) {
    if (Contains(a, voice)) return false;
  }
  const std::string_view head = ActorBeforePlace(actor);
  for (size_t i = 1; i < head.size(); ++i) {
    if (std::isupper(static_cast<unsigned char>(head[i]))) return false;
  }
  return true;
}

// The key of the noun a wording opens with after `determiner`, when one of
// `verbs` follows it ("The fund will ...", "Each club will ..."); empty
// otherwise. With `lower_noun`, a capitalised noun (a name) does not count.
std::string OpeningHead(std::string_view text, std::string_view determiner,
                        std::initializer_list<std::string_view> verbs, bool lower_noun) {
  const OpeningWords opening(text);
  const std::string_view* words = opening.words;
  if (opening.n < 3 || Lower(words[0]) != determiner) return "";
  if (lower_noun && !std::islower(static_cast<unsigned char>(words[1][0]))) return "";
  const std::string verb = Lower(words[2]);
  if (std::find(verbs.begin(), verbs.end(), verb) == verbs.end()) return "";
  return StemWord(Lower(words[1]));
}

// The key of the head word of a wording whose subject is "the" and one
// common noun ("The fund will meet up to 75 per cent ...", "The grant is
// to ..."): it refers back to a thing of that kind named before. Empty
// otherwise.
std::string DefiniteHead(std::string_view text) {
  return OpeningHead(text, "the", {"is", "will", "would", "shall", "can", "has", "are", "was"}, true);
}

// The key of the noun after an opening "Each" whose verb follows it ("3.2
// Each club will offer at least four hours ..."): the things of that kind
// the wording before spoke of, taken one by one. Empty otherwise.
std::string EachHead(std::string_view text) {
  return OpeningHead(text, "each", {"will", "is", "shall", "must", "would", "can", "may"}, false);
}

// Whether `m`, running prose of the paper whose list item `src` is, may
// restate that item in its own longer sentence, as another paper does
// ("2.1 From September 2027, every pupil whose family receives Universal
// Credit will be entitled to a free school lunch ..." for the listed
// "extend free school meals to every pupil in a household receiving
// Universal Credit ..., from September 2027"): a plan's prose goes on to
// say what its list promised.
bool RestatesOwnListItem(const Mention& src, const Mention& m) {
  return src.input == m.input && src.in_list && !m.in_list && !m.local && !src.local;
}

// Two mentions of one document that give sums, none of them shared, are two
// undertakings: a document does not contradict itself within a page.
bool DisjointSums(const Mention& a, const Mention& b) {
  return !Amounts(a.money).empty() && !Amounts(b.money).empty() && !SharesSum(a, b);
}

// --------------------------------------------------------------- similarity

// Term weights: IDF over the corpus's passages, to the power idf_power.
class Weights {
 public:
  Weights(const Vocabulary& vocab, int passages, const LinkOptions& options)
      : vocab_(&vocab), options_(&options), idf_(vocab.size()), rarity_(vocab.size()) {
    for (TermId id = 0; id < vocab.size(); ++id) {
      // A term never seen in a passage weighs as a term seen once.
      double df = vocab.Df(id) == 0 ? 1.0 : vocab.Df(id);
      double idf = std::log((passages + 1.0) / (df + 0.5));
      idf_[id] = idf > 0 ? idf : 0.0;
      // Squared IDF: a phrase in two passages must outweigh several in twenty.
      rarity_[id] = std::pow(idf_[id], options.idf_power);
    }
  }

  // A term found in one passage only cannot be shared by two passages: it
  // says nothing about links and would only dilute the wording's weight.
  double Phrase(TermId id, bool named) const {
    if (vocab_->Df(id) < 2) return 0;
    return rarity_[id] * (named ? options_->named_weight : 1.0);
  }
  double Word(TermId id) const {
    return vocab_->Df(id) < 2 ? 0 : options_->word_weight * rarity_[id];
  }
  double Idf(TermId id) const { return idf_[id]; }
  // Divides the weight of each term by (number of entries whose wording
  // holds it)^alpha: a term many undertakings are worded with does not tell
  // them apart.
  void Spread(const std::vector<int>& entries_with, double alpha) {
    for (TermId id = 0; id < rarity_.size(); ++id) {
      if (entries_with[id] > 1) rarity_[id] /= std::pow(entries_with[id], alpha);
    }
  }
  // The most a term of `profile` can add to an overlap, whatever the text.
  double MostPhrase(TermId id) const { return std::max(Phrase(id, true), Phrase(id, false)); }

  struct Overlap {
    double score = 0;
    double from_expansion = 0;  // the part of score that borrowed terms gave
    size_t phrases = 0;         // phrases shared
    size_t words = 0;           // words shared
  };

  // What a text shares with a profile, weighted; terms in `expanded` (sorted,
  // optional) weigh expansion_weight of their weight.
  template <typename Text>
  Overlap Compare(const TermIds& profile, const Text& text,
                  const std::vector<TermId>* expanded = nullptr) const {
    Overlap out;
    auto factor = [&](TermId id) {
      return expanded != nullptr && Has(*expanded, id) ? options_->expansion_weight : 1.0;
    };
    ForShared(profile.phrases, Phrases(text), [&](TermId p) {
      bool named = Has(profile.named, p) || Has(Named(text), p);
      double f = factor(p);
      out.score += Phrase(p, named) * f;
      if (f != 1.0) out.from_expansion += Phrase(p, named) * f;
      ++out.phrases;
    });
    ForShared(profile.words, Words(text), [&](TermId w) {
      double f = factor(w);
      double weight = Word(w) * f;
      out.score += weight;
      if (f != 1.0) out.from_expansion += weight;
      ++out.words;
    });
    return out;
  }

  double Self(const TermIds& t) const { return Compare(t, t).score; }

  // The shared phrases, and the distinctive shared words that no shared
  // phrase already shows, each in id order.
  template <typename Text>
  void Evidence(const TermIds& profile, const Text& text, std::vector<TermId>* phrases,
                std::vector<TermId>* terms) const {
    std::vector<std::string_view> words_in_phrases;
    ForShared(profile.phrases, Phrases(text), [&](TermId p) {
      std::string_view key = vocab_->Key(p);
      size_t space = key.find(' ');
      words_in_phrases.push_back(key.substr(0, space));
      words_in_phrases.push_back(key.substr(space + 1));
      phrases->push_back(p);
    });
    std::sort(words_in_phrases.begin(), words_in_phrases.end());
    ForShared(profile.words, Words(text), [&](TermId w) {
      // Near-ubiquitous words are not worth listing as evidence.
      if (Idf(w) >= 1.0 && !std::binary_search(words_in_phrases.begin(), words_in_phrases.end(),
                                               std::string_view(vocab_->Key(w)))) {
        terms->push_back(w);
      }
    });
  }

 private:
  template <typename A, typename B, typename F>
  static void ForShared(const A& a, const B& b, F&& f) {
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
      if (*i < *j) {
        ++i;
      } else if (*j < *i) {
        ++j;
      } else {
        f(*i);
        ++i;
        ++j;
      }
    }
  }

  const Vocabulary* vocab_;
  const LinkOptions* options_;
  std::vector<double> idf_;
  std::vector<double> rarity_;
};

// An ascending list of passage numbers, each written as its difference from
// the one before (the first from 0) in groups of 7 bits, low first, the high
// bit set on all but a number's last byte.
class Postings {
 public:
  Postings(const uint8_t* first, const uint8_t* last) : first_(first), last_(last) {}

  // Writes `n` at `out` (when not null); returns the bytes it takes.
  static size_t Put(uint32_t n, uint8_t* out) {
    size_t k = 0;
    while (n >= 0x80) {
      if (out != nullptr) out[k] = static_cast<uint8_t>(n | 0x80);
      n >>= 7;
      ++k;
    }
    if (out != nullptr) out[k] = static_cast<uint8_t>(n);
    return k + 1;
  }

  class iterator {
   public:
    iterator(const uint8_t* at, const uint8_t* last) : at_(at), last_(last) { Read(0); }
    uint32_t operator*() const { return value_; }
    iterator& operator++() {
      at_ += size_;
      Read(value_);
      return *this;
    }
    bool operator!=(const iterator& o) const { return at_ != o.at_; }

   private:
    void Read(uint32_t base) {
      if (at_ == last_) return;
      uint32_t n = 0;
      size_t k = 0;
      for (int shift = 0;; shift += 7) {
        const uint8_t b = at_[k++];
        n |= static_cast<uint32_t>(b & 0x7f) << shift;
        if ((b & 0x80) == 0) break;
      }
      size_ = k;
      value_ = base + n;
    }
    const uint8_t* at_;
    const uint8_t* last_;
    uint32_t value_ = 0;
    size_t size_ = 0;
  };
  iterator begin() const { return {first_, last_}; }
  iterator end() const { return {last_, last_}; }

 private:
  const uint8_t* first_;
  const uint8_t* last_;
};

// Every passage of the corpus in canonical order, and for each term the
// passages that hold it (ascending).
struct PassageIndex {
  // Half a million of them at 3,000 papers: 56 bytes each.
  struct Entry {
    const LinkInput* input = nullptr;
    uint32_t index = 0;  // in input->doc.passages
    Authority authority = Authority::kBriefing;
    PassageRef ref;
    TermView terms;  // in term_blocks
    // False for headings and for the titles of a reference list: they name
    // what other passages discuss. (A mention there still links: it states.)
    bool discusses = true;
  };
  std::vector<Entry> passages;
  // The passages' terms, a block of passages' lists in each array, each
  // array sized once.
  std::vector<std::vector<TermId>> term_blocks;
  // For each term the passages that hold it, ascending: postings(id) is
  // posting_bytes[posting_start[id] .. posting_start[id + 1]), each passage
  // number written as its difference from the one before in 7-bit groups
  // (Postings). One array: a vector per term cost more than its ids; and a
  // corpus of many papers on few subjects has long lists of close numbers,
  // a byte or two each instead of four.
  std::vector<size_t> posting_start;
  std::vector<uint8_t> posting_bytes;
  Postings postings(TermId id) const {
    return {posting_bytes.data() + posting_start[id], posting_bytes.data() + posting_start[id + 1]};
  }
  // Each passage's place, by its ref (sorted): a map's nodes cost three
  // times as much, and there is one per passage of the corpus.
  std::vector<std::pair<PassageRef, uint32_t>> by_ref;
  static constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

  // The place of the passage `ref`, or kNone.
  uint32_t Find(const PassageRef& ref) const {
    auto it = std::lower_bound(by_ref.begin(), by_ref.end(), ref,
                               [](const std::pair<PassageRef, uint32_t>& a, const PassageRef& b) { return a.first < b; });
    return it != by_ref.end() && it->first == ref ? it->second : kNone;
  }
  // Passages that cite another paragraph of their paper by its number ("as
  // set out in paragraph 5.2"): (cited, citing), sorted.
  std::vector<std::pair<uint32_t, uint32_t>> citations;

  const Passage& passage(uint32_t i) const {
    return passages[i].input->doc.passages[passages[i].index];
  }
  const std::string& section(uint32_t i) const { return passages[i].input->Section(passages[i].index); }
};

// Prepositions that open what a noun is for, at, in or about.
constexpr std::string_view kModifierOpenings[] = {" for ", " at ", " in ", " on ", " to ", " from ", " with ", " about "};

// Whether lower-case `text` writes "the" and `head` (lower case) as a word
// of its own: not a longer word ("the programmes", "the fundraising"), a
// possessive of another name ("the Children's Safeguarding Partnership") nor
// a head that says which one it is ("the programme of works"). `bare`: nor
// any other head followed by what it is for, at or in ("the service at the
// crematorium", "the new money for the roof"): far from the passage that
// named the thing, only the bare head refers back to it.
bool WritesTheHead(const std::string& text, const std::string& head, bool bare = false) {
  const std::string back = "the " + head;
  for (size_t at = text.find(back); at != std::string::npos; at = text.find(back, at + 1)) {
    if (at > 0 && std::isalpha(static_cast<unsigned char>(text[at - 1]))) continue;
    const size_t end = at + back.size();
    if (end >= text.size()) return true;
    const unsigned char c = static_cast<unsigned char>(text[end]);
    if (std::isalpha(c) || c == '\'' || text.compare(end, 3, "\xE2\x80\x99") == 0) continue;
    if (text.compare(end, 4, " of ") == 0) continue;
    if (bare && std::any_of(std::begin(kModifierOpenings), std::end(kModifierOpenings), [&](std::string_view w) {
          return text.compare(end, w.size(), w) == 0;
        })) {
      continue;
    }
    return true;
  }
  return false;
}

// Whether a phrase's key ends with `ending` (" " and a word's key) after
// other words.
bool KeyEndsWith(const std::string& key, const std::string& ending) {
  return key.size() > ending.size() && key.compare(key.size() - ending.size(), ending.size(), ending) == 0;
}

// The word of lower-case `text` that ends just before `at`, lower case.
std::string_view WordBefore(std::string_view text, size_t at) {
  size_t end = at;
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > 0) {
    const unsigned char c = static_cast<unsigned char>(text[begin - 1]);
    if (!(std::isalnum(c) || c == '-' || c == '\'' || c >= 0x80)) break;
    --begin;
  }
  return text.substr(begin, end - begin);
}

// The word of lower-case `text` that starts at `at`: its letters and
// hyphens ("after-school"), or "" where none starts there.
std::string_view WordAt(std::string_view text, size_t at) {
  size_t end = at;
  while (end < text.size() && (std::isalpha(static_cast<unsigned char>(text[end])) || text[end] == '-')) ++end;
  return text.substr(std::min(at, text.size()), end - std::min(at, text.size()));
}

// Whether the word at `at` of `lower` (`written` lowered), or the word
// after it, is one of `heads` (stems): "the fund", or "the revised
// standards" after a paragraph naming the School Food Standards, when the
// word between is written in lower case (no name's) and is one `own` (a
// stem) says the thing's own wording writes ("apply the revised School
// Food Standards ..."): the state of the thing it named.
template <typename Own>
bool HeadAfterThe(std::string_view written, const std::string& lower, size_t at,
                  const std::vector<std::string>& heads, Own own) {
  for (int k = 0; k < 2; ++k) {
    const std::string_view word = WordAt(lower, at);
    if (word.empty()) return false;
    const std::string stem = StemWord(word);
    if (std::find(heads.begin(), heads.end(), stem) != heads.end()) return true;
    if (lower.size() != written.size() || std::isupper(static_cast<unsigned char>(written[at])) ||
        !own(stem)) {
      return false;
    }
    at += word.size();
    if (at >= lower.size() || lower[at] != ' ') return false;
    ++at;
  }
  return false;
}

// Whether lower-case `text` writes the phrase `key` ("stem1 stem2") only
// as what something is, after a form of "be" and without an article: "the
// allocations in Table 1 are capital grant" says what kind of money they
// are; it names no Capital Fund ("the District's prevention allocation"
// names one).
bool ClassifiesAs(std::string_view text, const std::string& key) {
  const size_t space = key.find(' ');
  const std::string_view first(key.data(), space),
      second(key.data() + space + 1, key.size() - space - 1);
  auto word_end = [&](size_t at) {
    while (at < text.size() &&
           (std::isalpha(static_cast<unsigned char>(text[at])) || text[at] == '-'))
      ++at;
    return at;
  };
  bool written = false;
  for (size_t at = 0; at < text.size();) {
    const size_t end = word_end(at);
    if (end == at) {
      ++at;
      continue;
    }
    const size_t next_end = end < text.size() && text[end] == ' ' ? word_end(end + 1) : end;
    if (next_end > end + 1 && StemWord(text.substr(at, end - at)) == first &&
        StemWord(text.substr(end + 1, next_end - end - 1)) == second) {
      written = true;
      const std::string_view before = WordBefore(text, at);
      if (before != "is" && before != "are" && before != "was" && before != "were" &&
          before != "be" && before != "been") {
        return false;
      }
    }
    at = end;
  }
  return written;
}

// Whether lower-case `text` writes `part` (lower case, part of a proper
// name written there in lower case) with a content word right after it whose
// stem is not `next` (the stem of the word the name goes on with; "" for a
// name ending there) or right before it whose stem is not `prev`: "the
// national minimum wage" writes "national minimum" going on to another word
// than "allowance".
bool WritesWithOtherWord(const std::string& text, const std::string& part, std::string_view next,
                         std::string_view prev) {
  auto letter = [&](size_t at) { return at < text.size() && std::isalpha(static_cast<unsigned char>(text[at])); };
  auto other = [](std::string_view w, std::string_view stem) {
    return !w.empty() && std::isalpha(static_cast<unsigned char>(w.front())) && !IsFunctionWord(w) &&
           StemWord(w) != stem;
  };
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    if (at > 0 && letter(at - 1)) continue;
    const size_t end = at + part.size();
    if (letter(end)) continue;  // another form of the word ("warnings")
    if (!next.empty() && end < text.size() && text[end] == ' ') {
      size_t stop = end + 1;
      while (letter(stop)) ++stop;
      if (other(std::string_view(text).substr(end + 1, stop - end - 1), next)) return true;
    }
    if (!prev.empty() && other(WordBefore(text, at), prev)) return true;
  }
  return false;
}

// Whether lower-case `text` writes "the", another word and `head` ("the
// county-wide scheme"): another thing of the head's kind than the one named
// with `own_words` ("the Home Upgrade Loan Scheme") or a new or national one.
bool WritesTheHeadOf(const std::string& text, const std::string& head, const std::vector<std::string>& own_words) {
  for (size_t at = text.find(head); at != std::string::npos; at = text.find(head, at + 1)) {
    const size_t end = at + head.size();
    if (at == 0 || std::isalpha(static_cast<unsigned char>(text[at - 1])) ||
        (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end])))) {
      continue;
    }
    const std::string_view before = WordBefore(text, at);
    if (before.empty() || before == "the" || before == "new" || before == "national") continue;
    if (std::find(own_words.begin(), own_words.end(), before) != own_words.end()) continue;
    if (WordBefore(text, static_cast<size_t>(before.data() - text.data())) == "the") return true;
  }
  return false;
}

// Whether `written` is `word` (both lower case) as a name writes it, up to
// an ending: the one word, possessive or not, with an ending added to it
// whole ("trees" and "tree's" for "tree", "reporting" for "report",
// "families" for "family"). The stemmer also makes one of words a reader
// tells apart ("natural" and "nature"), and a thing described in other
// words is described by its name's own.
bool SameWordAsWritten(std::string_view written, std::string_view word) {
  auto bare = [](std::string_view w) {
    for (std::string_view mark : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
      if (w.size() > mark.size() && w.compare(w.size() - mark.size(), mark.size(), mark) == 0) {
        return w.substr(0, w.size() - mark.size());
      }
    }
    return w;
  };
  written = bare(written);
  word = bare(word);
  const std::string_view shorter = written.size() < word.size() ? written : word;
  const std::string_view longer = written.size() < word.size() ? word : written;
  // "family" in "families": the "y" an ending replaces.
  const std::string_view kept =
      shorter.size() > 2 && shorter.back() == 'y' && longer.size() > shorter.size()
          ? shorter.substr(0, shorter.size() - 1)
          : shorter;
  if (shorter.empty() || longer.compare(0, kept.size(), kept) != 0) return false;
  return written.size() == word.size() ? written == word : StemWord(written) == StemWord(word);
}

// Whether lower-case `text` writes `word` (lower case) as a word of its own,
// as SameWordAsWritten reads it.
bool WritesWordAsWritten(std::string_view text, std::string_view word) {
  // The bytes of a character that goes on a word: a letter, a digit, an
  // apostrophe, a letter outside ASCII; not a dash or a quotation mark
  // (U+2000 to U+203F, three bytes from E2 80).
  auto letter = [&](size_t at) -> size_t {
    const unsigned char c = static_cast<unsigned char>(text[at]);
    if (std::isalnum(c) || c == '\'') return 1;
    if (c < 0xC0) return 0;
    if (c == 0xE2 && at + 1 < text.size() && static_cast<unsigned char>(text[at + 1]) == 0x80)
      return 0;
    size_t n = 1;
    while (at + n < text.size() && (static_cast<unsigned char>(text[at + n]) & 0xC0) == 0x80) ++n;
    return n;
  };
  for (size_t at = 0; at < text.size();) {
    size_t end = at;
    while (end < text.size()) {
      const size_t n = letter(end);
      if (n == 0) break;
      end += n;
    }
    if (end > at && SameWordAsWritten(text.substr(at, end - at), word)) return true;
    at = end == at ? at + 1 : end;
  }
  return false;
}

// Phrases of an entry's wording a passage must repeat to describe what a
// named entry is without writing its name.
constexpr size_t kQuotedPhrases = 4;

// Whether `lower` (a passage's text in lower case) writes a name, `words`
// as written in lower case and ending with its head, with another word for
// the head's kind (kHeadWords) in the head's place: "the adult learning
// money" or "the County's allocation for adult learning" for the Adult
// Learning Fund. The words before the head are two or more, so that they
// say which thing of that kind it is.
bool WritesNameWithOtherHead(std::string_view lower, const std::vector<std::string>& words) {
  if (words.size() < 3) return false;
  const int kind = HeadKind(StemWord(words.back()));
  if (kind == 0) return false;
  std::string modifier;
  for (size_t k = 0; k + 1 < words.size(); ++k) modifier += (k == 0 ? "" : " ") + words[k];
  auto word_end = [&](size_t at) {
    return at >= lower.size() || !std::isalpha(static_cast<unsigned char>(lower[at]));
  };
  for (const auto& [stem, other] : HeadsOfKind(kind)) {
    if (stem == StemWord(words.back())) continue;
    for (const std::string& said :
         {modifier + " " + other, other + " for " + modifier, other + "s for " + modifier}) {
      for (size_t at = lower.find(said); at != std::string_view::npos;
           at = lower.find(said, at + 1)) {
        if (at > 0 && std::isalpha(static_cast<unsigned char>(lower[at - 1]))) continue;
        const size_t end = at + said.size();
        if (word_end(end) || (lower[end] == 's' && word_end(end + 1))) return true;
      }
    }
  }
  return false;
}

// The stems of the words `lower` (a passage's text in lower case) writes
// straight after "this" or "these" ("The Council will bid to run these
// courses itself"): what a demonstrative points back to.
std::vector<std::string> DemonstrativeStems(std::string_view lower) {
  std::vector<std::string> stems;
  for (std::string_view said : {"this ", "these "}) {
    for (size_t at = lower.find(said); at != std::string_view::npos;
         at = lower.find(said, at + 1)) {
      if (at > 0 && std::isalpha(static_cast<unsigned char>(lower[at - 1]))) continue;
      const std::string_view word = WordAt(lower, at + said.size());
      if (!word.empty()) stems.push_back(StemWord(word));
    }
  }
  return stems;
}

// The stems of what a thing is said to be for, written from `from` in
// `lower` (a passage's text in lower case) to the main clause's verb or the
// sentence's end: "short, intensive courses that end with a guaranteed job
// interview" ... A hyphened word gives its parts too ("after-school":
// "after", "school"), as the linker's terms are made of them; function words
// and figures give none.
std::set<std::string> StemsOfWhatFor(std::string_view lower, size_t from) {
  size_t until = lower.find('.', from);
  for (const char* verb : {" will ", " would ", " is ", " are ", " was ", " were ", " has ", " can "}) {
    until = std::min(until, lower.find(verb, from));
  }
  const std::string_view what =
      lower.substr(from, until == std::string_view::npos ? std::string_view::npos : until - from);
  std::set<std::string> stems;
  auto add = [&](std::string_view word) {
    if (word.size() < 2 || IsFunctionWord(word)) return;
    stems.insert(StemWord(word));
  };
  for (size_t k = 0; k < what.size();) {
    const std::string_view word = WordAt(what, k);
    const size_t end = k + word.size();
    if (!word.empty()) {
      add(word);
      for (size_t part = 0; word.find('-') != std::string_view::npos && part < word.size();) {
        const size_t dash = std::min(word.find('-', part), word.size());
        if (dash > part) add(word.substr(part, dash - part));
        part = dash + 1;
      }
    }
    k = end + 1;
  }
  return stems;
}

// The stems of what "new" or "national" money is for, one set per time
// `lower` (a passage's text in lower case) writes it: "the Government's new
// money for short, intensive courses that end with a guaranteed job
// interview will be spent ...", "the national money for breakfast and
// after-school care" (StemsOfWhatFor). ("A national pot for caddies" is not
// read so: inside a paper, under a heading, it needs a word of the name,
// LinkRegisterTest.AStandfirstUnderTheHeadline...)
std::vector<std::set<std::string>> MoneyPaidFor(std::string_view lower) {
  std::vector<std::set<std::string>> paid_for;
  for (const char* said :
       {"new money for ", "national money for ", "new funding for ", "national funding for "}) {
    for (size_t at = lower.find(said); at != std::string_view::npos;
         at = lower.find(said, at + 1)) {
      if (at > 0 && std::isalpha(static_cast<unsigned char>(lower[at - 1]))) continue;
      paid_for.push_back(StemsOfWhatFor(lower, at + std::string_view(said).size()));
    }
  }
  return paid_for;
}

// Where `lower` writes the two words of `key` (a phrase's stems) one after
// the other, what each writing says the thing is for: the stems after a
// "for" straight after it (StemsOfWhatFor: "capital money for walking and
// cycling routes"), an empty set where no "for" follows.
std::vector<std::set<std::string>> WhatPhraseIsFor(std::string_view lower, const std::string& key) {
  std::vector<std::set<std::string>> what;
  const size_t space = key.find(' ');
  if (space == std::string::npos) return what;
  const std::string_view first(key.data(), space), second(key.data() + space + 1, key.size() - space - 1);
  for (size_t at = 0; at < lower.size();) {
    const std::string_view word = WordAt(lower, at);
    if (word.empty()) {
      ++at;
      continue;
    }
    const size_t end = at + word.size();
    at = end;
    if (end >= lower.size() || lower[end] != ' ' || StemWord(word) != first) continue;
    const std::string_view next = WordAt(lower, end + 1);
    if (next.empty() || StemWord(next) != second) continue;
    const size_t after = end + 1 + next.size();
    what.push_back(lower.substr(after, 5) == " for " ? StemsOfWhatFor(lower, after + 5)
                                                      : std::set<std::string>());
  }
  return what;
}

// The paragraph numbers a passage cites: "as set out in paragraph 5.2",
// "see paragraphs 4.1 to 4.3", "(para. 12)".
std::vector<std::string> CitedParagraphs(const std::string& text) {
  std::vector<std::string> cited;
  static const RE2 cite(R"((?i)\b(?:paragraphs?|paras?\.?)\s+(\d{1,3}(?:\.\d{1,3})*(?:\s*(?:,|and|or|to|\x{2013}|-)\s*\d{1,3}(?:\.\d{1,3})*)*))");
  static const RE2 number(R"((\d{1,3}(?:\.\d{1,3})*))");
  re2::StringPiece input(text);
  std::string list;
  while (RE2::FindAndConsume(&input, cite, &list)) {
    re2::StringPiece numbers(list);
    std::string n;
    while (RE2::FindAndConsume(&numbers, number, &n)) cited.push_back(n);
  }
  return cited;
}

// Each passage citing another paragraph of its own paper by number, with the
// paragraph cited (the first passage carrying that number).
std::vector<std::pair<uint32_t, uint32_t>> Citations(const PassageIndex& index) {
  std::vector<std::pair<uint32_t, uint32_t>> citations;
  std::map<std::string, uint32_t> by_label;  // within one paper
  const LinkInput* paper = nullptr;
  std::vector<std::pair<uint32_t, std::vector<std::string>>> citing;
  auto flush = [&] {
    for (const auto& [i, numbers] : citing) {
      for (const std::string& n : numbers) {
        auto it = by_label.find(n);
        if (it != by_label.end() && it->second != i) citations.emplace_back(it->second, i);
      }
    }
    by_label.clear();
    citing.clear();
  };
  for (uint32_t i = 0; i < index.passages.size(); ++i) {
    if (index.passages[i].input != paper) {
      flush();
      paper = index.passages[i].input;
    }
    const Passage& p = index.passage(i);
    if (!p.label.empty() && p.kind != PassageKind::kHeading) by_label.emplace(p.label, i);
    if (p.text.find("ara") == std::string::npos) continue;  // no "paragraph", "para."
    std::vector<std::string> numbers = CitedParagraphs(p.text);
    if (!numbers.empty()) citing.emplace_back(i, std::move(numbers));
  }
  flush();
  std::sort(citations.begin(), citations.end());
  citations.erase(std::unique(citations.begin(), citations.end()), citations.end());
  return citations;
}

// A text's letters and digits, lower-cased (ICU), hashed: the same words
// whatever spaces, quotes and dashes a format gives them.
uint64_t LetterPrint(std::string_view text) {
  std::string key;
  key.reserve(text.size());
  for (int32_t i = 0, n = static_cast<int32_t>(text.size()); i < n;) {
    const auto byte = static_cast<unsigned char>(text[static_cast<size_t>(i)]);
    if (byte < 0x80) {  // ASCII, as u_isalnum and u_tolower read it, without their lookups
      ++i;
      if (byte >= 'A' && byte <= 'Z') {
        key.push_back(static_cast<char>(byte + ('a' - 'A')));
      } else if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9')) {
        key.push_back(static_cast<char>(byte));
      }
      continue;
    }
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, n, c);
    if (c < 0 || !u_isalnum(c)) continue;
    c = u_tolower(c);
    char buffer[4];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);
    key.append(buffer, static_cast<size_t>(length));
  }
  return std::hash<std::string>()(key);
}

// The papers that are copies of another: the same paper in another format
// (a report as PDF and as DOCX, a web page printed to PDF). A copy's passages
// are nearly all, word for word, passages of a paper before it in `order`;
// it maps to that paper's id (to the first of a chain), every other paper to
// its own. A disagreement is between two papers, not between a paper and
// its copy: a briefing that gives £27 million in its summary and £24 million
// further on says so once, whatever number of copies of it are indexed.
// Passages are compared by their letters and digits (LetterPrint); only
// passages long enough to be prose count, and a paper needs five of them to
// be anyone's copy.
std::map<int64_t, int64_t> CopiesOf(const std::vector<const LinkInput*>& order) {
  constexpr size_t kMinChars = 40, kMinPassages = 5;
  constexpr double kShare = 0.9;
  std::map<int64_t, int64_t> original;
  std::unordered_map<uint64_t, int64_t> first_with;  // a passage's fingerprint -> the first paper with it
  std::map<int64_t, size_t> fingerprints_of;
  for (const LinkInput* in : order) {
    std::vector<uint64_t> prints;
    for (const Passage& p : in->doc.passages) {
      if (p.kind == PassageKind::kHeading || p.text.size() < kMinChars) continue;
      prints.push_back(LetterPrint(p.text));
    }
    std::sort(prints.begin(), prints.end());
    prints.erase(std::unique(prints.begin(), prints.end()), prints.end());
    fingerprints_of[in->id] = prints.size();
    std::map<int64_t, size_t> shared;  // earlier paper -> passages this one shares with it
    for (uint64_t f : prints) {
      auto [it, added] = first_with.emplace(f, in->id);
      if (!added && it->second != in->id) ++shared[it->second];
    }
    original[in->id] = in->id;
    if (prints.size() < kMinPassages) continue;
    for (const auto& [other, n] : shared) {
      const size_t smaller = std::min(prints.size(), fingerprints_of[other]);
      if (smaller >= kMinPassages && static_cast<double>(n) >= kShare * static_cast<double>(smaller)) {
        original[in->id] = original[other];
        break;
      }
    }
  }
  return original;
}

// The stored terms at `i` of a LinkInput's passage_terms or tag_terms list,
// or null when the index holds none there.
std::string* StoredTerms(std::vector<std::string>& list, size_t i) {
  return i < list.size() && !list[i].empty() ? &list[i] : nullptr;
}

// The passages that may overlap `profile` by at least `bound`: the terms of
// the profile are taken lightest first while their weights together stay
// under the bound; a passage that shares only those cannot reach it, so only
// the postings of the remaining terms are read (the MaxScore idea of
// Turtle and Flood). Ascending, without duplicates.
std::vector<uint32_t> Candidates(const PassageIndex& index, const Weights& weights,
                                 const TermIds& profile, const std::vector<TermId>* expanded,
                                 double expansion_weight, double bound,
                                 std::vector<uint32_t>* stamp, uint32_t mark) {
  struct Weighed {
    double weight;
    TermId id;
  };
  std::vector<Weighed> terms;
  terms.reserve(profile.phrases.size() + profile.words.size());
  auto factor = [&](TermId id) {
    return expanded != nullptr && Has(*expanded, id) ? expansion_weight : 1.0;
  };
  for (TermId p : profile.phrases) terms.push_back({weights.MostPhrase(p) * factor(p), p});
  for (TermId w : profile.words) terms.push_back({weights.Word(w) * factor(w), w});
  std::sort(terms.begin(), terms.end(), [](const Weighed& a, const Weighed& b) {
    return a.weight != b.weight ? a.weight < b.weight : a.id < b.id;
  });
  // A margin for rounding: the exact overlap adds the same weights in
  // another order.
  double limit = bound * (1 - 1e-9);
  double light = 0;
  size_t first_needed = 0;
  while (first_needed < terms.size() && light + terms[first_needed].weight < limit) {
    light += terms[first_needed].weight;
    ++first_needed;
  }
  std::vector<uint32_t> out;
  for (size_t k = first_needed; k < terms.size(); ++k) {
    for (uint32_t p : index.postings(terms[k].id)) {
      if ((*stamp)[p] != mark) {
        (*stamp)[p] = mark;
        out.push_back(p);
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// How many threads ParallelFor runs for n items: `threads`, or one per core
// when 0, and never more than there are items.
size_t Workers(int threads, size_t n) {
  size_t workers = threads > 0 ? static_cast<size_t>(threads) : std::thread::hardware_concurrency();
  return std::max<size_t>(1, std::min(workers, n));
}

// Runs fn(i, worker) for i in [0, n) on Workers(threads, n) threads, worker
// being the thread's number (for its own scratch space). An exception in a
// worker is rethrown here once all have stopped.
template <typename F>
void ParallelFor(size_t n, int threads, F&& fn) {
  size_t workers = Workers(threads, n);
  std::atomic<size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto work = [&](size_t worker) {
    try {
      for (size_t i = next++; i < n; i = next++) fn(i, worker);
    } catch (...) {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (!error) error = std::current_exception();
      next = n;
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < workers; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

struct Entry {
  std::vector<const Mention*> mentions;  // the first supplies the wording
  TermIds profile;                       // union of same-authority mentions, and
  std::vector<TermId> expanded;          // terms of the source's prose about it (sorted)
  std::vector<TermId> wording_phrases;   // the phrases of the first mention's own wording (sorted)
  std::vector<TermId> wording_words;     // and its words (sorted)
  std::unordered_map<TermId, std::string> surface;  // as first written
  double source_self = 0;
  double norm = 1;                       // what a score is relative to
  // The distinctive names in the wording: proper names of two words or
  // more, found in few passages and in the wording of few entries.
  std::vector<std::vector<TermId>> names;
  std::vector<std::vector<TermId>> name_words;  // the words of each name, sorted
  std::vector<TermId> name_heads;               // the last word of each name ("grant")
  // Names the wording gives that no other passage writes (so they weigh
  // nothing as terms): the entry is still about that named thing, and a
  // passage that writes none of them needs more of the rest.
  struct LoneName {
    std::vector<TermId> phrases;  // as in `names`
    std::vector<TermId> words;    // sorted
  };
  std::vector<LoneName> lone_names;
  // Each name of three words or more by one of its words and its head, and
  // what introduces them when a paper describes rather than names it: "the
  // national defence programme" for the Flood Defence Investment Programme,
  // "the new national advice service" for the Care Finance Advice Service.
  struct Description {
    TermId last = 0;                  // a word of the name and its head ("defenc programm")
    std::vector<TermId> introduced;   // "nation defenc" (when the corpus has it)
  };
  std::vector<Description> descriptions;
  // Each name whose head is a kind of fund or scheme, as a paper describes it
  // in other words: "the Government's new money for food waste caddies" for
  // the Food Waste Transition Fund, "the new arrangement that makes
  // packaging firms pay" for the Packaging Cost Recovery Scheme. A passage
  // holding one of `others` written after "new" or "national" ("new money",
  // "national arrangement") and one of `words` (the name's words that no
  // other entry's names hold) describes it.
  struct Paraphrase {
    std::vector<std::pair<TermId, std::string>> others;  // stem id, the word as written
    std::vector<TermId> words;
    // Phrases of one of `words` and one of `others` ("prevent alloc"): "the
    // District's prevention allocation" for the Prevention First Fund.
    std::vector<TermId> compounds;
    std::string head;  // the name's head, a stem ("programm")
  };
  std::vector<Paraphrase> paraphrases;
  // The other words for the heads of its names ("money", "pot" for a fund),
  // with which the next paragraph refers back to it ("the money").
  std::vector<TermId> head_synonyms;
  // The phrases of the wording that are no part of a name and that no other
  // entry's wording holds (sorted): what the undertaking gives ("guarante
  // job", "job interview"), by which "the Government's new money for ..."
  // describes it.
  std::vector<TermId> own_phrases;
  // The same of every mention merged into it, not only the first (the
  // plan's later sentence "... set up breakfast and after-school clubs"
  // says what the programme's money is for as much as its table row).
  std::vector<TermId> mentioned_phrases;
  // The names in the wording that are another entry's subject ("... will be
  // trialled through the Green Lanes Pathfinder"), as phrases and words: a
  // passage is not about this entry for sharing them.
  TermIds context;
};

// Fills each entry's own_phrases (all_mentions false: the phrases of its
// first mention, its wording, that no other entry's wording holds) or its
// mentioned_phrases (true: the phrases of its mentions in its source paper
// that no other entry's mentions hold); in either, no part of its names.
// The other entries counted are those of its own kind, national or local
// (`local[e]` for entries[e]): a council undertaking to "introduce school
// streets at 25 primary schools" takes nothing from the national programme
// "for school streets, crossings and 20mph zones" it localises.
void PhrasesOfNoOtherEntry(std::vector<Entry>* entries, const std::vector<bool>& local, bool all_mentions) {
  // The mentions counted of an entry: its wording's, or all.
  auto counted = [all_mentions](const Entry& entry) {
    return all_mentions ? entry.mentions.size() : std::min<size_t>(1, entry.mentions.size());
  };
  std::map<TermId, int> mentions_with_phrase[2];  // [local]
  for (size_t e = 0; e < entries->size(); ++e) {
    const Entry& entry = (*entries)[e];
    for (size_t k = 0; k < counted(entry); ++k) {
      for (TermId p : entry.mentions[k]->ids.phrases) ++mentions_with_phrase[local[e]][p];
    }
  }
  for (size_t e = 0; e < entries->size(); ++e) {
    Entry& entry = (*entries)[e];
    if (entry.mentions.empty()) continue;
    std::vector<TermId> phrases;
    for (const Mention* m : entry.mentions) {
      if (m == entry.mentions.front() || (all_mentions && m->ref.doc == entry.mentions.front()->ref.doc)) {
        AddSorted(&phrases, m->ids.phrases);
      }
    }
    std::vector<TermId>& out = all_mentions ? entry.mentioned_phrases : entry.own_phrases;
    for (TermId p : phrases) {
      // (Counted per mention: this entry's own are taken off.)
      int others = mentions_with_phrase[local[e]][p];
      for (size_t k = 0; k < counted(entry); ++k) others -= Has(entry.mentions[k]->ids.phrases, p) ? 1 : 0;
      const bool in_name =
          std::any_of(entry.names.begin(), entry.names.end(), [&](const std::vector<TermId>& name) {
            return std::find(name.begin(), name.end(), p) != name.end();
          });
      if (!in_name && others == 0) out.push_back(p);
    }
  }
}

// Adds the ids of the two words of phrase `key` ("lead practition") to `out`.
void AddPhraseWords(const Vocabulary& vocab, const std::string& key, std::vector<TermId>* out) {
  size_t space = key.find(' ');
  for (const std::string& word : {key.substr(0, space), key.substr(space + 1)}) {
    TermId id = vocab.Find(word);
    if (id != Vocabulary::kNone) out->push_back(id);
  }
}

void SortUnique(std::vector<TermId>* ids) {
  std::sort(ids->begin(), ids->end());
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
}

// Adds the surface forms of `terms` not yet known (the first writing wins).
void AddSurfaces(const Vocabulary& vocab, const TermSet& terms,
                 std::unordered_map<TermId, std::string>* surface) {
  for (const auto& [key, text] : terms.surface) {
    TermId id = vocab.Find(key);
    if (id != Vocabulary::kNone) surface->emplace(id, text);
  }
}

// ------------------------------------------------------------------- values


// Is `tag` the "before" sum of a from/to pair ("from £1,000 to £3,000",
// "increase from £1,000", "up from £1,000")?
bool IsBeforeValue(const std::string& text, const LinkTag& tag, const std::vector<LinkTag>& tags) {
  std::string before = Lower(text.substr(tag.start >= 12 ? tag.start - 12 : 0,
                                         tag.start >= 12 ? 12 : tag.start));
  size_t pos = before.find_last_not_of(' ');
  if (pos == std::string::npos) return false;
  before.resize(pos + 1);
  if (before.size() >= 4 && before.compare(before.size() - 4, 4, "from") == 0) return true;
  // "£1,000 to £3,000" / "£1,000 rising to £3,000": followed by another sum.
  for (const LinkTag& t : tags) {
    if (t.kind != tag.kind || t.start <= tag.end || t.start > tag.end + 16) continue;
    std::string between = Lower(text.substr(tag.end, t.start - tag.end));
    if (Contains(between, "to") && !Contains(between, ",")) return true;
  }
  return false;
}

// Does a sentence set one figure against another ("£50 million, not the
// £60 million", "rather than", "instead of", "compared with")? English
// contrast markers, not any corpus's words.
bool ContrastsFigures(std::string_view sentence) {
  const std::string s = " " + Lower(sentence) + " ";
  for (std::string_view marker : {" not ", "n't ", " rather than ", " instead of ", " compared with ",
                                  " compared to ", " as opposed to ", " contrary to ", " unlike "}) {
    if (s.find(marker) != std::string::npos) return true;
  }
  return false;
}

template <typename A, typename B>
bool SameDate(const A& a, const B& b) {
  return a.start == b.start && a.end == b.end;
}

// A deadline or time both give ("by the end of 2023").
bool SharesDate(const Mention& a, const Mention& b) {
  for (const LinkTag* xt : a.dates) {
    for (const LinkTag* yt : b.dates) {
      const LinkDate& x = xt->Date();
      const LinkDate& y = yt->Date();
      if (!x.end.empty() && !x.relative && SameDate(x, y) && x.bound == y.bound) {
        return true;
      }
    }
  }
  return false;
}

// A start both give, month or day ("from September 2027"): within one
// paper, a programme's own beginning, written again where its prose goes
// on about it (RestatesOwnListItem). (Between papers a start is as common
// as a financial year.)
bool SharesStart(const Mention& a, const Mention& b) {
  for (const LinkTag* xt : a.dates) {
    for (const LinkTag* yt : b.dates) {
      const LinkDate& x = xt->Date();
      const LinkDate& y = yt->Date();
      if (x.end.empty() && !x.start.empty() && !x.relative && !y.relative && x.start == y.start &&
          y.end.empty() && x.bound == y.bound && (x.precision == "month" || x.precision == "day")) {
        return true;
      }
    }
  }
  return false;
}

// `b` gives a time within the closed period `a` gives for itself: "The first
// round will open in May 2026" of a fund provided "from 2026/27 to 2028/29".
// Only a period with both ends written ("from 2026/27 to 2028/29", "between
// 2027 and 2030"), not a start ("from April 2027") or a deadline; and only a
// month or a day inside it, or a deadline of one.
bool DateWithinPeriod(const Mention& a, const Mention& b) {
  for (const LinkTag* xt : a.dates) {
    const LinkDate& x = xt->Date();
    if (x.relative || x.precision != "period" || x.start.empty() || x.end.empty()) continue;
    for (const LinkTag* yt : b.dates) {
      const LinkDate& y = yt->Date();
      if (y.relative || (y.precision != "month" && y.precision != "day") || y.end.empty()) continue;
      // A deadline inside the period ("the rest will be procured by
      // December 2027" of a programme running to March 2032) is one of its
      // dates as a month within it is.
      if (y.start.empty() && y.bound == "by" && x.start <= y.end && y.end <= x.end) return true;
      if (y.start.empty()) continue;
      if (x.start <= y.start && y.end <= x.end) return true;
    }
  }
  return false;
}

// One of `values` (an entry's sums) is `amount`.
bool GivesSum(const std::vector<ValueRef>& values, double amount) {
  return std::any_of(values.begin(), values.end(),
                     [&](const ValueRef& v) { return v.amount && SameAmount(*v.amount, amount); });
}

// Whether `a` and `b` name one time, one as a deadline or a wait and the
// other as the period itself: "by October 2027" and "will begin in October
// 2027"; "would not open until January 2028" and "opening in January 2028".
// (Not a start: "from October 2027" begins several reforms at once.)
template <typename A, typename B>
bool SameTime(const A& a, const B& b) {
  if (SameDate(a, b)) return true;
  if (a.precision != b.precision || a.relative || b.relative) return false;
  auto deadline_of = [](const auto& bound, const auto& plain) {
    if (!plain.bound.empty() || plain.start.empty() || plain.end.empty()) return false;
    return (bound.bound == "by" || bound.bound == "until") && bound.end == plain.end;
  };
  return a.bound.empty() ? deadline_of(b, a) : deadline_of(a, b);
}

// One of `values` (an entry's dates, resolved) is `date`.
bool GivesDate(const std::vector<ValueRef>& values, const LinkDate& date) {
  return std::any_of(values.begin(), values.end(), [&](const ValueRef& v) {
    return (!v.date.start.empty() || !v.date.end.empty()) && SameTime(v.date, date);
  });
}

// Two dates given for the same thing disagree when both are deadlines with
// different ends, or both are plain times of the same precision that do not
// overlap.
template <typename A, typename B>
bool DatesDisagree(const A& a, const B& b) {
  if (a.relative || b.relative) return false;
  if (a.bound != b.bound) return false;
  if (a.bound == "by") return !a.end.empty() && !b.end.empty() && a.end != b.end;
  if (!a.bound.empty()) return false;
  if (a.start.empty() || a.end.empty() || b.start.empty() || b.end.empty()) return false;
  // Bare years are too coarse to tell two undertakings' timetables apart
  // ("updates to Working Together in 2024" beside "a consultation in 2023").
  if (a.precision != b.precision || a.precision == "year") return false;
  return a.end < b.start || b.end < a.start;
}

// Two mentions of one document whose dates all disagree ("recruit two
// officers by September 2026", "publish a strategy by March 2027") are two
// undertakings, as with sums: a paper restating its own undertaking gives
// the same deadline.
bool DisjointDates(const Mention& a, const Mention& b) {
  if (a.dates.empty() || b.dates.empty()) return false;
  for (const LinkTag* x : a.dates) {
    for (const LinkTag* y : b.dates) {
      if (!DatesDisagree(x->Date(), y->Date())) return false;
    }
  }
  return true;
}

}  // namespace

// AuthorityName, ParseAuthority, ShortWording and CorpusStatsTable::Lookup
// are in analysis_values.cc.

Authority InferAuthority(const Document& doc) {
  std::string open = Opening(doc);
  // What a paper says it is, in the words papers use for themselves. Local
  // first: a council report on "the national strategy" names the strategy too.
  for (std::string_view word :
       {"report of the", "minutes of", "minutes", "scrutiny committee", "cabinet member",
        "county council", "borough council", "city council", "district council",
        "council meeting", "recommendations to the", "overview and scrutiny", "agenda item"}) {
    if (Contains(open, word)) return Authority::kLocal;
  }
  for (std::string_view word : {"briefing", "our response", "our view", "commentary",
                                "summary of", "explainer", "on the day"}) {
    if (Contains(open, word)) return Authority::kBriefing;
  }
  for (std::string_view word :
       {"strategy", "white paper", "green paper", "command paper", "presented to parliament",
        "ministerial foreword", "policy paper", "action plan", "national plan", "the government will"}) {
    if (Contains(open, word)) return Authority::kNational;
  }
  // A government department set on a line of its own, as the publisher of
  // a plan, programme or framework ("Smokefree Futures: The Tobacco Control
  // Plan for England" over "Department of Health and Social Care"). Named
  // inside a sentence, as news and briefings name it, it publishes nothing
  // here.
  bool department = false;
  for (size_t at = 0; at < open.size() && !department;) {
    size_t end = open.find('\n', at);
    if (end == std::string::npos) end = open.size();
    std::string_view line = std::string_view(open).substr(at, end - at);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.size() < 70) {
      for (std::string_view name : {"department for ", "department of ", "ministry of ", "hm treasury",
                                    "cabinet office", "home office"}) {
        department |= line.rfind(name, 0) == 0;
      }
    }
    at = end + 1;
  }
  if (department) {
    for (std::string_view word : {" plan", "programme", "framework"}) {
      if (Contains(Lower(doc.title), word)) return Authority::kNational;
    }
  }
  return Authority::kBriefing;
}

Register BuildRegister(const std::vector<LinkInput>& docs, const LinkOptions& options, const LinkScope& scope,
                       CorpusStatsTable* stats_out, const RegisterSink* sink) {
  Register reg;
  if (stats_out != nullptr) *stats_out = CorpusStatsTable();
  auto evidence_text = std::make_shared<std::unordered_set<std::string>>();
  reg.evidence_text = evidence_text;

  // Documents in a canonical order: the result must not depend on the order
  // the caller read them in.
  std::vector<const LinkInput*> inputs;
  std::map<int64_t, const LinkInput*> by_id;
  std::map<int64_t, Authority> authority;
  for (const LinkInput& in : docs) {
    inputs.push_back(&in);
    by_id[in.id] = &in;
    authority[in.id] = in.authority ? *in.authority : InferAuthority(in.doc);
  }
  std::sort(inputs.begin(), inputs.end(), [&](const LinkInput* a, const LinkInput* b) {
    if (authority[a->id] != authority[b->id]) return authority[a->id] > authority[b->id];
    if (a->doc.path != b->doc.path) return a->doc.path < b->doc.path;
    return a->id < b->id;
  });

  // A copy of a paper (the same paper in another format) is that paper: its
  // passages count once in the corpus's statistics, and it does not
  // disagree with it. The register is then the same with or without copies.
  const std::map<int64_t, int64_t> copy_of = CopiesOf(inputs);
  auto is_copy = [&](int64_t doc) { return copy_of.at(doc) != doc; };

  // Every passage's terms, interned; document frequencies come with them.
  // Terms are found and interned on every core (Vocabulary::Local), a block
  // of passages at a time (so that only a block's ids are held at once).
  Vocabulary vocab;
  PassageIndex index;
  {
    // A ref given twice (one document id twice, or one passage number) is
    // the first passage with it.
    std::vector<std::pair<PassageRef, uint32_t>> refs;  // every passage's, with its number in order
    for (const LinkInput* in : inputs) {
      for (const Passage& p : in->doc.passages) refs.emplace_back(PassageRef{in->id, p.n}, refs.size());
    }
    std::sort(refs.begin(), refs.end());
    std::vector<bool> first(refs.size(), false);
    for (size_t k = 0; k < refs.size(); ++k) {
      if (k == 0 || !(refs[k].first == refs[k - 1].first)) first[refs[k].second] = true;
    }
    std::vector<std::pair<PassageRef, uint32_t>>().swap(refs);
    // Held to the end: sized once (a vector grown by doubling holds up to
    // twice its size, and copies itself when shrunk).
    index.passages.reserve(static_cast<size_t>(std::count(first.begin(), first.end(), true)));
    index.by_ref.reserve(index.passages.capacity());
    size_t k = 0;
    for (const LinkInput* in : inputs) {
      for (size_t i = 0; i < in->doc.passages.size(); ++i) {
        if (!first[k++]) continue;
        const Passage& p = in->doc.passages[i];
        PassageRef ref{in->id, p.n};
        index.by_ref.emplace_back(ref, static_cast<uint32_t>(index.passages.size()));
        bool discusses = p.kind != PassageKind::kHeading && !IsReferenceList(in->Section(i));
        index.passages.push_back({in, static_cast<uint32_t>(i), authority[in->id], ref, {}, discusses});
      }
    }
    std::sort(index.by_ref.begin(), index.by_ref.end());
  }
  index.citations = Citations(index);
  std::mutex vocab_mutex;
  std::vector<Vocabulary::Local> locals(
      Workers(options.threads, std::numeric_limits<size_t>::max()),
      Vocabulary::Local(&vocab, &vocab_mutex));
  {
    constexpr size_t kBlock = 4096;
    std::vector<TermKeyList> scratch(locals.size());  // each worker's
    std::vector<TermIds> ids(kBlock);
    for (size_t first = 0; first < index.passages.size(); first += kBlock) {
      size_t n = std::min(kBlock, index.passages.size() - first);
      ParallelFor(n, options.threads, [&](size_t k, size_t worker) {
        const PassageIndex::Entry& e = index.passages[first + k];
        TermKeyList& keys = scratch[worker];
        const std::string* stored = StoredTerms(e.input->passage_terms, e.index);
        if (stored == nullptr || !DecodeTerms(*stored, &keys)) {
          keys = TermKeyLists(e.input->doc.passages[e.index].text);
        }
        ids[k] = locals[worker].Intern(keys, !is_copy(e.ref.doc));
      });
      size_t held = 0;
      for (size_t k = 0; k < n; ++k) {
        PassageIndex::Entry& e = index.passages[first + k];
        held += ids[k].words.size() + ids[k].phrases.size() + ids[k].named.size();
        // Read: the stored terms go (a list item's are read again, as a
        // mention's), so that the corpus's are not all held while the
        // mentions are made.
        if (e.index < e.input->passage_terms.size() &&
            e.input->doc.passages[e.index].kind != PassageKind::kListItem) {
          std::string().swap(e.input->passage_terms[e.index]);
        }
      }
      // The block's lists into one array of their exact size.
      std::vector<TermId>& array = index.term_blocks.emplace_back();
      array.reserve(held);
      for (size_t k = 0; k < n; ++k) {
        const size_t at = array.size();
        for (const std::vector<TermId>* list : {&ids[k].words, &ids[k].phrases, &ids[k].named}) {
          array.insert(array.end(), list->begin(), list->end());
        }
        index.passages[first + k].terms =
            TermView(array.data() + at, static_cast<uint32_t>(ids[k].words.size()),
                     static_cast<uint32_t>(ids[k].phrases.size()), static_cast<uint32_t>(ids[k].named.size()));
      }
    }
  }
  for (Vocabulary::Local& local : locals) local.AddCounts();

#if defined(__GLIBC__)
  // The passages' stored terms are read and lay together (ReadLinkInputs
  // reads them last): their pages go back to the system before the mentions
  // are made, the linker's peak (at 3,000 papers, about 37 MB of it).
  malloc_trim(0);
#endif
  // 1. Mentions, in order of authority; list items before prose.
  std::vector<Mention> mentions;
  {
    // As many as there are commitment tags, or list items of commitments
    // (those with no words are left out): sized once.
    size_t expected = 0;
    for (const LinkInput* in : inputs) {
      for (size_t i = 0; i < in->doc.passages.size(); ++i) {
        const Passage& p = in->doc.passages[i];
        const size_t tagged =
            i >= in->tags.size() ? 0
                                 : static_cast<size_t>(std::count_if(in->tags[i].begin(), in->tags[i].end(),
                                                                     [](const LinkTag& t) {
                                                                       return t.kind == TagKind::kCommitment;
                                                                     }));
        const bool valued =
            i < in->tags.size() &&
            std::any_of(in->tags[i].begin(), in->tags[i].end(), [](const LinkTag& t) {
              return t.kind == TagKind::kMoney || t.kind == TagKind::kDate;
            });
        const bool item =
            (p.kind == PassageKind::kListItem && (tagged > 0 || IsCommitmentList(in->Section(i)))) ||
            (IsCommitmentRow(p, valued) && IsCommitmentList(in->Section(i)));
        expected += item ? 1 : tagged;
      }
    }
    mentions.reserve(expected);
  }
  // A mention keeps its terms as ids and its names: the strings would hold a
  // copy of every mention's vocabulary for the whole run. Their terms are
  // found and interned on every core, a block of mentions at a time (a
  // corpus of a thousand papers has a quarter of a million commitment
  // sentences).
  constexpr size_t kMentionBlock = 4096;
  std::vector<Mention> pending;
  // A mention's terms: its words, phrases and named phrases, and its names.
  // (A mention without words is left out, and its terms and its actor's are
  // not interned: the vocabulary is what the kept mentions and the passages
  // hold.)
  struct MentionTerms {
    std::vector<std::vector<std::string>> names;
    std::vector<size_t> name_starts;
  };
  std::vector<MentionTerms> pending_terms;
  auto flush = [&] {
    pending_terms.assign(pending.size(), MentionTerms());
    ParallelFor(pending.size(), options.threads, [&](size_t k, size_t worker) {
      MentionTerms& t = pending_terms[k];
      Mention& m = pending[k];
      TermKeyList keys;
      // Stored at index time, or found now the same way.
      if (m.stored_terms == nullptr ||
          !DecodeTerms(*m.stored_terms, &keys, &t.names, &t.name_starts)) {
        DecodeTerms(EncodeTerms(m.text), &keys, &t.names, &t.name_starts);
      }
      if (keys.words.empty()) return;
      m.ids = locals[worker].Intern(keys, false);
      if (ActorIsABody(m.actor)) {
        const TermSet actor = TermKeys(m.actor);
        if (!actor.words.empty() || !actor.phrases.empty()) {
          m.actor_ids = locals[worker].Intern(actor, false);
        }
      }
    });
    for (size_t k = 0; k < pending.size(); ++k) {
      MentionTerms& terms = pending_terms[k];
      Mention& m = pending[k];
      // Read: the stored terms go now rather than once every mention is
      // made, which is the linker's memory peak.
      if (m.stored_terms != nullptr) std::string().swap(*m.stored_terms);
      m.stored_terms = nullptr;
      if (m.ids.words.empty()) continue;
      m.names = std::move(terms.names);
      m.name_starts = std::move(terms.name_starts);
      mentions.push_back(std::move(m));
    }
    pending.clear();
    pending_terms.clear();
  };
  auto keep = [&](Mention&& m) {
    pending.push_back(std::move(m));
    if (pending.size() == kMentionBlock) flush();
  };
  for (size_t rank = 0; rank < inputs.size(); ++rank) {
    const LinkInput* in = inputs[rank];
    Authority auth = authority[in->id];
    for (size_t i = 0; i < in->doc.passages.size(); ++i) {
      const Passage& p = in->doc.passages[i];
      static const std::vector<LinkTag> kNoTags;
      const std::vector<LinkTag>& tags = i < in->tags.size() ? in->tags[i] : kNoTags;
      Mention m;
      m.ref = {in->id, p.n};
      m.input = in;
      m.passage = &p;
      m.authority = auth;
      m.rank = rank;
      const bool valued = std::any_of(tags.begin(), tags.end(), [](const LinkTag& t) {
        return t.kind == TagKind::kMoney || t.kind == TagKind::kDate;
      });
      m.in_list = p.kind == PassageKind::kListItem ||
                  (IsCommitmentRow(p, valued) && IsCommitmentList(in->Section(i)));
      // An item of a list of commitments is one undertaking however many
      // sentences it has, and is one even when no sentence of it is tagged
      // ("A Families First pathfinder programme to implement family help.").
      // An untagged item says what is undertaken in some words or with a sum
      // or date: "Questions and discussion" under "Next steps" is the end of a
      // meeting's agenda.
      const bool tagged_item = std::any_of(tags.begin(), tags.end(), [](const LinkTag& t) {
        return t.kind == TagKind::kCommitment;
      });
      const bool substantial =
          tagged_item || !tags.empty() ||
          std::count(p.text.begin(), p.text.end(), ' ') >= 4;  // five words or more
      if (m.in_list && (tagged_item || (IsCommitmentList(in->Section(i)) && substantial))) {
        m.text = p.text;
        m.stored_terms = StoredTerms(in->passage_terms, i);
        // The item's actor is its opening sentence's: in "A pathfinder
        // programme to implement family help. Work will start in Spring
        // 2023." nobody named acts, whatever the second sentence's subject.
        const std::vector<TextRange> item_sentences = SplitSentences(p.text);
        const size_t opening_end = item_sentences.empty() ? p.text.size() : item_sentences.front().end;
        for (const LinkTag& t : tags) {
          if (t.kind == TagKind::kCommitment && m.modality.empty()) {
            if (t.start < opening_end) m.actor = t.commitment->actor;
            m.modality = t.commitment->modality;
            m.action = t.commitment->Action(p.text);
          }
          if (t.kind == TagKind::kMoney) m.money.push_back(&t);
          if (t.kind == TagKind::kDate) m.dates.push_back(&t);
        }
        if (m.actor.empty()) m.actor = "unspecified";
        m.local = IsLocalActor(m.actor, auth);
        keep(std::move(m));
        continue;
      }
      std::vector<std::string>* tag_terms = i < in->tag_terms.size() ? &in->tag_terms[i] : nullptr;
      for (size_t j = 0; j < tags.size(); ++j) {
        const LinkTag& tag = tags[j];
        if (tag.kind != TagKind::kCommitment) continue;
        Mention one = m;
        one.text = tag.Text(p.text);
        if (tag_terms != nullptr) one.stored_terms = StoredTerms(*tag_terms, j);
        one.actor = tag.commitment->actor;
        one.modality = tag.commitment->modality;
        one.action = tag.commitment->Action(p.text);
        for (uint32_t k : tag.commitment->money) one.money.push_back(&tags[k]);
        for (uint32_t k : tag.commitment->dates) one.dates.push_back(&tags[k]);
        one.local = IsLocalActor(tag.commitment->actor, auth);
        keep(std::move(one));
      }
    }
  }
  flush();
  // The stored terms are read; the peak of linking is yet to come.
  for (const LinkInput& in : docs) {
    std::vector<std::string>().swap(in.passage_terms);
    std::vector<std::vector<std::string>>().swap(in.tag_terms);
  }
#if defined(__GLIBC__)
  // They lay together (ReadLinkInputs reads them last): their pages go back
  // to the system before the postings are made.
  malloc_trim(0);
#endif
  std::stable_sort(mentions.begin(), mentions.end(), [&](const Mention& a, const Mention& b) {
    if (a.rank != b.rank) return a.rank < b.rank;  // authority, then path
    return a.in_list && !b.in_list;
  });

  // Ids in key order from here on; postings follow.
  {
    std::vector<TermId> remap = vocab.Seal();
    for (PassageIndex::Entry& p : index.passages) Vocabulary::Remap(remap, p.terms);
    for (Mention& m : mentions) {
      Vocabulary::Remap(remap, &m.ids);
      if (m.actor_ids) Vocabulary::Remap(remap, &*m.actor_ids);
    }
    // Each term's list starts where the lists of the terms before it end;
    // passages are added in order, so each list is ascending. Two passes:
    // the bytes each list takes, then the lists.
    std::vector<uint32_t> last(vocab.size(), 0);  // the number each list wrote last
    index.posting_start.assign(vocab.size() + 1, 0);
    for (uint32_t i = 0; i < index.passages.size(); ++i) {
      for (const IdSpan list : {index.passages[i].terms.words(), index.passages[i].terms.phrases()}) {
        for (TermId id : list) {
          index.posting_start[id + 1] += Postings::Put(i - last[id], nullptr);
          last[id] = i;
        }
      }
    }
    for (TermId id = 0; id < vocab.size(); ++id) index.posting_start[id + 1] += index.posting_start[id];
    index.posting_bytes.resize(index.posting_start.back());
    std::vector<size_t> next(index.posting_start.begin(), index.posting_start.end() - 1);
    std::fill(last.begin(), last.end(), 0);
    for (uint32_t i = 0; i < index.passages.size(); ++i) {
      for (const IdSpan list : {index.passages[i].terms.words(), index.passages[i].terms.phrases()}) {
        for (TermId id : list) {
          next[id] += Postings::Put(i - last[id], index.posting_bytes.data() + next[id]);
          last[id] = i;
        }
      }
    }
  }
  // The corpus's statistics: counted in the inputs, or those of the corpus
  // they are part of (a snapshot, LinkScope::stats).
  std::vector<int> named_df(vocab.size(), 0);
  int64_t corpus_passages = std::count_if(index.passages.begin(), index.passages.end(),
                                          [&](const PassageIndex::Entry& pe) { return !is_copy(pe.ref.doc); });
  if (scope.stats != nullptr) {
    std::vector<std::string_view> keys;
    keys.reserve(vocab.size());
    for (TermId id = 0; id < vocab.size(); ++id) keys.push_back(vocab.Key(id));
    std::vector<TermCounts> stats;
    if (!scope.stats->Lookup(keys, &stats) || stats.size() != keys.size()) {
      throw std::runtime_error("cannot read the corpus statistics");
    }
    for (TermId id = 0; id < vocab.size(); ++id) {
      vocab.SetDf(id, stats[id].df);
      named_df[id] = stats[id].named_df;
    }
    corpus_passages = scope.stats->passages();
  } else {
    for (const PassageIndex::Entry& pe : index.passages) {
      if (is_copy(pe.ref.doc)) continue;
      for (TermId id : pe.terms.named()) ++named_df[id];
    }
  }
  // The passages whose links are wanted (LinkScope::targets).
  const std::set<int64_t> targets(scope.targets.begin(), scope.targets.end());
  auto is_target = [&](uint32_t i) { return targets.empty() || targets.count(index.passages[i].ref.doc) != 0; };
  Weights weights(vocab, static_cast<int>(corpus_passages), options);

  // What each paper is about: its words, each weighted by its rarity and by
  // how many of the paper's passages hold it, as a unit vector (sorted by
  // term). Two papers on one subject are close (the cosine, `closeness`);
  // an index may hold papers on many subjects (buses and libraries, flooding
  // and care charging), and the forms of words their papers share ("The
  // first round will open in April 2027") do not make a paper on one
  // subject discuss the other's undertakings.
  using Topic = std::vector<std::pair<TermId, double>>;
  std::map<int64_t, std::pair<uint32_t, uint32_t>> span_of;  // a paper's passages in index order
  for (uint32_t i = 0; i < index.passages.size();) {
    uint32_t j = i;
    while (j < index.passages.size() && index.passages[j].input == index.passages[i].input) ++j;
    span_of.emplace(index.passages[i].ref.doc, std::make_pair(i, j));
    i = j;
  }
  auto topic_of = [&](int64_t doc) {
    Topic v;
    auto span = span_of.find(doc);
    if (span == span_of.end()) return v;
    std::unordered_map<TermId, int> held;
    for (uint32_t i = span->second.first; i < span->second.second; ++i) {
      for (TermId w : index.passages[i].terms.words()) ++held[w];
    }
    v.reserve(held.size());
    double norm = 0;
    for (const auto& [w, n] : held) {
      const double x = weights.Idf(w) * std::log1p(n);
      if (x <= 0) continue;
      v.emplace_back(w, x);
      norm += x * x;
    }
    std::sort(v.begin(), v.end());
    norm = std::sqrt(norm);
    if (norm > 0) {
      for (auto& [w, x] : v) x /= norm;
    }
    return v;
  };
  auto closeness = [](const Topic& v, const Topic& u) {
    double dot = 0;
    for (size_t a = 0, b = 0; a < v.size() && b < u.size();) {
      if (v[a].first < u[b].first) {
        ++a;
      } else if (u[b].first < v[a].first) {
        ++b;
      } else {
        dot += v[a++].second * u[b++].second;
      }
    }
    return dot;
  };
  // Two papers at least this close are on one subject (papers on the same
  // subject from one producer measure 0.45 to 0.9, national plans on
  // different subjects 0.2 to 0.3).
  constexpr double kSameSubject = 0.5;
  std::map<int64_t, Topic> topics;  // the source papers' topics, as they are needed (one thread)
  // The topic of the paper whose mentions are being merged (they come paper
  // by paper), without keeping every paper's.
  int64_t here_doc = -1;
  Topic here;
  auto topic_here = [&](int64_t doc) -> const Topic& {
    if (here_doc != copy_of.at(doc)) {
      here_doc = copy_of.at(doc);
      here = topic_of(here_doc);
    }
    return here;
  };
  auto topic = [&](int64_t doc) -> const Topic& {
    const int64_t original = copy_of.at(doc);  // a copy is about what its original is about
    auto it = topics.find(original);
    if (it == topics.end()) it = topics.emplace(original, topic_of(original)).first;
    return it->second;
  };
  std::vector<uint32_t> stamp(index.passages.size(), 0);
  uint32_t mark = 0;

  // Merge mentions into entries. Each mention is compared with the entries
  // that share a term with it, found through the entries' own postings; the
  // overlaps are summed term by term in key order, as Compare would.
  std::vector<Entry> entries;
  // The mentions that joined a programme as a sentence on how it works
  // (ActorIsServed): their sums are its workings ("the average hourly rate
  // ... will rise from £11.22 to £12.40"), not the programme's own figures,
  // which a council's own rates would be read as disagreeing with.
  std::set<const Mention*> served_parts;
  {
    struct EntryPosting {
      uint32_t entry;
      bool named;
    };
    std::vector<std::vector<EntryPosting>> entry_phrases(vocab.size());
    std::vector<std::vector<uint32_t>> entry_words(vocab.size());
    std::vector<double> overlap;
    std::vector<size_t> seen_by;  // mention number + 1 that last touched the entry
    std::vector<size_t> phrase_seen_by;  // ... through a shared phrase
    std::vector<int> phrases_shared;     // how many phrases, for that mention
    std::vector<bool> name_shared;       // ... one of them inside a name
    std::vector<bool> programme_shared;  // ... inside a name that is not a body's or an office's
    auto post = [&](uint32_t e, const std::vector<TermId>& new_words,
                    const std::vector<TermId>& new_phrases, const std::vector<TermId>& new_named) {
      const TermIds& profile = entries[e].profile;
      for (TermId w : new_words) entry_words[w].push_back(e);
      for (TermId p : new_phrases) entry_phrases[p].push_back({e, Has(profile.named, p)});
      for (TermId p : new_named) {
        if (Has(new_phrases, p)) continue;
        for (EntryPosting& ep : entry_phrases[p]) {
          if (ep.entry == e) ep.named = true;
        }
      }
    };
    // "The fund will meet up to 75 per cent of the extra cost" after a
    // paragraph on the Clean Fleet Bus Fund, under the same heading: the
    // entry that names the fund. The names looked for: in the mention's own
    // passage before it, else in the nearest passage before it (at most
    // three back) under the same heading that names a thing of that kind.
    // One entry named by them, or none.
    // The entry a thing of kind `head` refers to from `before`, the text of
    // passage `at` ahead of the words that write it.
    auto refers_to = [&](const std::string& head, uint32_t at, std::string_view before) -> size_t {
      const std::string ending = " " + head;
      std::vector<TermId> keys;
      for (const std::string& key : TermKeyLists(before).named) {
        const TermId id = vocab.Find(key);
        if (id != Vocabulary::kNone && KeyEndsWith(key, ending)) keys.push_back(id);
      }
      for (uint32_t j = at; keys.empty() && j > 0 && at - j < 3;) {
        --j;
        const PassageIndex::Entry& prev = index.passages[j];
        if (prev.input != index.passages[at].input || index.section(j) != index.section(at)) break;
        for (TermId id : prev.terms.named()) {
          if (KeyEndsWith(vocab.Key(id), ending)) keys.push_back(id);
        }
      }
      size_t found = entries.size();
      for (TermId id : keys) {
        for (const EntryPosting& ep : entry_phrases[id]) {
          if (!ep.named || ep.entry == found) continue;
          if (found != entries.size()) return entries.size();  // two things of that kind
          found = ep.entry;
        }
      }
      return found;
    };
    auto referred_entry = [&](const Mention& m) -> size_t {
      const std::string head = DefiniteHead(m.text);
      if (head.empty()) return entries.size();
      const uint32_t at = index.Find(m.ref);
      if (at == PassageIndex::kNone) return entries.size();
      const Passage& own = index.passage(at);
      std::string_view before;
      if (m.text.data() >= own.text.data() &&
          static_cast<size_t>(m.text.data() - own.text.data()) <= own.text.size()) {
        before = std::string_view(own.text).substr(
            0, static_cast<size_t>(m.text.data() - own.text.data()));
      }
      return refers_to(head, at, before);
    };
    // "We will spend £45 million to train 5,000 SENCOs, and the bursary ...
    // will rise" after "... must hold the National SENCO Qualification" in
    // the same paragraph, when the qualification's own wording gives the
    // £45 million: a later sentence of a paragraph that names a programme,
    // giving one of the programme's own sums or deadlines, goes on about it
    // rather than undertaking something else. Only the programme's own
    // paper, only a name written before the mention in its passage, and one
    // programme named there, or none. (Without a shared value a paragraph's
    // later sentences may be other undertakings: a plan's paragraph often
    // holds more than one.) A month inside the programme's own period of
    // years is its date too: "Councils will bid in two rounds, the first
    // opening in April 2026" after "The Pothole Innovation Programme will
    // fund councils ...", whose wording gives "from 2026/27 to 2028/29".
    auto continued_entry = [&](const Mention& m) -> size_t {
      const uint32_t at = index.Find(m.ref);
      if (at == PassageIndex::kNone) return entries.size();
      const Passage& own = index.passage(at);
      // Where the mention starts in its passage: its text is a view of the
      // passage's, or else (a register built from copies) found in it.
      size_t before = std::string::npos;
      if (m.text.data() >= own.text.data() && m.text.data() <= own.text.data() + own.text.size()) {
        before = static_cast<size_t>(m.text.data() - own.text.data());
      } else {
        before = own.text.find(m.text);
      }
      // A wording whose subject is a part of what a programme pays out
      // (OpensWithProgrammePart) may open its paragraph: the programme is
      // then the one the paragraphs before it name.
      // So may one whose served actor seeks such a part (SeeksProgrammePart):
      // its sums (the range of a grant) are the programme's workings, as a
      // served sentence's are.
      const bool seeks = ActorIsServed(m.actor) && SeeksProgrammePart(m.text);
      const bool part = OpensWithProgrammePart(m.text) || seeks;
      // So may one whose subject is "Each" and a word the programme's
      // wording writes ("3.2 Each club will offer ..." after "3.1 The
      // Holiday Meals and Activities Programme will ... run free holiday
      // clubs"): its things one by one.
      const std::string each = EachHead(m.text);
      if (before == std::string::npos || (before == 0 && !part && each.empty())) {
        return entries.size();
      }
      size_t found = entries.size();
      bool two = false;
      std::vector<std::pair<size_t, TermId>>
          names_found;  // (entry, named phrase) of every name written
      auto named_by = [&](TermId id) {
        for (const EntryPosting& ep : entry_phrases[id]) {
          if (!ep.named) continue;
          // A national paper's paragraph names its own programmes: another
          // national plan's fund sharing a phrase of the name ("capital
          // fund" of the School Kitchen Capital Fund and of a Reading Rooms
          // Capital Fund) is not named here. (A council's paragraph naming
          // a national programme is about that one, not a local entry's.)
          const Mention& source = *entries[ep.entry].mentions.front();
          if (source.input != m.input && !source.local && !m.local) continue;
          names_found.emplace_back(ep.entry, id);
          if (ep.entry == found) continue;
          if (found != entries.size()) two = true;  // two programmes named
          found = ep.entry;
        }
      };
      for (const std::string& key : TermKeyLists(std::string_view(own.text).substr(0, before)).named) {
        const TermId id = vocab.Find(key);
        if (id != Vocabulary::kNone) named_by(id);
      }
      // A later sentence whose actor the programme serves or pays ("The
      // Inclusion in Mainstream Grant will give mainstream schools £300
      // million a year ... Every school will receive a minimum of £20,000 a
      // year"), naming nothing else, says how the programme named before it
      // in its paragraph works: not an undertaking of the plan's own. The
      // programme is the one whose name the sentences before write most of
      // ("the National Bus Fare Cap" shares "bus fare" with "the Young
      // Person's Bus Fare").
      if (before > 0 && ActorIsServed(m.actor)) {
        const size_t served = MostNamed(names_found, entries.size());
        if (served < entries.size() && entries[served].mentions.front()->input == m.input &&
            entries[served].mentions.front()->local == m.local &&
            !NamesOtherThan(m, entries[served].profile)) {
          served_parts.insert(&m);
          return served;
        }
        // The same when the paragraph opens by referring back to the
        // programme ("5.2 The fund will pay for volunteer training ...
        // Groups in places with the longest waiting lists will be funded
        // first" after 5.1 names the Uniformed Youth Fund).
        if (names_found.empty()) {
          const std::string head = DefiniteHead(own.text);
          const size_t referred =
              head.empty() ? entries.size() : refers_to(head, at, std::string_view());
          if (referred < entries.size() && entries[referred].mentions.front()->input == m.input &&
              entries[referred].mentions.front()->local == m.local &&
              !NamesOtherThan(m, entries[referred].profile)) {
            served_parts.insert(&m);
            return referred;
          }
        }
      }
      // A paragraph that names no programme before the mention goes on
      // about the one the paragraph before it names, under the same heading
      // ("2.1 The Local Roads Maintenance Fund brings together ... 2.2
      // Allocations are set by a formula ... Each authority's allocations
      // ... will be published by January 2026"): the nearest such
      // paragraph, at most three back, as for "the fund" above.
      for (uint32_t j = at; found == entries.size() && !two && j > 0 && at - j < 3;) {
        --j;
        const PassageIndex::Entry& prev = index.passages[j];
        if (prev.input != m.input || index.section(j) != index.section(at)) break;
        for (TermId id : prev.terms.named()) named_by(id);
      }
      if (two || found == entries.size()) return entries.size();
      const Entry& entry = entries[found];
      if (entry.mentions.front()->input != m.input || entry.mentions.front()->local != m.local) return entries.size();
      // A later sentence that writes "the" and the head of the name found
      // above ("Schools will bid to the fund in three waves" after "The
      // School-Based Nurseries Fund will provide ..." in its paragraph)
      // goes on about the programme, whatever values it gives: it refers
      // back to it, as "The fund will ..." does.
      if (before > 0) {
        std::vector<std::string> heads;  // the last word of each of its names written
        for (const auto& [e, id] : names_found) {
          if (e != found) continue;
          const std::string key = vocab.Key(id);
          heads.push_back(key.substr(key.rfind(' ') + 1));
        }
        const std::string lower = Lower(m.text);
        auto own_word = [&](const std::string& stem) {
          const TermId id = vocab.Find(stem);
          return id != Vocabulary::kNone && Has(entry.mentions.front()->ids.words, id);
        };
        for (size_t at = lower.find("the "); at != std::string::npos;
             at = lower.find("the ", at + 1)) {
          if (at > 0 && std::isalpha(static_cast<unsigned char>(lower[at - 1]))) continue;
          if (HeadAfterThe(m.text, lower, at + 4, heads, own_word)) return found;
        }
      }
      if (part) {
        if (seeks) served_parts.insert(&m);
        return found;
      }
      if (!each.empty()) {
        const TermId word = vocab.Find(each);
        if (word != Vocabulary::kNone && Has(entry.profile.words, word)) return found;
      }
      for (const Mention* other : entry.mentions) {
        if (other->input != m.input) break;
        if (SharesSum(*other, m) || SharesDate(*other, m) || DateWithinPeriod(*other, m)) return found;
      }
      return entries.size();
    };
    // Mention `m` joins entry `e`. The source paper's other mentions complete
    // its wording (a list of financial commitments gives an item of the
    // policy list its sum); another paper's restatement joins the entry but
    // does not reword it, so an entry is the same however many papers
    // restate it.
    auto join = [&](size_t e, const Mention& m) {
      Entry& entry = entries[e];
      entry.mentions.push_back(&m);
      if (m.input != entry.mentions.front()->input) return;
      std::vector<TermId> new_words = AddSorted(&entry.profile.words, m.ids.words);
      std::vector<TermId> new_phrases = AddSorted(&entry.profile.phrases, m.ids.phrases);
      std::vector<TermId> new_named = AddSorted(&entry.profile.named, m.ids.named);
      AddSurfaces(vocab, Terms(m.text), &entry.surface);
      post(static_cast<uint32_t>(e), new_words, new_phrases, new_named);
    };
    for (size_t mi = 0; mi < mentions.size(); ++mi) {
      const Mention& m = mentions[mi];
      if (is_copy(m.input->id)) continue;  // joins its twin's entry below
      if (const size_t e = referred_entry(m); e < entries.size()) {
        join(e, m);
        continue;
      }
      if (const size_t e = continued_entry(m); e < entries.size()) {
        join(e, m);
        continue;
      }
      double m_self = weights.Self(m.ids);
      std::vector<uint32_t> touched;
      auto touch = [&](uint32_t e) {
        if (seen_by[e] != mi + 1) {
          seen_by[e] = mi + 1;
          overlap[e] = 0;
          phrases_shared[e] = 0;
          name_shared[e] = false;
          programme_shared[e] = false;
          touched.push_back(e);
        }
      };
      // Who acts is not what is undertaken: two wordings whose actors, a
      // body, share a term ("The Department for Coastal Affairs will
      // publish ...", "The Department for Coastal Affairs will consult on
      // ...") are not the closer for it. (A programme said to act, "The
      // School Streets grant is to increase ...", is what is undertaken.)
      auto both_actors = [&](uint32_t e, TermId id, bool phrase) {
        static const TermIds kNoActor;
        const Mention& front = *entries[e].mentions.front();
        const TermIds& mine = m.actor_ids ? *m.actor_ids : kNoActor;
        const TermIds& theirs = front.actor_ids ? *front.actor_ids : kNoActor;
        return phrase ? Has(mine.phrases, id) && Has(theirs.phrases, id)
                      : Has(mine.words, id) && Has(theirs.words, id);
      };
      for (TermId p : m.ids.phrases) {
        bool named_here = Has(m.ids.named, p);
        for (const EntryPosting& ep : entry_phrases[p]) {
          if (both_actors(ep.entry, p, true)) continue;
          touch(ep.entry);
          overlap[ep.entry] += weights.Phrase(p, ep.named || named_here);
          phrase_seen_by[ep.entry] = mi + 1;
          ++phrases_shared[ep.entry];
          if (ep.named || named_here) {
            name_shared[ep.entry] = true;
            // A programme's name, not a body's or an office's ("Local
            // Government Association", "Secretary of State"), and a name in
            // both wordings: a name's words in the other's running prose
            // ("The extra maintenance funding will clear the backlog" against
            // "the Local Roads Maintenance Fund") are no restatement by name.
            const std::string& key = vocab.Key(p);
            const size_t space = key.find(' ');
            const std::string first = key.substr(0, space), second = key.substr(space + 1);
            if (ep.named && named_here && !IsBodyNameWord(first) && !IsBodyNameWord(second) && !IsOfficeWord(first) &&
                !IsOfficeWord(second)) {
              programme_shared[ep.entry] = true;
            }
          }
        }
      }
      for (TermId w : m.ids.words) {
        for (uint32_t e : entry_words[w]) {
          if (both_actors(e, w, false)) continue;
          touch(e);
          overlap[e] += weights.Word(w);
        }
      }
      std::sort(touched.begin(), touched.end());
      size_t best = entries.size(), second = entries.size();
      double best_sim = 0, second_sim = 0;
      for (uint32_t e : touched) {
        Entry& entry = entries[e];
        const Mention& src = *entry.mentions.front();
        if (src.local != m.local) continue;
        // Words alone, however rare, do not make two wordings one
        // undertaking: they must share a phrase.
        if (phrase_seen_by[e] != mi + 1) continue;
        // Another paper restates an undertaking by its name, its sum, more
        // than one turn of phrase or word for word: one shared phrase
        // ("plans to increase") in an unrelated report is not a restatement.
        if (src.input != m.input && phrases_shared[e] < 2 && !name_shared[e] && !SharesSum(src, m) &&
            overlap[e] < 0.9 * std::max(m_self, entry.source_self)) {
          continue;
        }
        // Two national papers on different subjects: one restates the
        // other's undertaking by its name or its sum. The forms of words
        // they share ("The Department will publish a progress report on this
        // plan each year", "Allocations will be made by a formula") are each
        // paper's own: an index may hold the national plans of many
        // subjects. (Two on one subject, a plan and its summary, are closer
        // than kSameSubject.)
        if (src.input != m.input && authority[src.input->id] == Authority::kNational &&
            authority[m.input->id] == Authority::kNational && !programme_shared[e] && !SharesSum(src, m) &&
            closeness(topic(src.input->id), topic_here(m.input->id)) < kSameSubject) {
          continue;
        }
        bool blocked = false;
        // Mentions come document by document, so the entry's mentions from
        // this mention's document are the last ones it took.
        for (auto it = entry.mentions.rbegin(); it != entry.mentions.rend(); ++it) {
          const Mention* other = *it;
          if (other->input != m.input) break;
          // Two items of one list (or two rows of one table) are two
          // undertakings; a table's row and a list's item under one heading
          // may be one restated (a summary table under the list).
          if (other->in_list && m.in_list && other->section() == m.section() &&
              other->passage->kind == m.passage->kind) {
            blocked = true;
          }
          if (DisjointSums(*other, m) || DisjointDates(*other, m)) blocked = true;
        }
        if (blocked) continue;
        double denom = std::max(std::min(m_self, entry.source_self), 1e-9);
        double sim = overlap[e] / denom;
        // Another paper restating an undertaking in its own longer sentence
        // ("To support this, the Government will publish a national kinship
        // care strategy by the end of 2023") shares less than half of either
        // wording, but a sum the two give and two turns of phrase besides, or
        // a deadline and three, make it the same undertaking: it needs half
        // the similarity. (The sum may be in another mention of the source
        // paper: its list of financial commitments.)
        // Mentions come document by document, so the source paper's are the
        // first ones the entry took: only those are read (an entry restated
        // by a thousand papers has a thousand mentions).
        if ((src.input != m.input || RestatesOwnListItem(src, m)) && phrases_shared[e] >= 2) {
          for (const Mention* own : entry.mentions) {
            if (own->input != src.input) break;
            // A competing sum with the same deadline is the same undertaking
            // quoted with another figure (a disagreement), as a shared sum is.
            if (SharesSum(*own, m) || (phrases_shared[e] >= 3 && SharesDate(*own, m)) ||
                (phrases_shared[e] >= 3 && own->input == m.input && SharesStart(*own, m)) ||
                (SharesDate(*own, m) && CompetingSums(*own, m))) {
              sim *= 2;
              break;
            }
          }
        }
        // Two wordings that open with one programme's full name ("£420 million
        // for a Food Waste Transition Fund to ...", "The Food Waste Transition
        // Fund will meet the cost of ...") are one undertaking: the register
        // keeps one entry per named programme. Sums that disagree kept them
        // apart above; a body's name ("Social Work England will ...") opens
        // many undertakings of that body.
        if (sim < options.merge_threshold && SameOpeningName(src, m)) sim = options.merge_threshold;
        if (sim > best_sim) {
          second_sim = best_sim;
          second = best;
          best_sim = sim;
          best = e;
        } else if (sim > second_sim) {
          second_sim = sim;
          second = e;
        }
      }
      // Two entries of two papers as close as each other (one form of words
      // in the plans of two subjects): the mention is about the one whose
      // paper is on its own paper's subject.
      if (best < entries.size() && second < entries.size() && second_sim >= options.merge_ambiguity * best_sim) {
        const Mention& a = *entries[best].mentions.front();
        const Mention& b = *entries[second].mentions.front();
        if (copy_of.at(a.input->id) != copy_of.at(b.input->id)) {
          const Topic& here = topic_here(m.input->id);
          if (closeness(topic(b.input->id), here) > closeness(topic(a.input->id), here)) {
            std::swap(best, second);
            std::swap(best_sim, second_sim);
          }
        }
      }
      // A mention that restates little of its best entry and is as close to
      // another says too little to choose ("This will have consultation in
      // Autumn 2023", beside two consultations that autumn): it joins
      // neither, and is no new undertaking either, being so like two known
      // ones; its passage still links by its words. (A mention restating an
      // entry whole, like a copy of a paper, joins the first of its equals.)
      bool ambiguous = best < entries.size() && second_sim >= options.merge_ambiguity * best_sim &&
                       overlap[best] < 0.5 * entries[best].source_self;
      if (best < entries.size() && best_sim >= options.merge_threshold && ambiguous) continue;
      if (best < entries.size() && best_sim >= options.merge_threshold) {
        join(best, m);
      } else if (OpensWithAnaphor(m.text) ||
                 (m.authority != Authority::kNational && HeadKind(DefiniteHead(m.text)) != 0)) {
        // "This will have consultation in Autumn 2023", "It will be driven
        // by ...": what "this" is was said before; joining nothing, it is no
        // undertaking of its own (its passage still links by its words).
        // So in a paper that words no national undertakings (a report, a
        // news story) with "the" and a word for a fund, a scheme or a duty
        // ("The money is the county's share of a national pot ..."): the
        // thing is a plan's, named there or before. (A plan's own "The fund
        // will pay for ..." under a heading of its own is its undertaking.)
        continue;
      } else {
        Entry entry;
        entry.mentions.push_back(&m);
        entry.profile = m.ids;
        AddSurfaces(vocab, Terms(m.text), &entry.surface);
        entry.source_self = m_self;
        entries.push_back(std::move(entry));
        overlap.push_back(0);
        seen_by.push_back(0);
        phrase_seen_by.push_back(0);
        phrases_shared.push_back(0);
        name_shared.push_back(false);
        programme_shared.push_back(false);
        const TermIds& profile = entries.back().profile;
        post(static_cast<uint32_t>(entries.size() - 1), profile.words, profile.phrases, {});
      }
    }
  }
  // A copy's mention joins the entry its twin in the original joined (the
  // same words in the same paper); one with no twin there joins nothing (its
  // passage still links by its words).
  std::set<int64_t> copied;  // the papers that have copies
  for (const auto& [doc, original] : copy_of) {
    if (doc != original) copied.insert(original);
  }
  if (!copied.empty()) {
    std::map<std::pair<int64_t, uint64_t>, size_t> entry_of;  // (paper, its words) -> entry
    for (size_t e = 0; e < entries.size(); ++e) {
      for (const Mention* m : entries[e].mentions) {
        if (copied.count(m->input->id) != 0) entry_of.emplace(std::make_pair(m->input->id, LetterPrint(m->text)), e);
      }
    }
    for (const Mention& m : mentions) {
      if (!is_copy(m.input->id)) continue;
      auto twin = entry_of.find({copy_of.at(m.input->id), LetterPrint(m.text)});
      if (twin != entry_of.end()) entries[twin->second].mentions.push_back(&m);
    }
  }

  // Who a wording says it works with ("We will work with the Local
  // Government Association, directors of public health and NHS England to
  // measure what the plan achieves") are partners, not what is undertaken:
  // the words and phrases of the list after "work with", up to "to", "so
  // that" or the end of the clause, that the rest of the wording does not
  // give. They are its context: a passage sharing them is not the more
  // about it.
  std::vector<TermIds> partners(entries.size());
  for (size_t e = 0; e < entries.size(); ++e) {
    const Mention& m = *entries[e].mentions.front();
    const std::string lower = Lower(m.text);
    for (std::string_view intro : {"work with ", "working with ", "in partnership with "}) {
      const size_t at = lower.find(intro);
      if (at == std::string::npos || (at > 0 && std::isalpha(static_cast<unsigned char>(lower[at - 1])))) continue;
      const size_t from = at + intro.size();
      size_t to = std::min({lower.find(" to ", from), lower.find(" so that ", from), lower.find_first_of(".;:", from)});
      if (to == std::string::npos) to = lower.size();
      const TermKeyList list = TermKeyLists(m.text.substr(from, to - from));
      const TermKeyList rest = TermKeyLists(std::string(m.text.substr(0, at)) + " . " + std::string(m.text.substr(to)));
      auto add = [&](const std::vector<std::string>& keys, const std::vector<std::string>& elsewhere,
                     std::vector<TermId>* into) {
        for (const std::string& key : keys) {
          if (std::binary_search(elsewhere.begin(), elsewhere.end(), key)) continue;
          const TermId id = vocab.Find(key);
          if (id != Vocabulary::kNone) into->push_back(id);
        }
      };
      add(list.words, rest.words, &partners[e].words);
      add(list.phrases, rest.phrases, &partners[e].phrases);
      SortUnique(&partners[e].words);
      SortUnique(&partners[e].phrases);
      break;
    }
  }

  // Scores are relative to the entry's own wording, but a wording too vague
  // to say what it is about ("Funding will be allocated in two rounds") is
  // measured against half the typical wording, so it does not link to
  // everything.
  {
    // From here on a term weighs less the more entries are worded with it
    // (Weights::Spread), and each wording's own weight follows.
    if (options.entry_spread > 0) {
      std::vector<int> entries_with(vocab.size(), 0);
      for (const Entry& entry : entries) {
        const TermIds& own = entry.mentions.front()->ids;
        for (TermId id : own.words) ++entries_with[id];
        for (TermId id : own.phrases) ++entries_with[id];
      }
      weights.Spread(entries_with, options.entry_spread);
      for (Entry& entry : entries) entry.source_self = weights.Self(entry.mentions.front()->ids);
    }
    std::vector<double> selfs;
    for (const Entry& entry : entries) selfs.push_back(entry.source_self);
    double floor = 0;
    if (!selfs.empty()) {
      std::nth_element(selfs.begin(), selfs.begin() + static_cast<long>(selfs.size() / 2), selfs.end());
      floor = 0.5 * selfs[selfs.size() / 2];
    }
    for (Entry& entry : entries) entry.norm = std::max({entry.source_self, floor, 1e-9});
  }

  // The names of each entry: proper names in its wording that recur, but in
  // few passages (a name on every page is the paper's subject, not a
  // programme) and in the wording of at most two entries (a name many
  // undertakings mention, "alongside the Working Together consultation", is
  // their context, not what they are). A name a wording opens with is what
  // that wording is about ("A Families First Pathfinder programme to ..."),
  // one it ends with is context ("... will be trialled through the
  // Pathfinder"): a name many wordings mention is still distinctive of the
  // few, at most two, that open with it.
  {
    // "A Families First Pathfinder programme", "£45 million to deliver the
    // Families First Pathfinder": the name is one of the first two content
    // words. A name that is the mention's actor ("Social Work England will
    // work on ...") says who acts, not what the undertaking is.
    constexpr size_t kOpeningWords = 2;
    auto opens_with = [&](const Mention& m, size_t n) {
      if (n >= m.name_starts.size() || m.name_starts[n] >= kOpeningWords) return false;
      if (m.actor.empty()) return true;
      const TermSet actor = Terms(m.actor);
      return !std::all_of(m.names[n].begin(), m.names[n].end(),
                          [&](const std::string& key) { return actor.phrases.count(key) != 0; });
    };
    std::map<std::vector<std::string>, int> entries_naming, entries_opening;
    std::map<std::vector<std::string>, std::vector<size_t>> naming;  // the entries naming each
    // What introduces a programme described rather than named ("the
    // national defence programme"), as a stem. ("new" is no content word,
    // so it makes no phrase; the paraphrases below read it in the text.)
    const std::string introducer = StemWord("national");
    std::vector<std::vector<bool>> opens(entries.size());  // per entry, per name of its wording
    for (size_t e = 0; e < entries.size(); ++e) {
      const Mention& m = *entries[e].mentions.front();
      std::set<std::vector<std::string>> own, opening;
      for (size_t n = 0; n < m.names.size(); ++n) {
        opens[e].push_back(opens_with(m, n));
        own.insert(m.names[n]);
        if (opens[e].back()) opening.insert(m.names[n]);
      }
      for (const auto& name : own) {
        ++entries_naming[name];
        naming[name].push_back(e);
      }
      for (const auto& name : opening) ++entries_opening[name];
    }
    // Entries whose wording gives a name of its own, that no other wording
    // gives ("the Social Housing Warmth Fund").
    std::vector<bool> has_own_name(entries.size(), false);
    for (size_t e = 0; e < entries.size(); ++e) {
      for (const std::vector<std::string>& name : entries[e].mentions.front()->names) {
        if (entries_naming[name] == 1 && !IsBodyName(name)) has_own_name[e] = true;
      }
    }
    // A proper name is capitalised wherever it is written; a name none of
    // whose phrases is written so in most passages holding it ("Local
    // Authorities" in one list, "local authorities" everywhere else) is a
    // style of heading, not a name.
    for (size_t e = 0; e < entries.size(); ++e) {
      Entry& entry = entries[e];
      const Mention& m = *entry.mentions.front();
      for (size_t n = 0; n < m.names.size(); ++n) {
        const std::vector<std::string>& name = m.names[n];
        // The rarest phrase of a name stands for the name as a whole.
        int df = std::numeric_limits<int>::max();
        bool written_as_name = false;
        std::vector<TermId> ids;
        for (const std::string& key : name) {
          ids.push_back(vocab.Find(key));
          df = std::min(df, vocab.Df(ids.back()));
          written_as_name |= 2 * named_df[ids.back()] >= vocab.Df(ids.back());
        }
        bool rare = written_as_name && df >= 2 &&
                    df <= std::max(2.0, options.name_max_share * static_cast<double>(corpus_passages));
        const std::string& last = name.back();
        bool body = IsBodyName(name);
        // A name two wordings give, each beside a name of its own and none
        // opening with it, is what they have in common ("... homes
        // up to Energy Performance Certificate band C" in the wordings of a
        // Social Housing Warmth Fund and of a Rental Homes Efficiency
        // Standard), not what either is.
        const std::vector<size_t>& namers = naming[name];
        const bool common = namers.size() >= 2 && entries_opening[name] == 0 &&
                            std::all_of(namers.begin(), namers.end(), [&](size_t o) { return has_own_name[o]; });
        bool own = !body && !common && (entries_naming[name] <= 2 || (opens[e][n] && entries_opening[name] <= 2));
        bool others = !own && (body || (entries_opening[name] >= 1 && entries_opening[name] <= 2));
        std::vector<TermId> words;
        for (const std::string& key : name) AddPhraseWords(vocab, key, &words);
        SortUnique(&words);
        if (rare && own) {
          entry.names.push_back(std::move(ids));
          entry.name_words.push_back(std::move(words));
          TermId head = vocab.Find(last.substr(last.find(' ') + 1));
          // A head every other passage holds ("Children" of Working Together
          // to Safeguard Children) refers to nothing in particular.
          if (head != Vocabulary::kNone && weights.Idf(head) >= 1.0) entry.name_heads.push_back(head);
          if (entry.names.back().size() >= 2 && head != Vocabulary::kNone) {
            // Any word of the name before its head, then the head: "the
            // national defence programme" drops "Investment".
            const std::string& head_key = vocab.Key(head);
            for (TermId w : entry.name_words.back()) {
              if (w == head) continue;
              Entry::Description d;
              d.last = vocab.Find(vocab.Key(w) + " " + head_key);
              if (d.last == Vocabulary::kNone) continue;
              TermId id = vocab.Find(introducer + " " + vocab.Key(w));
              if (id != Vocabulary::kNone) d.introduced.push_back(id);
              if (!d.introduced.empty()) entry.descriptions.push_back(std::move(d));
            }
          }
        } else if (written_as_name && df == 1 && !body && entries_naming[name] <= 1) {
          entry.lone_names.push_back({ids, words});
        } else if (rare && others) {
          entry.context.phrases.insert(entry.context.phrases.end(), ids.begin(), ids.end());
          entry.context.named.insert(entry.context.named.end(), ids.begin(), ids.end());
          entry.context.words.insert(entry.context.words.end(), words.begin(), words.end());
        }
      }
      entry.context.words.insert(entry.context.words.end(), partners[e].words.begin(), partners[e].words.end());
      entry.context.phrases.insert(entry.context.phrases.end(), partners[e].phrases.begin(),
                                   partners[e].phrases.end());
      for (auto* list : {&entry.context.words, &entry.context.phrases, &entry.context.named}) {
        SortUnique(list);
      }
    }
  }

  // Names described in other words (Entry::Paraphrase): the name's head is
  // a kind of fund or scheme, the passage has another word for that kind
  // introduced as national or new, and a word of the name that no other
  // entry's names hold.
  {
    std::map<TermId, int> entries_with_word;
    for (const Entry& entry : entries) {
      std::set<TermId> words;
      for (const std::vector<TermId>& name : entry.name_words) words.insert(name.begin(), name.end());
      for (TermId w : words) ++entries_with_word[w];
    }
    for (Entry& entry : entries) {
      for (size_t n = 0; n < entry.names.size(); ++n) {
        const std::string& last = vocab.Key(entry.names[n].back());
        const std::string head_key = last.substr(last.find(' ') + 1);
        const int kind = HeadKind(head_key);
        if (kind == 0) continue;
        Entry::Paraphrase p;
        p.head = head_key;
        for (const auto& [other, word] : HeadsOfKind(kind)) {
          if (other == head_key) continue;
          const TermId other_id = vocab.Find(other);
          if (other_id == Vocabulary::kNone) continue;
          entry.head_synonyms.push_back(other_id);
          entry.surface.emplace(other_id, word);
          p.others.emplace_back(other_id, word);
        }
        const TermId head = vocab.Find(head_key);
        for (TermId w : entry.name_words[n]) {
          if (w != head && entries_with_word[w] == 1) p.words.push_back(w);
        }
        SortUnique(&p.words);
        for (TermId w : p.words) {
          for (const auto& other : p.others) {
            const TermId compound = vocab.Find(vocab.Key(w) + " " + vocab.Key(other.first));
            if (compound != Vocabulary::kNone) p.compounds.push_back(compound);
          }
        }
        SortUnique(&p.compounds);
        // (With no other word for its kind in the corpus, the name's own
        // head still describes it: "the national ... programme".)
        if (!p.words.empty()) entry.paraphrases.push_back(std::move(p));
      }
      SortUnique(&entry.head_synonyms);
    }
    std::vector<bool> local(entries.size());
    for (size_t e = 0; e < entries.size(); ++e) {
      local[e] = !entries[e].mentions.empty() && entries[e].mentions.front()->local;
    }
    PhrasesOfNoOtherEntry(&entries, local, false);
    PhrasesOfNoOtherEntry(&entries, local, true);
  }

  // Expansion: the prose of the entry's source paper that is plainly about
  // it (relevance feedback) lends its vocabulary, at a lower weight, so that a
  // paper using the prose's words rather than the list's still links. A
  // passage lends only to the entries it is most about: a paragraph running
  // through five undertakings would otherwise give each the other four's
  // words. Within a passage that lends, a sentence that is itself about
  // other entries and not this one lends to those instead: "The more generous
  // means test will help 250,000 people. Of the £1.2 billion for fees,
  // £150 million is reserved for home care" gives the means test its first
  // sentence and the fees fund its second. A sentence giving the entry's own
  // sum counts as about it when it shares a phrase or two words besides
  // (within one paper a sum names its undertaking).
  {
    constexpr double kLendWithinBest = 0.9;
    struct Lender {
      std::vector<TermId> words, phrases, named;
      TextRange range;  // in the passage's text (not copied: the cache lives for every passage lent)
      std::vector<double> amounts;
    };
    // The sentences of a passage, as lenders; none when it has
    // one sentence (it lends as a passage). Made once per passage, when an
    // entry first asks.
    std::unordered_map<uint32_t, std::vector<Lender>> sentences_of;
    auto sentences = [&](uint32_t i) -> const std::vector<Lender>& {
      auto [it, added] = sentences_of.try_emplace(i);
      if (!added) return it->second;
      const PassageIndex::Entry& pe = index.passages[i];
      const std::string& text = index.passage(i).text;
      static const std::vector<LinkTag> kNoTags;
      const std::vector<LinkTag>& tags = pe.index < pe.input->tags.size() ? pe.input->tags[pe.index] : kNoTags;
      std::vector<TextRange> ranges = SplitSentences(text);
      if (ranges.size() < 2) return it->second;
      for (const TextRange& r : ranges) {
        Lender l;
        l.range = r;
        TermIds ids = vocab.Known(TermKeyLists(std::string_view(text).substr(r.start, r.end - r.start)));
        l.words = std::move(ids.words);
        l.phrases = std::move(ids.phrases);
        l.named = std::move(ids.named);
        for (const LinkTag& t : tags) {
          if (t.kind == TagKind::kMoney && t.amount && t.start >= r.start && t.end <= r.end) {
            l.amounts.push_back(*t.amount);
          }
        }
        it->second.push_back(std::move(l));
      }
      return it->second;
    };
    using Unit = std::pair<uint32_t, uint32_t>;  // (passage, sentence)
    std::vector<std::vector<std::pair<uint32_t, double>>> lenders(entries.size());
    std::vector<std::map<Unit, double>> sentence_lenders(entries.size());
    std::unordered_map<uint32_t, double> best_rel;
    std::map<Unit, double> best_sentence_rel;
    for (size_t e = 0; e < entries.size(); ++e) {
      const Entry& entry = entries[e];
      // A wording too vague to stand on its own weight ("Three approaches
      // will be taken:") would borrow half its paper: it gets nothing.
      if (entry.source_self < entry.norm) continue;
      // The entry's own paper is its source's. The prose of a paper that
      // restates it (a briefing, or a thousand copies of one) is that
      // paper's comment: lent, it would widen the entry with every
      // restatement, and what a passage must share to discuss the entry
      // would depend on how many papers repeat it.
      const LinkInput* own = entry.mentions.front()->input;
      std::vector<double> own_sums = Amounts(entry.mentions.front()->money);
      double bound = options.expansion_threshold * entry.norm;
      // A sentence with the entry's sum needs few of its words.
      double sum_bound = own_sums.empty() ? bound : 0.0;
      for (uint32_t i : Candidates(index, weights, entry.profile, nullptr, 1.0, sum_bound, &stamp, ++mark)) {
        const PassageIndex::Entry& pe = index.passages[i];
        if (!pe.discusses || pe.input != own) continue;
        Weights::Overlap o = weights.Compare(entry.profile, pe.terms);
        double rel = o.score / entry.norm;
        if (rel >= options.expansion_threshold && o.phrases >= 1) {
          lenders[e].emplace_back(i, rel);
          double& best = best_rel[i];
          best = std::max(best, rel);
        }
        const std::vector<Lender>& parts = sentences(i);
        for (size_t k = 0; k < parts.size(); ++k) {
          const Lender& l = parts[k];
          Weights::Overlap so = weights.Compare(entry.profile, TermIds{l.words, l.phrases, l.named});
          double srel = so.score / entry.norm;
          bool own_sum = std::any_of(l.amounts.begin(), l.amounts.end(), [&](double x) {
            return std::any_of(own_sums.begin(), own_sums.end(), [&](double y) { return SameAmount(x, y); });
          });
          if (own_sum && (so.phrases >= 1 || so.words >= 2)) {
            srel = std::max(srel + options.value_bonus, options.expansion_threshold);
          }
          if (srel >= options.expansion_threshold && (so.phrases >= 1 || own_sum)) {
            Unit unit{i, static_cast<uint32_t>(k)};
            sentence_lenders[e][unit] = srel;
            double& best = best_sentence_rel[unit];
            best = std::max(best, srel);
          }
        }
      }
    }
    for (size_t e = 0; e < entries.size(); ++e) {
      Entry& entry = entries[e];
      TermIds extra;
      std::unordered_map<TermId, std::string> extra_surface;
      auto lend_terms = [&](const auto& words, const auto& phrases, const auto& named, std::string_view text) {
        AddSorted(&extra.words, words);
        AddSorted(&extra.phrases, phrases);
        AddSorted(&extra.named, named);
        AddSurfaces(vocab, Terms(text), &extra_surface);
      };
      auto lend = [&](uint32_t i, const Lender& l) {
        std::string_view text = index.passage(i).text;
        lend_terms(l.words, l.phrases, l.named, text.substr(l.range.start, l.range.end - l.range.start));
      };
      // Is sentence `unit` about this entry, or about others only?
      auto mine = [&](const Unit& unit) {
        auto it = sentence_lenders[e].find(unit);
        return it != sentence_lenders[e].end() && it->second >= kLendWithinBest * best_sentence_rel.at(unit);
      };
      for (const auto& [i, rel] : lenders[e]) {
        if (rel < kLendWithinBest * best_rel[i]) continue;
        const std::vector<Lender>& parts = sentences_of.at(i);
        bool whole = true;
        for (size_t k = 0; k < parts.size(); ++k) {
          Unit unit{i, static_cast<uint32_t>(k)};
          whole &= !best_sentence_rel.count(unit) || mine(unit);
        }
        if (whole) {
          const TermView& terms = index.passages[i].terms;
          lend_terms(terms.words(), terms.phrases(), terms.named(), index.passage(i).text);
          continue;
        }
        for (size_t k = 0; k < parts.size(); ++k) {
          Unit unit{i, static_cast<uint32_t>(k)};
          if (!best_sentence_rel.count(unit) || mine(unit)) lend(i, parts[k]);
        }
      }
      for (const auto& [unit, rel] : sentence_lenders[e]) {
        if (mine(unit)) lend(unit.first, sentences_of.at(unit.first)[unit.second]);
      }
      std::vector<TermId> borrowed = AddSorted(&entry.profile.words, extra.words);
      std::vector<TermId> borrowed_phrases = AddSorted(&entry.profile.phrases, extra.phrases);
      borrowed.insert(borrowed.end(), borrowed_phrases.begin(), borrowed_phrases.end());
      std::sort(borrowed.begin(), borrowed.end());
      entry.expanded = std::move(borrowed);
      AddSorted(&entry.profile.named, extra.named);
      for (auto& [id, text] : extra_surface) entry.surface.emplace(id, std::move(text));
    }
  }

  // National entries first, then the councils' own; creation order within.
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return !a.mentions.front()->local && b.mentions.front()->local;
  });

  for (size_t e = 0; e < entries.size(); ++e) {
    const Mention& src = *entries[e].mentions.front();
    Commitment c;
    c.id = "C" + std::to_string(e + 1);
    c.text = src.text;
    c.actor = src.actor;
    c.modality = src.modality;
    c.action = src.action;
    c.local = src.local;
    c.source = src.ref;
    for (const LinkTag* t : src.money) {
      c.money.push_back({src.ref, t->text, t->amount, {}});
    }
    for (const LinkTag* t : src.dates) {
      c.dates.push_back({src.ref, t->text, std::nullopt, ToDateValue(t->Date())});
    }
    // The source paper's other mentions complete the entry: a list of
    // financial commitments gives the sum of an item of the policy list.
    for (const Mention* m : entries[e].mentions) {
      if (m->input != src.input || m == &src || served_parts.count(m) != 0) continue;
      for (const LinkTag* t : m->money) {
        if (t->amount && !GivesSum(c.money, *t->amount)) {
          c.money.push_back({m->ref, t->text, t->amount, {}});
        }
      }
    }
    std::set<PassageRef> seen;
    for (const Mention* m : entries[e].mentions) {
      if (seen.insert(m->ref).second) c.mentions.push_back(m->ref);
    }
    reg.commitments.push_back(std::move(c));
  }
  // The mentions have given the entries all they need: linking, the memory
  // peak, is yet to come.
  for (Entry& entry : entries) {
    entry.wording_phrases = entry.mentions.front()->ids.phrases;
    entry.wording_words = entry.mentions.front()->ids.words;
    std::vector<const Mention*>().swap(entry.mentions);
  }
  std::vector<Mention>().swap(mentions);

  // 2. Links: every passage that may reach the threshold against every entry.
  // Before a sum and a date add their bonuses (value_bonus each) the words
  // must reach a third of the threshold, half for an entry with only one of
  // them: a passage whose overlap stays under that bound (`needed`) cannot be
  // linked unless it names the entry or states it, and those passages are
  // added by name.
  // Entries are scored independently, on as many threads as the machine
  // has; each finds its links with their evidence as term ids, and the
  // strings are pooled afterwards in entry order, so the result does not
  // depend on the threads.
  struct Found {
    Link link;
    std::vector<TermId> phrases, terms;  // evidence, as ids
  };
  // The least overlap a passage needs: with one kind of value to share (a
  // sum or a date) half the threshold, with both a third.
  auto needed = [&](const Commitment& c) {
    return !c.money.empty() && !c.dates.empty()
               ? std::max(options.threshold / 3, options.threshold - 2 * options.value_bonus)
               : std::max(options.threshold / 2, options.threshold - options.value_bonus);
  };
  // Every sum the passages give, with its passage, in order of amount.
  std::vector<std::pair<double, uint32_t>> sums;
  for (uint32_t i = 0; i < index.passages.size(); ++i) {
    const PassageIndex::Entry& pe = index.passages[i];
    if (pe.index >= pe.input->tags.size() || !is_target(i)) continue;
    for (const LinkTag& t : pe.input->tags[pe.index]) {
      if (t.kind == TagKind::kMoney && t.amount) sums.emplace_back(*t.amount, i);
    }
  }
  std::sort(sums.begin(), sums.end());
  // The national entries' own sums, with their entries, in order.
  std::vector<std::pair<double, size_t>> national_sums;
  for (size_t e = 0; e < reg.commitments.size(); ++e) {
    if (reg.commitments[e].local) continue;
    for (const ValueRef& v : reg.commitments[e].money) {
      if (v.amount) national_sums.emplace_back(*v.amount, e);
    }
  }
  std::sort(national_sums.begin(), national_sums.end());
  // A passage that neither names an undertaking nor states it links to it
  // only from a paper about the subject of the undertaking's source paper:
  // one at least half as close to that source as to the closest other paper
  // of the same authority that words undertakings (a council report on
  // libraries is closer to the libraries plan than to the bus plan; minutes
  // of one committee are closest to each other, which says nothing of the
  // plans). With one such paper, as in a corpus on one subject, every paper
  // is close enough.
  std::map<int64_t, size_t> source_slot;  // source paper (its original) -> its slot
  for (const Commitment& c : reg.commitments) source_slot.emplace(copy_of.at(c.source.doc), source_slot.size());
  std::map<int64_t, std::vector<double>> closeness_to;  // paper (its original) -> closeness to each slot
  if (!source_slot.empty()) {
    std::vector<const Topic*> source_topics(source_slot.size());
    for (const auto& [doc, slot] : source_slot) source_topics[slot] = &topic(doc);
    for (const auto& [doc, span] : span_of) {
      const int64_t original = copy_of.at(doc);
      if (closeness_to.count(original) != 0) continue;
      const auto known = topics.find(original);
      const Topic v = known != topics.end() ? known->second : topic_of(original);
      std::vector<double>& row = closeness_to[original];
      row.resize(source_slot.size());
      for (size_t slot = 0; slot < source_topics.size(); ++slot) row[slot] = closeness(v, *source_topics[slot]);
    }
  }
  // Whether two papers, the second a source, are on one subject.
  auto same_subject = [&](int64_t doc, int64_t source) {
    auto row = closeness_to.find(copy_of.at(doc));
    return row == closeness_to.end() || row->second[source_slot.at(copy_of.at(source))] >= kSameSubject;
  };
  // Whether paper `paper` (an original) writes term `t` anywhere.
  auto paper_writes = [&](TermId t, int64_t paper) {
    for (uint32_t j : index.postings(t)) {
      if (copy_of.at(index.passages[j].ref.doc) == paper) return true;
    }
    return false;
  };
  // Whether paper `doc` is about the subject of source paper `source`.
  auto on_topic = [&](int64_t source, int64_t doc) {
    if (source_slot.size() < 2) return true;
    const int64_t from = copy_of.at(source), to = copy_of.at(doc);
    if (from == to) return true;
    auto row = closeness_to.find(to);
    if (row == closeness_to.end()) return true;
    const size_t slot = source_slot.at(from);
    double closest = 0;
    for (const auto& [other, k] : source_slot) {
      if (other != to && authority.at(other) == authority.at(from)) closest = std::max(closest, row->second[k]);
    }
    return row->second[slot] >= 0.5 * closest;
  };
  // Whether paper `doc` is closer to source paper `source` than to any
  // other source of its kind: the paper's own subject.
  auto nearest_source = [&](int64_t source, int64_t doc) {
    if (source_slot.size() < 2) return true;
    const int64_t from = copy_of.at(source), to = copy_of.at(doc);
    if (from == to) return true;
    auto row = closeness_to.find(to);
    if (row == closeness_to.end()) return true;
    const size_t slot = source_slot.at(from);
    for (const auto& [other, k] : source_slot) {
      if (other != to && other != from && authority.at(other) == authority.at(from) &&
          row->second[k] > row->second[slot]) {
        return false;
      }
    }
    return true;
  };
  // How many entries' wordings hold each word.
  std::vector<int> wordings_with(vocab.size(), 0);
  for (const Entry& entry : entries) {
    for (TermId w : entry.wording_words) ++wordings_with[w];
  }
  // The national entries' names by their first phrase: a passage that
  // writes one of them whole names that entry's programme.
  std::unordered_map<TermId, std::vector<std::pair<size_t, const std::vector<TermId>*>>> names_by_first;
  for (size_t x = 0; x < entries.size(); ++x) {
    if (reg.commitments[x].local) continue;
    for (const std::vector<TermId>& name : entries[x].names) {
      if (!name.empty()) names_by_first[name.front()].emplace_back(x, &name);
    }
  }
  auto names_another_entry = [&](const PassageIndex::Entry& pe, size_t e) {
    for (TermId q : pe.terms.named()) {
      auto it = names_by_first.find(q);
      if (it == names_by_first.end()) continue;
      for (const auto& [x, name] : it->second) {
        if (x == e) continue;
        if (std::all_of(name->begin(), name->end(), [&](TermId p) { return Has(pe.terms.named(), p); })) return true;
      }
    }
    return false;
  };
  // Whether a passage gives the own sum of another national entry of the
  // same plan as what a thing of a programme's kind is worth ("the
  // Government's £30 million fund"), and none of entry e's.
  auto gives_anothers_sum = [&](uint32_t i, size_t e) {
    const PassageIndex::Entry& pe = index.passages[i];
    if (pe.index >= pe.input->tags.size()) return false;
    const std::string& text = index.passage(i).text;
    bool anothers = false;
    for (const LinkTag& t : pe.input->tags[pe.index]) {
      if (t.kind != TagKind::kMoney || !t.amount) continue;
      if (GivesSum(reg.commitments[e].money, *t.amount)) return false;
      if (anothers || t.end >= text.size()) continue;
      // The word after the sum, or the one after that, names a kind.
      bool kind = false;
      size_t k = t.end;
      for (int n = 0; n < 2 && !kind; ++n) {
        while (k < text.size() && text[k] == ' ') ++k;
        size_t end = k;
        while (end < text.size() && (std::isalpha(static_cast<unsigned char>(text[end])) || text[end] == '-')) ++end;
        if (end == k) break;
        kind = HeadKind(StemWord(Lower(text.substr(k, end - k)))) != 0;
        k = end;
      }
      if (!kind) continue;
      auto from = std::lower_bound(national_sums.begin(), national_sums.end(),
                                   std::make_pair(*t.amount * 0.99, size_t{0}));
      for (auto it = from; it != national_sums.end() && it->first <= *t.amount * 1.01 && !anothers; ++it) {
        // Another undertaking of the same plan: a sum an unrelated plan in
        // the index gives is chance.
        anothers = it->second != e && SameAmount(it->first, *t.amount) &&
                   copy_of.at(reg.commitments[it->second].source.doc) == copy_of.at(reg.commitments[e].source.doc);
      }
    }
    return anothers;
  };
  auto link_entry = [&](size_t e, std::vector<uint32_t>& stamp, uint32_t& mark) {
    const Entry& entry = entries[e];
    const Commitment& c = reg.commitments[e];
    std::set<PassageRef> mention_refs(c.mentions.begin(), c.mentions.end());
    ++mark;
    std::vector<uint32_t> candidates = Candidates(index, weights, entry.profile, &entry.expanded,
                                                  options.expansion_weight, needed(c) * entry.norm,
                                                  &stamp, mark);
    auto add = [&](uint32_t i) {
      if (stamp[i] != mark) {
        stamp[i] = mark;
        candidates.push_back(i);
      }
    };
    for (const std::vector<TermId>& name : entry.names) {
      for (uint32_t i : index.postings(name.front())) add(i);
    }
    for (const Entry::Description& d : entry.descriptions) {
      for (uint32_t i : index.postings(d.last)) add(i);
    }
    for (const Entry::Paraphrase& p : entry.paraphrases) {
      for (const auto& other : p.others) {
        for (uint32_t i : index.postings(other.first)) add(i);
      }
    }
    // Passages that may describe a named entry by what it is and its sum
    // (below) give the sum.
    if (!entry.names.empty()) {
      for (const ValueRef& v : c.money) {
        if (!v.amount) continue;
        auto from = std::lower_bound(sums.begin(), sums.end(), std::make_pair(*v.amount * 0.99, uint32_t{0}));
        for (auto it = from; it != sums.end() && it->first <= *v.amount * 1.01; ++it) {
          if (SameAmount(it->first, *v.amount)) add(it->second);
        }
      }
    }
    for (const PassageRef& ref : mention_refs) {
      const uint32_t at = index.Find(ref);
      if (at != PassageIndex::kNone) add(at);
    }
    if (!targets.empty()) {
      candidates.erase(std::remove_if(candidates.begin(), candidates.end(), [&](uint32_t i) { return !is_target(i); }),
                       candidates.end());
    }
    // Whether the paper names, up to passage j, a thing whose name ends with
    // `head` (none of the entry's own names).
    auto names_with_head = [&](const LinkInput* paper, uint32_t j, TermId head) {
      const std::string ending = " " + vocab.Key(head);
      for (uint32_t at = j + 1; at-- > 0 && index.passages[at].input == paper;) {
        for (TermId q : index.passages[at].terms.named()) {
          if (KeyEndsWith(vocab.Key(q), ending) &&
              !std::any_of(entry.names.begin(), entry.names.end(), [&](const std::vector<TermId>& name) {
                return std::find(name.begin(), name.end(), q) != name.end();
              })) {
            return true;
          }
        }
      }
      return false;
    };
    std::sort(candidates.begin(), candidates.end());
    std::vector<Found> found;
    std::vector<uint32_t> named_here;  // candidates that name the entry and are linked
    std::vector<uint32_t> strong;      // candidates linked at named_score or more
    std::map<uint32_t, double> near;   // candidates under the threshold by less than half
    std::set<uint32_t> near_own;       // ... sharing one of the entry's own phrases (own_phrases)
    std::set<uint32_t> linked;         // every candidate linked
    for (uint32_t i : candidates) {
      const PassageIndex::Entry& pe = index.passages[i];
      const LinkInput* in = pe.input;
      const PassageRef& ref = pe.ref;
      bool states = mention_refs.count(ref) != 0;
      if (!pe.discusses && !states) continue;
      Found f;
      Link& link = f.link;
      link.commitment = e;
      link.passage = ref;
      Weights::Overlap o = weights.Compare(entry.profile, pe.terms, &entry.expanded);
      // Borrowed words may add at most expansion_weight of the wording's own
      // weight: they support the wording, they do not replace it.
      double base = o.score - o.from_expansion;
      double rel = (base + std::min(o.from_expansion, options.expansion_weight * entry.norm)) / entry.norm;
      // Names decide: a passage that names the entry's programme discusses
      // it however much else the wording says; one that names none of a
      // named entry's names needs more of the other words.
      bool names_one = false;
      bool names_whole = false;  // names_one by writing a whole name, not by describing it
      std::string lower;  // the passage's text in lower case, once it is needed
      bool compound_named = false;  // named by a word of the name and another word for its kind
      // What another entry's name gives does not count here.
      const double context_rel =
          entry.context.words.empty() && entry.context.phrases.empty()
              ? 0.0
              : weights.Compare(entry.context, pe.terms).score / entry.norm;
      rel = std::max(0.0, rel - context_rel);
      // Phrases shared only as part of another thing's name: they add
      // nothing to the score and are no evidence (`foreign`).
      std::vector<TermId> foreign;
      auto discount = [&](TermId p) {
        if (std::find(foreign.begin(), foreign.end(), p) != foreign.end()) return;
        foreign.push_back(p);
        const bool named = Has(entry.profile.named, p) || Has(pe.terms.named(), p);
        const double f = Has(entry.expanded, p) ? options.expansion_weight : 1.0;
        rel = std::max(0.0, rel - weights.Phrase(p, named) * f / entry.norm);
      };
      // Such is a phrase the passage writes inside its own proper name: "the
      // budget's growth for Adult Social Care" shares "social care" with
      // "children's social care", but the passage's name begins with a word
      // where the wording has another; "the Temporary Accommodation
      // Acquisition Fund" shares "temporary accommodation" with "the
      // temporary accommodation subsidy", but goes on to another word.
      for (TermId p : pe.terms.named()) {
        if (!Has(entry.profile.phrases, p) || Has(entry.profile.named, p)) continue;
        const std::string& key = vocab.Key(p);
        const size_t space = key.find(' ');
        const std::string ending = " " + key.substr(0, space);
        const std::string opening = key.substr(space + 1) + " ";
        auto ends_here = [&](TermId q) { return KeyEndsWith(vocab.Key(q), ending); };
        auto goes_on = [&](TermId q) { return vocab.Key(q).compare(0, opening.size(), opening) == 0; };
        auto says_other = [&](const auto& joins) {
          return std::any_of(pe.terms.named().begin(), pe.terms.named().end(),
                             [&](TermId q) { return joins(q) && !Has(entry.profile.phrases, q); }) &&
                 std::any_of(entry.profile.phrases.begin(), entry.profile.phrases.end(),
                             [&](TermId q) { return joins(q) && !Has(pe.terms.phrases(), q); });
        };
        if (says_other(ends_here) || says_other(goes_on)) discount(p);
      }
      // Or a phrase of a body's name that the passage writes as a name and
      // the wording does not ("after consulting the Parent Carer Forum"
      // against "We will work with ... parent carer forums and schools"): who
      // is consulted or worked with, not what is undertaken. The passage's
      // name is followed from the phrase to its last word.
      for (TermId p : pe.terms.named()) {
        if (!Has(entry.profile.phrases, p) || Has(entry.profile.named, p)) continue;
        std::string key = vocab.Key(p);
        bool body = false;
        for (int step = 0; step < 4 && !body; ++step) {
          const std::string last = key.substr(key.find(' ') + 1);
          if (IsBodyNameWord(last)) {
            body = true;
            break;
          }
          const std::string opening = last + " ";
          auto next = std::find_if(pe.terms.named().begin(), pe.terms.named().end(), [&](TermId q) {
            return vocab.Key(q).compare(0, opening.size(), opening) == 0;
          });
          if (next == pe.terms.named().end()) break;
          key = vocab.Key(*next);
        }
        // Or its first word, walking back, is a body's or an office's ("the
        // Director of Public Health presented her report" against "... with
        // directors of public health and NHS England"): who speaks or is
        // worked with.
        key = vocab.Key(p);
        for (int step = 0; step < 4 && !body; ++step) {
          const std::string first = key.substr(0, key.find(' '));
          if (IsBodyNameWord(first) || IsOfficeWord(first)) {
            body = true;
            break;
          }
          const std::string ending = " " + first;
          auto before = std::find_if(pe.terms.named().begin(), pe.terms.named().end(),
                                     [&](TermId q) { return KeyEndsWith(vocab.Key(q), ending); });
          if (before == pe.terms.named().end()) break;
          key = vocab.Key(*before);
        }
        if (body) discount(p);
      }
      if (!entry.names.empty()) {
        bool names_any = false;
        for (const std::vector<TermId>& name : entry.names) {
          // Naming it means writing it as a name, with capitals somewhere
          // ("Families first for Children Pathfinders"): "a father-inclusive
          // practice guide" uses the words of the Practice Guides, it does
          // not name them.
          bool whole = true, written_as_name = false;
          std::vector<TermId> shared;
          for (TermId key : name) {
            bool has = Has(pe.terms.phrases(), key);
            whole &= has;
            written_as_name |= has && Has(pe.terms.named(), key);
            if (has) shared.push_back(key);
          }
          names_one |= whole && written_as_name;
          // (A body's or an office's name, "Secretary of State", does not
          // say which undertaking: another paper on another subject names
          // it as often.)
          names_whole |= whole && written_as_name && std::any_of(name.begin(), name.end(), [&](TermId key) {
            const std::string& k = vocab.Key(key);
            const size_t space = k.find(' ');
            const std::string first = k.substr(0, space), second = k.substr(space + 1);
            return !IsBodyNameWord(first) && !IsBodyNameWord(second) && !IsOfficeWord(first) && !IsOfficeWord(second);
          });
          // Part of the name, unless the passage's own proper name goes on
          // from that part to other words: "the National Minimum Wage" shares
          // "National Minimum" with the National Minimum Allowance and names
          // something else.
          if (!whole && !shared.empty()) {
            std::vector<TermId> shared_words;
            for (TermId key : shared) AddPhraseWords(vocab, vocab.Key(key), &shared_words);
            SortUnique(&shared_words);
            bool other_name = false;
            for (TermId q : pe.terms.named()) {
              if (other_name) break;
              if (std::find(name.begin(), name.end(), q) != name.end()) continue;
              std::vector<TermId> q_words;
              AddPhraseWords(vocab, vocab.Key(q), &q_words);
              for (TermId w : q_words) other_name |= std::binary_search(shared_words.begin(), shared_words.end(), w);
            }
            // Or written in lower case and going on from the shared part to
            // another word where the name goes on to its own: "the rise in
            // the national minimum wage" for the National Minimum
            // Allowance (not "direct flood warnings to more homes" for the
            // Flood Warning Upgrade Programme: the word is another form).
            for (size_t k = 0; k < name.size() && !other_name; ++k) {
              if (!Has(pe.terms.phrases(), name[k]) || Has(pe.terms.named(), name[k])) continue;
              auto surface = entry.surface.find(name[k]);
              if (surface == entry.surface.end()) continue;
              const std::string& next_key = k + 1 < name.size() ? vocab.Key(name[k + 1]) : std::string();
              const std::string& prev_key = k > 0 ? vocab.Key(name[k - 1]) : std::string();
              if (lower.empty()) lower = Lower(index.passage(i).text);
              other_name = WritesWithOtherWord(lower, Lower(surface->second),
                                               next_key.empty() ? "" : next_key.substr(next_key.find(' ') + 1),
                                               prev_key.empty() ? "" : prev_key.substr(0, prev_key.find(' ')));
            }
            names_any |= !other_name;
            if (other_name) {
              for (TermId key : shared) discount(key);
            }
          } else {
            names_any |= !shared.empty();
          }
        }
        // Every word of a name in another order ("family support network
        // packages" for the Family Network Support Packages) is not naming
        // it, but it is not naming none of it either.
        for (const std::vector<TermId>& words : entry.name_words) {
          if (names_any) break;
          names_any = std::all_of(words.begin(), words.end(),
                                  [&](TermId w) { return Has(pe.terms.words(), w); });
        }
        // A paper refers back to a named fund, grant or programme by what
        // it is ("the national fund", "a new grant for flood doors"): that
        // is not naming none of it either.
        if (!names_any) {
          names_any = std::any_of(entry.name_heads.begin(), entry.name_heads.end(),
                                  [&](TermId w) { return Has(pe.terms.words(), w); });
        }
        // Described in the wording's own words: a passage repeating half of
        // its phrases, and at least kQuotedPhrases ("paid to councils to
        // insulate and upgrade the homes of households on low incomes"),
        // restates what the named thing is, though it does not write the name.
        // The wording is the first mention's (what further sentences of the
        // source paper add is not what a paper restating the thing quotes),
        // and the name's own phrases are not counted: a passage that
        // describes the thing instead of naming it cannot repeat them.
        if (!names_any) {
          size_t quoted = 0, own = 0;
          for (TermId p : entry.wording_phrases) {
            if (Has(entry.expanded, p)) continue;
            if (std::any_of(entry.names.begin(), entry.names.end(), [&](const std::vector<TermId>& name) {
                  return std::find(name.begin(), name.end(), p) != name.end();
                })) {
              continue;
            }
            ++own;
            quoted += Has(pe.terms.phrases(), p);
          }
          names_any = quoted >= kQuotedPhrases && 2 * quoted >= own;
          names_one |= names_any;
        }
        // Described by the name's last words with what introduces a
        // national or new thing: named, though not by its name.
        const bool described = std::any_of(
            entry.descriptions.begin(), entry.descriptions.end(), [&](const Entry::Description& d) {
              return Has(pe.terms.phrases(), d.last) &&
                     std::any_of(d.introduced.begin(), d.introduced.end(),
                                 [&](TermId id) { return Has(pe.terms.phrases(), id); });
            });
        names_one |= described;
        // Described by its head and what it is for, in two of its name's
        // other words: "the legal target for tree cover" for the Tree Canopy
        // and Woodland Cover Target, "the strategy for nature recovery" for a
        // Nature Recovery Strategy. The words as the name writes them, among
        // the four after "for", before any stop.
        for (size_t n = 0; n < entry.names.size() && !names_one; ++n) {
          const std::string& last = vocab.Key(entry.names[n].back());
          const TermId head = vocab.Find(last.substr(last.find(' ') + 1));
          auto head_surface = entry.surface.find(head);
          if (head == Vocabulary::kNone || !Has(pe.terms.words(), head) ||
              head_surface == entry.surface.end()) {
            continue;
          }
          std::vector<std::pair<TermId, std::string>> others;  // the name's other words, as written
          for (TermId w : entry.name_words[n]) {
            auto surface = entry.surface.find(w);
            if (w == head || surface == entry.surface.end()) continue;
            others.emplace_back(w, Lower(surface->second));
          }
          if (others.size() < 2) continue;
          if (lower.empty()) lower = Lower(index.passage(i).text);
          const std::string head_word = Lower(head_surface->second);
          for (size_t at = lower.find(" for "); at != std::string::npos && !names_one;
               at = lower.find(" for ", at + 1)) {
            if (!SameWordAsWritten(WordBefore(lower, at), head_word)) continue;
            std::set<TermId> said;
            size_t k = at + 5;
            for (int words = 0; words < 4; ++words) {
              const std::string_view written = WordAt(lower, k);
              if (written.empty()) break;
              const size_t end = k + written.size();
              for (const auto& [w, word] : others) {
                if (SameWordAsWritten(written, word)) said.insert(w);
              }
              if (end >= lower.size() || lower[end] != ' ') break;
              k = end + 1;
            }
            names_one = said.size() >= 2;
          }
        }
        // Named with another word for its kind in its head's place ("the
        // adult learning money" for the Adult Learning Fund).
        for (size_t n = 0; n < entry.names.size() && !names_one; ++n) {
          // The passage writes every word of the name but its head, or
          // cannot write the name with another head.
          size_t missing = 0;
          for (TermId w : entry.name_words[n]) missing += Has(pe.terms.words(), w) ? 0 : 1;
          if (missing > 1) continue;
          std::vector<std::string> words;  // the name's words as written, in lower case
          for (TermId key : entry.names[n]) {
            auto surface = entry.surface.find(key);
            if (surface == entry.surface.end()) break;
            const std::string phrase = Lower(surface->second);
            const size_t space = phrase.find(' ');
            if (space == std::string::npos) break;
            if (words.empty()) words.push_back(phrase.substr(0, space));
            words.push_back(phrase.substr(space + 1));
          }
          if (words.size() != entry.names[n].size() + 1) continue;
          if (lower.empty()) lower = Lower(index.passage(i).text);
          names_one = WritesNameWithOtherHead(lower, words);
        }
        // Described in other words: "the Government's new money for food
        // waste caddies" for the Food Waste Transition Fund.
        if (!names_one) {
          // The words of the paper's title, when the passage stands under it, once needed.
          std::optional<std::vector<TermId>> heading_words;
          for (const Entry::Paraphrase& p : entry.paraphrases) {
            if (names_one) break;
            // A word of the name counts where it is written as the name
            // writes it: "our largest nature reserve" holds no word of the
            // Natural Flood Management Fund.
            auto as_written = [&](TermId w) -> std::string {
              auto surface = entry.surface.find(w);
              return surface == entry.surface.end() ? std::string() : Lower(surface->second);
            };
            auto written_in = [&](TermId w, std::string_view text) {
              const std::string word = as_written(w);
              return word.empty() || WritesWordAsWritten(text, word);
            };
            if (lower.empty()) lower = Lower(index.passage(i).text);
            auto holds_word = [&](const auto& words, std::string_view text) {
              return std::any_of(p.words.begin(), p.words.end(),
                                 [&](TermId w) { return Has(words, w) && written_in(w, text); });
            };
            const bool word_in_passage = holds_word(pe.terms.words(), lower);
            // A thing said to be for more of what the wording's paper never
            // writes of than of what it does, two words or more, is another
            // thing of the kind: "the Government's new capital money for
            // walking and cycling routes" is no School Kitchen Capital Fund.
            // (One such word is a use of the money: "the district's
            // prevention allocation for deposits" is the Prevention First
            // Fund.)
            auto for_other_subject = [&](const std::set<std::string>& stems) {
              const int64_t source = copy_of.at(c.source.doc);
              size_t own = 0;
              for (const std::string& stem : stems) {
                const TermId t = vocab.Find(stem);
                own += t != Vocabulary::kNone && paper_writes(t, source);
              }
              return stems.size() > 2 * own && stems.size() - own >= 2;
            };
            if (!word_in_passage) {
              // The word of the name may be in the title of the paper the
              // passage opens ("Weekly food bins for every home", then "the
              // district gets £1.9 million from a national pot": a news
              // article's standfirst); a heading inside a paper covers too
              // much for that.
              if (index.section(i) != in->doc.title ||
                  std::none_of(p.others.begin(), p.others.end(),
                               [&](const auto& other) { return Has(pe.terms.words(), other.first); })) {
                continue;
              }
              if (!heading_words) heading_words = vocab.Known(TermKeyLists(index.section(i))).words;
              if (!holds_word(*heading_words, Lower(index.section(i)))) continue;
            } else {
              // A word of the name before another word for its kind: a
              // phrase of its own.
              compound_named = std::any_of(p.compounds.begin(), p.compounds.end(), [&](TermId c) {
                if (!Has(pe.terms.phrases(), c)) return false;
                const std::string& key = vocab.Key(c);
                if (!written_in(vocab.Find(key.substr(0, key.find(' '))), lower) || ClassifiesAs(lower, key)) {
                  return false;
                }
                const std::vector<std::set<std::string>> what = WhatPhraseIsFor(lower, key);
                return what.empty() || !std::all_of(what.begin(), what.end(), for_other_subject);
              });
              names_one = compound_named;
              if (names_one) break;
            }
            // "The national speech and language therapy programme" for the
            // Early Language Support Programme: "new" or "national", then
            // at most four words that hold a word of the name, then the
            // name's head or another word for its kind.
            {
              for (const char* intro : {"new ", "national "}) {
                const std::string_view said(intro);
                for (size_t at = lower.find(said); at != std::string::npos && !names_one;
                     at = lower.find(said, at + 1)) {
                  if (at > 0 && std::isalpha(static_cast<unsigned char>(lower[at - 1]))) continue;
                  bool name_word = false;
                  size_t k = at + said.size();
                  for (int n = 0; n < 5 && !names_one; ++n) {
                    const std::string_view written = WordAt(lower, k);
                    if (written.empty()) break;
                    const size_t end = k + written.size();
                    const std::string stem = StemWord(written);
                    const bool kind_word =
                        stem == p.head || std::any_of(p.others.begin(), p.others.end(), [&](const auto& other) {
                          return vocab.Key(other.first) == stem;
                        });
                    if (kind_word) {
                      names_one = name_word && !(lower.compare(end, 5, " for ") == 0 &&
                                                 for_other_subject(StemsOfWhatFor(lower, end + 5)));
                      break;
                    }
                    name_word |= std::any_of(p.words.begin(), p.words.end(), [&](TermId w) {
                      const std::string word = as_written(w);
                      return vocab.Key(w) == stem &&
                             (word.empty() || SameWordAsWritten(written, word));
                    });
                    if (end >= lower.size() || lower[end] != ' ') break;
                    k = end + 1;
                  }
                }
              }
              if (names_one) break;
            }
            // Whether `text` writes a word of the name, but not where it
            // goes on to a word that neither the wording nor its paper
            // writes, a thing of another subject: "the new money for buses
            // in the countryside, dial-a-ride and community transport"
            // holds no word of the Community Library Partnership Grant
            // (the libraries plan never writes of transport).
            auto names_word_in = [&](std::string_view text) {
              auto word_end = [&](size_t at) {
                while (at < text.size() &&
                       (std::isalpha(static_cast<unsigned char>(text[at])) || text[at] == '-')) {
                  ++at;
                }
                return at;
              };
              for (TermId w : p.words) {
                if (!Has(pe.terms.words(), w)) continue;
                const std::string word = as_written(w);
                if (word.empty()) return true;
                for (size_t at = 0; at < text.size();) {
                  const size_t end = word_end(at);
                  if (end == at) {
                    ++at;
                    continue;
                  }
                  const std::string_view written = text.substr(at, end - at);
                  at = end;
                  if (!SameWordAsWritten(written, word)) continue;
                  const size_t next_end =
                      end < text.size() && text[end] == ' ' ? word_end(end + 1) : end;
                  if (next_end <= end + 1) return true;
                  const std::string_view next = text.substr(end + 1, next_end - end - 1);
                  if (IsFunctionWord(next)) return true;
                  const TermId after = vocab.Find(StemWord(next));
                  const TermId phrase = vocab.Find(StemWord(written) + " " + StemWord(next));
                  if (after == Vocabulary::kNone || phrase == Vocabulary::kNone ||
                      !Has(pe.terms.phrases(), phrase) || Has(entry.profile.words, after)) {
                    return true;
                  }
                  // ("the new arrangement that makes packaging firms pay"
                  // is the Packaging Cost Recovery Scheme: its paper writes
                  // of firms.)
                  // And a word its own paper writes elsewhere, of its own
                  // subject (not "how the new grant would help trading
                  // standards cut tobacco sales" in a one-paragraph letter).
                  const int64_t source = copy_of.at(c.source.doc), here = copy_of.at(ref.doc);
                  bool elsewhere_here = false;
                  for (uint32_t j : index.postings(after)) {
                    const int64_t paper = copy_of.at(index.passages[j].ref.doc);
                    if (paper == source) return true;
                    elsewhere_here |= paper == here && j != i;
                  }
                  if (!elsewhere_here) return true;
                }
              }
              return false;
            };
            for (const auto& [id, word] : p.others) {
              if (!Has(pe.terms.words(), id)) continue;
              // Not when the paper has named a thing of that other word
              // (names_with_head): "the new grant" is then that grant.
              if (names_with_head(in, i, id)) continue;
              // "new" is no content word, so the written text is read.
              if (lower.empty()) lower = Lower(index.passage(i).text);
              for (const char* intro : {"new ", "national "}) {
                const std::string said = intro + word;
                for (size_t at = lower.find(said); at != std::string::npos && !names_one;
                     at = lower.find(said, at + 1)) {
                  if (at > 0 && std::isalpha(static_cast<unsigned char>(lower[at - 1]))) continue;
                  // The word of the name is written in its sentence or
                  // before it, where a reader learns what the money is for
                  // ("asked where the District's food waste would be
                  // treated ... a share of the national money for new
                  // anaerobic digestion plants"), not only further on:
                  // "the national money pays for the new crews", then "the
                  // extra rounds would then cost around £480,000" is not the
                  // Fair Cost of Care Fund.
                  names_one = !word_in_passage || names_word_in(ThroughSentence(lower, at));
                }
              }
              if (names_one) break;
            }
          }
        }
        // Described by what its money pays for: "The Government's new money
        // for short, intensive courses that end with a guaranteed job
        // interview" for "£320 million for the Fast Track Skills Programme,
        // giving 80,000 adults a free course ..., with a guaranteed job
        // interview": "new" or "national" money for something, and a phrase
        // of the wording that is no part of a name and no other entry's.
        if (!names_one && !c.money.empty()) {
          auto holds = [&](TermId p) { return Has(pe.terms.phrases(), p); };
          if (std::any_of(entry.own_phrases.begin(), entry.own_phrases.end(), holds) ||
              std::any_of(entry.mentioned_phrases.begin(), entry.mentioned_phrases.end(), holds)) {
            if (lower.empty()) lower = Lower(index.passage(i).text);
            for (const std::set<std::string>& stems : MoneyPaidFor(lower)) {
              auto paid_for = [&](TermId p) {
                if (!holds(p)) return false;
                const std::string& key = vocab.Key(p);
                const size_t space = key.find(' ');
                return space != std::string::npos && stems.count(key.substr(0, space)) &&
                       stems.count(key.substr(space + 1));
              };
              names_one =
                  std::any_of(entry.own_phrases.begin(), entry.own_phrases.end(), paid_for) ||
                  std::any_of(entry.mentioned_phrases.begin(), entry.mentioned_phrases.end(),
                              paid_for);
              if (names_one) break;
            }
          }
        }
        // Described by what it is and its own sum: "the Government's
        // six-year capital programme for new and improved defences, worth
        // £2.4 billion" for "£2.4 billion for a Flood Defence Investment
        // Programme": the head of a name, another of its words and the sum.
        if (!names_one && !c.money.empty() && pe.index < in->tags.size()) {
          const std::vector<LinkTag>& tags = in->tags[pe.index];
          // Or, in a paper nearest the entry's source in subject, with a
          // competing sum ("the Government's £1,000 start-up grant for new
          // childminders" for the £1,200 Childminder Start-up Grant): the
          // thing quoted with another figure, a disagreement. (On another
          // subject a near sum and two common words are chance: a council's
          // "Schools Capital Programme" of £150 million is no libraries
          // "Capital Fund" of £175 million.)
          const bool competing_here = nearest_source(c.source.doc, ref.doc);
          const bool own_sum = std::any_of(tags.begin(), tags.end(), [&](const LinkTag& t) {
            return t.kind == TagKind::kMoney && t.amount &&
                   (GivesSum(c.money, *t.amount) ||
                    (competing_here &&
                     std::any_of(c.money.begin(), c.money.end(), [&](const ValueRef& v) {
                       return v.amount && CompetingAmounts(*v.amount, *t.amount);
                     })));
          });
          // Not where the words it shares with the name are another thing's
          // name, with that head, one the wording's paper never names: "the
          // Cabinet's draft Schools Capital Programme, which would invest
          // £150 million" is no "£150 million through the Safer Routes to
          // School Programme" ("the County's Trading Standards service"
          // beside "band C ... up to £10,000 on each home" leaves "homes" to
          // the Rental Homes Efficiency Standard).
          auto anothers_name = [&](const std::vector<TermId>& shared, TermId head) {
            const int64_t source = copy_of.at(c.source.doc);
            std::vector<std::string_view> words;  // the other names' words (stems)
            bool with_head = false;
            for (TermId q : pe.terms.named()) {
              if (Has(entry.profile.phrases, q)) continue;
              if (paper_writes(q, source)) continue;
              const std::string& key = vocab.Key(q);
              const size_t space = key.find(' ');
              words.emplace_back(key.data(), space);
              words.emplace_back(key.data() + space + 1, key.size() - space - 1);
              with_head |= words.back() == vocab.Key(head);
            }
            return with_head && std::all_of(shared.begin(), shared.end(), [&](TermId w) {
                     return std::find(words.begin(), words.end(), vocab.Key(w)) != words.end();
                   });
          };
          for (size_t n = 0; own_sum && n < entry.name_words.size() && !names_one; ++n) {
            const std::vector<TermId>& words = entry.name_words[n];
            std::vector<TermId> shared;
            TermId head = Vocabulary::kNone;
            for (TermId w : words) {
              if (!Has(pe.terms.words(), w)) continue;
              shared.push_back(w);
              if (std::find(entry.name_heads.begin(), entry.name_heads.end(), w) != entry.name_heads.end()) head = w;
            }
            names_one = head != Vocabulary::kNone && shared.size() >= 2 && !anothers_name(shared, head);
          }
          // Or its own sum written before the name's head, as what says
          // which one it is ("the County's contract under the Government's
          // £4.2 billion programme" for "£4.2 billion for the Gigabit Reach
          // Programme"); a word between ("£45 million highways maintenance
          // programme") makes it another thing of that kind, and so does a
          // council's ownership ("The Council's own £30 million programme").
          const std::string& text = index.passage(i).text;
          for (const LinkTag& t : tags) {
            if (names_one) break;
            if (t.kind != TagKind::kMoney || !t.amount || !GivesSum(c.money, *t.amount) ||
                t.end >= text.size())
              continue;
            const std::string before = Lower(WordBefore(text, t.start));
            std::string_view owner(before);
            for (std::string_view mark : {"'s", "\u2019s"}) {
              if (owner.size() > mark.size() && owner.substr(owner.size() - mark.size()) == mark)
                owner.remove_suffix(mark.size());
            }
            if (before == "own" ||
                (owner.size() < before.size() && IsLocalActor(owner, Authority::kLocal)))
              continue;
            size_t at = t.end;
            while (at < text.size() && text[at] == ' ') ++at;
            size_t end = at;
            while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
            if (end == at) continue;
            const std::string stem = StemWord(Lower(std::string_view(text).substr(at, end - at)));
            names_one = std::any_of(entry.name_heads.begin(), entry.name_heads.end(),
                                    [&](TermId h) { return vocab.Key(h) == stem; });
          }
        }
        // Restated with the entry's own sum and one of its own phrases, or
        // its own date and two ("whether £7,500 per household would be
        // enough ... a typical set of flood doors" for "A Property Flood
        // Resilience Grant of up to £7,500 per household for flood doors";
        // "the national interest-free loans for owner-occupiers would not
        // open until January 2028" for "A Home Upgrade Loan Scheme will offer
        // owner-occupiers interest-free loans ..., opening in January
        // 2028"): not naming none of it either. A date is shared by more
        // undertakings than a sum, so it needs more of the words: two
        // phrases apart ("low-carbon heating" is one thing, though two
        // phrases).
        if (!names_one && !names_any && pe.index < in->tags.size()) {
          size_t quoted = 0;
          std::vector<std::string_view> quoted_words;
          for (TermId p : entry.profile.phrases) {
            if (Has(entry.expanded, p) || !Has(pe.terms.phrases(), p)) continue;
            const std::string& key = vocab.Key(p);
            const size_t space = key.find(' ');
            const std::string_view first(key.data(), space), second(key.data() + space + 1, key.size() - space - 1);
            const bool apart = std::find(quoted_words.begin(), quoted_words.end(), first) == quoted_words.end() &&
                               std::find(quoted_words.begin(), quoted_words.end(), second) == quoted_words.end();
            quoted += apart;
            quoted_words.push_back(first);
            quoted_words.push_back(second);
          }
          if (quoted >= 1) {
            names_any = std::any_of(in->tags[pe.index].begin(), in->tags[pe.index].end(), [&](const LinkTag& t) {
              return (t.kind == TagKind::kMoney && t.amount && GivesSum(c.money, *t.amount)) ||
                     (quoted >= 2 && t.kind == TagKind::kDate && GivesDate(c.dates, t.Date()));
            });
          }
        }
        if (names_one) {
          rel = std::max(rel, options.named_score);
        } else if (!names_any) {
          rel *= options.unnamed_factor;
        }
      } else if (!entry.lone_names.empty()) {
        const bool writes_one = std::any_of(
            entry.lone_names.begin(), entry.lone_names.end(), [&](const Entry::LoneName& name) {
              auto has_phrase = [&](TermId p) { return p != Vocabulary::kNone && Has(pe.terms.phrases(), p); };
              auto has_word = [&](TermId w) { return Has(pe.terms.words(), w); };
              return std::any_of(name.phrases.begin(), name.phrases.end(), has_phrase) ||
                     std::all_of(name.words.begin(), name.words.end(), has_word);
            });
        if (!writes_one) rel *= options.unnamed_factor;
      }
      // Sums and dates count once the words agree. Each kind of value the
      // passage gives as the entry does (its sum, its date) adds the bonus,
      // and the more kinds agree the less of the words is needed: half the
      // threshold for one, a third for two. A competing sum (£80,000
      // against £86,000) beside the entry's own date is the entry quoted
      // with another figure, and counts as its sum.
      size_t calendar_words = 0;  // shared months of a shared date: no words of their own
      size_t calendar_phrases = 0;  // ... nor phrases
      if (pe.index < in->tags.size()) {
        std::set<std::string> values, competing;
        bool sum = false, date = false;
        for (const LinkTag& t : in->tags[pe.index]) {
          if (t.kind == TagKind::kMoney && t.amount) {
            if (GivesSum(c.money, *t.amount)) {
              sum = true;
              values.insert(t.text);
            } else if (std::any_of(c.money.begin(), c.money.end(), [&](const ValueRef& v) {
                         return v.amount && CompetingAmounts(*v.amount, *t.amount);
                       })) {
              competing.insert(t.text);
            }
          } else if (t.kind == TagKind::kDate && GivesDate(c.dates, t.Date())) {
            date = true;
            values.insert(t.text);
          }
        }
        if (date && !sum && !competing.empty()) {
          sum = true;
          values.insert(competing.begin(), competing.end());
        }
        // A month the passage shares with the wording is part of the date
        // it shares: counted as a word too, it would count twice ("will
        // publish revised car parking charges in January 2027" for
        // "Allocations ... will be published in January 2027").
        // So is a phrase of a month ("end March" of "by the end of March
        // 2026" in "... online reporting of abandoned vehicles ... by the
        // end of March 2026").
        // And a month the passage shares with the wording but not its date
        // says only that the two give different dates ("report on
        // progress against this plan in February 2028" and "the plan
        // published ... in February 2027").
        {
          for (TermId w : entry.profile.words) {
            if (Has(pe.terms.words(), w) && IsCalendarStem(vocab.Key(w))) {
              ++calendar_words;
              const double f = Has(entry.expanded, w) ? options.expansion_weight : 1.0;
              rel = std::max(0.0, rel - weights.Word(w) * f / entry.norm);
            }
          }
          for (TermId p : entry.profile.phrases) {
            if (!Has(pe.terms.phrases(), p) || Has(entry.profile.named, p) || Has(pe.terms.named(), p)) continue;
            const std::string& key = vocab.Key(p);
            const size_t space = key.find(' ');
            if (space == std::string::npos ||
                !(IsCalendarStem(key.substr(0, space)) || IsCalendarStem(key.substr(space + 1)))) {
              continue;
            }
            ++calendar_phrases;
            const double f = Has(entry.expanded, p) ? options.expansion_weight : 1.0;
            rel = std::max(0.0, rel - weights.Phrase(p, false) * f / entry.norm);
          }
        }
        const int kinds = int{sum} + int{date};
        if (kinds > 0 && rel >= options.threshold / (1 + kinds)) {
          rel += options.value_bonus * kinds;
          link.evidence.values.assign(values.begin(), values.end());
        }
      }
      bool enough_words = compound_named || o.phrases >= 1 + calendar_phrases || o.words >= 2 + calendar_words;
      if (states) {
        link.evidence.states = true;
        rel = std::max(rel, 1.0);
      } else if (rel < options.threshold || !enough_words) {
        if (enough_words && rel >= options.threshold / 2) {
          near.emplace(i, rel);
          // (Written inside another thing's name, it is not shared: `foreign`.)
          if (std::any_of(entry.own_phrases.begin(), entry.own_phrases.end(), [&](TermId p) {
                return Has(pe.terms.phrases(), p) &&
                       std::find(foreign.begin(), foreign.end(), p) == foreign.end();
              })) {
            near_own.insert(i);
          }
        }
        continue;
      }
      // A paper on another subject (above), or a national paper on another
      // subject than the national paper that words the undertaking (it words
      // undertakings of its own), discusses it only by its name, or by
      // stating it.
      if (!states && !names_whole &&
          (!on_topic(c.source.doc, ref.doc) ||
           (pe.authority == Authority::kNational && authority.at(c.source.doc) == Authority::kNational &&
            copy_of.at(ref.doc) != copy_of.at(c.source.doc) && !same_subject(ref.doc, c.source.doc)))) {
        continue;
      }
      // A passage that gives another national undertaking's own sum, and
      // none of this one's, is about that one unless it names or states
      // this one ("Officers intend to bid to the Government's £30 million
      // fund for trials ... when the first round opens" is the £30 million
      // Pothole Innovation Programme, not the £400 million Highways
      // Resilience Fund whose first round it shares).
      if (!states && !names_one && gives_anothers_sum(i, e)) continue;
      // A passage that names a thing of a kind the wording writes of (its
      // name ends in a word for a fund, a scheme, a duty ...), a thing the
      // wording's paper never names, is about that thing: "a joint bid ...
      // to the Clean Fleet Bus Fund ... The first round closes in May" is no
      // bid to a libraries plan's fund ("Library authorities will bid to the
      // fund in two rounds").
      // So is one that shares another word for that kind of thing ("the
      // County's indicative allocation" beside "the £2.4 billion High Needs
      // Capital Fund" for "Allocations will be made by a formula").
      if (!states && !names_one) {
        const int64_t source = copy_of.at(c.source.doc);
        // The kinds of the words for a kind of thing the passage shares with the wording.
        std::set<int> kinds;
        for (TermId w : entry.profile.words) {
          if (Has(pe.terms.words(), w) && HeadKind(vocab.Key(w)) != 0)
            kinds.insert(HeadKind(vocab.Key(w)));
        }
        const bool other_of_kind =
            !kinds.empty() &&
            std::any_of(pe.terms.named().begin(), pe.terms.named().end(), [&](TermId q) {
              const std::string& key = vocab.Key(q);
              if (kinds.count(HeadKind(key.substr(key.rfind(' ') + 1))) == 0 ||
                  Has(entry.profile.phrases, q)) {
                return false;
              }
              return !paper_writes(q, source);
            });
        if (other_of_kind) continue;
      }
      weights.Evidence(entry.profile, pe.terms, &f.phrases, &f.terms);
      // One shared phrase that is not a name ("professional development",
      // "recommendations to government") is a turn of phrase two unrelated
      // papers can share; it needs distinctive words besides.
      const size_t own_phrases = static_cast<size_t>(std::count_if(
          f.phrases.begin(), f.phrases.end(),
          [&](TermId p) { return std::find(foreign.begin(), foreign.end(), p) == foreign.end(); }));
      if (!states && !names_one && own_phrases < 2 && f.terms.size() < options.single_phrase_words) {
        continue;
      }
      link.score = std::round(rel * 1000) / 1000;
      found.push_back(std::move(f));
      linked.insert(i);
      if (names_one) named_here.push_back(i);
      if (names_one || rel >= options.named_score) strong.push_back(i);
    }
    // Links passage j at the threshold, with `term` as its evidence.
    auto refer = [&](uint32_t j, TermId term) {
      Found f;
      f.link.commitment = e;
      f.link.passage = index.passages[j].ref;
      f.link.score = options.threshold;
      (Has(index.passages[j].terms.phrases(), term) ? f.phrases : f.terms).push_back(term);
      found.push_back(std::move(f));
      linked.insert(j);
    };
    // Links passage j at the threshold with every term it shares with the
    // entry as evidence, and the values given.
    auto link_at_threshold = [&](uint32_t j, std::vector<std::string> values = {}) {
      Found f;
      f.link.commitment = e;
      f.link.passage = index.passages[j].ref;
      f.link.score = options.threshold;
      f.link.evidence.values = std::move(values);
      weights.Evidence(entry.profile, index.passages[j].terms, &f.phrases, &f.terms);
      found.push_back(std::move(f));
      linked.insert(j);
    };
    // A paragraph next to one whose words link it (not one stating the
    // entry, nor a paragraph of the entry's own paper), under the same
    // heading, that agrees with the entry in words to half the threshold
    // and writes one of its own phrases (no part of a name, in no other
    // wording), not inside another thing's name (`near_own`), goes on about
    // it: "Key to this are proposals to reduce the cost and reliance on
    // agency social workers." just before the paragraph on the
    // consultation on national rules for agency usage. One
    // step, from the links the words made. Only an undertaking without a
    // name: a paper goes on about a named one by naming it or by its head
    // (below), and the paragraph beside one on the Family Network Support
    // Packages that names neither is on family networks at large.
    if (entry.names.empty()) {
      std::vector<uint32_t> scored;
      for (const Found& f : found) {
        if (f.link.evidence.states || copy_of.at(f.link.passage.doc) == copy_of.at(c.source.doc))
          continue;
        const uint32_t at = index.Find(f.link.passage);
        if (at != PassageIndex::kNone) scored.push_back(at);
      }
      for (uint32_t i : scored) {
        for (const uint32_t j : {i - 1, i + 1}) {
          // (Before the first passage, i - 1 wraps past the end.)
          if (j >= index.passages.size() || linked.count(j) || !near_own.count(j)) continue;
          const PassageIndex::Entry& here = index.passages[i];
          const PassageIndex::Entry& beside = index.passages[j];
          if (beside.input != here.input || !beside.discusses ||
              index.section(j) != index.section(i))
            continue;
          link_at_threshold(j);
        }
      }
    }
    // The first of `heads` that passage j writes after "the" and one of
    // `intros` ("" for none), or kNone; `bare` as for WritesTheHead.
    auto head_written = [&](uint32_t j, const std::vector<TermId>& heads, std::initializer_list<std::string_view> intros,
                            bool bare) {
      std::string text;  // lower case, read once it is needed
      for (TermId head : heads) {
        if (!Has(index.passages[j].terms.words(), head)) continue;
        auto surface = entry.surface.find(head);
        if (surface == entry.surface.end()) continue;
        if (text.empty()) text = Lower(index.passage(j).text);
        for (std::string_view intro : intros) {
          if (WritesTheHead(text, std::string(intro) + Lower(surface->second), bare)) return head;
        }
      }
      return Vocabulary::kNone;
    };
    std::vector<std::string> entry_name_words;  // lower case
    for (const std::vector<TermId>& words : entry.name_words) {
      for (TermId w : words) {
        auto surface = entry.surface.find(w);
        if (surface != entry.surface.end()) entry_name_words.push_back(Lower(surface->second));
      }
    }
    // A word of the wording that passage j writes after "this" or "these"
    // and passage i, the one before it, wrote too ("The Government's new
    // money for short, intensive courses ...", then "The Council will bid to
    // run these courses itself"), or kNone: j points back to what i said.
    auto points_back_to = [&](uint32_t j, uint32_t i) {
      for (const std::string& stem : DemonstrativeStems(Lower(index.passage(j).text))) {
        const TermId w = vocab.Find(stem);
        if (w == Vocabulary::kNone || IsCalendarStem(stem) || !Has(entry.wording_words, w) ||
            !Has(index.passages[i].terms.words(), w) || !Has(index.passages[j].terms.words(), w) ||
            !entry.surface.count(w)) {
          continue;
        }
        return w;
      }
      return Vocabulary::kNone;
    };
    // The paragraph after one that names the entry or discusses it outright
    // (named_score), under the same heading, refers back to it by its head
    // ("... the Government's six-year capital programme, worth £2.4
    // billion." then "Officers propose to bid to the programme for three
    // schemes"; "... advice ... from a new national service" then "refer
    // callers to the service"): one step.
    if (!entry.name_heads.empty() || !entry.head_synonyms.empty()) {
      for (uint32_t i : strong) {
        const uint32_t j = i + 1;
        if (j >= index.passages.size() || linked.count(j)) continue;
        const PassageIndex::Entry& prev = index.passages[i];
        const PassageIndex::Entry& next = index.passages[j];
        if (next.input != prev.input || next.index != prev.index + 1 || !next.discusses) continue;
        if (index.section(j) != index.section(i)) continue;
        // Its head, or another word for that kind of thing ("the money" for
        // a fund).
        std::vector<TermId> heads = entry.name_heads;
        heads.insert(heads.end(), entry.head_synonyms.begin(), entry.head_synonyms.end());
        const TermId head = head_written(j, heads, {""}, false);
        if (head == Vocabulary::kNone) {
          const TermId pointed = points_back_to(j, i);
          if (pointed != Vocabulary::kNone) refer(j, pointed);
          continue;
        }
        // Not when the paragraph writes "the" and another word before
        // that word ("the Government's grant for people setting up as
        // childminders"): its "the grant" is that other thing.
        auto surface = entry.surface.find(head);
        if (surface != entry.surface.end() &&
            WritesTheHeadOf(Lower(index.passage(j).text), Lower(surface->second),
                            entry_name_words)) {
          continue;
        }
        refer(j, head);
      }
    }
    // Further on in a paper that names the entry, "the" and its head refer
    // back to it ("The grant is paid to councils as a ring-fenced grant", in
    // the financial implications of a report that described the grant in its
    // section 4), until the paper names another thing with the same head or
    // writes "the" and another word before it ("the county-wide scheme").
    std::vector<std::string> name_words;  // lower case
    for (const std::vector<TermId>& words : entry.name_words) {
      for (TermId w : words) {
        auto surface = entry.surface.find(w);
        if (surface != entry.surface.end()) name_words.push_back(Lower(surface->second));
      }
    }
    auto another_of_its_kind = [&](uint32_t j) {
      std::string text;  // lower case, read once it is needed
      for (TermId head : entry.name_heads) {
        if (!Has(index.passages[j].terms.words(), head)) continue;
        auto surface = entry.surface.find(head);
        if (surface == entry.surface.end()) continue;
        if (text.empty()) text = Lower(index.passage(j).text);
        if (WritesTheHeadOf(text, Lower(surface->second), name_words)) return true;
      }
      return false;
    };
    // Whether passage j names another thing with one of the entry's heads.
    auto names_another = [&](uint32_t j) {
      for (TermId head : entry.name_heads) {
        const std::string ending = " " + vocab.Key(head);
        for (TermId q : index.passages[j].terms.named()) {
          if (KeyEndsWith(vocab.Key(q), ending) &&
              !std::any_of(entry.names.begin(), entry.names.end(), [&](const std::vector<TermId>& name) {
                return std::find(name.begin(), name.end(), q) != name.end();
              })) {
            return true;
          }
        }
      }
      return false;
    };
    for (size_t k = 0; k < strong.size() && !entry.name_heads.empty();) {
      const LinkInput* paper = index.passages[strong[k]].input;
      bool salient = !another_of_its_kind(strong[k]);
      // Before the paper first discusses the entry, only "the new" and its
      // head refers ahead to it ("agree that the County Council runs a
      // single scheme for the new grant", in recommendations above the
      // section on the grant), and only in a paper that names no other
      // thing with that head before.
      if (salient) {
        uint32_t first = strong[k];
        while (first > 0 && index.passages[first - 1].input == paper) --first;
        bool another = false;
        for (uint32_t j = first; j < strong[k] && !another; ++j) another = names_another(j);
        for (uint32_t j = first; j < strong[k] && !another; ++j) {
          if (linked.count(j) || !index.passages[j].discusses) continue;
          const TermId head = head_written(j, entry.name_heads, {"new "}, false);
          if (head != Vocabulary::kNone) refer(j, head);
        }
      }
      // Once the paper has named another thing with the entry's head ("the
      // Clean Fleet Bus Fund" after "the Local Bus Connections Fund"), "the
      // fund" further on may be either: naming the entry again does not make
      // it the one meant ("If the bid to the fund is unsuccessful", of the
      // other fund's bid). The paragraph right after a naming still refers
      // back to it (above).
      bool two_of_its_kind = false;
      for (uint32_t j = strong[k] + 1; j < index.passages.size() && index.passages[j].input == paper; ++j) {
        const PassageIndex::Entry& later = index.passages[j];
        if (std::binary_search(strong.begin(), strong.end(), j)) {
          salient = !two_of_its_kind && !another_of_its_kind(j);
          continue;
        }
        if (!salient) continue;
        if (names_another(j)) {
          salient = false;
          two_of_its_kind = true;
          continue;
        }
        // A passage that writes "the" and another word before the head
        // ("the Government's grant for people setting up as childminders")
        // writes of another thing of its kind: its "the grant" is that one.
        const bool another_here = another_of_its_kind(j);
        if (!linked.count(j) && later.discusses && !another_here) {
          TermId head = head_written(j, entry.name_heads, {"", "new "}, true);
          if (head == Vocabulary::kNone) {
            head = head_written(j, entry.head_synonyms, {"national ", "new "}, true);
            // Another word for its kind refers to a thing the paper names
            // with that word, when it names one ("the new grant" after "the
            // Local Stop Smoking Services Grant", not a fund described as
            // "the national money for ...").
            if (head != Vocabulary::kNone && names_with_head(paper, j, head)) head = Vocabulary::kNone;
          }
          if (head != Vocabulary::kNone) refer(j, head);
        }
        salient = !another_here;
      }
      while (k < strong.size() && index.passages[strong[k]].input == paper) ++k;
    }
    // Further on in a paper that discusses a named entry outright, "the" and
    // a word of its wording that no other wording holds, which the paper
    // wrote when it discussed the entry, refers back to it ("Shopping
    // vouchers of up to £400 for pregnant women who stop smoking", then
    // "... so that women can claim the vouchers"), when the passage agrees
    // with it in words to half the threshold (`near`). Such a word is no
    // head another thing may share, so another thing named between does not
    // end it.
    for (size_t k = 0; k < strong.size() && !entry.name_heads.empty();) {
      const LinkInput* paper = index.passages[strong[k]].input;
      std::vector<TermId> echoed;  // the wording's own words the paper wrote where it discussed the entry
      for (uint32_t j = strong[k]; j < index.passages.size() && index.passages[j].input == paper; ++j) {
        if (std::binary_search(strong.begin(), strong.end(), j)) {
          for (TermId w : entry.wording_words) {
            if (wordings_with[w] == 1 && Has(index.passages[j].terms.words(), w) && !IsCalendarStem(vocab.Key(w))) {
              echoed.push_back(w);
            }
          }
          SortUnique(&echoed);
          continue;
        }
        if (linked.count(j) || !near.count(j) || !index.passages[j].discusses) continue;
        const TermId word = head_written(j, echoed, {""}, true);
        if (word != Vocabulary::kNone) refer(j, word);
      }
      while (k < strong.size() && index.passages[strong[k]].input == paper) ++k;
    }
    // A passage citing by number a paragraph that discusses the entry
    // outright (names it, or scores named_score), and either writing part of
    // one of its names or its head, or agreeing with it in words to half the
    // threshold ("(c) agree ... a single bid for Housing First places, as set
    // out in paragraph 5.2", where 5.2 is about the Housing First Fund),
    // refers to it.
    for (uint32_t i : strong) {
      auto it = std::lower_bound(index.citations.begin(), index.citations.end(), std::make_pair(i, uint32_t{0}));
      for (; it != index.citations.end() && it->first == i; ++it) {
        const uint32_t j = it->second;
        const PassageIndex::Entry& citing = index.passages[j];
        if (linked.count(j) || !citing.discusses) continue;
        auto close = near.find(j);
        if (close != near.end()) {
          link_at_threshold(j);
          continue;
        }
        if (!std::binary_search(named_here.begin(), named_here.end(), i)) continue;
        TermId part = Vocabulary::kNone;
        for (const std::vector<TermId>& name : entry.names) {
          for (TermId key : name) {
            if (part == Vocabulary::kNone && Has(citing.terms.phrases(), key)) part = key;
          }
        }
        for (TermId head : entry.name_heads) {
          if (part == Vocabulary::kNone && Has(citing.terms.words(), head)) part = head;
        }
        if (part == Vocabulary::kNone || !entry.surface.count(part)) continue;
        refer(j, part);
      }
    }
    // A sum that a passage discussing the entry outright gives, other than
    // the entry's own, stands for it further on in the same paper: "The
    // District's allocation from the Government's new money for food waste
    // caddies ... was £1.9 million", then "order caddies, bins and vehicles
    // within the £1.9 million allocation". The later passage agrees with
    // the entry in words as any link must (a phrase, or two words), and the
    // sum is no other national undertaking's own (a council's own spending
    // of its share may give it). One pass over each paper from its first
    // such passage.
    auto tags_of = [&](const PassageIndex::Entry& pe) -> const std::vector<LinkTag>* {
      return pe.index < pe.input->tags.size() ? &pe.input->tags[pe.index] : nullptr;
    };
    for (size_t k = 0; k < strong.size();) {
      const LinkInput* paper = index.passages[strong[k]].input;
      std::vector<double> given;
      for (uint32_t j = strong[k]; j < index.passages.size() && index.passages[j].input == paper; ++j) {
        const PassageIndex::Entry& pe = index.passages[j];
        const std::vector<LinkTag>* tags = tags_of(pe);
        if (tags == nullptr) continue;
        if (std::binary_search(strong.begin(), strong.end(), j)) {
          for (const LinkTag& t : *tags) {
            if (t.kind != TagKind::kMoney || !t.amount || GivesSum(c.money, *t.amount)) continue;
            auto from = std::lower_bound(national_sums.begin(), national_sums.end(),
                                         std::make_pair(*t.amount * 0.99, size_t{0}));
            bool others = false;
            for (auto it = from; it != national_sums.end() && it->first <= *t.amount * 1.01 && !others; ++it) {
              others = it->second != e && SameAmount(it->first, *t.amount);
            }
            if (!others) given.push_back(*t.amount);
          }
          continue;
        }
        // A passage naming another programme gives its sums for that one
        // ("Harnford Library refurbishment | ... | Reading Rooms Capital
        // Fund bid £4.2m; Council capital £1.4m").
        if (given.empty() || linked.count(j) || !pe.discusses || names_another_entry(pe, e)) continue;
        std::set<std::string> values;
        for (const LinkTag& t : *tags) {
          if (t.kind != TagKind::kMoney || !t.amount) continue;
          for (double amount : given) {
            if (SameAmount(amount, *t.amount)) values.insert(t.text);
          }
        }
        if (values.empty()) continue;
        const Weights::Overlap o = weights.Compare(entry.profile, pe.terms, &entry.expanded);
        if (o.phrases < 1 && o.words < 2) continue;
        link_at_threshold(j, std::vector<std::string>(values.begin(), values.end()));
      }
      while (k < strong.size() && index.passages[strong[k]].input == paper) ++k;
    }
    std::sort(found.begin(), found.end(),
              [](const Found& a, const Found& b) { return a.link.passage < b.link.passage; });
    return found;
  };
  // 3a. Stance per (entry, document): the most frequent non-neutral stance of
  // the linked passages, ties to the earliest.
  auto stances_of = [&](size_t e, const std::vector<Link>& entry_links, std::vector<DocumentStance>* out) {
    std::map<int64_t, std::vector<Stance>> seen;
    for (const Link& l : entry_links) {
      const LinkInput* in = by_id.at(l.passage.doc);
      Stance s = Stance::kNeutral;
      size_t index = static_cast<size_t>(l.passage.passage - 1);
      // Passages are numbered from 1 in order; find by n when that fails.
      if (index < in->doc.passages.size() && in->doc.passages[index].n == l.passage.passage) {
        if (index < in->stances.size()) s = in->stances[index];
      } else {
        for (size_t i = 0; i < in->doc.passages.size(); ++i) {
          if (in->doc.passages[i].n == l.passage.passage && i < in->stances.size()) {
            s = in->stances[i];
          }
        }
      }
      seen[l.passage.doc].push_back(s);
    }
    for (const auto& [doc, list] : seen) {
      std::map<Stance, int> count;
      for (Stance s : list) {
        if (s != Stance::kNeutral) ++count[s];
      }
      Stance best = Stance::kNeutral;
      int best_count = 0;
      for (Stance s : list) {
        if (s != Stance::kNeutral && count[s] > best_count) {
          best = s;
          best_count = count[s];
        }
      }
      out->push_back({e, doc, best});
    }
  };

  // 3b. Disagreements: sums and dates that other documents attach to the
  // entry (its links' passages), once its links are known.
  // The sentences of a passage and the phrases of each, read once however
  // many entries link to the passage.
  struct Sentence {
    size_t begin, end;
    std::vector<TermId> phrases;  // sorted
    std::vector<TermId> words;    // sorted
  };
  std::unordered_map<uint32_t, std::vector<Sentence>> sentences_of;
  auto sentences = [&](uint32_t i) -> const std::vector<Sentence>& {
    auto [it, added] = sentences_of.try_emplace(i);
    if (added) {
      const std::string& text = index.passage(i).text;
      for (const TextRange& range : SplitSentences(text)) {
        Sentence sentence{range.start, range.end, {}, {}};
        TermKeyList terms = TermKeyLists(std::string_view(text).substr(range.start, range.end - range.start));
        for (const std::string& key : terms.phrases) {
          TermId id = vocab.Find(key);
          if (id != Vocabulary::kNone) sentence.phrases.push_back(id);
        }
        for (const std::string& key : terms.words) {
          TermId id = vocab.Find(key);
          if (id != Vocabulary::kNone) sentence.words.push_back(id);
        }
        std::sort(sentence.phrases.begin(), sentence.phrases.end());
        std::sort(sentence.words.begin(), sentence.words.end());
        it->second.push_back(std::move(sentence));
      }
    }
    return it->second;
  };
  auto conflicts_of = [&](size_t e, const std::vector<Link>& entry_links, std::vector<Conflict>* out) {
    const Commitment& c = reg.commitments[e];
    const Entry& entry = entries[e];
    if (c.money.empty() && c.dates.empty()) return;
    std::vector<ValueRef> money_conflicts, date_conflicts;
    // Values per other document; the whole is stated when one equals the entry's.
    for (const Link& entry_link : entry_links) {
      const Link* l = &entry_link;
      if (copy_of.at(l->passage.doc) == copy_of.at(c.source.doc)) continue;
      const uint32_t found = index.Find(l->passage);
      if (found == PassageIndex::kNone) continue;
      const LinkInput* in = index.passages[found].input;
      size_t at = index.passages[found].index;
      const Passage* p = &in->doc.passages[at];
      if (at >= in->tags.size()) continue;
      const std::vector<LinkTag>& tags = in->tags[at];
      bool has_values = std::any_of(tags.begin(), tags.end(), [](const LinkTag& t) {
        return t.kind == TagKind::kMoney || t.kind == TagKind::kDate;
      });
      if (!has_values) continue;
      // Sentences that speak of the entry: they share a phrase with it.
      // So does the sentence after one of those that shares a word with it
      // ("... the Rural School Bus Fund. The strategy's fund is described
      // as £50 million ...").
      std::vector<std::pair<size_t, size_t>> about;
      bool previous_about = false;
      auto in_profile = [](const std::vector<TermId>& ids, const std::vector<TermId>& profile) {
        return std::any_of(ids.begin(), ids.end(), [&](TermId id) { return Has(profile, id); });
      };
      // So does a sentence giving the entry's own date with two of its
      // words ("plans to cap lifetime care costs at £80,000 from October
      // next year" for "From October 2027, a cap of £86,000 on ... their
      // lifetime"): the date says which undertaking, the sum may differ.
      auto gives_own_date = [&](const Sentence& sentence) {
        size_t shared_words = 0;
        for (TermId w : sentence.words) shared_words += Has(entry.profile.words, w) ? 1 : 0;
        if (shared_words < 2) return false;
        return std::any_of(tags.begin(), tags.end(), [&](const LinkTag& t) {
          return t.kind == TagKind::kDate && t.start >= sentence.begin && t.end <= sentence.end &&
                 GivesDate(c.dates, t.Date());
        });
      };
      for (const Sentence& sentence : sentences(found)) {
        bool shares = in_profile(sentence.phrases, entry.profile.phrases) ||
                      (previous_about && in_profile(sentence.words, entry.profile.words)) ||
                      gives_own_date(sentence);
        if (shares) about.emplace_back(sentence.begin, sentence.end);
        previous_about = shares;
      }
      auto attached = [&](const LinkTag& t) {
        for (const auto& [b, end] : about) {
          if (t.start >= b && t.end <= end) return true;
        }
        return false;
      };
      // "described as £50 million, not the £60 million in the strategy":
      // a sum set against the whole in its sentence is a competing figure,
      // not a part of it.
      auto contrasted = [&](const LinkTag& t) {
        for (const auto& [b, end] : about) {
          if (t.start < b || t.end > end) continue;
          return ContrastsFigures(std::string_view(p->text).substr(b, end - b));
        }
        return false;
      };
      const bool states_whole = std::any_of(tags.begin(), tags.end(), [&](const LinkTag& t) {
        return t.kind == TagKind::kMoney && t.amount && GivesSum(c.money, *t.amount);
      });
      for (const LinkTag& t : tags) {
        if (!attached(t)) continue;
        if (t.kind == TagKind::kMoney && t.amount && !c.money.empty()) {
          if (states_whole && !contrasted(t)) continue;  // a part given beside the whole
          if (IsBeforeValue(p->text, t, tags)) continue;
          const ValueRef* closest = nullptr;
          bool agrees = false;
          for (const ValueRef& v : c.money) {
            if (!v.amount) continue;
            if (SameAmount(*v.amount, *t.amount)) agrees = true;
            if (closest == nullptr || std::fabs(*v.amount - *t.amount) <
                                          std::fabs(*closest->amount - *t.amount)) {
              closest = &v;
            }
          }
          if (agrees || closest == nullptr) continue;
          if (!CompetingAmounts(*closest->amount, *t.amount)) continue;
          money_conflicts.push_back({l->passage, t.text, t.amount, {}});
        } else if (t.kind == TagKind::kDate && !c.dates.empty()) {
          // A date inside an undertaking of the other kind (a council's
          // own beside a national one, or the reverse) is that
          // undertaking's own deadline: "the Council will buy 30 homes by
          // March 2028, subject to a bid to the [national] Programme"
          // does not restate the programme's "by March 2030".
          const bool others_deadline = std::any_of(tags.begin(), tags.end(), [&](const LinkTag& u) {
            return u.kind == TagKind::kCommitment && u.start <= t.start && t.end <= u.end &&
                   IsLocalActor(u.commitment->actor, index.passages[found].authority) != c.local;
          });
          if (others_deadline) continue;
          bool agrees = false, disagrees = false;
          for (const ValueRef& v : c.dates) {
            if (SameDate(v.date, t.Date())) agrees = true;
            if (DatesDisagree(v.date, t.Date())) disagrees = true;
          }
          if (!agrees && disagrees) date_conflicts.push_back({l->passage, t.text, {}, ToDateValue(t.Date())});
        }
      }
    }
    // By document path, not by id: ids follow the order extraction
    // finished in, and the output must not.
    auto by_path = [&](const ValueRef& a, const ValueRef& b) {
      const std::string& pa = by_id.at(a.passage.doc)->doc.path;
      const std::string& pb = by_id.at(b.passage.doc)->doc.path;
      if (pa != pb) return pa < pb;
      return a.passage.passage < b.passage.passage;  // stable: a passage's values in its order
    };
    std::stable_sort(money_conflicts.begin(), money_conflicts.end(), by_path);
    std::stable_sort(date_conflicts.begin(), date_conflicts.end(), by_path);
    // The entry's own value first, then the others.
    auto add = [&](const char* field, const ValueRef& own, std::vector<ValueRef>& others) {
      Conflict k;
      k.commitment = e;
      k.field = field;
      k.values.push_back(own);
      for (ValueRef& v : others) k.values.push_back(std::move(v));
      out->push_back(std::move(k));
    };
    if (!money_conflicts.empty()) add("money", c.money.front(), money_conflicts);
    if (!date_conflicts.empty()) add("date", c.dates.front(), date_conflicts);
  };

  // An entry's part of the register, once its links are known: to the sink,
  // or into the register.
  auto emit = [&](size_t e, std::vector<Link>&& entry_links) {
    RegisterPart part;
    part.commitment = e;
    part.entries = reg.commitments.size();
    part.links = std::move(entry_links);
    stances_of(e, part.links, &part.stances);
    conflicts_of(e, part.links, &part.conflicts);
    if (sink != nullptr) return (*sink)(reg.commitments[e], std::move(part));
    for (Link& l : part.links) reg.links.push_back(std::move(l));
    for (DocumentStance& st : part.stances) reg.stances.push_back(st);
    for (Conflict& k : part.conflicts) reg.conflicts.push_back(std::move(k));
    return true;
  };

  {
    struct Scratch {
      std::vector<uint32_t> stamp;
      uint32_t mark = 0;
    };
    std::vector<Scratch> scratch(Workers(options.threads, entries.size()));
    for (Scratch& sc : scratch) sc.stamp.assign(index.passages.size(), 0);
    // Each worker turns its entry's evidence ids into views of the pooled
    // strings at once and drops the ids, so that the ids of every link are
    // never held beside their views (the linker's memory peak).
    std::mutex pool_mutex;
    // Entries are handed on in order as they are done (`emit`): a worker
    // that finishes the next entry due hands on every entry done in a row
    // from it, one worker at a time; a worker does not start an entry more
    // than `window` ahead of the next due, so that few entries' links wait.
    std::mutex order_mutex;
    std::condition_variable order_cv;
    std::vector<std::optional<std::vector<Link>>> done(entries.size());
    size_t next_due = 0;
    bool emitting = false, stopped = false;
    const size_t window = 4 * scratch.size();
    auto score = [&](size_t e, size_t worker) {
      {
        std::unique_lock<std::mutex> lock(order_mutex);
        order_cv.wait(lock, [&] { return stopped || e < next_due + window; });
        if (stopped) return;
      }
      std::vector<Found> found = link_entry(e, scratch[worker].stamp, scratch[worker].mark);
      std::unordered_map<TermId, std::string_view> seen;
      auto view = [&](TermId id) {
        auto [it, added] = seen.try_emplace(id);
        if (added) {
          std::lock_guard<std::mutex> lock(pool_mutex);
          it->second = *evidence_text->insert(entries[e].surface.at(id)).first;
        }
        return it->second;
      };
      std::vector<Link> links;
      links.reserve(found.size());
      for (Found& f : found) {
        f.link.evidence.phrases.reserve(f.phrases.size());
        f.link.evidence.terms.reserve(f.terms.size());
        for (TermId id : f.phrases) f.link.evidence.phrases.push_back(view(id));
        for (TermId id : f.terms) f.link.evidence.terms.push_back(view(id));
        std::vector<TermId>().swap(f.phrases);
        std::vector<TermId>().swap(f.terms);
        links.push_back(std::move(f.link));
      }
      std::vector<Found>().swap(found);
      std::unique_lock<std::mutex> lock(order_mutex);
      done[e] = std::move(links);
      if (emitting) return;
      emitting = true;
      while (!stopped && next_due < done.size() && done[next_due]) {
        const size_t due = next_due;
        std::vector<Link> due_links = std::move(*done[due]);
        done[due].reset();
        lock.unlock();
        const bool go_on = emit(due, std::move(due_links));
        lock.lock();
        stopped = stopped || !go_on;
        ++next_due;
        order_cv.notify_all();
      }
      emitting = false;
    };
    ParallelFor(entries.size(), options.threads, [&](size_t e, size_t worker) {
      try {
        score(e, worker);
      } catch (...) {
        // The other workers may be waiting for this entry: they stop too.
        std::lock_guard<std::mutex> lock(order_mutex);
        stopped = true;
        order_cv.notify_all();
        throw;
      }
    });
  }

  if (stats_out != nullptr && scope.stats == nullptr) {
    stats_out->passage_count = corpus_passages;
    for (TermId id = 0; id < vocab.size(); ++id) {
      if (vocab.Df(id) == 0 && named_df[id] == 0) continue;
      stats_out->keys.push_back(vocab.Key(id));
      stats_out->stats.push_back({vocab.Df(id), named_df[id]});
    }
  }
  return reg;
}

}  // namespace xref
