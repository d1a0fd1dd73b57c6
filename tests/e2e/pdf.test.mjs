// The agency's published PDF (issue 16): dropped on /import, read in the browser into the
// same plan as its text, kept and explored at its own address; bad PDFs say why, and leave
// storage as it was. Fixtures and their hand-computed figures: core/tests/fixtures/pdf/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, assertClean, chooseFile, visit, keep, storageSnapshot, screenshot, fmt, setLanguage, dropFile } from './harness.mjs';

const PDFS = new URL('../../core/tests/fixtures/pdf/', import.meta.url);
const FIXTURES = ['taoyuan-labor-111', 'yilan-social-113', 'hsinchu-county-epb-113', 'keelung-industry-112', 'hsinchu-city-industry-113', 'hsinchu-city-industry-113-long'];

/** What the page itself fetches (site.requests also has the service worker's background caching). */
function pageRequests(page) {
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

const readResult = (page) => page.waitForSelector('[data-testid=import-headline], [data-testid=import-result] .diag.error', { timeout: 30_000 });

for (const name of FIXTURES) {
  test(`${name}.pdf dropped on /import: exact total, programmes and funding; kept, every view at its address`, async (t) => {
    const site = await openApp(t, '/import');
    const { page } = site;
    const expected = JSON.parse(await readFile(new URL(`${name}.expected.json`, PDFS), 'utf8'));
    const fetched = pageRequests(page);
    await dropFile(page, `${name}.pdf`, await readFile(new URL(`${name}.pdf`, PDFS)));
    await page.waitForSelector('[data-testid=keep]', { timeout: 30_000 });
    assert.ok(fetched.some((u) => /split_pdf/.test(u)), 'the PDF chunk is fetched for a PDF');
    const total = `${fmt(Number(expected.total))} 千元`;
    const count = expected.programme_count ?? expected.programmes.length;
    assert.equal(await page.textContent('[data-testid=import-total]'), total);
    assert.equal(Number(await page.textContent('[data-testid=import-count]')), count);
    assert.match(await page.textContent('[data-testid=import-source]'), new RegExp(`${name}\\.pdf（PDF，${expected.pages} 頁）`));
    assert.doesNotMatch(await page.textContent('[data-testid=import-diagnostics]'), /錯誤/);
    if (name === 'taoyuan-labor-111') await screenshot(page, 'pdf-import');

    const id = await keep(site, name);
    assert.equal(await page.textContent('[data-testid=total]'), total);
    assert.equal(Number(await page.textContent('[data-testid=programme-count]')), count);
    // A section built after the page (web/src/components/later.rs): wait for its rows.
    await page.waitForSelector('details.sources tbody tr', { state: 'attached' });
    const rows = await page.$$eval('details.sources tbody tr', (rs) => rs.map((r) => r.textContent));
    for (const [source, amount] of Object.entries(expected.funding_totals)) {
      const row = rows.find((r) => r.trim().startsWith(source));
      assert.ok(row, `${source} listed: ${rows.join(' | ')}`);
      assert.ok(row.includes(fmt(Number(amount))), `${source} ${amount}: ${row}`);
    }
    for (const view of ['treemap', 'goals', 'programmes', 'flow', 'whatif', 'notes']) {
      await visit(site, `/p/${id}/${view}`);
      assert.ok((await page.locator('main h1').innerText()).length > 0, `${view} has a heading`);
      assert.equal(await page.getByTestId('plan-missing').count(), 0, `${view} finds the plan`);
    }
    // Every figure traced to its page and line in the PDF.
    await visit(site, `/p/${id}/programme/1`);
    const prov = page.locator('dl.facts details.provenance').first();
    assert.match(await prov.locator('summary').innerText(), /^第 \d+ 頁 第 \d+(–\d+)? 行$/);
    await prov.locator('summary').click();
    // The figure as written, perhaps in full-width digits and wrapped over the cell's lines
    // (45，/ 200): the digits of the source lines, line numbers left out, in order.
    const budget = expected.programmes?.[0]?.budget;
    const digits = (text) => text.split('\n').map((l) => l.replace(/^\s*\d+\s{2}/, '').replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\D/g, '')).join('');
    if (budget) assert.ok(digits(await prov.locator('pre').innerText()).includes(budget), 'the source lines show the figure');
    await page.reload();
    await page.waitForSelector('dl.facts details.provenance');
    assertClean(site);
  });
}

test('plan text fetches no PDF code', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  const fetched = pageRequests(page);
  await chooseFile(page, 'plan.txt', await readFile(new URL('../../assets/plans/taoyuan-labor-111-plan.txt', import.meta.url)));
  await page.waitForSelector('[data-testid=keep]');
  assert.ok(!fetched.some((u) => /split_pdf/.test(u)), 'no PDF chunk');
  assertClean(site);
});

// Each says what is wrong in the reader's language, offers nothing to keep, and leaves
// what the reader had stored byte for byte as it was.
const BAD = [
  ['encrypted.pdf', /有密碼保護/],
  ['truncated.pdf', /錯誤/],
  ['not-a-pdf.pdf', /這不是 PDF 檔/],
  ['image-only.pdf', /OCR/],
  // The bundled plan's first page: its goals read, as a plan without a budget.
  ['no-table.pdf', /沒有找到預算表/],
  ['deep-nesting.pdf', /錯誤/],
  ['flate-bomb.pdf', /錯誤/],
  ['recursive-form.pdf', /錯誤/],
  ['page-tree-cycle.pdf', /錯誤/],
  ['lying-length.pdf', /錯誤|讀取成功/],
];

test('bad PDFs give their message, never a keep button or a page error, and storage is untouched', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  await page.evaluate(() => localStorage.setItem('plan-explorer.annotations.seed', JSON.stringify({ schema_version: 1, annotations: {}, scenario: 'v1~c10' })));
  const stored = await storageSnapshot(page);
  for (const [file, message] of BAD) {
    await visit(site, '/import');
    const t0 = Date.now();
    await dropFile(page, file, await readFile(new URL(`hostile/${file}`, PDFS)));
    await readResult(page);
    const shown = await page.textContent('[data-testid=import-result]');
    assert.match(shown, message, `${file}: ${shown}`);
    if (!/讀取成功/.test(shown)) assert.equal(await page.locator('[data-testid=keep]').count(), 0, `${file}: nothing to keep`);
    assert.ok(Date.now() - t0 < 20_000, `${file} read in bounded time (${Date.now() - t0} ms)`);
  }
  // Larger than the import page reads at all: refused before reading.
  await visit(site, '/import');
  await chooseFile(page, 'huge.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(51 * 1024 * 1024, 0x20)]));
  await page.waitForSelector('[data-testid=import-result] .diag.error');
  assert.match(await page.textContent('[data-testid=import-result]'), /檔案太大（51 MB）/);
  assert.equal(await storageSnapshot(page), stored, 'storage byte-identical');
  await screenshot(page, 'pdf-too-large');
  assertClean(site);
});

// A unit budget book's PDF (issue 33): its 歲出機關別預算表 pages read into the book's lines
// with their three years and reasons; every other page reported for what it is, in both
// languages. Figures: core/tests/fixtures/pdf/books/book-thousand.expected.json.
test('a budget book PDF: its spending table read with three years, its other pages named in both languages', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  await dropFile(page, 'book-thousand.pdf', await readFile(new URL('books/book-thousand.pdf', PDFS)));
  await readResult(page);
  assert.match(await page.textContent('[data-testid=import-total]'), /1,592,425/);
  assert.equal(await page.textContent('[data-testid=import-count]'), '5');
  const findings = await page.textContent('[data-testid=import-diagnostics]');
  assert.match(findings, /第 3–4 頁：預算總說明，不是本程式讀取的表格，未讀取。/);
  assert.match(findings, /第 6–8 頁：歲出機關別預算表，已讀取為預算表。/);
  await setLanguage(page, 'en');
  assert.match(await page.textContent('[data-testid=import-diagnostics]'), /pages 3–4: 預算總說明 \(budget overview\), not a table this reader reads; left out/);
  await setLanguage(page, 'zh');
  await keep(site, 'book PDF');
  await page.goto(`${page.url()}/programme/1`);
  await page.waitForSelector('[data-testid=book-figures]');
  assert.equal(await page.textContent('[data-testid=book-this-year]'), '258,536 千元');
  assert.equal(await page.textContent('[data-testid=book-last-year]'), '250,100 千元');
  assert.equal(await page.textContent('[data-testid=book-actual]'), '245,880 千元');
  assert.match(await page.textContent('[data-testid=book-explanation]'), /^本年度預算數258,536千元，內容如下：/);
  assert.match(await page.textContent('details.provenance summary'), /第 \d+ 頁/);
  await screenshot(page, 'book-pdf-line');
  assertClean(site);
});

// A book that prints this year only as 經常門 and 資本門 (no 合計 column): each line's budget
// is their sum, and the import says so. Figures: books/book-parts.expected.json.
test('a budget book PDF without a total column: this year is recurrent plus capital, said in both languages', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  await dropFile(page, 'book-parts.pdf', await readFile(new URL('books/book-parts.pdf', PDFS)));
  await readResult(page);
  assert.match(await page.textContent('[data-testid=import-total]'), /1,592,425/);
  assert.equal(await page.textContent('[data-testid=import-count]'), '5');
  assert.match(await page.textContent('[data-testid=import-diagnostics]'), /表格沒有本年度預算數的合計欄：每一項的本年度預算數是它的經常門加資本門。/);
  // Notes (the title, the unit, the pages, the sum) are not counted as warnings.
  assert.equal(await page.textContent('[data-testid=import-headline]'), '讀取成功，沒有問題（7 則提示）。');
  await setLanguage(page, 'en');
  assert.equal(await page.textContent('[data-testid=import-headline]'), 'Read without a problem (7 notes).');
  assert.match(await page.textContent('[data-testid=import-diagnostics]'), /each line's budget is its 經常門 \(recurrent\) plus its 資本門 \(capital\)/);
  assertClean(site);
});
