// See passage_builder.h.
#include "pipeline/passage_builder.h"

#include "pipeline/normalise.h"

namespace xref {

void PassageBuilder::Heading(std::string_view text, int level, std::optional<int> page,
                             std::string_view label) {
  std::string clean = NormaliseText(text);
  if (clean.empty()) return;
  Add(PassageKind::kHeading, clean, page, label, level);
  section_ = clean;
}

void PassageBuilder::Add(PassageKind kind, std::string_view text, std::optional<int> page,
                         std::string_view label, int level) {
  std::string clean = NormaliseText(text);
  if (clean.empty()) return;
  Passage p;
  p.n = static_cast<int>(doc_->passages.size()) + 1;
  p.page = page;
  p.label = NormaliseText(label);
  p.section = section_;
  p.kind = kind;
  p.level = level;
  p.text = std::move(clean);
  doc_->passages.push_back(std::move(p));
}

}  // namespace xref
