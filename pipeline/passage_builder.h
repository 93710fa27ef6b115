// PassageBuilder: the one place where extractors append passages.
//
// Every extractor walks its format and calls Heading()/Add() in reading order;
// the builder normalises the text (normalise.h), drops passages that are empty
// after normalisation, numbers them from 1, and sets each passage's section to
// the nearest heading above it.
//
//   Document doc;
//   PassageBuilder out(&doc);
//   out.Heading("Pillar 1: Family Help", /*level=*/2, /*page=*/std::nullopt);
//   out.Add(PassageKind::kParagraph, "The strategy ...", 2, "12");
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pipeline/document.h"

namespace xref {

class PassageBuilder {
 public:
  // `doc` must outlive the builder; passages are appended to doc->passages.
  explicit PassageBuilder(Document* doc) : doc_(doc) {}

  // Appends a heading; later passages take its text as their section.
  void Heading(std::string_view text, int level, std::optional<int> page,
               std::string_view label = {});

  // Appends a paragraph, list item or table cell.
  void Add(PassageKind kind, std::string_view text, std::optional<int> page,
           std::string_view label = {}, int level = 0);

  // The section the next passage would get.
  const std::string& section() const { return section_; }

 private:
  Document* doc_;
  std::string section_;
};

// A paragraph number typed at the start of `text` ("12. ", "1.1 ", "(a) ",
// "a) ", "(iv) ", "3) ", "(1) "): sets `label` to the number as printed
// without a final full stop and returns the bytes the number and its space
// take, or 0 ("12 apples" is no number). Extractors use it for paragraphs
// whose numbers are part of their text (plain text, web pages).
size_t ParagraphNumber(std::string_view text, std::string* label);

}  // namespace xref
