// xref::ExtractPdf as the binary sees it: loads the PDF module on first use
// and calls it. See pdf_module.h for why, and for where the module is looked
// for; extract_pdf.cc is the extractor itself, built into the module.
#include <dlfcn.h>
#include <limits.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "pipeline/extract.h"
#include "pipeline/pdf_module.h"

namespace xref {
namespace {

struct PdfModule {
  PdfModuleExtractFunction extract = nullptr;  // null when no module loaded
  std::string path;                            // the file loaded
  std::string failure;                         // when none: every place tried, and why
};

// The folder of the running binary, or "" when /proc is not mounted.
std::string BinaryFolder() {
  char buffer[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buffer, sizeof buffer);
  if (n <= 0 || static_cast<size_t>(n) >= sizeof buffer) return "";
  std::string path(buffer, static_cast<size_t>(n));
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

std::vector<std::string> PlacesToLook() {
  const char* chosen = std::getenv("XREF_PDF_MODULE");
  if (chosen != nullptr && *chosen != '\0') return {chosen};
  std::vector<std::string> places;
  std::string folder = BinaryFolder();
  if (!folder.empty()) places.push_back(folder + "/" + kPdfModuleFileName);
#ifdef XREF_PDF_MODULE_BUILD_PATH
  if (places.empty() || places.front() != XREF_PDF_MODULE_BUILD_PATH) {
    places.push_back(XREF_PDF_MODULE_BUILD_PATH);
  }
#endif
  return places;
}

PdfModule LoadPdfModule() {
  PdfModule module;
  for (const std::string& path : PlacesToLook()) {
    // RTLD_NOW: a module missing a library fails here, with dlerror's reason,
    // not at the first call. The handle is never closed: Poppler keeps
    // global state until the process ends.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      module.failure += (module.failure.empty() ? "" : "; ") +
                        std::string(why != nullptr ? why : path + ": cannot be loaded");
      continue;
    }
    void* entry = dlsym(handle, kPdfModuleEntryPoint);
    if (entry == nullptr) {
      module.failure += (module.failure.empty() ? "" : "; ") + path + ": not an xref PDF module";
      dlclose(handle);
      continue;
    }
    // POSIX guarantees a dlsym'd function's address round-trips through void*.
    std::memcpy(&module.extract, &entry, sizeof entry);
    module.path = path;
    module.failure.clear();
    return module;
  }
  if (module.failure.empty()) module.failure = "no place to look for " + std::string(kPdfModuleFileName);
  return module;
}

// Loaded once per process, by whichever thread first meets a PDF (the
// initialisation of a function-local static is thread-safe).
const PdfModule& TheModule() {
  static const PdfModule module = LoadPdfModule();
  return module;
}

}  // namespace

Result<Document> ExtractPdf(const std::string& path, std::string_view bytes) {
  const PdfModule& module = TheModule();
  if (module.extract == nullptr) {
    return Status::Unsupported(path, "PDF support is missing: the PDF module " +
                                         std::string(kPdfModuleFileName) +
                                         " could not be loaded (" + module.failure + ")");
  }
  Result<Document> result = Status::Internal(path, "the PDF module returned nothing");
  if (module.extract(kPdfModuleAbi, &path, bytes.data(), bytes.size(), &result) == 0) {
    return Status::Unsupported(path, "PDF support is missing: the PDF module " + module.path +
                                         " is from another build of xref");
  }
  return result;
}

}  // namespace xref
