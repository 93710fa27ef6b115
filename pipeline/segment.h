// Sentence boundaries (ICU BreakIterator), as byte ranges into UTF-8 text.
//
//   for (const xref::TextRange& s : xref::SplitSentences(text)) {
//     std::string_view sentence = text.substr(s.start, s.end - s.start);
//   }
//   xref::TextRange around = xref::SentenceAt(text, 120);  // the one holding byte 120
//
// Uses ICU's English sentence rules with the standard abbreviation
// suppressions ("e.g.", "Mr."), so a commitment is always a whole sentence.
// Ranges are trimmed of surrounding spaces; empty sentences are dropped.
// Thread-safe (each thread keeps its own iterator).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace xref {

struct TextRange {
  size_t start = 0;  // byte offset, inclusive
  size_t end = 0;    // byte offset, exclusive
};

std::vector<TextRange> SplitSentences(std::string_view text);

// The sentence holding byte `pos` (trimmed), found by iterating only around
// `pos`: cheaper than SplitSentences when a long text needs few sentences.
TextRange SentenceAt(std::string_view text, size_t pos);

}  // namespace xref
