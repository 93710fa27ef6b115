// Opens an xref HTML report in Debian's headless Chromium and checks what a
// reader sees: the rendered rows and columns, the filter box, sorting,
// cells that expand to their quoted passages, the printed PDF and the page
// without JavaScript. Saves a screenshot and the PDF.
//
//   node report_test.mjs REPORT.html SCREENSHOT.png EXPECTED.json REPORT.pdf
//
// EXPECTED.json: {"rows": N, "columns": M, "filter": "word", "table": PATH}:
// the rows and document columns the index holds, a word to filter by, and
// the `xref table --format json` output of the same index (JSON Lines), the
// truth the page is checked against: which commitments a word finds, what a
// cell quotes, what the last row says.
//
// The page draws only the rows in view, so every check that could be fooled
// by that looks beyond the view: scrolling through the table must reach
// every commitment exactly once, the filter must find rows that were not
// drawn when the page opened, and the PDF must hold the last row and its
// passages. Prints "N passed, N failed" and exits non-zero on any failure.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [report, screenshot, expectedPath, pdfPath] = process.argv.slice(2);
const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
const table = readFileSync(expected.table, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));
let passed = 0, failed = 0;
function check(ok, what) {
  if (ok) { passed++; } else { failed++; console.error('FAIL: ' + what); }
}

// What the reader can find in a row: its commitment and the quoted passages.
const rowWords = r => [r.commitment.text, ...r.documents.flatMap(d => d.passages.map(p => (p.text || '') + '\n' + (p.section || '')))]
    .join('\n').toLowerCase();
const allIds = table.map(r => r.commitment.id);
const word = expected.filter.toLowerCase();
const wantFiltered = table.filter(r => rowWords(r).includes(word)).map(r => r.commitment.id);

// Words as pdftotext gives them back (line breaks, hyphenation, ligatures
// aside): letters and digits, one space between.
const norm = t => t.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
const firstWords = (t, n) => norm(t).split(' ').slice(0, n).join(' ');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  // A short window, so that the bundled corpus's rows do not all fit.
  const page = await browser.newPage({ viewport: { width: 1400, height: 600 } });
  const requests = [];
  page.on('request', r => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  await page.goto(pathToFileURL(report).href);

  const drawnIds = () => page.locator('#xref tbody tr[data-row]').evaluateAll(trs => trs.map(tr => tr.id));
  const shown = async () => (await page.locator('#shown').textContent()).trim();
  // Scrolls the table from top to bottom, a view at a time, and returns the
  // commitments drawn on the way, in order, once each.
  const scrollThrough = () => page.evaluate(async () => {
    const wrap = document.querySelector('.wrap');
    const seen = [];
    const frame = () => new Promise(r => requestAnimationFrame(() => r()));
    wrap.scrollTop = 0;
    await frame();
    for (let guard = 0; guard < 10000; guard++) {
      const box = wrap.getBoundingClientRect();
      for (const tr of document.querySelectorAll('#xref tbody tr[data-row]')) {
        const b = tr.getBoundingClientRect();
        if (b.bottom > box.top && b.top < box.bottom && !seen.includes(tr.id)) seen.push(tr.id);
      }
      if (wrap.scrollTop + wrap.clientHeight >= wrap.scrollHeight - 1) break;
      wrap.scrollTop += wrap.clientHeight / 2;
      await frame();
    }
    wrap.scrollTop = 0;
    await frame();
    return seen;
  });

  const atLoad = await drawnIds();
  const cols = await page.locator('#xref thead th').count();
  check(await shown() === `${expected.rows} of ${expected.rows} commitments`,
        `row count says "${await shown()}", want ${expected.rows} of ${expected.rows}`);
  check(await page.locator('#xref').getAttribute('aria-rowcount') === String(expected.rows + 1), 'aria-rowcount');
  check(atLoad.length > 0 && atLoad[0] === allIds[0], `first row drawn is ${atLoad[0]}, want ${allIds[0]}`);
  if (expected.rows > 40) {
    check(atLoad.length < expected.rows, `all ${expected.rows} rows drawn at load: the page does not draw only the rows in view`);
  }
  check(cols === expected.columns + 1, `columns: got ${cols - 1} documents, want ${expected.columns}`);
  check(requests.length === 0, 'the page fetched from outside: ' + requests.join(', '));

  // Scrolling reaches every commitment, once, in the register's order.
  const scrolled = await scrollThrough();
  check(JSON.stringify(scrolled) === JSON.stringify(allIds),
        `scrolling through the table showed ${scrolled.length} rows, want ${allIds.length} in order` +
        (scrolled.length ? ` (missing: ${allIds.filter(id => !scrolled.includes(id)).slice(0, 5).join(', ')})` : ''));

  // The header stays in view when the table scrolls.
  const headPos = await page.locator('#xref thead th').first().evaluate(e => getComputedStyle(e).position);
  check(headPos === 'sticky', `header position is ${headPos}, want sticky`);

  // Every discussed cell says its stance in words, not only by colour.
  const stances = await page.locator('#xref tbody .stance').allTextContents();
  check(stances.length > 0, 'no discussed cells rendered');
  check(stances.every(s => /^(welcomes|concerned|calls for|questions|neutral)$/.test(s.trim())),
        'a stance badge without its word: ' + stances.filter(s => !s.trim()).length);

  // Expanding a cell shows its quoted passages, with where they are; they
  // are those the index holds for that commitment and document.
  const cell = page.locator('#xref tbody td.cell').first();
  const quote = cell.locator('blockquote').first();
  check(!(await quote.isVisible()), 'passages visible before the cell is opened');
  await cell.locator('summary').click();
  await quote.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
  check(await quote.isVisible(), 'passages not visible after clicking the cell');
  const quoted = ((await quote.textContent()) || '').trim();
  const cite = ((await quote.locator('cite').textContent()) || '').trim();
  check(quoted.length > 20, 'the expanded cell holds no passage text');
  const rowId = await cell.evaluate(td => td.parentNode.id);
  const docIndex = Number(await cell.getAttribute('data-doc'));
  const docName = ((await page.locator('#xref thead th').nth(docIndex + 1).textContent()) || '').trim();
  const truth = table.find(r => r.commitment.id === rowId)?.documents.find(d => d.doc.endsWith('/' + docName));
  check(truth && truth.passages.some(p => p.text && quoted.startsWith(p.text.trim().slice(0, 40))),
        `cell ${rowId} x ${docName} quotes "${quoted.slice(0, 60)}", not one of its passages`);
  check(cite.length > 0 && /p\.\d|¶|#\d/.test(cite), `a quoted passage without its page or paragraph: "${cite}"`);
  // An opened cell stays open when its row is scrolled away and back.
  await scrollThrough();
  check(await page.locator(`#xref tbody tr[id="${rowId}"] td[data-doc="${docIndex}"] details[open] blockquote`).count() > 0,
        'an opened cell closed after scrolling away and back');

  // The filter keeps exactly the rows whose words match, including rows
  // that were not drawn when the page opened.
  check(wantFiltered.length > 0 && wantFiltered.length < expected.rows,
        `filter word "${expected.filter}" matches ${wantFiltered.length} of ${expected.rows} rows; choose one that splits them`);
  const unseen = wantFiltered.filter(id => !atLoad.includes(id));
  check(unseen.length > 0 || expected.rows <= 40, `every row "${expected.filter}" finds was drawn at load; the check proves nothing`);
  await page.fill('#filter', expected.filter);
  await page.waitForFunction(n => document.getElementById('shown').textContent.startsWith(n + ' of'), wantFiltered.length,
                             { timeout: 5000 }).catch(() => {});
  check(await shown() === `${wantFiltered.length} of ${expected.rows} commitments`,
        `filter "${expected.filter}": "${await shown()}", want ${wantFiltered.length} of ${expected.rows}`);
  const filtered = await scrollThrough();
  check(JSON.stringify(filtered) === JSON.stringify(wantFiltered),
        `filter "${expected.filter}" shows ${filtered.join(' ')}; want ${wantFiltered.join(' ')}`);
  await page.fill('#filter', 'zzzz-no-such-words');
  await page.waitForFunction(() => document.getElementById('shown').textContent.startsWith('0 of'), null, { timeout: 5000 }).catch(() => {});
  check((await drawnIds()).length === 0, 'a filter matching nothing still shows rows');
  await page.fill('#filter', '');
  await page.waitForFunction(n => document.getElementById('shown').textContent.startsWith(n + ' of'), expected.rows,
                             { timeout: 5000 }).catch(() => {});

  // Sorting by a document column puts the rows that document discusses
  // first; sorting by commitment twice puts the last commitment on top.
  const header = page.locator('#xref thead th').nth(1);
  await header.click();
  await header.click();  // descending: discussed (higher stance rank) first
  check(await header.getAttribute('aria-sort') === 'descending', 'sorted header does not say so (aria-sort)');
  const firstDoc = ((await header.textContent()) || '').trim();
  const discussedBy = table.filter(r => r.documents.some(d => d.doc.endsWith('/' + firstDoc))).map(r => r.commitment.id);
  const sorted = await scrollThrough();
  check(discussedBy.length > 0 && sorted.slice(0, discussedBy.length).every(id => discussedBy.includes(id)) &&
        sorted.length === expected.rows,
        `after sorting by ${firstDoc}, the first ${discussedBy.length} rows are not the ones it discusses`);
  const idHeader = page.locator('#xref thead th').first();
  await idHeader.click();
  await idHeader.click();
  check((await drawnIds())[0] === allIds[allIds.length - 1],
        `sorted by commitment, descending: top row ${(await drawnIds())[0]}, want ${allIds[allIds.length - 1]}`);
  await idHeader.click();  // back to the register's order

  await page.screenshot({ path: screenshot, fullPage: false });

  // Printing: A4 landscape, every row with its passages, the last included.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', landscape: true });
  writeFileSync(pdfPath, pdf);
  await page.emulateMedia({ media: 'screen' });
  const pdfText = norm(execFileSync('pdftotext', ['-q', pdfPath, '-'], { maxBuffer: 1 << 28 }).toString());
  const pageSize = execFileSync('pdfinfo', [pdfPath]).toString().match(/Page size:\s*([\d.]+) x ([\d.]+)/);
  check(pageSize && Math.abs(Number(pageSize[1]) - 842) < 2 && Math.abs(Number(pageSize[2]) - 595) < 2,
        `PDF page size ${pageSize && pageSize[0]}, want A4 landscape (842 x 595 pt)`);
  const last = table[table.length - 1];
  check(pdfText.includes(firstWords(last.commitment.text, 10)), `the PDF lacks the last commitment (${last.commitment.id})`);
  const lastPassages = last.documents.flatMap(d => d.passages).filter(p => p.text && p.text.trim().length > 20);
  check(lastPassages.length > 0 && lastPassages.every(p => pdfText.includes(firstWords(p.text, 10))),
        `the PDF lacks a passage of the last commitment (${last.commitment.id}): cells are not printed expanded`);
  const missing = table.filter(r => !pdfText.includes(firstWords(r.commitment.text, 10))).map(r => r.commitment.id);
  check(missing.length === 0, `the PDF lacks ${missing.length} commitments: ${missing.slice(0, 5).join(', ')}`);
  check(errors.length === 0, 'script errors: ' + errors.join('; '));

  // A link to a commitment far down the table (as the list of
  // disagreements makes) opens the page at its row.
  const far = allIds[allIds.length - 2];
  const linked = await browser.newPage({ viewport: { width: 1400, height: 600 } });
  await linked.goto(pathToFileURL(report).href + '#' + encodeURIComponent(far));
  const farRow = linked.locator(`#xref tbody tr[id="${far}"]`);
  const inView = await farRow.evaluate(tr => {
    const b = tr.getBoundingClientRect(), w = document.querySelector('.wrap').getBoundingClientRect();
    return tr.classList.contains('hit') && b.top >= w.top && b.top < Math.min(w.bottom, innerHeight);
  }).catch(() => false);
  check(inView, `opening the page at #${far} does not show that row`);
  await linked.close();

  // Without JavaScript the page still lists every commitment with the
  // documents that discuss it, stance in words.
  const plain = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 1400, height: 600 } });
  await plain.goto(pathToFileURL(report).href);
  const plainRows = await plain.locator('noscript tbody tr').count();
  check(plainRows === expected.rows, `without JavaScript: ${plainRows} rows listed, want ${expected.rows}`);
  check(!(await plain.locator('.wrap').isVisible()), 'without JavaScript the empty interactive table shows');
  const plainStances = await plain.locator('noscript .stance').allTextContents();
  check(plainStances.length > 0 && plainStances.every(s => /^(welcomes|concerned|calls for|questions|neutral)$/.test(s.trim())),
        'without JavaScript, a stance without its word');
  await plain.close();
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
