#include "pipeline/segment.h"

#include <memory>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

namespace xref {
namespace {

// Building a sentence iterator loads rules and abbreviation lists; clone one
// prototype per thread instead.
icu::BreakIterator* ThreadSentenceIterator() {
  static const icu::BreakIterator* prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::BreakIterator* it =
        icu::BreakIterator::createSentenceInstance(icu::Locale("en_GB@ss=standard"), status);
    if (U_FAILURE(status)) {
      delete it;
      status = U_ZERO_ERROR;
      it = icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status);
    }
    return U_SUCCESS(status) ? it : nullptr;
  }();
  thread_local std::unique_ptr<icu::BreakIterator> iterator(
      prototype != nullptr ? prototype->clone() : nullptr);
  return iterator.get();
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

void AddTrimmed(std::string_view text, size_t start, size_t end, std::vector<TextRange>* out) {
  while (start < end && IsSpace(text[start])) ++start;
  while (end > start && IsSpace(text[end - 1])) --end;
  if (start < end) out->push_back({start, end});
}

}  // namespace

std::vector<TextRange> SplitSentences(std::string_view text) {
  std::vector<TextRange> sentences;
  if (text.empty()) return sentences;
  icu::BreakIterator* it = ThreadSentenceIterator();
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (it == nullptr || U_FAILURE(status)) {
    if (ut != nullptr) utext_close(ut);
    AddTrimmed(text, 0, text.size(), &sentences);
    return sentences;
  }
  // With UTF-8 UText, the iterator's native indexes are byte offsets.
  it->setText(ut, status);
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    AddTrimmed(text, static_cast<size_t>(start), static_cast<size_t>(end), &sentences);
  }
  // Detach the text before closing it: the iterator outlives this call.
  UText* empty = utext_openUTF8(nullptr, "", 0, &status);
  it->setText(empty, status);
  utext_close(ut);
  utext_close(empty);
  return sentences;
}

TextRange SentenceAt(std::string_view text, size_t pos) {
  if (text.empty()) return {0, 0};
  if (pos >= text.size()) pos = text.size() - 1;
  icu::BreakIterator* it = ThreadSentenceIterator();
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  std::vector<TextRange> one;
  if (it == nullptr || U_FAILURE(status)) {
    if (ut != nullptr) utext_close(ut);
    AddTrimmed(text, 0, text.size(), &one);
    return one.empty() ? TextRange{0, 0} : one[0];
  }
  it->setText(ut, status);
  int32_t end = it->following(static_cast<int32_t>(pos));
  if (end == icu::BreakIterator::DONE) end = static_cast<int32_t>(text.size());
  int32_t start = it->preceding(static_cast<int32_t>(pos) + 1);
  if (start == icu::BreakIterator::DONE) start = 0;
  UText* empty = utext_openUTF8(nullptr, "", 0, &status);
  it->setText(empty, status);
  utext_close(ut);
  utext_close(empty);
  AddTrimmed(text, static_cast<size_t>(start), static_cast<size_t>(end), &one);
  return one.empty() ? TextRange{pos, pos} : one[0];
}

}  // namespace xref
