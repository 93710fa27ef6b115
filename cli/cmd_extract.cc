// `xref extract [--json] FILE`: the passages of one file, without an index.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "pipeline/extract.h"

namespace xref::cli {
namespace {

struct ExtractArgs {
  std::string file;
  bool json = false;
};

nlohmann::json PassageJson(const std::string& doc, const Passage& p) {
  nlohmann::json j;
  j["doc"] = doc;
  j["n"] = p.n;
  j["page"] = p.page ? nlohmann::json(*p.page) : nlohmann::json(nullptr);
  j["label"] = p.label.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.label);
  j["section"] = p.section.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.section);
  j["kind"] = PassageKindName(p.kind);
  j["text"] = p.text;
  return j;
}

int PrintExtract(const ExtractArgs& args, const GlobalOptions& global) {
  Result<Document> doc = ExtractFile(args.file);
  if (!doc.ok()) return ReportError(doc.status());
  // On standard error, one line each, as errors are (cli.md), so that the
  // passages on standard output stay clean.
  for (const std::string& warning : doc->warnings) std::cerr << "xref: " << args.file << ": " << warning << "\n";
  if (args.json) {
    for (const Passage& p : doc->passages) {
      std::cout << PassageJson(args.file, p).dump(-1, ' ', false,
                                                 nlohmann::json::error_handler_t::replace)
                << "\n";
    }
    return kExitOk;
  }
  const bool color = UseColor(global, STDOUT_FILENO);
  const char* dim = color ? "\033[2m" : "";
  const char* bold = color ? "\033[1m" : "";
  const char* reset = color ? "\033[0m" : "";
  std::cout << fmt::format("{}{}{}  ({}, {} passages{})\n\n", bold, doc->path, reset,
                           FormatName(doc->format), doc->passages.size(),
                           doc->pages ? fmt::format(", {} pages", *doc->pages) : "");
  for (const Passage& p : doc->passages) {
    std::string where;
    if (p.page) where += fmt::format("p.{} ", *p.page);
    if (!p.label.empty()) where += fmt::format("¶{} ", p.label);
    if (p.kind == PassageKind::kHeading) {
      std::cout << fmt::format("{}{:>4} {}{}{}{}\n", dim, p.n, where, reset, bold, p.text) << reset
                << "\n";
    } else {
      std::string bullet = p.kind == PassageKind::kListItem    ? "• "
                           : p.kind == PassageKind::kTableCell ? "| "
                                                               : "";
      std::cout << fmt::format("{}{:>4} {}{}{}{}\n", dim, p.n, where, reset, bullet, p.text);
    }
  }
  return kExitOk;
}

// `xref extract` reads one file per process (bench/run.sh runs it once per
// PDF, as it runs pdftotext), so the process ends as soon as its output is
// flushed, without the exit handlers: they would tear down Poppler's global
// tables, the document and the parsed command line (~0.7M instructions and
// ~30 page faults for a 10-page report) only for the kernel to free the
// memory anyway.
[[noreturn]] void EndProcess(int status) {
  std::cout.flush();
  std::fflush(stdout);
  std::fflush(stderr);
  std::_Exit(status);
}

}  // namespace

void AddExtractCommand(CLI::App& app, const GlobalOptions& global, RunFn* run) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* sub = app.add_subcommand(
      "extract",
      "Print the passages extracted from one file (PDF, HTML, DOCX, ODT, text), in reading order,\n"
      "with page, paragraph label and section; touches no index.");
  sub->add_option("FILE", args->file, "The file to read")->required();
  sub->add_flag("--json", args->json,
                "JSON Lines: {doc, n, page, label, section, kind, text} per passage");
  sub->callback([args, &global, run] {
    *run = [args, &global]() -> int { EndProcess(PrintExtract(*args, global)); };
  });
}

}  // namespace xref::cli
