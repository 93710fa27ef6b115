// Word-sequence similarity for measuring extraction against reference text.
//
//   double s = xref::testing::WordSequenceSimilarity(extracted, reference);
//
// Both texts are reduced to words (letters and digits, case-folded, with
// apostrophes dropped so that "Children’s" == "Children's") and compared as
// sequences: 2 * LCS / (|a| + |b|), 1.0 for identical word sequences. Words
// missing, added or out of order all lower it; punctuation and layout do not.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace xref::testing {

// The words of `text`, as compared by WordSequenceSimilarity.
std::vector<std::string> ComparableWords(std::string_view text);

double WordSequenceSimilarity(std::string_view a, std::string_view b);

// The content of a file, or fails the calling test via ADD_FAILURE and returns "".
std::string ReadFileOrFail(const std::string& path);

}  // namespace xref::testing
