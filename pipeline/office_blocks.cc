// Turning a word processor's blocks into passages: see office_blocks.h.
#include "pipeline/office_blocks.h"

#include <cctype>
#include <string>
#include <string_view>
#include <utility>

#include "pipeline/heading_guess.h"
#include "pipeline/normalise.h"
#include "pipeline/passage_builder.h"
#include "pipeline/zip_xml.h"

namespace xref {

bool TableReader::AddParagraph(size_t cell_depth, const std::string& label, const std::string& text,
                               const std::vector<std::string>& notes) {
  if (cell_depth == 0 || cell_depth > cells_.size()) return false;
  cell_notes_.insert(cell_notes_.end(), notes.begin(), notes.end());
  std::string& cell = cells_[cell_depth - 1];
  if (!cell.empty()) cell += ' ';
  if (!label.empty()) cell += label + " ";
  cell += text;
  return true;
}

void TableReader::LeaveCell(std::vector<Block>* blocks) {
  if (cell_joined_.empty()) return;
  const bool joined = cell_joined_.back();
  cell_joined_.pop_back();
  if (!joined || cells_.empty()) return;
  std::string text = std::move(cells_.back());
  cells_.pop_back();
  if (row_ != nullptr) {
    row_cells_.push_back(std::move(text));
    return;
  }
  Block cell;
  cell.type = BlockType::kTableCell;
  cell.text = std::move(text);
  cell.notes = std::move(cell_notes_);
  cell_notes_.clear();
  blocks->push_back(std::move(cell));
}

void TableReader::Leave(const xmlNode* node, std::vector<Block>* blocks) {
  if (node == row_) {
    Block row;
    row.type = BlockType::kTableCell;
    for (const std::string& cell : row_cells_) {
      std::string text = NormaliseText(cell);
      if (text.empty()) continue;
      if (!row.text.empty()) row.text += " | ";
      row.text += text;
    }
    row_ = nullptr;
    row_cells_.clear();
    row.notes = std::move(cell_notes_);
    cell_notes_.clear();
    if (!row.text.empty()) blocks->push_back(std::move(row));
  } else if (node == data_table_) {
    data_table_ = nullptr;
  }
}

void AddBlocks(std::vector<Block> blocks, bool guess_headings,
               const std::map<std::string, std::string>& note_texts, Document* doc) {
  // Headings the author did not mark with a style: whole-bold short
  // paragraphs; and, when no style marks any heading, the first of a run of
  // short title-like paragraphs (heading_guess.h).
  const bool guess = guess_headings;
  bool previous_looked_like_heading = false;
  std::vector<std::string> texts(blocks.size());
  for (size_t i = 0; i < blocks.size(); ++i) texts[i] = NormaliseText(blocks[i].text);
  for (size_t i = 0; i < blocks.size(); ++i) {
    Block& b = blocks[i];
    if (b.type != BlockType::kParagraph || !b.label.empty()) {
      previous_looked_like_heading = false;
      continue;
    }
    if (b.all_bold && heading_guess::LooksLikeBoldHeading(texts[i])) {
      b.type = BlockType::kStyledHeading;
      b.level = 2;
      previous_looked_like_heading = false;
      continue;
    }
    bool looks = guess && heading_guess::LooksLikeUnmarkedHeading(texts[i]);
    if (looks && !previous_looked_like_heading && i + 1 < blocks.size()) {
      b.type = BlockType::kStyledHeading;
      b.level = 2;
    }
    previous_looked_like_heading = looks;
  }

  // A paragraph number typed into the text ("2.3 Schools and councils will
  // ...", "12. The Council ...", "(b) ..."), as officers type them where
  // Word's or LibreOffice's numbering is not used: the paragraph's label,
  // as the text and web readers take it. A decimal before a lower-case word
  // is a quantity ("3.5 per cent of pupils", "1.5 million").
  for (size_t i = 0; i < blocks.size(); ++i) {
    Block& b = blocks[i];
    if (b.type != BlockType::kParagraph || !b.label.empty()) continue;
    const std::string& text = texts[i];  // normalised above
    std::string label;
    const size_t n = ParagraphNumber(text, &label);
    if (n == 0) continue;
    const std::string_view token = std::string_view(text).substr(0, n);
    const bool decimal =
        token.front() != '(' && token.back() != '.' && token.find('.') != std::string_view::npos;
    const size_t next = text.find_first_not_of(" \t", n);
    if (next == std::string::npos) continue;
    if (decimal && std::islower(static_cast<unsigned char>(text[next]))) continue;
    b.label = std::move(label);
    b.text = text.substr(next);
  }

  PassageBuilder out(doc);
  std::string first_heading;
  // Notes numbered in the order the text first refers to them, as Word
  // numbers them; footnotes after the passage that refers to them, endnotes
  // at the end.
  std::map<std::string, int> note_numbers;
  int footnotes = 0, endnotes = 0;
  std::vector<std::pair<std::string, int>> endnote_order;
  auto add_notes = [&](const Block& b) {
    for (const std::string& key : b.notes) {
      auto text = note_texts.find(key);
      if (text == note_texts.end() || note_numbers.count(key) != 0) continue;
      const bool foot = key[0] == 'f';
      const int number = foot ? ++footnotes : ++endnotes;
      note_numbers[key] = number;
      if (foot) {
        out.Add(PassageKind::kParagraph, text->second, std::nullopt, std::to_string(number));
      } else {
        endnote_order.emplace_back(key, number);
      }
    }
  };
  for (const Block& b : blocks) {
    switch (b.type) {
      case BlockType::kStyledHeading:
        out.Heading(b.text, b.level, std::nullopt, b.label);
        if (first_heading.empty() && !doc->passages.empty() &&
            doc->passages.back().kind == PassageKind::kHeading) {
          first_heading = doc->passages.back().text;
        }
        break;
      case BlockType::kParagraph:
        out.Add(PassageKind::kParagraph, b.text, std::nullopt, b.label);
        break;
      case BlockType::kListItem:
        out.Add(PassageKind::kListItem, b.text, std::nullopt, b.label, b.level);
        break;
      case BlockType::kTableCell:
        out.Add(PassageKind::kTableCell, b.text, std::nullopt);
        break;
    }
    add_notes(b);
  }
  for (const auto& [key, number] : endnote_order) {
    out.Add(PassageKind::kParagraph, note_texts.at(key), std::nullopt, std::to_string(number));
  }
  if (doc->title.empty()) doc->title = first_heading;
  if (doc->title.empty() && !doc->passages.empty()) doc->title = doc->passages.front().text;
  doc->title = Utf8Prefix(doc->title, kMaxOfficeTitleBytes);
}

}  // namespace xref
