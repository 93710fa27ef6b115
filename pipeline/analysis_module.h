// Tagging and linking as a module loaded on demand (module_loader.h says why,
// and where a module is looked for).
//
// The tagger (tag.cc: RE2) and the linker (link.cc, link_terms.cc: RE2 and
// Snowball's libstemmer) are used by `xref index`, `refresh`, `tag` and the
// `xref __worker` processes, never by `extract`, `search`, `--version` or the
// commands that print what an index holds. Those libraries cost every process
// that links them about 4.5 ms of dynamic loading (libstemmer alone has some
// 10,000 relocations), so they are built into a module beside the binary:
//
//   xref_analysis.so  the sources of xref_tag and xref_linker: tag.cc,
//                     number_words.cc, segment.cc, link.cc, link_terms.cc
//                     (RE2, libstemmer), with its own copies of xref_core and
//                     of xref_analysis_values
//
// The binary's Tagger, ClassifyStance, FindDocumentDate, BuildRegister and
// the terms' EncodeTerms, DecodeTerms, TermKeys and TermKeyLists
// (analysis_module_loader.cc) load the module
// on first use and call it through the table of functions that its one
// exported entry point returns:
//
//   extern "C" const xref::AnalysisFunctions* xref_analysis_module(int abi);
//
// null when `abi` is not the module's own kAnalysisModuleAbi. The plain-data
// parts of tag.h and link.h (names, TagToJson, ShortWording:
// analysis_values.cc) are in the binary itself.
//
// Unlike extraction, these functions have no Status to report a missing module
// with, so the commands and library entry points that will need them call
// LoadAnalysisModule() first (index and refresh, UpdateLinks, `xref tag`, the
// worker) and stop with its message. A call without the module after all
// ends the process with that message (exit status 2) rather than crash.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/link.h"
#include "pipeline/link_terms.h"
#include "pipeline/module_loader.h"
#include "pipeline/status.h"
#include "pipeline/tag.h"

namespace xref {

inline constexpr Module kAnalysisModule = {"xref_analysis.so", "XREF_ANALYSIS_MODULE",
                                           "xref_analysis_module", "tagging and linking"};

// Changes with the layout of what crosses the boundary: bump the leading
// number when these types change in a way sizeof misses.
inline constexpr int kAnalysisModuleAbi =
    1 * 1000000 +
    static_cast<int>((sizeof(Tag) + 3 * sizeof(TagOptions) + 5 * sizeof(Document) +
                      7 * sizeof(LinkInput) + 11 * sizeof(LinkOptions) + 13 * sizeof(Register) +
                      17 * sizeof(LinkScope) + 19 * sizeof(CorpusStatsTable) +
                      23 * sizeof(Commitment) + 29 * sizeof(Link) + 31 * sizeof(TermSet) +
                      37 * sizeof(TermKeyList) + 41 * sizeof(LinkTag) + 43 * sizeof(RegisterPart)) %
                     1000000);

// What the module provides. A Tagger's state is the module's own Tagger,
// behind an opaque pointer.
struct AnalysisFunctions {
  void* (*new_tagger)();
  void (*delete_tagger)(void* tagger);
  std::vector<Tag> (*find_tags)(const void* tagger, std::string_view text,
                                const TagOptions& options);
  Stance (*classify_stance)(std::string_view text);
  std::string (*find_document_date)(const Document& doc);
  std::string (*encode_terms)(std::string_view text);
  bool (*decode_terms)(std::string_view blob, TermKeyList* keys,
                       std::vector<std::vector<std::string>>* names,
                       std::vector<size_t>* name_starts);
  TermKeyList (*term_key_lists)(std::string_view text);
  TermSet (*term_keys)(std::string_view text);
  Register (*build_register)(const std::vector<LinkInput>& docs, const LinkOptions& options,
                             const LinkScope& scope, CorpusStatsTable* stats_out,
                             const RegisterSink* sink);
};

using AnalysisModuleFunction = const AnalysisFunctions* (*)(int abi);

// Loads the module once per process. OK when it is loaded; otherwise what is
// missing, naming the module file and every place tried.
Status LoadAnalysisModule();

}  // namespace xref
