// Number words: "forty-five", "nine million", "thirty", "twentieth" -> numbers,
// through ICU's spell-out rules (RuleBasedNumberFormat, URBNF_SPELLOUT, lenient
// parsing) rather than a hand-written word table.
//
//   const xref::NumberWords& words = xref::NumberWords::English();
//   std::optional<double> n = words.Parse("forty-five million");   // 45000000
//   std::optional<double> k = words.ParseOrdinal("twenty-first");  // 21
//   std::string re = words.CardinalPattern();  // RE2 fragment matching such words
//
// The word lists in the patterns are also produced by ICU (by spelling out
// 0..99 and the powers of ten), so the tagger never carries its own table.
// Thread-safe: parsing is serialised on an internal mutex (RBNF parse is not
// documented as safe for concurrent use). Lenient RBNF parsing builds a
// collator each time, so results are memoised: the same few phrases ("one",
// "two", "twelve") recur in every document.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace xref {

class NumberWords {
 public:
  // The shared English instance (built once, on first use).
  static const NumberWords& English();

  // The value of a cardinal number written in words ("twelve", "forty five",
  // "one hundred and twenty", "1.2 million"); nullopt unless the whole of
  // `text` parses.
  std::optional<double> Parse(std::string_view text) const;

  // The value of an ordinal in words or digits ("twentieth", "21st").
  std::optional<double> ParseOrdinal(std::string_view text) const;

  // Case-insensitive RE2 fragment (no capturing groups) matching one or more
  // cardinal number words joined by spaces, hyphens or "and":
  // "forty-five million", "twelve", "one hundred and twenty".
  const std::string& CardinalPattern() const { return cardinal_pattern_; }
  // The same for ordinal words ("twentieth", "twenty-first").
  const std::string& OrdinalPattern() const { return ordinal_pattern_; }

  ~NumberWords();
  NumberWords(const NumberWords&) = delete;
  NumberWords& operator=(const NumberWords&) = delete;

 private:
  NumberWords();
  struct Formats;
  std::unique_ptr<Formats> formats_;
  mutable std::mutex mu_;
  mutable std::unordered_map<std::string, std::optional<double>> cardinal_cache_;
  mutable std::unordered_map<std::string, std::optional<double>> ordinal_cache_;
  std::string cardinal_pattern_;
  std::string ordinal_pattern_;
};

}  // namespace xref
