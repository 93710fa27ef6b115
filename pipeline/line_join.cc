// Joining a paragraph's lines: see line_join.h.
#include "pipeline/line_join.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace xref {
namespace {

// True when `text` ends inside a URL that the line break cut at a separator.
bool EndsInsideUrl(std::string_view text, std::string_view next) {
  const size_t space = text.find_last_of(' ');
  const std::string_view token = text.substr(space == std::string_view::npos ? 0 : space + 1);
  if (!token.empty() && token.back() == '@') return true;  // an e-mail address
  if (token.find("://") == std::string_view::npos && token.substr(0, 4) != "www.") return false;
  const char last = token.empty() ? ' ' : token.back();
  if (last == '@') return true;
  return std::string_view("/_%.=?&#~-").find(last) != std::string_view::npos ||
         (!next.empty() && next.front() == '%');
}

}  // namespace

// The first code point of `s` (0 when empty), and its length in bytes.
UChar32 FirstCodePoint(std::string_view s, int32_t* length) {
  if (s.empty()) return 0;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  if (length) *length = i;
  return c < 0 ? 0xFFFD : c;
}

UChar32 LastCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  int32_t i = static_cast<int32_t>(s.size());
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  return c < 0 ? 0xFFFD : c;
}

// Quotes and brackets that may stand before or after a word.
bool IsWrapping(UChar32 c) {
  return c == '"' || c == '\'' || c == '(' || c == ')' || c == '[' || c == ']' ||
         c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D;
}

bool IsHyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x00AD; }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Trims quotes, brackets and punctuation from both ends of a token.
std::string_view TrimToken(std::string_view t) {
  auto strip_char = [](char c) {
    return c == '"' || c == '\'' || c == '(' || c == ')' || c == '[' || c == ']' || c == ',' ||
           c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
  };
  while (!t.empty() && strip_char(t.front())) t.remove_prefix(1);
  while (!t.empty() && strip_char(t.back())) t.remove_suffix(1);
  // Curly quotes (3 bytes each, led by E2): most tokens have none.
  const bool may_have_quotes =
      !t.empty() && (t.front() == '\xe2' || (t.size() >= 3 && t[t.size() - 3] == '\xe2'));
  if (!may_have_quotes) return t;
  for (std::string_view q : {"\xe2\x80\x98", "\xe2\x80\x99", "\xe2\x80\x9c", "\xe2\x80\x9d"}) {
    while (t.size() >= q.size() && t.substr(0, q.size()) == q) t.remove_prefix(q.size());
    while (t.size() >= q.size() && t.substr(t.size() - q.size()) == q) t.remove_suffix(q.size());
  }
  return t;
}

void WordEvidence::Add(std::string_view line) {
  size_t start = 0;
  while (start < line.size()) {
    size_t end = line.find(' ', start);
    if (end == std::string_view::npos) end = line.size();
    std::string_view token = TrimToken(line.substr(start, end - start));
    if (!token.empty()) {
      // Lower-cased in a buffer kept between tokens: most tokens are words
      // already seen, which the set then neither copies nor allocates.
      std::string& lower = scratch_;
      lower.assign(token.data(), token.size());
      for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      // "co-work" makes "co" a prefix the document hyphenates.
      size_t hyphen = lower.find('-');
      if (hyphen == std::string::npos) hyphen = lower.find("\xe2\x80\x90");
      if (hyphen != std::string::npos && hyphen > 0 && hyphen + 3 < lower.size()) {
        prefixes.insert(lower.substr(0, hyphen));
      }
      words.insert(lower);
    }
    start = end + 1;
  }
}

HyphenCall JudgeHyphen(std::string_view text, std::string_view next, const WordEvidence& evidence) {
  const UChar32 last = LastCodePoint(text);
  if (!IsHyphen(last)) return HyphenCall::kNotHyphen;
  if (last == 0x00AD) return HyphenCall::kSoft;
  const size_t hyphen_bytes = static_cast<size_t>(U8_LENGTH(last));
  const size_t space = text.find_last_of(' ');
  const std::string_view token = text.substr(space == std::string_view::npos ? 0 : space + 1);
  std::string_view left = token.substr(0, token.size() - hyphen_bytes);
  if (left.empty()) return HyphenCall::kDash;
  while (!left.empty() && IsWrapping(FirstCodePoint(left))) {
    int32_t len = 0;
    FirstCodePoint(left, &len);
    left.remove_prefix(static_cast<size_t>(len));
  }
  const std::string_view right = TrimToken(next.substr(0, next.find(' ')));
  const bool urlish = token.find('/') != std::string_view::npos ||
                      token.find("www.") != std::string_view::npos ||
                      token.find('@') != std::string_view::npos;
  const UChar32 before = LastCodePoint(left);
  const UChar32 after = FirstCodePoint(right);
  if (urlish || left.empty() || right.empty() || !u_isalpha(before) || !u_isalpha(after) ||
      u_isupper(after) || u_istitle(after)) {
    return HyphenCall::kKeepAlways;
  }
  const std::string hyphen(token.substr(token.size() - hyphen_bytes));
  const std::string l = LowerAscii(left);
  const std::string r = LowerAscii(right);
  if (evidence.Has(l + hyphen + r)) return HyphenCall::kKeep;
  if (evidence.Has(l + r)) return HyphenCall::kMend;
  // The last part of "multi-agency father-" is what the next line continues.
  const size_t inner = l.find_last_of('-');
  if (evidence.IsPrefix(inner == std::string::npos ? l : l.substr(inner + 1))) {
    return HyphenCall::kKeep;
  }
  return HyphenCall::kUnknown;
}

// Appends `next` (the following line of the same paragraph) to `text`,
// mending a word broken at the line end ("implemen-" + "tation") but keeping a
// real hyphen ("Labinjo-" + "Hughes", "father-" + "inclusive" when the
// document writes "father-inclusive" elsewhere, URLs, "2022-" + "23").
// `keep_by_default` is the document's habit when the evidence is silent.
void AppendLine(std::string* text, std::string_view next, const WordEvidence& evidence, bool keep_by_default) {
  if (next.empty()) return;
  if (text->empty()) {
    *text = std::string(next);
    return;
  }
  const HyphenCall call = JudgeHyphen(*text, next, evidence);
  switch (call) {
    case HyphenCall::kNotHyphen: {
      // A dash set close to the word before it ("FAA-2020–" + "0686") is
      // closed up with the next line too.
      const UChar32 last = LastCodePoint(*text);
      const bool closed_dash = (last == 0x2013 || last == 0x2014) && text->size() > 3 &&
                               (*text)[text->size() - 4] != ' ';
      if (!closed_dash && !EndsInsideUrl(*text, next)) text->push_back(' ');
      break;
    }
    case HyphenCall::kDash:
      text->push_back(' ');
      break;
    case HyphenCall::kSoft:
    case HyphenCall::kMend:
      text->resize(text->size() - static_cast<size_t>(U8_LENGTH(LastCodePoint(*text))));
      break;
    case HyphenCall::kUnknown:
      if (!keep_by_default) {
        text->resize(text->size() - static_cast<size_t>(U8_LENGTH(LastCodePoint(*text))));
      }
      break;
    case HyphenCall::kKeepAlways:
    case HyphenCall::kKeep:
      break;
  }
  *text += next;
}

void LineEndHyphens::CountJoin(std::string_view text, std::string_view next, const WordEvidence& evidence) {
  const HyphenCall call = JudgeHyphen(text, next, evidence);
  keep_ += call == HyphenCall::kKeep;
  mend_ += call == HyphenCall::kMend;
  unknown_ += call == HyphenCall::kUnknown;
}

// A document that breaks words has many lines ending in one (a twentieth or
// more: typesetters hyphenate); one with fewer than one in thirty and none
// that the evidence mends is a word processor's, which breaks lines only at
// spaces and real hyphens ("600 self-" + "funders", "up-to-" + "date"). Real
// papers: 8 in 2,275 lines for a 56-page InDesign report.
bool LineEndHyphens::KeepByDefault() const {
  const size_t breaks = keep_ + mend_ + unknown_;
  return (keep_ >= 2 && keep_ > 2 * mend_) || (mend_ == 0 && breaks > 0 && breaks * 30 <= lines_);
}

}  // namespace xref
