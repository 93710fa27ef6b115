// Loading a part of xref that lives in a module beside the binary.
//
// Shared libraries cost every process that links them dynamic loading before
// main(), whether or not the command it runs uses them. So the parts of xref
// with libraries that most commands never use are modules, loaded with dlopen
// by the first call that needs one:
//
//   xref_pdf.so       PDF extraction (Poppler)             extract_module.h
//   xref_docx.so      DOCX extraction (libzip, libxml2)    extract_module.h
//   xref_html.so      HTML extraction (libxml2)            extract_module.h
//   xref_analysis.so  tagging and linking (RE2, Snowball)  analysis_module.h
//
// Each holds its own copy of xref_core (and whatever else it needs), compiled
// with hidden visibility, and exports one entry point. The binary and the
// modules come from one build, so C++ objects cross the boundary; each entry
// point takes an `abi` number derived from the layouts it passes, so that a
// module left over from another build is refused with a message instead of
// being called.
//
// Where a module is looked for, in order:
//   1. its environment variable ($XREF_PDF_MODULE...), when set: that file and
//      no other (tests use it to check the message a missing module gives);
//   2. its file name in the folder of the running binary (/proc/self/exe),
//      which is where the build puts it, beside `xref`, and so where the
//      `xref __worker` processes of `xref index` find it too;
//   3. the module of the build tree that compiled the caller (test binaries
//      live in build/tests/, not beside the modules).
#pragma once

#include <string>

namespace xref {

// One module: the file name beside the binary, the environment variable
// that overrides it, its exported entry point, and what it provides, as
// messages name it ("PDF" support, "tagging and linking" support).
struct Module {
  const char* file_name;
  const char* environment_variable;
  const char* entry_point;
  const char* provides;
};

struct LoadedModule {
  void* entry = nullptr;  // the entry point; null when no module loaded
  std::string path;       // the file loaded
  std::string failure;    // when none: every place tried, and why
};

// Loads `module` (a failure is in the result, never thrown). The handle is
// never closed: the libraries the modules use keep global state until the
// process ends.
LoadedModule LoadModule(const Module& module, const char* build_tree_path);

// "<provides> support is missing: the module <file> could not be loaded
// (<why>)", for a LoadedModule without an entry point.
std::string MissingModuleMessage(const Module& module, const LoadedModule& loaded);

// "<provides> support is missing: the module <path> is from another build of
// xref", for a module whose entry point refused the binary's abi number.
std::string OtherBuildMessage(const Module& module, const LoadedModule& loaded);

}  // namespace xref
