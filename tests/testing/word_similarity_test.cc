// The measure the extraction tests rely on must itself behave.
#include "tests/testing/word_similarity.h"

#include <gtest/gtest.h>

namespace xref::testing {
namespace {

TEST(WordSimilarityTest, IgnoresCaseApostrophesAndPunctuation) {
  EXPECT_DOUBLE_EQ(WordSequenceSimilarity("Children’s social care.", "children's SOCIAL care"), 1.0);
  EXPECT_EQ(ComparableWords("£45m, 2023/24!"), (std::vector<std::string>{"45m", "2023", "24"}));
}

TEST(WordSimilarityTest, PenalisesMissingAndReorderedWords) {
  EXPECT_DOUBLE_EQ(WordSequenceSimilarity("a b c d", "a b c"), 6.0 / 7.0);
  EXPECT_LT(WordSequenceSimilarity("one two three four", "three four one two"), 0.6);
  EXPECT_DOUBLE_EQ(WordSequenceSimilarity("", ""), 1.0);
  EXPECT_DOUBLE_EQ(WordSequenceSimilarity("x", ""), 0.0);
}

}  // namespace
}  // namespace xref::testing
