// Placeholder until the index lands (issue 5).
#include "cli/command.h"

namespace xref::cli {

void AddLinkCommands(CLI::App& app, const GlobalOptions&, RunFn* run) {
  for (const char* name : {"commitments", "show", "table", "conflicts"}) {
    CLI::App* sub = app.add_subcommand(name, "(not yet implemented)");
    sub->allow_extras();
    std::string n = name;
    sub->callback([run, n] {
      *run = [n] { return ReportError(Status::Unsupported(n, "not yet implemented")); };
    });
  }
}

}  // namespace xref::cli
