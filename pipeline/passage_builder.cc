// See passage_builder.h.
#include "pipeline/passage_builder.h"

#include <algorithm>
#include <cctype>

#include "pipeline/normalise.h"

namespace xref {

namespace {

bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }

bool IsLowerRoman(std::string_view s) {
  if (s.empty() || s.size() > 6) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == 'i' || c == 'v' || c == 'x' || c == 'l' || c == 'c';
  });
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

size_t ParagraphNumber(std::string_view t, std::string* label) {
  size_t space = 0;
  while (space < t.size() && space < 16 && !IsSpaceOrTab(t[space])) ++space;
  if (space == 0 || space >= t.size() || !IsSpaceOrTab(t[space])) return 0;
  std::string_view token = t.substr(0, space);
  if (t.find_first_not_of(" \t", space) == std::string_view::npos) return 0;

  // "(a)", "(12)", "(iv)"
  if (token.size() >= 3 && token.front() == '(' && token.back() == ')') {
    std::string_view inner = token.substr(1, token.size() - 2);
    bool ok = (AllDigits(inner) && inner.size() <= 3) ||
              (inner.size() == 1 && std::isalpha(static_cast<unsigned char>(inner[0]))) ||
              IsLowerRoman(inner);
    if (!ok) return 0;
    *label = std::string(token);
    return space;
  }
  // "a)", "iv)", "3)", "a.", "iv."
  if (token.size() >= 2 && (token.back() == ')' || token.back() == '.')) {
    std::string_view inner = token.substr(0, token.size() - 1);
    bool letter = (inner.size() == 1 && std::islower(static_cast<unsigned char>(inner[0]))) ||
                  IsLowerRoman(inner);
    bool number = AllDigits(inner) && inner.size() <= 3;
    if (letter || (number && token.back() == ')')) {
      *label = std::string(token.back() == '.' ? inner : token);
      return space;
    }
  }
  // "12.", "1.1", "1.1.", "2.3.4": numbers of at most three digits joined by dots.
  std::string_view body = token;
  bool final_dot = false;
  if (body.back() == '.') {
    body.remove_suffix(1);
    final_dot = true;
  }
  if (body.empty()) return 0;
  int parts = 0;
  size_t start = 0;
  while (start <= body.size()) {
    size_t dot = body.find('.', start);
    std::string_view part = body.substr(start, dot == std::string_view::npos ? std::string_view::npos
                                                                               : dot - start);
    if (!AllDigits(part) || part.size() > 3) return 0;
    ++parts;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (parts == 1 && !final_dot) return 0;  // "12 apples" is no number
  *label = std::string(body);
  return space;
}



void PassageBuilder::Heading(std::string_view text, int level, std::optional<int> page,
                             std::string_view label) {
  std::string clean = NormaliseText(text);
  if (clean.empty()) return;
  Add(PassageKind::kHeading, clean, page, label, level);
  section_ = clean;
}

void PassageBuilder::Add(PassageKind kind, std::string_view text, std::optional<int> page,
                         std::string_view label, int level) {
  std::string clean = NormaliseText(text);
  if (clean.empty()) return;
  Passage p;
  p.n = static_cast<int>(doc_->passages.size()) + 1;
  p.page = page;
  p.label = NormaliseText(label);
  p.section = section_;
  p.kind = kind;
  p.level = level;
  p.text = std::move(clean);
  doc_->passages.push_back(std::move(p));
}

}  // namespace xref
