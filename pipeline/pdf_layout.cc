// Page geometry -> passages: see pdf_layout.h for the contract and the steps.
//
// Units: every threshold is relative to a font size (em) or to the page or
// block size, never an absolute number of points, so that A4, Letter and
// slides behave alike.
#include "pipeline/pdf_layout.h"

#include "pipeline/line_join.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace xref::pdf {
namespace {

// --- Tunables (fractions of an em, a page or a block) -----------------------

// Two words share a line when their boxes overlap vertically by this much of
// the smaller height.
constexpr double kSameLineOverlap = 0.5;
// A paragraph number or bullet in its own column joins the line beside it when
// their boxes overlap this much and the gap is at most kMarkerMaxGapEm.
constexpr double kMarkerLineOverlap = 0.3;
constexpr double kMarkerMaxGapEm = 10.0;
// A marker that could also be ordinary text ("A.", "-", a bare "3") counts only
// when followed by at least this gap, as a tab or a separate column gives.
constexpr double kMarkerWideGapEm = 0.6;
// Running heads, footers and page numbers live in these bands of the page.
constexpr double kFurnitureBand = 0.12;
// A running line repeats on at least this share of the pages (and on 2 pages
// or more) within this share of the page height.
constexpr double kFurnitureMinShare = 0.3;
constexpr double kFurnitureYTolerance = 0.025;
// Text this much smaller than the body is "small" (footnotes, captions).
constexpr double kSmallFont = 0.93;
// A bold line down to this much smaller than the body may still be a heading.
constexpr double kSmallBoldHeadingFont = 0.85;
// Larger than the body by this much is a heading size.
constexpr double kHeadingFont = 1.12;
// Lines of a block are at most this many times the document's usual line
// pitch apart (measured top to top).
constexpr double kBlockPitchSlack = 1.3;
// Longest heading.
constexpr size_t kMaxHeadingBytes = 200;
constexpr int kMaxHeadingLines = 3;
constexpr size_t kMaxStandaloneHeadingBytes = 160;
// Pages with more blocks than this are read top to bottom (the column order
// below costs b^3).
constexpr size_t kMaxOrderedBlocks = 160;

// --- Text helpers ------------------------------------------------------------

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsAsciiDigit);
}

bool IsRomanNumeral(std::string_view s) {
  if (s.empty() || s.size() > 6) return false;
  const bool lower = s[0] >= 'a';
  for (char c : s) {
    char u = lower ? static_cast<char>(c - 'a' + 'A') : c;
    if (lower != (c >= 'a')) return false;
    if (u != 'I' && u != 'V' && u != 'X' && u != 'L' && u != 'C') return false;
  }
  return true;
}

// The first letter of `s` after opening quotes and brackets (0 if none).
UChar32 FirstLetterish(std::string_view s) {
  while (!s.empty()) {
    int32_t len = 0;
    UChar32 c = FirstCodePoint(s, &len);
    if (!IsWrapping(c)) return c;
    s.remove_prefix(static_cast<size_t>(len));
  }
  return 0;
}

bool StartsLowerCase(std::string_view s) { return u_islower(FirstLetterish(s)); }

// A web address: its small first letter says nothing of a sentence going on
// ("... consultation (February 2023):" over a page break, then the link).
bool StartsWithLink(std::string_view s) {
  return s.substr(0, 7) == "http://" || s.substr(0, 8) == "https://" || s.substr(0, 4) == "www.";
}
bool StartsUpperCaseOrDigit(std::string_view s) {
  UChar32 c = FirstLetterish(s);
  return u_isupper(c) || u_istitle(c) || u_isdigit(c);
}

// The last character that is not a closing quote or bracket.
UChar32 LastSignificant(std::string_view s) {
  while (!s.empty()) {
    UChar32 c = LastCodePoint(s);
    if (c != ')' && c != ']' && c != '"' && c != '\'' && c != 0x2019 && c != 0x201D) return c;
    int32_t i = static_cast<int32_t>(s.size());
    U8_BACK_1(reinterpret_cast<const uint8_t*>(s.data()), 0, i);
    s = s.substr(0, static_cast<size_t>(i));
  }
  return 0;
}

bool EndsSentence(std::string_view s) {
  UChar32 c = LastSignificant(s);
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == 0x2026;
}

// Masks digits and drops spaces and case: "Page 3 of 17" == "page 4 of 17".
std::string FurnitureKey(std::string_view text) {
  std::string key;
  key.reserve(text.size());
  for (char c : text) {
    if (c == ' ') continue;
    if (IsAsciiDigit(c)) {
      if (key.empty() || key.back() != '#') key.push_back('#');
      continue;
    }
    key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return key;
}

// Whether `s` holds a letter (of any script).
bool HasLetter(std::string_view s) {
  for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
    if (c > 0 && u_isalpha(c)) return true;
  }
  return false;
}

// How a line in a page's top or bottom band reads as a page number: not at
// all; a bare number ("7", "- 4 -", "[12]", "2027.") that is one only if it
// counts the pages (FindFurniture decides, from `value`); or plainly one
// ("Page 3", "Page 3 of 17", "3/17", "vii").
enum class PageNumberForm { kNone, kBare, kPlain };

PageNumberForm ReadPageNumber(std::string_view text, long* value) {
  std::string t;
  for (char c : text) {
    if (c != ' ') t.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  // Dashes and bars around the number.
  auto strip = [&t](std::string_view piece) {
    bool changed = false;
    while (t.size() >= piece.size() && t.compare(0, piece.size(), piece) == 0) {
      t.erase(0, piece.size());
      changed = true;
    }
    while (t.size() >= piece.size() && t.compare(t.size() - piece.size(), piece.size(), piece) == 0) {
      t.erase(t.size() - piece.size());
      changed = true;
    }
    return changed;
  };
  for (bool again = true; again;) {
    again = false;
    for (std::string_view piece : {"-", "\xe2\x80\x93", "\xe2\x80\x94", "|", "[", "]", "(", ")", "."}) {
      again |= strip(piece);
    }
  }
  bool prefixed = false;
  for (std::string_view prefix : {"page", "pg", "p"}) {
    if (t.compare(0, prefix.size(), prefix) == 0) {
      t.erase(0, prefix.size());
      prefixed = true;
      break;
    }
  }
  size_t of = t.find("of");
  if (of == std::string::npos) of = t.find('/');
  std::string first = t.substr(0, of);
  if (of != std::string::npos) {
    std::string rest = t.substr(of + (t[of] == '/' ? 1 : 2));
    if (!IsAllDigits(rest)) return PageNumberForm::kNone;
  }
  if (IsAllDigits(first) && !first.empty() && first.size() <= 4) {
    *value = std::stol(first);
    return prefixed || of != std::string::npos ? PageNumberForm::kPlain : PageNumberForm::kBare;
  }
  return IsRomanNumeral(first) ? PageNumberForm::kPlain : PageNumberForm::kNone;
}

// --- Markers: paragraph numbers, list letters, bullets -----------------------

struct Marker {
  bool found = false;
  bool bullet = false;     // a list marker with no number
  bool letter = false;     // "(a)", "a)", "iv." - a list item rather than a paragraph
  bool needs_gap = false;  // could be ordinary text unless a wide gap follows
  bool needs_capital = false;  // "1.1" must be followed by a capital (not "2.4 million")
  std::string label;       // as printed, without a trailing full stop
};

bool IsBulletCodePoint(UChar32 c) {
  switch (c) {
    case 0x2022: case 0x25CF: case 0x25AA: case 0x25A0: case 0x25E6: case 0x25CB:
    case 0x25C6: case 0x2666: case 0x27A2: case 0x27A4: case 0x25BA: case 0x25B6:
    case 0x2713: case 0x2714: case 0x00B7: case 0x2219: case 0x25A1: case 0x2043:
    case 0x2023: case 0x27A8: case 0x2756: case 0x25D8:
      return true;
    default:
      // Symbol and Wingdings bullets arrive as private-use code points.
      return c >= 0xE000 && c <= 0xF8FF;
  }
}

Marker ParseMarker(std::string_view word) {
  Marker m;
  if (word.empty() || word.size() > 16) return m;
  // A run of one bullet character ("•", "■■").
  {
    int32_t len = 0;
    UChar32 c = FirstCodePoint(word, &len);
    if (IsBulletCodePoint(c)) {
      std::string_view rest = word;
      bool all_same = true;
      while (!rest.empty()) {
        int32_t l = 0;
        if (FirstCodePoint(rest, &l) != c) { all_same = false; break; }
        rest.remove_prefix(static_cast<size_t>(l));
      }
      if (all_same) {
        m.found = m.bullet = true;
        return m;
      }
    }
    if ((c == '-' || c == 0x2013 || c == 0x2014 || c == '*' || c == 'o' || c == 0xF0A7) &&
        static_cast<size_t>(len) == word.size()) {
      m.found = m.bullet = m.needs_gap = true;
      return m;
    }
  }
  std::string_view w = word;
  // (a) (iv) (12)
  if (w.size() >= 3 && w.front() == '(' && w.back() == ')') {
    std::string_view inner = w.substr(1, w.size() - 2);
    bool alpha = inner.size() == 1 && std::isalpha(static_cast<unsigned char>(inner[0]));
    if (alpha || IsRomanNumeral(inner) || (IsAllDigits(inner) && inner.size() <= 3)) {
      m.found = true;
      m.letter = !IsAllDigits(inner);
      m.label = std::string(w);
    }
    return m;
  }
  // a) iv) 3)
  if (w.size() >= 2 && w.back() == ')' && w.find('(') == std::string_view::npos) {
    std::string_view inner = w.substr(0, w.size() - 1);
    bool alpha = inner.size() == 1 && std::isalpha(static_cast<unsigned char>(inner[0]));
    if (alpha || IsRomanNumeral(inner) || (IsAllDigits(inner) && inner.size() <= 3)) {
      m.found = true;
      m.letter = !IsAllDigits(inner);
      m.label = std::string(w);
    }
    return m;
  }
  bool trailing_dot = w.back() == '.';
  std::string_view core = trailing_dot ? w.substr(0, w.size() - 1) : w;
  if (core.empty()) return m;
  // 12  12.  1.1  1.1.  3.2.1
  {
    bool ok = true;
    int parts = 0;
    size_t start = 0;
    while (start <= core.size()) {
      size_t dot = core.find('.', start);
      std::string_view part = core.substr(start, dot == std::string_view::npos ? dot : dot - start);
      if (!IsAllDigits(part) || part.size() > 3) { ok = false; break; }
      ++parts;
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
    if (ok && parts <= 4) {
      m.found = true;
      m.label = std::string(core);
      if (parts == 1 && !trailing_dot) m.needs_gap = true;            // a bare "3"
      if (parts > 1 && !trailing_dot) m.needs_capital = true;         // "2.4 million"
      return m;
    }
  }
  // iv.  a.  A.
  if (trailing_dot) {
    if (core.size() == 1 && std::isalpha(static_cast<unsigned char>(core[0]))) {
      m.found = m.letter = m.needs_gap = true;
      m.label = std::string(core);
    } else if (IsRomanNumeral(core) && core.size() <= 5) {
      m.found = m.letter = true;
      m.label = std::string(core);
    }
  }
  return m;
}

// --- Lines --------------------------------------------------------------------

struct Line {
  std::vector<const Word*> words;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double size = 0;      // the font size most of its characters have
  bool bold = false;    // most of its characters are bold
  bool all_bold = false;
  std::string text;     // words joined, spaces where the PDF has them

  double Height() const { return y1 - y0; }
  double Width() const { return x1 - x0; }
  double CenterY() const { return (y0 + y1) / 2; }
};

double VerticalOverlap(double a0, double a1, double b0, double b1) {
  return std::min(a1, b1) - std::max(a0, b0);
}

bool ContinuesLine(const Word& prev, const Word& next) {
  double h = std::min(prev.y1 - prev.y0, next.y1 - next.y0);
  if (VerticalOverlap(prev.y0, prev.y1, next.y0, next.y1) < kSameLineOverlap * h) return false;
  double em = std::max(prev.font_size, next.font_size);
  if (em <= 0) em = std::max(prev.y1 - prev.y0, next.y1 - next.y0);
  return next.x0 >= prev.x1 - 0.5 * em && next.x0 - prev.x1 <= 3.0 * em;
}

// A note's reference mark: a raised figure (or *, †, ‡) in smaller type,
// set right against the word before it ("a third.¹"). It is no part of the
// sentence's words: kept, "more than a third.1" and "£45 million3" read as
// other numbers.
bool IsNoteMark(const Word& prev, const Word& w) {
  const double em = std::max(prev.font_size, 1.0);
  if (prev.space_after || w.x0 - prev.x1 > 0.15 * em || w.text.empty() || w.text.size() > 3) return false;
  if (!(w.font_size < 0.85 * prev.font_size && w.y1 < prev.y1 - 0.1 * em)) return false;
  const bool figures = std::all_of(w.text.begin(), w.text.end(), [](char c) { return c >= '0' && c <= '9'; });
  return figures || w.text == "*" || w.text == "\u2020" || w.text == "\u2021";
}

void FinishLine(Line* line) {
  const Word& first = *line->words.front();
  line->x0 = first.x0; line->y0 = first.y0; line->x1 = first.x1; line->y1 = first.y1;
  size_t chars = 0, bold_chars = 0;
  // The line's size is its largest text size: small capitals and raised
  // note numbers are smaller than the text they sit in. Single letters (a
  // drop capital) do not count unless there is nothing else.
  line->size = 0;
  line->text.clear();
  for (size_t i = 0; i < line->words.size(); ++i) {
    const Word& w = *line->words[i];
    line->x0 = std::min(line->x0, w.x0);
    line->x1 = std::max(line->x1, w.x1);
    line->y0 = std::min(line->y0, w.y0);
    line->y1 = std::max(line->y1, w.y1);
    size_t n = CodePointCount(w.text);
    chars += n;
    if (w.bold) bold_chars += n;
    if (n >= 2) line->size = std::max(line->size, std::round(w.font_size * 2) / 2);
    if (i > 0) {
      const Word& prev = *line->words[i - 1];
      if (IsNoteMark(prev, w)) continue;
      double em = std::max(prev.font_size, 1.0);
      if (prev.space_after || w.x0 - prev.x1 > 0.15 * em) line->text.push_back(' ');
    }
    line->text += w.text;
  }
  if (line->size <= 0) {
    // Only single letters: the size most characters have (the smallest of
    // equals). Rare, so the histogram is built only here.
    std::map<double, size_t> chars_by_size;
    for (const Word* w : line->words) {
      chars_by_size[std::round(w->font_size * 2) / 2] += CodePointCount(w->text);
    }
    size_t best = 0;
    for (const auto& [size, n] : chars_by_size) {
      if (n > best) { best = n; line->size = size; }
    }
  }
  if (line->size <= 0) line->size = line->Height();
  line->bold = bold_chars * 2 > chars;
  line->all_bold = bold_chars == chars;
}

// True when `inner` is drawn over `outer` (a glyph overprinted on a letter,
// as some producers leave behind): most of its width lies inside.
bool IsOverprint(const Word& inner, const Word& outer) {
  double w = inner.x1 - inner.x0;
  if (w <= 0) return true;
  double overlap = std::min(inner.x1, outer.x1) - std::max(inner.x0, outer.x0);
  double v = VerticalOverlap(inner.y0, inner.y1, outer.y0, outer.y1);
  return overlap > 0.6 * w && v > 0.3 * std::min(inner.y1 - inner.y0, outer.y1 - outer.y0);
}

// Letters a broken ToUnicode map wrote byte-swapped. Some PDF writers
// (Ghostscript's pdfwrite among them) give a ligature glyph the UTF-16 of its
// letters in the wrong byte order, so "fi" reads as U+6600 U+6900 ("昀椀"):
// "signi昀椀cant", "e昀昀ective", "re昀氀ections". A code point U+xx00 whose xx is
// an ASCII letter, in a run of such next to a Latin letter of the same word,
// is that letter (no CJK word runs on into Latin letters). In place.
void UnswapAsciiLetters(std::string* text) {
  // U+4100..U+7A00 are E4..E7 in UTF-8; most words have no such byte.
  if (std::none_of(text->begin(), text->end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0xE4 && b <= 0xE7;
      })) {
    return;
  }
  std::vector<UChar32> cps;
  for (int32_t i = 0, n = static_cast<int32_t>(text->size()); i < n;) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text->data()), i, n, c);
    cps.push_back(c);
  }
  auto swapped = [](UChar32 c) {
    const UChar32 high = c >> 8;
    return (c & 0xFF) == 0 && ((high >= 'A' && high <= 'Z') || (high >= 'a' && high <= 'z'));
  };
  auto latin = [](UChar32 c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  bool changed = false;
  for (size_t i = 0; i < cps.size();) {
    if (!swapped(cps[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < cps.size() && swapped(cps[end])) ++end;
    if ((i > 0 && latin(cps[i - 1])) || (end < cps.size() && latin(cps[end]))) {
      for (size_t k = i; k < end; ++k) cps[k] >>= 8;
      changed = true;
    }
    i = end;
  }
  if (!changed) return;
  // An invalid byte (negative) is dropped, as the rest of the text does.
  cps.erase(std::remove_if(cps.begin(), cps.end(), [](UChar32 c) { return c < 0; }), cps.end());
  text->clear();
  icu::UnicodeString::fromUTF32(cps.data(), static_cast<int32_t>(cps.size())).toUTF8String(*text);
}

// The words worth reading, in the producer's order: rotated text (margin
// stamps, vertical labels), blank and off-page words and unmapped glyphs
// (U+FFFD) are dropped, and text drawn twice over itself (a fake bold, a
// letter-spaced heading split into overlapping pieces: "gr" "gro" "ow") is
// merged back into single words. Done in place: a page's words are not
// needed as Poppler gave them afterwards, and a copy of every word was a
// tenth of the layout's work and memory.
void CleanWords(PageWords* page) {
  std::vector<Word>& words = page->words;
  size_t kept = 0;  // words[0, kept) are the clean words so far
  for (Word& w : words) {
    if (w.rotation != 0) continue;
    // U+FFFD (EF BF BD) and the ligatures (EF AC 8x) both start with EF,
    // which most words do not contain.
    if (w.text.find('\xef') != std::string::npos) {
      for (size_t at; (at = w.text.find("\xef\xbf\xbd")) != std::string::npos;) {
        w.text.erase(at, 3);
      }
      // Ligature glyphs ("ﬁ", U+FB01, is EF AC 81) are spelled out here already,
      // so that furniture keys and hyphen evidence compare words as written.
      if (w.text.find("\xef\xac") != std::string::npos) {
        std::string spelled;
        const std::string& t = w.text;
        for (size_t i = 0; i < t.size(); ++i) {
          if (i + 2 < t.size() && t[i] == '\xef' && t[i + 1] == '\xac' &&
              static_cast<unsigned char>(t[i + 2]) >= 0x80 &&
              static_cast<unsigned char>(t[i + 2]) <= 0x86) {
            static const char* const kLetters[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
            spelled += kLetters[static_cast<unsigned char>(t[i + 2]) - 0x80];
            i += 2;
          } else {
            spelled.push_back(t[i]);
          }
        }
        w.text = std::move(spelled);
      }
    }
    UnswapAsciiLetters(&w.text);
    if (w.text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    if (w.x1 < 0 || w.y1 < 0 || (page->width > 0 && w.x0 > page->width) ||
        (page->height > 0 && w.y0 > page->height)) {
      continue;
    }
    if (kept > 0 &&
        VerticalOverlap(words[kept - 1].y0, words[kept - 1].y1, w.y0, w.y1) >=
            kSameLineOverlap * std::min(words[kept - 1].y1 - words[kept - 1].y0, w.y1 - w.y0) &&
        w.x1 > words[kept - 1].x0) {
      Word& prev = words[kept - 1];
      const double em = std::max(std::min(prev.font_size, w.font_size), 1.0);
      // A one-glyph dingbat drawn over a letter is left over from the
      // producer, not text.
      if (IsOverprint(w, prev) && CodePointCount(w.text) == 1 &&
          IsBulletCodePoint(FirstCodePoint(w.text))) {
        continue;
      }
      if (w.x0 < prev.x1 - 0.25 * em) {
        size_t shared = 0;
        if (w.text.compare(0, prev.text.size(), prev.text) == 0) {
          shared = prev.text.size();
        } else if (prev.text.find(w.text) != std::string::npos && w.x1 <= prev.x1 + 0.25 * em) {
          continue;  // drawn again inside the word before
        } else {
          for (size_t k = std::min(prev.text.size(), w.text.size()); k > 0; --k) {
            if (prev.text.compare(prev.text.size() - k, k, w.text, 0, k) == 0) {
              shared = k;
              break;
            }
          }
        }
        if (shared > 0) {
          if (shared == prev.text.size() && w.text.size() >= shared) {
            prev.text = std::move(w.text);
          } else {
            prev.text.append(w.text, shared, std::string::npos);
          }
          prev.x1 = std::max(prev.x1, w.x1);
          prev.y0 = std::min(prev.y0, w.y0);
          prev.y1 = std::max(prev.y1, w.y1);
          prev.space_after = w.space_after;
          continue;
        }
      }
    }
    if (&words[kept] != &w) words[kept] = std::move(w);
    ++kept;
  }
  words.resize(kept);
}

// Words -> line fragments in the producer's order; a fragment ends where the
// next word is not on the same baseline a little to the right.
std::vector<Line> BuildFragments(const std::vector<Word>& words) {
  std::vector<Line> lines;
  Line current;
  for (const Word& w : words) {
    if (!current.words.empty() && !ContinuesLine(*current.words.back(), w)) {
      lines.push_back(std::move(current));
      current = Line();
    }
    current.words.push_back(&w);
  }
  if (!current.words.empty()) lines.push_back(std::move(current));
  for (Line& line : lines) FinishLine(&line);
  return lines;
}

// A fragment that is only a marker ("12.", "(a)", "•") is joined to the
// fragment beside it on the same baseline: numbers set in their own column.
std::vector<Line> JoinMarkerColumns(std::vector<Line> fragments) {
  std::vector<size_t> by_y(fragments.size());
  for (size_t i = 0; i < by_y.size(); ++i) by_y[i] = i;
  std::sort(by_y.begin(), by_y.end(),
            [&](size_t a, size_t b) { return fragments[a].y0 < fragments[b].y0; });
  std::vector<bool> consumed(fragments.size(), false);
  std::vector<size_t> rank(fragments.size());
  for (size_t r = 0; r < by_y.size(); ++r) rank[by_y[r]] = r;
  for (size_t i = 0; i < fragments.size(); ++i) {
    Line& f = fragments[i];
    if (f.words.size() != 1 || !ParseMarker(f.words[0]->text).found) continue;
    const double em = std::max(f.size, 1.0);
    size_t best = SIZE_MAX;
    double best_gap = kMarkerMaxGapEm * em;
    // Neighbours in y order whose tops are within a line height.
    auto consider = [&](size_t j) {
      if (j == i || consumed[j]) return;
      const Line& g = fragments[j];
      double h = std::min(f.Height(), g.Height());
      if (VerticalOverlap(f.y0, f.y1, g.y0, g.y1) < kMarkerLineOverlap * h) return;
      double gap = g.x0 - f.x1;
      if (gap < -0.1 * em || gap > best_gap) return;
      best_gap = gap;
      best = j;
    };
    for (size_t r = rank[i]; r-- > 0;) {
      if (fragments[by_y[r]].y0 < f.y0 - 2 * f.Height()) break;
      consider(by_y[r]);
    }
    for (size_t r = rank[i] + 1; r < by_y.size(); ++r) {
      if (fragments[by_y[r]].y0 > f.y1) break;
      consider(by_y[r]);
    }
    if (best == SIZE_MAX) continue;
    Line& g = fragments[best];
    g.words.insert(g.words.begin(), f.words.front());
    // Keep the marker's own box and size out of the line's dominant size.
    FinishLine(&g);
    consumed[i] = true;
  }
  // A bare number at the right end of a line (a contents entry's page, a
  // table's figure) belongs to the line on its left.
  for (size_t i = 0; i < fragments.size(); ++i) {
    Line& f = fragments[i];
    if (consumed[i] || f.words.size() != 1) continue;
    const std::string& t = f.words[0]->text;
    if (!(IsAllDigits(t) && t.size() <= 4) && !IsRomanNumeral(t)) continue;
    size_t best = SIZE_MAX;
    double best_gap = 0;
    auto consider = [&](size_t j) {
      if (j == i || consumed[j]) return;
      const Line& g = fragments[j];
      double h = std::min(f.Height(), g.Height());
      if (VerticalOverlap(f.y0, f.y1, g.y0, g.y1) < kSameLineOverlap * h) return;
      double gap = f.x0 - g.x1;
      if (gap < 0 || (best != SIZE_MAX && gap >= best_gap)) return;
      best_gap = gap;
      best = j;
    };
    for (size_t r = rank[i]; r-- > 0;) {
      if (fragments[by_y[r]].y0 < f.y0 - 2 * f.Height()) break;
      consider(by_y[r]);
    }
    for (size_t r = rank[i] + 1; r < by_y.size(); ++r) {
      if (fragments[by_y[r]].y0 > f.y1) break;
      consider(by_y[r]);
    }
    if (best == SIZE_MAX) continue;
    Line& g = fragments[best];
    g.words.push_back(f.words.front());
    FinishLine(&g);
    consumed[i] = true;
  }
  std::vector<Line> out;
  out.reserve(fragments.size());
  for (size_t i = 0; i < fragments.size(); ++i) {
    if (!consumed[i]) out.push_back(std::move(fragments[i]));
  }
  return out;
}

// --- Page furniture -------------------------------------------------------------

bool InFurnitureBand(const Line& line, double page_height) {
  if (page_height <= 0) return false;
  double c = line.CenterY() / page_height;
  return c < kFurnitureBand || c > 1 - kFurnitureBand;
}

// Marks running heads and footers (repeated at the same height on many pages)
// and bare page numbers in the top and bottom bands.
std::vector<std::vector<bool>> FindFurniture(const std::vector<PageWords>& pages,
                                             const std::vector<std::vector<Line>>& lines) {
  std::vector<std::vector<bool>> furniture(lines.size());
  // Each line counts under its own text and under the text of its whole row
  // (the fragments on its baseline, left to right): producers split a footer
  // into pieces differently from page to page.
  struct Seen { size_t page; std::vector<size_t> lines; double y; };
  std::unordered_map<std::string, std::vector<Seen>> by_key;
  // The band's rows of two lines or more, by page.
  std::vector<std::vector<std::vector<size_t>>> band_rows(lines.size());
  // Bare numbers in the bands, with the number less the page's index.
  struct Bare { size_t page, line; long offset; };
  std::vector<Bare> bare;
  for (size_t p = 0; p < lines.size(); ++p) {
    furniture[p].assign(lines[p].size(), false);
    const double h = pages[p].height;
    std::vector<size_t> band;
    for (size_t i = 0; i < lines[p].size(); ++i) {
      const Line& line = lines[p][i];
      if (!InFurnitureBand(line, h)) continue;
      long value = 0;
      const PageNumberForm form = ReadPageNumber(line.text, &value);
      if (form == PageNumberForm::kPlain) {
        furniture[p][i] = true;
        continue;
      }
      if (form == PageNumberForm::kBare) {
        bare.push_back({p, i, value - static_cast<long>(p)});
        continue;
      }
      by_key[FurnitureKey(line.text)].push_back({p, {i}, h > 0 ? line.CenterY() / h : 0});
      band.push_back(i);
    }
    std::sort(band.begin(), band.end(), [&](size_t a, size_t b) {
      return lines[p][a].CenterY() < lines[p][b].CenterY();
    });
    for (size_t start = 0; start < band.size();) {
      size_t end = start + 1;
      const Line& first = lines[p][band[start]];
      while (end < band.size()) {
        const Line& next = lines[p][band[end]];
        double overlap = VerticalOverlap(first.y0, first.y1, next.y0, next.y1);
        if (overlap < kSameLineOverlap * std::min(first.Height(), next.Height())) break;
        ++end;
      }
      if (end - start > 1) {
        std::vector<size_t> row(band.begin() + static_cast<long>(start),
                                band.begin() + static_cast<long>(end));
        std::sort(row.begin(), row.end(),
                  [&](size_t a, size_t b) { return lines[p][a].x0 < lines[p][b].x0; });
        std::string key;
        for (size_t i : row) key += FurnitureKey(lines[p][i].text);
        by_key[key].push_back({p, row, h > 0 ? first.CenterY() / h : 0});
        band_rows[p].push_back(std::move(row));
      }
      start = end;
    }
  }
  // A bare number is a page number when it counts the pages: the page's own
  // number counting from the first, second or third page (covers and
  // contents go unnumbered), or off the page's index by as much as a bare
  // number on another page (an extract of a longer report, numbered from
  // 145). The end of a sentence carried over to the top of the next page
  // ("2027.") counts nothing and stays text.
  std::map<long, std::set<size_t>> pages_at_offset;
  for (const Bare& b : bare) pages_at_offset[b.offset].insert(b.page);
  for (const Bare& b : bare) {
    const bool own_number = b.offset >= -1 && b.offset <= 1;
    if (own_number || pages_at_offset[b.offset].size() >= 2) furniture[b.page][b.line] = true;
  }
  const size_t min_pages = std::max<size_t>(
      2, static_cast<size_t>(std::ceil(kFurnitureMinShare * static_cast<double>(pages.size()))));
  // Lines marked for repeating, and among them figures that read alike only
  // once their digits are masked ("1,761,000" and "1,530,000"): a running
  // line repeats its figures as they are ("2023/24"), a table's rows that a
  // page break left at the same height on two pages do not.
  std::vector<std::pair<size_t, size_t>> repeated;
  std::set<std::pair<size_t, size_t>> varying_figures;
  for (auto& [key, seen] : by_key) {
    if (seen.size() < min_pages || key.empty()) continue;
    std::vector<double> ys;
    for (const Seen& s : seen) ys.push_back(s.y);
    std::nth_element(ys.begin(), ys.begin() + ys.size() / 2, ys.end());
    const double median = ys[ys.size() / 2];
    std::unordered_set<size_t> on_pages;
    std::set<std::string> texts;
    for (const Seen& s : seen) {
      if (std::abs(s.y - median) > kFurnitureYTolerance) continue;
      on_pages.insert(s.page);
      std::string text;
      for (size_t i : s.lines) text += lines[s.page][i].text;
      texts.insert(std::move(text));
    }
    if (on_pages.size() < min_pages) continue;
    const bool figures = !HasLetter(key) && texts.size() > 1;
    for (const Seen& s : seen) {
      if (std::abs(s.y - median) > kFurnitureYTolerance) continue;
      for (size_t i : s.lines) {
        if (furniture[s.page][i]) continue;
        furniture[s.page][i] = true;
        repeated.emplace_back(s.page, i);
        if (figures) varying_figures.emplace(s.page, i);
      }
    }
  }
  // A table's row: figures (that vary from page to page where they repeat,
  // and no page number) beside text that does not repeat ("Dudley  North
  // West  1,761,000  2.3%"). Its lines that repeat at this height on another
  // page (a region's name, the figures) are its cells.
  std::set<std::pair<size_t, size_t>> cells;
  for (size_t p = 0; p < band_rows.size(); ++p) {
    for (const std::vector<size_t>& row : band_rows[p]) {
      const bool figures = std::any_of(row.begin(), row.end(), [&](size_t i) {
        const std::string& text = lines[p][i].text;
        const bool figure = !HasLetter(text) && std::any_of(text.begin(), text.end(), IsAsciiDigit);
        return (figure && !furniture[p][i]) || varying_figures.count({p, i}) != 0;
      });
      const bool text = std::any_of(row.begin(), row.end(), [&](size_t i) {
        return !furniture[p][i] && HasLetter(lines[p][i].text);
      });
      if (!figures || !text) continue;
      for (size_t i : row) cells.emplace(p, i);
    }
  }
  for (const auto& [p, i] : repeated) {
    if (cells.count({p, i}) != 0) furniture[p][i] = false;
  }
  return furniture;
}

// --- Blocks and their reading order ----------------------------------------------

struct Block {
  std::vector<size_t> lines;  // indices into the page's lines, top to bottom
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double size = 0;
  double pitch = 0;           // top-to-top distance of its lines, once known
  int table = -1;             // a table's index on its page; then `lines` is empty

  double Width() const { return x1 - x0; }
  double CenterY() const { return (y0 + y1) / 2; }
};

// The usual distance from one line's top to the next, as a multiple of the
// font size: the mode over consecutive lines of the same size that overlap.
double UsualPitchRatio(const std::vector<std::vector<Line>>& pages) {
  std::map<int, size_t> votes;
  for (const std::vector<Line>& lines : pages) {
    std::vector<const Line*> sorted;
    for (const Line& l : lines) sorted.push_back(&l);
    std::sort(sorted.begin(), sorted.end(),
              [](const Line* a, const Line* b) { return a->y0 < b->y0; });
    // Compare each line with the next few below it that overlap horizontally.
    for (size_t i = 0; i < sorted.size(); ++i) {
      for (size_t j = i + 1; j < sorted.size() && j < i + 6; ++j) {
        const Line& a = *sorted[i];
        const Line& b = *sorted[j];
        if (std::abs(a.size - b.size) > 0.5 || a.size <= 0) continue;
        double overlap = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
        if (overlap < 0.5 * std::min(a.Width(), b.Width())) continue;
        double ratio = (b.y0 - a.y0) / a.size;
        if (ratio < 0.8 || ratio > 3.0) break;
        votes[static_cast<int>(std::lround(ratio * 20))]++;
        break;
      }
    }
  }
  size_t best = 0;
  double ratio = 1.2;
  for (const auto& [r, n] : votes) {
    if (n > best) { best = n; ratio = r / 20.0; }
  }
  return ratio;
}

// The lines not dropped, top to bottom, left to right on one height.
std::vector<size_t> TopDownOrder(const std::vector<Line>& lines, const std::vector<bool>& drop) {
  std::vector<size_t> order;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!drop[i]) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (lines[a].y0 != lines[b].y0) return lines[a].y0 < lines[b].y0;
    return lines[a].x0 < lines[b].x0;
  });
  return order;
}

std::vector<Block> BuildBlocks(const std::vector<Line>& lines, const std::vector<bool>& drop,
                               double pitch_ratio) {
  const std::vector<size_t> order = TopDownOrder(lines, drop);
  std::vector<Block> blocks;
  std::vector<size_t> open;  // blocks that may still take lines
  for (size_t li : order) {
    const Line& line = lines[li];
    const double em = std::max(line.size, 1.0);
    size_t best = SIZE_MAX;
    double best_dy = 0;
    std::vector<size_t> still_open;
    for (size_t b : open) {
      Block& block = blocks[b];
      const Line& last = lines[block.lines.back()];
      const double dy = line.y0 - last.y0;
      const double size = std::max(line.size, last.size);
      if (dy > 4 * size) continue;  // too far above: closed for good
      still_open.push_back(b);
      if (dy < 0.5 * std::min(line.size, last.size)) continue;  // same baseline
      if (std::abs(line.size - block.size) > 0.15 * std::max(line.size, block.size)) continue;
      double limit = std::max(1.2, pitch_ratio * kBlockPitchSlack) * size;
      if (block.pitch > 0) limit = std::min(limit, std::max(block.pitch * 1.25, 1.05 * size));
      if (dy > limit) continue;
      double overlap = std::min(line.x1, last.x1) - std::max(line.x0, last.x0);
      double block_overlap = std::min(line.x1, block.x1) - std::max(line.x0, block.x0);
      if (overlap < 0.5 * std::min(line.Width(), last.Width()) &&
          block_overlap < 0.5 * std::min(line.Width(), block.Width())) {
        continue;
      }
      if (best == SIZE_MAX || dy < best_dy) {
        best = b;
        best_dy = dy;
      }
    }
    open = std::move(still_open);
    if (best == SIZE_MAX) {
      Block block;
      block.lines.push_back(li);
      block.x0 = line.x0; block.y0 = line.y0; block.x1 = line.x1; block.y1 = line.y1;
      block.size = line.size;
      blocks.push_back(std::move(block));
      open.push_back(blocks.size() - 1);
      (void)em;
      continue;
    }
    Block& block = blocks[best];
    if (block.lines.size() == 1) block.pitch = best_dy;
    block.lines.push_back(li);
    block.x0 = std::min(block.x0, line.x0);
    block.x1 = std::max(block.x1, line.x1);
    block.y0 = std::min(block.y0, line.y0);
    block.y1 = std::max(block.y1, line.y1);
  }
  return blocks;
}

// Breuel's reading order: a before b when they overlap horizontally and a is
// above; or when a lies wholly left of b and no block between them in height
// spans both. Ties go to the block nearer the top, then the left.
// `notes` marks the footnote blocks, which span the columns but end none.
std::vector<size_t> ReadingOrder(const std::vector<Block>& blocks, const std::vector<bool>& notes) {
  const size_t n = blocks.size();
  std::vector<size_t> by_position(n);
  for (size_t i = 0; i < n; ++i) by_position[i] = i;
  std::sort(by_position.begin(), by_position.end(), [&](size_t a, size_t b) {
    if (blocks[a].y0 != blocks[b].y0) return blocks[a].y0 < blocks[b].y0;
    return blocks[a].x0 < blocks[b].x0;
  });
  if (n > kMaxOrderedBlocks || n < 2) return by_position;

  auto overlaps_x = [&](const Block& a, const Block& b) {
    double o = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
    return o > 0.1 * std::min(a.Width(), b.Width()) && o > 0;
  };
  // True when `upper` ends a section set in columns of text and `lower`,
  // left of it and wholly below it, opens the text under that section (a
  // word processor's continuous section break back to one column, a heading
  // there): every block that starts above `lower` ends above it, so a cut
  // runs across the page; the columns above the cut end level, as a word
  // processor balances a section's columns (a column running on below the
  // other's end is still read down first), and are running text, several
  // lines on each side (a chart's labels and figures are not); and a block
  // below the cut spans both columns.
  auto SectionEndsAbove = [&](const Block& upper, const Block& lower) {
    constexpr size_t kColumnLines = 3;
    if (upper.lines.size() < kColumnLines) return false;
    const double em = std::max({upper.size, lower.size, 1.0});
    double left_end = -1e9, right_end = -1e9;
    bool left_text = false;
    for (size_t c = 0; c < n; ++c) {
      const Block& C = blocks[c];
      if (notes[c] || &C == &lower) continue;
      if (C.y0 < lower.y0 - 0.25 * em && C.y1 > lower.y0) return false;  // crosses the cut
      if (C.y1 > lower.y0) continue;
      const bool under_upper = overlaps_x(C, upper), under_lower = overlaps_x(C, lower);
      if (under_lower && !under_upper) {
        left_end = std::max(left_end, C.y1);
        left_text |= C.lines.size() >= kColumnLines && VerticalOverlap(C.y0, C.y1, upper.y0, upper.y1) > 0;
      }
      if (under_upper && !under_lower) right_end = std::max(right_end, C.y1);
    }
    if (!left_text || right_end < 0 || std::abs(left_end - right_end) > 3 * em) return false;
    for (size_t c = 0; c < n; ++c) {
      const Block& C = blocks[c];
      if (!notes[c] && C.y0 >= lower.y0 - 0.25 * em && overlaps_x(C, upper) && overlaps_x(C, lower)) {
        return true;
      }
    }
    // Or the text below is set in columns again (a web page's columns under
    // a heading that spans them, CSS column-span): the upper's column goes on
    // below the cut, and stands empty beside `lower` and further, as a
    // heading's spacing leaves it. (A column with text beside a heading in
    // the other column is read down first, as before.)
    double next_top = 1e300;
    for (size_t c = 0; c < n; ++c) {
      const Block& C = blocks[c];
      if (notes[c] || &C == &lower || !overlaps_x(C, upper) || overlaps_x(C, lower)) continue;
      if (VerticalOverlap(C.y0, C.y1, lower.y0, lower.y1) > 0) return false;
      if (C.y0 >= lower.y0 - 0.25 * em) next_top = std::min(next_top, C.y0);
    }
    return next_top < 1e300 && next_top - right_end >= lower.y1 - lower.y0 + em;
  };
  std::vector<std::vector<size_t>> after(n);
  std::vector<size_t> incoming(n, 0);
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = 0; b < n; ++b) {
      if (a == b) continue;
      const Block& A = blocks[a];
      const Block& B = blocks[b];
      bool before = false;
      if (overlaps_x(A, B)) {
        before = A.CenterY() < B.CenterY();
      } else if (A.x1 <= B.x0 + 0.5 * std::min(A.size, B.size)) {
        before = true;
        const double lo = std::min(A.CenterY(), B.CenterY());
        const double hi = std::max(A.CenterY(), B.CenterY());
        for (size_t c = 0; c < n && before; ++c) {
          if (c == a || c == b) continue;
          const Block& C = blocks[c];
          if (C.CenterY() > lo && C.CenterY() < hi && overlaps_x(C, A) && overlaps_x(C, B)) {
            before = false;
          }
        }
        // Side by side in height, A is read first. One wholly above the other
        // is a column break only if the columns show: some block in the upper
        // one's column stands level with the lower one (or the reverse).
        // Otherwise (a narrow centred heading above a numbered item) the
        // upper one is read first.
        if (before && VerticalOverlap(A.y0, A.y1, B.y0, B.y1) <= 0) {
          const Block& upper = A.y1 <= B.y0 ? A : B;
          const Block& lower = A.y1 <= B.y0 ? B : A;
          bool columns = false;
          for (size_t c = 0; c < n && !columns; ++c) {
            if (c == a || c == b) continue;
            const Block& C = blocks[c];
            if ((overlaps_x(C, upper) && !overlaps_x(C, lower) &&
                 VerticalOverlap(C.y0, C.y1, lower.y0, lower.y1) > 0) ||
                (overlaps_x(C, lower) && !overlaps_x(C, upper) &&
                 VerticalOverlap(C.y0, C.y1, upper.y0, upper.y1) > 0)) {
              columns = true;
            }
          }
          if (&A != &upper && (!columns || SectionEndsAbove(upper, lower))) {
            before = false;
            after[b].push_back(a);  // B above A: B first (the pair (b, a) adds nothing)
            incoming[a]++;
          }
        }
      }
      if (before) {
        after[a].push_back(b);
        incoming[b]++;
      }
    }
  }
  std::vector<size_t> order;
  std::vector<bool> done(n, false);
  order.reserve(n);
  while (order.size() < n) {
    // The first ready block in position order; a cycle (overlapping boxes) is
    // broken by taking the first block not yet done.
    size_t pick = SIZE_MAX;
    for (size_t i : by_position) {
      if (!done[i] && incoming[i] == 0) { pick = i; break; }
    }
    if (pick == SIZE_MAX) {
      for (size_t i : by_position) {
        if (!done[i]) { pick = i; break; }
      }
    }
    done[pick] = true;
    order.push_back(pick);
    for (size_t b : after[pick]) {
      if (incoming[b] > 0) incoming[b]--;
    }
  }
  return order;
}

// --- Paragraphs -------------------------------------------------------------------

struct Paragraph {
  int page = 0;
  std::vector<std::string> lines;  // text of each line, marker removed
  std::string label;
  bool bullet = false;
  bool letter = false;
  bool footnote = false;
  bool heading = false;
  bool table_row = false;      // one row of a table, its cells joined in `lines[0]`
  int level = 0;
  double size = 0;
  bool bold = false;
  bool all_caps = false;
  bool block_alone = false;    // the only paragraph of its block
  bool starts_column = false;  // first of its block, and its block is first on
                               // the page or stands above the one before
  bool ends_column = false;    // last of its block, with nothing but footnotes below
  bool before_column = false;  // last of its block, the next block read starting a column
  double block_width = 0;
  size_t block_lines = 0;
  size_t bytes = 0;

  std::string Joined() const {
    std::string s;
    for (const std::string& l : lines) {
      if (!s.empty()) s.push_back(' ');
      s += l;
    }
    return s;
  }
};

// The marker a line starts with, if it is one here: checks the gap after it
// and what follows.
Marker LineMarker(const Line& line, bool footnote_block) {
  Marker m;
  if (line.words.size() < 2) return m;
  const Word& first = *line.words[0];
  const Word& next = *line.words[1];
  m = ParseMarker(first.text);
  if (!m.found) return m;
  const double em = std::max(first.font_size, 1.0);
  const double gap = next.x0 - first.x1;
  const bool wide = gap >= kMarkerWideGapEm * em;
  // A footnote's number may be a raised figure right against the text.
  const bool raised = first.font_size < 0.85 * next.font_size && first.y1 < next.y1 - 0.1 * em;
  if (m.needs_gap && !wide && !(footnote_block && IsAllDigits(first.text)) && !raised) {
    return Marker();
  }
  if (m.needs_capital && !wide && !StartsUpperCaseOrDigit(next.text)) return Marker();
  return m;
}

// Text of a line without its first word.
std::string TextAfterFirstWord(const Line& line) {
  std::string s;
  for (size_t i = 1; i < line.words.size(); ++i) {
    if (i > 1) {
      const Word& prev = *line.words[i - 1];
      if (IsNoteMark(prev, *line.words[i])) continue;
      if (prev.space_after || line.words[i]->x0 - prev.x1 > 0.15 * std::max(prev.font_size, 1.0)) {
        s.push_back(' ');
      }
    }
    s += line.words[i]->text;
  }
  return s;
}

// At least four capitals and no small letter. Stops at the first small
// letter (most paragraphs have one in their first word), and asks ICU only
// about letters beyond ASCII.
bool IsAllCaps(std::string_view text) {
  size_t upper = 0;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, n, c);
    if (c < 0) continue;
    if (c < 0x80) {
      if (c >= 'a' && c <= 'z') return false;
      upper += c >= 'A' && c <= 'Z';
      continue;
    }
    if (u_islower(c)) return false;
    upper += u_isupper(c) ? 1 : 0;
  }
  return upper >= 4;
}

// Splits one block into paragraphs.
void SplitBlock(const std::vector<Line>& lines, const Block& block, int page, bool footnote_block,
                std::vector<Paragraph>* out) {
  // The left edge most lines share, to tell first-line indents from hanging ones.
  std::map<long, size_t> lefts;
  for (size_t li : block.lines) lefts[std::lround(lines[li].x0)]++;
  long common_left = lefts.begin()->first;
  size_t best = 0;
  for (const auto& [x, n] : lefts) {
    if (n > best) { best = n; common_left = x; }
  }
  // The block's line pitch: the closest two lines' distance, top to top.
  double line_pitch = 1e9;
  for (size_t k = 1; k < block.lines.size(); ++k) {
    const double dy = lines[block.lines[k]].y0 - lines[block.lines[k - 1]].y0;
    if (dy > 0.5 * std::max(lines[block.lines[k]].size, 1.0)) line_pitch = std::min(line_pitch, dy);
  }
  const size_t first_index = out->size();
  Paragraph* para = nullptr;
  size_t para_first = 0;  // the current paragraph's first line
  double hang_x = -1;  // where the text after the current paragraph's marker starts
  double label_x = -1, label_text_x = -1;  // where the last lettered item's label and text start
  for (size_t k = 0; k < block.lines.size(); ++k) {
    const Line& line = lines[block.lines[k]];
    const double em = std::max(line.size, 1.0);
    Marker marker = LineMarker(line, footnote_block);
    // A letter label set close to its text ("a. note the plan", as browsers
    // set an <ol type="a">) is a label all the same where the next line
    // hangs at its text, or where it stands as the last item's label stood,
    // its text where that item's text started.
    if (!marker.found && line.words.size() >= 2) {
      Marker loose = ParseMarker(line.words[0]->text);
      const double text_x = line.words[1]->x0;
      if (loose.found && loose.letter && text_x > line.x0 + 0.3 * em) {
        const bool hangs = k + 1 < block.lines.size() &&
                           std::abs(lines[block.lines[k + 1]].x0 - text_x) < 0.3 * em &&
                           !LineMarker(lines[block.lines[k + 1]], footnote_block).found;
        const bool follows = label_x >= 0 && std::abs(line.x0 - label_x) < 0.3 * em &&
                             std::abs(text_x - label_text_x) < 0.3 * em;
        // ... or where the next line opens with such a label, set alike.
        bool leads = false;
        if (k + 1 < block.lines.size()) {
          const Line& next = lines[block.lines[k + 1]];
          leads = next.words.size() >= 2 && ParseMarker(next.words[0]->text).letter &&
                  std::abs(next.x0 - line.x0) < 0.3 * em && std::abs(next.words[1]->x0 - text_x) < 0.3 * em;
        }
        if (hangs || follows || leads) marker = loose;
      }
    }
    // A figure that opens a line of running text ("... was supported by" /
    // "224 respondents and opposed by" / "61. Several governing bodies") is
    // no paragraph number, though justified text may set a wide gap after
    // it: the line stands where the paragraph's lines run on (under the text
    // past its number, not out where the number stands), at the paragraph's
    // line pitch, under a line that runs full to the block's edge and stops
    // on a word, mid-sentence.
    if (marker.found && !marker.bullet && !marker.letter && para != nullptr && k > 0) {
      const Line& prev = lines[block.lines[k - 1]];
      const double run_on_x = k - 1 > para_first ? prev.x0 : hang_x >= 0 ? hang_x : common_left;
      if (std::abs(line.x0 - run_on_x) < 0.3 * em && line.y0 - prev.y0 <= line_pitch + 0.15 * em &&
          prev.x1 >= block.x1 - 0.5 * em && u_isalpha(LastSignificant(prev.text))) {
        marker = Marker();
      }
    }
    if (marker.found && marker.letter && line.words.size() >= 2) {
      label_x = line.x0;
      label_text_x = line.words[1]->x0;
    }
    bool split = k == 0;
    if (!split) {
      const Line& prev = lines[block.lines[k - 1]];
      if (marker.found) {
        split = true;
      } else if (line.bold != prev.bold &&
                 (EndsSentence(prev.text) || (prev.all_bold && StartsUpperCaseOrDigit(line.text)))) {
        split = true;  // a bold lead-in or heading line, then text
      } else if (line.x0 >= common_left + 0.8 * em && std::abs(prev.x0 - common_left) < 0.5 * em &&
                 lefts[std::lround(line.x0)] < best &&
                 !(hang_x >= 0 && std::abs(line.x0 - hang_x) < 0.6 * em)) {
        split = true;  // a first-line indent
      } else if (prev.x1 < block.x1 - 0.2 * block.Width() && EndsSentence(prev.text) &&
                 StartsUpperCaseOrDigit(line.text)) {
        split = true;  // the short last line of a paragraph
      }
    }
    if (split) {
      out->emplace_back();
      para = &out->back();
      para_first = k;
      para->page = page;
      para->size = line.size;
      para->bold = line.bold;
      para->footnote = footnote_block;
      hang_x = marker.found ? line.words[1]->x0 : -1;
      if (marker.found) {
        para->bullet = marker.bullet;
        para->letter = marker.letter;
        para->label = marker.label;
        para->lines.push_back(TextAfterFirstWord(line));
      } else {
        para->lines.push_back(line.text);
      }
    } else {
      para->lines.push_back(line.text);
      para->bold = para->bold && line.bold;
    }
  }
  for (size_t i = first_index; i < out->size(); ++i) {
    Paragraph& p = (*out)[i];
    p.block_alone = out->size() - first_index == 1;
    p.block_width = block.Width();
    p.block_lines = block.lines.size();
    for (const std::string& l : p.lines) p.bytes += l.size() + 1;
    p.all_caps = IsAllCaps(p.Joined());
  }
}

// A block of small text at the foot of the page that starts with a number or
// a note sign, with no body text below it.
// With `continuation`, an unnumbered block there counts too: the rest of a
// note that a column or page break cut.
bool IsFootnoteBlock(const std::vector<Line>& lines, const Block& block,
                     const std::vector<Block>& blocks, double page_height, double body_size,
                     bool continuation) {
  if (block.size > kSmallFont * body_size) return false;
  if (page_height > 0 && block.y0 < (continuation ? 0.5 : 0.3) * page_height) return false;
  const Line& first = lines[block.lines.front()];
  const std::string& w = first.words.front()->text;
  UChar32 c = FirstCodePoint(w);
  bool numbered = u_isdigit(c) || c == '*' || c == 0x2020 || c == 0x2021 || c == 0x00A7;
  if (!numbered && !continuation) return false;
  for (const Block& other : blocks) {
    if (&other == &block || other.y0 <= block.y1) continue;
    if (other.size > kSmallFont * body_size) {
      double o = std::min(other.x1, block.x1) - std::max(other.x0, block.x0);
      if (o > 0) return false;
    }
  }
  return true;
}

// --- Tables ----------------------------------------------------------------------
//
// A table is found from its data rows: rows (words on one baseline, across
// the whole page), one under the other or with wrapped lines between, that
// gaps of kCellGapEm or more cut into three or more pieces in one font size,
// a figure among them, and whose words leave the same gutters empty from row
// to row. The gutters give the columns; rows just above or below whose words
// fall piece by piece into single columns (a header, a total) join the table,
// and a row of text cells set tight against a row with text in the same
// columns (above it when cells are set from the top of their row, below when
// the figures are centred on a label's two lines) holds wrapped lines of that
// row's cells. Each row is then one passage, its cells in column order, so
// that no figure in a cell reads as a paragraph number.
//
// Only clearly set tables are taken: every column shares an edge or a centre
// from row to row, every column but the first holds short cells only (text
// set in columns has long ones), and some column holds figures only. Tables
// of words alone, and charts whose labels float, read as text as before.

// Pieces of a data row are at least this far apart.
constexpr double kCellGapEm = 1.5;
// Pieces of a header or total row (whose cells may be wider than the data's,
// "Recycled Not recycled") are at least this far apart.
constexpr double kHeaderGapEm = 0.5;
// Consecutive rows of a table are at most this far apart, top to top.
constexpr double kRowPitchEm = 3.0;
// A cell of a data row is short when it has at most this many words.
constexpr size_t kShortCellWords = 4;

// The words on one baseline across the whole page, left to right.
struct PageRow {
  std::vector<const Word*> words;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double size = 0;
};

std::vector<PageRow> BuildPageRows(const std::vector<Line>& lines, const std::vector<bool>& drop,
                                   std::vector<std::vector<size_t>>* row_lines) {
  const std::vector<size_t> order = TopDownOrder(lines, drop);
  std::vector<PageRow> rows;
  row_lines->clear();
  for (size_t li : order) {
    const Line& line = lines[li];
    if (!rows.empty()) {
      // Measured against the row's first line, and a line standing over or
      // under one of the row's (the two lines of a wrapped cell beside a
      // figure centred on them) starts a row of its own.
      PageRow& row = rows.back();
      const Line& first = lines[row_lines->back().front()];
      const double h = std::min(line.Height(), first.Height());
      bool stacked = false;
      for (size_t other : row_lines->back()) {
        stacked |= std::min(line.x1, lines[other].x1) - std::max(line.x0, lines[other].x0) > 0;
      }
      if (!stacked &&
          VerticalOverlap(line.y0, line.y1, first.y0, first.y1) >= kSameLineOverlap * h) {
        row.words.insert(row.words.end(), line.words.begin(), line.words.end());
        row.x0 = std::min(row.x0, line.x0);
        row.x1 = std::max(row.x1, line.x1);
        row.y1 = std::max(row.y1, line.y1);
        row.size = std::max(row.size, line.size);
        row_lines->back().push_back(li);
        continue;
      }
    }
    PageRow row;
    row.words = line.words;
    row.x0 = line.x0; row.y0 = line.y0; row.x1 = line.x1; row.y1 = line.y1;
    row.size = line.size;
    rows.push_back(std::move(row));
    row_lines->push_back({li});
  }
  for (PageRow& row : rows) {
    std::stable_sort(row.words.begin(), row.words.end(),
                     [](const Word* a, const Word* b) { return a->x0 < b->x0; });
  }
  return rows;
}

// The row's words cut where the gap to the next word is `gap_em` or more.
std::vector<std::vector<const Word*>> RowPieces(const PageRow& row, double gap_em) {
  std::vector<std::vector<const Word*>> pieces;
  for (const Word* w : row.words) {
    if (!pieces.empty()) {
      const Word& prev = *pieces.back().back();
      const double em = std::max({prev.font_size, w->font_size, 1.0});
      if (w->x0 - prev.x1 < gap_em * em) {
        pieces.back().push_back(w);
        continue;
      }
    }
    pieces.push_back({w});
  }
  return pieces;
}

// Words joined as FinishLine joins them.
std::string JoinWords(const std::vector<const Word*>& words) {
  std::string s;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) {
      const Word& prev = *words[i - 1];
      if (IsNoteMark(prev, *words[i])) continue;
      if (prev.space_after || words[i]->x0 - prev.x1 > 0.15 * std::max(prev.font_size, 1.0)) {
        s.push_back(' ');
      }
    }
    s += words[i]->text;
  }
  return s;
}

// A figure: digits with the signs that go with them ("1,560", "-2.4%", "£45m").
bool IsFigure(std::string_view s) {
  size_t digits = 0, other = 0;
  for (char c : s) {
    if (IsAsciiDigit(c)) {
      ++digits;
    } else if (!(c == '.' || c == ',' || c == '%' || c == '-' || c == '+' || c == '(' ||
                 c == ')' || c == 'm' || c == 'k' || (c & 0x80))) {
      ++other;
    }
  }
  return digits > 0 && other == 0;
}

// Where a table's columns lie: a cell belongs to the column whose span holds
// its middle. Spans are cut in the gutters: between two right-aligned columns
// near the left one's right edge, so that a header wider than its figures
// still falls in the figures' column; between two left-aligned ones near the
// right one's left edge; otherwise in the middle.
struct ColumnModel {
  std::vector<double> lefts, rights;  // edges of the data cells of each column
  std::vector<double> cuts;           // between column k and k + 1
  std::vector<double> edges;          // column starts that cells meet with no gutter
  double size = 0;                    // font size of the data rows

  size_t Count() const { return lefts.size(); }
  size_t ColumnOf(double x) const {
    return static_cast<size_t>(std::upper_bound(cuts.begin(), cuts.end(), x) - cuts.begin());
  }
};

// Columns from the gutters that the data rows leave empty; an empty model
// when there are fewer than three, or a column whose cells share no edge.
ColumnModel ModelColumns(const std::vector<const PageRow*>& data) {
  ColumnModel model;
  std::vector<std::pair<double, double>> spans;
  double size = 0;
  for (const PageRow* row : data) {
    size = std::max(size, row->size);
    for (const Word* w : row->words) spans.emplace_back(w->x0, w->x1);
  }
  std::sort(spans.begin(), spans.end());
  const double em = std::max(size, 1.0);
  // A column set flush left from a fixed start, in a table whose cells have
  // no padding (a web page's table printed by a browser): a long cell in the
  // column before runs up to within a space of that start ("Cheshire West
  // and Chester" | "London"), and the gutter the other rows leave is gone.
  // Where most data rows start a cell at one x after a wide gap, and no word
  // of any data row runs across it, a column starts all the same.
  const double tol = std::max(0.5, 0.05 * em);
  std::vector<std::pair<double, size_t>> opened;  // a piece's start, and its row
  for (size_t r = 0; r < data.size(); ++r) {
    const std::vector<std::vector<const Word*>> pieces = RowPieces(*data[r], kCellGapEm);
    for (size_t k = 1; k < pieces.size(); ++k) opened.emplace_back(pieces[k].front()->x0, r);
  }
  std::sort(opened.begin(), opened.end());
  for (size_t i = 0; i < opened.size();) {
    size_t j = i;
    std::set<size_t> rows;
    while (j < opened.size() && opened[j].first - opened[i].first <= tol) {
      rows.insert(opened[j++].second);
    }
    const double edge = opened[i].first;
    i = j;
    if (rows.size() < 3 || 2 * rows.size() < data.size()) continue;
    bool crossed = false;
    for (const auto& [x0, x1] : spans) crossed |= x0 < edge - tol && x1 > edge + tol;
    if (!crossed) model.edges.push_back(edge);
  }
  auto on_edge = [&](double x) {
    return std::any_of(model.edges.begin(), model.edges.end(),
                       [&](double e) { return std::abs(x - e) <= tol; });
  };
  for (const auto& [x0, x1] : spans) {
    if (!model.rights.empty() && x0 - model.rights.back() < kCellGapEm * em &&
        !(on_edge(x0) && x0 > model.lefts.back() + tol)) {
      model.rights.back() = std::max(model.rights.back(), x1);
      continue;
    }
    model.lefts.push_back(x0);
    model.rights.push_back(x1);
  }
  model.size = size;
  const size_t n = model.Count();
  if (n < 3) return ColumnModel();
  // How each column is aligned: the edge its cells share.
  std::vector<int> align(n, 0);  // -1 left, 1 right, 0 centred
  for (size_t k = 0; k < n; ++k) {
    double min_l = 1e9, max_l = -1e9, min_r = 1e9, max_r = -1e9, min_c = 1e9, max_c = -1e9;
    size_t figures = 0, cells = 0;
    for (const PageRow* row : data) {
      std::vector<const Word*> cell;
      for (const Word* w : row->words) {
        if (w->x0 >= model.lefts[k] - 0.01 && w->x1 <= model.rights[k] + 0.01) cell.push_back(w);
      }
      if (cell.empty()) continue;
      ++cells;
      min_l = std::min(min_l, cell.front()->x0);
      max_l = std::max(max_l, cell.front()->x0);
      min_r = std::min(min_r, cell.back()->x1);
      max_r = std::max(max_r, cell.back()->x1);
      min_c = std::min(min_c, (cell.front()->x0 + cell.back()->x1) / 2);
      max_c = std::max(max_c, (cell.front()->x0 + cell.back()->x1) / 2);
      figures += IsFigure(JoinWords(cell));
    }
    const double tolerance = 0.3 * em;
    const bool right_edge = max_r - min_r <= tolerance;
    const bool left_edge = max_l - min_l <= tolerance;
    const bool centred = max_c - min_c <= tolerance;
    if (right_edge && (!left_edge || figures * 2 > cells)) {
      align[k] = 1;
    } else if (left_edge) {
      align[k] = -1;
    } else if (!centred && k > 0) {
      return ColumnModel();  // figures set anywhere (a chart's labels): no column
    }
  }
  for (size_t k = 0; k + 1 < n; ++k) {
    const double gutter = model.lefts[k + 1] - model.rights[k];
    if (align[k] == 1 && align[k + 1] == 1) {
      model.cuts.push_back(model.rights[k] + 0.25 * gutter);
    } else if (align[k] == -1 && align[k + 1] == -1) {
      model.cuts.push_back(model.lefts[k + 1] - 0.25 * gutter);
    } else {
      model.cuts.push_back(model.rights[k] + 0.5 * gutter);
    }
  }
  return model;
}

// The row's cells by column, when each piece of it lies in one column of the
// table and the row is set like the table; empty otherwise.
std::vector<std::vector<const Word*>> FitRow(const ColumnModel& model, const PageRow& row) {
  if (model.Count() == 0) return {};
  if (std::abs(row.size - model.size) > 0.2 * std::max(row.size, model.size)) return {};
  const double em = std::max(model.size, 1.0);
  // A header may run past a column of short figures set flush left.
  if (row.x0 < model.lefts.front() - 2 * em || row.x1 > model.rights.back() + 10 * em) return {};
  std::vector<std::vector<const Word*>> cells(model.Count());
  // Pieces are cut again where a word stands on a column start that cells
  // meet with no gutter.
  std::vector<std::vector<const Word*>> pieces;
  const double tol = std::max(0.5, 0.05 * em);
  for (std::vector<const Word*>& piece : RowPieces(row, kHeaderGapEm)) {
    pieces.emplace_back();
    for (const Word* w : piece) {
      const bool on_edge = std::any_of(model.edges.begin(), model.edges.end(),
                                       [&](double e) { return std::abs(w->x0 - e) <= tol; });
      if (on_edge && !pieces.back().empty()) pieces.emplace_back();
      pieces.back().push_back(w);
    }
  }
  for (const std::vector<const Word*>& piece : pieces) {
    const size_t column = model.ColumnOf((piece.front()->x0 + piece.front()->x1) / 2);
    if (model.ColumnOf((piece.back()->x0 + piece.back()->x1) / 2) != column) return {};
    cells[column].insert(cells[column].end(), piece.begin(), piece.end());
  }
  return cells;
}

size_t FilledCells(const std::vector<std::vector<const Word*>>& cells) {
  size_t n = 0;
  for (const auto& c : cells) n += !c.empty();
  return n;
}

struct TableRow {
  std::vector<std::string> cells;  // by column; empty when the row has none there
};

struct Table {
  ColumnModel columns;
  std::vector<TableRow> rows;
  std::vector<size_t> lines;  // the page's lines the table takes
  double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
};

using RowCells = std::vector<std::vector<const Word*>>;

// Joins `text` to a cell: before it (`prepend`) or after it, with a space
// unless the first part ends in a hyphen ("Council-" + "funded").
void JoinCell(std::string* cell, const std::string& text, bool prepend) {
  const std::string& first = prepend ? text : *cell;
  const std::string& second = prepend ? *cell : text;
  if (first.empty() || second.empty()) {
    *cell = first + second;
    return;
  }
  *cell = first + (IsHyphen(LastCodePoint(first)) ? "" : " ") + second;
}

// A data row: three pieces or more in one size, one of them after the first
// a figure. (Cells in one size: a chart's labels beside its larger figures
// are not a row.)
bool LooksLikeDataRow(const PageRow& row) {
  const std::vector<std::vector<const Word*>> pieces = RowPieces(row, kCellGapEm);
  if (pieces.size() < 3) return false;
  double smallest = 1e9, largest = 0;
  for (const auto& piece : pieces) {
    double size = 0;
    for (const Word* w : piece) size = std::max(size, w->font_size);
    smallest = std::min(smallest, size);
    largest = std::max(largest, size);
  }
  if (smallest < 0.8 * largest) return false;
  for (size_t k = 1; k < pieces.size(); ++k) {
    if (IsFigure(JoinWords(pieces[k]))) return true;
  }
  return false;
}

// --- Tables set on a grid ----------------------------------------------------------
//
// A word processor sets a table's cells from fixed column starts: every line
// of a left-aligned or justified cell, in every row, starts at its column's
// x, and no word crosses another column's start. Such a table needs no
// figures and no wide gutters: a justified cell ("Holt   Beck   natural")
// may run to within a padding of the next column, and an attendance list
// ("Members present | Officers present") has words only. Its rows show in
// the spacing: a cell's lines follow one another at the line pitch, and a
// new row starts further down (the cells' padding or paragraph spacing).
//
// Only clearly set grids are taken: each column start is where cells begin in
// two rows or more; some cell wraps, and the rows stand further apart than
// the lines within them; rows hold a few lines each; the first and last rows
// fill two cells or more; the words of a row share its size and baseline;
// and a row that opens with a paragraph number or bullet set off by a gap,
// or holds a bullet in a column of its own, is text, not a table.

// A grid table's row holds at most this many lines.
constexpr size_t kGridMaxRowLines = 6;
// Lines of one row are at most this much (em) further apart than the
// closest two lines of the table.
constexpr double kGridWrapSlackEm = 0.25;

// Where a row's pieces start: its first word and every word after a gap of
// kMarkerWideGapEm or more, starts within `tol` of each other taken once.
std::vector<double> GridStarts(const PageRow& row, double tol) {
  std::vector<double> starts;
  for (size_t i = 0; i < row.words.size(); ++i) {
    const Word& w = *row.words[i];
    if (i > 0) {
      const Word& prev = *row.words[i - 1];
      const double em = std::max({prev.font_size, w.font_size, 1.0});
      if (w.x0 - prev.x1 < kMarkerWideGapEm * em) continue;
    }
    if (starts.empty() || w.x0 > starts.back() + tol) starts.push_back(w.x0);
  }
  return starts;
}

// A buffer FitGrid reuses from call to call (one per thread).
std::vector<size_t>& ScratchColumns() {
  thread_local std::vector<size_t> columns;
  return columns;
}

// The row's words by column of the grid `starts`, when every word lies within
// one column (crossing no other column's start) and each cell's first word
// stands on its column's start; false otherwise, or when the row opens with
// a marker set off by a gap (a numbered paragraph, a bullet).
bool FitGrid(const std::vector<double>& starts, const PageRow& row, double tol, RowCells* cells) {
  if (row.words.empty()) return false;
  // Checked first without building the cells: most rows tried do not fit.
  // The row's words run left to right, so a cell's first word is the first
  // met in its column.
  std::vector<size_t>& column = ScratchColumns();
  column.clear();
  size_t first_cell = SIZE_MAX;  // the first column with a word
  for (size_t i = 0; i < row.words.size(); ++i) {
    const Word& w = *row.words[i];
    const size_t after = static_cast<size_t>(
        std::upper_bound(starts.begin(), starts.end(), w.x0 + tol) - starts.begin());
    if (after == 0) return false;
    const size_t k = after - 1;
    if (k + 1 < starts.size() && w.x1 > starts[k + 1] + tol) return false;
    const bool opens_cell = i == 0 || column.back() != k;
    if (opens_cell) {
      if (std::abs(w.x0 - starts[k]) > tol) return false;
      // A list's bullet or number set off from its text, or a bullet in a
      // column of its own (a dash may stand for an empty cell); in the first
      // column but the last, a paragraph number in a column of its own.
      const Marker marker = ParseMarker(w.text);
      if (marker.found) {
        const bool alone = i + 1 == row.words.size() ||
                           (k + 1 < starts.size() && row.words[i + 1]->x0 >= starts[k + 1] - tol);
        if (!alone && row.words[i + 1]->x0 - w.x1 >= kMarkerWideGapEm * std::max(w.font_size, 1.0)) {
          return false;
        }
        if (alone && marker.bullet && !marker.needs_gap) return false;
        if (alone && i == 0 && k + 1 < starts.size()) return false;
      }
      if (first_cell == SIZE_MAX) first_cell = k;
    }
    column.push_back(k);
  }
  // Cells are set in one size from the top of their row, on its baseline
  // (raised note numbers aside): a pull quote beside the body, or columns of
  // running text, do not keep in step.
  double low = -1e9, high = 1e9;
  for (const Word* w : row.words) {
    if (w->font_size < 0.7 * row.size) continue;
    if (w->font_size < 0.85 * row.size) return false;
    low = std::max(low, w->y1);
    high = std::min(high, w->y1);
  }
  if (low - high > 0.15 * std::max(row.size, 1.0)) return false;
  cells->assign(starts.size(), {});
  for (size_t i = 0; i < row.words.size(); ++i) (*cells)[column[i]].push_back(row.words[i]);
  return true;
}

// The tables of one page. `carried` is the column model of a table that ended
// the previous page: rows at the top of this page that fit it carry it on.
std::vector<Table> FindTables(const std::vector<Line>& lines, const std::vector<bool>& drop,
                              const ColumnModel& carried) {
  std::vector<std::vector<size_t>> row_lines;
  const std::vector<PageRow> rows = BuildPageRows(lines, drop, &row_lines);
  std::vector<Table> tables;
  std::vector<bool> taken(rows.size(), false);
  // Row r joins `table`: its lines and its box.
  auto take = [&](Table* table, size_t r) {
    taken[r] = true;
    table->lines.insert(table->lines.end(), row_lines[r].begin(), row_lines[r].end());
    table->x0 = std::min(table->x0, rows[r].x0);
    table->x1 = std::max(table->x1, rows[r].x1);
    table->y0 = std::min(table->y0, rows[r].y0);
    table->y1 = std::max(table->y1, rows[r].y1);
  };
  auto close = [&](size_t upper, size_t lower) {
    return rows[lower].y0 - rows[upper].y0 <= kRowPitchEm * std::max(rows[upper].size, 1.0);
  };
  // A row of text cells only is a wrapped line of the row just above or
  // below (-1, +1; 0 if neither): set tight against that row's text in each of
  // its columns, without overlapping it. The nearer one wins.
  auto wrap_direction = [&](const ColumnModel& columns, size_t r, const RowCells& cells) {
    for (const auto& cell : cells) {
      if (!cell.empty() && IsFigure(JoinWords(cell))) return 0;
    }
    const double em = std::max(rows[r].size, 1.0);
    int best = 0;
    double best_gap = 0;
    for (int dir : {-1, 1}) {
      if ((dir < 0 && r == 0) || (dir > 0 && r + 1 >= rows.size())) continue;
      const size_t n = dir < 0 ? r - 1 : r + 1;
      if (taken[n]) continue;
      RowCells other = FitRow(columns, rows[n]);
      if (FilledCells(other) < 2) continue;
      bool fits = true;
      double widest = -1e9;
      for (size_t k = 0; k < cells.size() && fits; ++k) {
        if (cells[k].empty()) continue;
        if (other[k].empty() || IsFigure(JoinWords(other[k]))) {
          fits = false;
          break;
        }
        double top = 1e9, bottom = -1e9, own_top = 1e9, own_bottom = -1e9;
        for (const Word* w : other[k]) { top = std::min(top, w->y0); bottom = std::max(bottom, w->y1); }
        for (const Word* w : cells[k]) { own_top = std::min(own_top, w->y0); own_bottom = std::max(own_bottom, w->y1); }
        const double gap = dir < 0 ? own_top - bottom : top - own_bottom;
        // The lines of a cell share its edge, or its centre: a table's
        // caption set tight over its header ("Table 1: allocations by
        // authority" over "Region") is no line of a cell.
        const double l0 = cells[k].front()->x0, r0 = cells[k].back()->x1;
        const double l1 = other[k].front()->x0, r1 = other[k].back()->x1;
        const bool aligned = std::abs(l0 - l1) <= 0.3 * em || std::abs(r0 - r1) <= 0.3 * em ||
                             std::abs((l0 + r0) - (l1 + r1)) <= 0.6 * em;
        fits = aligned && gap >= -0.15 * em && gap <= 0.4 * em;
        widest = std::max(widest, gap);
      }
      if (fits && (best == 0 || widest < best_gap)) {
        best = dir;
        best_gap = widest;
      }
    }
    return best;
  };
  // Builds the table from its rows (top to bottom) and their cells.
  auto build = [&](const ColumnModel& columns, const std::vector<size_t>& members,
                   const std::vector<RowCells>& member_cells) {
    Table table;
    table.columns = columns;
    std::vector<int> wraps;
    for (size_t m = 0; m < members.size(); ++m) {
      const RowCells& cells = member_cells[m];
      wraps.push_back(wrap_direction(columns, members[m], cells));
    }
    std::vector<std::string> pending(columns.Count());  // wrapped lines waiting for their row
    for (size_t m = 0; m < members.size(); ++m) {
      const size_t r = members[m];
      const RowCells& cells = member_cells[m];
      const int wrap = wraps[m];
      if (wrap < 0 && !table.rows.empty()) {
        for (size_t k = 0; k < cells.size(); ++k) {
          if (!cells[k].empty()) JoinCell(&table.rows.back().cells[k], JoinWords(cells[k]), false);
        }
      } else if (wrap > 0) {
        for (size_t k = 0; k < cells.size(); ++k) {
          if (!cells[k].empty()) JoinCell(&pending[k], JoinWords(cells[k]), false);
        }
      } else {
        TableRow row;
        for (size_t k = 0; k < cells.size(); ++k) {
          row.cells.push_back(JoinWords(cells[k]));
          if (!pending[k].empty()) JoinCell(&row.cells[k], pending[k], true);
          pending[k].clear();
        }
        table.rows.push_back(std::move(row));
      }
      take(&table, r);
    }
    // A wrapped line whose row did not join after all is a row of its own.
    if (std::any_of(pending.begin(), pending.end(), [](const std::string& c) { return !c.empty(); })) {
      table.rows.push_back(TableRow{pending});
    }
    tables.push_back(std::move(table));
  };
  // Whether row `r` belongs to a table with these columns, next to rows that
  // do: a header or total row with two cells or more, or a wrapped line.
  auto joins = [&](const ColumnModel& columns, size_t r, RowCells* cells) {
    if (taken[r]) return false;
    *cells = FitRow(columns, rows[r]);
    const size_t filled = FilledCells(*cells);
    return filled >= 2 || (filled == 1 && wrap_direction(columns, r, *cells) != 0);
  };
  // Rows from `next` down, while they join the table.
  auto extend_down = [&](const ColumnModel& columns, size_t next, std::vector<size_t>* members,
                         std::vector<RowCells>* member_cells) {
    RowCells cells;
    for (size_t r = next; r < rows.size() && r > 0 && close(r - 1, r) && joins(columns, r, &cells);
         ++r) {
      members->push_back(r);
      member_cells->push_back(std::move(cells));
    }
  };

  // Rows at the top of the page that carry on a table from the page before:
  // three cells or more, each on its column's edge.
  if (carried.Count() > 0 && !rows.empty()) {
    RowCells cells = FitRow(carried, rows[0]);
    size_t on_edge = 0;
    const double em = std::max(carried.size, 1.0);
    for (size_t k = 0; k < cells.size(); ++k) {
      if (cells[k].empty()) continue;
      on_edge += std::abs(cells[k].front()->x0 - carried.lefts[k]) <= 0.5 * em ||
                 std::abs(cells[k].back()->x1 - carried.rights[k]) <= 0.5 * em;
    }
    if (FilledCells(cells) >= 3 && on_edge == FilledCells(cells)) {
      std::vector<size_t> members = {0};
      std::vector<RowCells> member_cells = {std::move(cells)};
      extend_down(carried, 1, &members, &member_cells);
      build(carried, members, member_cells);
    }
  }

  // Tables set on a grid, from each row that starts pieces at two places or
  // more (top to bottom, so a table is found from its first row).
  // A row of a run that makes no table is not tried again as a seed when it
  // starts its pieces where the seed does: it would grow the same run (a
  // contents page's forty entries would each grow all forty).
  std::vector<bool> tried(rows.size(), false);
  for (size_t seed = 0; seed < rows.size(); ++seed) {
    if (taken[seed] || tried[seed]) continue;
    const double em = std::max(rows[seed].size, 1.0);
    const double tol = std::max(0.5, 0.05 * em);
    std::vector<double> starts = GridStarts(rows[seed], tol);
    if (starts.size() < 2) continue;
    const std::vector<double> seed_starts = starts;
    auto same_size = [&](size_t r) {
      return std::abs(rows[r].size - rows[seed].size) <= 0.15 * std::max(rows[r].size, rows[seed].size);
    };
    // The rows around the seed that fit the grid, then the grid cut down to
    // the starts that two of them or more begin a cell on, until it holds.
    std::vector<size_t> members;
    std::vector<RowCells> member_cells;
    bool settled = false;
    for (int round = 0; round < 4 && starts.size() >= 2; ++round) {
      members.clear();
      member_cells.clear();
      RowCells cells;
      if (!FitGrid(starts, rows[seed], tol, &cells)) break;
      std::vector<size_t> up;
      std::vector<RowCells> up_cells;
      for (size_t r = seed; r > 0 && !taken[r - 1] && close(r - 1, r) && same_size(r - 1); --r) {
        RowCells c;
        if (!FitGrid(starts, rows[r - 1], tol, &c)) break;
        up.push_back(r - 1);
        up_cells.push_back(std::move(c));
      }
      members.assign(up.rbegin(), up.rend());
      member_cells.assign(std::make_move_iterator(up_cells.rbegin()),
                          std::make_move_iterator(up_cells.rend()));
      members.push_back(seed);
      member_cells.push_back(std::move(cells));
      for (size_t r = seed + 1; r < rows.size() && !taken[r] && close(r - 1, r) && same_size(r); ++r) {
        RowCells c;
        if (!FitGrid(starts, rows[r], tol, &c)) break;
        members.push_back(r);
        member_cells.push_back(std::move(c));
      }
      std::vector<double> kept;
      for (size_t k = 0; k < starts.size(); ++k) {
        size_t used = 0;
        for (const RowCells& c : member_cells) used += !c[k].empty();
        if (used >= 2) kept.push_back(starts[k]);
      }
      if (kept.size() == starts.size()) {
        settled = true;
        break;
      }
      starts = std::move(kept);
    }
    if (!settled || members.size() < 2) continue;
    for (size_t r : members) {
      const std::vector<double> own = GridStarts(rows[r], tol);
      tried[r] = tried[r] || (own.size() == seed_starts.size() &&
                 std::equal(own.begin(), own.end(), seed_starts.begin(),
                            [&](double a, double b) { return std::abs(a - b) <= tol; }));
    }
    // A table of figures set flush right is no grid: its figures line up as
    // cell starts only while they have as many digits ("1,513,000" over
    // "1,057,000"), so the grid stops at a data row beside it ("831,000"),
    // and once those starts are dropped, its figures run on in the cell
    // before ("East Midlands 1,513,000 4.4%"), fewer columns than the data
    // rows' gutters give. The tables of figures below take such rows, their
    // header with them.
    {
      std::vector<const PageRow*> data;
      for (size_t r : members) {
        if (LooksLikeDataRow(rows[r])) data.push_back(&rows[r]);
      }
      auto data_beside = [&](size_t from, size_t to) {
        return to < rows.size() && !taken[to] && close(std::min(from, to), std::max(from, to)) &&
               same_size(to) && LooksLikeDataRow(rows[from]) && LooksLikeDataRow(rows[to]);
      };
      if (data.size() >= 2 && 3 * data.size() >= 2 * members.size() &&
          (ModelColumns(data).Count() > starts.size() ||
           data_beside(members.back(), members.back() + 1) ||
           (members.front() > 0 && data_beside(members.front(), members.front() - 1)))) {
        continue;
      }
    }
    // Rows: a line further below the one before than the closest two lines
    // are starts a new row.
    double closest = 1e9;
    for (size_t m = 1; m < members.size(); ++m) {
      closest = std::min(closest, rows[members[m]].y0 - rows[members[m - 1]].y0);
    }
    std::vector<bool> opens(members.size(), true);
    for (size_t m = 1; m < members.size(); ++m) {
      opens[m] = rows[members[m]].y0 - rows[members[m - 1]].y0 > closest + kGridWrapSlackEm * em;
    }
    // Lines all equally far apart show no rows (a table of one line per row
    // is left to the tables of figures above, a list set with tabs to the
    // text); lines overlapping are no grid.
    bool even = true;
    for (size_t m = 1; m < members.size() && even; ++m) even = !opens[m];
    if (even || closest < 0.9 * em) continue;
    // Group the lines into rows; the rows at either end must fill two cells.
    struct GridGroup { size_t from, to, filled; };  // lines [from, to], cells filled
    auto group = [&](size_t from, size_t to) {
      std::vector<GridGroup> groups;
      for (size_t m = from; m < to; ++m) {
        if (opens[m] || m == from) groups.push_back({m, m, 0});
        groups.back().to = m;
      }
      for (GridGroup& g : groups) {
        for (size_t k = 0; k < starts.size(); ++k) {
          for (size_t m = g.from; m <= g.to; ++m) {
            if (!member_cells[m][k].empty()) {
              ++g.filled;
              break;
            }
          }
        }
      }
      return groups;
    };
    std::vector<GridGroup> groups = group(0, members.size());
    bool too_long = false;
    for (const GridGroup& g : groups) too_long |= g.to - g.from + 1 > kGridMaxRowLines;
    if (too_long) continue;
    size_t first = 0, last = groups.size();
    while (first < last && groups[first].filled < 2) ++first;
    while (last > first && groups[last - 1].filled < 2) --last;
    if (last - first < 2) continue;
    // Within the table, a line close under another still starts a row where
    // one of its cells cannot be the rest of the cell above: that cell is
    // empty, or its line left room for the first word below (a line wraps
    // only when its next word does not fit in the cell, which is no narrower
    // than the column's widest line). A header row set tight on the first.
    const size_t from = groups[first].from, to = groups[last - 1].to + 1;
    std::vector<double> widest(starts.size(), -1e9);
    for (size_t m = from; m < to; ++m) {
      for (size_t k = 0; k < starts.size(); ++k) {
        if (!member_cells[m][k].empty()) widest[k] = std::max(widest[k], member_cells[m][k].back()->x1);
      }
    }
    for (size_t m = from + 1; m < to; ++m) {
      for (size_t k = 0; k < starts.size() && !opens[m]; ++k) {
        const std::vector<const Word*>& below = member_cells[m][k];
        if (below.empty()) continue;
        const std::vector<const Word*>& above = member_cells[m - 1][k];
        opens[m] = above.empty() ||
                   above.back()->x1 + 0.2 * em + (below.front()->x1 - below.front()->x0) <= widest[k];
      }
    }
    groups = group(from, to);
    Table table;
    table.columns.size = rows[seed].size;
    // Header rows above the grid's first row that the grid does not fit: a
    // cell merged across columns ("Applications for September 2026" over
    // "First preference" and "All preferences"), or merged down, its lines
    // beside the next header row's ("Published" / "admission" / "number").
    // Each cell opens on a column start and runs on at word spaces on its
    // baseline, over the next columns' starts only where nothing else opens
    // there, and never from the first column (a caption or title spanning the
    // table); its lines stack at the table's line pitch. A header row is the
    // cells whose first lines stand level; the top one holds two cells or more.
    {
      struct HeaderCell {
        size_t column;
        double top, last_top;
        std::vector<const Word*> words;
        std::string text;
      };
      std::vector<std::vector<HeaderCell>> header;  // by row, bottom up
      std::vector<size_t> header_rows;
      for (size_t r = members[from]; r > 0 && header.size() < 4; --r) {
        const size_t h = r - 1;
        if (taken[h] || !close(h, r) || !same_size(h)) break;
        std::vector<HeaderCell> own;
        bool fits = true;
        const Word* prev = nullptr;
        for (const Word* w : rows[h].words) {
          const double wem = std::max(w->font_size, 1.0);
          if (prev != nullptr && w->x0 - prev->x1 < kMarkerWideGapEm * wem &&
              std::abs(w->y1 - prev->y1) < 0.15 * wem) {
            own.back().words.push_back(w);
            if (own.back().column == 0 && starts.size() > 1 && w->x1 > starts[1] + tol) fits = false;
          } else {
            const size_t after = static_cast<size_t>(
                std::upper_bound(starts.begin(), starts.end(), w->x0 + tol) - starts.begin());
            if (after == 0 || std::abs(w->x0 - starts[after - 1]) > tol ||
                (!own.empty() && own.back().column >= after - 1)) {
              fits = false;
            } else {
              own.push_back(HeaderCell{after - 1, w->y0, w->y0, {w}, ""});
              if (after == 1 && starts.size() > 1 && w->x1 > starts[1] + tol) fits = false;
            }
          }
          if (!fits) break;
          prev = w;
        }
        if (!fits || own.empty()) break;
        header.push_back(std::move(own));
        header_rows.push_back(h);
      }
      while (!header.empty() && header.back().size() < 2) {
        header.pop_back();
        header_rows.pop_back();
      }
      std::vector<HeaderCell> stacked;
      for (auto& row : header) {
        for (HeaderCell& c : row) {
          c.text = JoinWords(c.words);
          stacked.push_back(std::move(c));
        }
      }
      std::stable_sort(stacked.begin(), stacked.end(),
                       [](const HeaderCell& a, const HeaderCell& b) { return a.top < b.top; });
      std::vector<HeaderCell> merged;
      for (HeaderCell& c : stacked) {
        HeaderCell* onto = nullptr;
        for (HeaderCell& m : merged) {
          const double dy = c.top - m.last_top;
          if (m.column == c.column && dy > 0.5 * em && dy <= closest + kGridWrapSlackEm * em) onto = &m;
        }
        if (onto != nullptr) {
          JoinCell(&onto->text, c.text, false);
          onto->last_top = c.top;
        } else {
          merged.push_back(std::move(c));
        }
      }
      for (size_t i = 0; i < merged.size();) {
        TableRow row;
        row.cells.resize(starts.size());
        size_t j = i;
        for (; j < merged.size() && merged[j].top - merged[i].top <= 0.25 * em; ++j) {
          JoinCell(&row.cells[merged[j].column], merged[j].text, false);
        }
        table.rows.push_back(std::move(row));
        i = j;
      }
      for (size_t h : header_rows) take(&table, h);
    }
    for (const GridGroup& g : groups) {
      TableRow row;
      row.cells.resize(starts.size());
      for (size_t m = g.from; m <= g.to; ++m) {
        for (size_t k = 0; k < starts.size(); ++k) {
          if (!member_cells[m][k].empty()) JoinCell(&row.cells[k], JoinWords(member_cells[m][k]), false);
        }
      }
      table.rows.push_back(std::move(row));
      for (size_t m = g.from; m <= g.to; ++m) {
        take(&table, members[m]);
      }
    }
    tables.push_back(std::move(table));
  }

  // Computed once per row: a long page of text asks about each row many times.
  std::vector<int8_t> data_row(rows.size(), -1);
  auto is_data = [&](size_t r) {
    if (taken[r]) return false;
    if (data_row[r] < 0) data_row[r] = LooksLikeDataRow(rows[r]) ? 1 : 0;
    return data_row[r] == 1;
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!is_data(i)) continue;
    // A run of data rows, each close under the one before, in one size.
    // Up to two other rows (wrapped lines) may stand between two data rows.
    // A data row straight under the run's last may stand up to half as far
    // again as the rows before it stand apart (a row that a printer set
    // lower to keep it clear of the page's foot), even past kRowPitchEm.
    std::vector<const PageRow*> data = {&rows[i]};
    size_t end = i + 1;
    double pitch = 0;  // the widest step between two data rows in a row so far
    auto near = [&](size_t r) {
      if (close(r - 1, r)) return true;
      return pitch > 0 && end == r && rows[r].y0 - rows[r - 1].y0 <= 1.5 * pitch;
    };
    for (size_t r = i + 1; r < rows.size() && r <= end + 1 && near(r); ++r) {
      if (is_data(r) && std::abs(rows[r].size - rows[i].size) <= 0.2 * rows[i].size) {
        if (end == r && is_data(r - 1) && close(r - 1, r)) {
          pitch = std::max(pitch, rows[r].y0 - rows[r - 1].y0);
        }
        data.push_back(&rows[r]);
        end = r + 1;
      }
    }
    if (data.size() < 2) continue;
    const ColumnModel columns = ModelColumns(data);
    // A run that is no table is not tried again from each of its rows; its
    // last data row may still start one.
    if (columns.Count() < 3) {
      i = end - 2;
      continue;
    }
    // Every data row fills three columns or more, every column but the
    // first holds short cells only (text set in columns has long ones), and
    // some column holds figures only.
    bool ok = true;
    std::vector<RowCells> fitted;
    std::vector<bool> figures(columns.Count(), true);
    for (size_t r = i; r < end && ok; ++r) {
      fitted.push_back(FitRow(columns, rows[r]));
      const RowCells& cells = fitted.back();
      if (!is_data(r)) continue;  // checked when it joins below
      ok = FilledCells(cells) >= 3;
      for (size_t k = 1; k < cells.size() && ok; ++k) {
        ok = cells[k].size() <= kShortCellWords;
        if (!cells[k].empty() && !IsFigure(JoinWords(cells[k]))) figures[k] = false;
      }
    }
    if (!ok || std::find(figures.begin() + 1, figures.end(), true) == figures.end()) {
      i = end - 2;
      continue;
    }

    // Header rows above, then the data rows, then rows below.
    std::vector<size_t> above;
    std::vector<RowCells> above_cells;
    RowCells cells;
    for (size_t r = i; r > 0 && close(r - 1, r) && joins(columns, r - 1, &cells); --r) {
      above.push_back(r - 1);
      above_cells.push_back(std::move(cells));
    }
    std::vector<size_t> members(above.rbegin(), above.rend());
    std::vector<RowCells> member_cells(std::make_move_iterator(above_cells.rbegin()),
                                       std::make_move_iterator(above_cells.rend()));
    for (size_t r = i; r < end; ++r) {
      if (!is_data(r) && !joins(columns, r, &cells)) {
        end = r;  // the table stops at a row that does not fit
        break;
      }
      members.push_back(r);
      member_cells.push_back(std::move(fitted[r - i]));
    }
    extend_down(columns, end, &members, &member_cells);
    build(columns, members, member_cells);
  }
  return tables;
}

// --- Putting it together ------------------------------------------------------------

// "Table 1: ...", "Figure 2 ...", "Chart 3.1 ...": a caption, by its first word
// and a number after it.
bool IsCaption(std::string_view text) {
  for (std::string_view word : {"Table ", "Figure ", "Chart ", "Graph ", "Map ", "Box "}) {
    if (text.substr(0, word.size()) == word && text.size() > word.size() &&
        std::isdigit(static_cast<unsigned char>(text[word.size()]))) {
      return true;
    }
  }
  return false;
}

// A field of a record followed by a list of names ("PRESENT: Mr R W Gough
// (Chairman), Mr N Baker, Mrs S Chandler ... and Mr R J Thomas"): the
// minutes' attendance, not a title, however short it is. A title with a
// colon names one thing after it ("Annex A: Equality impact assessment"),
// perhaps with a list in words ("Pillar 4: Putting love, relationships, and a
// stable home at the heart ..."; "Item 5: Budget, Council Tax and Fees").
bool IsFieldList(std::string_view text) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) return false;
  int names = 0;
  for (size_t comma = text.find(',', colon); comma != std::string_view::npos; comma = text.find(',', comma + 1)) {
    const std::string_view after = text.substr(comma + 1);
    const size_t start = after.find_first_not_of(' ');
    if (start != std::string_view::npos && StartsUpperCaseOrDigit(after.substr(start))) ++names;
  }
  return names >= 2;
}

bool IsHeadingCandidate(const Paragraph& p, double body_size) {
  if (p.footnote || p.bullet || p.letter || p.table_row || p.lines.empty()) return false;
  if (p.bytes > kMaxHeadingBytes || p.lines.size() > static_cast<size_t>(kMaxHeadingLines)) {
    return false;
  }
  const std::string text = p.Joined();
  // Small text is a footnote or a caption, except a numbered bold line set a
  // little smaller than the body, as minutes set their item titles in a bold
  // sans beside a serif body ("34. Weekly food waste collections"). (Unnumbered
  // small bold lines are mastheads and dockets; a caption, "Table 1: ...",
  // is never a heading.)
  if (p.size < kSmallFont * body_size) {
    if (!p.bold || p.label.empty() || p.size < kSmallBoldHeadingFont * body_size || IsCaption(text)) {
      return false;
    }
  }
  const UChar32 last = LastSignificant(text);
  if (last == '.' || last == ',' || last == ';') return false;
  bool has_letter = false;
  for (char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c))) { has_letter = true; break; }
  }
  return has_letter;
}

// Text set to one measure: a pull quote beside the body is not the body's
// continuation. Blocks of a single line say nothing about their measure.
bool SimilarMeasure(const Paragraph& a, const Paragraph& b) {
  if (a.block_lines < 2 || b.block_lines < 2) return true;
  const double wide = std::max(a.block_width, b.block_width);
  return wide <= 0 || std::min(a.block_width, b.block_width) >= 0.6 * wide;
}

LaidOutPassage MakePassage(const Paragraph& p, const WordEvidence& evidence,
                           bool keep_hyphens) {
  LaidOutPassage out;
  out.page = p.page;
  out.label = p.label;
  out.level = p.level;
  out.kind = p.heading                ? PassageKind::kHeading
             : (p.bullet || p.letter) ? PassageKind::kListItem
             : p.table_row            ? PassageKind::kTableCell
                                      : PassageKind::kParagraph;
  for (const std::string& line : p.lines) AppendLine(&out.text, line, evidence, keep_hyphens);
  return out;
}

}  // namespace

bool IsBoldFontName(const std::string& font_name) {
  std::string name = LowerAscii(font_name.substr(font_name.find('+') + 1));
  for (std::string_view face : {"bold", "black", "heavy", "demi", "semibold"}) {
    if (name.find(face) != std::string::npos) return true;
  }
  return false;
}

size_t AddDrawnBullets(PageWords* page) {
  std::vector<Word>& words = page->words;
  if (page->marks.empty() || words.empty()) return 0;
  // A word's letters: the band of its box where a bullet's centre sits (not
  // in the ascenders above nor the descenders below).
  auto beside_letters = [](const Word& w, double cy) {
    const double h = w.y1 - w.y0;
    return w.rotation == 0 && h > 0 && cy >= w.y0 + 0.2 * h && cy <= w.y1 - 0.1 * h;
  };
  std::vector<std::pair<size_t, Mark>> before;  // the word a drawn bullet precedes, the bullet
  for (const Mark& m : page->marks) {
    const double mw = m.x1 - m.x0, mh = m.y1 - m.y0;
    if (mw <= 0 || mh <= 0 || mw > 1.7 * mh || mh > 1.7 * mw) continue;  // a dot or a square
    const double cy = (m.y0 + m.y1) / 2;
    // The nearest word to its right on its line; none just left of it (a
    // shape between words is an icon or a separator, not a list's bullet).
    size_t next = words.size();
    bool inside_line = false;
    for (size_t i = 0; i < words.size() && !inside_line; ++i) {
      const Word& w = words[i];
      if (!beside_letters(w, cy)) continue;
      const double em = w.font_size > 0 ? w.font_size : w.y1 - w.y0;
      if (w.x0 < m.x1 && w.x1 > m.x0 - 1.5 * em) inside_line = true;
      if (w.x0 >= m.x1 && (next == words.size() || w.x0 < words[next].x0)) next = i;
    }
    if (inside_line || next == words.size()) continue;
    const Word& w = words[next];
    const double em = w.font_size > 0 ? w.font_size : w.y1 - w.y0;
    const double size = std::max(mw, mh), gap = w.x0 - m.x1;
    if (size < 0.15 * em || size > 0.7 * em || gap < 0.1 * em || gap > 2.5 * em) continue;
    if (ParseMarker(w.text).found) continue;  // a bullet or number is written there already
    before.emplace_back(next, m);
  }
  // A list has items: a lone shape beside a figure ("● 6.3%" in a chart's
  // key) is no bullet unless another stands in line with it.
  {
    std::vector<std::pair<size_t, Mark>> listed;
    for (const std::pair<size_t, Mark>& one : before) {
      const size_t word = one.first;
      const double x = (one.second.x0 + one.second.x1) / 2;
      const bool aligned = std::any_of(before.begin(), before.end(), [&](const auto& other) {
        return other.first != word && std::fabs((other.second.x0 + other.second.x1) / 2 - x) <= 1;
      });
      if (aligned || u_isalpha(FirstCodePoint(words[word].text))) listed.push_back(one);
    }
    before = std::move(listed);
  }
  if (before.empty()) return 0;
  // One bullet per word (a shape filled and then stroked is one mark).
  std::stable_sort(before.begin(), before.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  before.erase(std::unique(before.begin(), before.end(),
                           [](const auto& a, const auto& b) { return a.first == b.first; }),
               before.end());
  std::vector<Word> out;
  out.reserve(words.size() + before.size());
  size_t b = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (b < before.size() && before[b].first == i) {
      const Word& w = words[i];
      Word bullet;
      bullet.text = "\u2022";
      // Where it is drawn, as tall as the line's letters (as a bullet glyph's box is).
      bullet.x0 = before[b].second.x0;
      bullet.x1 = before[b].second.x1;
      bullet.y0 = w.y0;
      bullet.y1 = w.y1;
      bullet.font_size = w.font_size;
      bullet.space_after = true;
      out.push_back(std::move(bullet));
      ++b;
    }
    out.push_back(std::move(words[i]));
  }
  words = std::move(out);
  return before.size();
}

std::vector<LaidOutPassage> LayOutDocument(std::vector<PageWords> pages) {
  // 1. Lines, pointing into the pages' cleaned words.
  std::vector<std::vector<Line>> lines(pages.size());
  for (size_t p = 0; p < pages.size(); ++p) {
    AddDrawnBullets(&pages[p]);
    CleanWords(&pages[p]);
    lines[p] = JoinMarkerColumns(BuildFragments(pages[p].words));
  }
  // 2. Furniture, then what body text looks like.
  const std::vector<std::vector<bool>> furniture = FindFurniture(pages, lines);
  std::map<double, std::pair<size_t, size_t>> chars_by_size;  // size -> (chars, bold chars)
  WordEvidence evidence;
  for (size_t p = 0; p < pages.size(); ++p) {
    for (size_t i = 0; i < lines[p].size(); ++i) {
      if (furniture[p][i]) continue;
      const Line& line = lines[p][i];
      auto& [chars, bold] = chars_by_size[line.size];
      chars += line.text.size();
      if (line.bold) bold += line.text.size();
      evidence.Add(line.text);
    }
  }
  double body_size = 10;
  bool body_bold = false;
  {
    size_t best = 0;
    for (const auto& [size, counts] : chars_by_size) {
      if (counts.first > best) {
        best = counts.first;
        body_size = size;
        body_bold = counts.second * 2 > counts.first;
      }
    }
  }
  const double pitch_ratio = UsualPitchRatio(lines);

  // 3. Blocks in reading order, 4. paragraphs.
  std::vector<Paragraph> paras;
  bool previous_page_has_notes = false;
  ColumnModel carried;  // the columns of a table that ended the previous page
  for (size_t p = 0; p < pages.size(); ++p) {
    // Tables first: their rows are taken out of the text and read as one
    // block each.
    const std::vector<Table> tables = FindTables(lines[p], furniture[p], carried);
    std::vector<bool> drop = furniture[p];
    for (const Table& table : tables) {
      for (size_t li : table.lines) drop[li] = true;
    }
    std::vector<Block> blocks = BuildBlocks(lines[p], drop, pitch_ratio);
    const size_t text_blocks = blocks.size();
    carried = ColumnModel();
    for (size_t t = 0; t < tables.size(); ++t) {
      Block block;
      block.table = static_cast<int>(t);
      block.x0 = tables[t].x0; block.y0 = tables[t].y0;
      block.x1 = tables[t].x1; block.y1 = tables[t].y1;
      block.size = tables[t].columns.size;
      blocks.push_back(block);
      // A table with no body text below it may go on over the page.
      bool text_below = false;
      for (size_t i = 0; i < lines[p].size() && !text_below; ++i) {
        text_below = !drop[i] && lines[p][i].y0 > tables[t].y1 &&
                     lines[p][i].size > kSmallFont * body_size;
      }
      if (!text_below) carried = tables[t].columns;
    }
    std::vector<bool> footnote(blocks.size(), false);
    bool page_has_notes = false;
    for (size_t b = 0; b < text_blocks; ++b) {
      footnote[b] = IsFootnoteBlock(lines[p], blocks[b], blocks, pages[p].height, body_size, false);
      page_has_notes |= footnote[b];
    }
    if (page_has_notes || previous_page_has_notes) {
      for (size_t b = 0; b < text_blocks; ++b) {
        footnote[b] = footnote[b] ||
                      IsFootnoteBlock(lines[p], blocks[b], blocks, pages[p].height, body_size, true);
      }
    }
    previous_page_has_notes = page_has_notes;
    // A block ends its column when no text but footnotes stands below it.
    auto ends_column = [&](size_t b) {
      const Block& block = blocks[b];
      for (size_t o = 0; o < blocks.size(); ++o) {
        if (o == b || footnote[o] || blocks[o].y0 < block.y1 - 0.5 * block.size) continue;
        if (std::min(blocks[o].x1, block.x1) - std::max(blocks[o].x0, block.x0) > 0) return false;
      }
      return true;
    };
    bool first_on_page = true;
    double prev_y1 = 0;
    size_t prev_last = SIZE_MAX;  // the previous block's last paragraph on this page
    for (size_t b : ReadingOrder(blocks, footnote)) {
      const Block& block = blocks[b];
      const size_t before = paras.size();
      if (block.table >= 0) {
        for (const TableRow& row : tables[static_cast<size_t>(block.table)].rows) {
          Paragraph para;
          para.page = pages[p].number;
          para.table_row = true;
          para.size = block.size;
          para.block_width = block.Width();
          std::string text;
          for (const std::string& cell : row.cells) {
            if (cell.empty()) continue;
            if (!text.empty()) text += " | ";
            text += cell;
          }
          if (text.empty()) continue;
          para.bytes = text.size() + 1;
          para.lines.push_back(std::move(text));
          paras.push_back(std::move(para));
        }
      } else {
        SplitBlock(lines[p], block, pages[p].number, footnote[b], &paras);
      }
      if (footnote[b] || paras.size() == before) continue;
      // Starting above where the previous block ended is a new column.
      paras[before].starts_column = first_on_page || block.y0 < prev_y1 - block.size;
      if (paras[before].starts_column && prev_last != SIZE_MAX) paras[prev_last].before_column = true;
      paras.back().ends_column = ends_column(b);
      first_on_page = false;
      prev_y1 = block.y1;
      prev_last = paras.size() - 1;
    }
  }

  // Headings: styled ones, and short lines standing alone before longer text.
  for (size_t i = 0; i < paras.size(); ++i) {
    Paragraph& p = paras[i];
    if (!IsHeadingCandidate(p, body_size)) continue;
    const bool styled = p.size >= kHeadingFont * body_size || (p.bold && !body_bold) ||
                        (p.all_caps && p.size >= 0.95 * body_size);
    bool standalone = false;
    if (!styled && p.block_alone && p.label.empty() && p.lines.size() <= 2 &&
        p.bytes <= kMaxStandaloneHeadingBytes && StartsUpperCaseOrDigit(p.lines[0]) &&
        LastSignificant(p.lines.back()) != ':' && !IsFieldList(p.Joined())) {
      for (size_t j = i + 1; j < paras.size(); ++j) {
        if (paras[j].footnote) continue;
        // A longer line that introduces what follows ("Children's Social
        // Care Reforms 2023:" over a link), or that holds a link, is text
        // under the heading.
        const Paragraph& next = paras[j];
        standalone = next.bytes > p.bytes && (!IsHeadingCandidate(next, body_size) ||
                                              LastSignificant(next.lines.back()) == ':' ||
                                              next.Joined().find("://") != std::string::npos);
        // A line at the foot of a page or column whose sentence goes on at
        // the top of the next ("... to both co-design and implement" /
        // "reforms, and continue ...") is the start of that paragraph.
        // So is one that a column break cuts from its rest with text below it
        // across the page (the next section's heading, under both columns).
        if ((p.ends_column || p.before_column) && next.starts_column &&
            StartsLowerCase(next.lines.front())) {
          standalone = false;
        }
        break;
      }
    }
    p.heading = styled || standalone;
  }
  // Levels: larger first, bold before regular at one size.
  {
    std::vector<std::pair<double, bool>> styles;
    for (const Paragraph& p : paras) {
      if (p.heading) styles.emplace_back(p.size, p.bold);
    }
    std::sort(styles.begin(), styles.end(), [](const auto& a, const auto& b) {
      if (a.first != b.first) return a.first > b.first;
      return a.second > b.second;
    });
    styles.erase(std::unique(styles.begin(), styles.end()), styles.end());
    for (Paragraph& p : paras) {
      if (!p.heading) continue;
      auto it = std::find(styles.begin(), styles.end(), std::make_pair(p.size, p.bold));
      p.level = std::min(6, static_cast<int>(it - styles.begin()) + 1);
    }
  }

  // Line-end hyphens the evidence cannot settle follow the document's habit
  // (LineEndHyphens, line_join.h).
  LineEndHyphens habit;
  for (const Paragraph& p : paras) {
    for (size_t i = 0; i < p.lines.size(); ++i) {
      habit.CountLine();
      if (i > 0) habit.CountJoin(p.lines[i - 1], p.lines[i], evidence);
    }
  }
  const bool keep_hyphens = habit.KeepByDefault();

  // 5. Emit, joining paragraphs cut by a page or column break; footnotes wait
  // until the paragraph they interrupt is complete.
  std::vector<LaidOutPassage> out;
  std::vector<LaidOutPassage> notes;
  bool open = false;
  LaidOutPassage current;
  const Paragraph* current_para = nullptr;
  size_t last_note = SIZE_MAX;  // where the last note went in `out`
  auto flush = [&] {
    if (open) out.push_back(std::move(current));
    open = false;
    current = LaidOutPassage();
    current_para = nullptr;
    for (LaidOutPassage& n : notes) {
      out.push_back(std::move(n));
      last_note = out.size() - 1;
    }
    notes.clear();
  };
  // True when `p` carries on the open paragraph across a column or page break.
  // Cut from its rest by a column break with text below it across the page
  // (the next section's heading under both columns), a paragraph goes on only
  // mid-sentence and in lower case: blocks of a chart or a table's header
  // stand so too.
  auto continues = [&](const Paragraph& p, bool at_column_top) {
    const bool cut = current_para != nullptr &&
                     (current_para->ends_column ||
                      (current_para->before_column && StartsLowerCase(p.lines.front()) &&
                       !EndsSentence(current.text)));
    return open && !p.heading && !p.table_row && at_column_top && current_para != nullptr &&
           !current_para->table_row && cut && p.label.empty() && !p.bullet &&
           current.kind != PassageKind::kHeading &&
           std::abs(p.size - current_para->size) <= 0.15 * std::max(p.size, current_para->size) &&
           p.bold == current_para->bold && SimilarMeasure(p, *current_para) &&
           ((StartsLowerCase(p.lines.front()) && !StartsWithLink(p.lines.front())) ||
            !EndsSentence(current.text));
  };
  std::vector<bool> floating(paras.size(), false);
  size_t resumes = SIZE_MAX;  // the paragraph that continues past floating items
  for (size_t i = 0; i < paras.size(); ++i) {
    const Paragraph& p = paras[i];
    if (p.footnote || floating[i]) {
      LaidOutPassage note = MakePassage(p, evidence, keep_hyphens);
      // The rest of a note cut by a column or page break joins its start.
      LaidOutPassage* last = !notes.empty() ? &notes.back()
                             : last_note < out.size() ? &out[last_note]
                                                      : nullptr;
      if (p.footnote && p.label.empty() && !p.bullet && last != nullptr &&
          (StartsLowerCase(note.text) || !EndsSentence(last->text))) {
        AppendLine(&last->text, note.text, evidence, keep_hyphens);
        continue;
      }
      notes.push_back(std::move(note));
      continue;
    }
    // A mastheads, pull quote or caption set at the top of the next column
    // between a sentence and its end waits, like a note, until the sentence
    // is complete: look a few short items ahead for a lower-case continuation.
    if (open && p.starts_column && current_para != nullptr && current_para->ends_column &&
        current.kind != PassageKind::kHeading && !EndsSentence(current.text) &&
        !continues(p, true)) {
      for (size_t j = i + 1; j < paras.size() && j <= i + 6; ++j) {
        const Paragraph& q = paras[j];
        if (q.footnote) continue;
        // A list item is no masthead, pull quote or caption: a slide's
        // bullets under its title are the page's own text, and a lower-case
        // line among them is theirs ("... at an average cost of £64,000 a"
        // / "year" on the second slide is not the end of the first's).
        if (paras[j - 1].bullet) break;
        if (StartsLowerCase(q.lines.front()) && continues(q, true)) {
          for (size_t k = i; k < j; ++k) floating[k] = true;
          resumes = j;
          break;
        }
        if (q.lines.size() > 3 || q.page != p.page) break;
      }
      if (floating[i]) {
        notes.push_back(MakePassage(p, evidence, keep_hyphens));
        continue;
      }
    }
    if (continues(p, p.starts_column || i == resumes)) {
      for (const std::string& line : p.lines) {
        AppendLine(&current.text, line, evidence, keep_hyphens);
      }
      continue;
    }
    flush();
    current = MakePassage(p, evidence, keep_hyphens);
    current_para = &p;
    open = true;
  }
  flush();
  return out;
}

}  // namespace xref::pdf
