// Chart-only routes for <iframe> embedding (issue 6): no site chrome, the chart, a link back,
// and a copyable snippet on the chart's own page that points at the right (base-aware) URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, assertClean, SUB_PATH } from './harness.mjs';

for (const [chart, selector] of [['treemap', 'svg.treemap g.cell'], ['funding', '.funding-bar svg'], ['flow', 'svg.sankey g.node'], ['goals', '[data-testid=goal-tree]']]) {
  test(`/embed/${chart} shows only the chart`, async (t) => {
    const site = await openApp(t, `/embed/${chart}`);
    const { page } = site;
    await page.waitForSelector(selector);
    assert.equal(await page.locator('header.site').count(), 0, 'no site header');
    assert.equal(await page.locator('footer.site').count(), 0, 'no site footer');
    assert.match(await page.textContent('.embed-credit a'), /施政計畫透視/);
    assertClean(site);
  });
}

test('the embed snippet inside an iframe renders the chart (sub-path build)', async (t) => {
  const site = await openApp(t, 'treemap', { base: SUB_PATH });
  const { page } = site;
  await page.locator('details.embed summary').click();
  const snippet = await page.inputValue('details.embed textarea');
  const src = snippet.match(/src="([^"]+)"/)[1];
  assert.equal(new URL(src).pathname, `${SUB_PATH}embed/treemap`);
  // Put the snippet into a page of the same site and look inside the frame.
  await page.evaluate((s) => { document.body.insertAdjacentHTML('beforeend', s); }, snippet);
  const frame = page.frameLocator('iframe');
  await frame.locator('svg.treemap g.cell').first().waitFor();
  assert.equal(await frame.locator('g.cell').count(), 15);
  assertClean(site, { base: SUB_PATH });
});
