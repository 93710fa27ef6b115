// Terms, phrases and their weights: the vocabulary the linker compares with.
//
// The linker decides whether a passage is about a commitment by the words and
// phrases they share, weighted by how rare each is in the corpus itself:
//
//   xref::TermStats stats;
//   for (const std::string& text : every_passage_text) stats.Add(xref::Terms(text));
//   xref::TermSet entry = xref::Terms("£45 million for the Families First for Children Pathfinder");
//   xref::TermSet passage = xref::Terms("the Families First pathfinder areas ...");
//   double idf = stats.Idf("famili first");      // a phrase key (two stems)
//
// Terms(text) splits text into words (letters and digits; apostrophes inside
// words), lower-cases them, strips the possessive and plural/verb endings with
// Snowball's English stemmer, and drops function words ("the", "of", "will").
// Numbers are left out: sums and dates are compared as tag values, not words.
// Phrases are pairs of neighbouring content words that no punctuation
// separates ("kinship care", "families first"); a phrase inside a proper name
// (capitalised words, or words in quotation marks) is marked `named`.
//
// Weights are inverse document frequencies over the passages the caller adds,
// so that "care" weighs little in a corpus about care and much in one about
// roads; nothing here knows any corpus's vocabulary.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace xref {

// The content words and phrases of one text.
struct TermSet {
  std::set<std::string> words;      // stems
  std::set<std::string> phrases;    // "stem1 stem2"
  std::set<std::string> named;      // the subset of phrases inside proper names
  // Each proper name of two words or more, as its phrases in order
  // ("Early Career Framework" -> {"earli career", "career framework"}).
  std::vector<std::vector<std::string>> names;
  // For each of `names`, the place of its first word among the text's
  // content words (0 = the text opens with it): a name the wording opens
  // with is what the wording is about, one at its end is context.
  std::vector<size_t> name_starts;
  // Surface form of each stem and phrase as first written, for evidence.
  std::map<std::string, std::string> surface;
};

// The terms of `text` (UTF-8). Deterministic; thread-safe.
TermSet Terms(std::string_view text);

// Terms(text) without `surface`, for texts that are only counted and
// compared, never quoted as evidence (cheaper).
TermSet TermKeys(std::string_view text);

// The words, phrases and named phrases of Terms(text) as sorted vectors
// without duplicates, and nothing else: what the linker needs of each of
// the corpus's passages, made without a tree node per term.
struct TermKeyList {
  std::vector<std::string> words;
  std::vector<std::string> phrases;
  std::vector<std::string> named;
};
TermKeyList TermKeyLists(std::string_view text);

// The terms of a text as the index stores them, found once when a document
// is indexed and read back by every relink instead of being found again:
// the words, phrases and named phrases of TermKeyLists(text), and the
// `names` and `name_starts` of Terms(text), in a compact binary form (words
// front-coded, phrases and names as places in those lists).
//
//   std::string blob = xref::EncodeTerms(passage.text);          // index time
//   xref::TermKeyList keys;
//   if (!xref::DecodeTerms(blob, &keys)) keys = xref::TermKeyLists(passage.text);
//
// The blob opens with kTermsVersion: bump it whenever the terms a text gives
// change (a new function word, a different rule for phrases or names), so
// that blobs stored by an older xref are refused by DecodeTerms and the
// terms found again, never used stale.
inline constexpr int kTermsVersion = 2;
std::string EncodeTerms(std::string_view text);
// Fills `keys` (and `names`, `name_starts` when given) from a blob of
// EncodeTerms; false when the blob is damaged or of another kTermsVersion.
bool DecodeTerms(std::string_view blob, TermKeyList* keys,
                 std::vector<std::vector<std::string>>* names = nullptr,
                 std::vector<size_t>* name_starts = nullptr);

// The Snowball (Porter 2) stem of one lower-case word ("carers" -> "carer", "families" ->
// "famili", "published" -> "publish"). Exposed for tests.
std::string StemWord(std::string_view lower_word);

// True for English function words that never carry a topic on their own.
bool IsFunctionWord(std::string_view lower_word);

// True for the stem (StemWord) of an English month or weekday name, as ICU
// spells them: a word that belongs to a date.
bool IsCalendarStem(std::string_view stem);

// Document frequencies of words and phrases over a set of passages.
class TermStats {
 public:
  // Counts one passage's terms.
  void Add(const TermSet& terms);
  // Number of passages added.
  int passages() const { return passages_; }
  // log((N + 1) / (df + 0.5)): high for rare terms, near zero for ubiquitous
  // ones. A term never seen weighs as a term seen once.
  double Idf(const std::string& key) const;
  // Number of passages holding `key`.
  int Df(const std::string& key) const;

 private:
  int passages_ = 0;
  std::unordered_map<std::string, int> df_;
};

}  // namespace xref
