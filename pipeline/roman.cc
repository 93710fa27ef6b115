// See roman.h.
#include "pipeline/roman.h"

#include <unicode/numfmt.h>
#include <unicode/unistr.h>

#include <memory>

namespace xref {

std::string RomanNumeral(long n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  // One formatter per thread: NumberFormat objects are not shared across threads.
  thread_local std::unique_ptr<icu::NumberFormat> format = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberFormat> f(
        icu::NumberFormat::createInstance(icu::Locale("en@numbers=romanlow"), status));
    return U_SUCCESS(status) ? std::move(f) : nullptr;
  }();
  if (!format) return std::to_string(n);
  icu::UnicodeString u;
  format->format(static_cast<int32_t>(n), u);
  if (upper) u.toUpper(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string LetterNumeral(int n) {
  // Past "zzzzzzzzzz" the label would be as long as the count: print digits.
  if (n <= 0 || n > 26 * 10) return std::to_string(n);
  char letter = static_cast<char>('a' + (n - 1) % 26);
  return std::string(static_cast<size_t>((n - 1) / 26 + 1), letter);
}

}  // namespace xref
