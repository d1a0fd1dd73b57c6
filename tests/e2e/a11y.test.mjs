// Accessibility: axe-core finds nothing on any route, in either language; the keyboard walks
// the header in order (skip link, nav links, language button).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, visit, assertClean, assertNoAxeViolations, axeAudit, formatViolations, setLanguage, tabUntil } from './harness.mjs';

const ROUTES = ['/', '/treemap', '/goals', '/goals#sunburst', '/programmes', '/programme/7', '/flow', '/methods', '/import', '/embed/treemap', '/whatif', '/notes', '/library', '/compare?a=seed&b=seed'];

for (const [lang, scheme] of [['zh', 'light'], ['en', 'light'], ['zh', 'dark']]) {
  test(`axe: no violations on any route (${lang}, ${scheme})`, async (t) => {
    const site = await openApp(t, '/');
    const { page } = site;
    await page.emulateMedia({ colorScheme: scheme });
    await setLanguage(page, lang);
    const failures = [];
    for (const route of ROUTES) {
      await visit(site, route.replace('#sunburst', ''));
      if (route.endsWith('#sunburst')) {
        await page.getByRole('button', { name: lang === 'en' ? 'Sunburst' : '旭日圖' }).click();
        await page.locator('svg.sunburst').waitFor();
      }
      assert.equal(await page.getAttribute('html', 'lang'), lang === 'en' ? 'en' : 'zh-Hant-TW');
      const violations = await axeAudit(page);
      if (violations.length) failures.push(`${route} (${lang}, ${scheme}):\n${formatViolations(violations)}`);
    }
    assert.deepEqual(failures, [], failures.join('\n\n'));
    assertClean(site);
  });
}

test('axe: the not-found page, and a programme page with every details element open', async (t) => {
  const site = await openApp(t, '/programme/999');
  await assertNoAxeViolations(site.page);
  await visit(site, '/programme/7');
  await site.page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  await assertNoAxeViolations(site.page);
  assertClean(site);
});

test('keyboard: Tab from the top reaches the skip link, the nav links, then the language button', async (t) => {
  const site = await openApp(t, '/');
  const { page } = site;
  const stops = await tabUntil(page, 'header.site button.lang', 20);
  const names = stops.map((s) => s.text);
  const expected = ['跳到主要內容', '概覽', '預算圖', '目標', '計畫列表', '資金流向', 'English'];
  const at = expected.map((n) => names.indexOf(n));
  assert.ok(at.every((i) => i >= 0), `all reached: ${JSON.stringify(names)}`);
  assert.deepEqual(at, [...at].sort((a, b) => a - b), `in order: ${JSON.stringify(names)}`);
  assert.equal(at[0], 0, 'the skip link is the first stop');
  assert.equal(stops[0].href, '#main');
  assertClean(site);
});

test('the skip link keeps the page and moves focus into main (on a route other than /)', async (t) => {
  const site = await openApp(t, '/programmes');
  const { page } = site;
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  const box = await page.locator('a.skip').boundingBox();
  assert.ok(box && box.x >= 0 && box.y >= 0 && box.width > 0, `the skip link is on screen when focused: ${JSON.stringify(box)}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  assert.equal(new URL(page.url()).pathname, '/programmes', 'still on the same page');
  assert.equal(await page.locator('main h1').innerText(), '計畫列表');
  assert.ok(await page.evaluate(() => document.getElementById('main').contains(document.activeElement)), 'focus moved to main');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'filter', 'the next Tab reaches the first control in main');
  assertClean(site);
});
