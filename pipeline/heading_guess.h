// Guessing headings a document does not mark (private to the extractors).
//
// Plain text, and Word files typed without heading styles, set their section
// titles as short lines of their own:
//
//   Purpose of the Report            <- a heading
//   1. The purpose of this report ...
//
// LooksLikeUnmarkedHeading says whether one paragraph's text reads like such a
// title: short, starting with a capital letter, not ending like a sentence or
// like the introduction to a list, and not an address, link or phone number.
// Callers also take only the first of a run of such lines (a name, a role and
// a phone number in a contact block are not three headings) and never the
// last paragraph of a document.
#pragma once

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cctype>
#include <cstdint>
#include <string_view>

namespace xref::heading_guess {

// Longest text that may be taken for an unmarked heading, and its most words.
constexpr size_t kMaxBytes = 150;
constexpr int kMaxWords = 24;

inline bool LooksLikeUnmarkedHeading(std::string_view t) {
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  if (t.empty() || t.size() > kMaxBytes) return false;
  char last = t.back();
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '-') return false;
  UChar32 first;
  int32_t i = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(t.data()), i, static_cast<int32_t>(t.size()), first);
  if (first < 0 || !u_isupper(first)) return false;
  if (t.find('@') != std::string_view::npos || t.find("://") != std::string_view::npos) return false;
  int words = 1;
  size_t digits = 0;
  size_t visible = 0;
  for (char c : t) {
    bool blank = c == ' ' || c == '\t';
    words += blank ? 1 : 0;
    digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
    visible += blank ? 0 : 1;
  }
  if (digits * 3 > visible) return false;
  return words <= kMaxWords;
}

// Longest whole-bold paragraph read as a heading.
constexpr size_t kMaxBoldHeadingBytes = 200;

// Whether a paragraph set wholly in bold is a heading (Word typed without
// heading styles, web pages typed in an editor's bold): not too long, and not
// ending like a sentence or the lead-in to a list ("Key figures:").
inline bool LooksLikeBoldHeading(std::string_view normalised) {
  if (normalised.empty() || normalised.size() > kMaxBoldHeadingBytes) return false;
  char last = normalised.back();
  return last != '.' && last != ',' && last != ';' && last != ':';
}

}  // namespace xref::heading_guess
