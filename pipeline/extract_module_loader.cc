// xref::ExtractPdf, ExtractDocx and ExtractHtml as the binary sees them: each
// loads its module on first use and calls it. See extract_module.h for why;
// extract_pdf.cc, extract_docx.cc and extract_html.cc are the extractors
// themselves, built into the modules.
#include <cstring>
#include <string>

#include "pipeline/extract.h"
#include "pipeline/extract_module.h"

namespace xref {
namespace {

struct ExtractModuleLoaded {
  ExtractModuleFunction extract = nullptr;  // null when no module loaded
  LoadedModule module;
};

ExtractModuleLoaded Load(const Module& module, const char* build_tree_path) {
  ExtractModuleLoaded loaded;
  loaded.module = LoadModule(module, build_tree_path);
  // POSIX guarantees a dlsym'd function's address round-trips through void*.
  if (loaded.module.entry != nullptr) {
    std::memcpy(&loaded.extract, &loaded.module.entry, sizeof loaded.module.entry);
  }
  return loaded;
}

Result<Document> ExtractThrough(const Module& module, const ExtractModuleLoaded& loaded,
                                const std::string& path, std::string_view bytes) {
  if (loaded.extract == nullptr) {
    return Status::Unsupported(path, MissingModuleMessage(module, loaded.module));
  }
  Result<Document> result = Status::Internal(path, "the extraction module returned nothing");
  if (loaded.extract(kExtractModuleAbi, &path, bytes.data(), bytes.size(), &result) == 0) {
    return Status::Unsupported(path, OtherBuildMessage(module, loaded.module));
  }
  return result;
}

#ifndef XREF_PDF_MODULE_BUILD_PATH
#define XREF_PDF_MODULE_BUILD_PATH ""
#endif
#ifndef XREF_DOCX_MODULE_BUILD_PATH
#define XREF_DOCX_MODULE_BUILD_PATH ""
#endif
#ifndef XREF_HTML_MODULE_BUILD_PATH
#define XREF_HTML_MODULE_BUILD_PATH ""
#endif

}  // namespace

// Each module is loaded once per process, by whichever thread first meets a
// file of its format (the initialisation of a function-local static is
// thread-safe).
Result<Document> ExtractPdf(const std::string& path, std::string_view bytes) {
  static const ExtractModuleLoaded loaded = Load(kPdfModule, XREF_PDF_MODULE_BUILD_PATH);
  return ExtractThrough(kPdfModule, loaded, path, bytes);
}

Result<Document> ExtractDocx(const std::string& path, std::string_view bytes) {
  static const ExtractModuleLoaded loaded = Load(kDocxModule, XREF_DOCX_MODULE_BUILD_PATH);
  return ExtractThrough(kDocxModule, loaded, path, bytes);
}

Result<Document> ExtractOdt(const std::string& path, std::string_view bytes) {
  static const ExtractModuleLoaded loaded = Load(kOdtModule, XREF_ODT_MODULE_BUILD_PATH);
  return ExtractThrough(kOdtModule, loaded, path, bytes);
}

Result<Document> ExtractHtml(const std::string& path, std::string_view bytes) {
  static const ExtractModuleLoaded loaded = Load(kHtmlModule, XREF_HTML_MODULE_BUILD_PATH);
  return ExtractThrough(kHtmlModule, loaded, path, bytes);
}

}  // namespace xref
