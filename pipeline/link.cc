// The commitment register: merging mentions, scoring passages, stances and
// disagreements. See link.h for the design.
#include "pipeline/link.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string_view>

#include "pipeline/link_terms.h"

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

// ---------------------------------------------------------------- authority

// The opening of a document as lower-case text: title and first passages,
// where a paper says what it is.
std::string Opening(const Document& doc) {
  std::string text = Lower(doc.title) + "\n";
  size_t taken = 0;
  for (const Passage& p : doc.passages) {
    if (taken++ >= 12 || text.size() > 4000) break;
    text += Lower(p.text) + "\n";
  }
  return text;
}

// ----------------------------------------------------------------- mentions

struct Mention {
  PassageRef ref;
  const LinkInput* input = nullptr;
  const Passage* passage = nullptr;
  // The undertaking as the mention words it: a commitment tag, or a whole
  // item of a list of commitments.
  std::string text;
  std::string actor;
  std::string modality;
  std::string action;
  std::vector<Tag> money;
  std::vector<Tag> dates;
  Authority authority = Authority::kBriefing;
  size_t rank = 0;  // the document's place in the canonical order
  bool in_list = false;
  bool local = false;
  TermSet terms;
};

bool IsLocalActor(const std::string& actor, Authority authority) {
  // One body named in the singular ("the Council", "Anytown County Council",
  // "the Cabinet"); "councils" or "local authorities" are others, spoken of.
  std::string a = Lower(actor);
  while (!a.empty() && (a.back() == ' ' || a.back() == '.')) a.pop_back();
  for (std::string_view word : {"council", "authority", "cabinet", "committee", "mayor"}) {
    if (a.size() >= word.size() && a.compare(a.size() - word.size(), word.size(), word) == 0) {
      return true;
    }
  }
  return authority == Authority::kLocal && (a == "we" || a == "us" || a == "our");
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

bool SameAmount(double a, double b) { return std::fabs(a - b) <= 0.005 * std::max(a, b); }

std::vector<double> Amounts(const std::vector<Tag>& money) {
  std::vector<double> out;
  for (const Tag& t : money) {
    if (t.money.amount) out.push_back(*t.money.amount);
  }
  return out;
}

// Two mentions of one document that give sums, none of them shared, are two
// undertakings: a document does not contradict itself within a page.
bool DisjointSums(const Mention& a, const Mention& b) {
  std::vector<double> x = Amounts(a.money);
  std::vector<double> y = Amounts(b.money);
  if (x.empty() || y.empty()) return false;
  for (double u : x) {
    for (double v : y) {
      if (SameAmount(u, v)) return false;
    }
  }
  return true;
}

// --------------------------------------------------------------- similarity

struct Weights {
  const TermStats* stats;
  const LinkOptions* options;

  // A term found in one passage only cannot be shared by two passages: it
  // says nothing about links and would only dilute the wording's weight.
  double Phrase(const std::string& key, bool named) const {
    if (stats->Df(key) < 2) return 0;
    return Rarity(key) * (named ? options->named_weight : 1.0);
  }
  double Word(const std::string& key) const {
    return stats->Df(key) < 2 ? 0 : options->word_weight * Rarity(key);
  }
  // Squared IDF: a phrase in two passages must outweigh several in twenty.
  double Rarity(const std::string& key) const {
    double idf = stats->Idf(key);
    return std::pow(idf, options->idf_power);
  }

  // What a text shares with a profile, weighted. `evidence` (optional)
  // receives the shared phrases and the distinctive shared words.
  double Overlap(const TermSet& profile, const TermSet& text, LinkEvidence* evidence,
                 size_t* phrases_shared, size_t* words_shared,
                 const std::set<std::string>* expanded = nullptr,
                 double* expanded_part = nullptr) const {
    double from_expansion = 0;
    auto factor = [&](const std::string& key) {
      return expanded != nullptr && expanded->count(key) != 0 ? options->expansion_weight : 1.0;
    };
    double score = 0;
    size_t np = 0, nw = 0;
    std::set<std::string> words_in_phrases;
    for (const std::string& p : profile.phrases) {
      if (text.phrases.count(p) == 0) continue;
      bool named = profile.named.count(p) != 0 || text.named.count(p) != 0;
      score += Phrase(p, named) * factor(p);
      if (factor(p) != 1.0) from_expansion += Phrase(p, named) * factor(p);
      ++np;
      size_t space = p.find(' ');
      words_in_phrases.insert(p.substr(0, space));
      words_in_phrases.insert(p.substr(space + 1));
      if (evidence != nullptr) evidence->phrases.push_back(profile.surface.at(p));
    }
    for (const std::string& w : profile.words) {
      if (text.words.count(w) == 0) continue;
      double weight = Word(w) * factor(w);
      score += weight;
      if (factor(w) != 1.0) from_expansion += weight;
      ++nw;
      // Words already shown inside a phrase, and near-ubiquitous ones, are
      // not worth listing as evidence.
      if (evidence != nullptr && words_in_phrases.count(w) == 0 &&
          stats->Idf(w) >= 1.0) {
        evidence->terms.push_back(profile.surface.at(w));
      }
    }
    if (expanded_part != nullptr) *expanded_part = from_expansion;
    if (phrases_shared != nullptr) *phrases_shared = np;
    if (words_shared != nullptr) *words_shared = nw;
    return score;
  }

  double Self(const TermSet& t) const { return Overlap(t, t, nullptr, nullptr, nullptr); }
};

void Unite(TermSet* into, const TermSet& from) {
  into->words.insert(from.words.begin(), from.words.end());
  into->phrases.insert(from.phrases.begin(), from.phrases.end());
  into->named.insert(from.named.begin(), from.named.end());
  for (const auto& [k, v] : from.surface) into->surface.emplace(k, v);
}

struct Entry {
  std::vector<const Mention*> mentions;  // the first supplies the wording
  TermSet profile;                       // union of same-authority mentions, and
  std::set<std::string> expanded;        // terms of the source's prose about it
  double source_self = 0;
  double norm = 1;                       // what a score is relative to
  // The distinctive names in the wording: proper names of two words or
  // more, found in few passages and in the wording of few entries.
  std::vector<std::vector<std::string>> names;
};

// ------------------------------------------------------------------- values

// Byte ranges of the sentences of a passage.
std::vector<std::pair<size_t, size_t>> Sentences(const std::string& text) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t begin = 0;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    char c = text[i];
    if ((c == '.' || c == '?' || c == '!' || c == ';') && text[i + 1] == ' ') {
      // "e.g. " and "p. " are not ends; a capital or digit must follow.
      if (i + 2 < text.size()) {
        unsigned char n = static_cast<unsigned char>(text[i + 2]);
        bool starts = (n >= 'A' && n <= 'Z') || (n >= '0' && n <= '9') || n >= 0x80 || n == '(';
        if (!starts && c == '.') continue;
      }
      out.emplace_back(begin, i + 1);
      begin = i + 2;
    }
  }
  out.emplace_back(begin, text.size());
  return out;
}

// Is `tag` the "before" sum of a from/to pair ("from £1,000 to £3,000",
// "increase from £1,000", "up from £1,000")?
bool IsBeforeValue(const std::string& text, const Tag& tag, const std::vector<Tag>& tags) {
  std::string before = Lower(text.substr(tag.start >= 12 ? tag.start - 12 : 0,
                                         tag.start >= 12 ? 12 : tag.start));
  size_t pos = before.find_last_not_of(' ');
  if (pos == std::string::npos) return false;
  before.resize(pos + 1);
  if (before.size() >= 4 && before.compare(before.size() - 4, 4, "from") == 0) return true;
  // "£1,000 to £3,000" / "£1,000 rising to £3,000": followed by another sum.
  for (const Tag& t : tags) {
    if (t.kind != tag.kind || t.start <= tag.end || t.start > tag.end + 16) continue;
    std::string between = Lower(text.substr(tag.end, t.start - tag.end));
    if (Contains(between, "to") && !Contains(between, ",")) return true;
  }
  return false;
}

bool SameDate(const DateValue& a, const DateValue& b) {
  return a.start == b.start && a.end == b.end;
}

// Two dates given for the same thing disagree when both are deadlines with
// different ends, or both are plain times of the same precision that do not
// overlap.
bool DatesDisagree(const DateValue& a, const DateValue& b) {
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

}  // namespace

std::string_view AuthorityName(Authority authority) {
  switch (authority) {
    case Authority::kLocal: return "local";
    case Authority::kBriefing: return "briefing";
    case Authority::kNational: return "national";
  }
  return "briefing";
}

std::optional<Authority> ParseAuthority(std::string_view name) {
  if (name == "local") return Authority::kLocal;
  if (name == "briefing") return Authority::kBriefing;
  if (name == "national") return Authority::kNational;
  return std::nullopt;
}

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
  return Authority::kBriefing;
}

std::string ShortWording(const std::string& text, size_t max_chars) {
  if (text.size() <= max_chars) return text;
  size_t cut = text.rfind(' ', max_chars);
  if (cut == std::string::npos || cut < max_chars / 2) {
    cut = max_chars;
    // Never cut inside a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  std::string out = text.substr(0, cut);
  while (!out.empty() && (out.back() == ',' || out.back() == ' ' || out.back() == ';')) {
    out.pop_back();
  }
  return out + "…";
}

Register BuildRegister(const std::vector<LinkInput>& docs, const LinkOptions& options) {
  Register reg;

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

  // Term statistics over every passage of the corpus, and each passage's terms.
  TermStats stats;
  std::map<PassageRef, TermSet> passage_terms;
  for (const LinkInput* in : inputs) {
    for (const Passage& p : in->doc.passages) {
      TermSet t = Terms(p.text);
      stats.Add(t);
      passage_terms.emplace(PassageRef{in->id, p.n}, std::move(t));
    }
  }
  Weights weights{&stats, &options};

  // 1. Mentions, in order of authority; list items before prose.
  std::vector<Mention> mentions;
  for (size_t rank = 0; rank < inputs.size(); ++rank) {
    const LinkInput* in = inputs[rank];
    Authority auth = authority[in->id];
    for (size_t i = 0; i < in->doc.passages.size(); ++i) {
      const Passage& p = in->doc.passages[i];
      static const std::vector<Tag> kNoTags;
      const std::vector<Tag>& tags = i < in->tags.size() ? in->tags[i] : kNoTags;
      Mention m;
      m.ref = {in->id, p.n};
      m.input = in;
      m.passage = &p;
      m.authority = auth;
      m.rank = rank;
      m.in_list = p.kind == PassageKind::kListItem;
      // An item of a list of commitments is one undertaking however many
      // sentences it has, and is one even when no sentence of it is tagged
      // ("A Families First pathfinder programme to implement family help.").
      if (m.in_list && (IsCommitmentList(p.section) ||
                        std::any_of(tags.begin(), tags.end(), [](const Tag& t) {
                          return t.kind == TagKind::kCommitment;
                        }))) {
        m.text = p.text;
        for (const Tag& t : tags) {
          if (t.kind == TagKind::kCommitment && m.actor.empty()) {
            m.actor = t.commitment.actor;
            m.modality = t.commitment.modality;
            m.action = t.commitment.action;
          }
          if (t.kind == TagKind::kMoney) m.money.push_back(t);
          if (t.kind == TagKind::kDate) m.dates.push_back(t);
        }
        if (m.actor.empty()) m.actor = "unspecified";
        m.local = IsLocalActor(m.actor, auth);
        m.terms = Terms(m.text);
        if (!m.terms.words.empty()) mentions.push_back(std::move(m));
        continue;
      }
      for (const Tag& tag : tags) {
        if (tag.kind != TagKind::kCommitment) continue;
        Mention one = m;
        one.text = tag.text;
        one.actor = tag.commitment.actor;
        one.modality = tag.commitment.modality;
        one.action = tag.commitment.action;
        one.money = tag.commitment.money;
        one.dates = tag.commitment.dates;
        one.local = IsLocalActor(tag.commitment.actor, auth);
        one.terms = Terms(tag.text);
        if (one.terms.words.empty()) continue;
        mentions.push_back(std::move(one));
      }
    }
  }
  std::stable_sort(mentions.begin(), mentions.end(), [&](const Mention& a, const Mention& b) {
    if (a.rank != b.rank) return a.rank < b.rank;  // authority, then path
    return a.in_list && !b.in_list;
  });

  // Merge mentions into entries.
  std::vector<Entry> entries;
  for (const Mention& m : mentions) {
    double m_self = weights.Self(m.terms);
    size_t best = entries.size();
    double best_sim = 0;
    for (size_t e = 0; e < entries.size(); ++e) {
      Entry& entry = entries[e];
      const Mention& src = *entry.mentions.front();
      if (src.local != m.local) continue;
      bool blocked = false;
      for (const Mention* other : entry.mentions) {
        if (other->input != m.input) continue;
        if (other->in_list && m.in_list && other->passage->section == m.passage->section) {
          blocked = true;
        }
        if (DisjointSums(*other, m)) blocked = true;
      }
      if (blocked) continue;
      double overlap = weights.Overlap(entry.profile, m.terms, nullptr, nullptr, nullptr);
      double denom = std::max(std::min(m_self, entry.source_self), 1e-9);
      double sim = overlap / denom;
      if (sim > best_sim) {
        best_sim = sim;
        best = e;
      }
    }
    if (best < entries.size() && best_sim >= options.merge_threshold) {
      Entry& entry = entries[best];
      entry.mentions.push_back(&m);
      if (m.authority == entry.mentions.front()->authority) Unite(&entry.profile, m.terms);
    } else {
      Entry entry;
      entry.mentions.push_back(&m);
      entry.profile = m.terms;
      entry.source_self = m_self;
      entries.push_back(std::move(entry));
    }
  }
  // Scores are relative to the entry's own wording, but a wording too vague
  // to say what it is about ("Funding will be allocated in two rounds") is
  // measured against half the typical wording, so it does not link to
  // everything.
  {
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
  // their context, not what they are).
  {
    std::map<std::vector<std::string>, int> entries_naming;
    for (const Entry& entry : entries) {
      std::set<std::vector<std::string>> own(entry.mentions.front()->terms.names.begin(),
                                             entry.mentions.front()->terms.names.end());
      for (const auto& name : own) ++entries_naming[name];
    }
    for (Entry& entry : entries) {
      for (const std::vector<std::string>& name : entry.mentions.front()->terms.names) {
        // The rarest phrase of a name stands for the name as a whole.
        int df = std::numeric_limits<int>::max();
        for (const std::string& key : name) df = std::min(df, stats.Df(key));
        bool distinctive = entries_naming[name] <= 2 && df >= 2 &&
                           df <= std::max(2.0, options.name_max_share * stats.passages());
        if (distinctive) entry.names.push_back(name);
      }
    }
  }

  // Expansion: the prose of the entry's own documents that is plainly about
  // it (relevance feedback) lends its vocabulary, at a lower weight, so that a
  // paper using the prose's words rather than the list's still links.
  for (Entry& entry : entries) {
    Authority auth = entry.mentions.front()->authority;
    TermSet extra;
    for (const LinkInput* in : inputs) {
      if (authority[in->id] != auth) continue;
      for (const Passage& p : in->doc.passages) {
        if (p.kind == PassageKind::kHeading) continue;
        const TermSet& t = passage_terms.at(PassageRef{in->id, p.n});
        size_t np = 0, nw = 0;
        double rel = weights.Overlap(entry.profile, t, nullptr, &np, &nw) / entry.norm;
        if (rel >= options.expansion_threshold && np >= 1) Unite(&extra, t);
      }
    }
    for (const std::string& w : extra.words) {
      if (entry.profile.words.insert(w).second) entry.expanded.insert(w);
    }
    for (const std::string& p : extra.phrases) {
      if (entry.profile.phrases.insert(p).second) entry.expanded.insert(p);
    }
    entry.profile.named.insert(extra.named.begin(), extra.named.end());
    for (const auto& [k, v] : extra.surface) entry.profile.surface.emplace(k, v);
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
    for (const Tag& t : src.money) {
      c.money.push_back({src.ref, t.text, t.money.amount, {}});
    }
    for (const Tag& t : src.dates) {
      c.dates.push_back({src.ref, t.text, std::nullopt, t.date});
    }
    // The source paper's other mentions complete the entry: a list of
    // financial commitments gives the sum of an item of the policy list.
    for (const Mention* m : entries[e].mentions) {
      if (m->input != src.input || m == &src) continue;
      for (const Tag& t : m->money) {
        bool known = !t.money.amount;
        for (const ValueRef& v : c.money) known |= v.amount && SameAmount(*v.amount, *t.money.amount);
        if (!known) c.money.push_back({m->ref, t.text, t.money.amount, {}});
      }
    }
    std::set<PassageRef> seen;
    for (const Mention* m : entries[e].mentions) {
      if (seen.insert(m->ref).second) c.mentions.push_back(m->ref);
    }
    reg.commitments.push_back(std::move(c));
  }

  // 2. Links: every non-heading passage against every entry.
  for (size_t e = 0; e < entries.size(); ++e) {
    const Entry& entry = entries[e];
    const Commitment& c = reg.commitments[e];
    std::set<PassageRef> mention_refs(c.mentions.begin(), c.mentions.end());
    std::vector<Link> found;
    for (const LinkInput* in : inputs) {
      for (size_t i = 0; i < in->doc.passages.size(); ++i) {
        const Passage& p = in->doc.passages[i];
        PassageRef ref{in->id, p.n};
        bool states = mention_refs.count(ref) != 0;
        if (p.kind == PassageKind::kHeading && !states) continue;
        Link link;
        link.commitment = e;
        link.passage = ref;
        size_t np = 0, nw = 0;
        double from_expansion = 0;
        double raw = weights.Overlap(entry.profile, passage_terms.at(ref), &link.evidence, &np, &nw,
                                     &entry.expanded, &from_expansion);
        // Borrowed words may add at most expansion_weight of the wording's own
        // weight: they support the wording, they do not replace it.
        double base = raw - from_expansion;
        double rel = (base + std::min(from_expansion, options.expansion_weight * entry.norm)) / entry.norm;
        // Names decide: a passage that names the entry's programme discusses
        // it however much else the wording says; one that names none of a
        // named entry's names needs more of the other words.
        if (!entry.names.empty()) {
          const TermSet& t = passage_terms.at(ref);
          bool names_one = false, names_any = false;
          for (const std::vector<std::string>& name : entry.names) {
            bool whole = true;
            for (const std::string& key : name) {
              bool has = t.phrases.count(key) != 0;
              whole &= has;
              names_any |= has;
            }
            names_one |= whole;
          }
          if (names_one) {
            rel = std::max(rel, options.named_score);
          } else if (!names_any) {
            rel *= options.unnamed_factor;
          }
        }
        // Sums and dates count once the words agree.
        if (rel >= options.threshold / 2 && i < in->tags.size()) {
          std::set<std::string> values;
          for (const Tag& t : in->tags[i]) {
            if (t.kind == TagKind::kMoney && t.money.amount) {
              for (const ValueRef& v : c.money) {
                if (v.amount && SameAmount(*v.amount, *t.money.amount)) values.insert(t.text);
              }
            } else if (t.kind == TagKind::kDate) {
              for (const ValueRef& v : c.dates) {
                if (!v.date.end.empty() && SameDate(v.date, t.date)) values.insert(t.text);
              }
            }
          }
          if (!values.empty()) {
            rel += options.value_bonus;
            link.evidence.values.assign(values.begin(), values.end());
          }
        }
        bool enough_words = np >= 1 || nw >= 2;
        if (states) {
          link.evidence.states = true;
          rel = std::max(rel, 1.0);
        } else if (rel < options.threshold || !enough_words) {
          continue;
        }
        link.score = std::round(rel * 1000) / 1000;
        found.push_back(std::move(link));
      }
    }
    std::sort(found.begin(), found.end(),
              [](const Link& a, const Link& b) { return a.passage < b.passage; });
    for (Link& l : found) reg.links.push_back(std::move(l));
  }

  // 3a. Stance per (entry, document): the most frequent non-neutral stance of
  // the linked passages, ties to the earliest.
  {
    std::map<std::pair<size_t, int64_t>, std::vector<Stance>> seen;
    for (const Link& l : reg.links) {
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
      seen[{l.commitment, l.passage.doc}].push_back(s);
    }
    for (const auto& [key, list] : seen) {
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
      reg.stances.push_back({key.first, key.second, best});
    }
  }

  // 3b. Disagreements: sums and dates that other documents attach to the entry.
  {
    std::map<size_t, std::vector<const Link*>> links_of;
    for (const Link& l : reg.links) links_of[l.commitment].push_back(&l);
    for (size_t e = 0; e < entries.size(); ++e) {
      const Commitment& c = reg.commitments[e];
      const Entry& entry = entries[e];
      std::vector<ValueRef> money_conflicts, date_conflicts;
      // Values per other document; the whole is stated when one equals the entry's.
      for (const Link* l : links_of[e]) {
        if (l->passage.doc == c.source.doc) continue;
        const LinkInput* in = by_id.at(l->passage.doc);
        const Passage* p = nullptr;
        size_t index = 0;
        for (size_t i = 0; i < in->doc.passages.size(); ++i) {
          if (in->doc.passages[i].n == l->passage.passage) {
            p = &in->doc.passages[i];
            index = i;
          }
        }
        if (p == nullptr || index >= in->tags.size()) continue;
        const std::vector<Tag>& tags = in->tags[index];
        // Sentences that speak of the entry: they share a phrase with it.
        std::vector<std::pair<size_t, size_t>> about;
        for (const auto& [b, end] : Sentences(p->text)) {
          TermSet t = Terms(std::string_view(p->text).substr(b, end - b));
          size_t np = 0, nw = 0;
          weights.Overlap(entry.profile, t, nullptr, &np, &nw, &entry.expanded);
          if (np >= 1) about.emplace_back(b, end);
        }
        auto attached = [&](const Tag& t) {
          for (const auto& [b, end] : about) {
            if (t.start >= b && t.end <= end) return true;
          }
          return false;
        };
        bool states_whole = false;
        for (const Tag& t : tags) {
          if (t.kind != TagKind::kMoney || !t.money.amount) continue;
          for (const ValueRef& v : c.money) {
            if (v.amount && SameAmount(*v.amount, *t.money.amount)) states_whole = true;
          }
        }
        for (const Tag& t : tags) {
          if (!attached(t)) continue;
          if (t.kind == TagKind::kMoney && t.money.amount && !c.money.empty()) {
            if (states_whole) continue;  // a part given beside the whole
            if (IsBeforeValue(p->text, t, tags)) continue;
            const ValueRef* closest = nullptr;
            bool agrees = false;
            for (const ValueRef& v : c.money) {
              if (!v.amount) continue;
              if (SameAmount(*v.amount, *t.money.amount)) agrees = true;
              if (closest == nullptr || std::fabs(*v.amount - *t.money.amount) <
                                            std::fabs(*closest->amount - *t.money.amount)) {
                closest = &v;
              }
            }
            if (agrees || closest == nullptr) continue;
            // Sums far apart (one at most half the other) are a part and its
            // whole, or different aggregates; competing figures are close.
            double hi = std::max(*closest->amount, *t.money.amount);
            double lo = std::min(*closest->amount, *t.money.amount);
            if (lo <= 0 || hi / lo >= 2.0) continue;
            money_conflicts.push_back({l->passage, t.text, t.money.amount, {}});
          } else if (t.kind == TagKind::kDate && !c.dates.empty()) {
            bool agrees = false, disagrees = false;
            for (const ValueRef& v : c.dates) {
              if (SameDate(v.date, t.date)) agrees = true;
              if (DatesDisagree(v.date, t.date)) disagrees = true;
            }
            if (!agrees && disagrees) date_conflicts.push_back({l->passage, t.text, {}, t.date});
          }
        }
      }
      if (!money_conflicts.empty()) {
        Conflict k;
        k.commitment = e;
        k.field = "money";
        k.values.push_back(c.money.front());
        for (ValueRef& v : money_conflicts) k.values.push_back(std::move(v));
        reg.conflicts.push_back(std::move(k));
      }
      if (!date_conflicts.empty()) {
        Conflict k;
        k.commitment = e;
        k.field = "date";
        k.values.push_back(c.dates.front());
        for (ValueRef& v : date_conflicts) k.values.push_back(std::move(v));
        reg.conflicts.push_back(std::move(k));
      }
    }
  }
  return reg;
}

}  // namespace xref
