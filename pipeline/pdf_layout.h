// PDF page layout: positioned words in, passages in reading order out.
//
// The PDF extractor (extract_pdf.cc) asks Poppler for the words of every page
// with their boxes and fonts and hands them here; this file knows nothing of
// Poppler, so that its geometry can be tested with words made up by hand.
//
//   std::vector<xref::pdf::PageWords> pages = ...;   // one per page, words in
//                                                    // the producer's order
//   for (const xref::pdf::LaidOutPassage& p :
//        xref::pdf::LayOutDocument(std::move(pages))) {
//     builder.Add(p.kind, p.text, p.page, p.label, p.level);   // or Heading()
//   }
//
// What LayOutDocument does, in order:
//   0. a small shape drawn just left of a line's first word, centred on its
//      letters and smaller than they are, is the bullet a browser draws for
//      a list item: it becomes a "•" word there (DrawnBullets);
//   1. words -> line fragments (the producer's order, cut where the baseline
//      changes), then a paragraph number or bullet standing in its own column
//      is joined to the line beside it;
//   2. page furniture is dropped: lines repeated at about the same height on
//      many pages (running heads and footers, digits masked so "Page 3" ==
//      "Page 4"), page numbers near the top or bottom (a bare number only if
//      it counts the pages: "2027." carried over to the next page is text),
//      and rotated text (margin stamps); simple tables (rows cut by wide gaps
//      into aligned columns, one of figures) are taken out as rows, one
//      table_cell passage per row with its cells joined by " | ", carried on
//      at the top of the next page;
//   3. lines -> blocks (vertically close, overlapping, same font size), and
//      blocks are put in reading order: a block comes before another that it
//      overlaps horizontally and stands above, and a block entirely to the
//      left comes first unless something spanning both stands between them
//      (Breuel's order), so columns are read one after another and full-width
//      blocks stay in place;
//   4. blocks -> paragraphs at labels, bullets, first-line indents, short
//      lines ending a sentence and font changes; headings are told by size,
//      weight, capitals or standing alone; small numbered text at the foot of
//      a page is a footnote, kept as its own passage;
//   5. a paragraph that a page or column break cut is joined again (footnotes,
//      and a masthead or pull quote set at the top of the next column, wait
//      until it is complete), and words broken at a line end are mended
//      ("implemen-" + "tation") unless the hyphen is a real one ("Labinjo-" +
//      "Hughes", or a compound the document writes with its hyphen elsewhere).
// Cost: O(n log n) in the words of a page, plus O(b^2) in its blocks for the
// reading order (b is small: tens per page; pages with very many blocks fall
// back to top-to-bottom order).
#pragma once

#include <string>
#include <vector>

#include "pipeline/document.h"

namespace xref::pdf {

// One word as the PDF draws it. Coordinates are points from the page's top
// left corner, y growing downwards.
struct Word {
  std::string text;       // UTF-8
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double font_size = 0;   // points
  bool bold = false;
  bool space_after = false;  // the producer put a space after this word
  int rotation = 0;       // 0 upright; 1, 2, 3 quarter turns
};

// A small shape the page draws (filled or stroked), not text: a browser or a
// web-to-PDF converter draws a list's bullets as paths ("•" is a filled
// circle, "▪" a filled square), so they are no words.
struct Mark {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct PageWords {
  int number = 0;         // 1-based
  double width = 0, height = 0;
  std::vector<Word> words;  // in the producer's reading order
  std::vector<Mark> marks;  // shapes at most a few points across, in drawing order
};

// The largest shape a page's marks keep (points, either side): a bullet is
// smaller than the text beside it.
inline constexpr double kMaxMarkSize = 12;

struct LaidOutPassage {
  PassageKind kind = PassageKind::kParagraph;
  std::string text;       // not yet normalised; without the label
  int page = 0;           // page where the passage starts
  std::string label;      // "12", "1.1", "(a)", or empty
  int level = 0;          // heading level, 1 = top
};

// The passages of a whole document in reading order. Deterministic; never
// throws on odd geometry (empty pages, zero-sized boxes). Takes the pages by
// value because it cleans their words in place: move them in when they are
// not needed afterwards.
std::vector<LaidOutPassage> LayOutDocument(std::vector<PageWords> pages);

// Step 0 alone: turns the marks of `page` that are drawn bullets into "•"
// words placed before the word each one precedes; other marks are ignored.
// Returns how many it added.
size_t AddDrawnBullets(PageWords* page);

// True when `font_name` (subset prefix allowed, "ABCDEF+Arial-BoldMT") names a
// bold face.
bool IsBoldFontName(const std::string& font_name);

}  // namespace xref::pdf
