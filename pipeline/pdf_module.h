// PDF extraction as a module loaded on demand.
//
// Poppler and the ~25 shared libraries it pulls in cost every process that
// links them 15-20 ms of dynamic loading before main(), which `xref search`,
// `xref --version` and every command that never meets a PDF should not pay.
// So extract_pdf.cc and pdf_layout.cc are also built into a separate module,
// xref_pdf.so, placed beside the `xref` binary; xref::ExtractPdf (extract.h)
// loads it with dlopen the first time a PDF is extracted and calls its one
// entry point:
//
//   // in the module (pdf_module.cc):
//   extern "C" int xref_pdf_module_extract(int abi, const std::string* path,
//                                          const char* data, size_t size,
//                                          xref::Result<xref::Document>* out);
//
// Where the module is looked for, in order:
//   1. $XREF_PDF_MODULE, when set: that file and no other (tests use it to
//      check the message a missing module gives);
//   2. xref_pdf.so in the folder of the running binary (/proc/self/exe), which
//      is where the build puts it beside `xref`, and so where the `xref
//      __worker` processes of `xref index` find it too;
//   3. the module of the build tree that compiled extract.cc (test binaries
//      live in build/tests/, not beside the module).
// When none loads, ExtractPdf returns kUnsupported naming the PDF, saying PDF
// support is missing and where it looked; nothing crashes.
//
// The entry point passes C++ objects: the module and the binary come from one
// build (same headers, same compiler, same libstdc++). `abi` is checked so
// that a module left over from a build with another Document layout is
// refused with a message instead of being called.
#pragma once

#include <cstddef>
#include <string>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace xref {

// The file name of the module, beside the binary.
inline constexpr char kPdfModuleFileName[] = "xref_pdf.so";
// The name of its one exported function.
inline constexpr char kPdfModuleEntryPoint[] = "xref_pdf_module_extract";

// Changes with the layout of what crosses the boundary: bump the leading
// number when Document, Passage or Status change in a way sizeof misses.
inline constexpr int kPdfModuleAbi =
    1 * 1000000 + static_cast<int>(sizeof(Result<Document>) * 1000 + sizeof(Passage));

// The entry point's type. Returns 1 and fills *out with ExtractPdf's result
// when `abi` is the module's own kPdfModuleAbi; returns 0 and leaves *out
// alone otherwise.
using PdfModuleExtractFunction = int (*)(int abi, const std::string* path, const char* data,
                                         size_t size, Result<Document>* out);

}  // namespace xref
