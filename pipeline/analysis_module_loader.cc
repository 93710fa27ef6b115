// The tagger's and the linker's functions as the binary sees them: each loads
// xref_analysis.so on first use and calls it. See analysis_module.h for why;
// tag.cc, link.cc and link_terms.cc are the real ones, built into the module
// (and into the xref_tag and xref_linker libraries that tests link).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "pipeline/analysis_module.h"
#include "pipeline/link_terms.h"

namespace xref {
namespace {

#ifndef XREF_ANALYSIS_MODULE_BUILD_PATH
#define XREF_ANALYSIS_MODULE_BUILD_PATH ""
#endif

struct AnalysisLoaded {
  const AnalysisFunctions* functions = nullptr;  // null when not usable
  std::string message;                           // why not
};

AnalysisLoaded LoadOnce() {
  AnalysisLoaded result;
  LoadedModule module = LoadModule(kAnalysisModule, XREF_ANALYSIS_MODULE_BUILD_PATH);
  if (module.entry == nullptr) {
    result.message = MissingModuleMessage(kAnalysisModule, module);
    return result;
  }
  // POSIX guarantees a dlsym'd function's address round-trips through void*.
  AnalysisModuleFunction entry = nullptr;
  std::memcpy(&entry, &module.entry, sizeof module.entry);
  result.functions = entry(kAnalysisModuleAbi);
  if (result.functions == nullptr) result.message = OtherBuildMessage(kAnalysisModule, module);
  return result;
}

// Loaded once per process, by whichever thread first needs it (the
// initialisation of a function-local static is thread-safe).
const AnalysisLoaded& Loaded() {
  static const AnalysisLoaded loaded = LoadOnce();
  return loaded;
}

// The module's functions; without them the process ends with the reason
// (callers that can report a Status call LoadAnalysisModule() first).
const AnalysisFunctions& Analysis() {
  const AnalysisLoaded& loaded = Loaded();
  if (loaded.functions == nullptr) {
    std::fflush(stdout);
    std::fprintf(stderr, "xref: %s\n", loaded.message.c_str());
    std::_Exit(2);
  }
  return *loaded.functions;
}

}  // namespace

Status LoadAnalysisModule() {
  const AnalysisLoaded& loaded = Loaded();
  if (loaded.functions == nullptr) return Status::Unsupported("", loaded.message);
  return Status::Ok();
}

// The module's own Tagger, owned through the binary's Tagger.
struct Tagger::Impl {
  void* tagger;
  Impl() : tagger(Analysis().new_tagger()) {}
  ~Impl() { Analysis().delete_tagger(tagger); }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
};

Tagger::Tagger() : impl_(std::make_unique<Impl>()) {}
Tagger::~Tagger() = default;

std::vector<Tag> Tagger::Find(std::string_view text, const TagOptions& options) const {
  return Analysis().find_tags(impl_->tagger, text, options);
}

Stance ClassifyStance(std::string_view text) { return Analysis().classify_stance(text); }

std::string FindDocumentDate(const Document& doc) { return Analysis().find_document_date(doc); }

std::string EncodeTerms(std::string_view text) { return Analysis().encode_terms(text); }

bool DecodeTerms(std::string_view blob, TermKeyList* keys,
                 std::vector<std::vector<std::string>>* names, std::vector<size_t>* name_starts) {
  return Analysis().decode_terms(blob, keys, names, name_starts);
}

TermKeyList TermKeyLists(std::string_view text) { return Analysis().term_key_lists(text); }

TermSet TermKeys(std::string_view text) { return Analysis().term_keys(text); }

Register BuildRegister(const std::vector<LinkInput>& docs, const LinkOptions& options,
                       const LinkScope& scope, CorpusStatsTable* stats_out, const RegisterSink* sink) {
  return Analysis().build_register(docs, options, scope, stats_out, sink);
}

}  // namespace xref
