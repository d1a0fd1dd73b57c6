// PDFs as Taiwanese agencies make them (issue 33): CID fonts on the CNS and Big5 CMaps,
// Identity-H subsets, Type 3 and dingbat fonts, Word's output; real budget books' excerpts;
// a 120-page book read in a worker with its progress shown; a page no font decodes named in
// both languages. Figures: each fixture's expected.json, or core/tests/pdf_books.rs for the
// real books (their own stated totals).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, assertClean, visit, keep, fmt, parseNumber, setLanguage, storageSnapshot, dropFile } from './harness.mjs';

const PDFS = new URL('../../core/tests/fixtures/pdf/', import.meta.url);
const FONTS = ['cns-msung-ucs2', 'cns-utf16-eten', 'cns-pmingliu-b5', 'cns-identity-subset', 'cns-type3', 'cns-dingbats', 'words-taichung-labor-112', 'words-taoyuan-youth-114'];

const reported = (page) => page.waitForSelector('[data-testid=import-headline], [data-testid=import-result] .diag.error', { timeout: 60_000 });

/** Every text the import page's progress line shows, in order (it changes faster than a poll). */
async function watchProgress(page) {
  await page.evaluate(() => {
    window.progressSeen = [];
    new MutationObserver(() => {
      const t = document.querySelector('[data-testid=import-busy]')?.textContent;
      if (t && window.progressSeen.at(-1) !== t) window.progressSeen.push(t);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

test('each font fixture dropped on /import: its total and count, then its first programme and funding', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  for (const name of FONTS) {
    const expected = JSON.parse(await readFile(new URL(`${name}.expected.json`, PDFS), 'utf8'));
    await visit(site, '/import');
    await dropFile(page, `${name}.pdf`, await readFile(new URL(`${name}.pdf`, PDFS)));
    await page.waitForSelector('[data-testid=keep]', { timeout: 30_000 });
    assert.equal(await page.textContent('[data-testid=import-total]'), `${fmt(Number(expected.total))} 千元`, name);
    assert.equal(Number(await page.textContent('[data-testid=import-count]')), expected.programmes.length, name);
    assert.doesNotMatch(await page.textContent('[data-testid=import-diagnostics]'), /錯誤|無法解碼/, name);
    const id = await keep(site, name);
    await visit(site, `/p/${id}/programme/1`);
    const first = expected.programmes[0];
    await page.locator('main h1', { hasText: first.name }).waitFor();
    assert.equal(await page.getByTestId('programme-budget').innerText(), `${fmt(Number(first.budget))} 千元`, name);
    const legend = await page.locator('.funding-bar tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.innerText.trim())));
    for (const { source, amount } of first.funding) {
      const row = legend.find((r) => r[0] === source);
      assert.ok(row, `${name}: ${source} in ${JSON.stringify(legend)}`);
      assert.equal(parseNumber(row[1]), Number(amount), `${name}: ${source}`);
    }
  }
  assertClean(site);
});

// The real books' excerpts (openfunltd/taiwan-budget-pdf-parser; books/README.md): one line's
// three years exactly, as the book prints them.
const REAL = [
  { file: 'moi-114-excerpt', total: '13,424,378 千元', count: '13', line: '一般行政', years: ['1,771,975 千元', '1,693,439 千元', '1,573,540 千元'] },
  { file: 'tpe-113-excerpt', total: '1,168,813 千元', count: '9', line: '行政管理', years: ['298,628 千元', '297,909 千元'] },
];

for (const book of REAL) {
  test(`the real book ${book.file}.pdf: its total, its lines and one line's years`, async (t) => {
    const site = await openApp(t, '/import');
    const { page } = site;
    await dropFile(page, `${book.file}.pdf`, await readFile(new URL(`books/${book.file}.pdf`, PDFS)));
    await reported(page);
    assert.equal(await page.textContent('[data-testid=import-total]'), book.total);
    assert.equal(await page.textContent('[data-testid=import-count]'), book.count);
    const id = await keep(site, book.file);
    await visit(site, `/p/${id}/programme/1`);
    await page.locator('main h1', { hasText: book.line }).waitFor();
    const shown = [];
    for (const testid of ['book-this-year', 'book-last-year', 'book-actual'].slice(0, book.years.length)) shown.push(await page.textContent(`[data-testid=${testid}]`));
    assert.deepEqual(shown, book.years);
    assertClean(site);
  });
}

test('a 120-page book is read in a worker: its progress shown page by page, then its total', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await watchProgress(page);
  await dropFile(page, 'book-long.pdf', await readFile(new URL('books/book-long.pdf', PDFS)));
  await reported(page);
  assert.ok(workers.some((u) => u.endsWith('/pdf-worker.js')), `read in the PDF worker: ${workers}`);
  const seen = await page.evaluate(() => window.progressSeen);
  const pages = seen.map((s) => /^正在讀取 PDF：第 (\d+) 頁，共 120 頁…$/.exec(s)?.[1]).filter(Boolean).map(Number);
  assert.ok(pages.length >= 3, `progress shown as it went: ${seen.join(' | ')}`);
  assert.deepEqual(pages, [...pages].sort((a, b) => a - b), 'pages counted up');
  assert.equal(await page.textContent('[data-testid=import-total]'), '1,592,425 千元');
  assert.equal(await page.textContent('[data-testid=import-count]'), '5');
  assert.match(await page.textContent('[data-testid=import-source]'), /book-long\.pdf（PDF，120 頁）/);
  assert.match(await page.textContent('[data-testid=import-diagnostics]'), /第 3–115 頁：預算總說明，不是本程式讀取的表格，未讀取。/);
  assertClean(site);
});

test('where no worker can start, the page reads the PDF itself, to the same figures', async (t) => {
  const site = await openApp(t, '/import', { init: () => { delete window.Worker; } });
  const { page } = site;
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await watchProgress(page);
  await dropFile(page, 'book-thousand.pdf', await readFile(new URL('books/book-thousand.pdf', PDFS)));
  await reported(page);
  assert.equal(await page.textContent('[data-testid=import-total]'), '1,592,425 千元');
  assert.equal(await page.textContent('[data-testid=import-count]'), '5');
  assert.ok((await page.evaluate(() => window.progressSeen)).some((s) => /第 \d+ 頁，共 9 頁/.test(s)), 'its progress shown too');
  assert.deepEqual(workers, [], 'read in the page');
  assertClean(site);
});

test('a page no font decodes is named in the report, in both languages, and the others are read', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  await dropFile(page, 'undecodable-page.pdf', await readFile(new URL('hostile/undecodable-page.pdf', PDFS)));
  await reported(page);
  const zh = await page.textContent('[data-testid=import-diagnostics]');
  assert.match(zh, /第 2 頁/);
  assert.match(zh, /這一頁的文字無法解碼：字型 .+ 的 97 個字（.+），所以這一頁不讀取。/);
  assert.match(zh, /Type 3/);
  await setLanguage(page, 'en');
  const en = await page.textContent('[data-testid=import-diagnostics]');
  assert.match(en, /page 2/i);
  assert.match(en, /this page's text cannot be decoded: 97 characters in the font/);
  assertClean(site);
});

test('a worker script that does not load: the page reads the PDF itself', async (t) => {
  const site = await openApp(t, '/import', { contextOptions: { serviceWorkers: 'block' } });
  const { page } = site;
  let asked = 0;
  await page.route('**/pdf-worker.js', (route) => { asked += 1; return route.fulfill({ status: 404, body: 'gone' }); });
  await dropFile(page, 'book-thousand.pdf', await readFile(new URL('books/book-thousand.pdf', PDFS)));
  await reported(page);
  assert.equal(asked, 1, 'the worker was tried');
  assert.equal(await page.textContent('[data-testid=import-total]'), '1,592,425 千元');
  // The failed fetch of the worker's script is the one error the browser logs.
  site.consoleErrors.splice(0, site.consoleErrors.length, ...site.consoleErrors.filter((e) => !/404|pdf-worker/.test(e)));
  assertClean(site);
});

test('a reader that stops with an error says so, keeps nothing, and leaves storage as it was', async (t) => {
  const site = await openApp(t, '/import', { contextOptions: { serviceWorkers: 'block' } });
  const { page } = site;
  // A worker whose read throws, as a trap in the reader would.
  await page.route('**/pdf-worker.js', (route) => route.fulfill({ contentType: 'text/javascript', body: "self.onmessage = () => self.postMessage({ error: 'RuntimeError: unreachable' });" }));
  const before = await storageSnapshot(page);
  await dropFile(page, 'book-thousand.pdf', await readFile(new URL('books/book-thousand.pdf', PDFS)));
  await page.waitForFunction(() => /出錯而中止/.test(document.querySelector('main')?.textContent ?? ''));
  assert.match(await page.textContent('main'), /讀取 PDF 的程式出錯而中止，沒有讀出任何數字：RuntimeError: unreachable/);
  assert.equal(await page.locator('[data-testid=keep]').count(), 0);
  assert.equal(await storageSnapshot(page), before);
  // Said again in English when the reader switches, as every message is.
  await setLanguage(page, 'en');
  assert.match(await page.textContent('[data-testid=import-result]'), /The PDF reader stopped with an error and read no figures: RuntimeError: unreachable/);
  assertClean(site);
});
