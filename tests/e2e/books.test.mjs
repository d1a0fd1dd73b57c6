// Budget books (issue 32): each layout imported as a reader brings it, kept in real storage,
// and read back with its total counted once, its top level and one line's three years. The
// figures are the hand totals of core/tests/fixtures/books/{layouts,real}/README.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, assertClean, assertNoAxeViolations, chooseFile, download, keep, screenshot, storageSnapshot, texts, visit } from './harness.mjs';

const BOOKS = new URL('../../core/tests/fixtures/books/', import.meta.url);
const file = (path) => readFile(new URL(path, BOOKS));

async function choose(page, path) {
  const name = path.split('/').pop();
  await chooseFile(page, name, await file(path));
  await page.waitForSelector('[data-testid=mapping]');
}

const waitTotal = (page, want) => page.waitForFunction((w) => document.querySelector('[data-testid=import-total]')?.textContent === w, want);

test('the agency table with 節 999 rows: total counted once, the tree, one line with its three years and its reason', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  await choose(page, 'layouts/central-flat-999.csv');
  await waitTotal(page, '1,250,000 千元');
  assert.equal(await page.textContent('[data-testid=import-count]'), '4');
  const diags = await page.textContent('[data-testid=import-diagnostics]');
  assert.match(diags, /「地方補助」寫的增減是 9,000 千元，但本年度 400,000 減上年度 390,000 為 10,000 千元/);
  assert.match(await page.textContent('[data-testid=import-source]'), /central-flat-999\.csv（CSV）/);
  await keep(site, '示範部預算');
  assert.equal(await page.textContent('[data-testid=total]'), '1,250,000 千元');
  assert.match(await page.textContent('[data-testid=imported-note]'), /^你匯入的預算書，只儲存在這個瀏覽器：示範部預算/);
  assert.equal(await page.textContent('[data-testid=total-last-year]'), '1,210,000 千元');
  assert.equal(await page.textContent('[data-testid=total-actual]'), '1,155,000 千元');
  const top = await texts(page, '[data-testid=book-tree] > ul > li > details > summary .name');
  assert.deepEqual(top, ['示範部主管', '示範委員會主管']);
  // Opening a line shows the lines under it (示範部), built only then.
  await page.click('[data-testid=book-tree] > ul > li:first-child > details > summary');
  await page.waitForSelector('[data-testid=book-tree] > ul > li:first-child details ul li');
  assert.deepEqual(await texts(page, '[data-testid=book-tree] > ul > li:first-child > details > ul > li > details > summary .name'), ['示範部']);
  const source = await page.textContent('[data-testid=document-line]');
  assert.match(source, /資料來源：你匯入的預算書（歲出）「central-flat-999」（central-flat-999\.csv，CSV，SHA-256 [0-9a-f]{12}…）/);
  // A reload reads it back from storage: the same figures.
  await page.reload();
  await page.waitForSelector('[data-testid=book-tree]');
  assert.equal(await page.textContent('[data-testid=total]'), '1,250,000 千元');
  // The book's tree as a file: every line once, parents first, with every series.
  const lines = await download(page, () => page.click('.downloads button:has-text("科目 CSV")'));
  assert.match(lines.name, /-lines\.csv$/);
  const rows = lines.text.trim().split(/\r?\n/);
  assert.equal(rows.length, 1 + 11);
  assert.match(rows[0], /^level,code,name,path,leaf,budget_thousand_twd,/);
  assert.ok(rows.some((r) => r.startsWith('4,3205010100,一般行政,示範部主管 / 示範部 / 行政支出,true,450000,,,430000,420000,20000,20000,')), rows.join('\n'));
  const fdp = await download(page, () => page.click('.downloads button:has-text("budget-lines.csv")'));
  assert.equal(fdp.text.trim().split(/\r?\n/).length, 1 + 4, 'the data package holds the leaf lines');
  // One line's page: the book's three years, the change, the agency's explanation, its row.
  const url = page.url();
  await page.goto(`${url}/programme/1`);
  await page.waitForSelector('[data-testid=book-figures]');
  assert.equal(await page.textContent('[data-testid=book-this-year]'), '450,000 千元');
  assert.equal(await page.textContent('[data-testid=book-last-year]'), '430,000 千元');
  assert.equal(await page.textContent('[data-testid=book-actual]'), '420,000 千元');
  assert.equal(await page.textContent('[data-testid=book-change]'), '+20,000 千元 (+4.65%)');
  assert.equal(await page.textContent('[data-testid=book-explanation]'), '本年度預算數450,000千元，較上年度增列20,000千元，係人事費增加。');
  assert.equal(await page.textContent('[data-testid=book-path]'), '示範部主管 › 示範部 › 行政支出');
  assert.match(await page.textContent('details.provenance[open] summary'), /原文第 5–6 行/);
  assert.match(await page.textContent('details.provenance[open] pre'), /一般行政\t450,000/);
  assert.equal(await page.locator('[data-testid=programme-per-capita]').isVisible(), false, 'no population of its own: no per-resident figure');
  await assertNoAxeViolations(page);
  await screenshot(page, 'book-line');
  assertClean(site);
});

test('the central government .xlsx (code rows above names, names wrapped over rows): total, top level, one line', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  await chooseFile(page, 'dgbas-114-agency.xlsx', await file('real/dgbas-114-agency.xlsx'));
  await page.waitForSelector('[data-testid=sheet-picker]');
  await waitTotal(page, '24,913,759 千元');
  assert.match(await page.textContent('[data-testid=import-source]'), /dgbas-114-agency\.xlsx（XLSX，工作表「Sheet1」）/);
  await keep(site, '中央政府總預算 114 節錄');
  assert.equal(await page.textContent('[data-testid=total-last-year]'), '28,519,002 千元');
  assert.equal(await page.textContent('[data-testid=total-actual]'), '6,177,468 千元');
  const top = await texts(page, '[data-testid=book-tree] > ul > li > details > summary .name, [data-testid=book-tree] > ul > li.leaf > a');
  assert.deepEqual(top, ['僑務委員會主管', '調整軍公教人員待遇準備', '災害準備金', '第二預備金']);
  await screenshot(page, 'book-overview', { fullPage: false });
  await page.goto(page.url().replace(/\/?$/, '') + '/programme/3');
  await page.waitForSelector('[data-testid=book-figures]');
  assert.match(await page.textContent('h1'), /僑民僑團聯繫接待暨僑教中心服務/);
  assert.equal(await page.textContent('[data-testid=book-this-year]'), '220,956 千元');
  assert.equal(await page.textContent('[data-testid=book-last-year]'), '210,537 千元');
  assert.equal(await page.textContent('[data-testid=book-actual]'), '213,508 千元');
  assert.match(await page.textContent('details.provenance[open] summary'), /工作表「Sheet1」第 14–16 列/);
  assertClean(site);
});

test('the civic-tech CSV: lines named by their work plan, never 無細項, amounts in 元', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  await choose(page, 'real/g0v-twbudget-tw2019ap.csv');
  await waitTotal(page, '9,003,505 千元');
  assert.equal(await page.textContent('[data-testid=import-count]'), '25');
  const names = await texts(page, '[data-testid=import-result] table:not(.raw) tbody th[scope=row]');
  assert.equal(names.length, 25, names.join(' | '));
  assert.ok(!names.includes('無細項'), names.join(' '));
  assertClean(site);
});

test('the functional table with title rows and a two-row header, and the revenue table read as revenue', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  await chooseFile(page, 'dgbas-112-function.xls', await file('real/dgbas-112-function.xls'));
  await page.waitForSelector('[data-testid=sheet-picker]');
  await waitTotal(page, '209,733,665 千元');
  await choose(page, 'real/dgbas-103-revenue-flat.csv');
  await waitTotal(page, '1,271,304,000 千元');
  await keep(site, '歲入 103');
  assert.match(await page.textContent('.lede'), /預算書 · 歲入/);
  assert.match(await page.textContent('dl.facts'), /本年度歲入預算/);
  assertClean(site);
});

test('a unit the evidence cannot settle shows both readings and keeps nothing until the reader chooses', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  const stored = await storageSnapshot(page);
  await choose(page, 'layouts/round-millions-no-unit.csv');
  await page.waitForSelector('[data-testid=unit-choice]');
  assert.match(await page.textContent('[data-testid=unit-choice]'), /以千元讀：合計 43,000,000 千元.*以元讀：合計 43,000 千元/s);
  assert.equal(await page.locator('[data-testid=keep]').count(), 0, 'nothing to keep before the choice');
  assert.equal(await storageSnapshot(page), stored);
  await page.click('[data-testid=unit-choose-yuan]');
  await page.waitForSelector('[data-testid=keep]');
  await waitTotal(page, '43,000 千元');
  assert.equal(await page.locator('[data-testid=unit-choice]').count(), 0);
  assert.equal(await storageSnapshot(page), stored, 'still nothing stored until kept');
  assertClean(site);
});

test('a cross-tab is refused with what it is, in both languages', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  await choose(page, 'layouts/crosstab.csv');
  await page.waitForFunction(() => /交叉表/.test(document.querySelector('[data-testid=import-diagnostics]')?.textContent ?? ''));
  assert.equal(await page.locator('[data-testid=keep]').count(), 0);
  assertClean(site);
});

test('a book\'s treemap drills down one level at a time, by keyboard too, with a table twin and a trail back', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  await choose(page, 'layouts/central-flat-999.csv');
  await waitTotal(page, '1,250,000 千元');
  await keep(site, '示範部預算');
  const root = page.url();
  await page.goto(`${root}/treemap`);
  await page.waitForSelector('[data-testid=book-treemap-table] tbody tr');
  const level = () => texts(page, '[data-testid=book-treemap-table] tbody tr');
  assert.deepEqual(await level(), ['示範部主管\t1,000,000\t80%\t1 項', '示範委員會主管\t250,000\t20%\t1 項']);
  const cells = await page.$$eval('svg.treemap g.cell', (gs) => gs.map((g) => g.getAttribute('aria-label')));
  assert.deepEqual(cells, ['示範部主管：1,000,000 千元，80%', '示範委員會主管：250,000 千元，20%']);
  // Enter on the first cell opens the level under it, at an address of its own.
  await page.focus('svg.treemap g.cell');
  await page.keyboard.press('Enter');
  await page.waitForURL(/treemap\?at=\d+$/);
  await page.waitForFunction(() => document.querySelector('[data-testid=book-treemap-table] tbody tr')?.textContent.includes('示範部'));
  assert.deepEqual(await level(), ['示範部\t1,000,000\t100%\t2 項']);
  await page.click('[data-testid=book-treemap-table] tbody a');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=book-treemap-table] tbody tr').length === 2);
  assert.deepEqual(await level(), ['行政支出\t600,000\t60%\t2 項', '專案補助支出\t400,000\t40%\t1 項']);
  assert.deepEqual(await texts(page, '[data-testid=book-treemap-trail] li'), ['最上層', '示範部主管', '示範部']);
  await screenshot(page, 'book-treemap');
  await assertNoAxeViolations(page);
  // A leaf opens its page.
  await page.click('[data-testid=book-treemap-table] tbody tr:nth-child(2) a');
  await page.waitForFunction(() => document.querySelector('[data-testid=book-treemap-table] tbody tr')?.textContent.includes('地方補助'));
  await page.click('svg.treemap g.cell');
  await page.waitForSelector('[data-testid=book-figures]');
  assert.match(await page.textContent('h1'), /地方補助/);
  // Back to the top from the trail.
  await page.goto(`${root}/treemap?at=9999`);
  await page.waitForSelector('[data-testid=book-treemap-table] tbody tr');
  assert.equal((await level()).length, 2, 'a level that is not in the book shows the top level');
  assertClean(site);
});

test('a proposal beside its enacted budget shows the total cut and each line\'s cut', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  const ids = [];
  for (const [path, name] of [['layouts/proposal-115.csv', '預算案'], ['layouts/enacted-115.csv', '法定預算']]) {
    await visit(site, '/import');
    await choose(page, path);
    await page.waitForSelector('[data-testid=keep]');
    ids.push(await keep(site, name));
  }
  await visit(site, `/compare?a=${ids[0]}&b=${ids[1]}`);
  await page.waitForSelector('[data-testid=compare-totals]');
  assert.match(await page.textContent('[data-testid=compare-total-change]'), /^−800 千元/);
  const changes = await page.locator('[data-testid=compare-change]').allInnerTexts();
  assert.ok(changes.some((c) => /^[−-]600 千元 \([−-]20(\.0+)?%\)$/.test(c.trim())), changes.join('\n'));
  assert.ok(changes.some((c) => /^[−-]200 千元 \([−-]20(\.0+)?%\)$/.test(c.trim())), changes.join('\n'));
  assertClean(site);
});

test("a book's table keeps its tree: indented levels that open, sorting within a level, a filter that shows where a match sits", async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  await choose(page, 'layouts/central-flat-999.csv');
  await waitTotal(page, '1,250,000 千元');
  const id = await keep(site, '示範部預算');
  await visit(site, `/p/${id}/programmes`);
  await page.waitForSelector('[data-testid=book-table] tbody tr');
  const rows = () => page.$$eval('[data-testid=book-table] tbody tr', (trs) => trs.map((tr) => [tr.querySelector('th a, th button').textContent.replace(/^[▸▾] /, ''), tr.children[1].textContent]));
  assert.deepEqual(await rows(), [['示範部主管（1 項）', '1,000,000'], ['示範委員會主管（1 項）', '250,000']]);
  // Opening a line shows its lines, one level in.
  await page.click('[data-testid=book-table] tbody tr:first-child button.toggle');
  await page.waitForSelector('[data-testid=book-table] button.toggle[aria-expanded=true]');
  assert.deepEqual((await rows()).map((r) => r[0]), ['示範部主管（1 項）', '示範部（2 項）', '示範委員會主管（1 項）']);
  const indents = await page.$$eval('[data-testid=book-table] tbody th', (ths) => ths.map((th) => parseFloat(getComputedStyle(th).paddingLeft)));
  assert.ok(indents[1] > indents[0] && indents[2] === indents[0], `indented by level: ${indents}`);
  // Everything open, the biggest cut first within each level: the committee (−10,000) before the ministry.
  await page.click('button:has-text("全部展開")');
  await page.selectOption('[data-testid=book-table-order]', 'cut');
  await page.waitForFunction(() => document.querySelector('[data-testid=book-table] tbody tr th')?.textContent.includes('示範委員會主管'));
  const cut = (await rows()).map((r) => r[0]);
  assert.equal(cut.length, 11, 'every line once');
  assert.deepEqual(cut.slice(0, 4), ['示範委員會主管（1 項）', '示範委員會（1 項）', '行政支出（1 項）', '一般行政']);
  // A filter keeps each match with the lines it sits under.
  await page.fill('[data-testid=book-table-filter]', '人事費');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=book-table] tbody tr').length === 4);
  assert.deepEqual((await rows()).map((r) => r[0]), ['示範部主管（1 項）', '示範部（2 項）', '行政支出（2 項）', '一般行政']);
  await assertNoAxeViolations(page);
  await screenshot(page, 'book-table');
  assertClean(site);
});
