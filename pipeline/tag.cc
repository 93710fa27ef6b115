// Placeholder until the tagger lands (issue 3).
#include "pipeline/tag.h"

#include <nlohmann/json.hpp>

namespace xref {

struct Tagger::Impl {};
Tagger::Tagger() : impl_(std::make_unique<Impl>()) {}
Tagger::~Tagger() = default;
std::vector<Tag> Tagger::Find(std::string_view, const TagOptions&) const { return {}; }

}  // namespace xref
