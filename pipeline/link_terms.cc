// Word and phrase extraction for the linker; see link_terms.h.
#include "pipeline/link_terms.h"

#include <libstemmer.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_set>

namespace xref {
namespace {

// Function words of English (articles, pronouns, prepositions, auxiliaries,
// conjunctions, quantifiers): grammar, never topic. Generic, not a corpus list.
const std::unordered_set<std::string_view>& FunctionWords() {
  static const auto* words = new std::unordered_set<std::string_view>{
      "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
      "from", "with", "without", "into", "onto", "over", "under", "up", "down", "out", "off",
      "about", "above", "below", "between", "through", "during", "before", "after", "as",
      "than", "then", "so", "such", "that", "this", "these", "those", "there", "here", "it",
      "its", "it's", "itself", "they", "them", "their", "theirs", "we", "us", "our", "ours",
      "you", "your", "he", "she", "him", "her", "his", "i", "me", "my", "who", "whom", "whose",
      "which", "what", "when", "where", "why", "how", "whether", "if", "because", "while",
      "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done",
      "have", "has", "had", "having", "will", "would", "shall", "should", "can", "could",
      "may", "might", "must", "not", "no", "yes", "all", "any", "some", "each", "every",
      "both", "either", "neither", "other", "others", "another", "more", "most", "less",
      "least", "many", "much", "few", "very", "also", "only", "just", "too", "well", "via",
      "per", "upon", "within", "across", "against", "along", "around", "including", "include",
      "includes", "e.g", "eg", "ie", "etc", "further", "same", "own", "new", "which", "one",
      "up", "yet", "still", "now", "being", "s"};
  return *words;
}

// Number words and scale words: sums and counts are compared as tag values.
bool IsNumberWord(std::string_view w) {
  static const auto* words = new std::unordered_set<std::string_view>{
      "zero", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
      "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
      "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
      "eighty", "ninety", "hundred", "thousand", "million", "millions", "billion", "billions",
      "bn", "m", "k", "pound", "pounds", "cent"};
  if (words->count(w) != 0) return true;
  for (char c : w) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

enum class CharClass { kLetter, kApostrophe, kQuote, kBreak, kSpace };

// Classifies the UTF-8 character at text[i] and sets *len to its byte length.
CharClass Classify(std::string_view text, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *len = 1;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return CharClass::kLetter;
    }
    if (c == '\'') return CharClass::kApostrophe;
    if (c == '"') return CharClass::kQuote;
    if (c == ' ' || c == '-' || c == '/' || c == '&' || c == '+' || c == '\t' || c == '\n' ||
        c == '\r' || c == '*' || c == '_' || c == '#') {
      return CharClass::kSpace;
    }
    return CharClass::kBreak;  // . , ; : ! ? ( ) [ ] and the like end a phrase
  }
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + n > text.size()) n = text.size() - i;
  *len = n;
  if (n == 3 && c == 0xE2 && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(text[i + 2]);
    if (d == 0x99) return CharClass::kApostrophe;                 // ’ (or a closing quote)
    if (d == 0x98 || d == 0x9C || d == 0x9D) return CharClass::kQuote;  // ‘ “ ”
    if (d == 0x90 || d == 0x91) return CharClass::kSpace;         // hyphens
    if (d <= 0x8F || d == 0xAF) return CharClass::kSpace;         // odd spaces
    return CharClass::kBreak;                                     // dashes, bullets, …
  }
  if (n == 3 && c == 0xE2) return CharClass::kBreak;              // arrows, symbols
  if (n == 2 && c == 0xC2) {
    return static_cast<unsigned char>(text[i + 1]) == 0xA0 ? CharClass::kSpace
                                                            : CharClass::kBreak;  // £ § ·
  }
  return CharClass::kLetter;  // accented and other-script letters
}

struct Word {
  std::string lower;
  std::string surface;
  bool capitalised = false;
  bool quoted = false;
  int quote = 0;              // which quotation it is in (1, 2, ...), 0 when none
  bool break_before = false;  // punctuation between this word and the previous one
  bool hyphened = false;      // joined to the previous word by a hyphen ("E-cycle", "Co-op")
};

// The length of a web or mail address starting at text[i] ("https://…",
// "www.…", "name@host"), up to the next space; 0 when there is none. Its
// words are a machine's, not the paper's: "good-practice-guide" in a link is
// not a phrase the paper wrote.
size_t AddressAt(std::string_view text, size_t i) {
  // One pass to the next space, noting the characters an address needs
  // (find_first_of looked each character up in the set of spaces by memchr).
  size_t end = i;
  bool colon = false, at = false, dot = false;
  for (; end < text.size(); ++end) {
    const char c = text[end];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') break;
    colon = colon || c == ':';
    at = at || c == '@';
    dot = dot || c == '.';
  }
  std::string_view token = text.substr(i, end - i);
  bool address = (colon && token.find("://") != std::string_view::npos) || token.rfind("www.", 0) == 0 ||
                 (at && dot);
  return address ? token.size() : 0;
}

std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> words;
  bool in_quote = false;
  int quotes = 0;
  bool pending_break = false;
  bool pending_hyphen = false;  // a hyphen straight after a word's last letter
  size_t i = 0;
  while (i < text.size()) {
    size_t len = 1;
    CharClass cls = Classify(text, i, &len);
    const bool hyphen_here = pending_hyphen;
    pending_hyphen = false;
    if (cls == CharClass::kLetter) {
      // A word starts here (the loop below takes each word whole).
      if (size_t skip = AddressAt(text, i); skip > 0) {
        pending_break = true;
        i += skip;
        continue;
      }
      Word w;
      w.break_before = pending_break;
      w.hyphened = hyphen_here;
      w.quoted = in_quote;
      w.quote = in_quote ? quotes : 0;
      pending_break = false;
      size_t j = i;
      while (j < text.size()) {
        size_t l = 1;
        CharClass k = Classify(text, j, &l);
        if (k == CharClass::kLetter) {
          w.surface.append(text.substr(j, l));
          j += l;
        } else if (k == CharClass::kApostrophe && j + l < text.size()) {
          size_t l2 = 1;
          if (Classify(text, j + l, &l2) != CharClass::kLetter) break;
          w.surface.push_back('\'');
          j += l;
        } else {
          break;
        }
      }
      unsigned char first = static_cast<unsigned char>(w.surface[0]);
      w.capitalised = first >= 'A' && first <= 'Z';
      for (char ch : w.surface) {
        w.lower.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
      }
      words.push_back(std::move(w));
      i = j;
      size_t l = 1;
      pending_hyphen = j < text.size() && Classify(text, j, &l) == CharClass::kSpace &&
                       (text[j] == '-' || (l == 3 && static_cast<unsigned char>(text[j]) == 0xE2 &&
                                           static_cast<unsigned char>(text[j + 1]) == 0x80 &&
                                           (static_cast<unsigned char>(text[j + 2]) == 0x90 ||
                                            static_cast<unsigned char>(text[j + 2]) == 0x91)));
      if (pending_hyphen) i += l;
      continue;
    }
    if (cls == CharClass::kQuote) {
      in_quote = !in_quote;
      if (in_quote) ++quotes;
      pending_break = true;
    } else if (cls == CharClass::kApostrophe) {
      // A ’ that is not inside a word closes a ‘quote’.
      if (in_quote) in_quote = false;
      pending_break = true;
    } else if (cls == CharClass::kBreak) {
      pending_break = true;
      in_quote = in_quote && text[i] != '.';
    }
    i += len;
  }
  // Quotation marks around a few words make a name ('families first for
  // children pathfinder', "Staying Close"); around more they quote speech
  // ("The national fund will take us halfway at best"), which is no name.
  constexpr int kNameWords = 6;
  std::vector<int> quote_words(static_cast<size_t>(quotes) + 1, 0);
  for (const Word& w : words) ++quote_words[static_cast<size_t>(w.quote)];
  for (Word& w : words) {
    if (w.quoted && quote_words[static_cast<size_t>(w.quote)] > kNameWords) w.quoted = false;
  }
  return words;
}

// The Snowball stem of one word, the possessive first removed.
std::string Stem(sb_stemmer* handle, std::string_view lower_word) {
  std::string_view w = lower_word;
  // The possessive goes first, whichever apostrophe wrote it.
  for (std::string_view apostrophe : {std::string_view("'s"), std::string_view("\u2019s")}) {
    if (w.size() > apostrophe.size() && w.substr(w.size() - apostrophe.size()) == apostrophe) {
      w.remove_suffix(apostrophe.size());
    }
  }
  if (handle == nullptr || w.empty()) return std::string(w);
  const sb_symbol* stem = sb_stemmer_stem(handle, reinterpret_cast<const sb_symbol*>(w.data()),
                                          static_cast<int>(w.size()));
  if (stem == nullptr) return std::string(w);  // out of memory: the word as it is
  return std::string(reinterpret_cast<const char*>(stem), static_cast<size_t>(sb_stemmer_length(handle)));
}

}  // namespace

bool IsFunctionWord(std::string_view lower_word) {
  return FunctionWords().count(lower_word) != 0;
}

std::string StemWord(std::string_view lower_word) {
  // Snowball's English (Porter 2) stemmer, as search engines use it. A
  // stemmer keeps state between calls: one per thread.
  struct Stemmer {
    sb_stemmer* handle = sb_stemmer_new("english", "UTF_8");
    ~Stemmer() { sb_stemmer_delete(handle); }
  };
  thread_local Stemmer stemmer;
  // A corpus writes the same few thousand words over and over: each is
  // stemmed once per thread (bounded, in case a corpus is all distinct words).
  thread_local std::unordered_map<std::string, std::string> stems;
  constexpr size_t kMaxCachedStems = 1 << 17;
  std::string key(lower_word);
  auto cached = stems.find(key);
  if (cached != stems.end()) return cached->second;
  if (stems.size() >= kMaxCachedStems) stems.clear();
  std::string stem = Stem(stemmer.handle, lower_word);
  stems.emplace(std::move(key), stem);
  return stem;
}

namespace {

// A content word of a text, in order, and whether a phrase may join it to
// the previous content word.
struct Content {
  std::string stem;
  std::string surface;
  std::string lower;
  bool joins_previous;
  bool named;
  bool conjoined;  // "and" or "or" comes between it and the previous one
};

// English month and weekday names, as ICU spells them, lower-cased.
const std::unordered_set<std::string>& CalendarWords() {
  static const std::unordered_set<std::string> kWords = [] {
    std::unordered_set<std::string> words;
    UErrorCode status = U_ZERO_ERROR;
    icu::DateFormatSymbols symbols(icu::Locale::getEnglish(), status);
    if (U_FAILURE(status)) return words;
    int32_t count = 0;
    auto add = [&](const icu::UnicodeString* names, int32_t n) {
      for (int32_t i = 0; i < n; ++i) {
        std::string name;
        icu::UnicodeString(names[i]).toLower(icu::Locale::getEnglish()).toUTF8String(name);
        if (!name.empty()) words.insert(name);
      }
    };
    const icu::UnicodeString* months = symbols.getMonths(count);
    add(months, count);
    const icu::UnicodeString* weekdays = symbols.getWeekdays(count);
    add(weekdays, count);
    return words;
  }();
  return kWords;
}

bool IsCalendarWord(const std::string& lower) { return CalendarWords().count(lower) != 0; }

}  // namespace

bool IsCalendarStem(std::string_view stem) {
  static const std::unordered_set<std::string> kStems = [] {
    std::unordered_set<std::string> stems;
    for (const std::string& word : CalendarWords()) stems.insert(StemWord(word));
    return stems;
  }();
  return kStems.count(std::string(stem)) != 0;
}

namespace {

// What ContentWords needs to know of one lower-cased word without digits.
struct WordFacts {
  bool number = false;    // IsNumberWord
  bool skipped = false;   // a function word, shorter than 2 bytes, or so stemmed
  bool calendar = false;  // IsCalendarWord
  std::string stem;       // StemWord, when not skipped
};

// The facts of `lower`, each word's found once per thread: a corpus writes
// the same few thousand words over and over, and each costs three set
// lookups and a stem (bounded, in case a corpus is all distinct words).
const WordFacts& FactsOf(const std::string& lower) {
  thread_local std::unordered_map<std::string, WordFacts> facts;
  constexpr size_t kMaxCachedWords = 1 << 17;
  auto cached = facts.find(lower);
  if (cached != facts.end()) return cached->second;
  if (facts.size() >= kMaxCachedWords) facts.clear();
  WordFacts f;
  f.number = IsNumberWord(lower);
  if (!f.number) {
    f.skipped = IsFunctionWord(lower) || lower.size() < 2;
    if (!f.skipped) {
      f.stem = StemWord(lower);
      f.skipped = f.stem.size() < 2;
    }
    f.calendar = IsCalendarWord(lower);
  }
  return facts.emplace(lower, std::move(f)).first->second;
}

std::vector<Content> ContentWords(std::string_view text) {
  std::vector<Word> words = SplitWords(text);
  std::vector<Content> content;
  content.reserve(words.size());
  bool broken = true;
  bool prev_capital = false;
  bool conjoined = false;
  // A hyphenated word's capital belongs to its first content part: in
  // "E-cycle Loan Scheme" the "E" is too short to be a term, and "cycle"
  // carries the capital, so the name is the E-cycle Loan Scheme and not any
  // loan scheme. ("Government-backed" keeps "backed" lower-case: the capital
  // went to "Government".)
  bool compound_capital = false;
  for (Word& w : words) {
    if (w.break_before) broken = true;
    if (!w.hyphened) compound_capital = false;
    const bool capitalised = w.capitalised || compound_capital;
    compound_capital = capitalised;
    // Numbers neither make nor break phrases (IsNumberWord: any digit, or a number word).
    if (std::any_of(w.lower.begin(), w.lower.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    const WordFacts& facts = FactsOf(w.lower);
    if (facts.number) continue;
    if (w.lower == "and" || w.lower == "or") conjoined = true;
    if (facts.skipped) continue;
    std::string stem = facts.stem;
    // A month or a day of the week is capitalised by rule, not as a name:
    // "from April 2027 for a Local Warmth Grant" names the grant alone.
    bool named_word = (capitalised && !facts.calendar) || w.quoted;
    compound_capital = false;
    content.push_back({std::move(stem), std::move(w.surface), std::move(w.lower), !broken,
                       named_word && (prev_capital || w.quoted), conjoined});
    prev_capital = named_word;
    conjoined = false;
    broken = false;
  }
  return content;
}

// Whether content[i] makes a phrase with content[i - 1].
bool MakesPhrase(const std::vector<Content>& content, size_t i) {
  return content[i].joins_previous && content[i].stem != content[i - 1].stem;
}

void FindNames(const std::vector<Content>& content, std::vector<std::vector<std::string>>* names,
               std::vector<size_t>* name_starts);

TermSet FindTerms(std::string_view text, bool surfaces) {
  TermSet out;
  const std::vector<Content> content = ContentWords(text);
  for (const Content& c : content) {
    out.words.insert(c.stem);
    if (surfaces) out.surface.emplace(c.stem, c.lower);
  }
  for (size_t i = 1; i < content.size(); ++i) {
    if (!MakesPhrase(content, i)) continue;
    std::string key = content[i - 1].stem + " " + content[i].stem;
    if (surfaces) out.surface.emplace(key, content[i - 1].surface + " " + content[i].surface);
    out.phrases.insert(key);
    if (content[i].named) out.named.insert(std::move(key));
  }
  FindNames(content, &out.names, &out.name_starts);
  return out;
}

// The proper names of a text, each as the places i in `content` of its
// phrases (the phrase of content[i - 1] and content[i]), in order.
void FindNamePlaces(const std::vector<Content>& content, std::vector<std::vector<size_t>>* names,
                    std::vector<size_t>* name_starts) {
  bool any_named = false;
  size_t last_named = 0;
  // Per name, which of its phrases joins two words across "and" or "or".
  std::vector<std::vector<bool>> conjoins;
  for (size_t i = 1; i < content.size(); ++i) {
    if (!MakesPhrase(content, i) || !content[i].named) continue;
    // Neighbouring named phrases make one name ("Early Career Framework").
    if (any_named && last_named == i - 1) {
      names->back().push_back(i);
      conjoins.back().push_back(content[i].conjoined);
    } else {
      names->push_back({i});
      name_starts->push_back(i - 1);
      conjoins.push_back({content[i].conjoined});
    }
    any_named = true;
    last_named = i;
  }
  // A name joined by "and" or "or" may be two names ("the Children's Social
  // Care National Framework and Dashboard", "Staying Put and Staying Close")
  // or one ("the Department of Health and Social Care"): each side of three
  // words or more is a name as well, so that a paper writing the National
  // Framework alone names it whole. (A side of two words, "Practice Guides",
  // is too common a phrase to stand as a name alone.)
  const size_t whole_names = names->size();
  for (size_t n = 0; n < whole_names; ++n) {
    if (std::none_of(conjoins[n].begin(), conjoins[n].end(), [](bool b) { return b; })) continue;
    size_t first = 0;
    for (size_t k = 0; k <= conjoins[n].size(); ++k) {
      if (k < conjoins[n].size() && !conjoins[n][k]) continue;
      if (k >= first + 2) {
        names->emplace_back((*names)[n].begin() + static_cast<long>(first),
                            (*names)[n].begin() + static_cast<long>(k));
        name_starts->push_back((*name_starts)[n] + first);
      }
      first = k + 1;
    }
  }
}

void FindNames(const std::vector<Content>& content, std::vector<std::vector<std::string>>* names,
               std::vector<size_t>* name_starts) {
  std::vector<std::vector<size_t>> places;
  FindNamePlaces(content, &places, name_starts);
  names->reserve(places.size());
  for (const std::vector<size_t>& name : places) {
    std::vector<std::string>& keys = names->emplace_back();
    keys.reserve(name.size());
    for (size_t i : name) keys.push_back(content[i - 1].stem + " " + content[i].stem);
  }
}

}  // namespace

TermSet Terms(std::string_view text) { return FindTerms(text, true); }

TermSet TermKeys(std::string_view text) { return FindTerms(text, false); }

TermKeyList TermKeyLists(std::string_view text) {
  TermKeyList out;
  const std::vector<Content> content = ContentWords(text);
  out.words.reserve(content.size());
  for (const Content& c : content) out.words.push_back(c.stem);
  for (size_t i = 1; i < content.size(); ++i) {
    if (!MakesPhrase(content, i)) continue;
    out.phrases.push_back(content[i - 1].stem + " " + content[i].stem);
    if (content[i].named) out.named.push_back(out.phrases.back());
  }
  for (auto* list : {&out.words, &out.phrases, &out.named}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  return out;
}

namespace {

void PutVarint(std::string* out, size_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

// Reads a varint at *pos; false when the blob ends first or it is too long.
bool GetVarint(std::string_view in, size_t* pos, size_t* v) {
  *v = 0;
  for (int shift = 0; shift < 35; shift += 7) {
    if (*pos >= in.size()) return false;
    const auto byte = static_cast<unsigned char>(in[(*pos)++]);
    *v |= static_cast<size_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

}  // namespace

std::string EncodeTerms(std::string_view text) {
  const std::vector<Content> content = ContentWords(text);
  // The words, sorted, each written after the prefix it shares with the one
  // before (stems in byte order share much: "commiss", "commit", "committe").
  std::vector<std::string_view> words;
  words.reserve(content.size());
  for (const Content& c : content) words.push_back(c.stem);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  // Each content word's place among the words.
  std::vector<uint32_t> place(content.size());
  for (size_t i = 0; i < content.size(); ++i) {
    place[i] = static_cast<uint32_t>(std::lower_bound(words.begin(), words.end(), content[i].stem) - words.begin());
  }
  // A phrase is two of the words: it is written as their two places. The
  // phrases' keys ("stem1 stem2") sort as the pairs of places do: a stem has
  // no byte at or below the space (SplitWords), so of two stems the one
  // that is a prefix of the other sorts first with the space after it too.
  struct Phrase {
    uint32_t first, second;
    bool named;
  };
  std::vector<Phrase> phrases;
  phrases.reserve(content.size());
  for (size_t i = 1; i < content.size(); ++i) {
    if (!MakesPhrase(content, i)) continue;
    phrases.push_back({place[i - 1], place[i], content[i].named});
  }
  auto less = [](const Phrase& a, const Phrase& b) {
    return a.first != b.first ? a.first < b.first : a.second < b.second;
  };
  std::sort(phrases.begin(), phrases.end(), less);
  // One entry per key; named when any of its occurrences is.
  std::vector<Phrase> unique;
  unique.reserve(phrases.size());
  for (const Phrase& p : phrases) {
    if (!unique.empty() && unique.back().first == p.first && unique.back().second == p.second) {
      unique.back().named = unique.back().named || p.named;
    } else {
      unique.push_back(p);
    }
  }
  auto phrase_at = [&](size_t i) {
    const Phrase key{place[i - 1], place[i], false};
    return static_cast<size_t>(std::lower_bound(unique.begin(), unique.end(), key, less) - unique.begin());
  };
  std::vector<std::vector<size_t>> names;
  std::vector<size_t> name_starts;
  FindNamePlaces(content, &names, &name_starts);

  std::string out;
  PutVarint(&out, kTermsVersion);
  PutVarint(&out, words.size());
  std::string_view previous;
  for (std::string_view w : words) {
    size_t shared = 0;
    while (shared < w.size() && shared < previous.size() && w[shared] == previous[shared]) ++shared;
    PutVarint(&out, shared);
    PutVarint(&out, w.size() - shared);
    out.append(w.substr(shared));
    previous = w;
  }
  PutVarint(&out, unique.size());
  for (const Phrase& p : unique) {
    PutVarint(&out, p.first);
    PutVarint(&out, p.second);
  }
  size_t named = 0;
  for (const Phrase& p : unique) named += p.named;
  PutVarint(&out, named);
  for (size_t i = 0; i < unique.size(); ++i) {
    if (unique[i].named) PutVarint(&out, i);
  }
  PutVarint(&out, names.size());
  for (size_t n = 0; n < names.size(); ++n) {
    PutVarint(&out, name_starts[n]);
    PutVarint(&out, names[n].size());
    for (size_t i : names[n]) PutVarint(&out, phrase_at(i));
  }
  return out;
}

bool DecodeTerms(std::string_view blob, TermKeyList* keys, std::vector<std::vector<std::string>>* names,
                 std::vector<size_t>* name_starts) {
  *keys = TermKeyList();
  if (names != nullptr) names->clear();
  if (name_starts != nullptr) name_starts->clear();
  size_t pos = 0, v = 0, n = 0;
  if (!GetVarint(blob, &pos, &v) || v != static_cast<size_t>(kTermsVersion)) return false;
  // Every count is bounded by the blob's length, so a damaged blob cannot
  // make a huge allocation.
  if (!GetVarint(blob, &pos, &n) || n > blob.size()) return false;
  keys->words.resize(n);
  for (size_t i = 0; i < n; ++i) {
    size_t shared = 0, rest = 0;
    if (!GetVarint(blob, &pos, &shared) || !GetVarint(blob, &pos, &rest)) return false;
    if (rest > blob.size() - pos || (i == 0 ? shared != 0 : shared > keys->words[i - 1].size())) return false;
    std::string& w = keys->words[i];
    w.reserve(shared + rest);
    if (i > 0) w.assign(keys->words[i - 1], 0, shared);
    w.append(blob.substr(pos, rest));
    pos += rest;
  }
  if (!GetVarint(blob, &pos, &n) || n > blob.size()) return false;
  keys->phrases.resize(n);
  for (std::string& p : keys->phrases) {
    size_t a = 0, b = 0;
    if (!GetVarint(blob, &pos, &a) || !GetVarint(blob, &pos, &b)) return false;
    if (a >= keys->words.size() || b >= keys->words.size()) return false;
    p.reserve(keys->words[a].size() + 1 + keys->words[b].size());
    p.append(keys->words[a]).append(" ").append(keys->words[b]);
  }
  if (!GetVarint(blob, &pos, &n) || n > keys->phrases.size()) return false;
  keys->named.resize(n);
  for (std::string& p : keys->named) {
    if (!GetVarint(blob, &pos, &v) || v >= keys->phrases.size()) return false;
    p = keys->phrases[v];
  }
  if (!GetVarint(blob, &pos, &n) || n > blob.size()) return false;
  for (size_t k = 0; k < n; ++k) {
    size_t start = 0, count = 0;
    if (!GetVarint(blob, &pos, &start) || !GetVarint(blob, &pos, &count) || count > blob.size()) {
      return false;
    }
    std::vector<std::string> name(count);
    for (std::string& key : name) {
      if (!GetVarint(blob, &pos, &v) || v >= keys->phrases.size()) return false;
      key = keys->phrases[v];
    }
    if (names != nullptr) names->push_back(std::move(name));
    if (name_starts != nullptr) name_starts->push_back(start);
  }
  return pos == blob.size();
}

void TermStats::Add(const TermSet& terms) {
  ++passages_;
  for (const std::string& w : terms.words) ++df_[w];
  for (const std::string& p : terms.phrases) ++df_[p];
}

int TermStats::Df(const std::string& key) const {
  auto it = df_.find(key);
  return it == df_.end() ? 0 : it->second;
}

double TermStats::Idf(const std::string& key) const {
  auto it = df_.find(key);
  double df = it == df_.end() ? 1.0 : it->second;
  double idf = std::log((passages_ + 1.0) / (df + 0.5));
  return idf > 0 ? idf : 0.0;
}

}  // namespace xref
