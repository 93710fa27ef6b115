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

// Appends `blocks` to `doc` (see above). `guess_headings`: no style marked any
// heading, so short title-like paragraphs are taken for headings too (whole-bold
// short paragraphs always are). `note_texts` maps a note's key to its text.
// Sets doc->title from the first heading, else the first passage, when empty.
void AddBlocks(std::vector<Block> blocks, bool guess_headings,
               const std::map<std::string, std::string>& note_texts, Document* doc);

}  // namespace xref
