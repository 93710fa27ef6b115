// See report_html.h. The page's CSS and JavaScript are written for this page
// alone: no framework, nothing fetched.
#include "index/report_html.h"

#include <map>
#include <set>

#include <fmt/format.h>

namespace xref {
namespace {

using nlohmann::json;

// HTML-escapes text as libxml2's xmlEncodeSpecialChars did (the page used it
// until libxml2 became a module's library, extract_module.h): the five
// characters below escaped, everything else as it is, up to the first NUL.
std::string Esc(std::string_view s) {
  std::string r;
  r.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\0': return r;
      case '<': r += "&lt;"; break;
      case '>': r += "&gt;"; break;
      case '&': r += "&amp;"; break;
      case '"': r += "&quot;"; break;
      case '\r': r += "&#13;"; break;
      default: r += c;
    }
  }
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
constexpr size_t kFirstRows = 40;         // rows drawn before the rest of the data is parsed

constexpr const char* kStances[] = {"welcomes", "concerned", "calls_for", "questions", "neutral"};

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
.wrap { overflow: auto; max-height: calc(100vh - 120px); border-top: 1px solid var(--line);
  overflow-anchor: none; }
.nojs .wrap, .nojs .tools input, .nojs #shown { display: none; }
table { border-collapse: separate; border-spacing: 0; table-layout: fixed; }
th, td { border-right: 1px solid var(--line); border-bottom: 1px solid var(--line);
  padding: 6px 8px; vertical-align: top; text-align: left; }
thead th { position: sticky; top: 0; background: var(--head); z-index: 2; cursor: pointer;
  font-weight: 600; user-select: none; overflow: hidden; text-overflow: ellipsis; }
thead th:focus-visible { outline: 2px solid var(--questions); outline-offset: -2px; }
thead th[aria-sort=ascending]::after { content: " \25B2"; }
thead th[aria-sort=descending]::after { content: " \25BC"; }
th.commitment, td.commitment { position: sticky; left: 0; background: #fff; z-index: 1; }
thead th.commitment { z-index: 3; background: var(--head); }
td.commitment .id { font-weight: 700; margin-right: 6px; }
td.commitment .meta, .p-row .meta { color: var(--muted); font-size: 12px; margin-top: 2px; }
tr.pad td { padding: 0; border: 0; }
tr.hit td { background-color: #fff8c5; }
.empty { padding: 16px; color: var(--muted); }
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
tr.gap td.commitment, .p-row.gap { border-left: 4px solid var(--concerned); }
.gap-key { color: var(--concerned); font-size: 12px; }
section.conflicts { padding: 8px 16px 24px; }
section.conflicts li { margin-bottom: 6px; }
footer { color: var(--muted); padding: 8px 16px 16px; font-size: 12px; }
noscript table { table-layout: auto; margin: 0 16px; }
noscript ul { margin: 0; padding-left: 18px; }
#print { display: none; }
.p-row { padding: 6px 0 8px 8px; border-bottom: 1px solid var(--line); }
.p-row h2 { font-size: 11pt; margin: 0; }
.p-row table { width: 100%; table-layout: auto; margin-top: 4px; }
.p-row td { padding: 3px 6px; }
.p-row td.doc { width: 22%; word-break: break-word; }
.p-row tr.conflict td { border-bottom: 2px solid var(--conflict); }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body { font-size: 9pt; }
  .tools input, .tools #shown, .wrap, footer { display: none; }
  #print { display: block; }
  /* A commitment's heading stays with what follows it, a quoted passage on
     one page; a document's passages may run on to the next page (a row
     that may not break but is taller than a page leaves a page blank). */
  .p-row h2, .p-row .meta { break-inside: avoid; break-after: avoid; }
  .p-row blockquote { break-inside: avoid; }
  .stance { color: #000; border: 1px solid #000; background: none !important; }
  blockquote { font-size: 8.5pt; }
}
)CSS";

// The page's script. The register is in two data islands (see
// RenderHtmlReport): #xref-data, right after the table, holds {docs: [{path,
// name}], stances: {code: [rank, word]}, total, passages: [[text, where],
// ...], rows: [{id, text, meta, gap, key, cells: [[doc index, stance, refs,
// disagreement, [passage index, ...]], ...]}]} for the first rows, and
// #xref-more, at the end of the page, {passages, rows} for the rest (read
// at DOMContentLoaded). A passage that discusses several commitments is
// stored once. It draws the rows in view into
// #xref's tbody between two spacer rows whose heights stand for the rows
// not drawn; row heights are measured as rows are drawn (an estimate until
// then), and the scroll position is kept on the row at the top of the view
// when a measure changes the heights above it.
constexpr const char* kScript = R"JS(
(function () {
  'use strict';
  // Marks for bench/report_bench.mjs: when the script starts, has the data, has drawn.
  var mark = function (name) { if (window.performance && performance.mark) performance.mark(name); };
  mark('xref:script');
  var data = JSON.parse(document.getElementById('xref-data').textContent);
  mark('xref:parsed');
  var docs = data.docs, rows = data.rows, stances = data.stances, passages = data.passages;
  var total = data.total, complete = rows.length === total;
  var table = document.getElementById('xref'), tbody = table.tBodies[0];
  var wrap = table.parentNode;
  var box = document.getElementById('filter'), count = document.getElementById('shown');
  var heads = table.tHead.rows[0].cells;
  var OVERSCAN = 6;  // rows drawn beyond each edge of the view

  function esc(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  function stanceHtml(code) {
    var st = stances[code] || stances.neutral;
    return '<span class="stance ' + esc(stances[code] ? code : 'neutral') + '">' + esc(st[1]) + '</span>';
  }
  function passagesHtml(cell) {
    return cell[4].map(function (k) {
      var p = passages[k];
      return '<blockquote>' + esc(p[0]) + '<cite>' + esc(p[1]) + '</cite></blockquote>';
    }).join('');
  }
  function flagHtml(cell) {
    return cell[3] ? '<span class="conflict-flag">disagrees: ' + esc(cell[3]) + '</span>' : '';
  }

  function prepare(r, i) {
    r.i = i;
    r.at = {};
    r.cells.forEach(function (c) { r.at[c[0]] = c; });
  }
  rows.forEach(prepare);
  var order = rows.slice();       // every row, in the sorted order
  var view = order;               // the rows the filter keeps, in that order
  var heights = rows.map(function () { return 0; });  // 0: not measured yet
  var measuredSum = 0, measuredCount = 0;
  var tops = null;                // tops[p]: offset of view[p] in the tbody
  var opened = {};                // "row:doc" of the cells the reader opened
  var drawn = new Map();          // row index -> its <tr>
  var first = 0, last = 0;        // view[first..last) are drawn
  var padTop = document.createElement('tr'), padBottom = document.createElement('tr');
  [padTop, padBottom].forEach(function (tr) {
    tr.className = 'pad';
    tr.setAttribute('aria-hidden', 'true');
    tr.innerHTML = '<td colspan="' + (docs.length + 1) + '"></td>';
  });
  var template = document.createElement('template');

  function estimate() { return measuredCount ? measuredSum / measuredCount : 60; }
  function computeTops() {
    var guess = estimate();
    tops = new Float64Array(view.length + 1);
    for (var p = 0; p < view.length; p++) tops[p + 1] = tops[p] + (heights[view[p].i] || guess);
  }
  // The first position p whose row ends below y.
  function rowAt(y) {
    var lo = 0, hi = view.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (tops[mid + 1] <= y) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  function rowHtml(r, p) {
    var out = '<tr id="' + esc(r.id) + '" data-row="' + r.i + '" aria-rowindex="' + (p + 2) + '"' +
        (r.gap ? ' class="gap"' : '') + '><td class="commitment"><span class="id">' + esc(r.id) +
        '</span>' + esc(r.text) + '<div class="meta">' + esc(r.meta) + '</div></td>';
    var next = 0;
    r.cells.forEach(function (c) {
      if (c[0] > next) out += blank(c[0] - next);
      var open = opened[r.i + ':' + c[0]];
      out += '<td class="cell' + (c[3] ? ' conflict' : '') + '" data-doc="' + c[0] + '" aria-colindex="' +
          (c[0] + 2) + '"><details' +
          (open ? ' open' : '') + '><summary>' + stanceHtml(c[1]) + '<span class="refs">' + esc(c[2]) +
          '</span>' + flagHtml(c) + '</summary>' + (open ? passagesHtml(c) : '') + '</details></td>';
      next = c[0] + 1;
    });
    if (docs.length > next) out += blank(docs.length - next);
    return out + '</tr>';
  }
  // A run of cells no document fills is one cell spanning their columns
  // (its background draws their borders): nearly every cell of a large
  // register is blank, and the browser styles and lays out far fewer cells.
  function blank(n) {
    return n === 1 ? '<td></td>' : '<td class="blank" colspan="' + n + '"></td>';
  }

  // Draws the rows in view (when `force`, or when the view left the rows
  // drawn), then measures them.
  function draw(force) {
    if (!tops) computeTops();
    var head = table.tHead.offsetHeight;
    // Until rows are drawn the wrap is only as tall as the header: draw a
    // window's height at least.
    var y = wrap.scrollTop - head, h = Math.max(wrap.clientHeight, window.innerHeight);
    var a = rowAt(Math.max(0, y)), b = Math.min(view.length, rowAt(y + h) + 1);
    if (!force && a >= first && b <= last && last > first) return;
    var anchor = a, anchorGap = y - tops[a];
    first = Math.max(0, a - OVERSCAN);
    last = Math.min(view.length, b + OVERSCAN);
    var html = '', wanted = [];
    for (var p = first; p < last; p++) {
      var r = view[p];
      if (!drawn.has(r.i)) html += rowHtml(r, p);
      wanted.push(r);
    }
    template.innerHTML = html;
    var made = template.content.children;
    for (var k = 0; k < made.length; k++) drawn.set(Number(made[k].getAttribute('data-row')), made[k]);
    var keep = new Map(), nodes = [padTop];
    wanted.forEach(function (r, k) {
      var tr = drawn.get(r.i);
      tr.setAttribute('aria-rowindex', first + k + 2);
      keep.set(r.i, tr);
      nodes.push(tr);
    });
    nodes.push(padBottom);
    drawn = keep;
    tbody.replaceChildren.apply(tbody, nodes);
    measure(anchor, anchorGap);
  }

  // Reads the heights of the drawn rows; when they differ from what the
  // spacers assumed, recomputes the offsets and keeps the row at the top of
  // the view where the reader saw it.
  function measure(anchor, anchorGap) {
    var changed = false;
    for (var p = first; p < last; p++) {
      var r = view[p], hgt = drawn.get(r.i).getBoundingClientRect().height;
      if (Math.abs(hgt - heights[r.i]) > 0.5) {
        if (heights[r.i]) { measuredSum -= heights[r.i]; measuredCount--; }
        heights[r.i] = hgt;
        measuredSum += hgt;
        measuredCount++;
        changed = true;
      }
    }
    if (changed) computeTops();
    padTop.firstChild.style.height = tops[first] + 'px';
    padBottom.firstChild.style.height = (tops[view.length] - tops[last]) + 'px';
    if (changed && anchor !== undefined && anchor < view.length && wrap.scrollTop > 0) {
      wrap.scrollTop = tops[anchor] + anchorGap + table.tHead.offsetHeight;
    }
  }

  // Forget what was drawn (the order or the filter changed) and draw again;
  // `more` when rows were only added at the end.
  function redraw(toTop, more) {
    if (!more) drawn = new Map();
    first = last = 0;
    computeTops();
    if (toTop) wrap.scrollTop = 0;
    draw(true);
    count.textContent = view.length + ' of ' + total + ' commitments' + (complete ? '' : ' (loading)');
    table.setAttribute('aria-rowcount', view.length + 1);
    printed = null;
  }

  var frame = 0;
  wrap.addEventListener('scroll', function () { draw(false); }, { passive: true });
  window.addEventListener('resize', function () {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(function () { draw(true); });
  });

  // Cells: passages are written when a cell opens.
  tbody.addEventListener('toggle', function (e) {
    var details = e.target;
    if (details.tagName !== 'DETAILS') return;
    var td = details.parentNode, tr = td.parentNode;
    var r = rows[Number(tr.getAttribute('data-row'))], doc = Number(td.getAttribute('data-doc'));
    var key = r.i + ':' + doc;
    if (details.open) {
      opened[key] = true;
      if (!details.querySelector('blockquote')) details.insertAdjacentHTML('beforeend', passagesHtml(r.at[doc]));
    } else {
      delete opened[key];
    }
    var y = wrap.scrollTop - table.tHead.offsetHeight, a = rowAt(Math.max(0, y));
    measure(a, y - tops[a]);
  }, true);

  // Filter: every word must occur in the row's text (its commitment and the
  // words, references and passages of its cells).
  var texts = null, words = [];
  function rowText(r) {
    var t = [r.id, r.text, r.meta];
    r.cells.forEach(function (c) {
      t.push((stances[c[1]] || stances.neutral)[1], c[2], c[3] ? 'disagrees: ' + c[3] : '');
      c[4].forEach(function (k) { t.push(passages[k][0], passages[k][1]); });
    });
    return t.join('\n').toLowerCase();
  }
  function keeps(r) {
    for (var k = 0; k < words.length; k++) if (texts[r.i].indexOf(words[k]) < 0) return false;
    return true;
  }
  function applyFilter() {
    words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length && !texts) texts = rows.map(rowText);
    view = words.length ? order.filter(keeps) : order;
    redraw(true);
  }
  var filterFrame = 0;
  box.addEventListener('input', function () {
    cancelAnimationFrame(filterFrame);
    filterFrame = requestAnimationFrame(applyFilter);
  });

  // Sort: by commitment number, or by a document's stance (discussed first
  // when descending); ties keep the register's order.
  var sorted = null;
  function sortBy(col, dir, keepScroll) {
    sorted = { col: col, dir: dir };
    var stanceRank = function (r) {
      var c = r.at[col - 1];
      return c ? (stances[c[1]] || stances.neutral)[0] : 0;
    };
    var key = col === 0 ? function (r) { return r.key; } : stanceRank;
    order = rows.slice().sort(function (x, y) {
      var kx = key(x), ky = key(y);
      var c = (typeof kx === 'number' && typeof ky === 'number') ? kx - ky : String(kx).localeCompare(String(ky));
      return c !== 0 ? dir * c : x.i - y.i;
    });
    Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
    heads[col].setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
    view = words.length ? order.filter(keeps) : order;
    redraw(!keepScroll);
  }
  Array.prototype.forEach.call(heads, function (th, col) {
    th.tabIndex = 0;
    var sort = function () { sortBy(col, th.getAttribute('aria-sort') === 'ascending' ? -1 : 1); };
    th.addEventListener('click', sort);
    th.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); }
    });
  });

  // Links to a commitment (#C12, from the list of disagreements): bring its
  // row into view, clearing the filter if it hides the row.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var r = rows.find(function (x) { return x.id === id; });
    if (!r) return;
    var p = view.indexOf(r);
    if (p < 0) { box.value = ''; words = []; view = order; redraw(false); p = view.indexOf(r); }
    wrap.scrollTop = tops[p];
    draw(true);
    wrap.scrollTop = tops[p];
    draw(false);
    wrap.scrollIntoView({ block: 'start' });
    var old = tbody.querySelector('tr.hit');
    if (old) old.classList.remove('hit');
    var tr = drawn.get(r.i);
    if (tr) tr.classList.add('hit');
  }
  window.addEventListener('hashchange', reveal);

  // Print: every row the filter keeps, in order, each with the documents
  // that discuss it and their passages, written when printing starts.
  var printed = null, printBox = document.getElementById('print');
  function buildPrint() {
    loadRest();
    if (printed === view) return;
    printed = view;
    var out = '<p>' + esc(count.textContent) + (words.length ? ' (filter: \u201c' + esc(box.value.trim()) + '\u201d)' : '') +
        '; under each, the documents that discuss it, with their stance and the passages quoted.</p>';
    view.forEach(function (r) {
      out += '<section class="p-row' + (r.gap ? ' gap' : '') + '"><h2>' + esc(r.id) + ' ' + esc(r.text) +
          '</h2><div class="meta">' + esc(r.meta) + '</div><table>';
      r.cells.forEach(function (c) {
        out += '<tr' + (c[3] ? ' class="conflict"' : '') + '><td class="doc">' + esc(docs[c[0]].name) +
            '</td><td>' + stanceHtml(c[1]) + ' <span class="refs">' + esc(c[2]) + '</span>' + flagHtml(c) +
            passagesHtml(c) + '</td></tr>';
      });
      out += '</table></section>';
    });
    printBox.innerHTML = out;
  }
  window.addEventListener('beforeprint', buildPrint);
  var printMedia = window.matchMedia('print');
  var onPrintMedia = function (e) { if (e.matches) buildPrint(); };
  if (printMedia.addEventListener) printMedia.addEventListener('change', onPrintMedia);
  else if (printMedia.addListener) printMedia.addListener(onPrintMedia);

  // The filter's texts, made while the reader looks at the page rather than
  // at the first key typed.
  var idle = window.requestIdleCallback || function (f) { return setTimeout(f, 500); };
  function prepareTexts() { idle(function () { if (!texts && complete) texts = rows.map(rowText); }); }

  // The rest of the rows, once the page is parsed: keeps the reader's
  // filter, order and place.
  function loadRest() {
    var island = document.getElementById('xref-more');
    if (complete || !island) return;
    var more = JSON.parse(island.textContent);
    passages = passages.concat(more.passages);
    more.rows.forEach(function (r) { prepare(r, rows.length); rows.push(r); heights.push(0); });
    complete = true;
    texts = null;
    if (words.length && !texts) texts = rows.map(rowText);
    if (sorted) {
      sortBy(sorted.col, sorted.dir, true);
    } else {
      order = rows.slice();
      view = words.length ? order.filter(keeps) : order;
      redraw(false, !words.length);
    }
    mark('xref:complete');
    if (location.hash) reveal();
    prepareTexts();
  }

  document.documentElement.className = '';
  redraw(false);
  mark('xref:drawn');
  if (complete) {
    mark('xref:complete');
    if (location.hash) reveal();
    prepareTexts();
  } else if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', loadRest);
  } else {
    loadRest();
  }
})();
)JS";

// The <script type="application/json"> that carries the register to the
// page's script (its shape is described above kScript). JSON cannot hold
// "</script>" or "<!--" once every '<' is written as \u003c: '<' appears
// only inside strings, where the escape means the same character.
std::string DataIsland(const json& data) {
  std::string text = data.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + text.size() / 64);
  for (char ch : text) {
    if (ch == '<') {
      out += "\\u003c";
    } else {
      out += ch;
    }
  }
  return out;
}

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
  std::map<std::string, size_t> column_of;
  json data_docs = json::array();
  for (size_t i = 0; i < documents.size(); ++i) {
    column_of.emplace(documents[i].path, i);
    data_docs.push_back({{"path", documents[i].path}, {"name", BaseName(documents[i].path)}});
  }
  json data_stances = json::object();
  for (const char* s : kStances) data_stances[s] = {StanceRank(s), StanceWord(s)};

  // The rows as data for the script, and as the plain list of <noscript>.
  json data_rows = json::array();
  json data_passages = json::array();
  std::map<std::pair<std::string, int64_t>, size_t> passage_index;
  size_t head_passages = 0;  // passages quoted by the first kFirstRows rows
  std::string plain;
  for (const json& row : rows) {
    const json& c = row.contains("commitment") ? row["commitment"] : json::object();
    std::string id = Str(c, "id");
    std::string source = c.contains("source") ? Str(c["source"], "doc") : "";
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
    // Sort key: the commitment's number when it has one ("C12" -> 12).
    json key = id;
    if (!num.empty() && num.find_first_not_of("0123456789") == std::string::npos && num.size() < 16) {
      key = std::stoll(num);
    }

    // Cells in column order; a document that is not a column is left out.
    std::map<size_t, const json*> by_column;
    if (row.contains("documents") && row["documents"].is_array()) {
      for (const json& d : row["documents"]) {
        auto col = column_of.find(Str(d, "doc"));
        if (col != column_of.end()) by_column[col->second] = &d;
      }
    }
    const bool gap = by_column.size() <= 1;
    json cells = json::array();
    std::string plain_cells;
    for (const auto& [column, cell_ptr] : by_column) {
      const json& cell = *cell_ptr;
      std::string stance = Str(cell, "stance");
      if (stance.empty()) stance = "neutral";
      std::string refs;
      json quoted = json::array();  // indices into data_passages
      for (const json& p : cell.value("passages", json::array())) {
        std::string ref = PassageRef(p);
        if (!refs.empty()) refs += ", ";
        refs += ref;
        std::string where = ref;
        std::string section = Str(p, "section");
        if (!section.empty()) where += (where.empty() ? "" : ", ") + section;
        // The same passage of the same document is quoted once in the data.
        size_t index = data_passages.size();
        if (p.contains("passage") && p["passage"].is_number_integer()) {
          auto [it, added] = passage_index.emplace(
              std::make_pair(documents[column].path, p["passage"].get<int64_t>()), index);
          index = it->second;
          if (added) data_passages.push_back({Str(p, "text"), where});
        } else {
          data_passages.push_back({Str(p, "text"), where});
        }
        quoted.push_back(index);
      }
      auto conflict = conflict_cells.find({id, documents[column].path});
      std::string disagrees = conflict == conflict_cells.end() ? "" : conflict->second;
      cells.push_back({column, stance, refs, disagrees, quoted});
      plain_cells += fmt::format("<li>{}: <span class=\"stance {}\">{}</span> {}{}</li>",
                                 Esc(BaseName(documents[column].path)), Esc(stance),
                                 Esc(StanceWord(stance)), Esc(refs),
                                 disagrees.empty() ? "" : " <strong>disagrees: " + Esc(disagrees) + "</strong>");
    }
    data_rows.push_back({{"id", id}, {"text", Str(c, "text")}, {"meta", meta}, {"gap", gap ? 1 : 0},
                         {"key", key}, {"cells", cells}});
    plain += fmt::format("<tr id=\"{}\"><td><strong>{}</strong> {}<div class=\"meta\">{}</div></td><td><ul>{}</ul></td></tr>\n",
                         Esc(id), Esc(id), Esc(Str(c, "text")), Esc(meta), plain_cells);
    if (data_rows.size() <= kFirstRows) head_passages = data_passages.size();
  }
  // The first rows (and the passages they quote, which come first) go in
  // a data island right after the table, with the script: the browser
  // draws them while it still parses the rest, which follows the page.
  const size_t head_rows = std::min(data_rows.size(), kFirstRows);
  json head = {{"docs", data_docs},
               {"stances", data_stances},
               {"total", data_rows.size()},
               {"passages", json(data_passages.begin(), data_passages.begin() + static_cast<std::ptrdiff_t>(head_passages))},
               {"rows", json(data_rows.begin(), data_rows.begin() + static_cast<std::ptrdiff_t>(head_rows))}};
  json rest = {{"passages", json(data_passages.begin() + static_cast<std::ptrdiff_t>(head_passages), data_passages.end())},
               {"rows", json(data_rows.begin() + static_cast<std::ptrdiff_t>(head_rows), data_rows.end())}};
  if (rest["passages"].is_null()) rest["passages"] = json::array();
  if (rest["rows"].is_null()) rest["rows"] = json::array();

  std::string out;
  out.reserve(8192 + rows.size() * 256 + documents.size() * 128);
  // "nojs" until the script runs: hides the interactive table, which only
  // the script fills, in favour of the <noscript> list.
  out += "<!DOCTYPE html>\n<html lang=\"en\" class=\"nojs\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  // A blank run of cells (see blank() in kScript) draws the borders of the
  // columns it spans, one every kCellWidth pixels.
  out += fmt::format(
      "<title>{}</title>\n<style>{}td.blank {{ background: repeating-linear-gradient(to right, "
      "transparent 0 {}px, var(--line) {}px {}px); }}\n</style>\n</head>\n<body>\n",
      Esc(info.title), kStyle, kCellWidth - 1, kCellWidth - 1, kCellWidth);
  out += fmt::format(
      "<header class=\"page\"><h1>{}</h1><p>{} commitments &times; {} documents{}</p></header>\n",
      Esc(info.title), rows.size(), documents.size(),
      conflicts.empty() ? ""
                         : fmt::format(", {} disagreement{}", conflicts.size(),
                                       conflicts.size() == 1 ? "" : "s"));
  out +=
      "<div class=\"tools\"><input type=\"search\" id=\"filter\" placeholder=\"Filter "
      "commitments (words in any cell)\" aria-label=\"Filter commitments\" aria-controls=\"xref\">"
      "<span id=\"shown\" aria-live=\"polite\"></span><span class=\"legend\">";
  for (const char* s : kStances) {
    out += fmt::format("<span><span class=\"stance {}\">{}</span></span>", s, StanceWord(s));
  }
  out += "<span class=\"gap-key\">&#9646; discussed only by its source</span>"
         "<span class=\"gap-key\" style=\"color:inherit\">blank cell: not discussed</span>";
  // Fixed column widths: the browser lays out the table from its header row
  // instead of measuring every cell, and rows drawn later line up with it.
  out += fmt::format(
      "</span></div>\n<div class=\"wrap\"><table id=\"xref\" role=\"grid\" aria-rowcount=\"{}\" "
      "aria-colcount=\"{}\" style=\"width:{}px\">\n<thead><tr aria-rowindex=\"1\">",
      rows.size() + 1, documents.size() + 1, kCommitmentWidth + kCellWidth * documents.size());
  out += fmt::format("<th class=\"commitment\" scope=\"col\" style=\"width:{}px\">Commitment</th>",
                     kCommitmentWidth);
  for (const ReportDocument& d : documents) {
    out += fmt::format("<th scope=\"col\" style=\"width:{}px\" title=\"{}\">{}</th>", kCellWidth,
                       Esc(d.title.empty() ? d.path : d.path + " \u2014 " + d.title), Esc(BaseName(d.path)));
  }
  out += "</tr></thead>\n<tbody></tbody></table></div>\n<div id=\"print\"></div>\n";
  out += "<script type=\"application/json\" id=\"xref-data\">";
  out += DataIsland(head);
  out += "</script>\n";
  out += fmt::format("<script>{}</script>\n", kScript);
  out += "<noscript><p class=\"empty\">Without JavaScript this page lists each commitment with the documents "
         "that discuss it; turn JavaScript on to see the table, filter, sort and read the quoted "
         "passages.</p>\n<table><thead><tr><th>Commitment</th><th>Discussed by</th></tr></thead><tbody>\n";
  out += plain;
  out += "</tbody></table></noscript>\n";

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
  out += "<script type=\"application/json\" id=\"xref-more\">";
  out += DataIsland(rest);
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace xref
