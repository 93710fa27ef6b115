// The blocks a word processor's file is read into (DOCX, ODT), and how they
// become passages: private to those extractors.
//
// Each extractor walks its XML into Blocks in reading order (paragraphs,
// headings its styles mark, list items, table rows or cells) with the keys of
// the notes each refers to; AddBlocks then guesses the headings the author did
// not mark, numbers the notes in the order the text first refers to them (as
// Word and LibreOffice number them), and appends everything to the document:
// a footnote after the passage that refers to it, endnotes at the end.
#pragma once

#include <libxml/tree.h>

#include <map>
#include <string>
#include <vector>

#include "pipeline/document.h"

namespace xref {

enum class BlockType { kParagraph, kStyledHeading, kListItem, kTableCell };

struct Block {
  BlockType type = BlockType::kParagraph;
  std::string text;
  std::string label;
  int level = 0;
  bool all_bold = false;           // every visible character is bold
  std::vector<std::string> notes;  // the footnotes it refers to, "f7", and endnotes, "e2"
};

// The longest title kept from a file's properties or first heading.
inline constexpr size_t kMaxOfficeTitleBytes = 300;

// The tables of the file as its reader walks them. A data table (none of its
// cells a layout cell) gives a passage per row, its non-empty cells joined
// with " | " as the PDF extractor joins a row, so that a figure is read with
// its row's label ("Housing First | £1.2m"); in any other table a data cell
// is one passage and a layout cell's paragraphs are passages of their own.
class TableReader {
 public:
  // A table cell is used for layout rather than data (minutes set "item |
  // discussion" in two columns; forms and letters put whole sections in
  // cells) when it holds a nested table or a heading (the caller's check),
  // or when its paragraphs with text, `paragraphs`, and their non-space
  // bytes, `text`, are three or more, or two holding prose rather than a
  // label wrapped by hand (over 100 bytes together), or long prose (over 300
  // bytes, some sixty words).
  static bool LayoutCellText(size_t text, int paragraphs) {
    return text > 300 || paragraphs >= 3 || (paragraphs == 2 && text > 100);
  }

  bool in_data_table() const { return data_table_ != nullptr; }
  // A table starts that is a data table (the outermost one counts).
  void EnterDataTable(const xmlNode* table) {
    if (data_table_ == nullptr) data_table_ = table;
  }
  void EnterRow(const xmlNode* row) {
    // A row of a table inside the open row (in a text box) is no row of it.
    if (data_table_ == nullptr || row_ != nullptr) return;
    row_ = row;
    row_cells_.clear();
  }
  void EnterCell(bool layout) {
    cell_joined_.push_back(!layout);
    if (!layout) cells_.emplace_back();
  }
  // Data cells open: a paragraph records it when it begins.
  size_t open_cells() const { return cells_.size(); }
  // A paragraph that began with `cell_depth` data cells open, with its list
  // number: returns true when it was a cell's and its text went there.
  bool AddParagraph(size_t cell_depth, const std::string& label, const std::string& text,
                    const std::vector<std::string>& notes);
  // The reader leaves a cell.
  void LeaveCell(std::vector<Block>* blocks);
  // The reader leaves an element: closes the row or the table it is.
  void Leave(const xmlNode* node, std::vector<Block>* blocks);

 private:
  std::vector<std::string> cells_;       // the open data cells' text
  std::vector<bool> cell_joined_;        // per open cell: its text is one (not a layout cell)
  const xmlNode* data_table_ = nullptr;  // the data table being read, if any
  const xmlNode* row_ = nullptr;         // its open row
  std::vector<std::string> row_cells_;   // the open row's cells
  std::vector<std::string> cell_notes_;  // notes referred to inside cells, read after the cell or row
};

// Appends `blocks` to `doc` (see above). `guess_headings`: no style marked any
// heading, so short title-like paragraphs are taken for headings too (whole-bold
// short paragraphs always are). `note_texts` maps a note's key to its text.
// Sets doc->title from the first heading, else the first passage, when empty.
void AddBlocks(std::vector<Block> blocks, bool guess_headings,
               const std::map<std::string, std::string>& note_texts, Document* doc);

}  // namespace xref
