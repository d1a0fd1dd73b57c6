// A first visit to a landing page fetches its chunks in one bundle (scripts/bundles.py), and
// the sections below its charts come from a chunk fetched once the page is live
// (web/src/components/later.rs); until then the static copy's sections stand in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { noteAppReady } from '../../scripts/app_ready.mjs';
import { openSite, openApp, waitForApp, assertClean, parseNumber, SUB_PATH } from './harness.mjs';

const chunkFiles = (site) => site.requests.map((u) => new URL(u).pathname).filter((p) => p.includes('/chunks/'));

for (const [route, later] of [['/treemap', 'treemap'], ['/', 'overview']]) {
  for (const base of ['/', SUB_PATH]) {
    test(`a first visit to ${route} fetches its chunks as one file, and the rest once it is live (base ${base})`, async (t) => {
      const site = await openApp(t, route, { base, contextOptions: { serviceWorkers: 'block' }, init: noteAppReady });
      const { page } = site;
      const before = await page.evaluate(() => performance.getEntriesByType('resource')
        .filter((e) => e.name.includes('/chunks/') && e.startTime < window.__appReadyAt).map((e) => new URL(e.name).pathname));
      assert.equal(before.length, 1, `one chunk file before the page was live: ${before.join(', ')}`);
      assert.match(before[0], /\/chunks\/bundle-page_\w+-[0-9a-f]+\.wasm$/);
      assert.ok(before[0].startsWith(base), 'under the deploy base');
      assert.ok(!chunkFiles(site).some((p) => /\/split_page_(overview|treemap)-/.test(p)), 'the page\'s own chunk came in the bundle');
      // The sections below come from their own chunk, after the page was live.
      const section = page.locator(`main [data-later=${later}]`);
      assert.equal(await section.getAttribute('aria-busy'), 'false');
      assert.ok(await page.evaluate(() => performance.getEntriesByType('resource')
        .some((e) => /\/split_later-/.test(e.name) && e.startTime >= window.__appReadyAt)), 'the later chunk was fetched after the page was live');
      if (later === 'treemap') {
        // The table says the chart in text: its first row is the largest cell.
        const cell = await page.locator('svg.treemap g.cell').first().getAttribute('aria-label');
        const first = page.locator('[data-later=treemap] table tbody tr').first();
        assert.ok(cell.includes(await first.locator('th').innerText()), `${cell} is the table's first row`);
        assert.match(cell, /258,536/); // the document's figure for 就業服務
      } else {
        // Your share works: a population changes the figure per resident.
        const input = page.locator('#population');
        await input.fill('1000');
        await page.waitForFunction(() => /每位市民每年約負擔 [\d,]+ 元/.test(document.querySelector('[data-testid=per-capita]').textContent));
        const perYear = parseNumber(/負擔 ([\d,]+) 元/.exec(await page.getByTestId('per-capita').innerText())[1]);
        const total = parseNumber(await page.getByTestId('total').innerText());
        assert.equal(perYear, Math.round(total * 1000 / 1000), 'NT$ thousand × 1,000 over 1,000 residents');
      }
      assertClean(site, { base });
    });
  }
}

test('until the later chunk arrives, the static copy\'s sections stand in, and then the live ones replace them', async (t) => {
  // (Opened elsewhere first: routes are set on an open page.)
  const site = await openSite('/methods', { contextOptions: { serviceWorkers: 'block' } });
  t.after(() => site.close());
  const { page } = site;
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/chunks\/split_later-/, async (route) => { await held; await route.continue(); });
  await page.goto(site.server.url + 'treemap');
  await page.waitForSelector('body[data-app-ready]', { state: 'attached' });
  // The live page is up; below it, the copy's table, moved into the live section.
  const section = page.locator('main [data-later=treemap]');
  assert.equal(await section.getAttribute('aria-busy'), 'true');
  assert.equal(await page.locator('[data-prerendered]').count(), 0, 'the copy itself is gone');
  const rows = await section.locator('table tbody tr').count();
  assert.ok(rows > 0, 'the copy\'s table stands in');
  const standIn = await section.locator('table').innerText();
  release();
  await waitForApp(page);
  assert.equal(await section.locator('.later-copy').count(), 0, 'the stand-in is gone');
  assert.equal(await section.locator('table').count(), 1, 'one table, the live one');
  assert.equal(await section.locator('table').innerText(), standIn, 'the same table as the copy showed');
  assertClean(site);
});

test('when the bundle cannot be had, the chunks come one by one; when the later chunk cannot, the page says so', async (t) => {
  const site = await openSite('/methods', { contextOptions: { serviceWorkers: 'block' } });
  t.after(() => site.close());
  const { page } = site;
  await page.route(/\/chunks\/bundle-/, (route) => route.abort());
  await page.route(/\/chunks\/split_later-/, (route) => route.abort());
  await page.goto(site.server.url + 'treemap');
  await page.waitForSelector('body[data-app-ready]', { state: 'attached' });
  await page.locator('svg.treemap g.cell').first().focus();
  assert.match(await page.getByTestId('treemap-details').innerText(), /258,536/);
  assert.ok(chunkFiles(site).some((p) => /\/split_page_treemap-/.test(p)), 'the page\'s own chunk, fetched alone');
  const note = page.getByTestId('later-not-loaded');
  await note.waitFor();
  assert.match(await note.innerText(), /沒有下載成功.*重新載入/);
  await page.getByRole('button', { name: 'English' }).click();
  assert.match(await page.getByTestId('later-not-loaded').innerText(), /did not download.*reload/);
  assert.deepEqual(site.pageErrors, [], 'no panic');
});
