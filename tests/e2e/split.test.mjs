// The wasm is split by page (web/src/pages.rs, scripts/split.py): opening a page fetches the
// shell and that page's chunks, not every page's; another page's chunk is fetched when that
// page is first shown, and the page then works as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { noteAppReady } from '../../scripts/app_ready.mjs';
import { openApp, assertClean, assertNoAxeViolations, assertSameOrigin, parseNumber, download, SUB_PATH } from './harness.mjs';

// A page's own chunk is named after its split point (web/src/pages.rs): split_page_<name>-<hash>.wasm;
// a pre-rendered landing page fetches it in its bundle, bundle-page_<name>-<hash>.wasm (scripts/bundles.py).
const pagesFetched = (site) => [...new Set(site.requests
  .map((u) => path.basename(new URL(u).pathname).match(/^(?:split_|bundle-)page_(\w+)-[0-9a-f]+\.wasm$/))
  .filter(Boolean).map((m) => m[1]))].sort();

const nav = (page, name) => page.getByRole('navigation', { name: '主要' }).getByRole('link', { name, exact: true }).click();

for (const base of ['/', SUB_PATH]) {
  test(`a page fetches its own chunk, the programme page's once idle, and another page's when it is opened (base ${base})`, async (t) => {
    // No service worker: it would fetch every file of the build for offline use.
    const site = await openApp(t, '/treemap', { base, contextOptions: { serviceWorkers: 'block' }, init: noteAppReady });
    const { page } = site;
    await page.waitForSelector('svg.treemap g.cell');
    assert.ok(await page.evaluate(() => !performance.getEntriesByType('resource').some((e) => /split_page_programmes-/.test(e.name) && e.startTime < window.__appReadyAt)),
      'nothing of the programme page before the treemap page was live');
    // Once the page is live and the browser idle, the programme page's chunk follows: every
    // reading page opens programme pages (web/src/pages.rs, prefetch_programmes_when_idle).
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /split_page_programmes-/.test(e.name)));
    assert.deepEqual(pagesFetched(site), ['programmes', 'treemap'], 'the treemap chunk, then the programme page\'s, and no other page');
    const chunkRequests = site.requests.filter((u) => u.includes('/chunks/')).length;
    const mainWasm = site.requests.filter((u) => /plan-web-[0-9a-f]+_bg\.wasm$/.test(u));
    assert.equal(mainWasm.length, 1, 'one main wasm');

    await nav(page, '匯入');
    await page.waitForSelector('#import-text');
    assert.deepEqual(pagesFetched(site), ['programmes', 'treemap', 'your_data'], 'the import page fetched its chunk on the way');
    assert.ok(site.requests.filter((u) => u.includes('/chunks/')).length > chunkRequests);

    // Back to a page whose chunk is loaded: nothing more to fetch, and it still works.
    const before = site.requests.length;
    await nav(page, '預算圖');
    await page.waitForSelector('svg.treemap g.cell');
    assert.deepEqual(site.requests.slice(before).filter((u) => u.endsWith('.wasm')), [], 'no wasm fetched again for a page already loaded');

    // Pointing at a link starts fetching its page's chunk before the click.
    const fetched = page.waitForRequest(/\/chunks\/split_page_goals_and_flow-/);
    await page.getByRole('navigation', { name: '主要' }).getByRole('link', { name: '目標', exact: true }).hover();
    await fetched;
    await page.locator('svg.treemap g.cell').first().hover();
    const described = parseNumber((await page.getByTestId('treemap-details').innerText()).split('—')[1]);
    await page.locator('svg.treemap g.cell').first().click();
    const budget = await page.getByTestId('programme-budget').innerText();
    assert.equal(parseNumber(budget), described, 'the programme page shows the budget the cell described');
    assert.match(budget, /258,536/); // the document's figure for 就業服務
    assertClean(site, { base });
  });
}

test('a reader who asked to save data gets no page\'s chunk before they open that page', async (t) => {
  const site = await openApp(t, '/treemap', {
    contextOptions: { serviceWorkers: 'block' },
    init: () => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }),
  });
  await site.page.waitForTimeout(1500); // well past idle
  assert.deepEqual(pagesFetched(site), ['treemap']);
  assertClean(site);
});

test('every page is in a chunk, and a deep link to each works', async (t) => {
  const site = await openApp(t, '/programme/7', { contextOptions: { serviceWorkers: 'block' } });
  const { page } = site;
  const budget = parseNumber(await page.textContent('[data-testid=programme-budget]'));
  assert.equal(budget, 258536); // the document's figure for 就業服務
  assert.deepEqual(pagesFetched(site), ['programmes']);
  for (const [route, marker] of [['/', '[data-testid=total]'], ['/goals', '[data-testid=goal-tree]'], ['/programmes', '[data-testid=programme-table]'],
    ['/flow', 'svg.sankey'], ['/whatif', '[data-testid=whatif-row]'], ['/notes', 'main h1'], ['/library', 'main h1'], ['/compare', 'main h1']]) {
    await page.goto(site.server.url + route.slice(1));
    await page.waitForSelector(marker);
    if (route === '/programmes') {
      const row = page.locator('table tbody tr', { has: page.locator('a[href$="/programme/7"]') });
      assert.equal(parseNumber(await row.locator('td').nth(1).innerText()), budget, 'the table lists the budget the deep link showed');
    }
  }
  assert.deepEqual(pagesFetched(site), ['goals_and_flow', 'overview', 'programmes', 'your_data']);
  assertClean(site);
});

test('a page whose chunk does not arrive says so and offers a reload; the page that was there keeps working', async (t) => {
  const site = await openApp(t, '/', { contextOptions: { serviceWorkers: 'block' } });
  const { page } = site;
  // As after a deploy that replaced the chunks, or offline before the site was cached.
  await page.route(/\/chunks\/split_page_treemap-/, (route) => route.abort());
  await nav(page, '預算圖');
  const alert = page.getByTestId('page-not-loaded').getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /沒有下載成功.*你的資料都還在/);
  assert.deepEqual(site.pageErrors, [], 'no panic');
  await page.waitForFunction(() => document.title === '這一頁沒有載入 · 施政計畫透視');
  await assertNoAxeViolations(page);
  // The rest of the app is alive: another page opens, and English switches the message.
  await nav(page, '目標');
  await page.waitForSelector('[data-testid=goal-tree]');
  await nav(page, '預算圖');
  await page.getByRole('button', { name: 'English' }).click();
  assert.match(await page.getByTestId('page-not-loaded').getByRole('alert').innerText(), /did not download/);
  // Back online: the reload button loads the page.
  await page.unroute(/\/chunks\/split_page_treemap-/);
  await page.getByRole('button', { name: 'Reload this page' }).click();
  await page.waitForSelector('svg.treemap g.cell');
  assert.deepEqual(site.pageErrors, []);
});

// The code that reads and writes JSON and CSV is a chunk of its own (web/src/codec.rs): split_codec-<hash>.wasm.
const codecFetched = (site) => site.requests.some((u) => /\/chunks\/split_codec-[0-9a-f]+\.wasm$/.test(u));

test('a first visit does without the codec; saving a note fetches it, and a returning reader gets it before the page shows', async (t) => {
  const site = await openApp(t, '/programme/7', { contextOptions: { serviceWorkers: 'block' } });
  const { page } = site;
  // A language chosen earlier is a preference, not stored data (and the quoted form earlier
  // builds wrote still reads).
  await page.evaluate(() => localStorage.setItem('plan-explorer.lang', '"en"'));
  await page.reload();
  // The page is pre-rendered (in Chinese): wait for the live app, which applies the language.
  await page.waitForSelector('body[data-app-ready] [data-testid=programme-budget]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the stored language applies');
  assert.equal(codecFetched(site), false, 'nothing stored: no codec');

  await page.click('[data-testid=note] summary');
  await page.fill('[data-testid=note] textarea', 'Check the placement rate');
  await page.getByRole('button', { name: 'Save note' }).click();
  await page.waitForSelector('[data-testid=note] [role=status] >> text=Saved');
  assert.ok(codecFetched(site), 'the save fetched the codec');

  // With a note stored, the codec arrives before the live page replaces the static one,
  // so the note is there in the first render.
  const before = site.requests.length;
  await page.goto(site.server.url + 'programme/7');
  await page.waitForSelector('body[data-app-ready=true]');
  assert.match(await page.textContent('[data-testid=note] summary'), /Check the placement rate/);
  assert.ok(codecFetched({ requests: site.requests.slice(before) }), 'fetched again on the new load');
  assertClean(site);
});

test('another tab\'s note shows in a tab that had not fetched the codec', async (t) => {
  const site = await openApp(t, '/programme/7', { contextOptions: { serviceWorkers: 'block' } });
  const other = await site.page.context().newPage();
  await other.goto(site.server.url + 'programme/7');
  await other.waitForSelector('body[data-app-ready=true]');
  assert.equal(codecFetched(site), false, 'nothing stored yet: neither tab has the codec');
  await other.click('[data-testid=note] summary');
  await other.fill('[data-testid=note] textarea', '另一個分頁寫的筆記');
  await other.getByRole('button', { name: '儲存筆記' }).click();
  await other.waitForSelector('[data-testid=note] [role=status] >> text=已儲存');
  await site.page.waitForFunction(() => document.querySelector('[data-testid=note] summary').textContent.includes('另一個分頁寫的筆記'));
  assertClean(site);
});

test('the overview fetches the file writers only when the reader reaches for a download; if they do not arrive, it says so', async (t) => {
  const site = await openApp(t, '/', { contextOptions: { serviceWorkers: 'block' } });
  const { page } = site;
  assert.equal(codecFetched(site), false, 'not on landing');
  // As offline before the site was cached: the click says what happened and nothing is lost.
  await page.route(/\/chunks\/split_codec-/, (route) => route.abort());
  await page.getByRole('button', { name: '計畫 CSV' }).click();
  const status = page.getByRole('group', { name: '下載這份計畫' }).getByRole('status');
  await status.getByText('沒有下載成功').waitFor();
  assert.deepEqual(site.pageErrors, [], 'no panic');
  await page.unroute(/\/chunks\/split_codec-/);
  const csv = await download(page, () => page.getByRole('button', { name: '計畫 CSV' }).click());
  assert.match(csv.name, /-programmes\.csv$/);
  const rows = csv.text.trim().split('\n');
  assert.equal(rows.length - 1, parseNumber(await page.getByTestId('programme-count').innerText()), 'a row per programme the overview counts');
  assert.equal(rows.length, 16, 'a header and the 15 programmes');
  assert.match(rows.find((r) => r.includes('就業服務')), /258536/); // the document's figure
  assert.equal(await status.innerText(), '', 'the message goes once a download works');
  assert.ok(codecFetched(site));
  // The chunk loader logs each failed fetch; nothing else may be logged.
  assert.deepEqual(site.pageErrors, []);
  assert.ok(site.consoleErrors.every((e) => /Failed to fetch|Failed to load resource/.test(e)), site.consoleErrors.join('\n'));
  assertSameOrigin(site.requests, site.origin);
});
