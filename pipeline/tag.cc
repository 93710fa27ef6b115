// The tagger. One combined RE2 pattern (every form of money, percentage,
// date and count, each in its own capturing group) is run over the text once,
// left to right, leftmost-longest; the group that matched says which form was
// found and a small form-specific pattern then reads the value out of that
// span alone. Commitments are found per sentence (ICU), and only in passages
// where a modal keyword occurs at all, so the common case stays one DFA scan.
#include "pipeline/tag.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include <nlohmann/json.hpp>
#include <re2/re2.h>
#include <re2/set.h>

#include "pipeline/number_words.h"
#include "pipeline/segment.h"
#include "pipeline/tag_calendar.h"

namespace xref {

// TagKindName, StanceName and TagToJson are in analysis_values.cc.

namespace {

using re2::StringPiece;

// ---------------------------------------------------------------------------
// Pattern fragments. None has capturing groups: the combined pattern numbers
// its groups by form.

const char kNum[] = R"((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)";
// A number that cannot be read as a year 1800-2099 (those are dates unless
// context says otherwise, which the year handler decides).
const char kNonYearNum[] =
    R"((?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:\d{1,3}|\d{5,}|0\d{3}|1[0-7]\d\d|2[1-9]\d\d|[3-9]\d{3})(?:\.\d+)?|(?:1[89]|20)\d\d\.\d+))";
const char kYear[] = R"((?:1[89]|20)\d\d)";
const char kCurrency[] = R"((?:US\$|£|\$|€|(?:GBP|USD|EUR)\s?))";
const char kScaleSuffix[] =
    R"((?:\s?(?i:bn|mn|m|k|tn)\b|\s?(?i:thousand|million|billion|trillion)\b))";
const char kScaleWord[] = R"((?i:thousand|million|billion|trillion))";
const char kPer[] =
    R"((?:\s(?i:per|a|an|each|every)\s(?i:year|annum|week|month|day|hour|fortnight)\b|\s(?i:annually|yearly|weekly|monthly|daily|hourly)\b))";
const char kMonthFull[] =
    "(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    "JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)";
const char kMonthAny[] =
    "(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    "JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
const char kMonthShort[] = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)";
const char kWeekday[] = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const char kSeason[] = "(?:[Ss]pring|[Ss]ummer|[Aa]utumn|Fall|[Ww]inter|SPRING|SUMMER|AUTUMN|WINTER)";
const char kDayNum[] = R"((?:[0-2]?\d|3[01])(?:st|nd|rd|th)?)";
// Phrases that turn a date into a bound ("by 2027", "from August 2023"). RE2
// takes the first alternative that matches, so a phrase comes before any
// phrase it begins with ("no later than the end of" before "no later than").
constexpr std::string_view kBoundPhrases[] = {
    "by the end of", "by the close of", "before the end of", "before the close of", "until the end of",
    "no later than the end of", "no later than", "not later than", "on or before", "by end of", "by end", "by",
    "before",
    "until", "till", "up to", "up until", "from the start of", "from the beginning of", "from",
    "starting in", "starting from", "starting", "beginning in", "commencing", "since", "as of",
    "as from", "with effect from", "effective from", "after", "between"};

// kBoundPhrases as one case-insensitive RE2 alternation, words joined by \s.
const std::string& BoundPattern() {
  static const std::string* pattern = [] {
    auto* out = new std::string("(?i:");
    for (std::string_view phrase : kBoundPhrases) {
      if (out->size() > 4) out->push_back('|');
      for (char c : phrase) {
        if (c == ' ') {
          out->append("\\s");
        } else {
          out->push_back(c);
        }
      }
    }
    out->push_back(')');
    return out;
  }();
  return *pattern;
}

// The first word of every bound phrase, sorted: a date span that starts
// with none of them has no bound, and skips the bound pattern.
const std::vector<std::string_view>& BoundFirstWords() {
  static const std::vector<std::string_view>* words = [] {
    auto* out = new std::vector<std::string_view>;
    for (std::string_view phrase : kBoundPhrases) out->push_back(phrase.substr(0, phrase.find(' ')));
    std::sort(out->begin(), out->end());
    out->erase(std::unique(out->begin(), out->end()), out->end());
    return out;
  }();
  return *words;
}
const char kQualifier[] =
    R"((?i:up\sto|at\sleast|more\sthan|over|fewer\sthan|less\sthan|almost|nearly|around|about|)"
    R"(approximately|roughly|some|an\sestimated|a\stotal\sof|a\sfurther|an\sadditional))";
const char kDurationUnit[] = R"((?i:days?|weeks?|months?|years?|decades?))";

// Words at least one of which every date form holds, besides digits and
// number words (the trigger scan's vocabulary).
const char kTriggerWords[] =
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|spring|summer|autumn|fall|winter|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|"
    "days?|weeks?|months?|quarters?|years?|decades?|century|ago|now|currently|present|presently|"
    "moment|nowadays|recently|recent|past|future|coming|parliament|parliamentary|spending|election";

// True when `lower` is one of the sorted `words`.
// (string_view elements, so that no comparison measures a C string.)
// Most probes differ from the word at hand in the first letter, which is
// compared inline before any memcmp.
inline bool WordLess(std::string_view a, std::string_view b) {
  if (!a.empty() && !b.empty() && a[0] != b[0]) return a[0] < b[0];
  return a < b;
}
template <size_t N>
constexpr bool SortedWords(const std::string_view (&words)[N]) {
  for (size_t i = 1; i < N; ++i) {
    if (!(words[i - 1] < words[i])) return false;
  }
  return true;
}
// Each word list below is checked at compile time: binary search in an
// unsorted list would miss words without a sound.
template <size_t N>
bool InSorted(const std::string_view (&words)[N], std::string_view lower) {
  return std::binary_search(std::begin(words), std::end(words), lower, WordLess);
}

// Words that may stand between the start of a match and its trigger:
// bound words, qualifiers, "the first half of", "by the end of this".
bool IsConnectorWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "1st", "2nd", "a", "about", "academic", "additional", "after", "almost", "an", "and",
      "approximately", "around", "as", "at", "before", "beginning", "between", "by", "calendar",
      "close", "coming", "commencing", "comprehensive", "current", "during", "earlier", "early",
      "effect", "effective", "end", "estimated", "extra", "fewer", "final", "financial", "first",
      "following", "fourth", "from", "further", "general", "half", "in", "last", "late", "later",
      "least", "less", "life", "lifetime", "mid", "more", "nearly", "new", "next", "no", "not", "of", "on",
      "or", "over", "parliamentary", "past", "previous", "quarter", "remainder", "rest", "roughly",
      "second", "since", "some", "start", "starting", "than", "the", "third", "this", "through",
      "till", "to", "total", "until", "up", "with", "within", "year",
  };
  static_assert(SortedWords(kWords), "keep the list sorted");
  if (word.empty() || word.size() > 14) return false;
  char lower[16];
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::string_view w(lower, word.size());
  return InSorted(kWords, w);
}

enum class Form {
  kMoneySymbol,
  kMoneyWords,
  kPercent,
  kDateSpan,
  kDateDay,
  kDateMonthYear,
  kDateSeasonYear,
  kDatePart,
  kDateFinancialYear,
  kDateYear,
  kDateDecade,
  kDateCentury,
  kDateWeek,
  kDateMonthNoYear,
  kDateDayNoYear,
  kDateSeasonNoYear,
  kDateRelative,
  kDateWeekday,
  kDateNamed,
  kDateReference,
  kCount,
};

struct FormPattern {
  Form form;
  std::string pattern;
};

std::string Cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) out.append(p.data(), p.size());
  return out;
}

// The one-day forms, shared by the day atom and spans.
std::string DayAtom() {
  return Cat({"(?:", kWeekday, ",?\\s)?(?:", kDayNum, "\\s(?:of\\s)?", kMonthAny, "\\.?,?\\s", kYear,
              "|", kMonthAny, "\\.?\\s", kDayNum, ",?\\s", kYear, "|(?:[0-2]?\\d|3[01])/(?:0?\\d|1[0-2])/(?:",
              kYear, "|\\d\\d)|(?:[0-2]?\\d|3[01])\\.(?:0?\\d|1[0-2])\\.", kYear, "|", kYear, "-(?:0\\d|1[0-2])-(?:[0-2]\\d|3[01]))\\b"});
}
// "March 2026", and as tables and headlines shorten it: "Mar-26", "March '26".
std::string MonthYearAtom() {
  return Cat({"(?:", kMonthAny, "\\.?,?\\s(?:of\\s)?", kYear, "|", kMonthShort, "(?:-|–)\\d\\d|", kMonthAny,
              "\\s(?:'|’)\\d\\d)\\b"});
}
std::string SeasonYearAtom() { return Cat({kSeason, "(?:\\sof)?\\s", kYear, "(?:/\\d\\d)?\\b"}); }

std::vector<FormPattern> BuildForms(const NumberWords& words) {
  const std::string wnum = Cat({"\\b", words.CardinalPattern(), "\\b"});
  const std::string num_or_words = Cat({"(?:\\b", kNum, "|", wnum, ")"});
  // A financial year written with a slash ends a span too: "2026/27 to 2028/29".
  const std::string atom = Cat({"(?:", DayAtom(), "|", MonthYearAtom(), "|", SeasonYearAtom(), "|\\b", kYear,
                                "/\\d\\d\\b|\\b", kYear, "\\b)"});
  std::vector<FormPattern> forms;
  forms.push_back({Form::kMoneySymbol,
                   Cat({kCurrency, "\\s?", kNum, kScaleSuffix, "?", kPer, "?"})});
  forms.push_back({Form::kMoneyWords,
                   Cat({num_or_words, "(?:\\s?", kScaleWord, ")?\\s(?i:pounds?|dollars?|euros?|pence)\\b",
                        kPer, "?"})});
  forms.push_back({Form::kPercent,
                   Cat({num_or_words,
                        R"((?:\s?%|\s?(?i:per\s?cent)\b|\s(?i:percent)\b|\s(?i:percentage\spoints?)\b))",
                        R"((?:\s?(?i:points?)\b)?)"})});
  // Dates may carry a bound word in front; the handler strips and reads it.
  // "by end-March 2026" joins its bound with a hyphen.
  const std::string bound = Cat({"(?:\\b", BoundPattern(), "(?:\\s|-))?"});
  // Days of one month share its name and year: "between 3 and 14 June
  // 2024", "3-14 June 2024".
  const std::string day_span = Cat({"\\b", kDayNum, "\\s?(?:-|–|—|\\s(?i:to|and|until)\\s)\\s?", kDayNum, "\\s",
                                    kMonthAny, "\\.?,?\\s", kYear, "\\b"});
  forms.push_back({Form::kDateSpan,
                   Cat({bound, "(?:(?i:between)\\s", atom, "\\sand\\s", atom, "|(?i:from)\\s", atom,
                        "\\s(?i:to|until|till|through)\\s", atom, "|", atom,
                        "\\s?(?:-|–|—|(?i:to))\\s?", atom, "|(?:(?i:between|from)\\s)?", day_span, ")"})});
  forms.push_back({Form::kDateDay, Cat({bound, "\\b", DayAtom()})});
  forms.push_back({Form::kDateMonthYear, Cat({bound, "\\b", MonthYearAtom()})});
  forms.push_back({Form::kDateSeasonYear, Cat({bound, "\\b", SeasonYearAtom()})});
  forms.push_back(
      {Form::kDatePart,
       Cat({bound, "(?:\\b(?i:early|mid|late)(?:\\s|-)", kYear,
            "|(?:\\b(?i:the)\\s)?\\b(?i:first|second|1st|2nd)\\shalf\\sof\\s(?:the\\s)?(?:(?i:year)\\s)?",
            kYear, "|\\bH[12]\\s(?:of\\s)?", kYear,
            // "Q3 2025/26", "Quarter 3 2024-25": a quarter of a financial year.
            "|\\b(?:Q|(?i:quarter)\\s)[1-4]\\s(?:of\\s)?", kYear, "(?:\\s?(?:/|-|–)\\s?\\d\\d)?",
            "|(?:\\b(?i:the)\\s)?\\b(?i:first|second|third|fourth|final|last)\\squarter\\sof\\s(?:the\\s)?(?:(?i:year)\\s)?",
            kYear, ")\\b"})});
  // "FY2019-20", "FY 2024/25": a financial year named as one.
  forms.push_back({Form::kDateFinancialYear,
                   Cat({bound, "(?:(?:\\b(?i:FY)\\s?|\\b)", kYear, "\\s?(?:/|-|–|—)\\s?(?:\\d\\d|", kYear,
                        ")|\\b(?i:FY)\\s?\\d\\d\\s?(?:/|-|–)\\s?\\d\\d)\\b"})});
  forms.push_back({Form::kDateYear, Cat({bound, "\\b", kYear, "\\b"})});
  forms.push_back({Form::kDateDecade, Cat({bound, "(?:\\b(?i:the)\\s)?\\b(?:1[89]|20)\\d0s\\b"})});
  forms.push_back({Form::kDateCentury,
                   Cat({"\\b(?i:the)\\s(?:\\d{1,2}(?:st|nd|rd|th)|\\b", words.OrdinalPattern(),
                        ")(?:\\s|-)(?i:century)\\b"})});
  // "week 12" alone is an ISO week of the document's year, read in AddDate.
  forms.push_back({Form::kDateWeek, Cat({bound, "(?:\\b(?i:week)\\s(?:[1-9]|[1-4]\\d|5[0-3])(?:\\sof|,)?\\s",
                                         kYear, "|\\b", kYear, "-?W(?:0[1-9]|[1-4]\\d|5[0-3])|\\b(?i:week)\\s",
                                         "(?:[1-9]|[1-4]\\d|5[0-3]))\\b"})});
  forms.push_back(
      {Form::kDateMonthNoYear,
       Cat({"\\b(?:", BoundPattern(), "|(?i:in|during|last|next|this|early|late|the\\send\\sof|end\\sof|the\\sstart\\sof|",
            "the\\sbeginning\\sof)|", BoundPattern(), "\\s(?i:next|last|this))\\s(?:(?i:early|late)\\s|(?i:mid)-)?", kMonthFull,
            "(?:\\s(?i:next|last|this)\\s(?i:year))?\\b"})});
  // "Sunday 12 January": the weekday says which year.
  forms.push_back({Form::kDateDayNoYear,
                   Cat({bound, "\\b(?:", kWeekday, ",?\\s)?(?:", kDayNum, "\\s(?:of\\s)?", kMonthFull, "|", kMonthFull, "\\s",
                        kDayNum, ")\\b"})});
  forms.push_back(
      {Form::kDateSeasonNoYear,
       Cat({"\\b(?:", BoundPattern(), "|(?i:in|during|last|next|this|the|early|late)|", BoundPattern(),
            "\\s(?i:next|last|this))\\s(?:(?i:the)\\s)?(?:(?i:early|late)\\s)?(?i:spring|summer|autumn|winter)",
            "(?:\\s(?i:next|last|this)\\s(?i:year))?\\b"})});
  forms.push_back(
      {Form::kDateRelative,
       Cat({bound, "(?i:\\b(?:today|yesterday|tomorrow)\\b",
            "|\\b(?:last|this|next|the\\s(?:current|coming|previous|past|following|next|last))\\s",
            "(?:calendar\\s|financial\\s|academic\\s)?(?:week|month|quarter|year|decade|spring|summer|autumn|winter)\\b",
            "|\\b(?:later|earlier)\\s(?:this|in\\sthe)\\s(?:year|month)\\b",
            // "by the end of the month": the current one.
            "|\\b(?:the\\s)?(?:end|close|start|beginning)\\sof\\sthe\\s(?:week|month|quarter|year|decade|(?:financial|academic)\\syear)\\b",
            "|\\bthe\\snew\\syear\\b",
            "|(?:\\b(?:over|during|within|in)\\s)?\\bthe\\s(?:next|coming|last|past|previous|following)\\s",
            "(?:", kNum, "|", words.CardinalPattern(), "|few|several)\\s", kDurationUnit, "\\b",
            "|(?:\\b", kNum, "|\\b", words.CardinalPattern(), "|\\ba)\\s", kDurationUnit, "\\sago\\b",
            "|\\bin\\s(?:", kNum, "|", words.CardinalPattern(), "|a)\\s", kDurationUnit, "(?:'|’)?\\s?time\\b",
            // "report back in six months": a point ahead, read only where the
            // sentence speaks of the future (ParseRelative).
            "|\\bin\\s(?:", kNum, "|", words.CardinalPattern(), ")\\s", kDurationUnit, "\\b",
            "|\\bwithin\\s(?:", kNum, "|", words.CardinalPattern(), "|a)\\s", kDurationUnit, "\\b)"})});
  forms.push_back({Form::kDateWeekday,
                   Cat({bound, "(?:\\b(?i:on|last|next|this)\\s)?\\b", kWeekday, "\\b"})});
  forms.push_back(
      {Form::kDateNamed,
       Cat({bound, "(?:\\b(?i:the\\s)?(?i:end|start|beginning|rest|remainder|lifetime|life)\\sof\\s)?",
            "\\b(?:this|the\\s(?:current|next|last|previous|coming))\\s(?:Parliament|parliament|",
            "(?:Comprehensive\\s)?Spending\\sReview(?:\\speriod)?|spending\\sreview(?:\\speriod)?|",
            "[Gg]eneral\\s[Ee]lection|Parliamentary\\sterm|parliamentary\\sterm)\\b"})});
  forms.push_back(
      {Form::kDateReference,
       "\\b(?i:now|currently|at\\spresent|presently|at\\sthe\\smoment|nowadays|recently|"
       "in\\srecent\\s(?:years|months)|in\\sthe\\spast|in\\s(?:the\\s)?future|in\\sthe\\scoming\\syears)\\b"});
  forms.push_back({Form::kCount,
                   Cat({"(?:\\b", kQualifier, "\\s(?:(?i:an?)\\s(?i:additional|further|extra)\\s)?)?(?:\\b",
                        kNonYearNum, "(?:\\s", kScaleWord, "|(?i:k|m|bn))?|", wnum, ")\\b"})});
  return forms;
}

// ---------------------------------------------------------------------------
// Small text helpers (ASCII-level: every cue word we look at is ASCII).

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsWordByte(char c) {
  return IsAsciiAlpha(c) || IsDigit(c) || static_cast<unsigned char>(c) >= 0x80;
}
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == ',')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '.' || s.back() == ',' || s.back() == ';' ||
                        s.back() == ':'))
    s.remove_suffix(1);
  return s;
}

// The word (letters, digits, hyphens, apostrophes) that ends just before
// `pos`, skipping spaces; empty if punctuation comes first.
std::string_view WordBefore(std::string_view text, size_t pos) {
  size_t end = pos;
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t start = end;
  while (start > 0 && (IsWordByte(text[start - 1]) || text[start - 1] == '-' || text[start - 1] == '.')) --start;
  while (start < end && text[start] == '.') ++start;
  return text.substr(start, end - start);
}

bool StartsSentence(std::string_view text, size_t pos) {
  size_t i = pos;
  while (i > 0 && text[i - 1] == ' ') --i;
  if (i == 0) return true;
  char c = text[i - 1];
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '\n';
}

// Words that may stand capitalised before a number without making it an
// identifier: "The 12 areas", "Over 500 staff".
bool IsFunctionWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "a", "about", "above", "across", "additional", "after", "all", "almost", "also", "although",
      "an", "and", "another", "approximately", "are", "around", "as", "at", "before", "below",
      "between", "but", "by", "during", "each", "estimated", "every", "extra", "fewer", "for", "from",
      "further", "here", "if", "in", "is", "its", "just", "least", "less", "more", "nearly", "new",
      "nor", "of", "on", "only", "or", "our", "over", "per", "roughly", "since", "so", "some", "than",
      "that", "the", "their", "then", "there", "these", "they", "this", "those", "to", "total",
      "under", "until", "up", "via", "was", "we", "were", "what", "when", "where", "which", "while",
      "whilst", "who", "with", "within", "yet"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

// Words that make the following number an identifier, an age or a page:
// "page 104", "aged 25", "paragraph 12", "round 3" of a fund.
bool IsIdentifierWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "action", "age", "aged", "ages", "annex", "appendix", "article", "band", "box", "box.", "cfr",
      "chapter", "clause", "cohort", "covid", "covid-", "ext", "fig", "figure", "floor", "gen",
      "goal", "grade", "issue", "item", "key", "level", "line", "measure", "mission", "no",
      "number", "objective", "option", "outcome", "p", "page", "pages", "para", "paragraph",
      "paragraphs", "paras", "part", "phase", "phone", "pillar", "point", "pp", "principle",
      "priority", "proposal", "question", "recommendation", "ref", "reference", "regulation",
      "room", "round", "route", "rule", "schedule", "section", "sections", "stage", "standard",
      "step", "table", "tel", "telephone", "theme", "tier", "tranche", "usc", "version", "vol",
      "volume", "ward", "wave", "year"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

bool IsPluralNoun(std::string_view lower) {
  static const char* const kIrregular[] = {"people", "children", "staff", "men", "women", "police",
                                           "personnel", "cattle", "young", "adults", "feet", "teeth",
                                           "mice", "geese", "data", "criteria", "media"};
  for (const char* w : kIrregular) {
    if (lower == w) return w != std::string_view("young");
  }
  static const char* const kNotPlural[] = {"this", "its", "has", "was", "his", "as", "does", "is",
                                           "thus", "plus", "towards", "across", "always", "perhaps",
                                           "whereas", "besides", "news", "series", "means", "less",
                                           "unless", "afterwards", "sometimes", "overseas", "yes"};
  for (const char* w : kNotPlural) {
    if (lower == w) return false;
  }
  if (lower.size() < 3 || lower.back() != 's') return false;
  std::string_view tail2 = lower.substr(lower.size() - 2);
  if (tail2 == "ss" || tail2 == "us" || tail2 == "is") return false;
  return true;
}

// Words that end the search for a counted noun.
bool IsCountStopWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "a", "also", "am", "an", "are", "as", "at", "be", "been", "between", "but", "by", "can", "cent",
      "could", "did", "do", "does", "each", "every", "for", "from", "had", "has", "have", "hrs", "if",
      "in", "into", "is", "it", "its", "may", "not", "o'clock", "of", "on", "our", "per", "percent",
      "pm", "should", "so", "than", "that", "the", "their", "these", "they", "those", "times", "to",
      "under", "was", "we", "were", "when", "where", "which", "while", "who", "will", "with", "within",
      "would"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

// Units of measure: "three miles" is a distance, not a count of things.
bool IsMeasureUnit(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "acres", "cents", "degrees", "dollars", "euros", "feet", "fold", "foot", "gallons", "grams",
      "hectares", "inches", "kg", "kilograms", "kilometers", "kilometres", "km", "kph", "liters",
      "litres", "meters", "metres", "mile", "miles", "minutes", "mph", "pence", "points", "pounds",
      "seconds", "times", "tonnes", "tons", "yards"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

// Nouns a year qualifies rather than counts: "against 1990 levels", "the
// 2024 figures", "in 2019 prices" measure something as it was in a year.
bool IsYearQualifiedNoun(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"baseline", "baselines", "estimates", "figures", "levels",
                                                "prices",   "projections", "rates", "results", "statistics",
                                                "terms",    "values"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

bool IsCalendarUnit(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "centuries", "century", "day", "days", "decade", "decades", "fortnight", "fortnights", "month",
      "months", "quarter", "quarters", "term", "terms", "week", "weekend", "weekends", "weeks", "year",
      "years"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

// Parses "3,500", "1.6", "forty-five", "1.2 million", "45 m" into a number.
std::optional<double> ParseNumber(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  if (IsDigit(text[0])) {
    std::string digits;
    size_t i = 0;
    for (; i < text.size() && (IsDigit(text[i]) || text[i] == ',' || text[i] == '.'); ++i) {
      if (text[i] != ',') digits += text[i];
    }
    double value = std::strtod(digits.c_str(), nullptr);
    std::string rest = Lower(Trim(text.substr(i)));
    if (rest.empty()) return value;
    if (rest == "k" || rest == "thousand") return value * 1e3;
    if (rest == "m" || rest == "mn" || rest == "million") return value * 1e6;
    if (rest == "bn" || rest == "b" || rest == "billion") return value * 1e9;
    if (rest == "tn" || rest == "trillion") return value * 1e12;
    return std::nullopt;
  }
  return NumberWords::English().Parse(text);
}

int MonthNumber(std::string_view name) {
  static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string lower = Lower(name.substr(0, 3));
  for (int i = 0; i < 12; ++i) {
    if (lower == kMonths[i]) return i + 1;
  }
  return 0;
}

int WeekdayNumber(std::string_view name) {
  static const char* const kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  std::string lower = Lower(name.substr(0, 3));
  for (int i = 0; i < 7; ++i) {
    if (lower == kDays[i]) return i;
  }
  return -1;
}

// 0 spring, 1 summer, 2 autumn, 3 winter.
int SeasonNumber(std::string_view name) {
  std::string lower = Lower(name);
  if (lower == "spring") return 0;
  if (lower == "summer") return 1;
  if (lower == "autumn" || lower == "fall") return 2;
  return 3;
}

DateValue Interval(const CivilDate& start, const CivilDate& end, std::string precision,
                   std::string timex) {
  DateValue v;
  v.start = FormatIso(start);
  v.end = FormatIso(end);
  v.precision = std::move(precision);
  v.timex = std::move(timex);
  return v;
}

DateValue DayValue(const CivilDate& d) { return Interval(d, d, "day", FormatIso(d)); }

DateValue MonthValue(int year, int month) {
  DateValue v = Interval({year, month, 1}, {year, month, DaysInMonth(year, month)}, "month", "");
  v.timex = v.start.substr(0, 7);  // "2023-05"
  return v;
}

DateValue YearValue(int year) {
  return Interval({year, 1, 1}, {year, 12, 31}, "year", std::to_string(year));
}

DateValue SeasonValue(int year, int season) {
  static const char* const kCodes[] = {"SP", "SU", "FA", "WI"};
  const std::string timex = std::to_string(year) + "-" + kCodes[season];
  if (season == 3) {
    return Interval({year, 12, 1}, {year + 1, 2, DaysInMonth(year + 1, 2)}, "season", timex);
  }
  int first = 3 + season * 3;
  return Interval({year, first, 1}, {year, first + 2, DaysInMonth(year, first + 2)}, "season", timex);
}

DateValue QuarterValue(int year, int quarter) {
  int first = (quarter - 1) * 3 + 1;
  return Interval({year, first, 1}, {year, first + 2, DaysInMonth(year, first + 2)}, "quarter",
                  std::to_string(year) + "-Q" + std::to_string(quarter));
}

DateValue HalfValue(int year, int half) {
  return half == 1 ? Interval({year, 1, 1}, {year, 6, 30}, "half", std::to_string(year) + "-H1")
                   : Interval({year, 7, 1}, {year, 12, 31}, "half", std::to_string(year) + "-H2");
}

DateValue WeekValue(int year, int week) {
  CivilDate monday = MondayOfIsoWeek(year, week);
  char timex[16];
  std::snprintf(timex, sizeof timex, "%04d-W%02d", year, week);
  return Interval(monday, AddDays(monday, 6), "period", timex);
}

DateValue FinancialYearValue(int year) {
  DateValue v = Interval({year, 4, 1}, {year + 1, 3, 31}, "financial_year", "");
  return v;
}

// The UK season a day falls in, as (season, year-of-season).
std::pair<int, int> SeasonOf(const CivilDate& d) {
  if (d.month == 12) return {3, d.year};
  if (d.month <= 2) return {3, d.year - 1};
  return {(d.month - 3) / 3, d.year};
}

enum class Tense { kPast, kPresent, kFuture };

}  // namespace

// ---------------------------------------------------------------------------

struct Tagger::Impl {
  Impl();

  const NumberWords& words = NumberWords::English();
  std::vector<Form> group_forms;  // group index - 1 -> form
  // The scan: `trigger` finds the cheap anchors every form contains (a digit,
  // a currency sign, a month, a number word, a time word); `master`, the
  // alternation of all forms, is then tried anchored at the trigger and at
  // the few connector words before it ("by the end of", "up to an additional");
  // `forms` (an RE2::Set over the same patterns) says which form the matched
  // span is, in one pass over that span.
  std::unique_ptr<RE2> trigger;
  std::unique_ptr<RE2> master;
  std::unique_ptr<RE2::Set> form_set;

  // Value readers, each run on one matched span only.
  std::unique_ptr<RE2> bound_prefix;
  std::unique_ptr<RE2> day_dmy, day_mdy, day_slash, day_slash_short, day_iso, month_year, month_short_year,
      season_year, fy_short, coordinated_year;
  std::unique_ptr<RE2> part_eml, part_half, part_h, part_q, part_quarter, fy, year, decade, century;
  std::unique_ptr<RE2> week_of, week_iso, span_split, day_span_split;
  std::unique_ptr<RE2> rel_day, rel_unit, rel_end_of, week_alone, rel_later, rel_next_n, rel_ago, rel_in_time, rel_within;
  std::unique_ptr<RE2> weekday, month_no_year, day_no_year, season_no_year;
  std::unique_ptr<RE2> money_range_tail;
  std::unique_ptr<RE2> scale_fraction;
  std::unique_ptr<RE2> resolution_that, proposal_that, action_point, participle_word;
  std::unique_ptr<RE2> qualifier;
  std::unique_ptr<RE2> future_cue, past_cue;

  // Commitments.
  std::unique_ptr<RE2> modal_hint, modal, reported_would, funding_verb, planned_sum, opinion_start, passive_participle, perfect_participle, agent,
      consult_cue, explore_cue;

  struct Context {
    std::string_view text;
    const TagOptions* options;
    std::optional<CivilDate> doc_date;
    std::vector<Tag>* out;
  };

  size_t HandleMatch(Form form, size_t start, size_t end, Context& ctx) const;
  void AddMoney(size_t start, size_t end, Form form, Context& ctx, size_t* resume) const;
  void AddPercent(size_t start, size_t end, Context& ctx) const;
  bool AddCount(size_t start, size_t end, Context& ctx, size_t max_tokens) const;
  size_t AddDate(Form form, size_t start, size_t end, Context& ctx) const;
  std::optional<DateValue> ParseAtom(std::string_view atom, Form form) const;
  std::optional<DateValue> ParseRelative(Form form, std::string_view atom, size_t atom_pos,
                                         Context& ctx, size_t* text_start) const;
  Tense TenseAround(std::string_view text, size_t pos) const;
  void FindCommitments(Context& ctx) const;
  // The commitment in `sentence`, if any; `cue_from` is the earliest byte
  // at which its cue can start (the sentence's start when unknown).
  bool ResolutionClause(std::string_view sentence, size_t* subject_start, size_t* verb_start,
                        bool* proposal = nullptr) const;
  std::optional<Tag> Commitment(std::string_view text, TextRange sentence, const std::vector<Tag>& tags,
                                const TagOptions& options, size_t cue_from) const;
};

namespace {

std::unique_ptr<RE2> Compile(const std::string& pattern, bool longest = false) {
  RE2::Options opts;
  opts.set_longest_match(longest);
  opts.set_log_errors(false);
  opts.set_max_mem(64 << 20);
  auto re = std::make_unique<RE2>(pattern, opts);
  return re;
}

}  // namespace

Tagger::Impl::Impl() {
  std::vector<FormPattern> forms = BuildForms(words);
  std::string combined;
  RE2::Options set_options;
  set_options.set_max_mem(64 << 20);
  set_options.set_log_errors(false);
  form_set = std::make_unique<RE2::Set>(set_options, RE2::ANCHOR_BOTH);
  for (const FormPattern& f : forms) {
    if (!combined.empty()) combined += '|';
    combined += "(?:" + f.pattern + ")";
    form_set->Add(f.pattern, nullptr);
    group_forms.push_back(f.form);
  }
  form_set->Compile();
  master = Compile(combined, /*longest=*/true);
  trigger = Compile(Cat(
      {"\\d+(?:[.,]\\d+)*|£|\\$|€|\\b(?:GBP|USD|EUR)\\b|\\b(?i:", kTriggerWords, "|", words.CardinalPattern(), "|",
       words.OrdinalPattern(), ")\\b"}));

  const std::string bound = BoundPattern();
  bound_prefix = Compile(Cat({"(", bound, ")(?:\\s|-)"}));
  day_dmy = Compile(Cat({"(?:", kWeekday, ",?\\s)?(\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?(", kMonthAny,
                         ")\\.?,?\\s(", kYear, ")"}));
  day_mdy = Compile(Cat({"(?:", kWeekday, ",?\\s)?(", kMonthAny, ")\\.?\\s(\\d{1,2})(?:st|nd|rd|th)?,?\\s(",
                         kYear, ")"}));
  // "02/02/2023", and with dots as some councils write it, "04.03.2025".
  day_slash = Compile(Cat({"(\\d{1,2})[/.](\\d{1,2})[/.](", kYear, ")"}));
  // "1/4/26": the year in two figures, with slashes only ("1.4.26" numbers a section).
  day_slash_short = Compile("(\\d{1,2})/(\\d{1,2})/(\\d\\d)");
  day_iso = Compile(Cat({"(", kYear, ")-(\\d\\d)-(\\d\\d)"}));
  month_year = Compile(Cat({"(", kMonthAny, ")\\.?,?\\s(?:of\\s)?(", kYear, ")"}));
  month_short_year = Compile(Cat({"(", kMonthAny, ")(?:-|–|\\s'|\\s’)(\\d\\d)"}));
  season_year = Compile(Cat({"(", kSeason, ")(?:\\sof)?\\s(", kYear, ")(?:/\\d\\d)?"}));
  part_eml = Compile(Cat({"(?i:(early|mid|late))(?:\\s|-)(", kYear, ")"}));
  part_half = Compile(Cat({"(?i:(?:the\\s)?(first|second|1st|2nd)\\shalf\\sof\\s(?:the\\s)?(?:year\\s)?)(",
                           kYear, ")"}));
  part_h = Compile(Cat({"H([12])\\s(?:of\\s)?(", kYear, ")"}));
  part_q = Compile(Cat({"(?:Q|(?i:quarter)\\s)([1-4])\\s(?:of\\s)?(", kYear, ")(?:\\s?(?:/|-|–)\\s?(\\d\\d))?"}));
  part_quarter = Compile(Cat({"(?i:(?:the\\s)?(first|second|third|fourth|final|last)\\squarter\\sof\\s(?:the\\s)?(?:year\\s)?)(",
                              kYear, ")"}));
  fy = Compile(Cat({"(?i:FY\\s?)?(", kYear, ")\\s?(/|-|–|—)\\s?(\\d\\d|", kYear, ")"}));
  fy_short = Compile("(?i:FY)\\s?(\\d\\d)\\s?(?:/|-|–)\\s?(\\d\\d)");
  // What follows a month or season without its year when a second one
  // gives it: "spring/summer 2026", "March or April 2026".
  coordinated_year = Compile(Cat({"\\s?(?:/|-|–|\\s(?i:or|and|to|into)\\s)\\s?(", kMonthFull, "|", kSeason, ")\\s(",
                                  kYear, ")\\b"}));
  year = Compile(Cat({"(", kYear, ")"}));
  decade = Compile("(?i:the\\s)?(\\d{3})0s");
  century = Compile("(?i:the)\\s(.+?)(?:\\s|-)(?i:century)");
  week_of = Compile(Cat({"(?i:week)\\s(\\d{1,2})(?:\\sof|,)?\\s(", kYear, ")"}));
  week_iso = Compile(Cat({"(", kYear, ")-?W(\\d\\d)"}));
  // A financial year written with a slash ends a span too: "2026/27 to 2028/29".
  const std::string atom = Cat({"(?:", DayAtom(), "|", MonthYearAtom(), "|", SeasonYearAtom(), "|\\b", kYear,
                                "/\\d\\d\\b|\\b", kYear, "\\b)"});
  span_split = Compile(Cat({"(?:(?i:between|from)\\s)?(", atom, ")\\s?(?:-|–|—|(?i:to|and|until|till|through))\\s?(",
                            atom, ")"}));
  day_span_split = Compile(Cat({"(?:(?i:between|from)\\s)?(", kDayNum, ")\\s?(?:-|–|—|\\s(?i:to|and|until)\\s)\\s?(",
                                kDayNum, ")\\s(", kMonthAny, ")\\.?,?\\s(", kYear, ")"}));
  rel_day = Compile("(?i)(today|yesterday|tomorrow)");
  rel_unit = Compile(
      "(?i)(last|this|next|the\\s(?:current|coming|previous|past|following|next|last))\\s"
      "(calendar\\s|financial\\s|academic\\s)?(week|month|quarter|year|decade|spring|summer|autumn|winter)");
  rel_end_of = Compile(
      "(?i)(?:(?:the\\s)?(?:end|close|start|beginning)\\sof\\s)?the\\s(week|month|quarter|year|decade|new\\syear|"
      "financial\\syear|academic\\syear)");
  week_alone = Compile("(?i:week)\\s(\\d{1,2})");
  rel_later = Compile("(?i)(later|earlier)\\s(?:this|in\\sthe)\\s(year|month)");
  rel_next_n = Compile("(?i)(?:(over|during|within|in)\\s)?the\\s(next|coming|last|past|previous|following)\\s(.+?)\\s(day|week|month|year|decade)s?");
  rel_ago = Compile("(?i)(.+?)\\s(day|week|month|year|decade)s?\\sago");
  rel_in_time = Compile("(?i)in\\s(.+?)\\s(day|week|month|year|decade)s?((?:'|’)?\\s?time)?");
  rel_within = Compile("(?i)within\\s(.+?)\\s(day|week|month|year|decade)s?");
  weekday = Compile(Cat({"(?:(?i:(on|last|next|this))\\s)?(", kWeekday, ")"}));
  month_no_year = Compile(Cat({"(?:(?i:(in|during|last|next|this|early|late|the\\send\\sof|end\\sof|the\\sstart\\sof|the\\sbeginning\\sof))\\s)?(?:(?i:early|late)\\s|(?i:mid)-)?(",
                               kMonthFull, ")(?:\\s(?i:(next|last|this))\\s(?i:year))?"}));
  day_no_year = Compile(Cat({"(?:(", kWeekday, "),?\\s)?(?:(\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?(", kMonthFull, ")|(", kMonthFull,
                             ")\\s(\\d{1,2})(?:st|nd|rd|th)?)"}));
  season_no_year = Compile(
      "(?i)(?:(in|during|last|next|this|the|early|late)\\s)?(?:the\\s)?(?:(?:early|late)\\s)?(spring|summer|autumn|winter)"
      "(?:\\s(next|last|this)\\syear)?");
  money_range_tail =
      Compile(Cat({"\\s?(?:-|–|—|(?i:to|and))\\s?(?:[£$€]\\s?)?(", kNum, ")(", kScaleSuffix, ")"}));
  // What English writes before a bare scale word ("a million pounds"): its
  // multiplier, read from the end of the text before it.
  scale_fraction = Compile(
      R"((?i)(?:\b(\S+)\s+and\s+an?\s+(half|quarter)|\b(half)\s+an?|\b(?:an?\s+)?(quarter)\s+of\s+an?|)"
      R"(\b(three)[\s-]quarters\s+of\s+an?|\b(an?))\s+$)");
  qualifier = Compile(Cat({"(", kQualifier, ")\\s(?:(?i:an?)\\s(?i:additional|further|extra)\\s)?"}));
  future_cue = Compile(
      "\\b(?i:will|shall|(?:'|’)ll|going\\sto|plans?\\sto|intends?\\sto|aims?\\sto|expects?\\sto|is\\sto|are\\sto|"
      "(?:is|are)\\s(?:expected|due|scheduled|planned|set\\sto)|next|upcoming|coming|forthcoming)\\b");
  past_cue = Compile(
      "\\b(?i:was|were|had|did|has\\sbeen|have\\sbeen|last|ago|previously|\\w+ed|met|held|took|made|"
      "said|went|came|gave|began|saw|found|told|became|left|brought|sent|spent|paid|led|wrote|spoke|"
      "ran|won|lost|heard|knew|thought|chose|rose|fell|grew|sought|bought|built|kept)\\b");

  // Every form below (modal, undertaking verb, funding verb) holds one of
  // these words, so a sentence without any cannot be a commitment.
  modal_hint = Compile(
      "\\b(?:will|shall|(?:'|’)ll|(?:is|are)\\s(?:to|going\\sto|committed\\sto|due\\sto)|commit(?:s|ted)?|plans?\\sto|"
      "intends?\\sto|aims?\\sto|propos(?:e|es)\\sto|consultation|pledge[sd]?|promise[sd]?|vow(?:s|ed)?|"
      "undert(?:akes?|ook|aken)|agreed|resolved|voted|decided|Agreed|Resolved|AGREED|RESOLVED|investing|providing|allocating|committing|spending|"
      "making\\savailable|plans\\sfor|would|proposed|recommended|Action|ACTION|Actions|ACTIONS)\\b");
  // Reported speech puts "will" in the past: "The Government said in July
  // that it would spend £380 million ..." reports an undertaking, where
  // "would" alone is a condition. Commitment() takes it only when the words
  // before it report a clause (ReportsAClause and the reporting verbs).
  reported_would = Compile("\\b(would)\\s");
  // The modal or undertaking verb that carries a commitment. "has pledged
  // to" and "agreed to" (in minutes) state an undertaking in the past tense;
  // when it was given may come between ("pledged last month to", "promised
  // in June to").
  modal = Compile(
      "\\b(will|shall|(?:'|’)ll|(?:is|are)\\s(?:going\\s|due\\s)?to|"
      "(?:is|are|am)\\s(?:also\\s|still\\s|now\\s|\\w+ly\\s)?committed\\sto|"
      "(?:has|have)\\s(?:pledged|promised|vowed|undertaken|agreed|committed|resolved)\\sto|"
      "commit(?:s|ted)?\\sto|plans?\\sto|intends?\\sto|aims?\\sto|propos(?:e|es)\\sto|"
      "(?:pledge[sd]?|promise[sd]?|vow(?:s|ed)?)\\s(?:(?:last|this)\\s(?:week|month|year)\\s|in\\s[A-Z]\\w+(?:\\s\\d{4})?\\s|"
      "yesterday\\s|today\\s|again\\s|publicly\\s)?to|undert(?:akes?|ook)\\sto|"
      "(?:agreed|resolved|voted|decided)\\sto)\\b");
  // Money put to a purpose in the present: "The strategy commits £200
  // million", "We are investing £4.5 million to deliver...", or pledged to
  // one ("The Mayor has pledged £150k for a pilot", as "pledged to" above).
  // The money tag must start where this match ends.
  funding_verb = Compile(
      "\\b(commits|pledges|promises|pledged|promised|(?:has|have)\\s(?:committed|pledged|promised)|"
      "(?:is|are)\\s(?:now\\s)?(?:investing|providing|allocating|"
      "committing|spending|making\\savailable))\\s(?:(?i:a\\sfurther|an\\sadditional|an\\sextra|"
      "a\\stotal\\sof|up\\sto|over|more\\sthan|nearly|almost|around|some)\\s)?");
  // A plan named as a noun with its sum: "plans for £200 million of
  // additional investment".
  planned_sum = Compile("\\b(?i:plans|proposals)\\s(?:for|to\\sinvest)\\s");
  opinion_start = Compile(
      "^(?i:(?:we|i)\\s(?:\\w+\\s)?(?:welcome|support|are\\s(?:concerned|pleased|delighted|disappointed|"
      "unclear|not\\sclear|worried|keen)|have\\s(?:\\w+\\s)?concerns|believe|think|feel|agree|note|"
      "recognise|recognize|urge|call|hope|would|remain|question))\\b");
  // A past participle, regular or one of the common irregular ones.
  constexpr const char* kParticiple =
      "(?:\\w+-)?\\w+(?:ed|en)|made|set|built|brought|given|held|paid|run|put|sent|kept|met|spent|led|taught|"
      "taken|shown|done|seen|known|told|sought|bought|found|begun|laid|left|lent|sold|won|cut";
  passive_participle = Compile(Cat({"^(?:be|have\\sbeen)\\s(?:\\w+ly\\s)?(", kParticiple, ")\\b"}));
  participle_word = Compile(Cat({"(?:", kParticiple, ")"}));
  // A resolution's clause: "RESOLVED that ...", "RESOLVED – That ...",
  // "AGREED: (b) that ...", "It was resolved that ...".
  // Minutes' action points: "Action: JB to circulate the revised terms of
  // reference", "ACTION – Head of Transport to write to the operators".
  action_point = Compile(
      "^\\s*(?:Actions?|ACTIONS?)\\s*[:\\x{2013}\\x{2014}-]\\s*((?:(?:[A-Z][\\w'’.&/-]*|of|and|the|for)\\s){1,7}?)to\\s([a-z]\\w+)\\b");
  proposal_that = Compile(
      "\\b(?:It|it)\\s(?:is|was)\\s(?:therefore\\s|also\\s|now\\s)?(?:proposed|recommended)\\s(?:that)\\s");
  resolution_that = Compile(
      "\\b(?:RESOLVED|AGREED|Resolved|Agreed|resolved|agreed)\\b(?:\\s*[:\\x{2013}\\x{2014}-])?\\s*"
      "(?:\\(?[a-zA-Z0-9]{1,3}[.)]\\s*)?(?:[Tt]hat)\\s");
  perfect_participle = Compile(Cat({"^have\\s(?:\\w+ly\\s)?(?:", kParticiple, ")\\b"}));
  // The agent of a passive, a name whose capitalised words may be joined by
  // "and", "for", "of" ("the Education and Skills Funding Agency", "the
  // Department for Education").
  agent = Compile(
      "\\bby\\s((?:the\\s)?[A-Z][\\w’'&-]*(?:\\s(?:(?:and|for|of|the)\\s)*[A-Z][\\w’'&-]*)*)");
  // Consulting is the undertaking itself ("will consult on", "will launch a
  // consultation", "A consultation will open"), not a mention of one ("will
  // set out our response to the consultation").
  consult_cue = Compile(
      "^(?i:consult|(?:be|launch|open|hold|run|begin|start|carry\\sout|undertake|publish|issue)\\s(?:a|an|the)\\s"
      "(?:[\\w-]+\\s){0,3}consultation)\\b");
  explore_cue = Compile(
      "^(?i:explore|exploring|consider|considering|look\\sat|looking\\sat|investigate|investigating|examine|"
      "examining|review\\swhether|assess\\swhether)\\b");
}

Tagger::Tagger() : impl_(std::make_unique<Impl>()) {}
Tagger::~Tagger() = default;

// ---------------------------------------------------------------------------
// Money and percentages.

void Tagger::Impl::AddMoney(size_t start, size_t end, Form form, Context& ctx, size_t* resume) const {
  std::string_view span = ctx.text.substr(start, end - start);
  Tag tag;
  tag.kind = TagKind::kMoney;
  tag.start = start;
  tag.end = end;
  tag.text = std::string(span);
  std::string lower = Lower(span);

  // The per-period tail ("per year", "a week", "annually").
  static const std::pair<const char*, const char*> kPeriods[] = {
      {"annum", "year"}, {"annually", "year"}, {"yearly", "year"}, {"year", "year"},
      {"fortnight", "fortnight"}, {"weekly", "week"}, {"week", "week"}, {"monthly", "month"},
      {"month", "month"}, {"daily", "day"}, {"day", "day"}, {"hourly", "hour"}, {"hour", "hour"}};
  std::string_view body = span;
  for (const auto& [word, per] : kPeriods) {
    size_t n = std::strlen(word);
    if (lower.size() > n && lower.compare(lower.size() - n, n, word) == 0 &&
        lower[lower.size() - n - 1] == ' ') {
      tag.money.per = per;
      body = span.substr(0, span.size() - n - 1);
      // Drop the joining word: "per", "a", "an", "each", "every".
      size_t sp = body.rfind(' ');
      std::string joiner = sp == std::string_view::npos ? "" : Lower(body.substr(sp + 1));
      if (joiner == "per" || joiner == "a" || joiner == "an" || joiner == "each" || joiner == "every") {
        body = body.substr(0, sp);
      }
      break;
    }
  }

  bool pence = false;
  std::string_view number = body;
  if (form == Form::kMoneySymbol) {
    if (number.substr(0, 3) == "US$") {
      tag.money.currency = "USD";
      number.remove_prefix(3);
    } else if (number.substr(0, 2) == "£") {
      tag.money.currency = "GBP";
      number.remove_prefix(2);
    } else if (number.substr(0, 3) == "€") {
      tag.money.currency = "EUR";
      number.remove_prefix(3);
    } else if (number.substr(0, 1) == "$") {
      tag.money.currency = "USD";
      number.remove_prefix(1);
    } else {
      tag.money.currency = std::string(number.substr(0, 3));
      number.remove_prefix(3);
    }
  } else {
    size_t sp = number.rfind(' ');
    std::string unit = Lower(number.substr(sp + 1));
    number = number.substr(0, sp);
    if (unit.rfind("pound", 0) == 0) tag.money.currency = "GBP";
    else if (unit.rfind("dollar", 0) == 0) tag.money.currency = "USD";
    else if (unit.rfind("euro", 0) == 0) tag.money.currency = "EUR";
    else { tag.money.currency = "GBP"; pence = true; }
  }
  tag.money.amount = ParseNumber(number);
  // "a million pounds", "half a million pounds", "two and a half million
  // pounds": the scale word alone, its multiplier written before it.
  std::string scale_only = Lower(number);
  if (!tag.money.amount && form == Form::kMoneyWords && scale_only.find(' ') == std::string::npos) {
    std::optional<double> scale = ParseNumber("1 " + scale_only);
    const size_t window = start > 48 ? start - 48 : 0;
    StringPiece before(ctx.text.data() + window, start - window);
    StringPiece whole_and, and_part, half, quarter, three, one;
    if (scale && RE2::PartialMatch(before, *scale_fraction, &whole_and, &and_part, &half, &quarter, &three, &one)) {
      std::optional<double> factor;
      if (!and_part.empty()) {
        std::optional<double> whole = ParseNumber(std::string(whole_and.data(), whole_and.size()));
        if (whole) factor = *whole + (Lower(std::string(and_part.data(), and_part.size())) == "half" ? 0.5 : 0.25);
      } else if (!half.empty()) {
        factor = 0.5;
      } else if (!quarter.empty()) {
        factor = 0.25;
      } else if (!three.empty()) {
        factor = 0.75;
      } else if (!one.empty()) {
        factor = 1;
      }
      const size_t from = static_cast<size_t>(
          (!and_part.empty() ? whole_and : !half.empty() ? half : !quarter.empty() ? quarter : !three.empty() ? three : one)
              .data() - ctx.text.data());
      // "a quarter of a million": the opening article belongs to the sum too.
      size_t opening = from;
      if (!quarter.empty()) {
        const std::string_view lead = ctx.text.substr(window, from - window);
        if (lead.size() >= 2 && (Lower(lead.substr(lead.size() - 2)) == "a ")) opening = from - 2;
        if (lead.size() >= 3 && (Lower(lead.substr(lead.size() - 3)) == "an ")) opening = from - 3;
      }
      const bool overlaps = std::any_of(ctx.out->begin(), ctx.out->end(), [&](const Tag& t) { return t.end > opening; });
      if (factor && !overlaps) {
        tag.money.amount = *factor * *scale;
        tag.start = opening;
        tag.text = std::string(ctx.text.substr(opening, end - opening));
      }
    }
  }
  if (pence && tag.money.amount) *tag.money.amount /= 100;

  // "£20–25m": the scale written once belongs to both ends of the range.
  StringPiece tail;
  std::string tail_number, tail_scale;
  StringPiece rest(ctx.text.data() + end, ctx.text.size() - end);
  // "between £10 and £20 million" too, the second sum with its symbol; "and"
  // joins a range only after "between".
  const std::string_view tail_joint = Trim(ctx.text.substr(end, std::min<size_t>(5, ctx.text.size() - end)));
  const bool and_joint = tail_joint.substr(0, 3) == "and";
  const bool between = tag.start >= 8 && Lower(ctx.text.substr(tag.start - 8, 8)) == "between ";
  if (form == Form::kMoneySymbol && tag.money.per.empty() && (!and_joint || between) &&
      RE2::Consume(&rest, *money_range_tail, &tail_number, &tail_scale)) {
    std::optional<double> high = ParseNumber(tail_number + tail_scale);
    std::optional<double> high_unscaled = ParseNumber(tail_number);
    bool first_unscaled = tag.money.amount && ParseNumber(number) == tag.money.amount &&
                          number.find_first_of("mkbnMKBilothusand") == std::string_view::npos;
    // The scale is shared only where the first end reads as a bare figure of
    // the same scale: not "£250,000 and £2m" (digits grouped in thousands are
    // a whole sum), nor where sharing would put the low end above the high.
    if (first_unscaled && number.find(',') != std::string_view::npos) first_unscaled = false;
    if (first_unscaled && high && high_unscaled && *high_unscaled != 0 &&
        *tag.money.amount * (*high / *high_unscaled) > *high) {
      first_unscaled = false;
    }
    if (high && high_unscaled && *high != *high_unscaled && first_unscaled) {
      *tag.money.amount *= *high / *high_unscaled;
      Tag second;
      second.kind = TagKind::kMoney;
      size_t second_start = end + (ctx.text.size() - end - rest.size()) - (tail_number.size() + tail_scale.size());
      // With its own symbol: "£20 million" of "between £10 and £20 million".
      {
        size_t at = second_start;
        if (at > end && ctx.text[at - 1] == ' ') --at;
        for (std::string_view symbol : {"£", "$", "€"}) {
          if (at >= end + symbol.size() && ctx.text.substr(at - symbol.size(), symbol.size()) == symbol) {
            second_start = at - symbol.size();
            break;
          }
        }
      }
      second.start = second_start;
      second.end = end + (ctx.text.size() - end - rest.size());
      second.text = std::string(ctx.text.substr(second.start, second.end - second.start));
      second.money.currency = tag.money.currency;
      second.money.amount = high;
      ctx.out->push_back(tag);
      ctx.out->push_back(second);
      *resume = second.end;
      return;
    }
  }
  ctx.out->push_back(std::move(tag));
}

void Tagger::Impl::AddPercent(size_t start, size_t end, Context& ctx) const {
  std::string_view span = ctx.text.substr(start, end - start);
  Tag tag;
  tag.kind = TagKind::kPercent;
  tag.start = start;
  tag.end = end;
  tag.text = std::string(span);
  std::string lower = Lower(span);
  tag.percent.points = lower.find("point") != std::string::npos;
  size_t cut = lower.find('%');
  if (cut == std::string::npos) cut = lower.find("per");
  if (cut == std::string::npos) cut = lower.size();
  tag.percent.percent = ParseNumber(span.substr(0, cut));
  ctx.out->push_back(std::move(tag));
}

// ---------------------------------------------------------------------------
// Counts.

bool Tagger::Impl::AddCount(size_t start, size_t end, Context& ctx, size_t max_tokens) const {
  std::string_view text = ctx.text;
  std::string_view span = text.substr(start, end - start);
  std::string qualifier_text;
  std::string_view number = span;
  {
    StringPiece in(span.data(), span.size());
    std::string q;
    if (RE2::Consume(&in, *qualifier, &q)) {
      qualifier_text = Lower(q);
      number = std::string_view(in.data(), in.size());
    }
  }
  if (number.empty()) return false;
  // "300+ routes": at least that many.
  if (end < text.size() && text[end] == '+' && (end + 1 >= text.size() || text[end + 1] == ' ') &&
      qualifier_text.empty()) {
    qualifier_text = "at least";
    ++end;
  }
  // "12 of its 84 schools": the first number counts what the second does.
  size_t of_end = end;
  {
    static const RE2* of_number = Compile(
        Cat({"\\s(?:of|out\\sof)\\s(?:(?:its|the|our|their|these|those|all)\\s)?", kNonYearNum, "\\b"}))
        .release();
    StringPiece after(text.data() + end, text.size() - end);
    if ((text.compare(end, 4, " of ") == 0 || text.compare(end, 8, " out of ") == 0) &&
        RE2::Consume(&after, *of_number)) {
      of_end = text.size() - after.size();
    }
  }
  // Phone numbers, list numbers, times, identifiers, compounds ("26-week").
  if (number.size() > 1 && number[0] == '0' && IsDigit(number[1])) return false;
  if (end < text.size()) {
    char c = text[end];
    char next = end + 1 < text.size() ? text[end + 1] : '\0';
    if (IsWordByte(c) || c == '-' || c == '/' || c == ':' || c == ')' || c == '\'' ||
        (c == '.' && (IsDigit(next) || next == ' ' || next == '\0')))
      return false;
  }
  std::string_view before = WordBefore(text, start);
  if (!before.empty()) {
    if (IsDigit(before.back())) return false;
    std::string lower_before = Lower(before);
    if (IsIdentifierWord(lower_before)) return false;
    if (IsUpper(before[0]) && !IsFunctionWord(lower_before) && qualifier_text.empty()) {
      // Except a verb opening a sentence or a list item, the number followed
      // by the words of what is counted: "Open 40 additional acute beds",
      // "Plant 5,000 trees" (not "Route 66", "Windows 11 laptops" mid-line).
      size_t at = static_cast<size_t>(before.data() - text.data());
      while (at > 0 && text[at - 1] == ' ') --at;
      bool opens = StartsSentence(text, at);
      for (std::string_view bullet : {"•", "–", "-", "*", "·", "▪"}) {
        if (!opens && at >= bullet.size() && text.substr(at - bullet.size(), bullet.size()) == bullet &&
            (at == bullet.size() || StartsSentence(text, at - bullet.size()))) {
          opens = true;
        }
      }
      const bool counted_next = end + 1 < text.size() && text[end] == ' ' && text[end + 1] >= 'a' && text[end + 1] <= 'z';
      if (!opens || !counted_next) return false;
    }
    // A proportion, not a number of things: "1 in 5 calls", "one in four children".
    if (lower_before == "in") {
      const std::string_view first = WordBefore(text, static_cast<size_t>(before.data() - text.data()));
      if (!first.empty() && ParseNumber(first)) return false;
    }
  }
  if (start > 0 && (text[start - 1] == '(' || text[start - 1] == '#')) return false;

  // "2m people" is two million; "a 2m high wall" is two metres.
  if (!number.empty() && (number.back() == 'm' || number.back() == 'M')) {
    size_t w = end;
    while (w < text.size() && text[w] == ' ') ++w;
    size_t w_end = w;
    while (w_end < text.size() && IsAsciiAlpha(text[w_end])) ++w_end;
    const std::string next = Lower(text.substr(w, w_end - w));
    for (const char* dimension : {"high", "wide", "tall", "long", "deep", "thick", "square", "sq", "by", "x"}) {
      if (next == dimension) return false;
    }
  }
  // Look for the counted noun within a few words.
  size_t pos = of_end;
  size_t tokens = 0;
  bool saw_modifier = false;
  while (tokens < max_tokens && pos < text.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos >= text.size()) break;
    // A quoted name is one modifier: ‘families first for children pathfinder’ areas.
    static const char* const kOpenQuotes[] = {"‘", "“", "'", "\""};
    bool quoted = false;
    for (const char* q : kOpenQuotes) {
      size_t n = std::strlen(q);
      if (text.compare(pos, n, q) == 0) {
        std::string_view close = n == 1 ? std::string_view(q, 1)
                                        : (std::strcmp(q, "‘") == 0 ? std::string_view("’")
                                                                     : std::string_view("”"));
        size_t found = text.find(close, pos + n);
        if (found != std::string_view::npos && found - pos < 100) {
          pos = found + close.size();
          quoted = true;
        }
        break;
      }
    }
    if (quoted) {
      ++tokens;
      saw_modifier = true;
      continue;
    }
    if (text[pos] == ',' && saw_modifier) {
      ++pos;
      continue;
    }
    size_t word_end = pos;
    while (word_end < text.size() &&
           (IsWordByte(text[word_end]) || text[word_end] == '-' ||
            (text[word_end] == '\'' && word_end + 1 < text.size() && IsAsciiAlpha(text[word_end + 1])))) {
      // Stop before a curly apostrophe ("’s") or closing quote.
      if (static_cast<unsigned char>(text[word_end]) >= 0x80 && !IsAsciiAlpha(text[word_end])) {
        if (text.compare(word_end, 3, "’") == 0 || text.compare(word_end, 3, "”") == 0) break;
      }
      ++word_end;
    }
    if (word_end == pos) return false;
    std::string_view word = text.substr(pos, word_end - pos);
    std::string lower = Lower(word);
    if (IsDigit(word[0])) return false;
    if (IsCountStopWord(lower) || IsCalendarUnit(lower) || IsMeasureUnit(lower)) return false;
    if (IsPluralNoun(lower)) {
      Tag tag;
      tag.kind = TagKind::kCount;
      tag.start = start;
      tag.end = word_end;
      tag.text = std::string(text.substr(start, word_end - start));
      tag.count.count = ParseNumber(number);
      if (!tag.count.count) return false;
      tag.count.unit = lower;
      tag.count.qualifier = qualifier_text == "a further" || qualifier_text == "an additional" ||
                                    qualifier_text == "a total of"
                                ? ""
                                : qualifier_text;
      ctx.out->push_back(std::move(tag));
      return true;
    }
    saw_modifier = true;
    ++tokens;
    pos = word_end;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Dates.

Tense Tagger::Impl::TenseAround(std::string_view text, size_t pos) const {
  size_t begin = pos;
  while (begin > 0 && text[begin - 1] != '.' && text[begin - 1] != '!' && text[begin - 1] != '?' &&
         pos - begin < 300)
    --begin;
  size_t finish = pos;
  while (finish < text.size() && text[finish] != '.' && text[finish] != '!' && text[finish] != '?' &&
         finish - pos < 300)
    ++finish;
  StringPiece window(text.data() + begin, finish - begin);
  if (RE2::PartialMatch(window, *future_cue)) return Tense::kFuture;
  if (RE2::PartialMatch(window, *past_cue)) return Tense::kPast;
  return Tense::kPresent;
}

std::optional<DateValue> Tagger::Impl::ParseAtom(std::string_view atom_text, Form form) const {
  StringPiece atom(atom_text.data(), atom_text.size());
  // The form that matched says which reader can read it; kDateSpan (the
  // ends of a span, which may be any atom) tries them all.
  const bool any = form == Form::kDateSpan;
  auto is = [&](Form f) { return any || form == f; };
  if (atom_text.size() == 4 && IsDigit(atom_text[0]) && IsDigit(atom_text[1]) && IsDigit(atom_text[2]) &&
      IsDigit(atom_text[3]))
    return YearValue(std::atoi(std::string(atom_text).c_str()));
  std::string a, b, c;
  int y = 0;
  auto day = [](int yy, int m, int d) -> std::optional<DateValue> {
    if (!IsValidDate(yy, m, d)) return std::nullopt;
    return DayValue({yy, m, d});
  };
  if (is(Form::kDateDay) && RE2::FullMatch(atom, *day_dmy, &a, &b, &y)) return day(y, MonthNumber(b), std::atoi(a.c_str()));
  if (is(Form::kDateDay) && RE2::FullMatch(atom, *day_mdy, &a, &b, &y)) return day(y, MonthNumber(a), std::atoi(b.c_str()));
  if (is(Form::kDateDay) && RE2::FullMatch(atom, *day_slash, &a, &b, &y)) return day(y, std::atoi(b.c_str()), std::atoi(a.c_str()));
  if (is(Form::kDateDay) && RE2::FullMatch(atom, *day_iso, &y, &a, &b)) return day(y, std::atoi(a.c_str()), std::atoi(b.c_str()));
  if (is(Form::kDateDay) && RE2::FullMatch(atom, *day_slash_short, &a, &b, &c))
    return day(2000 + std::atoi(c.c_str()), std::atoi(b.c_str()), std::atoi(a.c_str()));
  if (is(Form::kDateMonthYear) && RE2::FullMatch(atom, *month_year, &a, &y)) return MonthValue(y, MonthNumber(a));
  if (is(Form::kDateMonthYear) && RE2::FullMatch(atom, *month_short_year, &a, &b))
    return MonthValue(2000 + std::atoi(b.c_str()), MonthNumber(a));
  if (is(Form::kDateSeasonYear) && RE2::FullMatch(atom, *season_year, &a, &y)) return SeasonValue(y, SeasonNumber(a));
  if (is(Form::kDatePart) && RE2::FullMatch(atom, *part_eml, &a, &y)) {
    std::string part = Lower(a);
    DateValue v = part == "early"  ? Interval({y, 1, 1}, {y, 4, 30}, "period", std::to_string(y))
                  : part == "mid" ? Interval({y, 5, 1}, {y, 8, 31}, "period", std::to_string(y))
                                  : Interval({y, 9, 1}, {y, 12, 31}, "period", std::to_string(y));
    return v;
  }
  if (is(Form::kDatePart) && RE2::FullMatch(atom, *part_half, &a, &y)) {
    std::string which = Lower(a);
    return HalfValue(y, which == "first" || which == "1st" ? 1 : 2);
  }
  if (is(Form::kDatePart) && RE2::FullMatch(atom, *part_h, &a, &y)) return HalfValue(y, std::atoi(a.c_str()));
  if (is(Form::kDatePart) && RE2::FullMatch(atom, *part_q, &a, &y, &b)) {
    const int q = std::atoi(a.c_str());
    if (b.empty()) return QuarterValue(y, q);
    // Of the financial year y/y+1, which starts in April: Q3 2025/26 is
    // October to December 2025, the calendar's fourth quarter.
    if (std::atoi(b.c_str()) != (y + 1) % 100) return std::nullopt;
    return q == 4 ? QuarterValue(y + 1, 1) : QuarterValue(y, q + 1);
  }
  if (is(Form::kDatePart) && RE2::FullMatch(atom, *part_quarter, &a, &y)) {
    static const char* const kOrd[] = {"first", "second", "third", "fourth"};
    std::string which = Lower(a);
    int q = 4;
    for (int i = 0; i < 4; ++i) {
      if (which == kOrd[i]) q = i + 1;
    }
    return QuarterValue(y, q);
  }
  if ((is(Form::kDateFinancialYear) || form == Form::kDateYear) && RE2::FullMatch(atom, *fy, &y, &a, &b)) {
    int second = std::atoi(b.c_str());
    if (b.size() == 2) {
      int candidate = (y / 100) * 100 + second;
      if (candidate < y) candidate += 100;
      second = candidate;
    }
    if (second == y + 1 && (b.size() == 2 || a == "/")) return FinancialYearValue(y);
    if (second > y) {
      DateValue v = Interval({y, 1, 1}, {second, 12, 31}, "period", "");
      return v;
    }
    return std::nullopt;
  }
  if (is(Form::kDateFinancialYear) && RE2::FullMatch(atom, *fy_short, &a, &b)) {
    const int first = std::atoi(a.c_str());
    if (std::atoi(b.c_str()) != (first + 1) % 100) return std::nullopt;
    return FinancialYearValue(2000 + first);
  }
  if (is(Form::kDateYear) && RE2::FullMatch(atom, *year, &y)) return YearValue(y);
  if (is(Form::kDateDecade) && RE2::FullMatch(atom, *decade, &a)) {
    int first = std::atoi(a.c_str()) * 10;
    return Interval({first, 1, 1}, {first + 9, 12, 31}, "period", a);
  }
  if (is(Form::kDateCentury) && RE2::FullMatch(atom, *century, &a)) {
    std::optional<double> ordinal = words.ParseOrdinal(a);
    if (!ordinal || *ordinal < 1 || *ordinal > 99) return std::nullopt;
    int hundreds = static_cast<int>(*ordinal) - 1;  // "the 20th century" = the 1900s
    return Interval({hundreds * 100, 1, 1}, {hundreds * 100 + 99, 12, 31}, "period",
                    std::to_string(hundreds));
  }
  int week = 0;
  if (is(Form::kDateWeek) && (RE2::FullMatch(atom, *week_of, &week, &y) || RE2::FullMatch(atom, *week_iso, &y, &week))) {
    if (week < 1 || week > IsoWeeksInYear(y)) return std::nullopt;
    return WeekValue(y, week);
  }
  std::string first, second;
  std::string day1, day2, month_name, span_year;
  if (is(Form::kDateSpan) && RE2::FullMatch(atom, *day_span_split, &day1, &day2, &month_name, &span_year)) {
    std::optional<DateValue> from = ParseAtom(day1 + " " + month_name + " " + span_year, Form::kDateDay);
    std::optional<DateValue> to = ParseAtom(day2 + " " + month_name + " " + span_year, Form::kDateDay);
    if (!from || !to || from->start.empty() || to->end.empty() || to->end <= from->start) return std::nullopt;
    DateValue v;
    v.start = from->start;
    v.end = to->end;
    v.precision = "period";
    return v;
  }
  if ((any || form == Form::kDateFinancialYear) && RE2::FullMatch(atom, *span_split, &first, &second)) {
    std::optional<DateValue> from = ParseAtom(first, Form::kDateSpan);
    std::optional<DateValue> to = ParseAtom(second, Form::kDateSpan);
    if (!from || !to || from->start.empty() || to->end.empty() || to->end < from->start) return std::nullopt;
    DateValue v;
    v.start = from->start;
    v.end = to->end;
    v.precision = "period";
    return v;
  }
  return std::nullopt;
}

namespace {

std::optional<double> ParseCountWord(std::string_view text) {
  std::string lower = Lower(Trim(text));
  if (lower == "a" || lower == "an" || lower == "one") return 1;
  if (lower == "few" || lower == "several") return std::nullopt;
  return ParseNumber(lower);
}

CivilDate Shift(const CivilDate& d, const std::string& unit, long n) {
  if (unit == "day") return AddDays(d, n);
  if (unit == "week") return AddDays(d, 7 * n);
  if (unit == "month") return AddMonths(d, static_cast<int>(n));
  if (unit == "decade") return AddYears(d, static_cast<int>(10 * n));
  return AddYears(d, static_cast<int>(n));
}

// The calendar unit (day, ISO week, month, year...) holding `d`.
DateValue UnitValue(const CivilDate& d, const std::string& unit) {
  if (unit == "day") return DayValue(d);
  if (unit == "week") {
    IsoWeek w = IsoWeekOf(d);
    return WeekValue(w.year, w.week);
  }
  if (unit == "month") return MonthValue(d.year, d.month);
  if (unit == "quarter") return QuarterValue(d.year, (d.month - 1) / 3 + 1);
  if (unit == "decade") {
    int first = d.year / 10 * 10;
    return Interval({first, 1, 1}, {first + 9, 12, 31}, "period", std::to_string(d.year / 10));
  }
  return YearValue(d.year);
}

DateValue Unresolved(std::string timex = "") {
  DateValue v;
  v.precision = "period";
  v.relative = true;
  v.timex = std::move(timex);
  return v;
}

}  // namespace

std::optional<DateValue> Tagger::Impl::ParseRelative(Form form, std::string_view atom_text,
                                                     size_t atom_pos, Context& ctx,
                                                     size_t* text_start) const {
  StringPiece atom(atom_text.data(), atom_text.size());
  const std::optional<CivilDate>& doc = ctx.doc_date;
  std::string a, b, c, d;
  switch (form) {
    case Form::kDateReference: {
      std::string lower = Lower(atom_text);
      DateValue v = Unresolved();
      if (lower.find("past") != std::string::npos || lower.find("recent") != std::string::npos) {
        v.timex = "PAST_REF";
        if (doc) v.end = FormatIso(*doc);
      } else if (lower.find("future") != std::string::npos || lower.find("coming") != std::string::npos) {
        v.timex = "FUTURE_REF";
        if (doc) v.start = FormatIso(*doc);
      } else {
        v.timex = "PRESENT_REF";
        if (doc) v.start = v.end = FormatIso(*doc);
        v.precision = "day";
      }
      return v;
    }
    case Form::kDateNamed:
      return Unresolved();
    case Form::kDateWeekday: {
      if (!RE2::FullMatch(atom, *weekday, &a, &b)) return std::nullopt;
      std::string prep = Lower(a);
      if (prep == "on") *text_start = atom_pos + 3;
      int target = WeekdayNumber(b);
      if (!doc) return Unresolved("XXXX-WXX-" + std::to_string(target + 1));
      int today = Weekday(*doc);
      Tense tense = prep == "last"   ? Tense::kPast
                    : prep == "next" ? Tense::kFuture
                                     : TenseAround(ctx.text, atom_pos);
      int forward = (target - today + 7) % 7;
      int backward = (today - target + 7) % 7;
      long offset;
      if (tense == Tense::kFuture) offset = forward == 0 ? 7 : forward;
      else if (tense == Tense::kPast) offset = -(backward == 0 ? 7 : backward);
      else offset = forward <= backward ? forward : -backward;
      if (prep == "this") offset = target - today;  // within the current week
      DateValue v = DayValue(AddDays(*doc, offset));
      v.relative = true;
      return v;
    }
    case Form::kDateMonthNoYear:
    case Form::kDateSeasonNoYear:
    case Form::kDateDayNoYear: {
      int month = 0, day_of_month = 0, season = -1;
      std::string prep, weekday_name;
      // "October next year", "spring last year": the year said, not guessed.
      std::string which_year;
      auto said_year = [&] { return doc->year + (which_year == "next" ? 1 : which_year == "last" ? -1 : 0); };
      if (form == Form::kDateMonthNoYear) {
        if (!RE2::FullMatch(atom, *month_no_year, &a, &b, &c)) return std::nullopt;
        prep = Lower(a);
        month = MonthNumber(b);
        which_year = Lower(c);
      } else if (form == Form::kDateSeasonNoYear) {
        if (!RE2::FullMatch(atom, *season_no_year, &a, &b, &c)) return std::nullopt;
        prep = Lower(a);
        season = SeasonNumber(b);
        which_year = Lower(c);
      } else {
        if (!RE2::FullMatch(atom, *day_no_year, &weekday_name, &a, &b, &c, &d)) return std::nullopt;
        if (!a.empty()) {
          day_of_month = std::atoi(a.c_str());
          month = MonthNumber(b);
        } else {
          month = MonthNumber(c);
          day_of_month = std::atoi(d.c_str());
        }
      }
      if (prep == "in" || prep == "during" || prep == "the") *text_start = atom_pos + prep.size() + 1;
      if (!doc) {
        char timex[24];
        if (season >= 0) {
          static const char* const kCodes[] = {"SP", "SU", "FA", "WI"};
          std::snprintf(timex, sizeof timex, "XXXX-%s", kCodes[season]);
        } else if (day_of_month > 0) {
          std::snprintf(timex, sizeof timex, "XXXX-%02d-%02d", month, day_of_month);
        } else {
          std::snprintf(timex, sizeof timex, "XXXX-%02d", month);
        }
        return Unresolved(timex);
      }
      Tense tense = prep == "last"   ? Tense::kPast
                    : prep == "next" ? Tense::kFuture
                    : prep == "this" ? Tense::kPresent
                                     : TenseAround(ctx.text, atom_pos);
      DateValue v;
      if (season >= 0) {
        auto [current, season_year] = SeasonOf(*doc);
        int y = season_year;
        if (tense == Tense::kFuture && season < current) y += 1;
        if (tense == Tense::kPast && season > current) y -= 1;
        if (tense == Tense::kPresent && prep != "this") {
          y = doc->year;  // "in the spring" without tense: this calendar year's
          if (season == 3 && doc->month <= 2) y -= 1;
        }
        if (prep == "next") y = season <= current ? season_year + 1 : season_year;
        if (prep == "last") y = season >= current ? season_year - 1 : season_year;
        // Winter runs into the next calendar year and is named by its start.
        if (!which_year.empty()) y = said_year();
        v = SeasonValue(y, season);
      } else {
        int y = doc->year;
        if (tense == Tense::kFuture && month < doc->month) y += 1;
        if (tense == Tense::kPast && month > doc->month) y -= 1;
        // No tense to go by ("The contract starts in April"): the nearer
        // April, as people speak of the months around them.
        if (tense == Tense::kPresent && prep != "this") {
          if (month - doc->month > 6) y -= 1;
          if (doc->month - month > 6) y += 1;
        }
        if (prep == "next" && month <= doc->month) y = doc->year + 1;
        if (prep == "last" && month >= doc->month) y = doc->year - 1;
        if (!which_year.empty()) y = said_year();
        if (day_of_month > 0 && !weekday_name.empty() && which_year.empty()) {
          // The year, of this one and its neighbours, in which the day falls
          // on the weekday named: the one the tense chose, else the nearer.
          const int want = WeekdayNumber(weekday_name);
          auto falls = [&](int yy) {
            return IsValidDate(yy, month, day_of_month) && Weekday({yy, month, day_of_month}) == want;
          };
          if (!falls(y)) {
            const bool earlier = falls(doc->year - 1), now = falls(doc->year), later = falls(doc->year + 1);
            if (now) y = doc->year;
            else if (earlier) y = doc->year - 1;
            else if (later) y = doc->year + 1;
          }
        }
        if (day_of_month > 0) {
          if (!IsValidDate(y, month, day_of_month)) return std::nullopt;
          v = DayValue({y, month, day_of_month});
        } else {
          v = MonthValue(y, month);
        }
      }
      v.relative = true;
      return v;
    }
    case Form::kDateRelative:
      break;
    default:
      return std::nullopt;
  }

  // Form::kDateRelative.
  if (RE2::FullMatch(atom, *rel_day, &a)) {
    std::string which = Lower(a);
    if (!doc) return Unresolved();
    long offset = which == "today" ? 0 : which == "yesterday" ? -1 : 1;
    DateValue v = DayValue(AddDays(*doc, offset));
    v.relative = true;
    return v;
  }
  if (RE2::FullMatch(atom, *rel_end_of, &a)) {
    if (!doc) return Unresolved();
    std::string unit = Lower(a);
    DateValue v;
    if (unit == "new year") {
      v = YearValue(doc->year + 1);
    } else if (unit.rfind("financial", 0) == 0) {
      v = FinancialYearValue(doc->month >= 4 ? doc->year : doc->year - 1);
    } else if (unit.rfind("academic", 0) == 0) {
      const int ay_start = doc->month >= 9 ? doc->year : doc->year - 1;
      v = Interval({ay_start, 9, 1}, {ay_start + 1, 8, 31}, "period", "");
    } else {
      v = UnitValue(*doc, unit);
    }
    v.relative = true;
    return v;
  }
  if (RE2::FullMatch(atom, *rel_unit, &a, &b, &c)) {
    std::string which = Lower(a), kind = Lower(b), unit = Lower(c);
    int step = 0;
    if (which == "last" || which == "the last" || which == "the previous" || which == "the past") step = -1;
    if (which == "next" || which == "the next" || which == "the coming" || which == "the following") step = 1;
    if (!doc) return Unresolved();
    DateValue v;
    if (kind == "financial " && unit == "year") {
      int fy_start = doc->month >= 4 ? doc->year : doc->year - 1;
      v = FinancialYearValue(fy_start + step);
    } else if (kind == "academic " && unit == "year") {
      int ay_start = (doc->month >= 9 ? doc->year : doc->year - 1) + step;
      v = Interval({ay_start, 9, 1}, {ay_start + 1, 8, 31}, "period", "");
    } else if (unit == "spring" || unit == "summer" || unit == "autumn" || unit == "winter") {
      int season = SeasonNumber(unit);
      auto [current, season_year] = SeasonOf(*doc);
      int y = season_year;
      if (step > 0) y = season <= current ? season_year + 1 : season_year;
      if (step < 0) y = season >= current ? season_year - 1 : season_year;
      v = SeasonValue(y, season);
    } else if (unit == "decade" && step > 0 && which != "next") {
      // "the next decade", "the coming decade": the ten years from the
      // paper's date, as policy papers use them ("next decade" alone is the
      // next calendar decade).
      v = Interval(*doc, AddDays(AddYears(*doc, 10), -1), "period", "");
    } else if ((which == "the past" || which == "the last") && step < 0) {
      // "the past year" is the twelve months up to the document's date.
      CivilDate from = AddDays(Shift(*doc, unit == "quarter" ? "month" : unit, unit == "quarter" ? -3 : -1), 1);
      v = Interval(from, *doc, "period", "");
    } else if (unit == "quarter") {
      v = UnitValue(AddMonths(*doc, 3 * step), "quarter");
    } else {
      v = UnitValue(Shift(*doc, unit, step), unit);
    }
    v.relative = true;
    return v;
  }
  if (RE2::FullMatch(atom, *rel_later, &a, &b)) {
    if (!doc) return Unresolved();
    std::string unit = Lower(b);
    bool later = Lower(a) == "later";
    DateValue whole = UnitValue(*doc, unit);
    DateValue v = whole;
    if (later) v.start = FormatIso(*doc);
    else v.end = FormatIso(*doc);
    v.precision = "period";
    v.relative = true;
    return v;
  }
  if (RE2::FullMatch(atom, *rel_next_n, &a, &b, &c, &d)) {
    std::optional<double> n = ParseCountWord(c);
    if (!doc || !n) return Unresolved();
    std::string direction = Lower(b);
    long count = static_cast<long>(*n);
    DateValue v;
    if (direction == "next" || direction == "coming" || direction == "following") {
      v = Interval(*doc, AddDays(Shift(*doc, Lower(d), count), -1), "period", "");
      if (Lower(a) == "within") {
        v.start.clear();
        v.bound = "by";
      }
    } else {
      v = Interval(AddDays(Shift(*doc, Lower(d), -count), 1), *doc, "period", "");
    }
    v.relative = true;
    return v;
  }
  if (RE2::FullMatch(atom, *rel_ago, &a, &b)) {
    std::optional<double> n = ParseCountWord(a);
    if (!doc || !n) return Unresolved("PAST_REF");
    DateValue v = UnitValue(Shift(*doc, Lower(b), -static_cast<long>(*n)), Lower(b));
    v.relative = true;
    return v;
  }
  if (RE2::FullMatch(atom, *rel_in_time, &a, &b, &c)) {
    if (c.empty()) {
      // Without "time", "in six months" is a point ahead only in a sentence
      // about the future ("will report back in six months"), and not when
      // counted from an event ("in six months of the launch"); otherwise it
      // is how long something took ("was built in two years").
      const size_t after = atom_pos + atom_text.size();
      if (ctx.text.substr(after, 4) == " of " || ctx.text.substr(after, 7) == " after " ||
          ctx.text.substr(after, 6) == " from " || TenseAround(ctx.text, atom_pos) != Tense::kFuture) {
        return std::nullopt;
      }
    }
    std::optional<double> n = ParseCountWord(a);
    if (!doc || !n) return Unresolved("FUTURE_REF");
    DateValue v = UnitValue(Shift(*doc, Lower(b), static_cast<long>(*n)), Lower(b));
    v.relative = true;
    return v;
  }
  if (RE2::FullMatch(atom, *rel_within, &a, &b)) {
    std::optional<double> n = ParseCountWord(a);
    if (!doc || !n) return std::nullopt;  // a duration on its own is not a date
    // "within six months of the consultation closing": counted from an event,
    // not from the paper's date; a deadline whose day the text does not give.
    const size_t after = atom_pos + atom_text.size();
    if (ctx.text.substr(after, 4) == " of " || ctx.text.substr(after, 7) == " after " ||
        ctx.text.substr(after, 6) == " from ") {
      DateValue v = Unresolved();
      v.bound = "by";
      return v;
    }
    DateValue v;
    v.end = FormatIso(Shift(*doc, Lower(b), static_cast<long>(*n)));
    v.precision = "period";
    v.bound = "by";
    v.relative = true;
    return v;
  }
  return std::nullopt;
}

size_t Tagger::Impl::AddDate(Form form, size_t start, size_t end, Context& ctx) const {
  std::string_view text = ctx.text;
  std::string_view span = text.substr(start, end - start);
  // The bound word, if any ("by", "from the start of", "until").
  std::string bound_word;
  size_t atom_start = start;
  // Most dates begin with the date itself, not a bound phrase.
  size_t first_end = 0;
  while (first_end < span.size() && IsAsciiAlpha(span[first_end])) ++first_end;
  char first_buf[24];
  const bool short_word = first_end > 0 && first_end < sizeof first_buf;
  for (size_t i = 0; short_word && i < first_end; ++i) {
    first_buf[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(span[i])));
  }
  const std::vector<std::string_view>& starts = BoundFirstWords();
  const bool may_have_bound =
      short_word && std::binary_search(starts.begin(), starts.end(), std::string_view(first_buf, first_end));
  if (may_have_bound) {
    StringPiece in(span.data(), span.size());
    std::string word;
    if (form != Form::kDateMonthNoYear && form != Form::kDateSeasonNoYear &&
        RE2::Consume(&in, *bound_prefix, &word)) {
      bound_word = Lower(word);
      atom_start = start + (span.size() - in.size());
    } else if (form == Form::kDateMonthNoYear || form == Form::kDateSeasonNoYear) {
      // These carry their preposition in the form itself.
      StringPiece in2(span.data(), span.size());
      if (RE2::Consume(&in2, *bound_prefix, &word)) {
        bound_word = Lower(word);
        atom_start = start + (span.size() - in2.size());
      }
    }
  }
  std::string_view atom = text.substr(atom_start, end - atom_start);

  // "in Spring 2023": the no-year form starts earlier (at "in") and so wins
  // the leftmost match; rescan from the month or season itself.
  if ((form == Form::kDateMonthNoYear || form == Form::kDateSeasonNoYear ||
       form == Form::kDateDayNoYear) &&
      end + 2 < text.size() && (text[end] == ' ' || text[end] == ',')) {
    size_t k = end;
    while (k < text.size() && (text[k] == ' ' || text[k] == ',')) ++k;
    if (k < text.size() && IsDigit(text[k])) {
      size_t word_start = end;
      while (word_start > start && text[word_start - 1] != ' ') --word_start;
      return word_start > start ? word_start : end;
    }
  }

  std::optional<DateValue> value;
  size_t text_start = start;
  switch (form) {
    case Form::kDateWeek: {
      value = ParseAtom(atom, form);
      int week = 0;
      if (value || !RE2::FullMatch(StringPiece(atom.data(), atom.size()), *week_alone, &week)) break;
      // "week 3 of the course" counts weeks of something else.
      if (text.compare(end, 4, " of ") == 0) return end;
      if (!ctx.doc_date) {
        char timex[16];
        std::snprintf(timex, sizeof timex, "XXXX-W%02d", week);
        value = Unresolved(timex);
        break;
      }
      // The document's ISO year, or the one before or after when the
      // sentence's tense puts the week on the other side of the date.
      const IsoWeek now = IsoWeekOf(*ctx.doc_date);
      int y = now.year;
      Tense tense = TenseAround(text, start);
      if (tense == Tense::kPast && week > now.week) y -= 1;
      if (tense == Tense::kFuture && week < now.week) y += 1;
      if (week > IsoWeeksInYear(y)) return end;
      value = WeekValue(y, week);
      value->relative = true;
      break;
    }
    case Form::kDateYear: {
      // A bare year: not a title or identifier ("Education Act 1996"), and
      // not the number of something ("2000 homes").
      if (bound_word.empty()) {
        std::string_view before = WordBefore(text, start);
        std::string lower_before = Lower(before);
        if (!before.empty() && IsUpper(before[0]) && !IsFunctionWord(lower_before) &&
            !StartsSentence(text, start - before.size()))
          return end;
        if (IsIdentifierWord(lower_before)) return end;
        if (!before.empty() && IsDigit(before.back())) return end;
        if (end < text.size() && (text[end] == ':' || text[end] == '.') && end + 1 < text.size() &&
            IsDigit(text[end + 1]))
          return end;
        static const char* const kTimePrepositions[] = {"in", "by", "since", "from", "during", "until",
                                                        "before", "after", "of", "for", "to", "and"};
        bool after_preposition = false;
        for (const char* p : kTimePrepositions) after_preposition |= lower_before == p;
        size_t next = end;
        while (next < text.size() && text[next] == ' ') ++next;
        size_t next_end = next;
        while (next_end < text.size() && IsAsciiAlpha(text[next_end])) ++next_end;
        const bool qualifies = next > end && IsYearQualifiedNoun(Lower(text.substr(next, next_end - next)));
        if (!after_preposition && !qualifies && AddCount(start, end, ctx, 1)) return end;
      }
      value = ParseAtom(atom, form);
      break;
    }
    case Form::kDateMonthNoYear:
    case Form::kDateSeasonNoYear:
    case Form::kDateDayNoYear:
    case Form::kDateRelative:
    case Form::kDateWeekday:
    case Form::kDateNamed:
    case Form::kDateReference: {
      // A season that opens a name is no date: "the Winter Resilience Plan",
      // "the Summer Reading Challenge" (a month or a year after it still is).
      if (form == Form::kDateSeasonNoYear && end + 1 < text.size() && text[end] == ' ' && IsUpper(text[end + 1])) {
        size_t w = end + 1;
        while (w < text.size() && IsAsciiAlpha(text[w])) ++w;
        if (MonthNumber(Lower(text.substr(end + 1, w - end - 1))) == 0) return end;
      }
      size_t inner_start = atom_start;
      value = ParseRelative(form, atom, atom_start, ctx, &inner_start);
      // "spring/summer 2026", "March or April 2026": the year the second
      // gives is the first's too (a month after the second, "December or
      // January 2027", is in the year before).
      if (value && (form == Form::kDateMonthNoYear || form == Form::kDateSeasonNoYear) &&
          value->relative) {
        StringPiece after(text.data() + end, text.size() - end);
        std::string second, year_text;
        const std::string_view last = atom.substr(atom.rfind(' ') == std::string_view::npos ? 0 : atom.rfind(' ') + 1);
        const bool month = form == Form::kDateMonthNoYear;
        if (RE2::Consume(&after, *coordinated_year, &second, &year_text) && !last.empty()) {
          int y = std::atoi(year_text.c_str());
          if (month && MonthNumber(second) > 0 && MonthNumber(last) > MonthNumber(second)) --y;
          if (!month && MonthNumber(second) == 0 && SeasonNumber(last) > SeasonNumber(second)) --y;
          std::optional<DateValue> given;
          if (month && MonthNumber(last) > 0) given = MonthValue(y, MonthNumber(last));
          if (!month && MonthNumber(second) == 0) given = SeasonValue(y, SeasonNumber(last));
          const std::string lower_atom = Lower(atom);
          if (given && lower_atom.find("next") == std::string::npos && lower_atom.find("last") == std::string::npos &&
              lower_atom.find("this") == std::string::npos && lower_atom.find("early") == std::string::npos &&
              lower_atom.find("late") == std::string::npos && lower_atom.find("mid") == std::string::npos) {
            value = given;
          }
        }
      }
      if (bound_word.empty() && (form == Form::kDateMonthNoYear || form == Form::kDateSeasonNoYear ||
                                 form == Form::kDateDayNoYear || form == Form::kDateWeekday)) {
        // The tag covers the time itself, not the preposition: "in the autumn" -> "autumn".
        text_start = start;
        for (;;) {
          std::string_view rest = text.substr(text_start, end - text_start);
          std::string head = Lower(rest.substr(0, rest.find(' ') + 1));
          if (rest.find(' ') == std::string_view::npos) break;
          if (head != "in " && head != "during " && head != "the " && head != "on ") break;
          text_start += head.size();
        }
      }
      break;
    }
    default:
      value = ParseAtom(atom, form);
      break;
  }
  auto push_date = [&](size_t from, size_t to, DateValue date) {
    Tag tag;
    tag.kind = TagKind::kDate;
    tag.start = from;
    tag.end = to;
    tag.text = std::string(text.substr(from, to - from));
    tag.date = std::move(date);
    ctx.out->push_back(std::move(tag));
  };
  // "extended from March 2028 to March 2030", "brought forward from 2027 to
  // 2026": a date changed, not a period (nor no date at all when the new one
  // is earlier); each end is a date of its own, as "rise from £1,000 to
  // £3,000" names two sums.
  if (form == Form::kDateSpan && bound_word == "from" && (!value || value->precision == "period")) {
    std::string_view before = Trim(text.substr(0, start));
    const size_t space = before.rfind(' ');
    const std::string verb = Lower(space == std::string_view::npos ? before : before.substr(space + 1));
    static constexpr std::string_view kChangeVerbs[] = {
        "advanced", "brought", "changed", "deferred", "delayed", "extended", "forward", "moved", "postponed",
        "put", "rescheduled", "revised", "shifted", "slipped", "back"};
    const bool changed = std::find(std::begin(kChangeVerbs), std::end(kChangeVerbs), verb) != std::end(kChangeVerbs);
    StringPiece whole(atom.data(), atom.size());
    std::string first, second;
    if (changed && RE2::FullMatch(whole, *span_split, &first, &second)) {
      const size_t first_at = static_cast<size_t>(atom.find(first)) + atom_start;
      const size_t second_at = static_cast<size_t>(atom.rfind(second)) + atom_start;
      std::optional<DateValue> old_date = ParseAtom(first, Form::kDateSpan);
      std::optional<DateValue> new_date = ParseAtom(second, Form::kDateSpan);
      if (old_date && new_date) {
        push_date(first_at, first_at + first.size(), std::move(*old_date));
        push_date(second_at, second_at + second.size(), std::move(*new_date));
        return end;
      }
    }
  }
  if (!value) return end;

  DateValue v = *value;
  // A span carries both ends itself: "from 2010 to 2020", "between 2023-2025".
  if (form == Form::kDateSpan || (form == Form::kDateFinancialYear && v.precision == "period")) {
    if (bound_word == "from" || bound_word == "between") bound_word.clear();
  }
  if (!bound_word.empty() && v.bound.empty() && bound_word != "between") {
    bool by = bound_word.rfind("by", 0) == 0 || bound_word.rfind("no", 0) == 0 ||
              bound_word.rfind("not", 0) == 0 || bound_word.rfind("before the", 0) == 0 ||
              bound_word.rfind("on or", 0) == 0;
    bool until = bound_word.rfind("until", 0) == 0 || bound_word == "till" ||
                 bound_word.rfind("up", 0) == 0;
    if (by || until) {
      v.bound = by ? "by" : "until";
      v.start.clear();
    } else if (bound_word == "before") {
      v.bound = "by";
      if (!v.start.empty()) {
        std::optional<CivilDate> s = ParseIsoDate(v.start);
        v.end = s ? FormatIso(AddDays(*s, -1)) : "";
      } else {
        v.end.clear();
      }
      v.start.clear();
    } else if (bound_word == "after") {
      v.bound = "from";
      if (!v.end.empty()) {
        std::optional<CivilDate> e = ParseIsoDate(v.end);
        v.start = e ? FormatIso(AddDays(*e, 1)) : "";
      }
      v.end.clear();
    } else {
      v.bound = "from";
      v.end.clear();
    }
    v.timex.clear();
  }
  push_date(text_start, end, std::move(v));
  return end;
}

size_t Tagger::Impl::HandleMatch(Form form, size_t start, size_t end, Context& ctx) const {
  size_t resume = end;
  switch (form) {
    case Form::kMoneySymbol:
    case Form::kMoneyWords:
      AddMoney(start, end, form, ctx, &resume);
      break;
    case Form::kPercent:
      AddPercent(start, end, ctx);
      break;
    case Form::kCount:
      AddCount(start, end, ctx, 7);
      break;
    default:
      resume = AddDate(form, start, end, ctx);
      break;
  }
  return resume;
}

// ---------------------------------------------------------------------------
// Commitments.

namespace {

bool IsAcronym(std::string_view word) {
  if (word.size() < 2) return false;
  int upper = 0;
  for (char c : word) {
    if (IsUpper(c)) ++upper;
    else if (!(c >= 'a' && c <= 'z') && !IsDigit(c) && c != '&') return false;
  }
  return upper >= 2 && IsUpper(word[0]);
}

// The space-separated words of a subject, without allocating: a subject
// longer than kMax words keeps its first kMax (its head is among them).
struct WordList {
  static constexpr size_t kMax = 32;
  std::string_view word[kMax];
  size_t count = 0;
  size_t size() const { return count; }
  const std::string_view& operator[](size_t i) const { return word[i]; }
};

WordList Words(std::string_view s) {
  WordList out;
  size_t i = 0;
  while (i < s.size() && out.count < WordList::kMax) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.word[out.count++] = s.substr(i, j - i);
    i = j;
  }
  return out;
}

// Trailing adverbs that are not part of the subject ("The Council also will").
std::string_view DropTrailingAdverbs(std::string_view subject) {
  for (;;) {
    subject = Trim(subject);
    size_t sp = subject.rfind(' ');
    if (sp == std::string_view::npos) return subject;
    std::string last = Lower(subject.substr(sp + 1));
    bool adverb = last == "also" || last == "now" || last == "then" || last == "still" ||
                  last == "further" || last == "therefore" || last == "however" || last == "soon" ||
                  last == "jointly" || last == "together" ||
                  (last.size() > 4 && last.compare(last.size() - 2, 2, "ly") == 0);
    if (!adverb) return subject;
    subject = subject.substr(0, sp);
  }
}

}  // namespace

namespace {

// Lower-cases an ASCII word into `buf` (words longer than it never match).
std::string_view LowerWord(std::string_view word, char (&buf)[24]) {
  if (word.size() >= sizeof buf) return {};
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return std::string_view(buf, word.size());
}

// Nouns that name a purpose or a problem: "The purpose of this report is to
// provide...", "The challenge is to balance..." state what something is for,
// not what anyone will do.
bool IsPurposeNoun(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "aim", "ambition", "answer", "aspiration", "challenge", "difficulty", "expectation", "focus",
      "function", "goal", "hope", "idea", "intent", "intention", "issue", "job", "key", "mission",
      "object", "objective", "objectives", "point", "priority", "problem", "purpose", "question",
      "remit", "risk", "role", "solution", "task", "test", "vision"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

// A text speaking of itself: "This report will provide...", "The paper aims
// to set out...".
bool IsDocumentNoun(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"annex", "appendix", "briefing", "chapter", "document", "letter",
                                       "note", "paper", "paragraph", "presentation", "report", "section",
                                       "submission", "summary"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

bool IsDescribingVerb(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "analyse", "assess", "consider", "cover", "describe", "detail", "discuss", "draw", "examine",
      "explain", "give", "highlight", "identify", "inform", "introduce", "look", "outline", "present",
      "provide", "review", "seek", "set", "summarise", "summarize", "update"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

// Outcome verbs whose subject undergoes the outcome rather than causes it:
// "One in seven people will face care costs of more than £100,000",
// "Residents will see a rise of £40". Said of something that is not a body,
// they forecast what happens to people, and a sum or a date does not make
// them a target the way it does "The bursary will increase to £3,000".
bool IsExperiencerVerb(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"experience", "face", "feel", "find", "lose", "need", "notice",
                                       "see", "struggle", "suffer", "want"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

// Verbs that forecast an outcome rather than name an action: "Demand will
// peak in 2027", "The funding will help", and the experiencer verbs above.
// Said of something that is not a body, they are not undertakings unless
// they put a sum or a deadline on the outcome (a target).
bool IsOutcomeVerb(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "affect", "be", "become", "benefit", "cause", "change", "continue", "cost", "decline",
      "decrease", "depend", "double", "drop", "exceed", "fall", "grow", "happen", "help", "increase",
      "last", "lead", "mean", "peak", "reach", "remain", "rise", "thrive", "vary"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower) || IsExperiencerVerb(lower);
}

// Verbs of what is scheduled, after "is due to" ("is due to open", "are due
// to be published"): "due to" before anything else gives a cause.
bool IsScheduledVerb(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "agree", "apply", "approve", "arrive", "award", "be", "begin", "close", "come", "commence", "complete",
      "conclude", "consider", "decide", "deliver", "end", "expire", "finish", "go", "hold", "launch", "meet",
      "move", "open", "present", "publish", "receive", "reopen", "report", "return", "run", "sign", "start",
      "submit", "take", "transfer"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

// Verbs that report a decision, whose "that" clause is the undertaking:
// "The Cabinet Member agreed that the Council will write...".
bool IsDecisionVerb(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"agreed", "announced", "confirmed", "decided", "pledged",
                                       "promised", "resolved", "undertook"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

// Words after "to" that show it is not an infinitive: "is to the north",
// "are to blame", "agreed to the proposal".
bool IsNotAVerbAfterTo(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"a", "all", "an", "blame", "date", "her", "his", "its", "my",
                                       "our", "that", "the", "their", "these", "this", "those", "your"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

// First words of explore_cue and consult_cue, so that those patterns run
// only where they can match.
bool IsExploringVerb(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"assess", "consider", "considering", "examine", "examining",
                                       "explore", "exploring", "investigate", "investigating", "look",
                                       "looking", "review"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}
bool IsConsultingVerb(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"be", "begin", "carry", "consult", "hold", "issue", "launch",
                                       "open", "publish", "run", "start", "undertake"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

bool ContainsConsultation(std::string_view s) {
  for (size_t at = s.find("onsultation"); at != std::string_view::npos; at = s.find("onsultation", at + 1)) {
    if (at > 0 && (s[at - 1] == 'c' || s[at - 1] == 'C') && (at < 2 || !IsAsciiAlpha(s[at - 2]))) return true;
  }
  return false;
}

// Words that name a body that can undertake something: institutions, and
// office holders, who undertake things in minutes and press releases.
bool IsBodyWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "administration", "agencies", "agency", "association", "authorities", "authority", "board",
      "bodies", "body", "cabinet", "chair", "chairman", "chairperson", "chairwoman", "chancellor",
      "college", "commission", "commissioner", "committee", "council", "councillor", "councillors",
      "councils", "department", "director", "directors", "executive", "force", "forum", "fund", "government",
      "group", "headteacher", "inspectorate", "leader", "mayor", "member", "members", "minister",
      "ministers", "ministry", "network", "office", "officer", "officers", "organisation",
      "organization", "panel", "parliament", "partnership", "programme", "regulator", "secretary",
      "service", "taskforce", "team", "trust", "unit", "university", "we"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

// True when a word of `head` (words split at anything but letters) is a
// body word: "the integrated care board", "Officers", "NHS England's Trust".
bool NamesABody(std::string_view head) {
  size_t i = 0;
  while (i < head.size()) {
    while (i < head.size() && !IsAsciiAlpha(head[i])) ++i;
    size_t j = i;
    while (j < head.size() && IsAsciiAlpha(head[j])) ++j;
    char buf[24];
    if (j > i && IsBodyWord(LowerWord(head.substr(i, j - i), buf))) return true;
    i = j;
  }
  return false;
}

std::string_view FirstWord(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (IsAsciiAlpha(s[i]) || s[i] == '-')) ++i;
  return s.substr(0, i);
}

std::string_view LastWord(std::string_view s) {
  size_t end = s.size();
  while (end > 0 && !IsAsciiAlpha(s[end - 1])) --end;
  size_t start = end;
  while (start > 0 && (IsAsciiAlpha(s[start - 1]) || s[start - 1] == '-')) --start;
  return s.substr(start, end - start);
}

// Words of a phrase saying when or where something was said: "in July",
// "last week", "at the meeting", "on Tuesday" (capitalised words count too).
bool IsTimeOrPlaceWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "a",     "at",        "earlier", "in",   "last",  "later",    "meeting", "month", "on",
      "the",   "this",      "today",   "week", "year",  "yesterday"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

// Words for a person holding a role, who is "he" or "she" but never "it".
bool IsPersonWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "chair",    "chairman", "chairperson", "chairwoman", "chancellor", "commissioner", "councillor",
      "director", "headteacher", "leader",   "manager",    "mayor",      "member",       "minister",
      "officer",  "secretary", "spokesman", "spokesperson", "spokeswoman"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

// Verbs that report what somebody said, in the present or the past ("The
// Council says it will ...", "The Manager said the Council will ...").
bool IsReportingVerb(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"added",    "adds",      "announced", "announces",
                                                "confirmed", "confirms", "explained", "explains",
                                                "said",     "says",      "stated",    "states"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

// Verbs that report a view of what will happen rather than an intention:
// "officers warn the running costs will land on taxpayers", "campaigners
// argue the Government will miss its target". What they report is an
// undertaking only of the speaker itself ("The Council warned that it will
// close two libraries").
bool IsOpinionVerb(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "argue",   "argued",   "argues",   "believe",  "believed", "believes", "claim",   "claimed", "claims",
      "fear",    "feared",   "fears",    "predict",  "predicted", "predicts", "suggest", "suggested",
      "suggests", "warn",    "warned",   "warns"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

// Whether `reporter`, the words before a reporting verb, names somebody
// who says it: nobody reports in "No one had contacted HMRC or said they
// would", which is no noun phrase.
// "funding", "consultation", "management", "authority" read as common nouns
// by their endings (a word for a body is checked before this).
bool LooksLikeCommonNoun(std::string_view lower) {
  auto ends = [&](std::string_view end) {
    return lower.size() >= end.size() && lower.substr(lower.size() - end.size()) == end;
  };
  return lower.size() > 4 && (ends("ing") || ends("tion") || ends("ment") || ends("ity"));
}

// A subject opening with the present participle of a verb of change:
// "Rising costs", "growing demand", "Increasing numbers of children".
bool OpensWithATrend(std::string_view subject) {
  char buf[24];
  std::string_view first = LowerWord(FirstWord(subject), buf);
  if (first == "the") {
    const std::string_view rest = subject.substr(std::min(subject.size(), FirstWord(subject).size() + 1));
    first = LowerWord(FirstWord(rest), buf);
  }
  if (first.size() < 6 || first.substr(first.size() - 3) != "ing") return false;
  const std::string base(first.substr(0, first.size() - 3));
  if (IsOutcomeVerb(base) || IsOutcomeVerb(base + "e")) return true;  // "increas" + e, "ris" + e
  // "dropping": a doubled last letter.
  return base.size() > 2 && base[base.size() - 1] == base[base.size() - 2] &&
         IsOutcomeVerb(base.substr(0, base.size() - 1));
}

// A report's proposal, made ("It is proposed that", "The Leader proposed
// that") or being made ("Officers propose that", "The Director recommends
// that").
bool IsProposingVerb(std::string_view lower) {
  return lower == "proposed" || lower == "recommended" || lower == "propose" || lower == "proposes" ||
         lower == "recommend" || lower == "recommends";
}

// A report's recommendation, an item of the list after "Cabinet is asked
// to:" in the imperative, before its "that": "agree that the Council will
// create 150 apprenticeships", "(c) approve that ...". `before` is the words
// before " that ", after any enumerator ("c.", "(c)", "c)").
bool RecommendsAClause(std::string_view before) {
  before = Trim(before);
  while (!before.empty() && !IsAsciiAlpha(before[0])) before.remove_prefix(1);
  const std::string_view first = FirstWord(before);
  if (first.size() < before.size() && first.size() <= 4 &&
      (first.back() == '.' || first.back() == ')')) {
    before = Trim(before.substr(first.size()));
  }
  if (before.empty() || FirstWord(before).size() != before.size()) return false;
  char buf[24];
  const std::string_view lower = LowerWord(before, buf);
  return lower == "agree" || lower == "approve" || lower == "confirm" || lower == "endorse" ||
         lower == "resolve";
}

// A body or a named person: "the district council", "NHS England", "The
// Secretary of State", "the Chief Executive" (a capitalised word after the
// first, or a word for a role), not "officers" or "it".
bool NamesSomebody(std::string_view who) {
  const WordList words = Words(who);
  for (size_t k = 0; k < words.size(); ++k) {
    if (IsAcronym(words[k]) || (k > 0 && IsUpper(words[k][0]))) return true;
  }
  char buf[24];
  return NamesABody(who) || IsPersonWord(LowerWord(LastWord(who), buf));
}

std::string_view StripThe(std::string_view name) {
  if (name.size() > 4 && (name[0] == 'T' || name[0] == 't') && name[1] == 'h' && name[2] == 'e' && name[3] == ' ')
    name.remove_prefix(4);
  return name;
}

// "NHS England has": who reports in the present perfect ("has said it
// will", "have confirmed that"), without the auxiliary.
std::string_view DropPerfectAuxiliary(std::string_view reporter) {
  const std::string_view last = LastWord(reporter);
  char buf[24];
  const std::string_view lower = LowerWord(last, buf);
  if ((lower == "has" || lower == "have") && last.size() < reporter.size())
    return Trim(reporter.substr(0, static_cast<size_t>(last.data() - reporter.data())));
  return reporter;
}

// Where the quotation that `text` is inside at offset `at` closes, as an
// offset from `at` within the next `length` bytes; nullopt when `at` is not
// inside a quotation or it does not close there. Curly marks pair by kind;
// straight double quotes by their count before `at`.
std::optional<size_t> ClosingQuote(std::string_view text, size_t at, size_t length) {
  // Within the paragraph, and a quotation's length: a text tagged whole
  // is not scanned from its start for each sentence.
  constexpr size_t kReach = 2000;
  size_t from = at > kReach ? at - kReach : 0;
  if (const size_t blank = text.substr(from, at - from).rfind("\n\n"); blank != std::string_view::npos) from += blank;
  const std::string_view before = text.substr(from, at - from);
  std::string_view span = text.substr(at, std::min(length, kReach));
  span = span.substr(0, span.find("\n\n"));
  const size_t open = before.rfind("“");
  const size_t closed = before.rfind("”");
  if (open != std::string_view::npos && (closed == std::string_view::npos || closed < open)) {
    const size_t close = span.find("”");
    if (close != std::string_view::npos) return close;
    return std::nullopt;
  }
  if (std::count(before.begin(), before.end(), '"') % 2 == 1) {
    const size_t close = span.find('"');
    if (close != std::string_view::npos) return close;
  }
  return std::nullopt;
}

// True when `tail`, the words after a closing quotation mark, says who said
// it (", said Councillor Jane Smith.", "the council leader told the
// meeting", "(Cllr Smith said)"); sets `who` to the speaker.
bool QuoteReporter(std::string_view tail, std::string* who) {
  static const RE2* after = Compile(
      "^[(,]?\\s*(?:said|says|added|adds|announced|explained|promised|pledged|insisted|confirmed|stated)"
      "\\s+((?:[Tt]he\\s)?[A-Za-z][\\w'’&-]*(?:\\s[A-Za-z][\\w'’&-]*){0,6})")
      .release();
  static const RE2* before = Compile(
      "^[(,]?\\s*((?:[Tt]he\\s)?[A-Za-z][\\w'’&-]*(?:\\s[A-Za-z][\\w'’&-]*){0,6})\\s+"
      "(?:said|says|added|adds|told|announced|explained|promised|pledged|insisted|confirmed|stated)\\b")
      .release();
  const StringPiece piece(tail.data(), tail.size());
  if (RE2::PartialMatch(piece, *before, who)) return true;
  return RE2::PartialMatch(piece, *after, who);
}

bool CanReport(std::string_view reporter) {
  char first_buf[24];
  const std::string_view first = LowerWord(FirstWord(reporter), first_buf);
  if (first == "no" || first == "nobody" || first == "none" || first == "neither") return false;
  const WordList words = Words(reporter);
  for (size_t k = 0; k < words.size(); ++k) {
    char aux_buf[24];
    const std::string_view aux = LowerWord(words[k], aux_buf);
    if (aux == "had" || aux == "has" || aux == "have" || aux == "was" || aux == "were" || aux == "not") return false;
  }
  return true;
}

// True when `before` (the words before " that ") ends with a verb that
// reports a decision or a statement ("Members agreed", "The Manager said",
// "Officers told members", "the Director assured the Committee"); sets
// `reporter` to the words before that verb.
bool ReportsAClause(std::string_view before, std::string_view* reporter, bool* opinion) {
  before = Trim(before);
  // The verb is the last word, or for verbs with an object ("told members",
  // "assured the Committee") one of the three before it.
  std::string_view rest = before;
  bool when_where = true;  // every word passed so far says when or where
  // Every word passed so far is part of a name: the object of "told" may be
  // a body's whole name ("told the Local Democracy Reporting Service that").
  bool named_object = true;
  for (int back = 0; back < 8 && !rest.empty(); ++back) {
    const std::string_view word = LastWord(rest);
    char buf[24];
    const std::string_view lower = LowerWord(word, buf);
    const bool with_object = lower == "told" || lower == "tells" || lower == "assured" || lower == "informed" ||
                             lower == "advised" || lower == "reminded";
    // "said in July that", "confirmed last week that": a reporting verb a
    // few words back, the words between saying when or where ("said they
    // expected that" is not one).
    *opinion = IsOpinionVerb(lower);
    const bool reports = IsDecisionVerb(lower) || IsReportingVerb(lower) || *opinion || IsProposingVerb(lower);
    if ((back == 0 && reports) ||
        (back > 0 && ((with_object && (back < 4 || named_object)) || (back < 4 && reports && when_where)))) {
      *reporter = DropPerfectAuxiliary(Trim(rest.substr(0, static_cast<size_t>(word.data() - rest.data()))));
      // "It was agreed that ...", "It was resolved that ...": minutes'
      // passive for the meeting's own decision.
      char it_buf[24], was_buf[24];
      const WordList by = Words(*reporter);
      if (back == 0 && IsDecisionVerb(lower) && by.size() == 2 && LowerWord(by[0], it_buf) == "it" &&
          LowerWord(by[1], was_buf) == "was") {
        return true;
      }
      // "It is proposed that ...", "It was recommended that ...": a report's
      // proposal.
      if (back == 0 && IsProposingVerb(lower) && by.size() == 2 && LowerWord(by[0], it_buf) == "it" &&
          (LowerWord(by[1], was_buf) == "was" || LowerWord(by[1], was_buf) == "is")) {
        return true;
      }
      return CanReport(*reporter);
    }
    // Words saying when or where keep the search going; anything else stops
    // a reporting verb further back from counting.
    const bool when_or_where = IsUpper(word.empty() ? 'a' : word[0]) || IsTimeOrPlaceWord(lower);
    when_where = when_where && when_or_where;
    named_object = named_object && !word.empty() &&
                   (IsUpper(word[0]) || lower == "the" || lower == "of" || lower == "for" || lower == "and");
    rest = Trim(rest.substr(0, static_cast<size_t>(word.data() - rest.data())));
  }
  return false;
}

bool EndsWith(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// True when the cue word `cue` (lower case) after `before` is a noun, not a
// verb: "its overarching plans to reset", "the Government's aims to", "the
// Agency's plan to", "an ambitious plan to". After a possessive, an article,
// a demonstrative or a genitive, or after a possessive pronoun and one
// adjective, it is a noun; a bare form ("plan", "pledge") also after "a" or
// "an" and one adjective. "The Council plans to", "We plan to", "Councils
// plan to" are verbs.
bool IsNounCue(std::string_view before, std::string_view cue) {
  static constexpr std::string_view kBare[] = {"aim", "commitment", "intention", "plan", "pledge"};
  static constexpr std::string_view kThird[] = {"aims", "commits", "intends", "plans", "pledges", "proposes"};
  static_assert(SortedWords(kBare) && SortedWords(kThird), "keep the lists sorted");
  const bool bare = InSorted(kBare, cue);
  if (!bare && !InSorted(kThird, cue)) return false;
  before = Trim(before);
  if (EndsWith(before, "'s") || EndsWith(before, "\xE2\x80\x99s")) return true;  // a genitive, straight or curly
  auto possessive = [](std::string_view w) {
    return w == "its" || w == "their" || w == "our" || w == "his" || w == "her" || w == "your";
  };
  const std::string_view last = LastWord(before);
  if (last.empty()) return false;
  char last_buf[24], earlier_buf[24];
  const std::string_view w1 = LowerWord(last, last_buf);
  const std::string_view w2 =
      LowerWord(LastWord(before.substr(0, static_cast<size_t>(last.data() - before.data()))), earlier_buf);
  if (possessive(w1) || w1 == "the" || w1 == "this" || w1 == "that" || w1 == "these" || w1 == "those") return true;
  // The object of a verb in -ing: "Parliament is considering plans to ...".
  if (w1.size() > 4 && w1.substr(w1.size() - 3) == "ing") return true;
  if (possessive(w2)) return true;
  return bare && (w1 == "a" || w1 == "an" || w2 == "a" || w2 == "an");
}

bool IsQuestion(std::string_view sentence) {
  size_t end = sentence.size();
  while (end > 0 && (sentence[end - 1] == ' ' || sentence[end - 1] == '\n' || sentence[end - 1] == '"' ||
                     sentence[end - 1] == ')' || sentence[end - 1] == '\''))
    --end;
  if (end >= 3 && sentence.compare(end - 3, 3, "”") == 0) end -= 3;
  if (end >= 3 && sentence.compare(end - 3, 3, "’") == 0) end -= 3;
  return end > 0 && sentence[end - 1] == '?';
}

// Words that, in the stretch before a modal, put it in a condition, a
// subordinate clause or a demand: "If funding allows, the Council will",
// "the commitment that the Government will", "must set out how ... will".
bool IsSubordinatingWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"although", "because", "could", "how", "if", "must", "should",
                                       "that", "though", "unless", "what", "whether", "which", "while",
                                       "whilst", "why", "would"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

// Conjunctions that open a subordinate clause when they open a sentence:
// "Since ...", "Where ...", "When ...", "Once ...", "Until ...".
bool IsLeadingSubordinator(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"once", "since", "until", "when", "whenever", "where",
                                                "whereas", "wherever"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

// True when `text` points at another part of the text it is in: "in
// succeeding chapters", "in section 4", "below", "in the annex".
bool RefersToAPartOfTheText(std::string_view text) {
  static constexpr std::string_view kWords[] = {"annex",   "annexes", "appendices", "appendix", "below",
                                                "chapter", "chapters", "paragraph", "paragraphs", "section",
                                                "sections"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  const WordList words = Words(text);
  for (size_t i = 0; i < words.size(); ++i) {
    char buf[24];
    std::string_view lower = LowerWord(words[i], buf);
    while (!lower.empty() && !IsAsciiAlpha(lower.back())) lower.remove_suffix(1);
    if (InSorted(kWords, lower)) return true;
  }
  return false;
}

// True when a space-separated word of `text` is a subordinating word; one
// pass over the text, each word looked up once.
bool HasSubordinatingWord(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    // A word opening a quotation or a bracket: "\"If they give me ...".
    while (i < j && (text[i] == '"' || text[i] == '(' || text[i] == '[' || text[i] == '\'')) ++i;
    if (j - i >= 2 && j - i <= 8) {
      char buf[24];
      if (IsSubordinatingWord(LowerWord(text.substr(i, j - i), buf))) return true;
    }
    i = j;
  }
  return false;
}

// `subject` without a relative clause that opens with ", which" or ", who"
// and closes with the comma `subject` ends with (the modal follows it);
// `subject` itself otherwise. The clause must hold no other comma, so a
// list or a second clause is not read as one.
std::string_view DropClosedRelativeClause(std::string_view subject) {
  std::string_view body = subject;  // Trim() would take the closing comma
  while (!body.empty() && body.back() == ' ') body.remove_suffix(1);
  if (body.size() < 2 || body.back() != ',') return subject;
  body.remove_suffix(1);
  const size_t open = body.rfind(", ");
  if (open == std::string_view::npos || open == 0) return subject;
  char buf[24];
  const std::string_view word = LowerWord(FirstWord(Trim(body.substr(open + 1))), buf);
  if (word != "which" && word != "who") return subject;
  return Trim(body.substr(0, open));
}

// Whether `text` opens with "the" and a comparative ("the more", "the
// sooner", "the better"): one half of "the more ..., the more ...".
bool OpensAComparative(std::string_view text) {
  char buf[24];
  if (LowerWord(FirstWord(text), buf) != "the") return false;
  const std::string_view rest = Trim(text.substr(3));
  const std::string_view word = LowerWord(FirstWord(rest), buf);
  static constexpr std::string_view kComparatives[] = {
      "more", "less", "fewer", "better", "worse", "sooner", "later", "earlier", "greater", "longer",
      "shorter", "higher", "lower", "faster", "slower", "further", "bigger", "smaller", "stronger",
      "weaker", "easier", "harder", "quicker", "wider", "closer", "clearer", "richer", "poorer"};
  return std::find(std::begin(kComparatives), std::end(kComparatives), word) != std::end(kComparatives);
}

}  // namespace

namespace {

// What a resolution does by being passed, not later: "RESOLVED that the
// report be noted", "that Cabinet approve the strategy".
bool IsPresentAct(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "accept",   "accepted", "adopt",    "adopted",   "agree",     "agreed",    "approve",  "approved",
      "comment",  "commented", "confirm", "confirmed", "consider",  "considered", "endorse", "endorsed",
      "note",     "noted",    "ratified", "ratify",    "receive",   "received",  "sign",     "signed",
      "support",  "supported", "thank",   "thanked",   "welcome",   "welcomed"};
  static_assert(SortedWords(kWords), "keep the list sorted");
  return InSorted(kWords, lower);
}

}  // namespace

// "RESOLVED that the Chief Executive write to the Secretary of State",
// "RESOLVED – That a working group be established to review bus services",
// "RESOLVED that Cabinet agree to transfer the functions from 1 April": a
// resolution's clause in the mandative subjunctive, which orders something
// done. Finds the first such clause of `sentence` whose verb is no act the
// resolution does by being passed (noting, approving: IsPresentAct); sets
// the start of its subject and of its verb ("write", "be", "agree").
bool Tagger::Impl::ResolutionClause(std::string_view sentence, size_t* subject_start, size_t* verb_start,
                                    bool* proposal) const {
  StringPiece whole(sentence.data(), sentence.size());
  StringPiece found;
  size_t from = 0;
  bool resolved = false;  // a resolution's keyword came before
  // A report's proposal: "It is proposed that the Council allocates £1.5
  // million ...", the clause's verb in the present as often as in the
  // subjunctive.
  bool proposed = false;
  while (from < sentence.size()) {
    size_t clause = std::string_view::npos;
    if (resolution_that->Match(whole, from, sentence.size(), RE2::UNANCHORED, &found, 1)) {
      clause = static_cast<size_t>(found.data() - sentence.data()) + found.size();
      resolved = true;
    } else if (!resolved && proposal_that->Match(whole, from, sentence.size(), RE2::UNANCHORED, &found, 1)) {
      clause = static_cast<size_t>(found.data() - sentence.data()) + found.size();
      proposed = true;
    }
    // Further parts of one resolution: "; (b) that a working group be ...".
    // "; (b) That the Director ..." as often in capitals.
    const size_t part = resolved ? std::min(sentence.find("that ", from), sentence.find("That ", from))
                                 : std::string_view::npos;
    if (part != std::string_view::npos && part < clause && part > 0 &&
        (sentence[part - 1] == ' ' || sentence[part - 1] == '(')) {
      clause = part + 5;
    }
    if (clause == std::string_view::npos) return false;
    from = clause;
    // The subject: one to eight words, then the verb.
    size_t at = clause;
    std::string_view last_subject_word;
    for (int words = 0; words < 9 && at < sentence.size(); ++words) {
      while (at < sentence.size() && sentence[at] == ' ') ++at;
      size_t end = at;
      while (end < sentence.size() && sentence[end] != ' ') ++end;
      const std::string_view word = sentence.substr(at, end - at);
      if (word.empty() || !IsAsciiAlpha(word[0])) break;
      char buf[24];
      const std::string_view lower = LowerWord(FirstWord(word), buf);
      if (words > 0 && FirstWord(word).size() == word.size()) {
        // "be" and a participle ("be established", "be asked to review").
        if (lower == "be") {
          size_t next = end;
          while (next < sentence.size() && sentence[next] == ' ') ++next;
          const std::string_view participle = FirstWord(sentence.substr(next));
          char pbuf[24];
          if (!participle.empty() && RE2::FullMatch(StringPiece(participle.data(), participle.size()), *participle_word) &&
              !IsPresentAct(LowerWord(participle, pbuf))) {
            *subject_start = clause;
            *verb_start = at;
            if (proposal != nullptr) *proposal = proposed;
            return true;
          }
          break;
        }
        // A bare verb after a subject that names a body or a person:
        // "officers prepare", "the Chief Executive write", "Cabinet agree to".
        char sbuf[24];
        const std::string_view subject_last = LowerWord(last_subject_word, sbuf);
        // In a proposal the verb may be in the present: "allocates",
        // "ratifies" (read as "allocate", "ratify").
        std::string base(lower);
        if (proposed && base.size() > 4 && EndsWith(base, "s") && !EndsWith(base, "ss")) {
          if (EndsWith(base, "ies")) base = base.substr(0, base.size() - 3) + "y";
          else if (EndsWith(base, "shes") || EndsWith(base, "ches") || EndsWith(base, "sses")) base.resize(base.size() - 2);
          else base.pop_back();
        }
        const bool verb_shape = (word[0] >= 'a' && word[0] <= 'z') && base.size() > 2 && !IsFunctionWord(lower) &&
                                !(EndsWith(base, "s") && !EndsWith(base, "ss")) && !EndsWith(lower, "ed") &&
                                !EndsWith(lower, "ing") && !EndsWith(lower, "ly");
        if (verb_shape && (IsBodyWord(subject_last) || IsPersonWord(subject_last))) {
          bool act = !IsPresentAct(base);
          // "agree to transfer": what is agreed to is the act.
          if (!act && lower == "agree" && sentence.substr(end, 4) == " to ") {
            const std::string_view then = FirstWord(sentence.substr(end + 4));
            char tbuf[24];
            act = !then.empty() && then[0] >= 'a' && then[0] <= 'z' && !IsPresentAct(LowerWord(then, tbuf));
          }
          if (act) {
            *subject_start = clause;
            *verb_start = at;
            if (proposal != nullptr) *proposal = proposed;
            return true;
          }
          break;
        }
      }
      if (lower == "will" || lower == "shall" || lower == "should" || lower == "would" || lower == "is" ||
          lower == "are" || lower == "was" || lower == "were" || lower == "has" || lower == "have") {
        break;
      }
      last_subject_word = FirstWord(word);
      at = end;
    }
  }
  return false;
}

std::optional<Tag> Tagger::Impl::Commitment(std::string_view text, TextRange range,
                                            const std::vector<Tag>& tags, const TagOptions& options,
                                            size_t cue_from) const {
  std::string_view sentence = text.substr(range.start, range.end - range.start);
  // Questions ask; they undertake nothing ("Will the Government commit to...?").
  if (IsQuestion(sentence)) return std::nullopt;
  // The tags inside this sentence: tags are in scan order (by start), so
  // they are one contiguous run.
  auto first_inside = std::lower_bound(tags.begin(), tags.end(), range.start,
                                       [](const Tag& t, size_t at) { return t.start < at; });
  auto last_inside = first_inside;
  bool has_money = false, has_date = false, has_deadline = false;
  while (last_inside != tags.end() && last_inside->start < range.end) {
    if (last_inside->end <= range.end) {
      has_money |= last_inside->kind == TagKind::kMoney;
      has_date |= last_inside->kind == TagKind::kDate;
      has_deadline |= last_inside->kind == TagKind::kDate && last_inside->date.bound == "by";
    }
    ++last_inside;
  }
  auto copy_inside = [&](TagKind kind) {
    std::vector<Tag> out;
    for (auto it = first_inside; it != last_inside; ++it) {
      if (it->kind == kind && it->end <= range.end) out.push_back(*it);
    }
    return out;
  };
  // The money tag that starts at `at` (an offset into the sentence), if any.
  auto money_at = [&](size_t at) -> const Tag* {
    for (auto it = first_inside; it != last_inside; ++it) {
      if (it->kind == TagKind::kMoney && it->start == range.start + at) return &*it;
    }
    return nullptr;
  };
  auto finish = [&](std::string actor, std::string_view modality, std::string_view action) -> std::optional<Tag> {
    // Quoted words end at the closing quotation mark. A quotation attributed
    // in brackets or after a dash, as research and consultation reports set
    // out what their participants said ("... our bank reconciliation.”
    // (limited company, 100+ returns)"), is a participant's testimony, not
    // an undertaking; one a reporter attributes ("...,” said Councillor
    // Smith.") is the speaker's, who is then the actor of an agentless one.
    if (action.data() >= text.data() && action.data() <= text.data() + text.size()) {
      const size_t at = static_cast<size_t>(action.data() - text.data());
      if (std::optional<size_t> close = ClosingQuote(text, at, text.size() - at); close) {
        const size_t mark = text.compare(at + *close, 3, "”") == 0 ? 3 : 1;
        std::string_view tail = Trim(text.substr(at + *close + mark));
        tail = tail.substr(0, std::min(tail.size(), tail.find_first_of(".!?") == std::string_view::npos
                                                        ? tail.size()
                                                        : tail.find_first_of(".!?") + 1));
        std::string who;
        const bool reported = QuoteReporter(tail, &who);
        if (!reported && !tail.empty() &&
            (tail[0] == '(' || tail.substr(0, 3) == "–" || tail.substr(0, 3) == "—" || tail.substr(0, 2) == "- ")) {
          return std::nullopt;
        }
        if (*close < action.size()) {
          action = action.substr(0, *close);
          while (!action.empty() && (action.back() == ',' || action.back() == '.' || action.back() == ' ')) {
            action.remove_suffix(1);
          }
          if (reported && actor == "unspecified" && NamesSomebody(who) && CanReport(who)) {
            actor = std::string(StripThe(who));
          }
        }
      }
    }
    // A resolution's next part is not this part's action: "... capacity; (c)
    // That a task and finish group be established".
    for (size_t semi = action.find("; "); semi != std::string_view::npos; semi = action.find("; ", semi + 2)) {
      std::string_view next = action.substr(semi + 2);
      if (next.substr(0, 4) == "and ") next.remove_prefix(4);
      const size_t close = next.find(") ");
      if (!next.empty() && next[0] == '(' && close != std::string_view::npos && close <= 4) {
        next = next.substr(close + 2);
      }
      if (next.substr(0, 5) == "that " || next.substr(0, 5) == "That ") {
        action = action.substr(0, semi);
        break;
      }
    }
    // A reporter after the clause, as news writes it: "..., the Transport
    // Secretary announced today." is no part of the action, and says whose
    // undertaking it is when the clause does not.
    {
      static const RE2* trailing_reporter = Compile(
          "^,\\s((?:[Tt]he\\s)?[A-Za-z][\\w'’&-]*(?:\\s[A-Za-z][\\w'’&-]*){0,6})\\s"
          "(?:said|says|announced|announces|confirmed|confirms|added|adds|pledged|promised|stated)"
          "(?:\\s(?:today|yesterday|on\\s\\w+(?:\\s\\d{1,2})?|last\\s\\w+|this\\s\\w+))?[.!]?\\s*$")
          .release();
      const size_t comma = action.rfind(", ");
      std::string who;
      if (comma != std::string_view::npos &&
          RE2::FullMatch(StringPiece(action.data() + comma, action.size() - comma), *trailing_reporter, &who) &&
          NamesSomebody(who) && CanReport(who)) {
        action = action.substr(0, comma);
        if (actor == "unspecified") actor = std::string(StripThe(who));
      }
    }
    Tag tag;
    tag.kind = TagKind::kCommitment;
    tag.start = range.start;
    tag.end = range.end;
    tag.text = std::string(sentence);
    tag.commitment.actor = std::move(actor);
    tag.commitment.modality = std::string(modality);
    tag.commitment.action = std::string(Trim(action));
    tag.commitment.money = copy_inside(TagKind::kMoney);
    tag.commitment.dates = copy_inside(TagKind::kDate);
    return tag;
  };

  StringPiece whole(sentence.data(), sentence.size());

  // An item of a list a commitment leads into ("The Government will:" then
  // "- deliver 110,000 affordable homes;"): the item is the action.
  if (!options.list_actor.empty()) {
    std::string_view action = Trim(sentence);
    while (!action.empty() && (action.back() == ';' || action.back() == '.' || action.back() == ',')) {
      action.remove_suffix(1);
    }
    for (std::string_view tail : {"; and", "; or", ", and", ", or", " and", " or"}) {
      if (action.size() > tail.size() && action.substr(action.size() - tail.size()) == tail) {
        action.remove_suffix(tail.size());
        break;
      }
    }
    while (!action.empty() && (action.back() == ';' || action.back() == ',')) action.remove_suffix(1);
    if (action.empty()) return std::nullopt;
    if (options.list_action.empty()) return finish(options.list_actor, options.list_modality, action);
    std::string whole_action = options.list_action;
    whole_action += ' ';
    whole_action.append(action);
    return finish(options.list_actor, options.list_modality, whole_action);
  }

  // An action point of minutes: who is named, and the act after "to".
  {
    StringPiece who, verb;
    if (RE2::PartialMatch(whole, *action_point, &who, &verb)) {
      const std::string_view actor = StripThe(Trim(std::string_view(who.data(), who.size())));
      const size_t at = static_cast<size_t>(verb.data() - sentence.data());
      return finish(std::string(actor), "will", sentence.substr(at));
    }
  }

  // The cue: a modal or undertaking verb, or a funding verb with its sum,
  // whichever comes first. Funding verbs and list items need a sum.
  StringPiece found;
  size_t modal_start = sentence.size(), modal_end = sentence.size();
  bool funding = false;
  // No cue starts before `cue_from` (the caller's keyword, less the room
  // for "have " or "are now " before it), so the scan starts there.
  const size_t from = cue_from > range.start ? std::min(cue_from - range.start, sentence.size()) : 0;
  bool reported = false;  // the cue is a reported "would"
  size_t resolution_subject = std::string_view::npos;  // ResolutionClause's subject, when it is the cue
  bool proposal = false;  // ... and the clause is a report's proposal
  StringPiece reported_groups[2];
  if (modal->Match(whole, from, sentence.size(), RE2::UNANCHORED, &found, 1)) {
    modal_start = static_cast<size_t>(found.data() - sentence.data());
    modal_end = modal_start + found.size();
  } else if (reported_would->Match(whole, 0, sentence.size(), RE2::UNANCHORED, reported_groups, 2)) {
    modal_start = static_cast<size_t>(reported_groups[1].data() - sentence.data());
    modal_end = modal_start + reported_groups[1].size();
    reported = true;
  } else if (size_t subject_at = 0, verb_at = 0; ResolutionClause(sentence, &subject_at, &verb_at, &proposal)) {
    // The clause's verb is the undertaking; no modal word is written.
    modal_start = modal_end = verb_at;
    resolution_subject = subject_at;
  } else if (!has_money) {
    return std::nullopt;
  }
  // Opinions open with "We" or "I"; the pattern runs only then.
  {
    std::string_view lead = Trim(sentence);
    while (!lead.empty() && !IsAsciiAlpha(lead[0])) lead.remove_prefix(1);
    // "Similarly, we welcome ...", "However, we are concerned ...".
    const std::string_view opening = FirstWord(lead);
    if (!opening.empty() && opening.size() < lead.size() && lead[opening.size()] == ',') {
      lead = Trim(lead.substr(opening.size() + 1));
    }
    char buf[24];
    std::string_view first = LowerWord(FirstWord(lead), buf);
    if ((first == "we" || first == "i") &&
        RE2::PartialMatch(StringPiece(lead.data(), lead.size()), *opinion_start))
      return std::nullopt;
  }
  if (has_money) {
    StringPiece verb;
    size_t verb_from = from;
    while (verb_from < modal_start &&
           funding_verb->Match(whole, verb_from, modal_start, RE2::UNANCHORED, &verb, 1)) {
      size_t at = static_cast<size_t>(verb.data() - sentence.data());
      if (money_at(at + verb.size()) != nullptr) {
        modal_start = at;
        modal_end = at + verb.size();
        funding = true;
        break;
      }
      verb_from = at + 1;
    }
  }
  if (modal_start == sentence.size()) {
    // A list item under a heading of commitments: "£45 million to deliver X."
    if (options.in_commitment_list && has_money) {
      const Tag* sum = nullptr;
      for (auto it = first_inside; it != last_inside && sum == nullptr; ++it) {
        if (it->kind == TagKind::kMoney && it->end <= range.end) sum = &*it;
      }
      std::string_view after = text.substr(sum->end, range.end - sum->end);
      after = Trim(after);
      for (std::string_view lead : {"to ", "for ", "in ", "on "}) {
        if (after.substr(0, lead.size()) == lead) {
          after.remove_prefix(lead.size());
          break;
        }
      }
      if (after.empty()) return std::nullopt;
      return finish(options.author.empty() ? "unspecified" : options.author, "will", after);
    }
    // A plan named with its sum: "plans for £200 million of additional
    // investment over the next two years".
    if (has_money) {
      StringPiece plan;
      if (planned_sum->Match(whole, 0, sentence.size(), RE2::UNANCHORED, &plan, 1)) {
        size_t at = static_cast<size_t>(plan.data() - sentence.data());
        char buf[24];
        std::string_view before = LowerWord(LastWord(sentence.substr(0, at)), buf);
        if (money_at(at + plan.size()) != nullptr && before != "no" && before != "any" && before != "without")
          return finish("unspecified", "plans", sentence.substr(at + plan.size()));
      }
    }
    return std::nullopt;
  }
  std::string_view modal_text = sentence.substr(modal_start, modal_end - modal_start);
  char modal_buf[24];
  std::string_view modal_first = LowerWord(FirstWord(modal_text), modal_buf);
  if (modal_first.empty() && EndsWith(modal_text, "ll")) modal_first = "will";  // "We'll", "we’ll"
  const std::string_view modal_last = LastWord(modal_text);
  if (IsNounCue(sentence.substr(0, modal_start), modal_first)) return std::nullopt;
  // Undertaking verbs name the undertaking themselves, whoever the subject
  // is ("The strategy commits to exploring..."); "will" and "is to" need a
  // body, a sum or a date to be more than a forecast.
  const bool undertaking_verb = !funding && modal_first != "will" && modal_first != "shall" &&
                                modal_first != "would" &&
                                modal_first != "is" && modal_first != "are";
  const bool to_form = modal_last == "to";

  // The clause the modal is in: a clause before a semicolon is neither its
  // subject ("The team completed 2,900 assessments last year; it will
  // need...") nor the source of its sums and dates.
  const size_t semicolon = sentence.substr(0, modal_start).rfind("; ");
  const size_t clause_start = semicolon == std::string_view::npos ? 0 : semicolon + 2;
  // The subject: what precedes the modal in this clause, after any leading
  // time phrase ("Next year the Council will...").
  size_t subject_start = clause_start;
  for (auto it = first_inside; it != last_inside; ++it) {
    const Tag& d = *it;
    if (d.kind != TagKind::kDate || d.end > range.end) continue;
    size_t d_start = d.start - range.start, d_end = d.end - range.start;
    if (d_end <= modal_start && d_start <= subject_start + 3) subject_start = std::max(subject_start, d_end);
  }
  std::string_view subject = sentence.substr(subject_start, modal_start - subject_start);
  // A heading or label before a colon is not the subject ("RESOLVED: The
  // Committee will...").
  size_t colon = subject.rfind(": ");
  if (colon != std::string_view::npos) {
    subject = subject.substr(colon + 2);
    // Nor is a time phrase that opens what follows the label ("The
    // Biodiversity Reporting Standard: from January 2027 every public
    // authority will report ..."), as one opening the sentence is not.
    const size_t label_end = static_cast<size_t>(subject.data() - sentence.data());
    size_t after_time = label_end;
    for (auto it = first_inside; it != last_inside; ++it) {
      const Tag& d = *it;
      if (d.kind != TagKind::kDate || d.end > range.end) continue;
      const size_t d_start = d.start - range.start, d_end = d.end - range.start;
      if (d_start >= label_end && d_start <= label_end + 3 && d_end <= modal_start) {
        after_time = std::max(after_time, d_end);
      }
    }
    subject = sentence.substr(after_time, modal_start - after_time);
  }
  // A decision or statement reported with its content: "Members agreed that
  // the Council will write...", "The Manager said that the Council will
  // review...", "The district council says it will deliver..." -- the
  // subject is the reported clause's, and "it" or "they" there is whoever
  // reported it ("The district council").
  bool clause_reported = false;  // the modal is in a reported clause
  // Who announced, confirmed or promised the reported clause, when it is a
  // body or a named person: "The Secretary of State announced that £300
  // million would be made available" is the Secretary of State's promise.
  std::string_view decided_by;
  {
    std::string_view reporter;  // who reports; empty in "RESOLVED that ..."
    bool reports = false;
    bool opinion = false;  // the reporting verb gives a view ("warn", "argue")
    for (size_t that = subject.find(" that "); that != std::string_view::npos;
         that = subject.find(" that ", that + 1)) {
      // A recommendation proposes its clause; nobody reports it.
      if (RecommendsAClause(subject.substr(0, that))) {
        proposal = true;
        subject = subject.substr(that + 6);
        reports = true;
        break;
      }
      if (ReportsAClause(subject.substr(0, that), &reporter, &opinion)) {
        char verb_buf[24];
        const std::string_view verb = LowerWord(LastWord(subject.substr(0, that)), verb_buf);
        if (IsDecisionVerb(verb)) decided_by = reporter;
        // "It is proposed that officers will review ...", "The Leader
        // proposed that the Council would freeze parking charges".
        if (IsProposingVerb(verb)) proposal = true;
        subject = subject.substr(that + 6);
        reports = true;
        break;
      }
      reporter = {};
      opinion = false;
    }
    if (!reports) {
      // Without "that": a reporting verb followed by the clause's subject.
      for (size_t space = subject.find(' '); space != std::string_view::npos;
           space = subject.find(' ', space + 1)) {
        const std::string_view after = Trim(subject.substr(space + 1));
        char buf[24];
        const std::string_view verb = after.empty() ? std::string_view() : LowerWord(FirstWord(after), buf);
        if (!IsReportingVerb(verb) && !IsOpinionVerb(verb)) continue;
        const std::string_view clause = Trim(after.substr(FirstWord(after).size()));
        if (clause.empty()) break;
        const std::string_view who = DropPerfectAuxiliary(Trim(subject.substr(0, space)));
        if (!CanReport(who)) break;
        reporter = who;
        reports = true;
        opinion = IsOpinionVerb(verb);
        subject = clause;
        break;
      }
    }
    char buf[24];
    const std::string_view pronoun = LowerWord(Trim(subject), buf);
    // "it" stands for a body that reports ("The district council says it
    // will"), not a person ("The Manager said it would do so": the money).
    char person_buf[24];
    // A body is named by its kind ("The district council") or by an
    // acronym ("NHS England", "TfL").
    bool acronym = false;
    const WordList reporter_words = Words(reporter);
    for (size_t k = 0; k < reporter_words.size(); ++k) acronym |= IsAcronym(reporter_words[k]);
    const bool body_reports =
        (NamesABody(reporter) || acronym) && !IsPersonWord(LowerWord(LastWord(reporter), person_buf));
    if (!reporter.empty() && ((pronoun == "it" && body_reports) || pronoun == "they" || pronoun == "he" ||
                              pronoun == "she")) {
      subject = reporter;
    } else if (opinion) {
      return std::nullopt;
    }
    // "would" is a reported "will" only where somebody reports it.
    if (reported && reporter.empty()) return std::nullopt;
    clause_reported = reports;
  }
  if (resolution_subject != std::string_view::npos) {
    subject = sentence.substr(resolution_subject, modal_start - resolution_subject);
  }
  // News ties the story to the undertaking it follows: "It comes after the
  // Health Secretary pledged to ...", "The cut follows as the Mayor vowed
  // to ...": the subject is the clause's after the conjunction.
  for (std::string_view joint : {" after ", " as ", " since ", " when "}) {
    const size_t at = subject.find(joint);
    if (at == std::string_view::npos) continue;
    char buf[24];
    const std::string_view verb = LowerWord(LastWord(subject.substr(0, at)), buf);
    if (verb == "comes" || verb == "came" || verb == "follows" || verb == "followed" || verb == "arrives" ||
        verb == "arrived") {
      subject = Trim(subject.substr(at + joint.size()));
      break;
    }
  }
  // A relative clause between commas says something about the subject and
  // closes before the modal, which is the main clause's: "The statutory
  // override, which lets councils ..., will be extended", "The Minister,
  // who chairs the board, will publish ...". The subject is what precedes it.
  subject = DropClosedRelativeClause(subject);
  // Conditionals, and modals inside a subordinate clause ("if", "that will").
  // A demand whose object holds the modal ("must set out how the duties
  // will be funded") is a demand, whatever follows.
  if (HasSubordinatingWord(subject)) return std::nullopt;
  // A relative clause on people says what they will do, not what anyone
  // undertakes: "the pupils who will now eat at school", "families who will
  // move house" ("which" and "that" are subordinating words above).
  {
    char who_buf[24];
    if (LowerWord(LastWord(Trim(subject)), who_buf) == "who") return std::nullopt;
  }
  subject = Trim(subject);
  // List bullets and other leading marks are not part of the subject.
  while (!subject.empty() && !IsAsciiAlpha(subject[0]) && !IsDigit(subject[0]) &&
         !(static_cast<unsigned char>(subject[0]) >= 0xC3 && static_cast<unsigned char>(subject[0]) < 0xE0)) {
    subject.remove_prefix(1);
    subject = Trim(subject);
  }
  // Nor is the joint and enumerator of the last item of a resolution's
  // list: "RESOLVED that (a) ...; (b) ...; and (c) the Council will write".
  {
    std::string_view s = subject;
    if (s.substr(0, 4) == "and " || s.substr(0, 3) == "or ") s = Trim(s.substr(s.find(' ') + 1));
    const size_t close = s.find(") ");
    if (s.size() > 4 && s[0] == '(' && close <= 5) s = Trim(s.substr(close + 2));
    if (!s.empty()) subject = s;
  }
  // "... can be very challenging as well but I will advise ...": the clause
  // after "but" is the one the modal is in.
  if (size_t but = subject.rfind(" but "); but != std::string_view::npos) subject = Trim(subject.substr(but + 5));
  // "The Council has no capital budget this year but will seek grants": the
  // modal shares the first clause's subject, which ends at its verb.
  {
    const std::string_view trimmed = Trim(subject);
    if (EndsWith(trimmed, " but") || EndsWith(trimmed, " and")) {
      size_t verb = std::string_view::npos;
      for (std::string_view v : {" has ", " have ", " had ", " is ", " are ", " was ", " were "}) {
        verb = std::min(verb, trimmed.find(v));
      }
      if (verb != std::string_view::npos) subject = trimmed.substr(0, verb);
    }
  }
  size_t comma = subject.rfind(", ");
  if (comma != std::string_view::npos) {
    // "Furthermore, most of the funding will..." -> the clause after the
    // comma; "The Government, working with councils, will..." -> before it.
    std::string_view after_comma = Trim(subject.substr(comma + 1));
    char buf[24];
    std::string_view first_word = LowerWord(after_comma.substr(0, after_comma.find(' ')), buf);
    bool participle = first_word.size() > 4 && (first_word.compare(first_word.size() - 3, 3, "ing") == 0 ||
                                                first_word.compare(first_word.size() - 2, 2, "ed") == 0);
    if (!after_comma.empty() && !participle) {
      subject = after_comma;
    } else {
      subject = subject.substr(0, subject.find(','));
    }
  }
  subject = DropTrailingAdverbs(subject);
  // "The better we understand them, the better able we will be to help":
  // the comparative correlative says what would follow from something, it
  // undertakes nothing.
  if (comma != std::string_view::npos && OpensAComparative(subject) && OpensAComparative(Trim(sentence)))
    return std::nullopt;
  // A clause opening with a subordinator and running on to the modal is not
  // the main clause: "Since this notice proposes to supersede the rule, ...",
  // "Where we have identified third party material you will need to ...".
  {
    char buf[24];
    if (IsLeadingSubordinator(LowerWord(FirstWord(subject), buf))) return std::nullopt;
  }
  // An opening phrase run on to "we" without a comma ("As a Council we
  // will", "Together we will", "In partnership with schools we will"): the
  // subject is "we".
  {
    char buf[24];
    const std::string_view last = LastWord(subject);
    const std::string_view lower = LowerWord(last, buf);
    if ((lower == "we" || last == "I") && last.size() < subject.size()) subject = last;
  }
  // A past perfect or passive auxiliary before an undertaking verb tells of
  // the past ("had agreed to", "It was agreed to defer", "the directorate
  // remained committed to").
  {
    char buf[24];
    const std::string_view last_word = LastWord(subject);
    std::string_view last = LowerWord(last_word, buf);
    // Reported, "was committed to" is what "is committed to" says ("Councillor
    // Smith said the council was committed to reducing emissions").
    // Only of a body or an undertaking ("committed to reducing"): "funding
    // was committed to the scheme" tells of money spent.
    bool reported_is = clause_reported && (last == "was" || last == "were") &&
                       sentence.substr(modal_start, modal_end - modal_start).rfind("committed", 0) == 0;
    if (reported_is) {
      const std::string_view who = subject.substr(0, static_cast<size_t>(last_word.data() - subject.data()));
      const std::string_view next = FirstWord(Trim(sentence.substr(modal_end)));
      reported_is = NamesABody(who) || EndsWith(next, "ing");
    }
    if (reported_is) {
      subject = Trim(subject.substr(0, static_cast<size_t>(last_word.data() - subject.data())));
    } else if (last == "had" || last == "was" || last == "were" || last == "remained") {
      return std::nullopt;
    }
    if (last == "has" || last == "have")
      subject = Trim(subject.substr(0, static_cast<size_t>(last_word.data() - subject.data())));
  }
  if (subject.empty()) return std::nullopt;

  std::string_view rest = Trim(sentence.substr(modal_end));
  bool negated = rest.size() > 4 && (rest[0] == 'n' || rest[0] == 'N') && rest[1] == 'o' && rest[2] == 't' &&
                 rest[3] == ' ';
  if (negated) rest = Trim(rest.substr(4));
  // "will no longer charge", "will no longer face": negated too.
  const bool no_longer = !negated && rest.substr(0, 10) == "no longer ";
  if (no_longer) {
    negated = true;
    rest = Trim(rest.substr(10));
  }
  char verb_buf[24];
  const std::string_view next_word = LowerWord(FirstWord(rest), verb_buf);
  // "is due to open in September": due as scheduled, before a verb of what
  // is scheduled; "is due to higher demand", "due to staff shortages" give
  // a cause.
  if (modal_text.find(" due ") != std::string_view::npos && !IsScheduledVerb(next_word)) return std::nullopt;
  // "Schools and councils will need to plan for more pupils", "The Council
  // will need to find £2 million": a necessity the writer foresees, on
  // itself or others, is no undertaking. ("Privately rented homes will
  // have to reach band C by 2030" sets a rule: a plan's undertaking.)
  if ((modal_first == "will" || modal_first == "shall") && next_word == "need") {
    const std::string_view after = Trim(rest.substr(FirstWord(rest).size()));
    if (after.substr(0, 3) == "to ") return std::nullopt;
  }
  // "The money to take broadband to the places the market will not reach
  // is the largest part of the plan": a finite "is" straight after the
  // modal's verb ends a clause inside that "is"'s subject; the sentence
  // says what something is and undertakes nothing.
  if (modal_first == "will" || modal_first == "would") {
    const WordList rest_words = Words(rest);
    if (rest_words.size() >= 2 && next_word != "be" && next_word != "have" && next_word != "do" &&
        rest_words[0].back() >= 'a' && rest_words[0].back() <= 'z') {
      char second_buf[24];
      const std::string_view second = LowerWord(rest_words[1], second_buf);
      if (second == "is" || second == "are" || second == "was" || second == "were")
        return std::nullopt;
    }
  }
  // A meeting that agreed or voted to note, approve or endorse did so then:
  // "Members agreed to note the report" undertakes nothing further.
  if ((modal_first == "agreed" || modal_first == "resolved" || modal_first == "voted" || modal_first == "decided") &&
      IsPresentAct(next_word))
    return std::nullopt;
  // "is to the north", "are to blame", "agreed to the proposal": no verb follows.
  if (to_form && IsNotAVerbAfterTo(next_word) &&
      !(modal_first == "commit" || modal_first == "commits" || modal_first == "committed" ||
        modal_first == "pledge" || modal_first == "pledges" || modal_first == "pledged" ||
        modal_first == "has" || modal_first == "have"))
    return std::nullopt;

  // The head of the subject: the words before any preposition, so that
  // "pressures on council budgets" is not a council.
  const WordList subject_words = Words(subject);
  size_t head_words = subject_words.size();
  for (size_t i = 1; i < subject_words.size(); ++i) {
    char buf[24];
    std::string_view w = LowerWord(subject_words[i], buf);
    if (w == "of" || w == "on" || w == "for" || w == "in" || w == "with" || w == "to" || w == "from" ||
        w == "at" || w == "by" || w == "across" || w == "under" || w == "within" || w == "is" ||
        w == "are" || w == "was" || w == "were") {
      // Names such as "Secretary of State", "Department for Education",
      // "Transport for the North": a capitalised word after the
      // preposition (and "the") continues the name.
      // A sentence's first word is capitalised whatever it is: a plural
      // noun for people or things there ("Families in Westford") starts no
      // name.
      char first_buf[24];
      const std::string_view first = i == 1 ? LowerWord(subject_words[0], first_buf) : std::string_view();
      const bool plural_opening = i == 1 && IsPluralNoun(first) && !IsBodyWord(first);
      const bool name_before = IsUpper(subject_words[i - 1][0]) && !plural_opening && w != "is" && w != "are" &&
                               w != "was" && w != "were";
      size_t next = i + 1;
      if (next < subject_words.size() && subject_words[next] == "the") ++next;
      if (name_before && next < subject_words.size() && IsUpper(subject_words[next][0])) continue;
      head_words = i;
      break;
    }
  }
  std::string_view head = subject;
  if (head_words < subject_words.size()) {
    head = subject.substr(0, static_cast<size_t>(subject_words[head_words].data() - subject.data()));
  }
  // "One of the Council's aims is to ...": the head is what it is one of.
  {
    char one_buf[24], of_buf[24];
    if (subject_words.size() > 2 && LowerWord(subject_words[0], one_buf) == "one" &&
        LowerWord(subject_words[1], of_buf) == "of") {
      head = Trim(subject.substr(static_cast<size_t>(subject_words[2].data() - subject.data())));
    }
  }
  char head_buf[24];
  const std::string_view head_noun = LowerWord(LastWord(head), head_buf);
  // Its singular when a plain "s" makes the plural ("aims", "ambitions").
  std::string_view head_singular = head_noun;
  if (head_singular.size() > 2 && head_singular.back() == 's' && !EndsWith(head_singular, "ss")) {
    head_singular.remove_suffix(1);
  }
  // "Our ambition is to eliminate 65-week waits by September 2025", "The
  // Trust's aim is to recruit 120 nurses in 2025/26": an owner's aim put as
  // an act with a deadline or a sum is a target it sets itself.
  if ((modal_first == "is" || modal_first == "are") &&
      (head_singular == "aim" || head_singular == "ambition" || head_singular == "goal" ||
       head_singular == "objective" || head_singular == "intention" || head_singular == "target") &&
      (has_deadline || has_money) && next_word != "be" && !next_word.empty() && next_word.back() != 's' &&
      !IsFunctionWord(next_word)) {
    char owner_buf[24];
    const std::string_view owner_word = FirstWord(head);
    const std::string_view owner = LowerWord(owner_word, owner_buf);
    std::string who;
    if (owner == "our") {
      who = options.author.empty() ? "we" : options.author;
    } else if (EndsWith(head.substr(0, head.size() - LastWord(head).size()), "'s ") ||
               EndsWith(head.substr(0, head.size() - LastWord(head).size()), "’s ")) {
      std::string_view name = Trim(head.substr(0, head.size() - LastWord(head).size()));
      name = name.substr(0, name.size() - (EndsWith(name, "'s") ? 2 : 4));  // "’" is three bytes
      if (NamesSomebody(name)) who = std::string(StripThe(name));
    }
    if (!who.empty()) return finish(std::move(who), "plans", rest);
  }
  // "The purpose of this report is to provide...", "Our ambition is to be...".
  if ((modal_first == "is" || modal_first == "are" || modal_first == "aims" || modal_first == "aim") &&
      (IsPurposeNoun(head_noun) || IsPurposeNoun(head_singular)))
    return std::nullopt;
  // "This report will provide members with an update", "The paper aims to
  // set out the options": a text describing itself.
  if (IsDocumentNoun(head_noun) && IsDescribingVerb(next_word)) return std::nullopt;
  // "The next meeting will be held on 20 January 2027": the calendar of the
  // body itself, not an undertaking.
  {
    char first_buf[24], second_buf[24];
    const WordList words = Words(subject);
    if (words.size() >= 3 && LowerWord(words[0], first_buf) == "the" && LowerWord(words[1], second_buf) == "next" &&
        (head_noun == "meeting" || head_noun == "meetings" || head_noun == "session" || head_noun == "hearing")) {
      return std::nullopt;
    }
  }
  // ... or its writers describing what comes later in it ("We will present
  // the detail in succeeding chapters", "I will summarise them below").
  if (IsDescribingVerb(next_word) && RefersToAPartOfTheText(rest)) return std::nullopt;
  // What something will do to the writer or speaker is their expectation of
  // it, not an undertaking ("The national fund will take us halfway at
  // best", "The new rules will cost me my home"), unless they act ("We
  // will ...") or it is money coming to them ("will give us £2 million").
  char subject_buf[24];
  const std::string_view lower_subject = LowerWord(subject, subject_buf);
  if (!has_money && lower_subject != "we" && lower_subject != "i") {
    std::string_view after = Trim(rest.substr(FirstWord(rest).size()));
    char object_buf[24];
    const std::string_view object = LowerWord(FirstWord(after), object_buf);
    if (object == "us" || object == "me") return std::nullopt;
  }

  // Modality from the modal itself and the verb that follows.
  std::string_view modality = "will";
  if (funding || modal_first.rfind("commit", 0) == 0 || modal_first.rfind("pledge", 0) == 0 ||
      modal_first.rfind("promise", 0) == 0 || modal_first.rfind("vow", 0) == 0 ||
      modal_first.rfind("undert", 0) == 0 || modal_text.find("committed") != std::string_view::npos)
    modality = "commits";
  else if (modal_first.rfind("plan", 0) == 0 || modal_first.rfind("intend", 0) == 0 ||
           modal_first.rfind("aim", 0) == 0)
    modality = "plans";
  else if (modal_first.rfind("propos", 0) == 0 || proposal)
    modality = "proposes";
  else if ((modal_first == "has" || modal_first == "have") &&
           (modal_text.find("pledged") != std::string_view::npos ||
            modal_text.find("promised") != std::string_view::npos ||
            modal_text.find("vowed") != std::string_view::npos ||
            modal_text.find("undertaken") != std::string_view::npos))
    modality = "commits";
  StringPiece rest_piece(rest.data(), rest.size());
  if (!funding) {
    // Each pattern runs only where the verb that follows could start it.
    if (IsExploringVerb(next_word) && RE2::PartialMatch(rest_piece, *explore_cue))
      modality = "explores";
    else if (modality == "will" &&
             ((IsConsultingVerb(next_word) && RE2::PartialMatch(rest_piece, *consult_cue)) ||
              ContainsConsultation(subject)))
      modality = "consults";
  }

  // Passive: "will be published", "are to be funded".
  std::string participle;
  bool passive = !funding && (next_word == "be" || next_word == "have") &&
                 RE2::PartialMatch(rest_piece, *passive_participle, &participle);
  // "will have failed", "will have invested": the future perfect.
  const bool future_perfect = next_word == "have" && RE2::PartialMatch(rest_piece, *perfect_participle) &&
                              FirstWord(Trim(rest.substr(FirstWord(rest).size()))) != "been";
  // Without a date it is a forecast whoever the subject ("By then they and
  // the State will have invested substantially"); "By March 2026 the
  // Council will have recruited 40 carers" is a target.
  if (future_perfect && !has_date) return std::nullopt;
  // "will (not) be able to": what somebody can do, not what they undertake.
  {
    std::string_view can = rest;
    for (std::string_view adverb : {"also ", "now ", "still ", "then ", "soon "}) {
      if (can.substr(0, adverb.size()) == adverb) can = Trim(can.substr(adverb.size()));
    }
    if (can.substr(0, 11) == "be able to " || can.substr(0, 13) == "be unable to ") return std::nullopt;
    // "will (then) cost around £480,000 a year": a price foreseen, not an
    // undertaking.
    if (can.substr(0, 5) == "cost " || can.substr(0, 6) == "costs ") return std::nullopt;
    // "It will be difficult to meet the target": a judgement on what is to
    // come, with "it" standing for the clause after the adjective.
    if (lower_subject == "it" && can.substr(0, 3) == "be ") {
      const std::string_view word = FirstWord(Trim(can.substr(3)));
      const std::string_view after = Trim(Trim(can.substr(3)).substr(word.size()));
      if (!word.empty() && !passive &&
          (after.substr(0, 3) == "to " || after.substr(0, 5) == "that " || after.substr(0, 4) == "for "))
        return std::nullopt;
    }
  }

  // Who: "we", a named body, or nobody for an agentless passive.
  std::string actor;
  bool body = false;
  if (lower_subject == "we" || lower_subject == "i") {
    actor = options.author.empty() ? "we" : options.author;
    body = true;
  } else {
    int capitalised = 0;
    bool acronym = false;
    for (size_t i = 0; i < head_words; ++i) {
      std::string_view w = subject_words[i];
      if (IsAcronym(w)) acronym = true;
      // The first word is capitalised because it starts the sentence.
      if (i > 0 && IsUpper(w[0])) ++capitalised;
    }
    // The head is a common noun: written in lower case, neither a body, a
    // role nor people. A body word qualifying it names no body: "Council
    // tax will rise by 4.99%", "Government funding will increase".
    const std::string_view head_word = LastWord(head);
    const bool thing_head = !acronym && !head_word.empty() && !IsUpper(head_word[0]) && !IsBodyWord(head_noun) &&
                            !IsPersonWord(head_noun) && !IsPluralNoun(head_noun) && head_noun != "we" &&
                            head_noun != "i";
    bool institution = NamesABody(head) && !thing_head;
    bool sentence_initial_only = subject_words.size() == 1 && IsUpper(subject_words[0][0]);
    body = acronym || institution || capitalised >= 1 ||
           (sentence_initial_only && !IsPluralNoun(lower_subject) && subject_words[0].size() > 2 &&
            !IsFunctionWord(lower_subject) && lower_subject != "it" && lower_subject != "this");
    // A single sentence-initial capitalised common noun ("Funding", "Children")
    // is not a body unless it looks like a name we cannot tell from a noun;
    // "-ing" and "-tion" words are common nouns.
    if (sentence_initial_only && !acronym && !institution) {
      std::string_view w = lower_subject;
      if ((w.size() > 4 && (w.compare(w.size() - 3, 3, "ing") == 0 || w.compare(w.size() - 4, 4, "tion") == 0 ||
                            w.compare(w.size() - 4, 4, "ment") == 0 || w.compare(w.size() - 3, 3, "ren") == 0 ||
                            w.compare(w.size() - 3, 3, "ity") == 0)))
        body = false;
    }
    actor = std::string(StripThe(subject));
    // "A National Framework will set out ...", "An Early Career Framework
    // will replace ...": a thing introduced, not somebody acting.
    char article_buf[24];
    const std::string_view article = LowerWord(FirstWord(subject), article_buf);
    // Somebody all the same where the head is a public body: "A county
    // council has agreed to spend ...", "A new regulator will inspect ...".
    if (article == "a" || article == "an") {
      char head_buf[24];
      const std::string_view head = subject_words.size() == 0
                                        ? std::string_view()
                                        : LowerWord(subject_words[subject_words.size() - 1], head_buf);
      static constexpr std::string_view kBodies[] = {"agency",     "authority", "board",     "commission",
                                                     "committee",  "council",   "department", "government",
                                                     "ministry",   "partnership", "regulator", "taskforce",
                                                     "trust"};
      static_assert(SortedWords(kBodies), "keep the list sorted");
      if (subject_words.size() >= 2 && InSorted(kBodies, head)) {
        actor = std::string(Trim(subject.substr(FirstWord(subject).size())));
      } else {
        actor = "unspecified";
      }
    }
    // A thing, not somebody, whatever names qualify it: "The Spring 2023
    // consultation on updates to Working Together will consider ..." (a
    // thing's head, above).
    // So is one opening the sentence with a common noun and a preposition
    // ("Funding for the Care Leaver Covenant will increase"), though its
    // capital and the name after it make it read as a name.
    if (thing_head) actor = "unspecified";
    if (subject_words.size() > 2) {
      char opening_buf[24], prep_buf[24];
      const std::string_view opening = LowerWord(subject_words[0], opening_buf);
      const std::string_view prep = LowerWord(subject_words[1], prep_buf);
      if (LooksLikeCommonNoun(opening) && !IsBodyWord(opening) &&
          (prep == "for" || prep == "of" || prep == "on" || prep == "from" || prep == "to"))
        actor = "unspecified";
    }
  }

  if (passive) {
    std::string agent_name;
    // "by Summer 2023", "by the end of March" are deadlines, not agents.
    auto in_date = [&](size_t by_at) {
      const size_t at = static_cast<size_t>(rest.data() - sentence.data()) + by_at + range.start;
      for (auto it = first_inside; it != last_inside; ++it) {
        if (it->kind == TagKind::kDate && it->start <= at && at < it->end) return true;
      }
      return false;
    };
    size_t by = rest.find("by ");
    while (by != std::string_view::npos && in_date(by)) by = rest.find("by ", by + 3);
    // "That the Director be requested to report back": whoever is asked
    // or instructed to act is the actor, and the act is theirs.
    {
      char pbuf[24];
      const std::string_view asked = LowerWord(participle, pbuf);
      const size_t at = rest.find(participle);
      const std::string_view after = at == std::string_view::npos ? std::string_view() : rest.substr(at + participle.size());
      if ((asked == "requested" || asked == "asked" || asked == "instructed" || asked == "invited" ||
           asked == "authorised" || asked == "authorized" || asked == "directed") &&
          after.substr(0, 4) == " to " && after.size() > 4 && after[4] >= 'a' && after[4] <= 'z' && body &&
          actor != "unspecified" && !reported) {
        return finish(std::move(actor), modality, after.substr(4));
      }
    }
    // The agent is the first "by" a name follows ("by 40% by 2030" are not
    // agents), and the agent of another participle on the way is not this
    // one's: "will be required to cut spills by 2030 under plans announced
    // today by the Secretary" names who announced, not who requires
    // ("funded and delivered by" joins two participles of one agent).
    {
      const size_t own = rest.find(participle);
      size_t i = own == std::string_view::npos ? 0 : own + participle.size();
      std::string_view previous;
      while (by != std::string_view::npos) {
        bool crossed = false;
        for (; i < by;) {
          while (i < by && !IsAsciiAlpha(rest[i])) ++i;
          size_t j = i;
          while (j < by && IsAsciiAlpha(rest[j])) ++j;
          const std::string_view w = rest.substr(i, j - i);
          if (w.size() > 4 && w.substr(w.size() - 2) == "ed" && previous != "and" && previous != "or") crossed = true;
          if (!w.empty()) previous = w;
          i = j;
        }
        if (crossed) {
          by = std::string_view::npos;
          break;
        }
        StringPiece at(rest.data() + by, rest.size() - by);
        if (RE2::Consume(&at, *agent, &agent_name)) break;
        agent_name.clear();
        by = rest.find("by ", by + 3);
        while (by != std::string_view::npos && in_date(by)) by = rest.find("by ", by + 3);
      }
    }
    if (by != std::string_view::npos && !agent_name.empty()) {
      std::string_view a = Trim(agent_name);
      actor = std::string(StripThe(a));
    } else {
      actor = "unspecified";
    }
    // A reported "would" is an undertaking only of somebody named ("the
    // Manager said that grants would be awarded" foresees), or of whoever
    // announced or promised it.
    if (reported && actor == "unspecified") {
      if (decided_by.empty() || !NamesSomebody(decided_by)) return std::nullopt;
      actor = std::string(StripThe(decided_by));
    }
    size_t at = rest.find(participle);
    std::string_view action = at == std::string_view::npos ? rest : rest.substr(at);
    return finish(std::move(actor), modality, action);
  }
  if (!body && reported) return std::nullopt;
  if (!body) {
    if (undertaking_verb || funding) {
      // The undertaking verb says it is one; a document or a plan as its
      // subject is nobody's name. Aiming, planning and intending are said
      // of bodies; of anything else ("This aims to ensure...", "The
      // initiatives aim to build...") they give a purpose.
      const bool aiming = modal_first.rfind("plan", 0) == 0 || modal_first.rfind("intend", 0) == 0 ||
                          modal_first.rfind("aim", 0) == 0;
      if (negated || aiming) return std::nullopt;
      actor = "unspecified";
    } else {
      // A generic statement about an outcome ("Children will not thrive
      // where...", "Demand will peak in 2027") unless it puts a sum or a
      // date on an action. An outcome with a sum or a deadline is a target
      // ("The bursary will increase to £3,000", "will double by 2027");
      // "There will be a consultation in Autumn 2023" announces one.
      // Only the sums and dates of this clause count: in "Its rates were
      // frozen from 2015 to 2022; uprating them will stop ..." the years
      // belong to the clause before the semicolon.
      bool clause_money = has_money, clause_date = has_date, clause_deadline = has_deadline;
      if (clause_start > 0) {
        clause_money = clause_date = clause_deadline = false;
        for (auto it = first_inside; it != last_inside; ++it) {
          if (it->start < range.start + clause_start || it->end > range.end) continue;
          clause_money |= it->kind == TagKind::kMoney;
          clause_date |= it->kind == TagKind::kDate;
          clause_deadline |= it->kind == TagKind::kDate && it->date.bound == "by";
        }
      }
      if (negated || (!clause_money && !clause_date)) return std::nullopt;
      // What will have happened by a date, said of no body, is a forecast
      // ("In 20 years' time very few businesses will have failed to ...").
      if (future_perfect) return std::nullopt;
      if (IsExperiencerVerb(next_word)) return std::nullopt;
      // A trend as the subject ("Rising costs will put pressure on school
      // budgets in 2025/26", "Falling rolls will force two closures by
      // 2026"): what it will do is foreseen, not undertaken.
      if (OpensWithATrend(subject)) return std::nullopt;
      if (IsOutcomeVerb(next_word) && !clause_money && !clause_deadline && lower_subject != "there")
        return std::nullopt;
      // What something will mean or require is a consequence drawn, whatever
      // sums or deadlines it carries ("Meeting it will mean planting 12,000
      // hectares a year by 2030", "The target will require £2bn by 2028").
      if (next_word == "mean" || next_word == "require" || next_word == "involve" || next_word == "entail")
        return std::nullopt;
      actor = "unspecified";
    }
  }
  if (negated) return finish(std::move(actor), modality, (no_longer ? "no longer " : "not ") + std::string(rest));
  return finish(std::move(actor), modality, rest);
}

namespace {

// True when `window` holds no byte at which ICU's sentence rules could break,
// except at its very end: no . ! ? or line break inside, and no non-ASCII
// character beyond the everyday ones of English policy text (£ € é, curly
// quotes, dashes, ellipsis), any of which might be a Unicode terminator.
// Bytes that may end a sentence or begin a character outside ASCII: the
// only ones HasNoInnerTerminator must look at closely.
struct NotPlainTable {
  bool at[256] = {};
  NotPlainTable() {
    for (unsigned char c : {'.', '!', '?', '\n', '\r', '\f', '\v'}) at[c] = true;
    for (int c = 0x80; c < 256; ++c) at[c] = true;
  }
};

bool HasNoInnerTerminator(std::string_view window) {
  static const NotPlainTable kNotPlain;
  size_t end = window.size();
  while (end > 0 && (window[end - 1] == ' ' || window[end - 1] == '\n' || window[end - 1] == '.' ||
                     window[end - 1] == '!' || window[end - 1] == '?' || window[end - 1] == '"' ||
                     window[end - 1] == ')'))
    --end;
  for (size_t i = 0; i < end; ++i) {
    // Plain ASCII, the common case, in a tight table-driven loop.
    while (i < end && !kNotPlain.at[static_cast<unsigned char>(window[i])]) ++i;
    if (i >= end) break;
    unsigned char c = static_cast<unsigned char>(window[i]);
    if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return false;
    if (c < 0x80) continue;
    if (c == 0xC2 && i + 1 < end && static_cast<unsigned char>(window[i + 1]) == 0xA3) { ++i; continue; }  // £
    if (c == 0xC3 && i + 1 < end) { ++i; continue; }  // Latin-1 letters
    if (c == 0xE2 && i + 2 < end) {
      unsigned char b1 = static_cast<unsigned char>(window[i + 1]);
      unsigned char b2 = static_cast<unsigned char>(window[i + 2]);
      bool everyday = (b1 == 0x80 && (b2 == 0x93 || b2 == 0x94 || b2 == 0x98 || b2 == 0x99 ||
                                      b2 == 0x9C || b2 == 0x9D)) ||
                      (b1 == 0x82 && b2 == 0xAC);  // dashes, curly quotes, €
      if (everyday) { i += 2; continue; }
    }
    return false;
  }
  return true;
}

}  // namespace

// The bytes after which a sentence may end.
struct StopTable {
  bool at[256] = {};
  StopTable() {
    for (unsigned char c : {'.', '!', '?', '\n'}) at[c] = true;
  }
};

// Bytes before a commitment keyword where its cue may begin: "are now " of
// "are now investing", "have " of "have pledged to".
constexpr size_t kCueLead = 12;

void Tagger::Impl::FindCommitments(Context& ctx) const {
  std::vector<Tag> found;
  if (!ctx.options->list_actor.empty()) {
    // The item's first sentence completes the lead-in; what follows it
    // explains it.
    const std::vector<TextRange> sentences = SplitSentences(ctx.text);
    if (!sentences.empty()) {
      std::optional<Tag> tag = Commitment(ctx.text, sentences.front(), *ctx.out, *ctx.options, sentences.front().start);
      if (tag) found.push_back(std::move(*tag));
    }
  } else if (ctx.options->in_commitment_list) {
    for (const TextRange& range : SplitSentences(ctx.text)) {
      std::optional<Tag> tag = Commitment(ctx.text, range, *ctx.out, *ctx.options, range.start);
      if (tag) found.push_back(std::move(*tag));
    }
  } else {
    // Only sentences holding a modal keyword can be commitments. Find the
    // keywords first; around each, take the stretch between the nearest
    // full stops (a cheap over-approximation of the sentence) and let ICU
    // split just that stretch, so text without modals is never segmented.
    const std::string_view text = ctx.text;
    StringPiece all(text.data(), text.size());
    StringPiece hit;
    size_t pos = 0;
    static const StopTable kStop;
    auto is_stop = [&](size_t i) {  // a sentence may end after text[i]
      return kStop.at[static_cast<unsigned char>(text[i])] &&
             (i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\n');
    };
    std::vector<TextRange> sentences;  // reused from window to window
    while (pos < text.size() && modal_hint->Match(all, pos, text.size(), RE2::UNANCHORED, &hit, 1)) {
      size_t at = static_cast<size_t>(hit.data() - text.data());
      size_t window_start = at;
      while (window_start > pos && !is_stop(window_start - 1)) --window_start;
      size_t window_end = at + hit.size();
      while (window_end < text.size() && !is_stop(window_end)) ++window_end;
      if (window_end < text.size()) ++window_end;
      std::string_view window = text.substr(window_start, window_end - window_start);
      size_t done = window_end;
      // ICU can only break at a sentence terminator or separator; a window
      // with none inside is one sentence already.
      sentences.clear();
      if (HasNoInnerTerminator(window)) {
        size_t b = 0, e = window.size();
        while (b < e && (window[b] == ' ' || window[b] == '\n')) ++b;
        while (e > b && (window[e - 1] == ' ' || window[e - 1] == '\n')) --e;
        if (b < e) sentences.push_back({b, e});
      } else {
        sentences = SplitSentences(window);
      }
      const bool one_sentence = sentences.size() == 1;
      for (TextRange r : sentences) {
        TextRange range{window_start + r.start, window_start + r.end};
        // A window that is one sentence holds the keyword already.
        if (!one_sentence && !modal_hint->Match(all, range.start, range.end, RE2::UNANCHORED, nullptr, 0))
          continue;
        // In a window that is one sentence, every cue starts at most a few
        // words before the keyword found (the "have" of "have pledged to",
        // the "are now" of "are now investing").
        const size_t cue_from = one_sentence && at > range.start + kCueLead ? at - kCueLead : range.start;
        std::optional<Tag> tag = Commitment(text, range, *ctx.out, *ctx.options, cue_from);
        // A clause after a semicolon (up to three), or else after ", but"
        // (up to two), may undertake what the one before it does not:
        // "Children will show a youth travel card; the County will help
        // schools to issue the cards.", "Schemes will continue to be funded
        // through the partnership funding rules, but the Environment Agency
        // will simplify the formula ...".
        for (const auto& [joint, most] : {std::pair<std::string_view, int>{"; ", 3}, {", but ", 2}}) {
          for (size_t after = cue_from, tries = 0; !tag && tries < static_cast<size_t>(most); ++tries) {
            after = text.substr(0, range.end).find(joint, after);
            if (after == std::string_view::npos) break;
            after += joint.size();
            tag = Commitment(text, range, *ctx.out, *ctx.options, after);
          }
        }
        if (tag) found.push_back(std::move(*tag));
      }
      pos = std::max(done, at + std::max<size_t>(hit.size(), 1));
    }
  }
  for (Tag& t : found) ctx.out->push_back(std::move(t));
}

// ---------------------------------------------------------------------------

std::vector<Tag> Tagger::Find(std::string_view text, const TagOptions& options) const {
  std::vector<Tag> tags;
  tags.reserve(text.size() / 64 + 4);
  const Impl& impl = *impl_;
  if (!impl.master->ok() || text.empty()) return tags;
  Impl::Context ctx{text, &options, ParseIsoDate(options.document_date), &tags};

  StringPiece input(text.data(), text.size());
  const size_t n = text.size();
  size_t pos = 0;
  std::vector<size_t> starts;
  std::vector<int> forms;
  auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  while (pos < n) {
    StringPiece hit;
    if (!impl.trigger->Match(input, pos, n, RE2::UNANCHORED, &hit, 1)) break;
    const size_t trigger_start = static_cast<size_t>(hit.data() - text.data());
    const size_t trigger_end = trigger_start + std::max<size_t>(hit.size(), 1);
    // Where a match holding this trigger may start: the trigger, the start
    // of its token ("£45m", "mid-2023"), and connector words before it.
    size_t token = trigger_start;
    while (token > pos && !is_space(text[token - 1])) --token;
    starts.clear();
    size_t cursor = token;
    for (int words = 0; words < 8; ++words) {
      size_t word_end = cursor;
      while (word_end > pos && text[word_end - 1] == ' ') --word_end;
      if (word_end == cursor || word_end <= pos) break;
      size_t word_start = word_end;
      while (word_start > pos && !is_space(text[word_start - 1])) --word_start;
      if (!IsConnectorWord(text.substr(word_start, word_end - word_start))) break;
      starts.push_back(word_start);
      cursor = word_start;
    }
    std::reverse(starts.begin(), starts.end());
    starts.push_back(token);
    if (trigger_start != token) starts.push_back(trigger_start);

    // Of the starts whose match makes a tag, the one reaching furthest wins,
    // the earliest of those: "on Tuesday 12 March 2024" is that day, not
    // "Tuesday" and then a date. A match that makes none ("up to 40" is no
    // count: "%" is no noun) gives way to a later start ("40%"); when none
    // makes a tag, the first match's span is passed over as its handler says.
    std::optional<size_t> first_resume;
    size_t best_from = 0, best_to = 0, best_end = 0, best_resume = 0;
    bool tagged = false;
    for (size_t start : starts) {
      StringPiece m;
      if (!impl.master->Match(input, start, n, RE2::ANCHOR_START, &m, 1) || m.empty()) continue;
      const size_t end = start + m.size();
      forms.clear();
      if (!impl.form_set->Match(StringPiece(text.data() + start, m.size()), &forms) || forms.empty()) continue;
      const int form = *std::min_element(forms.begin(), forms.end());
      const size_t tags_before = tags.size();
      size_t resume = impl.HandleMatch(impl.group_forms[static_cast<size_t>(form)], start, end, ctx);
      resume = resume > start ? resume : end;
      if (tags.size() > tags_before) {
        size_t reach = 0;
        for (size_t k = tags_before; k < tags.size(); ++k) reach = std::max(reach, tags[k].end);
        if (!tagged || reach > best_end) {
          if (tagged) {
            tags.erase(tags.begin() + static_cast<std::ptrdiff_t>(best_from),
                       tags.begin() + static_cast<std::ptrdiff_t>(best_to));
          }
          best_from = tags_before - (tagged ? best_to - best_from : 0);
          best_to = tags.size();
          best_end = reach;
          best_resume = resume;
          tagged = true;
        } else {
          tags.resize(tags_before);
        }
        continue;
      }
      if (!first_resume) first_resume = resume;
    }
    if (tagged) pos = best_resume;
    else pos = first_resume ? *first_resume : trigger_end;
  }
  const auto spans_end = static_cast<std::ptrdiff_t>(tags.size());
  if (options.find_commitments) impl.FindCommitments(ctx);
  auto by_position = [](const Tag& a, const Tag& b) {
    if (a.start != b.start) return a.start < b.start;
    return a.end > b.end;
  };
  // The scan finds spans in text order and commitments come after them in
  // text order too: two sorted runs, merged without moving every tag
  // through a sort (the same order stable_sort gives).
  const auto middle = tags.begin() + spans_end;
  if (std::is_sorted(tags.begin(), middle, by_position) && std::is_sorted(middle, tags.end(), by_position)) {
    std::inplace_merge(tags.begin(), middle, tags.end(), by_position);
  } else {
    std::stable_sort(tags.begin(), tags.end(), by_position);
  }
  return tags;
}

// ---------------------------------------------------------------------------
// Stance.

Stance ClassifyStance(std::string_view text) {
  // Every cue in the passage counts, not just the first: a briefing that
  // "welcomes" a measure and then has "considerable concerns" about two
  // others is concerned. A cue after a turn ("however", "but") outweighs
  // those before it, since English puts the point it means to make after
  // the turn; a cue in a conceding clause ("Although we welcome X, ...")
  // weighs less than the clause that follows it.
  struct Cue {
    Stance stance;
    std::unique_ptr<RE2> re;
  };
  static const std::vector<Cue>* cues = [] {
    auto* v = new std::vector<Cue>();
    v->push_back({Stance::kWelcomes,
                  Compile("(?i)\\b(?:welcome[sd]?|we\\s(?:\\w+\\s)?(?:support|applaud|endorse|commend)|"
                          "(?:are|is)\\s(?:\\w+\\s)?(?:pleased|delighted|encouraged)|positive\\sstep)\\b")});
    v->push_back({Stance::kConcerned,
                  Compile("(?i)\\b(?:concern(?:s|ed)?|worr(?:y|ied|ies)|disappoint(?:ed|ing|ment)|"
                          "regret|alarm(?:ed|ing)?|troubl(?:ed|ing)|opposition\\sto|"
                          "(?:we|i)\\s(?:\\w+\\s)?(?:oppose|object\\sto|do\\snot\\s(?:support|agree\\swith|welcome)|cannot\\ssupport))\\b")});
    v->push_back({Stance::kCallsFor,
                  Compile("(?i)\\b(?:must|urges?|urging|urged|(?:calls?|calling)\\s(?:on|for|upon)|should|"
                          "need\\sto|needs\\sto|"
                          "ask(?:s)?\\s(?:the\\s)?government|recommend(?:s)?\\sthat)\\b")});
    v->push_back({Stance::kQuestions,
                  Compile("(?i)\\b(?:unclear|not\\s(?:yet\\s)?clear|unsure|uncertain(?:ty)?|question(?:s|ed)?|"
                          "seek\\sclarity|clarification|unconvinced|not\\s(?:yet\\s)?convinced|doubt|"
                          "remains\\sto\\sbe\\sseen|(?:seek|seeks|sought|seeking)\\s(?:\\w+\\s)?assurances?)\\b")});
    return v;
  }();
  static const RE2* turn = Compile("(?i)\\b(?:however|but|nevertheless|nonetheless|that\\ssaid|yet)\\b").release();
  static const RE2* concession = Compile("(?i)\\b(?:although|though|while|whilst|despite)\\b").release();

  // Where the passage turns, and the stretches that concede.
  std::vector<size_t> turns;
  std::vector<std::pair<size_t, size_t>> conceding;
  StringPiece input(text.data(), text.size());
  StringPiece m;
  for (size_t pos = 0; pos < text.size() && turn->Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1);) {
    turns.push_back(static_cast<size_t>(m.data() - text.data()));
    pos = turns.back() + std::max<size_t>(m.size(), 1);
  }
  for (size_t pos = 0;
       pos < text.size() && concession->Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1);) {
    size_t at = static_cast<size_t>(m.data() - text.data());
    size_t clause_end = text.find_first_of(",;.", at);
    if (clause_end == std::string_view::npos) clause_end = text.size();
    conceding.push_back({at, clause_end});
    pos = clause_end + 1;
  }
  double weight_of[5] = {0, 0, 0, 0, 0};
  size_t first_at[5];
  std::fill(std::begin(first_at), std::end(first_at), text.size() + 1);
  for (const Cue& cue : *cues) {
    const int k = static_cast<int>(cue.stance);
    for (size_t pos = 0; pos < text.size() && cue.re->Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1);) {
      const size_t at = static_cast<size_t>(m.data() - text.data());
      double weight = 1;
      for (size_t t : turns) {
        if (t < at) weight *= 2;
      }
      for (const auto& [from, to] : conceding) {
        if (from <= at && at < to) weight *= 0.5;
      }
      weight_of[k] += weight;
      first_at[k] = std::min(first_at[k], at);
      pos = at + std::max<size_t>(m.size(), 1);
    }
  }
  // The heaviest stance; on a tie, the one that comes first.
  Stance best = Stance::kNeutral;
  // A call made before ("We have long called for ...") is the passage's
  // stance only when nothing else is: "have called for it and are pleased
  // to see it" welcomes.
  static const RE2* past_call = Compile("(?i)\\bcalled\\s(?:on|for|upon)\\b").release();
  if (std::all_of(std::begin(weight_of), std::end(weight_of), [](double w) { return w == 0; }) &&
      RE2::PartialMatch(input, *past_call)) {
    return Stance::kCallsFor;
  }
  for (const Cue& cue : *cues) {
    const int k = static_cast<int>(cue.stance);
    const int b = static_cast<int>(best);
    if (weight_of[k] == 0) continue;
    if (best == Stance::kNeutral || weight_of[k] > weight_of[b] ||
        (weight_of[k] == weight_of[b] && first_at[k] < first_at[b]))
      best = cue.stance;
  }
  return best;
}

// ---------------------------------------------------------------------------
// The document's own date.

std::string FindDocumentDate(const Document& doc) {
  // The tagger itself reads the front matter, so every way of writing a day
  // it knows ("Tuesday 5 March 2024", "5th March, 2024", "05/03/2024",
  // "2024-03-05", "March 5, 2024") counts; what precedes a date says whether
  // it is the document's own.
  static const Tagger* tagger = new Tagger();
  // A label that names the document's date: "Date:", "Dated", "Date of
  // meeting:", "Meeting date:", "Meeting held on", "held at County Hall on".
  static const RE2* strong_label = Compile(
      "(?i)(?:\\bdate(?:d|\\sof\\s(?:the\\s)?(?:meeting|issue|report|publication|decision))?|\\bmeeting\\sdate|"
      "\\bheld(?:\\s(?:at|in)\\s[^.;:]{1,60}?)?(?:\\son)?|\\bmeeting\\s(?:of|on))\\s*[:\\-–]?\\s*(?:on\\s)?$").release();
  // Weaker: when it was published or last changed.
  static const RE2* weak_label = Compile(
      "(?i)(?:\\bpublished|\\bissued|\\bupdated|\\brevised|\\bversion)\\s*(?:on|date)?\\s*[:\\-–]?\\s*$").release();
  // Dates that are someone else's: "Date of next meeting: ...", and the
  // meeting whose minutes a meeting approves ("That the minutes of the
  // meeting held on 8 July 2025 be approved").
  static const RE2* other_date = Compile(
      "(?i)\\b(?:(?:next|previous|last)\\s(?:meeting|review)|minutes\\sof\\sthe\\s(?:\\w+\\s)?meeting)\\b[^.]*$")
      .release();

  // The first page, or the first passages for formats without pages.
  std::vector<const Passage*> front;
  for (const Passage& p : doc.passages) {
    if (p.page ? *p.page > 1 : front.size() >= 12) break;
    front.push_back(&p);
  }
  TagOptions options;
  options.find_commitments = false;
  // A date line on a cover ("7 MARCH 2023", "Published: 3 May 2024") is a
  // short passage of its own; a date inside a sentence ("the strategy,
  // published on 2 February 2023") is more often some other paper's.
  constexpr size_t kDateLine = 80;
  std::string strong, weak, date_line, any_day, month_start, month_end;
  for (const Passage* p : front) {
    for (const Tag& t : tagger->Find(p->text, options)) {
      if (t.kind != TagKind::kDate || t.date.relative || !t.date.bound.empty() || t.date.start.empty()) continue;
      const size_t window = std::min<size_t>(t.start, 48);
      StringPiece before(p->text.data() + t.start - window, window);
      if (RE2::PartialMatch(before, *other_date)) continue;
      if (t.date.precision == "day") {
        const bool line = p->text.size() <= kDateLine;
        if (strong.empty() && RE2::PartialMatch(before, *strong_label)) strong = t.date.start;
        else if (weak.empty() && line && RE2::PartialMatch(before, *weak_label)) weak = t.date.start;
        else if (date_line.empty() && line) date_line = t.date.start;
        else if (any_day.empty()) any_day = t.date.start;
      } else if (t.date.precision == "month" && month_start.empty()) {
        // A cover that gives only the month: "March 2024".
        month_start = t.date.start;
        month_end = t.date.end;
      }
    }
    if (!strong.empty()) return strong;
  }
  if (!weak.empty()) return weak;
  if (!date_line.empty()) return date_line;
  if (!any_day.empty()) return any_day;
  const bool metadata = ParseIsoDate(doc.date).has_value();
  if (!month_start.empty()) {
    // The metadata's day when it falls in the month the cover states (it is
    // the more precise), else the first of that month.
    if (metadata && doc.date >= month_start && doc.date <= month_end) return doc.date;
    return month_start;
  }
  if (metadata) return doc.date;
  return "";
}

}  // namespace xref
