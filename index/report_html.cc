// See report_html.h. The page's CSS and JavaScript are written for this page
// alone: no framework, nothing fetched.
#include "index/report_html.h"

#include <libxml/entities.h>

#include <map>
#include <set>

#include <fmt/format.h>

namespace xref {
namespace {

using nlohmann::json;

// HTML-escapes text (libxml2 does the escaping).
std::string Esc(std::string_view s) {
  std::string in(s);
  xmlChar* out = xmlEncodeSpecialChars(nullptr, reinterpret_cast<const xmlChar*>(in.c_str()));
  if (out == nullptr) return "";
  std::string r(reinterpret_cast<const char*>(out));
  xmlFree(out);
  return r;
}

std::string Str(const json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

// A money or date value as a reader wants it: its text when it has one.
std::string ValueText(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object()) {
    for (const char* key : {"text", "label"}) {
      std::string s = Str(v, key);
      if (!s.empty()) return s;
    }
    if (v.contains("amount") && v["amount"].is_number()) {
      return fmt::format("{:.0f}", v["amount"].get<double>());
    }
    if (v.contains("start") || v.contains("end")) {
      return Str(v, "start") + ".." + Str(v, "end");
    }
  }
  if (v.is_number()) return v.dump();
  return "";
}

std::string ValuesText(const json& arr) {
  std::string out;
  if (!arr.is_array()) return out;
  std::set<std::string> seen;
  for (const json& v : arr) {
    std::string t = ValueText(v);
    if (t.empty() || !seen.insert(t).second) continue;
    if (!out.empty()) out += "; ";
    out += t;
  }
  return out;
}

// "p.2 ¶12", "¶3", "#41".
std::string PassageRef(const json& p) {
  std::string ref;
  if (p.contains("page") && p["page"].is_number()) ref = fmt::format("p.{}", p["page"].get<int>());
  std::string label = Str(p, "label");
  if (!label.empty()) ref += (ref.empty() ? "" : " ") + std::string("¶") + label;
  if (ref.empty() && p.contains("passage")) ref = "#" + p["passage"].dump();
  return ref;
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

int StanceRank(const std::string& stance) {
  static const std::map<std::string, int> kRank = {
      {"welcomes", 5}, {"calls_for", 4}, {"questions", 3}, {"concerned", 2}, {"neutral", 1}};
  auto it = kRank.find(stance);
  return it == kRank.end() ? 1 : it->second;
}

std::string StanceWord(const std::string& stance) {
  if (stance == "calls_for") return "calls for";
  return stance.empty() ? "neutral" : stance;
}

constexpr size_t kCommitmentWidth = 380;  // px
constexpr size_t kCellWidth = 190;        // px

constexpr const char* kStyle = R"CSS(
:root { --ink:#1b1f24; --muted:#5b6470; --line:#d5dae0; --head:#eef1f4;
  --welcomes:#1a7f37; --concerned:#b35900; --calls_for:#6f42c1; --questions:#0b5cad; --neutral:#57606a;
  --conflict:#cf222e; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  color: var(--ink); margin: 0; }
header.page { padding: 12px 16px; border-bottom: 1px solid var(--line); }
header.page h1 { font-size: 18px; margin: 0 0 4px; }
header.page p { margin: 0; color: var(--muted); }
.tools { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; padding: 8px 16px; }
.tools input[type=search] { font: inherit; padding: 6px 10px; width: min(420px, 90vw);
  border: 1px solid var(--line); border-radius: 6px; }
.legend span { margin-right: 10px; white-space: nowrap; }
.wrap { overflow: auto; max-height: calc(100vh - 120px); border-top: 1px solid var(--line); }
table { border-collapse: separate; border-spacing: 0; table-layout: fixed; }
th, td { border-right: 1px solid var(--line); border-bottom: 1px solid var(--line);
  padding: 6px 8px; vertical-align: top; text-align: left; }
thead th { position: sticky; top: 0; background: var(--head); z-index: 2; cursor: pointer;
  min-width: 120px; max-width: 220px; font-weight: 600; user-select: none; }
thead th[aria-sort=ascending]::after { content: " \25B2"; }
thead th[aria-sort=descending]::after { content: " \25BC"; }
th.commitment, td.commitment { position: sticky; left: 0; background: #fff; z-index: 1;
  min-width: 280px; max-width: 420px; }
thead th.commitment { z-index: 3; background: var(--head); }
td.commitment .id { font-weight: 700; margin-right: 6px; }
td.commitment .meta { color: var(--muted); font-size: 12px; margin-top: 2px; }
td.cell { min-width: 120px; max-width: 260px; }
.stance { display: inline-block; border-radius: 10px; padding: 0 7px; font-size: 12px;
  color: #fff; font-weight: 600; }
.stance.welcomes { background: var(--welcomes); } .stance.concerned { background: var(--concerned); }
.stance.calls_for { background: var(--calls_for); } .stance.questions { background: var(--questions); }
.stance.neutral { background: var(--neutral); }
details summary { cursor: pointer; list-style: none; }
details summary::-webkit-details-marker { display: none; }
details summary .refs { color: var(--muted); font-size: 12px; display: block; }
details[open] summary .refs::after { content: " (hide)"; }
blockquote { margin: 6px 0 0; padding: 4px 8px; border-left: 3px solid var(--line);
  font-size: 12.5px; color: #333; }
blockquote cite { display: block; color: var(--muted); font-style: normal; font-size: 11.5px; }
td.conflict { box-shadow: inset 0 0 0 2px var(--conflict); }
.conflict-flag { color: var(--conflict); font-weight: 700; font-size: 12px; display: block; }
tr.gap td.commitment { border-left: 4px solid var(--concerned); }
.gap-key { color: var(--concerned); font-size: 12px; }
section.conflicts { padding: 8px 16px 24px; }
section.conflicts li { margin-bottom: 6px; }
footer { color: var(--muted); padding: 8px 16px 16px; font-size: 12px; }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body { font-size: 9pt; }
  .tools input { display: none; }
  .wrap { overflow: visible; max-height: none; }
  thead th, th.commitment, td.commitment { position: static; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .stance { color: #000; border: 1px solid #000; background: none !important; }
}
)CSS";

constexpr const char* kScript = R"JS(
(function () {
  var table = document.getElementById('xref');
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var texts = null;
  var box = document.getElementById('filter');
  var count = document.getElementById('shown');
  function applyFilter() {
    if (!texts) texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
    var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var ok = words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      rows[i].hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = shown + ' of ' + rows.length + ' commitments';
  }
  var timer = 0;
  box.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(applyFilter, 80); });
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    th.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      var order = rows.map(function (r, i) { return i; });
      var key = rows.map(function (r) { return r.cells[col].getAttribute('data-sort') || '0'; });
      order.sort(function (a, b) {
        var x = key[a], y = key[b];
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return c !== 0 ? dir * c : a - b;
      });
      var frag = document.createDocumentFragment();
      var sorted = order.map(function (i) { return rows[i]; });
      if (texts) texts = order.map(function (i) { return texts[i]; });
      sorted.forEach(function (r) { frag.appendChild(r); });
      tbody.appendChild(frag);
      rows = sorted;
    });
  });
  var opened = [];
  window.addEventListener('beforeprint', function () {
    opened = Array.prototype.filter.call(document.querySelectorAll('details'), function (d) { return !d.open; });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () { opened.forEach(function (d) { d.open = false; }); });
  applyFilter();
})();
)JS";

}  // namespace

std::string RenderHtmlReport(const std::vector<ReportDocument>& documents,
                             const std::vector<json>& rows, const std::vector<json>& conflicts,
                             const HtmlReportInfo& info) {
  // Which (commitment, document) cells disagree, and with what.
  std::map<std::pair<std::string, std::string>, std::string> conflict_cells;
  for (const json& c : conflicts) {
    std::string id = Str(c, "commitment");
    if (!c.contains("values") || !c["values"].is_array()) continue;
    std::string all;
    for (const json& v : c["values"]) {
      if (!all.empty()) all += " vs ";
      all += Str(v, "text");
    }
    for (const json& v : c["values"]) {
      conflict_cells[{id, Str(v, "doc")}] = all;
    }
  }

  std::string out;
  out.reserve(4096 + rows.size() * documents.size() * 64);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n", Esc(info.title),
                     kStyle);
  out += fmt::format(
      "<header class=\"page\"><h1>{}</h1><p>{} commitments &times; {} documents{}</p></header>\n",
      Esc(info.title), rows.size(), documents.size(),
      conflicts.empty() ? ""
                         : fmt::format(", {} disagreement{}", conflicts.size(),
                                       conflicts.size() == 1 ? "" : "s"));
  out +=
      "<div class=\"tools\"><input type=\"search\" id=\"filter\" placeholder=\"Filter "
      "commitments (words in any cell)\" aria-label=\"Filter commitments\">"
      "<span id=\"shown\" aria-live=\"polite\"></span><span class=\"legend\">";
  for (const char* s : {"welcomes", "concerned", "calls_for", "questions", "neutral"}) {
    out += fmt::format("<span><span class=\"stance {}\">{}</span></span>", s, StanceWord(s));
  }
  out += "<span class=\"gap-key\">&#9646; discussed only by its source</span>"
         "<span class=\"gap-key\" style=\"color:inherit\">blank cell: not discussed</span>";
  // Fixed column widths: the browser lays out a 500 x 300 table from its
  // header row instead of measuring every cell.
  out += fmt::format(
      "</span></div>\n<div class=\"wrap\"><table id=\"xref\" style=\"width:{}px\">\n<thead><tr>",
      kCommitmentWidth + kCellWidth * documents.size());
  out += fmt::format("<th class=\"commitment\" scope=\"col\" style=\"width:{}px\">Commitment</th>",
                     kCommitmentWidth);
  for (const ReportDocument& d : documents) {
    out += fmt::format("<th scope=\"col\" style=\"width:{}px\" title=\"{}\">{}</th>", kCellWidth, Esc(d.path),
                       Esc(d.title.empty() ? BaseName(d.path) : BaseName(d.path)));
  }
  out += "</tr></thead>\n<tbody>\n";

  for (const json& row : rows) {
    const json& c = row.contains("commitment") ? row["commitment"] : json::object();
    std::string id = Str(c, "id");
    std::map<std::string, const json*> by_doc;
    if (row.contains("documents") && row["documents"].is_array()) {
      for (const json& d : row["documents"]) by_doc[Str(d, "doc")] = &d;
    }
    std::string source = c.contains("source") ? Str(c["source"], "doc") : "";
    bool gap = by_doc.size() <= 1;
    out += fmt::format("<tr id=\"{}\"{}>", Esc(id), gap ? " class=\"gap\"" : "");
    std::string meta;
    std::string sums = ValuesText(c.value("money", json::array()));
    std::string dates = ValuesText(c.value("dates", json::array()));
    if (!sums.empty()) meta += sums;
    if (!dates.empty()) meta += (meta.empty() ? "" : " · ") + dates;
    std::string actor = Str(c, "actor");
    if (!actor.empty()) meta += (meta.empty() ? "" : " · ") + actor;
    if (!source.empty()) meta += (meta.empty() ? "" : " · ") + std::string("source: ") + BaseName(source);
    std::string num = id;
    while (!num.empty() && !isdigit(static_cast<unsigned char>(num.front()))) num.erase(0, 1);
    out += fmt::format(
        "<td class=\"commitment\" data-sort=\"{}\"><span class=\"id\">{}</span>{}<div "
        "class=\"meta\">{}</div></td>",
        Esc(num.empty() ? id : num), Esc(id), Esc(Str(c, "text")), Esc(meta));
    for (const ReportDocument& d : documents) {
      auto it = by_doc.find(d.path);
      if (it == by_doc.end()) {
        // Most cells are empty: keep them bare (no text, no pseudo-element),
        // so that a 500 x 300 table stays a few megabytes and lays out quickly.
        out += "<td></td>";
        continue;
      }
      const json& cell = *it->second;
      std::string stance = Str(cell, "stance");
      if (stance.empty()) stance = "neutral";
      auto conflict = conflict_cells.find({id, d.path});
      std::string refs;
      const json passages = cell.value("passages", json::array());
      for (const json& p : passages) {
        if (!refs.empty()) refs += ", ";
        refs += PassageRef(p);
      }
      const bool disagrees = conflict != conflict_cells.end();
      out += fmt::format(
          "<td class=\"cell{}\" data-sort=\"{}\"><details><summary><span class=\"stance {}\">{}</span>"
          "<span class=\"refs\">{}</span>{}</summary>",
          disagrees ? " conflict" : "", StanceRank(stance), Esc(stance), Esc(StanceWord(stance)),
          Esc(refs),
          disagrees ? "<span class=\"conflict-flag\">disagrees: " + Esc(conflict->second) + "</span>"
                    : "");
      for (const json& p : passages) {
        std::string where = PassageRef(p);
        std::string section = Str(p, "section");
        if (!section.empty()) where += (where.empty() ? "" : ", ") + section;
        out += fmt::format("<blockquote>{}<cite>{}</cite></blockquote>", Esc(Str(p, "text")),
                           Esc(where));
      }
      out += "</details></td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody></table></div>\n";

  if (!conflicts.empty()) {
    out += "<section class=\"conflicts\"><h2>Disagreements</h2><ul>\n";
    for (const json& c : conflicts) {
      std::string id = Str(c, "commitment");
      out += fmt::format("<li><a href=\"#{}\">{}</a> ({}): ", Esc(id), Esc(id), Esc(Str(c, "field")));
      bool first = true;
      for (const json& v : c.value("values", json::array())) {
        if (!first) out += " &mdash; ";
        first = false;
        std::string where = BaseName(Str(v, "doc"));
        std::string ref = PassageRef(v);
        if (!ref.empty()) where += " " + ref;
        out += fmt::format("<strong>{}</strong> in {}", Esc(Str(v, "text")), Esc(where));
      }
      out += "</li>\n";
    }
    out += "</ul></section>\n";
  }
  out += fmt::format("<footer>Made by xref{}{}. Click a column header to sort; click a cell to read "
                     "the passages.</footer>\n",
                     info.database.empty() ? "" : " from " + Esc(info.database),
                     info.generated_on.empty() ? "" : " on " + Esc(info.generated_on));
  out += fmt::format("<script>{}</script>\n</body>\n</html>\n", kScript);
  return out;
}

}  // namespace xref
