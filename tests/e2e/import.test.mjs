// Reading another plan in the browser, and a suite of hostile inputs (issue 6): each gives a
// clear message naming the place, never a panic or a blank page, and leaves what the reader
// stored untouched. Imported text is shown as text, never as markup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, assertClean, chooseFile, TOTAL_TEXT } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url);
const seed = await readFile(new URL('assets/plans/taoyuan-labor-111-plan.txt', ROOT), 'utf8');

const openImport = (t) => openApp(t, '/import');

async function paste(page, text) {
  await page.fill('#import-text', text);
  await page.getByRole('button', { name: '解析' }).click();
  await page.waitForSelector('[data-testid=import-headline]');
  return { headline: await page.textContent('[data-testid=import-headline]'), diagnostics: await page.textContent('[data-testid=import-diagnostics]') };
}

async function upload(page, name, buffer) {
  // Playwright takes buffers up to 50 MB; larger inputs go through a file.
  await chooseFile(page, name, buffer);
  await page.waitForSelector('[data-testid=import-result] > *');
  return page.textContent('[data-testid=import-result]');
}

const storage = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

test('a pasted plan is read in the browser and previewed with figures from plan-core', async (t) => {
  const site = await openImport(t);
  const { headline } = await paste(site.page, seed);
  assert.equal(headline, '讀取成功，沒有任何問題。');
  assert.equal(await site.page.textContent('[data-testid=import-total]'), `${TOTAL_TEXT} 千元`);
  const fixture = await readFile(new URL('core/tests/fixtures/chiayi-labor-111.txt', ROOT), 'utf8');
  const expected = JSON.parse(await readFile(new URL('core/tests/fixtures/chiayi-labor-111.expected.json', ROOT), 'utf8'));
  await paste(site.page, fixture);
  assert.equal(await site.page.textContent('[data-testid=import-total]'), `${Number(expected.total).toLocaleString('en-US')} 千元`);
  assertClean(site);
});

const hostile = [
  ['an empty paste', { text: '' }, /第 1 行.*empty/],
  ['a 50 MB file', { file: Buffer.alloc(50 * 1024 * 1024, 0x41) }, /50 MB.*20 MB/],
  ['binary garbage', { file: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)) }, /(binary-input|not-utf8)/],
  // Big5 is decoded (and said so); these few bytes are no plan, so nothing is accepted.
  ['Big5 bytes', { file: Buffer.from([0xb3, 0xd2, 0xb0, 0xca, 0xa7, 0xbd, 0x20, 0x31, 0x31, 0x31, 0x0a]) }, /以 Big5 編碼讀取/],
  ['bytes in no known encoding', { file: Buffer.from([0x41, 0x0a, 0xff, 0xfe, 0xfd, 0x81, 0x0a]) }, /第 2 行.*UTF-8、UTF-16 或 Big5/],
  ['deeply nested JSON', { file: Buffer.from('{"a":'.repeat(5000) + '1' + '}'.repeat(5000)) }, /第 1 行.*bad-json/],
  ['a 40-digit budget', { text: seed.replace('5,310 勞工權益基金', '1234567890123456789012345678901234567890 勞工權益基金') }, /第 112 行.*budget-not-a-number/],
  ['a negative budget', { text: seed.replace('23,220  ', '-23,220  ') }, /第 130 行.*negative-budget/],
  ['duplicate programme numbers', { text: seed.replace('四、勞工教育大樓', '三、勞工教育大樓') }, /第 143 行.*duplicate-number/],
  ['notes larger than the budget', { text: seed.replace('5,310千元', '9,310千元') }, /第 112 行.*notes-exceed-budget/],
  ['JSON that is not a plan', { file: Buffer.from('{"schema_version": 1, "agency": 5}') }, /第 1 行.*bad-json/],
];

for (const [name, input, expected] of hostile) {
  test(`hostile input: ${name} gives a clear message and leaves storage intact`, async (t) => {
    const site = await openImport(t);
    const { page } = site;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: '中文' }).click(); // something stored: the language
    const before = await storage(page);
    let shown;
    if ('text' in input) shown = Object.values(await paste(page, input.text)).join(' ');
    else shown = await upload(page, 'input.bin', input.file);
    assert.match(shown.replace(/\s+/g, ' '), expected);
    assert.doesNotMatch(shown, /讀取成功/, 'nothing hostile is accepted');
    assert.equal(await storage(page), before, 'stored data untouched');
    assert.ok(await page.isVisible('nav[aria-label="主要"]'), 'the page is still there');
    assertClean(site);
  });
}

test('imported markup, script URLs and RTL/zero-width characters render as inert text', async (t) => {
  const site = await openImport(t);
  const { page } = site;
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  const evil = seed
    .replace('ㄧ、協處勞資爭議', 'ㄧ、<img/src=x/onerror=alert(1)>')
    .replace('勞工學苑計畫', '<script>alert(2)</script>')
    .replace('勞工教育大樓', '<a href="javascript:alert(3)">\u202e\u200b樓</a>');
  await paste(page, evil);
  const result = page.locator('[data-testid=import-result]');
  assert.equal(await result.locator('img, script, a[href^="javascript"]').count(), 0, 'no element was created from the text');
  const text = await result.textContent();
  assert.ok(text.includes('<img/src=x/onerror=alert(1)>調解案件計畫'), 'shown literally');
  assert.ok(text.includes('<script>alert(2)</script>'));
  await page.waitForTimeout(200);
  assert.equal(dialogs, 0);
  assertClean(site);
});
