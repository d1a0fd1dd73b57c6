// The main pages are pre-rendered at build time (scripts/prerender.mjs): a visitor sees the
// charts and figures before the wasm arrives (or without JavaScript at all), and the live app
// then takes their place without leaving a second copy behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openSite, openApp, waitForApp, assertClean, assertNoErrors, parseNumber, SEED_TOTAL, TOTAL_TEXT, DIST_DIR, DIST_SUB_DIR, SUB_PATH } from './harness.mjs';

const cellLabels = (page) => page.locator('svg.treemap g.cell').evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')));

test('without JavaScript, the overview, treemap, goals and a programme page already show the plan', async (t) => {
  // What the live app shows, to compare the static copy with.
  const live = await openApp(t, '/treemap');
  const liveCells = await cellLabels(live.page);
  await live.page.goto(live.server.url);
  await live.page.waitForSelector('body[data-app-ready] [data-testid=total]');
  const liveTotal = await live.page.textContent('[data-testid=total]');

  const site = await openSite('/treemap', { contextOptions: { javaScriptEnabled: false } });
  t.after(() => site.close());
  const { page } = site;
  const cells = await cellLabels(page);
  assert.deepEqual(cells, liveCells, 'the static treemap is the live one');
  assert.equal(cells.length, 15);
  assert.equal(cells[0], '就業服務：258,536 千元，50.99%');
  assert.equal(await page.title(), '預算樹狀圖 · 施政計畫透視');
  // Styled by its own response: the stylesheet is inline (scripts/postbuild.py), allowed by
  // the page's policy (a refused one would leave the header unstyled), and no file is fetched.
  assert.equal(await page.locator('header.site').evaluate((h) => getComputedStyle(h).display), 'flex');
  assert.deepEqual(site.requests.filter((u) => /\.css(\?|$)/.test(u)), []);
  // The navigation is made of real links: they lead to the other pre-rendered pages.
  await page.getByRole('navigation', { name: '主要' }).getByRole('link', { name: '概覽', exact: true }).click();
  await page.waitForURL(/\/$/);
  assert.equal(await page.textContent('[data-testid=total]'), liveTotal);
  assert.equal(parseNumber(await page.textContent('[data-testid=total]')), SEED_TOTAL);
  await page.getByRole('navigation', { name: '主要' }).getByRole('link', { name: '目標', exact: true }).click();
  await page.waitForURL(/\/goals$/);
  assert.ok(await page.locator('[data-testid=goal-tree] li.strategy').count() >= 19);
  await page.goto(site.server.url + 'programme/7');
  assert.equal(await page.getByTestId('programme-budget').innerText(), '258,536 千元');
  assert.deepEqual(site.pageErrors, []);
});

test('the live app replaces the static copy: one header, one chart, nothing left over', async (t) => {
  const site = await openApp(t, '/treemap');
  const { page } = site;
  await page.waitForSelector('svg.treemap g.cell');
  const counts = await page.evaluate(() => ({
    prerendered: document.querySelectorAll('[data-prerendered]').length,
    headers: document.querySelectorAll('header').length,
    mains: document.querySelectorAll('main').length,
    charts: document.querySelectorAll('svg.treemap').length,
  }));
  assert.deepEqual(counts, { prerendered: 0, headers: 1, mains: 1, charts: 1 });
  // Live: hovering a cell fills in the details line (the static copy cannot).
  await page.locator('svg.treemap g.cell').first().focus();
  assert.equal(await page.getByTestId('treemap-details').innerText(), '就業服務 — 258,536 千元 (50.99%)');
  // The tab's title follows the page and the language.
  assert.equal(await page.title(), '預算樹狀圖 · 施政計畫透視');
  await page.getByRole('navigation', { name: '主要' }).getByRole('link', { name: '目標', exact: true }).click();
  await page.waitForFunction(() => document.title !== '預算樹狀圖 · 施政計畫透視');
  assert.match(await page.title(), / · 施政計畫透視$/);
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.title.endsWith(' · Plan Explorer'));
  assertClean(site);
});

// The static copy answers the reader until the app takes over (assets/prerendered.js), so a
// slow line or phone does not leave a dead chart on screen; the app then keeps their place.
// The main wasm is held back, so the app cannot start before the test lets it.
async function holdTheApp(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  return release;
}

// Until the copy has been parsed (the page is opened at DOMContentLoaded, and its script is
// inline in <head>): a focus event on its largest cell shows that cell's name in the details.
async function untilTheCopyAnswers(page) {
  await page.waitForFunction(() => {
    const cell = document.querySelector('[data-prerendered] svg.treemap g.cell');
    cell.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    return document.querySelector('[data-testid=treemap-details]').textContent === cell.getAttribute('aria-label');
  });
}

test('before the app starts, the static treemap shows a cell\'s figures, and the app keeps that focus', async (t) => {
  const site = await openSite('/programmes');
  t.after(() => site.close());
  const { page } = site;
  const release = await holdTheApp(page);
  await page.goto(site.server.url + 'treemap', { waitUntil: 'domcontentloaded' });
  await untilTheCopyAnswers(page);
  const cells = page.locator('[data-prerendered] svg.treemap g.cell');
  const details = page.getByTestId('treemap-details');
  const label = await cells.nth(1).getAttribute('aria-label');
  await cells.nth(1).hover();
  assert.equal(await details.innerText(), label, 'pointing at a cell shows what its name says');
  const largest = { label: await cells.first().getAttribute('aria-label'), item: await cells.first().getAttribute('data-item') };
  assert.match(largest.label, /^就業服務：258,536 千元/);
  await page.mouse.move(0, 0); // away, or the cell it ends up over would answer too
  await cells.first().focus();
  assert.equal(await details.innerText(), largest.label, 'focusing it does too');
  assert.equal(await page.evaluate(() => Boolean(document.body.dataset.appReady)), false, 'all that before the app started');

  release();
  await waitForApp(page);
  await page.waitForFunction(() => !document.querySelector('[data-prerendered]') && document.activeElement?.matches('svg.treemap g.cell'));
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-item')), largest.item, 'the live cell has the focus');
  // The live details line says what the cell's own label says: its name and amount.
  const says = (text, label) => text.startsWith(label.split('：')[0]) && parseNumber(text) === parseNumber(label);
  assert.ok(says(await details.innerText(), largest.label), 'and the live details line shows it');
  await page.keyboard.press('Tab');
  const next = await page.locator('svg.treemap g.cell').nth(1).getAttribute('aria-label');
  assert.ok(says(await details.innerText(), next), 'Tab goes on from there');
  assertClean(site);
});

test('before the app starts, Enter or a click on a static treemap cell opens its programme', async (t) => {
  const site = await openSite('/programmes');
  t.after(() => site.close());
  const { page } = site;
  await holdTheApp(page); // never released: the app does not start at all
  for (const how of ['Enter', 'click']) {
    await page.goto(site.server.url + 'treemap', { waitUntil: 'domcontentloaded' });
    await untilTheCopyAnswers(page);
    const cell = page.locator('[data-prerendered] svg.treemap g.cell').first();
    const label = await cell.getAttribute('aria-label');
    if (how === 'Enter') {
      await cell.focus();
      await page.keyboard.press('Enter');
    } else {
      await cell.click();
    }
    // (Not until `load`: the held wasm is preloaded, so the page never gets there.)
    await page.waitForURL(/\/programme\/7$/, { waitUntil: 'domcontentloaded' });
    assert.equal(parseNumber(await page.getByTestId('programme-budget').innerText()), parseNumber(label), `${how}: the budget the cell named`);
  }
  assertNoErrors(site);
});

test('addresses without a pre-rendered page get the empty app shell, not another page', async (t) => {
  const site = await openApp(t, '/');
  const html = async (p) => (await site.page.request.get(site.server.url + p)).text();
  for (const p of ['treemap', 'goals', 'programmes', 'flow', 'programme/15', '']) {
    assert.match(await html(p), /<div data-prerendered>/, `${p || '/'} is pre-rendered`);
  }
  for (const p of ['whatif', 'library', 'p/abc/treemap', 'programme/99', 'nowhere']) {
    assert.doesNotMatch(await html(p), /<div data-prerendered>/, `${p} is the shell`);
  }
  assertClean(site);
});

// A link pasted into a chat shows a title, the page's figures and a picture of its chart.
const tags = (html) => Object.fromEntries([...html.matchAll(/<meta (?:name|property)="([^"]+)" content="([^"]*)">/g)].map((m) => [m[1], m[2].replace(/&quot;/g, '"').replace(/&amp;/g, '&')]));

test('every pre-rendered page has a preview: title, figures, Open Graph and Twitter tags, a PNG of its chart', async () => {
  for (const [dir, base] of [[DIST_DIR, '/'], [DIST_SUB_DIR, SUB_PATH]]) {
    for (const [file, figures, image] of [
      ['index.html', [TOTAL_TEXT, '15 項計畫'], 'og/index.png'],
      ['treemap.html', [TOTAL_TEXT, '就業服務：258,536 千元，50.99%'], 'og/treemap.png'],
      ['goals.html', [TOTAL_TEXT], 'og/goals.png'],
      ['flow.html', [TOTAL_TEXT], 'og/flow.png'],
      ['programme/7.html', ['就業服務：258,536 千元，占總預算 50.99%'], 'og/programme-7.png'],
    ]) {
      const html = await readFile(path.join(dir, file), 'utf8');
      const t = tags(html);
      const where = `${base}${file}`;
      assert.ok(/<title>[^<]+ · 施政計畫透視<\/title>/.test(html), `${where}: a title`);
      assert.doesNotMatch(html, /127\.0\.0\.1|localhost/, `${where}: nothing of the build machine's server (such as the embed snippet's address)`);
      for (const f of figures) assert.ok(t.description.includes(f), `${where}: description "${t.description}" has ${f}`);
      assert.equal(t['og:description'], t.description, where);
      assert.equal(t['twitter:description'], t.description, where);
      assert.equal(t['og:title'], html.match(/<title>([^<]+)<\/title>/)[1], where);
      assert.equal(t['twitter:card'], 'summary_large_image', where);
      assert.equal(t['og:image'], `${base}${image}`, `${where}: the image under the deploy base`);
      assert.equal(t['twitter:image'], t['og:image'], where);
      const png = await readFile(path.join(dir, image));
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${image} is a PNG`);
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      assert.equal(`${w}×${h}`, `${t['og:image:width']}×${t['og:image:height']}`, `${image}: its tags give its size`);
      assert.ok(w >= 300 && w <= 1200 && h >= 40 && h <= 630, `${image}: ${w}×${h}`);
      assert.ok(png.length > 2000, `${image} has a picture in it (${png.length} B)`);
    }
  }
});

test('the preview pictures are left out of the offline cache', async () => {
  const sw = await readFile(path.join(DIST_DIR, 'sw.js'), 'utf8');
  const assets = JSON.parse(sw.match(/^const ASSETS = (.*);$/m)[1]);
  assert.ok(assets.includes('treemap.html'));
  assert.equal(assets.filter((a) => a.startsWith('og/')).length, 0);
});
