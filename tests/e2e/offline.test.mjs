// Offline and installable (issue 6): after one visit the site works with the server gone;
// a full tour of the site makes no request to another origin; the manifest is installable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, visit, assertClean, importAndKeep, dropFile, SUB_PATH, TOTAL_TEXT } from './harness.mjs';

const fixture = await readFile(new URL('../../core/tests/fixtures/chiayi-labor-111.txt', import.meta.url), 'utf8');
const pdf = await readFile(new URL('../../core/tests/fixtures/pdf/keelung-industry-112.pdf', import.meta.url));

async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

for (const base of ['/', SUB_PATH]) {
  test(`works offline after one visit (base ${base})`, async (t) => {
    const site = await openApp(t, '/', { base });
    const { page } = site;
    await waitForServiceWorker(page);
    const id = await importAndKeep(site, fixture, 'stored for offline');
    await visit(site, '/');
    await site.server.close(); // the network is gone
    await page.reload();
    await page.waitForSelector('body[data-app-ready]');
    assert.match(await page.textContent('[data-testid=total]'), new RegExp(TOTAL_TEXT));
    // Every route, by a fresh load and by in-app navigation.
    await page.goto(new URL('programme/7', page.url()).href);
    await page.waitForSelector('[data-testid=programme-budget]');
    assert.match(await page.textContent('[data-testid=programme-budget]'), /258,536/);
    for (const [link, marker] of [['預算圖', 'svg.treemap'], ['目標', '[data-testid=goal-tree]'], ['計畫列表', '[data-testid=programme-table]'], ['資金流向', 'svg.sankey']]) {
      await page.getByRole('navigation', { name: '主要' }).getByRole('link', { name: link, exact: true }).click();
      await page.waitForSelector(marker);
    }
    // The stored plan, the library, and an import, all offline.
    await page.goto(new URL(`p/${id}/treemap`, new URL(base, page.url())).href);
    await page.waitForSelector('svg.treemap g.cell');
    await page.getByRole('navigation', { name: '主要' }).getByRole('link', { name: '我的計畫', exact: true }).click();
    await page.waitForSelector('[data-testid=library-row] >> text=stored for offline');
    await page.getByRole('navigation', { name: '主要' }).getByRole('link', { name: '匯入', exact: true }).click();
    await page.fill('#import-text', fixture);
    await page.click('.drop button');
    await page.waitForSelector('[data-testid=keep]');
    // A PDF too: its reader's chunk and worker come from the service worker's cache.
    const workers = [];
    page.on('worker', (w) => workers.push(w.url()));
    await dropFile(page, 'keelung.pdf', pdf);
    // (The text import's total is on screen until the PDF's replaces it.)
    await page.waitForFunction(() => /keelung\.pdf/.test(document.querySelector('[data-testid=import-source]')?.textContent ?? ''), null, { timeout: 30_000 });
    assert.equal(await page.textContent('[data-testid=import-total]'), '37,230 千元');
    assert.ok(workers.some((u) => u.endsWith(`${base}pdf-worker.js`)), `read in the worker, offline: ${workers}`);
    assert.equal(site.pageErrors.length, 0, site.pageErrors.join('\n'));
  });
}

test('a tour of every view requests nothing from another origin', async (t) => {
  const site = await openApp(t, '/');
  const { page } = site;
  await page.fill('#population', '1000000');
  for (const route of ['/treemap', '/goals', '/programmes', '/programme/1', '/flow', '/programme/15', '/nowhere', '/whatif?s=v1~c10~k~7_200000', '/notes', '/library', '/compare?a=seed&b=seed']) {
    await visit(site, route);
  }
  const id = await importAndKeep(site, fixture, 'tour');
  for (const route of ['', '/treemap', '/goals', '/programme/1', '/whatif']) await visit(site, `/p/${id}${route}`);
  await page.goto(new URL('goals', page.url()).href);
  await page.getByRole('button', { name: '旭日圖' }).click();
  await page.waitForSelector('svg.sunburst');
  await page.getByRole('button', { name: 'English' }).click();
  await visit(site, '/programmes');
  await page.fill('#filter', 'training');
  await page.waitForFunction(() => /^([1-9]|1[0-4]) programmes match$/.test(document.querySelector('[data-testid=match-count]')?.textContent ?? ''));
  const log = [...new Set(site.requests.map((u) => new URL(u).pathname))].sort();
  console.log(`request log of the tour (${site.requests.length} requests, ${log.length} distinct paths):\n  ${log.join('\n  ')}`);
  assertClean(site);
});

test('the web manifest is installable: name, start URL, standalone, 192 and 512 px icons', async (t) => {
  const site = await openApp(t, '/');
  const href = await site.page.getAttribute('link[rel=manifest]', 'href');
  const url = new URL(href, site.page.url());
  const res = await site.page.request.get(url.href);
  assert.equal(res.status(), 200);
  const m = await res.json();
  assert.ok(m.name && m.short_name);
  assert.equal(m.display, 'standalone');
  assert.equal(m.start_url, './');
  for (const size of ['192x192', '512x512']) {
    const icon = m.icons.find((i) => i.sizes === size && i.type === 'image/png');
    assert.ok(icon, `a ${size} PNG icon`);
    const img = await site.page.request.get(new URL(icon.src, url).href);
    assert.equal(img.status(), 200);
    const bytes = await img.body();
    assert.equal(bytes.readUInt32BE(16), Number(size.split('x')[0]), `${icon.src} is ${size}`);
  }
  assertClean(site);
});

test('a new deploy is announced, and switching to it keeps what the reader stored', async (t) => {
  const { cp, mkdtemp, readFile, writeFile, rm } = await import('node:fs/promises');
  const os = await import('node:os');
  const path = await import('node:path');
  const { DIST_DIR } = await import('./harness.mjs');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'deploy-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await cp(DIST_DIR, dir, { recursive: true });
  const site = await openApp(t, '/', { dir });
  const { page } = site;
  await waitForServiceWorker(page);
  await page.getByRole('button', { name: 'English' }).click(); // stored in localStorage
  await page.fill('#population', '1000000');
  // "Deploy" a new build: a service worker with another build id.
  const sw = path.join(dir, 'sw.js');
  await writeFile(sw, (await readFile(sw, 'utf8')).replace(/const BUILD = '[^']+'/, "const BUILD = 'next-build'"));
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const banner = page.locator('#update-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /new version/);
  await Promise.all([page.waitForEvent('load'), banner.getByRole('button').click()]);
  await page.waitForSelector('body[data-app-ready]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the language choice survived the update');
  assert.equal(await page.inputValue('#population'), '1000000', 'the population survived the update');
  const build = await page.evaluate(() => caches.keys());
  assert.deepEqual(build, ['plan-explorer-next-build'], 'the old cache is gone');
  assertClean(site);
});
