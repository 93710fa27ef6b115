// The entry point of the xref_analysis.so module (see analysis_module.h): the
// only symbol the module exports. Everything else in the module (the tagger,
// the linker, its own copy of xref_core) is compiled with hidden visibility,
// so its Tagger and BuildRegister are the real ones and never the forwarding
// ones of the binary that opened it.
#include "pipeline/analysis_module.h"

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/link.h"
#include "pipeline/link_terms.h"
#include "pipeline/tag.h"

namespace xref {
namespace {

void* NewTagger() { return new Tagger(); }

void DeleteTagger(void* tagger) { delete static_cast<Tagger*>(tagger); }

std::vector<Tag> FindTags(const void* tagger, std::string_view text, const TagOptions& options) {
  return static_cast<const Tagger*>(tagger)->Find(text, options);
}

constexpr AnalysisFunctions kFunctions = {
    &NewTagger,   &DeleteTagger, &FindTags,     &ClassifyStance, &FindDocumentDate,
    &EncodeTerms, &DecodeTerms,  &TermKeyLists, &TermKeys,       &BuildRegister,
};

}  // namespace
}  // namespace xref

extern "C" __attribute__((visibility("default"))) const xref::AnalysisFunctions*
xref_analysis_module(int abi) {
  return abi == xref::kAnalysisModuleAbi ? &xref::kFunctions : nullptr;
}

// The binary calls the module through a pointer of this type: a change of
// the signature above that misses the header fails to compile here.
[[maybe_unused]] static constexpr xref::AnalysisModuleFunction kEntryPointHasTheDeclaredType =
    &xref_analysis_module;
