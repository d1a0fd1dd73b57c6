// The programme table: 15 rows, sortable, filterable (Chinese or English), totals follow the filter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, assertClean, parseNumber, sum, fmt, setLanguage, SEED_TOTAL as TOTAL, TOTAL_TEXT } from './harness.mjs';


/** Visible rows: number, name, budget, share, central, special, city, goal. */
const readRows = (page) => page.locator('table.programmes tbody tr').evaluateAll((trs) => trs.map((tr) => {
  const c = [...tr.children].map((x) => x.innerText.trim());
  const n = (s) => Number(s.replace(/[,%]/g, ''));
  return { number: Number(c[0]), name: c[1], budget: n(c[2]), share: n(c[3]), central: n(c[4]), special: n(c[5]), city: n(c[6]), goal: c[7] };
}));
const readTotals = (page) => page.locator('table.programmes tfoot tr').evaluate((tr) => [...tr.children].map((x) => x.innerText.trim()));

/** The totals row must be the sum of the visible rows, column by column. */
async function assertTotalsMatch(page) {
  const rows = await readRows(page);
  const [label, budget, share, central, special, city] = await readTotals(page);
  assert.equal(label, `合計（${rows.length} 項）`);
  assert.equal(budget, fmt(sum(rows.map((r) => r.budget))), 'total budget = sum of visible rows');
  assert.equal(await page.getByTestId('table-total').innerText(), budget);
  assert.ok(Math.abs(parseNumber(share) - (parseNumber(budget) / TOTAL) * 100) < 0.01, `total share ${share}`);
  assert.equal(central, fmt(sum(rows.map((r) => r.central))));
  assert.equal(special, fmt(sum(rows.map((r) => r.special))));
  assert.equal(city, fmt(sum(rows.map((r) => r.city))));
  return rows;
}

async function filter(page, text) {
  await page.locator('#filter').fill(text);
  await page.waitForFunction((q) => document.querySelector('#filter').value === q, text);
}

test(`15 rows whose columns add up, totals ${TOTAL_TEXT}`, async (t) => {
  const site = await openApp(t, '/programmes');
  const { page } = site;
  const rows = await assertTotalsMatch(page);
  assert.equal(rows.length, 15);
  assert.deepEqual(rows.map((r) => r.number), [...Array(15).keys()].map((i) => i + 1), 'sorted by number at first');
  assert.equal(await page.getByTestId('table-total').innerText(), TOTAL_TEXT);
  for (const r of rows) assert.equal(r.central + r.special + r.city, r.budget, `${r.name}: sources add up`);
  const employment = rows.find((r) => r.number === 7);
  assert.deepEqual([employment.name, employment.budget, employment.share], ['就業服務', 258_536, 50.99]);
  const [, , share, central, , city] = await readTotals(page);
  assert.deepEqual([share, central, city], ['100%', '352,190', '120,364']);
  assertClean(site);
});

test('clicking 預算 sorts by budget, descending then ascending', async (t) => {
  const site = await openApp(t, '/programmes');
  const { page } = site;
  const header = page.locator('th', { has: page.getByRole('button', { name: /^預算/ }) });
  assert.equal(await header.getAttribute('aria-sort'), 'none');
  await header.getByRole('button').click();
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  const down = (await readRows(page)).map((r) => r.budget);
  assert.deepEqual(down, [...down].sort((a, b) => b - a));
  assert.equal(down[0], 258_536);
  await header.getByRole('button').click();
  assert.equal(await header.getAttribute('aria-sort'), 'ascending');
  const up = (await readRows(page)).map((r) => r.budget);
  assert.deepEqual(up, [...up].sort((a, b) => a - b));
  assert.deepEqual(up, [...down].reverse());
  await assertTotalsMatch(page);
  assertClean(site);
});

// Each column's order is worked out once and flipped for the other direction (table.rs): a
// column sorted again, after another, must come back in the same order, filtered or not.
test('a sort keeps the filter and its totals, and a column sorted again gives the same order', async (t) => {
  const site = await openApp(t, '/programmes');
  const { page } = site;
  const sortBy = (name) => page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await sortBy('市總預算');
  const first = (await readRows(page)).map((r) => r.number);
  const cities = (await readRows(page)).map((r) => r.city);
  assert.deepEqual(cities, [...cities].sort((a, b) => b - a), 'descending by city budget');
  await sortBy('計畫名稱');
  await sortBy('市總預算');
  assert.deepEqual((await readRows(page)).map((r) => r.number), first, 'the same order the second time');
  await filter(page, '勞');
  const kept = await assertTotalsMatch(page);
  assert.ok(kept.length > 1 && kept.length < 15, `勞 keeps some rows: ${kept.length}`);
  await sortBy('市總預算');
  const flipped = await assertTotalsMatch(page);
  assert.deepEqual(flipped.map((r) => r.number), kept.map((r) => r.number).reverse(), 'the filtered rows, flipped');
  assert.deepEqual(flipped.map((r) => r.city), [...flipped.map((r) => r.city)].sort((a, b) => a - b));
  assertClean(site);
});

// The filter searches names and items (what each programme does). In the FY111 plan
// 勞資爭議 is in programme 1's name and in the items of 4, 10 and 11 only (read off the
// document by hand).
test('filtering by 勞資爭議 finds programmes by name and by their items, and the totals follow', async (t) => {
  const site = await openApp(t, '/programmes');
  const { page } = site;
  await filter(page, '勞資爭議');
  const rows = await assertTotalsMatch(page);
  assert.equal(await page.getByTestId('match-count').textContent(), `符合 ${rows.length} 項計畫`, 'the count is announced');
  assert.deepEqual(rows.map((r) => r.number).sort((a, b) => a - b), [1, 4, 10, 11]);
  assert.deepEqual(rows.filter((r) => r.name.includes('勞資爭議')).map((r) => r.number), [1], 'only one matches by name');
  assert.equal(await page.getByTestId('table-total').innerText(), fmt(sum(rows.map((r) => r.budget))));

  await filter(page, '');
  assert.equal((await readRows(page)).length, 15);
  assert.equal(await page.getByTestId('table-total').innerText(), TOTAL_TEXT);
  assertClean(site);
});

test('filtering in English ("training") matches the English gloss', async (t) => {
  const site = await openApp(t, '/programmes');
  const { page } = site;
  await filter(page, 'training');
  const zh = await assertTotalsMatch(page);
  assert.ok(zh.length >= 2, `rows: ${zh.map((r) => r.name)}`);
  assert.ok(zh.some((r) => r.name === '職業訓練計畫'));

  // In English the gloss is shown: every row left says "training", and no other row does.
  await filter(page, '');
  await setLanguage(page, 'en');
  const all = await readRows(page);
  await filter(page, 'training');
  const en = await readRows(page);
  for (const r of en) assert.match(r.name, /training/i);
  assert.deepEqual(en.map((r) => r.number), all.filter((r) => /training/i.test(r.name)).map((r) => r.number));
  assert.deepEqual(en.map((r) => r.number), zh.map((r) => r.number), 'the same rows in either language');
  await filter(page, 'TRAINING');
  assert.equal((await readRows(page)).length, en.length, 'case-insensitive');

  await filter(page, '');
  assert.equal(await page.getByTestId('table-total').innerText(), TOTAL_TEXT);
  assertClean(site);
});

test('a filter that matches nothing shows an empty table with zero totals', async (t) => {
  const site = await openApp(t, '/programmes');
  const { page } = site;
  await filter(page, 'zzzz-no-such-programme');
  assert.equal((await readRows(page)).length, 0);
  assert.equal(await page.getByTestId('table-total').innerText(), '0');
  assertClean(site);
});
