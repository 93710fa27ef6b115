// PDF, DOCX, ODT and HTML extraction as modules loaded on demand (module_loader.h
// says why, and where a module is looked for).
//
// Poppler and the ~25 libraries it pulls in cost a process 15-20 ms of
// dynamic loading, libzip with OpenSSL's libcrypto (which libzip links for
// encrypted zips) about 5 ms more, libxml2 with liblzma about 1.5 ms.
// `xref search`, `xref --version` and every command that never meets such a
// file should not pay that. So the extractors are built into modules placed
// beside the `xref` binary:
//
//   xref_pdf.so   extract_pdf.cc + pdf_layout.cc   (Poppler)
//   xref_docx.so  extract_docx.cc + zip_xml.cc     (libzip, libxml2)
//   xref_odt.so   extract_odt.cc + zip_xml.cc      (libzip, libxml2)
//   xref_html.so  extract_html.cc                  (libxml2)
//
// each with one exported entry point. The xref::ExtractPdf, ExtractDocx,
// ExtractOdt and ExtractHtml of the binary (extract.h; extract_module_loader.cc) load the
// module the first time a file of its format is extracted, and call:
//
//   extern "C" int xref_pdf_module_extract(int abi, const std::string* path,
//                                          const char* data, size_t size,
//                                          xref::Result<xref::Document>* out);
//   (xref_docx_module_extract, xref_html_module_extract: the same)
//
// When none loads, extraction returns kUnsupported naming the file, saying
// that PDF (or DOCX, HTML) support is missing and where it looked; nothing
// crashes.
#pragma once

#include <cstddef>
#include <string>

#include "pipeline/document.h"
#include "pipeline/module_loader.h"
#include "pipeline/status.h"

namespace xref {

inline constexpr Module kPdfModule = {"xref_pdf.so", "XREF_PDF_MODULE", "xref_pdf_module_extract",
                                      "PDF"};
inline constexpr Module kDocxModule = {"xref_docx.so", "XREF_DOCX_MODULE",
                                       "xref_docx_module_extract", "DOCX"};
inline constexpr Module kOdtModule = {"xref_odt.so", "XREF_ODT_MODULE", "xref_odt_module_extract",
                                      "ODT"};
inline constexpr Module kHtmlModule = {"xref_html.so", "XREF_HTML_MODULE",
                                       "xref_html_module_extract", "HTML"};

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
