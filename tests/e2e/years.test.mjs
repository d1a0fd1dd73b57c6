// Years in series (issue 34): one city agency's books of three years and the last year's
// proposal and enacted budget, chosen at once on the import page and kept, then read as one
// line's history on its page and the whole book's on its overview. The figures are the
// fixtures' own (core/tests/fixtures/books/layouts/README.md; core/tests/series.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { SCREENSHOT_DIR, openApp, assertClean, assertNoAxeViolations, importAndKeep, screenshot, setLanguage, visit } from './harness.mjs';

const LAYOUTS = new URL('../../core/tests/fixtures/books/layouts/', import.meta.url);
const FILES = ['series-113.csv', 'series-114.csv', 'proposal-115.csv', 'enacted-115.csv'];

/** Keeps the four documents in one step; returns their ids by name (the batch names each
 * document by its title). */
async function keepStack(site) {
  const { page } = site;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'years-'));
  const paths = [];
  for (const name of FILES) {
    await writeFile(path.join(dir, name), await readFile(new URL(name, LAYOUTS)));
    paths.push(path.join(dir, name));
  }
  await page.setInputFiles('#import-file', paths);
  await page.waitForFunction((n) => {
    const rows = [...document.querySelectorAll('[data-testid=batch-item]')];
    return rows.length === n && rows.every((r) => r.dataset.state === 'ready');
  }, FILES.length, { timeout: 60_000 });
  await page.click('[data-testid=batch-keep]');
  await page.waitForSelector(`[data-testid=batch-summary] >> text=已保存 ${FILES.length} 份`);
  await visit(site, '/library');
  const links = await page.$$eval('[data-testid=library-row] th a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
  return Object.fromEntries(links.map(([name, href]) => [name, href.match(/\/p\/([^/]+)/)[1]]));
}

/** Waits until the years section has read every other document it found: they come in one
 * at a time after the page has painted, so the table grows until then. */
const settled = async (page) => {
  await page.waitForSelector('[data-testid=years]');
  await page.waitForFunction(() => !document.querySelector('[data-testid=years-reading]'));
};

/** The series table as [year, …figures] rows, the source column left out. */
const table = (page) => page.$$eval('[data-testid=years-table] tbody tr', (trs) => trs.map((tr) => [tr.querySelector('th').textContent, ...[...tr.querySelectorAll('td.num')].map((td) => td.textContent)]));

test('three years of one agency make a line\'s series, with its table twin and where each figure is from', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  const ids = await keepStack(site);
  const enacted = ids['示範市 115年度法定預算'];
  assert.ok(enacted, JSON.stringify(ids));
  // 一般行政 on the enacted budget's page: five years from four documents.
  await visit(site, `/p/${enacted}/programme/1`);
  await settled(page);
  assert.deepEqual(await table(page), [
    ['111 年度（2022）', '—', '—', '4,300 千元'],
    ['112 年度（2023）', '—', '4,600 千元', '4,800 千元'],
    ['113 年度（2024）', '—', '5,000 千元', '—'],
    ['114 年度（2025）', '—', '5,500 千元', '—'],
    ['115 年度（2026）', '6,000 千元', '6,000 千元', '—'],
  ]);
  // Each figure says where it is from; a later book's different figure is shown beside it.
  const row113 = page.locator('[data-testid=years-table] tr[data-year="113"]');
  assert.match(await row113.textContent(), /預算：「示範市 113年度總預算」的本年度預算數/);
  assert.equal(await row113.locator('[data-testid=years-disagree]').textContent(), '另一份文件列為 5,100 千元（「示範市 114年度總預算」的上年度預算數）');
  // The chart: plotters drew the lines; a focusable item per year says its figures.
  assert.ok(await page.$('[data-testid=years-chart] .plot polyline, [data-testid=years-chart] .plot path, [data-testid=years-chart] .plot line'), 'plotters drew the axis and lines');
  const labels = await page.$$eval('[data-testid=years-chart] .year-item', (gs) => gs.map((g) => g.getAttribute('aria-label')));
  assert.equal(labels.length, 5);
  assert.equal(labels[4], '115 年度（2026），預算案 6,000 千元，預算 6,000 千元，決算 —');
  await page.focus('[data-testid=years-chart] .year-item');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), labels[0]);
  await assertNoAxeViolations(page);
  await screenshot(page, 'years-line-1280-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'years-line-1280-dark');
  // A line one year's book does not have says so instead of a gap read as zero.
  await visit(site, `/p/${enacted}/programme/3`);
  await settled(page);
  assert.match(await page.textContent('[data-testid=years-missing]'), /示範市 113年度總預算/);
  assert.deepEqual((await table(page)).map((r) => r[0]), ['114 年度（2025）', '115 年度（2026）']);
  // English, one click away.
  await setLanguage(page, 'en');
  await page.waitForSelector('[data-testid=years-missing] >> text=not found');
  assertClean(site);
});

test('the proposal against the enacted budget: the council\'s cut in total, on the overview, at 360 px', async (t) => {
  const site = await openApp(t, '/import', { viewport: { width: 360, height: 740 } });
  const { page } = site;
  const ids = await keepStack(site);
  await visit(site, `/p/${ids['示範市 115年度法定預算']}`);
  await settled(page);
  const row115 = page.locator('[data-testid=years-table] tr[data-year="115"]');
  assert.deepEqual(await row115.locator('td.num').allTextContents(), ['10,000 千元', '9,200 千元', '—']);
  assert.equal(await row115.locator('[data-testid=years-enacted-change]').textContent(), '議會審定增減 −800 千元');
  // 114: the book of that year and both 115 documents agree on 9,000.
  assert.deepEqual(await page.locator('[data-testid=years-table] tr[data-year="114"] td.num').allTextContents(), ['—', '9,000 千元', '—']);
  // The top level's three years as grouped bars: plotters drew them, the table says the same.
  await page.waitForSelector('[data-testid=grouped-table] tbody tr');
  const grouped = await page.$$eval('[data-testid=grouped-table] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(grouped, [['示範局主管', '9,200 千元', '9,000 千元', '—']]);
  assert.ok(await page.$('[data-testid=grouped-chart] .plot rect'), 'plotters drew the bars');
  const bar = page.locator('[data-testid=grouped-chart] .bar-item').first();
  assert.equal(await bar.getAttribute('aria-label'), '示範局主管：本年度預算數 9,200 千元，上年度預算數 9,000 千元，前年度決算數 —');
  await bar.focus();
  assert.equal(await page.evaluate(() => document.activeElement.closest('.bar-item') !== null), true);
  await page.locator('[data-testid=grouped-chart]').screenshot({ path: path.join(SCREENSHOT_DIR, 'grouped-bars-360-light.png') });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const wide = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => !e.closest('.table-wrap') && e.getBoundingClientRect().right > document.documentElement.clientWidth).slice(0, 5).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + ' ' + e.textContent.slice(0, 30) + ' in ' + e.parentElement.className + '/' + e.parentElement.parentElement.className));
  assert.ok(overflow <= 0, `the page does not scroll sideways (${overflow} px): ${wide.join(', ')}`);
  await page.locator('[data-testid=years-chart]').scrollIntoViewIfNeeded();
  await screenshot(page, 'years-overview-360-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'years-overview-360-dark');
  await assertNoAxeViolations(page);
  // A book alone still has its own three years; a plan alone shows no series.
  await visit(site, '/');
  await page.waitForSelector('main h1');
  assert.equal(await page.locator('[data-testid=years]').count(), 0);
  assertClean(site);
});

test('two years of a plan: what changed against the bundled FY111 plan, a renamed programme matched, an ended one named', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  const text = await readFile(new URL('../../core/tests/fixtures/years/taoyuan-labor-112-edited.txt', import.meta.url), 'utf8');
  const id = await importAndKeep(site, text, '勞動局 112（測試用）');
  // A plan gives no last year: the page offers another document to compare with.
  await visit(site, `/p/${id}/changes`);
  await page.waitForSelector('[data-testid=changes-none]');
  await page.selectOption('[data-testid=changes-against]', 'seed');
  await page.waitForURL(/against=seed/);
  await page.waitForSelector('[data-testid=changes-summary]');
  assert.match(await page.textContent('[data-testid=changes-summary]'), /^本文件 492,570 千元，「勞動局 111年度施政計畫」507,013 千元，增減 −14,443 千元（−2\.85%）。/);
  const first = () => page.evaluate(() => {
    const tr = document.querySelector('[data-testid=changes-table] tbody tr');
    return [tr.querySelector('th a, th span').textContent, ...[...tr.querySelectorAll('td.num')].map((c) => c.textContent.trim())];
  });
  assert.deepEqual(await first(), ['勞工學苑推廣計畫', '6,500', '5,940', '+560', '+9.43%']);
  // The biggest cuts: 就業服務, then the programme only the FY111 plan has (no page here).
  await page.selectOption('[data-testid=changes-controls] select >> nth=1', 'cut');
  await page.waitForURL(/by=cut/);
  await page.waitForFunction(() => document.querySelector('[data-testid=changes-table] tbody tr th')?.textContent.startsWith('就業服務'));
  assert.deepEqual(await first(), ['就業服務', '250,000', '258,536', '−8,536', '−3.3%']);
  assert.equal(await page.textContent('[data-testid=changes-only-other]'), '南區培力中心');
  // The goal this year's plan added, named once with its number.
  const changed = await page.$$eval('[data-testid=changes-goals] table', (ts) => ts.map((t) => [t.caption.textContent, ...[...t.tBodies[0].rows].map((tr) => [...tr.cells].map((c) => c.textContent).join('|'))]));
  assert.deepEqual(changed.map((t) => t.slice(0, 2)), [['目標', '新增||7 促進中高齡者及高齡者就業'], ['策略', '新增||7.1 辦理中高齡者就業促進講座及媒合活動']]);
  // The comparison is in the address: a reload shows the same.
  await page.reload();
  await page.waitForFunction(() => document.querySelector('[data-testid=changes-table] tbody tr th')?.textContent.startsWith('就業服務'));
  // And the renamed programme's page has its two years.
  await visit(site, `/p/${id}/programme/3`);
  await settled(page);
  assert.deepEqual(await table(page), [['111 年度（2022）', '5,940 千元', '—'], ['112 年度（2023）', '6,500 千元', '—']]);
  assertClean(site);
});

test('the enacted budget against its proposal: each cut with the council\'s reason, and two years of one book', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  const ids = await keepStack(site);
  const first = () => page.evaluate(() => [...document.querySelectorAll('[data-testid=changes-table] tbody tr')].slice(0, 2).map((tr) =>
    [tr.querySelector('th a, th span').textContent, ...[...tr.querySelectorAll('td.num')].map((c) => c.textContent.trim()), tr.querySelector('td:last-child').textContent.trim()]));
  // The proposal is offered first among the same city's books; the cut is in the address.
  await visit(site, `/p/${ids['示範市 115年度法定預算']}/changes`);
  await page.waitForSelector('[data-testid=changes-against]');
  await page.selectOption('[data-testid=changes-against]', ids['示範市 115年度總預算案']);
  await page.waitForURL(/against=/);
  await page.selectOption('[data-testid=changes-controls] select >> nth=1', 'cut');
  await page.waitForURL(/by=cut/);
  await page.waitForFunction(() => document.querySelector('[data-testid=changes-summary]')?.textContent.includes('總預算案'));
  assert.match(await page.textContent('[data-testid=changes-summary]'), /^本文件 9,200 千元，「示範市 115年度總預算案」10,000 千元，增減 −800 千元（−8%）。/);
  assert.deepEqual(await first(), [
    ['宣導活動', '2,400', '3,000', '−600', '−20%', '議會刪減600千元'],
    ['設備購置', '800', '1,000', '−200', '−20%', '議會刪減200千元'],
  ]);
  // Two years of one book: 114 against 113, the new line named as new.
  await visit(site, `/p/${ids['示範市 114年度總預算']}/changes?against=${ids['示範市 113年度總預算']}&by=increase`);
  await page.waitForFunction(() => document.querySelector('[data-testid=changes-summary]')?.textContent.includes('113年度'));
  assert.match(await page.textContent('[data-testid=changes-summary]'), /^本文件 9,000 千元，「示範市 113年度總預算」7,000 千元，增減 \+2,000 千元/);
  const rows = await first();
  // A line the other document lacks counts from zero there: its change is the whole, "new".
  assert.deepEqual(rows.map((r) => r.slice(0, 5)), [['設備購置', '1,000', '0', '+1,000', '新增'], ['一般行政', '5,500', '5,000', '+500', '+10%']]);
  assert.match(rows[0][5], /新增設備購置/);
  assertClean(site);
});

test('a page left while its years are read: the next page\'s years still arrive', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  const ids = await keepStack(site);
  const enacted = ids['示範市 115年度法定預算'];
  // The overview asks for the other three books; the reader moves to a line at once, whose
  // section asks for the same books before the overview's requests have run.
  await visit(site, `/p/${enacted}/`);
  await page.locator('a[href$="/programme/1"]:visible').first().click();
  await page.waitForURL(/\/programme\/1$/);
  await settled(page);
  assert.equal((await table(page)).length, 5, 'five years of 一般行政');
  assertClean(site);
});
