// `xref tag [--json] [--date YYYY-MM-DD] [FILE|-]`: the tags in plain text.
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "pipeline/analysis_module.h"
#include "pipeline/extract.h"
#include "pipeline/tag.h"
#include "pipeline/tag_calendar.h"

namespace xref::cli {
namespace {

struct TagArgs {
  std::string file = "-";
  std::string date;
  std::string author;
  bool json = false;
};

Result<std::string> ReadInput(const std::string& file) {
  if (file == "-") {
    std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return text;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::NotFound(file, "cannot read the file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::IoError(file, "read failed");
  // A PDF, DOCX or ODT would be tagged as its bytes: say what to do instead.
  std::string bytes = buffer.str();
  Result<Format> format = DetectFormat(file, bytes);
  if (format.ok() && (*format == Format::kPdf || *format == Format::kDocx || *format == Format::kOdt)) {
    return Status::InvalidArgument(
        file, "is a " + std::string(FormatName(*format)) +
                  " file, and `xref tag` reads plain text: `xref extract FILE | xref tag -` tags "
                  "its text");
  }
  return bytes;
}

// The date a plain-text file states for itself in its first lines.
std::string StatedDate(const std::string& text) {
  Document doc;
  size_t pos = 0;
  for (int line = 0; line < 12 && pos < text.size(); ++line) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    Passage p;
    p.n = line + 1;
    p.text = text.substr(pos, std::min<size_t>(end - pos, 400));
    doc.passages.push_back(std::move(p));
    pos = end + 1;
  }
  return FindDocumentDate(doc);
}

std::string Amount(const std::optional<double>& n) {
  if (!n) return "?";
  return fmt::format("{:.10g}", *n);
}

// One short line describing a tag's value for the table.
std::string Describe(const Tag& t) {
  switch (t.kind) {
    case TagKind::kMoney:
      return fmt::format("{} {}{}", t.money.currency, Amount(t.money.amount),
                         t.money.per.empty() ? "" : " per " + t.money.per);
    case TagKind::kPercent:
      return fmt::format("{}{}", Amount(t.percent.percent), t.percent.points ? " points" : "%");
    case TagKind::kCount:
      return fmt::format("{}{} {}", t.count.qualifier.empty() ? "" : t.count.qualifier + " ",
                         Amount(t.count.count), t.count.unit);
    case TagKind::kDate: {
      std::string s = fmt::format("{} .. {} ({})", t.date.start.empty() ? "?" : t.date.start,
                                  t.date.end.empty() ? "?" : t.date.end, t.date.precision);
      if (!t.date.bound.empty()) s += " " + t.date.bound;
      if (t.date.relative) s += " relative";
      if (!t.date.timex.empty()) s += " timex=" + t.date.timex;
      return s;
    }
    case TagKind::kCommitment:
      return fmt::format("{} / {}: {}", t.commitment.actor, t.commitment.modality, t.commitment.action);
  }
  return "";
}

std::string Shorten(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return s.substr(0, cut) + "…";
}

int RunTag(const TagArgs& args, const GlobalOptions& global) {
  TagOptions options;
  if (!args.date.empty()) {
    if (!ParseIsoDate(args.date)) {
      return ReportError(Status::InvalidArgument("--date", "expected a date as YYYY-MM-DD, got '" +
                                                               args.date + "'"));
    }
    options.document_date = args.date;
  }
  options.author = args.author;
  Result<std::string> text = ReadInput(args.file);
  if (!text.ok()) return ReportError(text.status());
  // The tagger is a module (pipeline/analysis_module.h).
  if (Status s = LoadAnalysisModule(); !s.ok()) return ReportError(s);
  if (options.document_date.empty()) options.document_date = StatedDate(*text);

  Tagger tagger;
  std::vector<Tag> tags = tagger.Find(*text, options);
  if (args.json) {
    for (const Tag& t : tags) {
      std::cout << TagToJson(t).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    return kExitOk;
  }
  const bool color = UseColor(global, STDOUT_FILENO);
  const char* dim = color ? "\033[2m" : "";
  const char* bold = color ? "\033[1m" : "";
  const char* reset = color ? "\033[0m" : "";
  if (!options.document_date.empty()) {
    std::cout << fmt::format("{}document date {}{}\n", dim, options.document_date, reset);
  }
  std::cout << fmt::format("{}{:<11} {:>13}  {:<40}  {}{}\n", bold, "KIND", "BYTES", "TEXT", "VALUE", reset);
  for (const Tag& t : tags) {
    std::string text_cell = Shorten(t.text, 40);
    // Pad by characters, not bytes, so UTF-8 text lines up.
    size_t chars = 0;
    for (unsigned char c : text_cell) chars += (c & 0xC0) != 0x80;
    std::string pad(chars < 40 ? 40 - chars : 0, ' ');
    std::cout << fmt::format("{:<11} {}{:>13}{}  {}{}  {}\n", TagKindName(t.kind), dim,
                             fmt::format("{}-{}", t.start, t.end), reset, text_cell, pad, Describe(t));
  }
  std::cout << fmt::format("{}{} tags{}\n", dim, tags.size(), reset);
  return kExitOk;
}

}  // namespace

void AddTagCommand(CLI::App& app, const GlobalOptions& global, RunFn* run) {
  auto args = std::make_shared<TagArgs>();
  CLI::App* sub = app.add_subcommand(
      "tag",
      "Tag money, percentages, counts, dates and commitments in plain text (a file, or\n"
      "standard input with - or no FILE).");
  sub->add_option("FILE", args->file, "The text file to read, or - for standard input");
  sub->add_flag("--json", args->json,
                "JSON Lines: {kind, text, start, end, value} per tag (byte offsets)");
  sub->add_option("--date", args->date,
                  "The document's date (YYYY-MM-DD) for relative dates such as \"next year\";\n"
                  "default: a date the text states in its first lines");
  sub->add_option("--author", args->author, "Who \"we\" is in commitments (e.g. \"the LGA\")");
  sub->callback([args, &global, run] { *run = [args, &global] { return RunTag(*args, global); }; });
}

}  // namespace xref::cli
