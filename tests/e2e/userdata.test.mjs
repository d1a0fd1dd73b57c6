// Notes, bookmarks, link corrections, what-if scenarios, comparisons and downloads
// (issue 5): each shown where it belongs, kept across reloads, and carried in exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, assertClean, visit, importAndKeep, keep, parseNumber, parseNumbers, fmt, download, chooseFile, assertNoAxeViolations, TOTAL_TEXT } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url);
const seed = await readFile(new URL('assets/plans/taoyuan-labor-111-plan.txt', ROOT), 'utf8');

test('a note and a bookmark on a programme stay after a reload, show on the notes page, and travel in a backup', async (t) => {
  const site = await openApp(t, '/programme/7');
  const { page } = site;
  await page.click('[data-testid=note] summary');
  await page.fill('[data-testid=note] textarea', '追蹤：就業服務的執行率 <b>not bold</b>');
  await page.getByRole('button', { name: '儲存筆記' }).click();
  await page.getByRole('button', { name: '書籤' }).click();
  await page.waitForSelector('[data-testid=note] summary >> text=已加書籤');
  await visit(site, '/programme/7');
  const summary = await page.textContent('[data-testid=note] summary');
  assert.match(summary, /★/);
  assert.match(summary, /追蹤：就業服務的執行率/, 'the note shows where it belongs, before it is opened');
  await visit(site, '/notes');
  await assertNoAxeViolations(page);
  const list = await page.textContent('[data-testid=note-list]');
  assert.match(list, /就業服務/);
  assert.match(list, /<b>not bold<\/b>/, 'a note is text, never markup');
  assert.equal(await page.locator('[data-testid=note-list] b').count(), 0);
  // A note on a strategy shows in the goal tree.
  await visit(site, '/goals');
  const strategyNote = page.locator('li.strategy [data-testid=note]').first();
  await strategyNote.locator('summary').click();
  await strategyNote.locator('textarea').fill('策略筆記');
  await strategyNote.getByRole('button', { name: '儲存筆記' }).click();
  await strategyNote.locator('summary >> text=我的筆記').waitFor();
  // The backup carries the notes; imported elsewhere (a fresh browser), they come back.
  await visit(site, '/notes');
  const backup = await download(page, () => page.getByRole('button', { name: /下載備份/ }).click());
  const bundle = JSON.parse(backup.text);
  assert.equal(Object.keys(bundle.annotations.notes).length, 2);
  const other = await openApp(t, '/import');
  await chooseFile(other.page, backup.name, backup.bytes);
  await other.page.waitForSelector('[data-testid=keep]');
  const id = await keep(other, 'from backup');
  await visit(other, `/p/${id}/notes`);
  assert.match(await other.page.textContent('[data-testid=note-list]'), /追蹤：就業服務的執行率/);
  assertClean(site);
  assertClean(other);
});

test('removing and adding a goal link moves the roll-ups at once and downloads as a link file plan-core reads', async (t) => {
  const site = await openApp(t, '/goals');
  const { page } = site;
  const unlinkedBefore = parseNumber(await page.textContent('[data-testid=unlinked]'));
  await visit(site, '/programme/7');
  // The money that moves is the budget the page shows (the document says 258,536).
  const budget7 = parseNumber(await page.getByTestId('programme-budget').textContent());
  assert.equal(budget7, 258536);
  const links = page.locator('[data-testid=link]');
  const n = await links.count();
  assert.ok(n >= 1);
  for (let i = 0; i < n; i++) {
    await page.locator('[data-testid=link]').first().getByRole('button', { name: '移除' }).click();
    await page.waitForFunction((left) => document.querySelectorAll('[data-testid=link]').length === left, n - i - 1);
  }
  assert.match(await page.textContent('[data-testid=link-editor]'), /未連結/);
  // The keyboard focus comes back to the editor, which says what happened.
  await page.waitForFunction(() => document.activeElement?.id === 'link-editor');
  assert.match(await page.textContent('[data-testid=link-editor] [role=status]'), /已更新連結/);
  await visit(site, '/goals');
  assert.equal(parseNumber(await page.textContent('[data-testid=unlinked]')), unlinkedBefore + budget7);
  await visit(site, '/notes');
  assert.match(await page.textContent('[data-testid=links-file]'), /^programme,strategy\n7,\n/m);
  const file = await download(page, () => page.getByRole('button', { name: /下載連結檔/ }).click());
  assert.match(file.text, /7,/);
  // Add one back: 7 → the first strategy offered.
  await visit(site, '/programme/7');
  // The picker is built when it is opened.
  assert.equal(await page.locator('[data-testid=link-editor] select').count(), 0);
  await page.getByText('加上對應策略…').click();
  await page.locator('[data-testid=link-editor] select').waitFor();
  assert.ok(await page.locator('[data-testid=link-editor] select option').count() >= 10, 'every strategy not yet linked is offered');
  await page.getByRole('button', { name: '加上', exact: true }).click();
  await page.waitForSelector('[data-testid=link] >> text=人工確認');
  await visit(site, '/goals');
  assert.equal(parseNumber(await page.textContent('[data-testid=unlinked]')), unlinkedBefore);
  assertClean(site);
});

test('a what-if scenario keeps the total, is saved, and its address reproduces it in another browser', async (t) => {
  const site = await openApp(t, '/whatif');
  const { page } = site;
  await page.check('#keep-total');
  await page.fill('#amount-7', '200000');
  await page.press('#amount-7', 'Enter');
  await page.locator('#amount-7').blur();
  await page.waitForFunction(() => /\?s=/.test(location.search));
  const totals = await page.textContent('[data-testid=whatif-totals]');
  assert.match(totals, new RegExp(`${TOTAL_TEXT} 千元 → ${TOTAL_TEXT} 千元`));
  assert.equal((await page.locator('[data-testid=whatif-change]').nth(6).textContent()).trim(), '−58,536');
  await page.fill('#central-cut', '10');
  await page.locator('#central-cut').blur();
  await page.waitForFunction(() => /c10/.test(decodeURIComponent(location.search)));
  const cover = parseNumber(await page.textContent('[data-testid=whatif-city-cover]'));
  // The programmes wholly paid by central money come first.
  assert.match(await page.textContent('[data-testid=whatif-dependent] li'), /100%/);
  await assertNoAxeViolations(page);
  // A 10% cut of the central money the page shows (the document says 352,190).
  const [centralBefore] = parseNumbers(await page.locator('[data-testid=whatif-totals] div:nth-child(3) dd').textContent());
  assert.equal(centralBefore, 352190);
  assert.ok(cover > 0 && cover <= centralBefore / 10 + 15, `city covers ~10% of ${centralBefore}: ${cover}`);
  const url = page.url();
  // Saved: a plain visit restores it.
  await visit(site, '/whatif');
  assert.equal(await page.inputValue('#amount-7'), '200000');
  // Shared: another browser with nothing stored gets exactly the same figures.
  const other = await openApp(t, '/');
  await other.page.goto(url.replace(site.origin, other.origin));
  await other.page.waitForSelector('[data-testid=whatif-totals]');
  assert.equal(await other.page.textContent('[data-testid=whatif-totals]'), await page.textContent('[data-testid=whatif-totals]'));
  assert.equal(await other.page.inputValue('#amount-7'), '200000');
  assertClean(site);
  assertClean(other);
});

for (const [name, query] of [
  ['garbage', '%E0%A4%A'],
  ['an unknown programme', 'v1~99_100'],
  ['a hostile value', encodeURIComponent('<script>alert(1)</script>')],
  ['a huge number', 'v1~7_1' + '0'.repeat(60)],
]) {
  test(`a mangled scenario address (${name}) gives a message and the untouched plan`, async (t) => {
    const site = await openApp(t, `/whatif?s=${query}`);
    const { page } = site;
    await page.waitForSelector('[data-testid=scenario-error]');
    assert.match(await page.textContent('[data-testid=scenario-error]'), /無法使用/);
    assert.match(await page.textContent('[data-testid=whatif-totals]'), new RegExp(`${TOTAL_TEXT} 千元 → ${TOTAL_TEXT} 千元`));
    assertClean(site);
  });
}

test('two plans compare: totals, matched programmes with their change, programmes only in one, funding mix and goal changes', async (t) => {
  const site = await openApp(t, '/');
  const { page } = site;
  const changed = seed
    .replace('四、勞工教育大樓', '四、勞工教育中心大樓')
    .replace('258,536', '300,000');
  // The change is 300,000 less the budget the bundled plan's page shows (document: 258,536).
  await visit(site, '/programme/7');
  const before = parseNumber(await page.getByTestId('programme-budget').textContent());
  const change = fmt(300_000 - before);
  assert.equal(change, '41,464');
  const id = await importAndKeep(site, changed, 'changed copy');
  await visit(site, `/compare?a=seed&b=${id}`);
  await page.waitForSelector('[data-testid=compare-totals]');
  assert.match(await page.textContent('[data-testid=compare-total-change]'), new RegExp(`^\\+${change}`));
  const percent = (((300_000 - before) / before) * 100).toFixed(2);
  const changes = await page.locator('[data-testid=compare-change]').allInnerTexts();
  assert.ok(changes.some((c) => c.includes(`+${change} 千元 (+${percent}%)`)), changes.join('\n'));
  assert.ok(await page.locator('#compare-chart g.pair').count() >= 14);
  await assertNoAxeViolations(page);
  // In English the same comparison reads in English (it is not matched again, only shown).
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForSelector('h1 >> text=Compare two plans');
  assert.ok((await page.textContent('[data-testid=compare-total-change]')).startsWith(`+${change} (NT$ thousand)`));
  assertClean(site);
});

test('every chart downloads as SVG and PNG; the plan as JSON and a Fiscal Data Package', async (t) => {
  const site = await openApp(t, '/treemap');
  const { page } = site;
  const svg = await download(page, () => page.getByRole('button', { name: 'SVG' }).click());
  assert.match(svg.name, /treemap\.svg$/);
  assert.match(svg.text, /^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg.text, /fill:/);
  const png = await download(page, () => page.getByRole('button', { name: 'PNG' }).click());
  assert.match(png.name, /treemap\.png$/);
  assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.ok(png.bytes.length > 5000, `png ${png.bytes.length} bytes`);
  for (const [route, file] of [['/flow', /flow\.svg$/], ['/', /funding\.svg$/]]) {
    await visit(site, route);
    const f = await download(page, () => page.getByRole('button', { name: 'SVG' }).click());
    assert.match(f.name, file);
  }
  const json = await download(page, () => page.getByRole('button', { name: 'JSON', exact: true }).click());
  assert.equal(JSON.parse(json.text).programmes.length, 15);
  const fdp = await download(page, () => page.getByRole('button', { name: /datapackage\.json/ }).click());
  assert.equal(JSON.parse(fdp.text).profile, 'fiscal-data-package');
  assertClean(site);
});
