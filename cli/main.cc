// xref: find every document that discusses each commitment of a policy paper.
//
// This file only parses the global options and dispatches to a subcommand;
// the work is done by the libraries in pipeline/ and index/.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/command.h"
#include "pipeline/process.h"

namespace xref::cli {

std::string ResolveDbPath(const GlobalOptions& options) {
  if (!options.db.empty()) return options.db;
  if (const char* env = std::getenv("XREF_DB"); env != nullptr && *env != '\0') return env;
  return "xref.db";
}

bool UseColor(const GlobalOptions& options, int fd) {
  if (options.no_color) return false;
  if (const char* env = std::getenv("NO_COLOR"); env != nullptr && *env != '\0') return false;
  return isatty(fd) != 0;
}

int ReportError(const Status& status) {
  std::cerr << "xref: " << status.ToString() << "\n";
  return kExitError;
}

}  // namespace xref::cli

int main(int argc, char** argv) {
  using namespace xref::cli;
  CLI::App app{
      "xref finds the commitments in policy papers (sums, dates, undertakings) and every\n"
      "document that discusses each one: a searchable index of PDF, HTML, DOCX, ODT and text files,\n"
      "and cross-reference tables of commitments x documents.\n\n"
      "Typical use:\n"
      "  xref index corpus/          extract, tag, index and link every paper in a folder\n"
      "  xref table                  the cross-reference table (Markdown)\n"
      "  xref search \"kinship care\"  full-text search with page and paragraph\n"
      "  xref refresh                pick up new, changed and deleted papers\n\n"
      "Exit status: 0 success (search: found), 1 search found nothing, 2 usage or input error.",
      "xref"};
  app.set_version_flag("--version", "xref " XREF_VERSION);
  app.require_subcommand(1);
  app.fallthrough();

  GlobalOptions global;
  app.add_option("--db", global.db,
                 "Index file (default: $XREF_DB, else xref.db in the current directory)")
      ->type_name("FILE");
  app.add_flag("--no-color", global.no_color, "Never colour the output (also: $NO_COLOR)");

  RunFn run;
  AddIndexCommands(app, global, &run);
  AddLinkCommands(app, global, &run);
  AddExtractCommand(app, global, &run);
  AddTagCommand(app, global, &run);

  // Hidden: the isolated worker that index/refresh start (pipeline/process.h).
  CLI::App* worker = app.add_subcommand("__worker", "");
  worker->group("");
  worker->callback([&run] { run = [] { return xref::ServeProcessRequests(); }; });

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "xref: " << e.what() << "\n";
    std::cerr << "Run 'xref --help' for usage.\n";
    return kExitError;
  }
  if (!run) return kExitError;
  try {
    return run();
  } catch (const std::exception& e) {
    std::cerr << "xref: internal error: " << e.what() << "\n";
    return kExitError;
  }
}
