// Importing plans into the library (issue 5): a kept plan gets its own address with every
// view the bundled one has, survives reloads, and can be renamed, deleted (with undo),
// restored and backed up. A budget CSV is mapped column by column and becomes a plan whose
// programmes are its leaf lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, assertClean, visit, importAndKeep, keep, parseNumber, download, fmt, chooseFile, assertNoAxeViolations, TOTAL_TEXT } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url);
const fixture = await readFile(new URL('core/tests/fixtures/chiayi-labor-111.txt', ROOT), 'utf8');
const expected = JSON.parse(await readFile(new URL('core/tests/fixtures/chiayi-labor-111.expected.json', ROOT), 'utf8'));

test('an imported plan gets its own address, every view, and survives a reload', async (t) => {
  const site = await openApp(t, '/');
  const { page } = site;
  const id = await importAndKeep(site, fixture, '嘉義勞工 111');
  assert.equal(parseNumber(await page.textContent('[data-testid=total]')), Number(expected.total));
  assert.match(await page.textContent('[data-testid=imported-note]'), /嘉義勞工 111/);
  // The header follows the plan in view.
  assert.equal(await page.getAttribute('header.site nav a[href$="/treemap"]', 'href'), `/p/${id}/treemap`);
  for (const [route, selector] of [['treemap', 'svg.treemap g.cell'], ['goals', '[data-testid=goal-tree]'], ['programmes', 'table tbody tr'], ['programme/1', '[data-testid=programme-budget]'], ['flow', 'svg.sankey'], ['whatif', '[data-testid=whatif-row]'], ['notes', 'h1']]) {
    await visit(site, `/p/${id}/${route}`);
    await page.waitForSelector(selector);
  }
  await visit(site, `/p/${id}/programmes`);
  assert.equal(await page.locator('table tbody tr').count(), expected.programmes.length);
  // The bundled plan is untouched and still at the root.
  await visit(site, '/');
  assert.equal(await page.textContent('[data-testid=total]'), `${TOTAL_TEXT} 千元`);
  await visit(site, `/p/${id}`);
  assert.equal(parseNumber(await page.textContent('[data-testid=total]')), Number(expected.total));
  assertClean(site);
});

test('an address for a plan this browser does not have says so', async (t) => {
  const site = await openApp(t, '/p/nosuchplan/treemap');
  assert.match(await site.page.textContent('[data-testid=plan-missing]'), /找不到這份計畫/);
  assertClean(site);
});

test('the library lists, renames, deletes with undo, restores and backs up plans; the bundled plan cannot be deleted', async (t) => {
  const site = await openApp(t, '/');
  const { page } = site;
  const id = await importAndKeep(site, fixture, 'first name');
  await visit(site, '/library');
  assert.match(await page.textContent('[data-testid=library-bundled]'), /無法刪除/);
  assert.equal(await page.locator('[data-testid=library-bundled] button').count(), 0);
  assert.equal(await page.locator('[data-testid=library-row]').count(), 1);
  await assertNoAxeViolations(page);
  await page.fill(`#rename-${id}`, 'renamed plan');
  await page.getByRole('button', { name: '重新命名' }).click();
  await page.waitForSelector('[data-testid=library-row] >> text=renamed plan');
  const backup = await download(page, () => page.getByRole('button', { name: '備份' }).click());
  assert.match(backup.name, /-with-notes\.json$/);
  assert.equal(JSON.parse(backup.text).kind, 'plan-explorer-bundle');
  await page.getByRole('button', { name: '刪除', exact: true }).click();
  await page.waitForSelector('[data-testid=undo]');
  assert.equal(await page.locator('[data-testid=library-row]').count(), 0);
  await page.click('[data-testid=undo]');
  await page.waitForSelector('[data-testid=library-row]');
  // Deleted again, it waits in the bin across a reload and comes back from there.
  await page.getByRole('button', { name: '刪除', exact: true }).click();
  await visit(site, '/library');
  await page.waitForSelector('[data-testid=bin]');
  await page.getByRole('button', { name: '還原' }).click();
  await page.waitForSelector('[data-testid=library-row] >> text=renamed plan');
  await visit(site, `/p/${id}`);
  assert.equal(parseNumber(await page.textContent('[data-testid=total]')), Number(expected.total));
  assertClean(site);
});

test('a budget-book CSV is mapped by column, previewed with diagnostics, and kept as a plan of its leaf lines', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  const csv = [
    '款,項,目,名稱,本年度預算數(元)',
    '1,,,一般行政,"12,000,000"',
    '1,1,,行政管理,"7,000,000"',
    '1,1,1,人事費,"5,000,000"',
    '1,1,2,業務費,"2,000,000"',
    '1,2,,基本行政,"5,000,000"',
    '2,,,勞動服務,"3,500,500"',
    '2,1,,就業服務,"3,500,500"',
  ].join('\n');
  await page.fill('#import-text', csv);
  await page.click('.drop button');
  await page.waitForSelector('[data-testid=mapping]');
  // The guess: three levels, the name column, the amount in 元.
  assert.equal(await page.isChecked('#unit-yuan'), true);
  await assertNoAxeViolations(page);
  assert.match(await page.textContent('[data-testid=import-headline]'), /讀取成功/);
  assert.equal(await page.textContent('[data-testid=import-total]'), '15,500.5 千元');
  // Read as 千元 instead, the total is a thousand times larger.
  await page.check('#unit-thousand');
  await page.waitForFunction(() => document.querySelector('[data-testid=import-total]')?.textContent === '15,500,500 千元');
  await page.check('#unit-yuan');
  await page.waitForFunction(() => document.querySelector('[data-testid=import-total]')?.textContent === '15,500.5 千元');
  const id = await keep(site, '某局預算書');
  assert.equal((await page.textContent('main h1')).trim(), '某局預算書', 'a CSV has no title line: its name stands in');
  await assertNoAxeViolations(page);
  // A budget book's table is its tree: the top level, then every line once opened.
  await visit(site, `/p/${id}/programmes`);
  await page.waitForSelector('[data-testid=book-table] tbody tr');
  await page.click('button:has-text("全部展開")');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=book-table] tbody th a').length === 4);
  const names = await page.locator('[data-testid=book-table] tbody th a').allInnerTexts();
  assert.deepEqual(names.map((n) => n.trim()), ['人事費', '業務費', '基本行政', '就業服務']);
  // A budget book's treemap opens on its top level (款): 一般行政 and 勞動服務.
  await visit(site, `/p/${id}/treemap`);
  await page.waitForSelector('svg.treemap g.cell');
  assert.deepEqual(await page.locator('svg.treemap g.cell').evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label'))), ['一般行政：12,000 千元，77.42%', '勞動服務：3,500.5 千元，22.58%']);
  assertClean(site);
});

test('a CSV with a wrong amount is reported on its line and cannot be kept', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  await page.fill('#import-text', '款,名稱,金額\n1,甲,100\n2,乙,abc\n');
  await page.click('.drop button');
  await page.waitForSelector('[data-testid=mapping]');
  assert.match(await page.textContent('[data-testid=import-diagnostics]'), /第 3 行/);
  assert.equal(await page.locator('[data-testid=keep]').count(), 0);
  assertClean(site);
});

test('the programmes CSV the site exports imports back with the same total and funding', async (t) => {
  const site = await openApp(t, '/');
  const { page } = site;
  const file = await download(page, () => page.getByRole('button', { name: '計畫 CSV' }).click());
  assert.match(file.name, /programmes\.csv$/);
  await visit(site, '/import');
  await chooseFile(page, file.name, file.bytes);
  await page.waitForSelector('[data-testid=keep]');
  assert.equal(await page.textContent('[data-testid=import-total]'), `${TOTAL_TEXT} 千元`);
  const id = await keep(site, 'round trip');
  await visit(site, `/p/${id}`);
  const funding = await page.locator('.funding-bar table.legend tbody tr').allInnerTexts();
  assert.match(funding.join('\n'), new RegExp(fmt(352190)));
  assertClean(site);
});
