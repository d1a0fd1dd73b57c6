// How it looks: full-page screenshots of every route at phone and desktop widths (for a
// person to review in tests/e2e/screenshots/), no sideways scrolling on a phone, dark mode, print.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, visit, assertClean, screenshot } from './harness.mjs';

const ROUTES = [
  ['overview', '/'], ['treemap', '/treemap'], ['goals', '/goals'], ['goals-sunburst', '/goals', 'sunburst'],
  ['programmes', '/programmes'], ['programme-7', '/programme/7'], ['flow', '/flow'], ['methods', '/methods'], ['import', '/import'], ['not-found', '/programme/999'],
  ['whatif', '/whatif'], ['notes', '/notes'], ['library', '/library'], ['compare', '/compare?a=seed&b=seed'],
];

async function show(site, route, extra) {
  await visit(site, route);
  if (extra === 'sunburst') {
    await site.page.getByRole('button', { name: '旭日圖' }).click();
    await site.page.locator('svg.sunburst').waitFor();
  }
}

for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
  test(`every route at ${viewport.width}px, light and dark: screenshots${viewport.width === 360 ? ', no horizontal overflow' : ''}`, async (t) => {
    const site = await openApp(t, '/', { viewport });
    const { page } = site;
    const overflow = [];
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, route, extra] of ROUTES) {
        await show(site, route, extra);
        await screenshot(page, `${name}-${scheme}-${viewport.width}`);
        if (scheme === 'dark') continue;
        const { scrollWidth, culprits } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          culprits: [...document.querySelectorAll('main *')]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap'))
            .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''} right=${Math.round(e.getBoundingClientRect().right)}`),
        }));
        if (scrollWidth > viewport.width + 1) overflow.push(`${route}${extra ? ` (${extra})` : ''}: scrollWidth ${scrollWidth} (${culprits.join(', ')})`);
      }
    }
    if (viewport.width === 360) assert.deepEqual(overflow, [], `horizontal overflow at 360px:\n${overflow.join('\n')}`);
    assertClean(site);
  });
}

/** Relative luminance (0 black … 1 white) of a CSS rgb() colour. */
const luminance = (css) => {
  const [r, g, b] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

test('dark mode renders a dark background with light text', async (t) => {
  const site = await openApp(t, '/', { contextOptions: { colorScheme: 'dark' } });
  const { page } = site;
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const [name, route, extra] of [ROUTES[0], ROUTES[1], ROUTES[4], ROUTES[6]]) {
    await show(site, route, extra);
    const { bg, fg } = await page.evaluate(() => ({ bg: getComputedStyle(document.body).backgroundColor, fg: getComputedStyle(document.querySelector('main h1')).color }));
    assert.ok(luminance(bg) < 0.05, `${route}: body background ${bg} is dark`);
    assert.ok(luminance(fg) > 0.6, `${route}: heading colour ${fg} is light`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  assert.ok(luminance(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)) > 0.9, 'light again');
  assertClean(site);
});

test('print hides the navigation and keeps the content', async (t) => {
  const site = await openApp(t, '/programme/7');
  const { page } = site;
  assert.ok(await page.locator('header.site nav').isVisible(), 'nav shown on screen');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.site nav').isVisible(), false, 'nav hidden in print');
  assert.equal(await page.locator('header.site button.lang').isVisible(), false, 'language button hidden in print');
  assert.equal(await page.locator('footer.site').isVisible(), false);
  assert.ok(await page.locator('main h1').isVisible(), 'content kept');
  assert.ok(await page.getByTestId('programme-budget').isVisible());
  await screenshot(page, 'programme-7-print');
  await visit(site, '/');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.site nav').isVisible(), false);
  assert.ok(await page.getByTestId('total').isVisible());
  assertClean(site);
});
