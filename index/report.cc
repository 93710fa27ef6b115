// Printers over the register's rows. See report.h.
#include "index/report.h"

#include <fnmatch.h>

#include <ctime>
#include <map>
#include <set>
#include <sstream>

#include "index/report_html.h"
#include "pipeline/link.h"

namespace xref {
namespace {

std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

// The file name of a path: table columns are named by it.
std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// A file name shortened to about `max_chars` for a column header, keeping its
// extension: a report's PDF and DOCX must stay tell-apart
// ("leicestershire-cfs-scr….pdf" / "….docx").
std::string ColumnName(const std::string& name, size_t max_chars) {
  size_t dot = name.find_last_of('.');
  if (dot == std::string::npos || name.size() - dot > 6 || dot == 0) {
    return ShortWording(name, max_chars);
  }
  std::string ext = name.substr(dot);
  if (name.size() <= max_chars) return name;
  return ShortWording(name.substr(0, dot), max_chars - ext.size()) + ext;
}

// Number of characters (not bytes) of UTF-8 text, for column widths.
size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string Pad(const std::string& s, size_t width) {
  size_t w = Width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string MdCell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::string Values(const nlohmann::json& list) {
  std::vector<std::string> parts;
  if (list.is_array()) {
    for (const nlohmann::json& v : list) parts.push_back(Str(v, "text"));
  }
  return Join(parts, "; ");
}

// The cell of one (commitment, document) pair.
std::string Cell(const nlohmann::json& d) {
  std::vector<std::string> refs;
  for (const nlohmann::json& p : d["passages"]) refs.push_back(PassageCitation(p));
  std::string cell = Join(refs, ", ");
  std::string stance = Str(d, "stance");
  if (!stance.empty() && stance != "neutral") cell += " (" + stance + ")";
  bool conflict = false;
  for (const char* field : {"money", "dates"}) {
    if (!d.contains(field)) continue;
    for (const nlohmann::json& v : d[field]) conflict |= v.value("conflict", false);
  }
  if (conflict) cell += " [differs]";
  return cell;
}

// Each row's cells by document path.
std::map<std::string, const nlohmann::json*> CellsOf(const nlohmann::json& row) {
  std::map<std::string, const nlohmann::json*> cells;
  for (const nlohmann::json& d : row["documents"]) cells[Str(d, "doc")] = &d;
  return cells;
}

}  // namespace

RegisterView FilterView(const RegisterView& view, const TableOptions& options) {
  RegisterView out;
  std::set<std::string> kept_docs;
  for (size_t i = 0; i < view.documents.size(); ++i) {
    if (!options.doc_glob.empty() &&
        fnmatch(options.doc_glob.c_str(), view.documents[i].c_str(), 0) != 0 &&
        fnmatch(options.doc_glob.c_str(), BaseName(view.documents[i]).c_str(), 0) != 0) {
      continue;
    }
    kept_docs.insert(view.documents[i]);
    out.documents.push_back(view.documents[i]);
    out.titles.push_back(i < view.titles.size() ? view.titles[i] : "");
  }
  std::set<std::string> kept_ids;
  for (size_t i = 0; i < view.rows.size(); ++i) {
    const nlohmann::json& c = view.commitments[i];
    bool local = c.value("local", false);
    if (options.actor == "national" && local) continue;
    if (options.actor == "local" && !local) continue;
    std::string source = Str(c["source"], "doc");
    if (options.gaps) {
      bool discussed_elsewhere = false;
      for (const nlohmann::json& d : view.rows[i]["documents"]) {
        discussed_elsewhere |= Str(d, "doc") != source;
      }
      if (discussed_elsewhere) continue;
    }
    nlohmann::json row = view.rows[i];
    nlohmann::json docs = nlohmann::json::array();
    for (const nlohmann::json& d : row["documents"]) {
      if (kept_docs.count(Str(d, "doc"))) docs.push_back(d);
    }
    row["documents"] = docs;
    out.commitments.push_back(c);
    out.rows.push_back(row);
    kept_ids.insert(Str(c, "id"));
  }
  for (const nlohmann::json& k : view.conflicts) {
    if (kept_ids.count(Str(k, "commitment"))) out.conflicts.push_back(k);
  }
  return out;
}

std::string PassageCitation(const nlohmann::json& p) {
  std::string out;
  if (p.contains("page") && p["page"].is_number()) out = "p." + std::to_string(p["page"].get<int64_t>());
  std::string label = Str(p, "label");
  if (!label.empty()) {
    if (!out.empty()) out += " ";
    out += "¶" + label;
  } else if (out.empty() && p.contains("passage")) {
    out = "§" + std::to_string(p["passage"].get<int64_t>());
  }
  return out;
}

std::string CommitmentsText(const RegisterView& view) {
  std::ostringstream out;
  for (const nlohmann::json& c : view.commitments) {
    std::string sums = Values(c["money"]);
    std::string dates = Values(c["dates"]);
    out << Pad(Str(c, "id"), 5) << " " << ShortWording(Str(c, "text"), 90);
    if (!sums.empty()) out << "  [" << sums << "]";
    if (!dates.empty()) out << "  [" << dates << "]";
    out << "\n      " << (c.value("local", false) ? "local, " : "") << "actor " << Str(c, "actor")
        << "; source " << BaseName(Str(c["source"], "doc")) << " " << PassageCitation(c["source"])
        << "; discussed in " << c.value("documents", 0) << " document(s)\n";
  }
  if (view.commitments.empty()) out << "No commitments in the index (run `xref index PATH...`).\n";
  return out.str();
}

std::string CommitmentDetailText(const nlohmann::json& c) {
  std::ostringstream out;
  out << Str(c, "id") << "  " << Str(c, "text") << "\n";
  // An entry read from a list or a table ("A review into how ...") has no
  // modal verb of its own: nothing is said rather than an empty field.
  const std::string modality = Str(c, "modality");
  out << "  actor: " << Str(c, "actor") << (c.value("local", false) ? " (local)" : "")
      << (modality.empty() ? "" : "; modality: " + modality) << "\n";
  std::string sums = Values(c["money"]);
  std::string dates = Values(c["dates"]);
  if (!sums.empty()) out << "  sums: " << sums << "\n";
  if (!dates.empty()) out << "  dates: " << dates << "\n";
  out << "  source: " << Str(c["source"], "doc") << " " << PassageCitation(c["source"]) << "\n";
  std::string doc;
  for (const nlohmann::json& l : c["links"]) {
    if (Str(l, "doc") != doc) {
      doc = Str(l, "doc");
      out << "\n" << doc << " (" << Str(l, "stance") << ")\n";
    }
    char score[32];
    std::snprintf(score, sizeof score, "%.2f", l.value("score", 0.0));
    out << "  " << PassageCitation(l) << "  score " << score;
    const nlohmann::json& ev = l["evidence"];
    if (ev.is_object()) {
      if (ev.value("states", false)) out << "  states it";
      std::vector<std::string> why;
      for (const nlohmann::json& p : ev["phrases"]) why.push_back("\"" + p.get<std::string>() + "\"");
      for (const nlohmann::json& t : ev["terms"]) why.push_back(t.get<std::string>());
      for (const nlohmann::json& v : ev["values"]) why.push_back(v.get<std::string>());
      if (!why.empty()) out << "  matched: " << Join(why, ", ");
    }
    out << "\n    " << ShortWording(Str(l, "text"), 300) << "\n";
  }
  return out.str();
}

std::string ConflictsText(const RegisterView& view) {
  std::ostringstream out;
  for (const nlohmann::json& k : view.conflicts) {
    out << Str(k, "commitment") << " (" << Str(k, "field") << ")  " << ShortWording(Str(k, "text"), 90)
        << "\n";
    for (const nlohmann::json& v : k["values"]) {
      out << "  " << Pad(Str(v, "text"), 22) << BaseName(Str(v, "doc")) << " " << PassageCitation(v)
          << "\n    " << ShortWording(Str(v, "quote"), 200) << "\n";
    }
  }
  if (view.conflicts.empty()) out << "No disagreements found.\n";
  return out.str();
}

std::string TableMarkdown(const RegisterView& view) {
  std::vector<std::string> header = {"ID", "Commitment", "Sums", "Dates"};
  for (const std::string& d : view.documents) header.push_back(ColumnName(BaseName(d), 28));
  std::vector<std::vector<std::string>> table;
  for (size_t i = 0; i < view.rows.size(); ++i) {
    const nlohmann::json& c = view.commitments[i];
    std::vector<std::string> line = {Str(c, "id"), MdCell(ShortWording(Str(c, "text"), 59)),
                                     MdCell(Values(c["money"])), MdCell(Values(c["dates"]))};
    std::map<std::string, const nlohmann::json*> cells = CellsOf(view.rows[i]);
    for (const std::string& d : view.documents) {
      auto it = cells.find(d);
      line.push_back(it == cells.end() ? "" : MdCell(Cell(*it->second)));
    }
    table.push_back(std::move(line));
  }
  std::vector<size_t> width(header.size(), 3);
  for (size_t k = 0; k < header.size(); ++k) width[k] = std::max(width[k], Width(header[k]));
  for (const auto& line : table) {
    for (size_t k = 0; k < line.size(); ++k) width[k] = std::max(width[k], std::min<size_t>(Width(line[k]), 60));
  }
  std::ostringstream out;
  auto row = [&](const std::vector<std::string>& cells) {
    out << "|";
    for (size_t k = 0; k < cells.size(); ++k) out << " " << Pad(cells[k], width[k]) << " |";
    out << "\n";
  };
  row(header);
  out << "|";
  for (size_t k = 0; k < header.size(); ++k) out << std::string(width[k] + 2, '-') << "|";
  out << "\n";
  for (const auto& line : table) row(line);
  return out.str();
}

std::string CsvField(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string TableCsv(const RegisterView& view) {
  std::ostringstream out;
  std::vector<std::string> header = {"id", "commitment", "actor", "local", "sums", "dates", "source"};
  for (const std::string& d : view.documents) header.push_back(d);
  for (size_t k = 0; k < header.size(); ++k) out << (k ? "," : "") << CsvField(header[k]);
  out << "\r\n";
  for (size_t i = 0; i < view.rows.size(); ++i) {
    const nlohmann::json& c = view.commitments[i];
    std::vector<std::string> line = {Str(c, "id"), Str(c, "text"), Str(c, "actor"),
                                     c.value("local", false) ? "yes" : "no", Values(c["money"]),
                                     Values(c["dates"]), Str(c["source"], "doc")};
    std::map<std::string, const nlohmann::json*> cells = CellsOf(view.rows[i]);
    for (const std::string& d : view.documents) {
      auto it = cells.find(d);
      line.push_back(it == cells.end() ? "" : Cell(*it->second));
    }
    for (size_t k = 0; k < line.size(); ++k) out << (k ? "," : "") << CsvField(line[k]);
    out << "\r\n";
  }
  return out.str();
}

std::string TableJsonLines(const RegisterView& view) {
  std::string out;
  for (const nlohmann::json& row : view.rows) {
    out += row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += "\n";
  }
  return out;
}

std::string TableHtml(const RegisterView& view, const std::string& database) {
  std::vector<ReportDocument> documents;
  for (size_t i = 0; i < view.documents.size(); ++i) {
    documents.push_back({view.documents[i], i < view.titles.size() ? view.titles[i] : ""});
  }
  HtmlReportInfo info;
  info.database = database;
  std::time_t now = std::time(nullptr);
  char date[16];
  std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
  info.generated_on = date;
  return RenderHtmlReport(documents, view.rows, view.conflicts, info);
}

}  // namespace xref
