// The pieces the `xref` binary is made of. main.cc parses the global options
// and hands the chosen subcommand to one of the Add*Commands below; each
// command file parses its own options, calls the libraries and picks a printer.
// Nothing here holds logic that a library should own.
#pragma once

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "pipeline/status.h"

namespace xref::cli {

// Exit statuses (cli.md): 0 success / found, 1 search found nothing, 2 error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitNotFound = 1;
inline constexpr int kExitError = 2;

struct GlobalOptions {
  std::string db;        // --db; empty means $XREF_DB, then ./xref.db
  bool no_color = false; // --no-color
};

// --db, else $XREF_DB, else "xref.db".
std::string ResolveDbPath(const GlobalOptions& options);

// Colour only on a terminal, and never with --no-color or $NO_COLOR.
bool UseColor(const GlobalOptions& options, int fd);

// Prints "xref: <where>: <what>" on standard error; returns kExitError.
int ReportError(const Status& status);

// The function main() runs once arguments are parsed.
using RunFn = std::function<int()>;

// Each registers its subcommand(s) on `app`; when one is chosen on the
// command line, its callback stores the work to do in *run.
void AddExtractCommand(CLI::App& app, const GlobalOptions& global, RunFn* run);
void AddTagCommand(CLI::App& app, const GlobalOptions& global, RunFn* run);
void AddIndexCommands(CLI::App& app, const GlobalOptions& global, RunFn* run);   // index, refresh, search
void AddLinkCommands(CLI::App& app, const GlobalOptions& global, RunFn* run);    // commitments, show, table, conflicts

}  // namespace xref::cli
