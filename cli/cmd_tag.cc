// Placeholder until the tagger lands (issue 3).
#include <iostream>

#include "cli/command.h"

namespace xref::cli {

void AddTagCommand(CLI::App& app, const GlobalOptions&, RunFn* run) {
  CLI::App* sub = app.add_subcommand("tag", "Tag money, percentages, counts, dates and commitments in text");
  sub->allow_extras();
  sub->callback([run] {
    *run = [] { return ReportError(Status::Unsupported("tag", "not yet implemented")); };
  });
}

}  // namespace xref::cli
