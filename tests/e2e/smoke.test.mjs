// Smoke test: the built site boots in a real browser, without errors, from its own origin only,
// at a phone and a desktop size, and also when deployed under a sub-path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSite, waitForApp, assertNoErrors, assertSameOrigin, screenshot, SUB_PATH } from './harness.mjs';

const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`/ boots at ${size}`, async (t) => {
    const site = await openSite('/', { viewport });
    t.after(() => site.close());

    await waitForApp(site.page);
    assert.notEqual((await site.page.title()).trim(), '', 'page title is empty');
    assertNoErrors(site);
    assertSameOrigin(site.requests, site.origin);
    await screenshot(site.page, `smoke-${size}`);
  });
}

test(`the ${SUB_PATH} build boots and loads everything from under ${SUB_PATH}`, async (t) => {
  const site = await openSite('/', { base: SUB_PATH });
  t.after(() => site.close());

  await waitForApp(site.page);
  assertNoErrors(site);
  assertSameOrigin(site.requests, site.origin, { base: SUB_PATH });
});
