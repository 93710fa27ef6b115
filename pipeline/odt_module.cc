// The entry point of the xref_odt.so module (see extract_module.h): the only
// symbol the module exports. Everything else in the module (extract_odt.cc
// and its own copy of xref_core) is compiled with hidden visibility, so its
// xref::ExtractOdt is the libzip reader and never the loading one of the
// binary that opened it.
#include <string_view>

#include "pipeline/extract.h"
#include "pipeline/extract_module.h"

extern "C" __attribute__((visibility("default"))) int xref_odt_module_extract(
    int abi, const std::string* path, const char* data, size_t size,
    xref::Result<xref::Document>* out) {
  if (abi != xref::kExtractModuleAbi) return 0;
  *out = xref::ExtractOdt(*path, std::string_view(data, size));
  return 1;
}

// The binary calls the module through a pointer of this type: a change of
// the signature above that misses the header fails to compile here.
[[maybe_unused]] static constexpr xref::ExtractModuleFunction kEntryPointHasTheDeclaredType =
    &xref_odt_module_extract;
