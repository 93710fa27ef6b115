// Times what a reader does with an xref HTML report in headless Chromium
// (Debian's chromium, driven by the playwright-core in tests/browser/):
//
//   node bench/report_bench.mjs REPORT.html [RUNS] [FILTER_WORD]
//
// Each run opens the page in a fresh tab (1400 x 900) and measures, in
// milliseconds of wall time:
//   first rows  when the page's script has drawn the first rows (its
//            performance mark "xref:drawn"; for a page without the mark,
//            DOMContentLoaded, when a server-rendered table is parsed);
//   load     from navigation until the table's first row is on screen and
//            the page has painted twice after its load event (the main
//            thread is free: the page answers input), by the page's clock;
//   filter   typing FILTER_WORD (default "kinship") in the filter box: from
//            the input event until the row count has changed and the page
//            has painted twice (includes the page's own debounce, if any);
//   unfilter clearing the filter box again, the same way;
//   scroll   the slowest of ten steps scrolling the table down a screen,
//            each until painted;
//   sort     a click on the first document's column header, until painted;
//   expand   a click on a discussed cell in view, until its quoted passages
//            are painted;
//   print    page.pdf() in A4 landscape, with the print media emulated;
//            given up after XREF_REPORT_PRINT_TIMEOUT seconds (default 600).
// It also checks the PDF (pdftotext) for the last row's commitment and for
// the last quoted passage of the last row (print complete, cells expanded).
// Prints one line per run and the median of each measure.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(new URL('../tests/browser/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const [report, runsArg, wordArg] = process.argv.slice(2);
if (!report) {
  console.error('usage: node bench/report_bench.mjs REPORT.html [RUNS] [FILTER_WORD]');
  process.exit(2);
}
const runs = Number(runsArg || 3);
const word = wordArg || 'kinship';
const bytes = statSync(report).size;

// The last row's commitment wording and last passage, read from the page
// without a browser: the page either holds them as markup (<tr> rows) or as
// JSON in <script type="application/json" id="xref-data">.
function lastRowWords(html) {
  const data = html.match(/<script type="application\/json" id="xref-data">([\s\S]*?)<\/script>/);
  if (data) {
    const d = JSON.parse(data[1]);
    const more = html.match(/<script type="application\/json" id="xref-more">([\s\S]*?)<\/script>/);
    if (more) {
      const m = JSON.parse(more[1]);
      d.rows = d.rows.concat(m.rows);
      d.passages = d.passages.concat(m.passages);
    }
    const row = d.rows[d.rows.length - 1];
    const lastCell = row.cells[row.cells.length - 1];  // [doc, stance, refs, disagreement, passages]
    const quoted = lastCell[4];
    const p = quoted[quoted.length - 1];
    return { id: row.id, text: row.text, passage: Array.isArray(p) ? p[0] : d.passages[p][0] };
  }
  const rows = html.split('<tr id="');
  const last = rows[rows.length - 1];
  const text = last.match(/<span class="id">[^<]*<\/span>([^<]*)</)[1];
  const quotes = [...last.matchAll(/<blockquote>([^<]*)<cite>/g)];
  const unescape = s => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return { id: last.slice(0, last.indexOf('"')), text: unescape(text), passage: unescape(quotes[quotes.length - 1][1]) };
}

// Whether the PDF's text holds the words of `s` in order (pdftotext breaks
// lines and hyphenates where the page does; compare a run of words).
function pdfHas(pdfText, s) {
  const norm = t => t.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
  const words = norm(s).split(' ').slice(0, 8).join(' ');
  return norm(pdfText).includes(words);
}

const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const paint = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));

const last = lastRowWords(readFileSync(report, 'utf8'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const work = mkdtempSync(join(tmpdir(), 'report-bench-'));
const results = [];
try {
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = [];
    page.on('pageerror', e => errors.push(String(e)));
    const r = {};

    await page.addInitScript(`addEventListener('load', () => (${paint.toString()})().then(() => {
      window.__benchLoaded = performance.now(); }));`);
    let t0 = Date.now();
    await page.goto(pathToFileURL(report).href, { waitUntil: 'load', timeout: 120000 });
    await page.waitForSelector('#xref tbody tr td.commitment', { state: 'visible', timeout: 120000 });
    await page.waitForFunction(() => window.__benchLoaded !== undefined, null, { timeout: 120000 });
    // The page's own clock (ms since navigation) once it has painted twice
    // after its load event: no round trips to this process counted.
    r.load = await page.evaluate(() => window.__benchLoaded);
    r.loadWall = Date.now() - t0;
    r.nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      const at = name => { const m = performance.getEntriesByName(name)[0]; return m ? Math.round(m.startTime) : null; };
      return { dcl: Math.round(n.domContentLoadedEventEnd), loaded: Math.round(n.loadEventEnd),
               script: at('xref:script'), parsed: at('xref:parsed'), drawn: at('xref:drawn'),
               complete: at('xref:complete'), fcp: at('first-contentful-paint') };
    });

    // Filter and unfilter, timed inside the page (no round trips).
    const typeInFilter = async value => page.evaluate(async ([value, paintSrc]) => {
      const paint = eval(paintSrc);
      const box = document.getElementById('filter');
      const shown = document.getElementById('shown');
      const before = shown.textContent;
      const t0 = performance.now();
      const changed = new Promise(resolve => {
        const mo = new MutationObserver(() => { if (shown.textContent !== before) { mo.disconnect(); resolve(); } });
        mo.observe(shown, { childList: true, characterData: true, subtree: true });
      });
      box.value = value;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await changed;
      await paint();
      return { ms: performance.now() - t0, shown: shown.textContent };
    }, [value, paint.toString()]);
    const f = await typeInFilter(word);
    r.filter = f.ms; r.filtered = f.shown;
    const u = await typeInFilter('');
    r.unfilter = u.ms;

    // Scrolling the table a screen at a time, ten times: the slowest step.
    r.scroll = await page.evaluate(async paintSrc => {
      const paint = eval(paintSrc);
      const wrap = document.querySelector('.wrap');
      let worst = 0;
      for (let k = 0; k < 10; k++) {
        const t0 = performance.now();
        wrap.scrollTop += wrap.clientHeight;
        await paint();
        worst = Math.max(worst, performance.now() - t0);
      }
      wrap.scrollTop = 0;
      await paint();
      return worst;
    }, paint.toString());

    // Sort by the first document column (a click), then expand a cell.
    r.sort = await page.evaluate(async paintSrc => {
      const paint = eval(paintSrc);
      const th = document.querySelectorAll('#xref thead th')[1];
      const t0 = performance.now();
      th.click();
      await paint();
      return performance.now() - t0;
    }, paint.toString());
    r.expand = await page.evaluate(async paintSrc => {
      const paint = eval(paintSrc);
      const wrap = document.querySelector('.wrap') || document.scrollingElement;
      const cells = [...document.querySelectorAll('#xref tbody td.cell details:not([open]) summary')];
      const box = wrap.getBoundingClientRect();
      const summary = cells.find(s => { const b = s.getBoundingClientRect(); return b.top >= box.top + 40 && b.bottom <= box.bottom; });
      if (!summary) return -1;
      const details = summary.parentElement;
      const t0 = performance.now();
      summary.click();
      // The quoted passages may be written when the cell opens.
      while (!details.querySelector('blockquote')) await new Promise(r => setTimeout(r, 0));
      await paint();
      const ms = performance.now() - t0;
      return details.querySelector('blockquote').getBoundingClientRect().height > 0 ? ms : -ms;
    }, paint.toString());

    t0 = Date.now();
    await page.emulateMedia({ media: 'print' });
    let pdf = null;
    try {
      const limit = Number(process.env.XREF_REPORT_PRINT_TIMEOUT || 600) * 1000;
      let timer;
      pdf = await Promise.race([
        page.pdf({ format: 'A4', landscape: true }),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no PDF after ${limit / 1000} s`)), limit); }),
      ]).finally(() => clearTimeout(timer));
    } catch (e) {
      r.printError = String(e.message || e).split('\n')[0];
    }
    r.print = Date.now() - t0;
    if (pdf) {
      r.pdfBytes = pdf.length;
      const pdfPath = join(work, `run${run}.pdf`);
      writeFileSync(pdfPath, pdf);
      const text = execFileSync('pdftotext', ['-q', pdfPath, '-'], { maxBuffer: 1 << 30 }).toString();
      r.pdfPages = (text.match(/\f/g) || []).length;
      r.printLastRow = pdfHas(text, last.text);
      r.printLastPassage = pdfHas(text, last.passage);
    }
    r.errors = errors.length;
    await page.close({ runBeforeUnload: false });
    results.push(r);
    const ms = x => `${Math.round(x)} ms`;
    console.log(`run ${run + 1}: load ${ms(r.load)} (${ms(r.loadWall)} as seen by this script; ` +
                `first paint ${r.nav.fcp} ms, ` +
                (r.nav.script !== null ? `script starts ${r.nav.script} ms, first rows drawn ${r.nav.drawn} ms, all rows read ${r.nav.complete} ms, ` : '') +
                `DOMContentLoaded ${r.nav.dcl} ms, load event ${r.nav.loaded} ms), ` +
                `filter "${word}" ${ms(r.filter)} (${r.filtered}), unfilter ${ms(r.unfilter)}, scroll ${ms(r.scroll)}, sort ${ms(r.sort)}, ` +
                `expand ${r.expand < 0 ? 'FAILED ' : ''}${ms(Math.abs(r.expand))}, print ${ms(r.print)} ` +
                (r.printError ? `(FAILED: ${r.printError})` :
                 `(${r.pdfPages} pages, ${(r.pdfBytes / 1e6).toFixed(1)} MB; last row ${r.printLastRow ? 'in' : 'MISSING'}, ` +
                 `its last passage ${r.printLastPassage ? 'in' : 'MISSING'})`) + `, page errors ${r.errors}`);
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
const m = k => Math.round(median(results.map(r => Math.abs(r[k]))));
console.log(`\nreport ${report}: ${(bytes / 1e6).toFixed(2)} MB; median of ${runs} runs:`);
for (const r of results) r.firstRows = r.nav.drawn !== null ? r.nav.drawn : r.nav.dcl;
console.log(`| first rows drawn | load (interactive) | filter | unfilter | scroll a screen | sort | expand | print (A4 landscape PDF) | size |`);
console.log(`| --- | --- | --- | --- | --- | --- | --- | --- | --- |`);
console.log(`| ${m('firstRows')} ms | ${m('load')} ms | ${m('filter')} ms | ${m('unfilter')} ms | ${m('scroll')} ms | ${m('sort')} ms | ${m('expand')} ms | ` +
            `${m('print')} ms ` + (results.some(r => r.printError) ? `(FAILED: ${results.find(r => r.printError).printError})` :
            `(${results[0].pdfPages} pages; last row ${results.every(r => r.printLastRow) ? 'printed' : 'MISSING'}, ` +
            `its last passage ${results.every(r => r.printLastPassage) ? 'printed' : 'MISSING'})`) + ` | ${(bytes / 1e6).toFixed(2)} MB |`);
