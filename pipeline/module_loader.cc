// See module_loader.h.
#include "pipeline/module_loader.h"

#include <dlfcn.h>
#include <limits.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace xref {
namespace {

// The folder of the running binary, or "" when /proc is not mounted.
std::string BinaryFolder() {
  char buffer[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buffer, sizeof buffer);
  if (n <= 0 || static_cast<size_t>(n) >= sizeof buffer) return "";
  std::string path(buffer, static_cast<size_t>(n));
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

std::vector<std::string> PlacesToLook(const Module& module, const char* build_tree_path) {
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

}  // namespace

LoadedModule LoadModule(const Module& module, const char* build_tree_path) {
  LoadedModule loaded;
  for (const std::string& path : PlacesToLook(module, build_tree_path)) {
    // A module missing a library or a symbol fails here, with dlerror's
    // reason, not at the first call: a missing library fails any dlopen, and
    // the module itself is linked with -z now (pipeline/CMakeLists.txt), so
    // its own symbols are bound here. RTLD_NOW would also bind every
    // function of the libraries it brings (fontconfig, OpenJPEG, zlib... for
    // Poppler) that those libraries leave to lazy binding, as they are in
    // pdftotext: a few hundred symbol lookups that a PDF never needs.
    void* handle = dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      loaded.failure += (loaded.failure.empty() ? "" : "; ") +
                        std::string(why != nullptr ? why : path + ": cannot be loaded");
      continue;
    }
    void* entry = dlsym(handle, module.entry_point);
    if (entry == nullptr) {
      loaded.failure += (loaded.failure.empty() ? "" : "; ") + path + ": not an xref " +
                        module.provides + " module";
      dlclose(handle);
      continue;
    }
    loaded.entry = entry;
    loaded.path = path;
    loaded.failure.clear();
    return loaded;
  }
  if (loaded.failure.empty()) loaded.failure = std::string("no place to look for ") + module.file_name;
  return loaded;
}

std::string MissingModuleMessage(const Module& module, const LoadedModule& loaded) {
  return std::string(module.provides) + " support is missing: the module " + module.file_name +
         " could not be loaded (" + loaded.failure + ")";
}

std::string OtherBuildMessage(const Module& module, const LoadedModule& loaded) {
  return std::string(module.provides) + " support is missing: the module " + loaded.path +
         " is from another build of xref";
}

}  // namespace xref
