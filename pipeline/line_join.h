// Joining the lines of a paragraph back into its text: a word a typesetter
// broke at a line end ("implemen-" + "tation") is mended, a real hyphen
// ("Labinjo-" + "Hughes", "father-" + "inclusive" where the document writes
// "father-inclusive" elsewhere, "2022-" + "23", URLs) kept. The evidence is
// the document's own words; where it is silent, the document's habit
// (LineEndHyphens) decides. Used by the PDF layout and by plain text.
#ifndef XREF_PIPELINE_LINE_JOIN_H_
#define XREF_PIPELINE_LINE_JOIN_H_

#include <unicode/umachine.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

namespace xref {

// The first code point of `s` (0 when empty, U+FFFD when ill-formed), and its
// length in bytes.
UChar32 FirstCodePoint(std::string_view s, int32_t* length = nullptr);
// The last code point of `s` (0 when empty, U+FFFD when ill-formed).
UChar32 LastCodePoint(std::string_view s);
// Quotes and brackets that may stand before or after a word.
bool IsWrapping(UChar32 c);
// A hyphen a line may end in: "-", U+2010 HYPHEN, U+00AD SOFT HYPHEN.
bool IsHyphen(UChar32 c);
// Lower-case ASCII, other bytes kept.
std::string LowerAscii(std::string_view s);
// Trims quotes, brackets and punctuation from both ends of a token.
std::string_view TrimToken(std::string_view t);

// The words of the document as written, to judge line-end hyphens by.
struct WordEvidence {
  std::unordered_set<std::string> words;     // lower-cased tokens, hyphenated ones whole
  std::unordered_set<std::string> prefixes;  // lower-cased parts before a hyphen

  // Adds the words of one line.
  void Add(std::string_view line);
  bool Has(const std::string& w) const { return words.count(w) > 0; }
  bool IsPrefix(const std::string& w) const { return prefixes.count(w) > 0; }

 private:
  std::string scratch_;
};

// How a line that ends in a hyphen meets the next line.
enum class HyphenCall {
  kNotHyphen,   // no hyphen at the end: join with a space
  kDash,        // a dash standing alone: join with a space
  kSoft,        // a soft hyphen: drop it
  kKeepAlways,  // URLs, numbers, capitals: keep the hyphen, whatever the document does
  kKeep,        // the document writes the word with its hyphen elsewhere
  kMend,        // the document writes the word whole elsewhere
  kUnknown,     // no evidence: the document's habit decides
};

HyphenCall JudgeHyphen(std::string_view text, std::string_view next, const WordEvidence& evidence);

// The document's habit with line-end hyphens the evidence cannot settle:
// word processors leave real hyphens at line ends, typesetters break words.
// Count every line and every pair of lines of a paragraph, then ask.
class LineEndHyphens {
 public:
  void CountLine() { ++lines_; }
  void CountJoin(std::string_view text, std::string_view next, const WordEvidence& evidence);
  // True when an unsettled hyphen is a real one (the document is a word
  // processor's), false when it breaks a word.
  bool KeepByDefault() const;

 private:
  size_t keep_ = 0, mend_ = 0, unknown_ = 0, lines_ = 0;
};

// Appends `next` (the following line of the same paragraph) to `text`,
// mending a word broken at the line end but keeping a real hyphen.
// `keep_by_default` is the document's habit when the evidence is silent.
void AppendLine(std::string* text, std::string_view next, const WordEvidence& evidence, bool keep_by_default);

}  // namespace xref

#endif  // XREF_PIPELINE_LINE_JOIN_H_
