// One programme at its own URL: figures, items, funding, provenance, neighbours, deep links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, assertClean, parseNumber, sum, texts, SUB_PATH, SEED_TOTAL as TOTAL, TOTAL_TEXT } from './harness.mjs';


async function assertEmploymentServices(page) {
  await page.locator('main h1', { hasText: '就業服務' }).waitFor();
  assert.equal(await page.locator('main p.label').first().innerText(), '計畫七');
  assert.equal(await page.getByTestId('programme-budget').innerText(), '258,536 千元');
  assert.equal(await page.getByTestId('programme-share').innerText(), '50.99%');
  assert.equal(((258_536 / TOTAL) * 100).toFixed(2), '50.99', 'the share follows from the figures');
}

test('/programme/7 loads directly and shows 就業服務, its figures, items and funding', async (t) => {
  const site = await openApp(t, '/programme/7');
  const { page } = site;
  await assertEmploymentServices(page);
  const facts = await page.locator('dl.facts').innerText();
  assert.match(facts, /2\.59 億元/);
  assert.match(facts, /排名第 1 \/ 15/);
  assert.match(facts, /每花 100 元，有 50\.99 元用在這裡/);

  const items = await texts(page, 'ol.items > li');
  assert.equal(items.length, 3);
  assert.match(items[0], /就業中心/);

  const bar = page.locator('.funding-bar');
  assert.equal(await bar.locator('svg').count(), 1);
  const legend = await bar.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.innerText.trim())));
  assert.deepEqual(legend, [['中央補助款', '191,616', '74.12%'], ['市總預算', '66,920', '25.88%']]);
  assert.equal(sum(legend.map((r) => parseNumber(r[1]))), 258_536, 'the sources add up to the budget');
  assert.equal(sum(legend.map((r) => parseNumber(r[2]))), 100);

  // Other strategies it might serve are scored when asked for, none of them already linked.
  await page.getByText('其他可能的策略').click();
  // The list is built after the toggle event, which the browser queues after the click.
  const asked = 'details:has(> summary:text("其他可能的策略")) li';
  await page.locator(asked).first().waitFor();
  const others = await texts(page, asked);
  const linked = await texts(page, '[data-testid=link] a');
  assert.ok(others.length >= 1 && others.length <= 3, `alternatives: ${others}`);
  for (const o of others) {
    assert.match(o, /^策略 [\d.]+ .+ — 分數 [\d.]+$/);
    const label = o.split(' ').slice(0, 2).join(' ') + ' ';
    assert.ok(!linked.some((l) => l.startsWith(label)), `${o} is not already linked`);
  }

  await page.reload();
  await assertEmploymentServices(page);
  assertClean(site);
});

test('provenance: the budget comes from source line 207, which reads 258,536', async (t) => {
  const site = await openApp(t, '/programme/7');
  const { page } = site;
  const prov = page.locator('dl.facts details.provenance').first();
  assert.equal(await prov.locator('summary').innerText(), '原文第 207 行');
  assert.equal(await prov.locator('pre').isVisible(), false, 'closed until asked');
  await prov.locator('summary').click();
  const pre = await prov.locator('pre').innerText();
  assert.match(pre, /^\s*207\s+258,536/m);
  // The whole programme's source is open at the bottom and contains that line too.
  const all = await page.locator('details.provenance[open] pre').last().innerText();
  assert.ok(all.includes('207') && all.includes('258,536') && all.includes('就業服務'));
  assertClean(site);
});

test('neighbours in the ranking navigate', async (t) => {
  const site = await openApp(t, '/programme/7');
  const { page } = site;
  const neighbours = await texts(page, 'ul.neighbours li');
  assert.deepEqual(neighbours.map((n) => n.split('：')[0]), ['較小'], 'the largest has only a smaller neighbour');
  assert.ok(parseNumber(neighbours[0].split('：')[1].replace(/^\D+/, '')) < 258_536);
  await page.locator('ul.neighbours a').click();
  await page.waitForURL(/\/programme\/6$/);
  await page.locator('main h1', { hasText: '職業訓練計畫' }).waitFor();
  assert.equal(await page.getByTestId('programme-budget').innerText(), '43,355 千元');
  const around = await texts(page, 'ul.neighbours li');
  assert.equal(around.length, 2);
  assert.match(around[0], /^較大：就業服務 258,536 千元$/);
  const smaller = parseNumber(around[1].replace(/^.*?(\d[\d,]*) 千元$/, '$1'));
  assert.ok(smaller <= 43_355, `smaller neighbour ${smaller} ≤ 43,355`);
  await page.locator('ul.neighbours a', { hasText: '就業服務' }).click();
  await assertEmploymentServices(page);
  await page.goBack();
  await page.waitForURL(/\/programme\/6$/);
  assertClean(site);
});

for (const bogus of ['/programme/999', '/programme/abc', '/programme/0', '/no-such-page']) {
  test(`${bogus} shows the not-found message`, async (t) => {
    const site = await openApp(t, bogus);
    const { page } = site;
    assert.equal(await page.locator('main h1').innerText(), '找不到這個頁面');
    assert.match(await page.locator('main').innerText(), /這個計畫不存在/);
    await page.getByRole('link', { name: '回到概覽' }).click();
    assert.equal(await page.getByTestId('total').innerText(), `${TOTAL_TEXT} 千元`);
    assertClean(site);
  });
}

test(`the deep link works in the ${SUB_PATH} build`, async (t) => {
  const site = await openApp(t, 'programme/7', { base: SUB_PATH });
  const { page } = site;
  await assertEmploymentServices(page);
  await page.reload();
  await assertEmploymentServices(page);
  // Links inside the app stay under the base.
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs.filter((h) => !h.startsWith('#') && !new URL(h, page.url()).pathname.startsWith(SUB_PATH)), [], `links outside ${SUB_PATH}`);
  await page.locator('nav.breadcrumb a', { hasText: '預算樹狀圖' }).click();
  await page.waitForURL((u) => u.pathname === `${SUB_PATH}treemap`);
  assert.equal(await page.locator('g.cell').count(), 15);
  assertClean(site, { base: SUB_PATH });
});
