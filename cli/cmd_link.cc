// `xref commitments`, `xref show`, `xref table`, `xref conflicts`: the
// commitment register and the cross-reference table, read from the index and
// handed to a printer (index/report.h).
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "index/link_store.h"
#include "index/report.h"
#include "index/store.h"

namespace xref::cli {
namespace {

struct LinkArgs {
  bool json = false;
  std::string actor;
  std::string id;
  std::string format = "md";
  std::string output;
  std::string doc;
  bool gaps = false;
};

// Opens the index read-only and reads the register, filtered.
Result<RegisterView> LoadView(const GlobalOptions& global, const LinkArgs& args) {
  Result<std::unique_ptr<sqlite::Database>> db = OpenIndexForReading(ResolveDbPath(global));
  if (!db.ok()) return db.status();
  Result<RegisterView> view = ReadRegister((*db)->get());
  if (!view.ok()) return view.status();
  TableOptions options;
  options.actor = args.actor;
  options.doc_glob = args.doc;
  options.gaps = args.gaps;
  return FilterView(*view, options);
}

// Writes `text` to --output, or standard output without one.
int Emit(const std::string& text, const std::string& output) {
  if (output.empty() || output == "-") {
    std::cout << text;
    std::cout.flush();
    return std::cout ? kExitOk : ReportError(Status::IoError("stdout", "write failed"));
  }
  std::ofstream out(output, std::ios::binary | std::ios::trunc);
  if (!out) return ReportError(Status::IoError(output, "cannot open for writing"));
  out << text;
  out.close();
  if (!out) return ReportError(Status::IoError(output, "write failed"));
  return kExitOk;
}

std::string JsonLines(const std::vector<nlohmann::json>& objects) {
  std::string out;
  for (const nlohmann::json& j : objects) {
    out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += "\n";
  }
  return out;
}

void AddActorOption(CLI::App* sub, LinkArgs* args) {
  sub->add_option("--actor", args->actor, "Only national commitments, or only the councils' own")
      ->check(CLI::IsMember({"national", "local"}))
      ->type_name("national|local");
}

}  // namespace

void AddLinkCommands(CLI::App& app, const GlobalOptions& global, RunFn* run) {
  auto args = std::make_shared<LinkArgs>();

  CLI::App* commitments = app.add_subcommand(
      "commitments", "The commitment register: one row per commitment, with its source and how "
                     "many documents discuss it");
  commitments->add_flag("--json", args->json, "JSON Lines, one object per commitment");
  AddActorOption(commitments, args.get());
  commitments->callback([run, args, &global] {
    *run = [args, &global] {
      Result<RegisterView> view = LoadView(global, *args);
      if (!view.ok()) return ReportError(view.status());
      return Emit(args->json ? JsonLines(view->commitments) : CommitmentsText(*view), "");
    };
  });

  CLI::App* show = app.add_subcommand(
      "show", "One commitment with every passage, in every document, that discusses it, and why");
  show->add_option("ID", args->id, "Commitment id, as `xref commitments` lists them (C12)")->required();
  show->add_flag("--json", args->json, "One JSON object with the commitment and its links");
  show->callback([run, args, &global] {
    *run = [args, &global] {
      Result<std::unique_ptr<sqlite::Database>> db = OpenIndexForReading(ResolveDbPath(global));
      if (!db.ok()) return ReportError(db.status());
      Result<nlohmann::json> c = ReadCommitment((*db)->get(), args->id);
      if (!c.ok()) return ReportError(c.status());
      return Emit(args->json ? JsonLines({*c}) : CommitmentDetailText(*c), "");
    };
  });

  CLI::App* table = app.add_subcommand(
      "table", "The cross-reference table: commitments x documents, each cell the passages "
               "(\"p.2 ¶12\") and the document's stance");
  table->add_option("--format", args->format, "md (default), csv, json (JSON Lines) or html")
      ->check(CLI::IsMember({"md", "csv", "json", "html"}));
  table->add_option("-o,--output", args->output, "Write to FILE instead of standard output")
      ->type_name("FILE");
  AddActorOption(table, args.get());
  table->add_option("--doc", args->doc, "Only documents whose path (or file name) matches GLOB")
      ->type_name("GLOB");
  table->add_flag("--gaps", args->gaps, "Only commitments that no other document discusses");
  table->callback([run, args, &global] {
    *run = [args, &global] {
      Result<RegisterView> view = LoadView(global, *args);
      if (!view.ok()) return ReportError(view.status());
      std::string text;
      if (args->format == "csv") {
        text = TableCsv(*view);
      } else if (args->format == "json") {
        text = TableJsonLines(*view);
      } else if (args->format == "html") {
        text = TableHtml(*view, ResolveDbPath(global));
      } else {
        text = TableMarkdown(*view);
      }
      return Emit(text, args->output);
    };
  });

  CLI::App* conflicts = app.add_subcommand(
      "conflicts", "Commitments that documents quote with different sums or dates");
  conflicts->add_flag("--json", args->json, "JSON Lines, one object per disagreement");
  AddActorOption(conflicts, args.get());
  conflicts->callback([run, args, &global] {
    *run = [args, &global] {
      Result<RegisterView> view = LoadView(global, *args);
      if (!view.ok()) return ReportError(view.status());
      return Emit(args->json ? JsonLines(view->conflicts) : ConflictsText(*view), "");
    };
  });
}

}  // namespace xref::cli
