// xref::ExtractPdf and xref::ExtractDocx as the binary sees them: each loads
// its module on first use and calls it. See extract_module.h for why, and for
// where a module is looked for; extract_pdf.cc and extract_docx.cc are the
// extractors themselves, built into the modules.
#include <dlfcn.h>
#include <limits.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "pipeline/extract.h"
#include "pipeline/extract_module.h"

namespace xref {
namespace {

struct LoadedModule {
  ExtractModuleFunction extract = nullptr;  // null when no module loaded
  std::string path;                         // the file loaded
  std::string failure;                      // when none: every place tried, and why
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

std::vector<std::string> PlacesToLook(const ExtractModule& module, const char* build_tree_path) {
  const char* chosen = std::getenv(module.environment_variable);
  if (chosen != nullptr && *chosen != '\0') return {chosen};
  std::vector<std::string> places;
  std::string folder = BinaryFolder();
  if (!folder.empty()) places.push_back(folder + "/" + module.file_name);
  if (*build_tree_path != '\0' && (places.empty() || places.front() != build_tree_path)) {
    places.push_back(build_tree_path);
  }
  return places;
}

LoadedModule Load(const ExtractModule& module, const char* build_tree_path) {
  LoadedModule loaded;
  for (const std::string& path : PlacesToLook(module, build_tree_path)) {
    // RTLD_NOW: a module missing a library fails here, with dlerror's reason,
    // not at the first call. The handle is never closed: Poppler and libxml2
    // keep global state until the process ends.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      loaded.failure += (loaded.failure.empty() ? "" : "; ") +
                        std::string(why != nullptr ? why : path + ": cannot be loaded");
      continue;
    }
    void* entry = dlsym(handle, module.entry_point);
    if (entry == nullptr) {
      loaded.failure += (loaded.failure.empty() ? "" : "; ") + path + ": not an xref " +
                        module.format_name + " module";
      dlclose(handle);
      continue;
    }
    // POSIX guarantees a dlsym'd function's address round-trips through void*.
    std::memcpy(&loaded.extract, &entry, sizeof entry);
    loaded.path = path;
    loaded.failure.clear();
    return loaded;
  }
  if (loaded.failure.empty()) loaded.failure = std::string("no place to look for ") + module.file_name;
  return loaded;
}

Result<Document> ExtractThrough(const ExtractModule& module, const LoadedModule& loaded,
                                const std::string& path, std::string_view bytes) {
  if (loaded.extract == nullptr) {
    return Status::Unsupported(path, std::string(module.format_name) +
                                         " support is missing: the module " + module.file_name +
                                         " could not be loaded (" + loaded.failure + ")");
  }
  Result<Document> result = Status::Internal(path, "the extraction module returned nothing");
  if (loaded.extract(kExtractModuleAbi, &path, bytes.data(), bytes.size(), &result) == 0) {
    return Status::Unsupported(path, std::string(module.format_name) +
                                         " support is missing: the module " + loaded.path +
                                         " is from another build of xref");
  }
  return result;
}

#ifndef XREF_PDF_MODULE_BUILD_PATH
#define XREF_PDF_MODULE_BUILD_PATH ""
#endif
#ifndef XREF_DOCX_MODULE_BUILD_PATH
#define XREF_DOCX_MODULE_BUILD_PATH ""
#endif

}  // namespace

// Each module is loaded once per process, by whichever thread first meets a
// file of its format (the initialisation of a function-local static is
// thread-safe).
Result<Document> ExtractPdf(const std::string& path, std::string_view bytes) {
  static const LoadedModule loaded = Load(kPdfModule, XREF_PDF_MODULE_BUILD_PATH);
  return ExtractThrough(kPdfModule, loaded, path, bytes);
}

Result<Document> ExtractDocx(const std::string& path, std::string_view bytes) {
  static const LoadedModule loaded = Load(kDocxModule, XREF_DOCX_MODULE_BUILD_PATH);
  return ExtractThrough(kDocxModule, loaded, path, bytes);
}

}  // namespace xref
