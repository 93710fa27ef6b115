// See word_similarity.h.
#include "tests/testing/word_similarity.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace xref::testing {

std::vector<std::string> ComparableWords(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.foldCase();
  std::vector<std::string> words;
  icu::UnicodeString word;
  auto flush = [&] {
    if (!word.isEmpty()) {
      std::string w;
      word.toUTF8String(w);
      words.push_back(std::move(w));
      word.remove();
    }
  };
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (c == 0x27 || c == 0x2019 || c == 0x2018 || c == 0xAD) continue;
    if (u_isalnum(c)) {
      word.append(c);
    } else {
      flush();
    }
  }
  flush();
  return words;
}

double WordSequenceSimilarity(std::string_view a, std::string_view b) {
  std::vector<std::string> x = ComparableWords(a);
  std::vector<std::string> y = ComparableWords(b);
  if (x.empty() && y.empty()) return 1.0;
  // Longest common subsequence, two rows.
  std::vector<int> prev(y.size() + 1, 0), cur(y.size() + 1, 0);
  for (size_t i = 1; i <= x.size(); ++i) {
    for (size_t j = 1; j <= y.size(); ++j) {
      cur[j] = x[i - 1] == y[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
    }
    std::swap(prev, cur);
  }
  return 2.0 * prev[y.size()] / static_cast<double>(x.size() + y.size());
}

std::string ReadFileOrFail(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace xref::testing
