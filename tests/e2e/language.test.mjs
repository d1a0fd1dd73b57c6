// Language: zh-TW by default; "English" switches the UI, keeps names Chinese with a gloss,
// is remembered across reloads (localStorage), and switches back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, visit, assertClean, texts, TOTAL_TEXT } from './harness.mjs';

const NAV_ZH = ['概覽', '預算圖', '目標', '計畫列表', '資金流向', '試算', '筆記', '我的計畫', '比較', '匯入'];
const NAV_EN = ['Overview', 'Treemap', 'Goals', 'Programmes', 'Money flow', 'What if', 'Notes', 'My plans', 'Compare', 'Import'];

test('English switches the UI, survives a reload, and switches back', async (t) => {
  const site = await openApp(t, '/');
  const { page } = site;
  const button = page.locator('header.site button.lang');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant-TW');
  assert.deepEqual(await texts(page, 'header.site nav a'), NAV_ZH);
  assert.equal(await button.innerText(), 'English');
  assert.equal(await button.getAttribute('lang'), 'en', 'the button is labelled in the language it offers');

  await button.click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.deepEqual(await texts(page, 'header.site nav a'), NAV_EN);
  assert.equal(await button.innerText(), '中文');
  assert.equal(await page.getByTestId('total').innerText(), `${TOTAL_TEXT} (NT$ thousand)`);
  assert.match(await page.getByTestId('total-short').innerText(), /^NT\$507\.0 million$/);
  assert.match(await page.locator('.skip').textContent(), /Skip to content/);
  assert.equal(await page.evaluate(() => localStorage.getItem('plan-explorer.lang')), 'en');

  await page.reload();
  await page.waitForSelector('body[data-app-ready]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'still English after a reload');
  assert.deepEqual(await texts(page, 'header.site nav a'), NAV_EN);
  await visit(site, '/programmes');
  assert.equal(await page.locator('main h1').innerText(), 'Programmes', 'and on a fresh load of another route');

  await button.click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant-TW');
  assert.equal(await page.locator('main h1').innerText(), '計畫列表');
  assert.deepEqual(await texts(page, 'header.site nav a'), NAV_ZH);
  await page.reload();
  await page.waitForSelector('body[data-app-ready]');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant-TW');
  assertClean(site);
});

test('programme names stay Chinese, with the English gloss beside them', async (t) => {
  const site = await openApp(t, '/programme/7');
  const { page } = site;
  assert.equal(await page.locator('main h1 .gloss').count(), 0, 'no gloss in Chinese');
  await page.locator('header.site button.lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const h1 = page.locator('main h1');
  assert.equal(await h1.locator('.name').innerText(), '就業服務');
  assert.equal(await h1.locator('.name').getAttribute('lang'), 'zh-Hant-TW');
  assert.equal(await h1.locator('.gloss').innerText(), 'Employment services');
  assert.ok(await h1.locator('.gloss').isVisible());
  assert.equal(await page.getByTestId('programme-budget').innerText(), '258,536 (NT$ thousand)');
  assert.equal(await page.locator('main p.label').first().innerText(), 'Programme 7');

  // In the table and treemap too: "就業服務 — Employment services".
  await page.locator('header.site nav a', { hasText: 'Programmes' }).click();
  await page.locator('main h1', { hasText: 'Programmes' }).waitFor();
  const names = await texts(page, 'table.programmes tbody th');
  assert.ok(names.includes('就業服務 — Employment services'), names.join(' | '));
  assert.ok(names.every((n) => /[\u4e00-\u9fff]/.test(n)), 'every name keeps its Chinese');
  await page.locator('header.site nav a', { hasText: 'Treemap' }).click();
  assert.match(await page.locator('g.cell').first().getAttribute('aria-label'), /^就業服務 — Employment services[:：] ?258,536 \(NT\$ thousand\)[,，] ?50\.99%$/);
  assertClean(site);
});
