// The budget treemap: 15 focusable, labelled cells; keyboard; colouring; sane geometry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, visit, assertClean, parseNumber, tabUntil, sum, SEED_TOTAL as TOTAL } from './harness.mjs';


/** Each cell: its label's name, amount and share, and its rect with the colour it is painted. */
const readCells = (page) => page.locator('svg.treemap g.cell').evaluateAll((gs) => gs.map((g) => {
  const r = g.querySelector('rect');
  return {
    label: g.getAttribute('aria-label'), tabindex: g.getAttribute('tabindex'), fill: getComputedStyle(r).fill,
    x: Number(r.getAttribute('x')), y: Number(r.getAttribute('y')), w: Number(r.getAttribute('width')), h: Number(r.getAttribute('height')),
  };
}));
const LABEL = /^(.+)：([\d,]+) 千元，([\d.]+)%$/;

test('15 focusable cells, each labelled with name, amount and share', async (t) => {
  const site = await openApp(t, '/treemap');
  const cells = await readCells(site.page);
  assert.equal(cells.length, 15);
  for (const c of cells) {
    assert.equal(c.tabindex, '0', `${c.label} is focusable`);
    assert.match(c.label, LABEL);
    const [, , amount, share] = c.label.match(LABEL);
    // Shares are rounded by largest remainder (so they add up to 100%): within 0.01 of exact.
    assert.ok(Math.abs(Number(share) - (parseNumber(amount) / TOTAL) * 100) < 0.01, `${c.label}: share matches amount`);
  }
  assert.equal(sum(cells.map((c) => Number(c.label.match(LABEL)[3]))), 100, 'shares add up to 100%');
  assert.equal(sum(cells.map((c) => parseNumber(c.label.match(LABEL)[2]))), TOTAL, 'cells add up to the total');
  assert.equal(cells[0].label, '就業服務：258,536 千元，50.99%', 'the largest comes first in tab order');
  assertClean(site);
});

test('keyboard: Tab reaches the largest cell, the details panel follows, Enter opens it', async (t) => {
  const site = await openApp(t, '/treemap');
  const { page } = site;
  const stops = await tabUntil(page, 'g.cell');
  assert.match(stops.at(-1).label, /^就業服務：/);
  const details = page.getByTestId('treemap-details');
  assert.equal(await details.innerText(), '就業服務 — 258,536 千元 (50.99%)');
  await page.keyboard.press('Tab');
  assert.match(await details.innerText(), /^職業訓練計畫 — 43,355 千元 \(8\.55%\)$/, 'the next cell is the second largest');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/programme\/7$/);
  await page.locator('main h1', { hasText: '就業服務' }).waitFor();

  // The breadcrumb leads back to the treemap.
  const crumb = page.locator('nav.breadcrumb a', { hasText: '預算樹狀圖' });
  await crumb.click();
  await page.waitForURL(/\/treemap$/);
  assert.equal(await page.locator('svg.treemap g.cell').count(), 15);

  // The pointer does what the keyboard does: hover describes a cell, a click opens it.
  const training = page.locator('svg.treemap g.cell[aria-label^="職業訓練計畫："]');
  await training.hover();
  assert.match(await page.getByTestId('treemap-details').innerText(), /^職業訓練計畫 — 43,355 千元/);
  await training.click();
  await page.locator('main h1', { hasText: '職業訓練計畫' }).waitFor();
  assertClean(site);
});

test('the colour switch recolours cells by linked goal', async (t) => {
  const site = await openApp(t, '/treemap');
  const { page } = site;
  const before = (await readCells(page)).map((c) => c.fill);
  await page.getByRole('radio', { name: '對應目標' }).check();
  const after = (await readCells(page)).map((c) => c.fill);
  assert.notDeepEqual(after, before, 'fills change');
  // The legend now lists the goals; 就業服務 (goal 3) takes goal 3's swatch colour.
  const legend = await page.locator('ul.legend-list li').evaluateAll((lis) => lis.map((li) => [li.innerText.trim(), getComputedStyle(li.querySelector('.swatch')).backgroundColor]));
  assert.ok(legend.some(([t]) => t.startsWith('目標一')), `legend: ${legend.map((l) => l[0])}`);
  const goal3 = legend.find(([t]) => t.startsWith('目標三'));
  assert.equal(after[0], goal3[1], '就業服務 is painted like 目標三');
  await page.getByRole('radio', { name: '主要經費來源' }).check();
  assert.deepEqual((await readCells(page)).map((c) => c.fill), before, 'switching back restores the fills');
  assertClean(site);
});

for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
  test(`geometry at ${viewport.width}px: no overlaps, areas fill the chart in proportion to budgets`, async (t) => {
    const site = await openApp(t, '/treemap', { viewport });
    const { page } = site;
    const [, , vw, vh] = (await page.locator('svg.treemap').getAttribute('viewBox')).split(/\s+/).map(Number);
    const cells = await readCells(page);
    const eps = 0.01;
    for (const c of cells) {
      assert.ok(c.x >= -eps && c.y >= -eps && c.x + c.w <= vw + eps && c.y + c.h <= vh + eps, `${c.label} inside the viewBox`);
    }
    for (let i = 0; i < cells.length; i++) {
      for (let j = i + 1; j < cells.length; j++) {
        const [a, b] = [cells[i], cells[j]];
        const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
        const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
        assert.ok(ox <= eps || oy <= eps, `${a.label} overlaps ${b.label}`);
      }
    }
    const area = vw * vh;
    assert.ok(Math.abs(sum(cells.map((c) => c.w * c.h)) - area) / area < 0.001, 'cells cover the viewBox');
    for (const c of cells) {
      const want = (parseNumber(c.label.match(LABEL)[2]) / TOTAL) * area;
      assert.ok(Math.abs(c.w * c.h - want) / want < 0.01, `${c.label}: area ${(c.w * c.h).toFixed(0)} ≈ ${want.toFixed(0)}`);
    }
    // The rendered chart keeps the viewBox's proportions (cells are not stretched).
    const box = await page.locator('svg.treemap').boundingBox();
    assert.ok(Math.abs(box.width / box.height - vw / vh) < 0.02, `svg box ${box.width}×${box.height} vs viewBox ${vw}×${vh}`);
    assertClean(site);
  });
}

test('the table equivalent lists every cell', async (t) => {
  const site = await openApp(t, '/treemap');
  const { page } = site;
  await page.locator('details.table-equivalent summary').click();
  const rows = await page.locator('details.table-equivalent tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.innerText.trim())));
  assert.equal(rows.length, 15);
  assert.equal(sum(rows.map((r) => parseNumber(r[1]))), TOTAL);
  await visit(site, '/treemap'); // a full load of the route works too
  assertClean(site);
});

test('cells too small for a label are listed below the map, biggest first, each a way in', async (t) => {
  for (const width of [1280, 360]) {
    const site = await openApp(t, '/treemap', { viewport: { width, height: 800 } });
    const cells = await readCells(site.page);
    const small = cells.filter((c) => c.w < 84 || c.h < 44).map((c) => c.label.match(LABEL));
    assert.ok(small.length >= 3, `${width}px: some cells are too small to label (${small.length})`);
    const items = await site.page.locator('[data-testid=unlabelled] li').allInnerTexts();
    assert.deepEqual(items, small.map(([, name, amount, share]) => `${name} ${amount} 千元 · ${share}%`), `${width}px: the list is the small cells, biggest first`);
    // The shown cells' text and the list together name every programme.
    const named = (await site.page.locator('svg.treemap text.cell-name').allInnerTexts()).length + items.length;
    assert.equal(named, 15, `${width}px: every programme is named on the page`);
    const first = site.page.locator('[data-testid=unlabelled] a').first();
    const href = await first.getAttribute('href');
    await first.focus();
    await site.page.keyboard.press('Enter');
    await site.page.waitForURL((u) => u.pathname === href);
    await site.page.waitForSelector('[data-testid=programme-budget]');
    assert.equal(await site.page.getByTestId('programme-budget').innerText(), `${small[0][2]} 千元`);
    await assertClean(site);
  }
});
