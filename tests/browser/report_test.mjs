// Opens an xref HTML report in Debian's headless Chromium and checks what a
// reader sees: the rendered rows and columns, the filter box, sorting, and
// cells that expand to their quoted passages. Saves a screenshot.
//
//   node report_test.mjs REPORT.html SCREENSHOT.png EXPECTED.json
//
// EXPECTED.json: {"rows": N, "columns": M, "filter": "word"}: the rows and
// document columns the index holds, and a word to filter by (the rows that
// should stay are those whose text contains it, as the reader sees them).
// Prints "N passed, N failed" and exits non-zero on any failure.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [report, screenshot, expectedPath] = process.argv.slice(2);
const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
let passed = 0, failed = 0;
function check(ok, what) {
  if (ok) { passed++; } else { failed++; console.error('FAIL: ' + what); }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const requests = [];
  page.on('request', r => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  await page.goto(pathToFileURL(report).href);

  const rows = await page.locator('#xref tbody tr').count();
  const cols = await page.locator('#xref thead th').count();
  check(rows === expected.rows, `rows: got ${rows}, want ${expected.rows}`);
  check(cols === expected.columns + 1, `columns: got ${cols - 1} documents, want ${expected.columns}`);
  check(errors.length === 0, 'script errors: ' + errors.join('; '));
  check(requests.length === 0, 'the page fetched from outside: ' + requests.join(', '));

  // The header stays in view when the table scrolls.
  const headPos = await page.locator('#xref thead th').first().evaluate(e => getComputedStyle(e).position);
  check(headPos === 'sticky', `header position is ${headPos}, want sticky`);

  // Every discussed cell says its stance in words, not only by colour.
  const stances = await page.locator('#xref tbody .stance').allTextContents();
  check(stances.length > 0, 'no discussed cells rendered');
  check(stances.every(s => /^(welcomes|concerned|calls for|questions|neutral)$/.test(s.trim())),
        'a stance badge without its word: ' + stances.filter(s => !s.trim()).length);

  // Expanding a cell shows its quoted passages.
  const cell = page.locator('#xref tbody td.cell details').first();
  const quote = cell.locator('blockquote').first();
  check(!(await quote.isVisible()), 'passages visible before the cell is opened');
  await cell.locator('summary').click();
  check(await quote.isVisible(), 'passages not visible after clicking the cell');
  const quoted = (await quote.textContent()) || '';
  check(quoted.trim().length > 20, 'the expanded cell holds no passage text');

  // The filter box hides exactly the rows that do not contain the word.
  const wantShown = await page.locator('#xref tbody tr').evaluateAll(
      (trs, w) => trs.filter(tr => tr.textContent.toLowerCase().includes(w)).length,
      expected.filter.toLowerCase());
  check(wantShown > 0 && wantShown < rows, `filter word "${expected.filter}" matches ${wantShown} of ${rows} rows; choose one that splits them`);
  await page.fill('#filter', expected.filter);
  await page.waitForTimeout(300);
  const visible = await page.locator('#xref tbody tr:not([hidden])').count();
  check(visible === wantShown, `filter "${expected.filter}": ${visible} rows shown, want ${wantShown}`);
  await page.fill('#filter', 'zzzz-no-such-words');
  await page.waitForTimeout(300);
  check(await page.locator('#xref tbody tr:not([hidden])').count() === 0, 'a filter matching nothing still shows rows');
  await page.fill('#filter', '');
  await page.waitForTimeout(300);

  // Sorting by a document column puts the rows that document discusses first.
  const header = page.locator('#xref thead th').nth(1);
  await header.click();
  await header.click();  // descending: discussed (higher stance rank) first
  const firstCell = await page.locator('#xref tbody tr').first().locator('td').nth(1).getAttribute('data-sort');
  check(Number(firstCell) > 0, 'after sorting by the first document, the top row is not one it discusses');
  check(await header.getAttribute('aria-sort') === 'descending', 'sorted header does not say so (aria-sort)');

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', landscape: true });
  check(pdf.length > 1000, 'printing to A4 landscape produced nothing');
  await page.emulateMedia({ media: 'screen' });
  await page.screenshot({ path: screenshot, fullPage: false });
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
