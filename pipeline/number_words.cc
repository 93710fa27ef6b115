#include "pipeline/number_words.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <vector>

#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

namespace xref {

struct NumberWords::Formats {
  std::unique_ptr<icu::RuleBasedNumberFormat> cardinal;
  std::unique_ptr<icu::RuleBasedNumberFormat> ordinal;
};

namespace {

std::string Spell(icu::RuleBasedNumberFormat& format, double n) {
  icu::UnicodeString out;
  format.format(n, out);
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

// Splits spelled-out numbers into their words ("forty-five" -> forty, five).
void CollectWords(const std::string& spelled, std::set<std::string>* words) {
  std::string word;
  for (char c : spelled) {
    if (c == ' ' || c == '-') {
      if (!word.empty()) words->insert(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words->insert(word);
}

// Longest words first, so that an alternation never stops at a prefix
// ("seven" before "seventy" would leave "ty").
std::string Alternation(const std::set<std::string>& words) {
  std::vector<std::string> sorted(words.begin(), words.end());
  std::sort(sorted.begin(), sorted.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::string out;
  for (const std::string& w : sorted) {
    if (!out.empty()) out += '|';
    out += w;
  }
  return out;
}

std::optional<double> ParseOnce(icu::RuleBasedNumberFormat& format, const icu::UnicodeString& u) {
  icu::Formattable result;
  icu::ParsePosition pos(0);
  format.parse(u, result, pos);
  if (pos.getIndex() != u.length() || pos.getErrorIndex() >= 0) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  double value = result.getDouble(status);
  if (U_FAILURE(status)) return std::nullopt;
  return value;
}

// Lenient parsing: case, spaces for hyphens and "and" as people write them.
// (Strict parsing is not a safe shortcut: it reads "forty five" as 4005.)
std::optional<double> ParseWith(icu::RuleBasedNumberFormat& format, std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.trim();
  if (u.isEmpty()) return std::nullopt;
  return ParseOnce(format, u);
}

std::optional<double> Memoised(std::unordered_map<std::string, std::optional<double>>* cache,
                               icu::RuleBasedNumberFormat& format, std::string_view text) {
  std::string key(text);
  auto it = cache->find(key);
  if (it != cache->end()) return it->second;
  std::optional<double> value = ParseWith(format, text);
  if (cache->size() > 4096) cache->clear();  // bounded: arbitrary input cannot grow it
  cache->emplace(std::move(key), value);
  return value;
}

}  // namespace

const NumberWords& NumberWords::English() {
  static const NumberWords* words = new NumberWords();
  return *words;
}

NumberWords::NumberWords() : formats_(std::make_unique<Formats>()) {
  UErrorCode status = U_ZERO_ERROR;
  formats_->cardinal = std::make_unique<icu::RuleBasedNumberFormat>(
      icu::URBNF_SPELLOUT, icu::Locale::getEnglish(), status);
  if (U_SUCCESS(status)) formats_->cardinal->setLenient(true);
  status = U_ZERO_ERROR;
  formats_->ordinal = std::make_unique<icu::RuleBasedNumberFormat>(
      icu::URBNF_SPELLOUT, icu::Locale::getEnglish(), status);
  if (U_SUCCESS(status)) {
    UErrorCode rs = U_ZERO_ERROR;
    formats_->ordinal->setDefaultRuleSet(icu::UnicodeString("%spellout-ordinal"), rs);
    formats_->ordinal->setLenient(true);
  }

  std::set<std::string> cardinal_words;
  std::set<std::string> ordinal_words;
  for (int n = 1; n < 100; ++n) {
    CollectWords(Spell(*formats_->cardinal, n), &cardinal_words);
    CollectWords(Spell(*formats_->ordinal, n), &ordinal_words);
  }
  for (double n : {100.0, 1e3, 1e6, 1e9, 1e12}) {
    CollectWords(Spell(*formats_->cardinal, n), &cardinal_words);
  }
  // Spelled-out ordinals share their leading words with cardinals
  // ("twenty-first"); keep only the words that make them ordinal.
  for (auto it = ordinal_words.begin(); it != ordinal_words.end();) {
    const std::string& w = *it;
    bool ordinal_ending = w.size() > 2 && (w.compare(w.size() - 2, 2, "st") == 0 ||
                                           w.compare(w.size() - 2, 2, "nd") == 0 ||
                                           w.compare(w.size() - 2, 2, "rd") == 0 ||
                                           w.compare(w.size() - 2, 2, "th") == 0);
    it = ordinal_ending ? std::next(it) : ordinal_words.erase(it);
  }
  // A cardinal: words joined by space, hyphen or " and " ("one hundred and twenty").
  std::string word = "(?:" + Alternation(cardinal_words) + ")";
  cardinal_pattern_ = "(?i:" + word + "(?:(?:[ -]|\\sand\\s)" + word + ")*)";
  // Ordinals end with an ordinal word; any cardinal words may precede it.
  ordinal_pattern_ = "(?i:(?:" + word + "[ -])*(?:" + Alternation(ordinal_words) + "))";
}

NumberWords::~NumberWords() = default;

std::optional<double> NumberWords::Parse(std::string_view text) const {
  std::lock_guard<std::mutex> lock(mu_);
  return Memoised(&cardinal_cache_, *formats_->cardinal, text);
}

std::optional<double> NumberWords::ParseOrdinal(std::string_view text) const {
  // Digits with a suffix ("21st") need no rules.
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits > 0 && digits <= 3) {
    double n = 0;
    for (size_t i = 0; i < digits; ++i) n = n * 10 + (text[i] - '0');
    return n;
  }
  std::lock_guard<std::mutex> lock(mu_);
  return Memoised(&ordinal_cache_, *formats_->ordinal, text);
}

}  // namespace xref
