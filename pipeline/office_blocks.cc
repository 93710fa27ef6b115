// Turning a word processor's blocks into passages: see office_blocks.h.
#include "pipeline/office_blocks.h"

#include <utility>

#include "pipeline/heading_guess.h"
#include "pipeline/normalise.h"
#include "pipeline/passage_builder.h"
#include "pipeline/zip_xml.h"

namespace xref {

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
