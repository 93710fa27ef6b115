// PDF and DOCX extraction as modules loaded on demand.
//
// Shared libraries cost every process that links them dynamic loading
// before main(): Poppler and the ~25 libraries it pulls in 15-20 ms, libzip
// with OpenSSL's libcrypto (which libzip links for encrypted zips) about 5 ms
// more. `xref search`, `xref --version` and every command that never meets a
// PDF or a DOCX should not pay that. So the two extractors are built into
// modules placed beside the `xref` binary:
//
//   xref_pdf.so   extract_pdf.cc + pdf_layout.cc   (Poppler)
//   xref_docx.so  extract_docx.cc                  (libzip, libxml2)
//
// each with its own copy of xref_core and one exported entry point. The
// xref::ExtractPdf and xref::ExtractDocx of the binary (extract.h;
// extract_module_loader.cc) load the module with dlopen the first time a file
// of its format is extracted, and call:
//
//   extern "C" int xref_pdf_module_extract(int abi, const std::string* path,
//                                          const char* data, size_t size,
//                                          xref::Result<xref::Document>* out);
//   (xref_docx_module_extract: the same)
//
// Where a module is looked for, in order:
//   1. $XREF_PDF_MODULE (or $XREF_DOCX_MODULE), when set: that file and no
//      other (tests use it to check the message a missing module gives);
//   2. its file name in the folder of the running binary (/proc/self/exe),
//      which is where the build puts it, beside `xref`, and so where the
//      `xref __worker` processes of `xref index` find it too;
//   3. the module of the build tree that compiled the loader (test binaries
//      live in build/tests/, not beside the modules).
// When none loads, extraction returns kUnsupported naming the file, saying
// that PDF (or DOCX) support is missing and where it looked; nothing crashes.
//
// The entry point passes C++ objects: the modules and the binary come from
// one build (same headers, same compiler, same libstdc++). `abi` is checked so
// that a module left over from a build with another Document layout is
// refused with a message instead of being called.
#pragma once

#include <cstddef>
#include <string>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace xref {

// One module: the file name beside the binary, the environment variable
// that overrides it, its exported function, and the format's name in messages.
struct ExtractModule {
  const char* file_name;
  const char* environment_variable;
  const char* entry_point;
  const char* format_name;
};

inline constexpr ExtractModule kPdfModule = {"xref_pdf.so", "XREF_PDF_MODULE",
                                             "xref_pdf_module_extract", "PDF"};
inline constexpr ExtractModule kDocxModule = {"xref_docx.so", "XREF_DOCX_MODULE",
                                              "xref_docx_module_extract", "DOCX"};

// Changes with the layout of what crosses the boundary: bump the leading
// number when Document, Passage or Status change in a way sizeof misses.
inline constexpr int kExtractModuleAbi =
    1 * 1000000 + static_cast<int>(sizeof(Result<Document>) * 1000 + sizeof(Passage));

// The entry points' type. Returns 1 and fills *out with the extractor's
// result when `abi` is the module's own kExtractModuleAbi; returns 0 and
// leaves *out alone otherwise.
using ExtractModuleFunction = int (*)(int abi, const std::string* path, const char* data,
                                      size_t size, Result<Document>* out);

}  // namespace xref
