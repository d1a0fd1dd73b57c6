// Documents as agencies publish them (issue 15): findings in the reader's language, plans
// without a budget table, budget books in other encodings and as spreadsheets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, assertClean, assertNoAxeViolations, chooseFile, setLanguage, visit, storageSnapshot, screenshot, SEED_TOTAL, fmt, TOTAL_TEXT } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url);
const seed = await readFile(new URL('assets/plans/taoyuan-labor-111-plan.txt', ROOT), 'utf8');

async function read(page, text) {
  await page.fill('#import-text', text);
  await page.click('.drop button');
  await page.waitForSelector('[data-testid=import-headline]');
  return (await page.textContent('[data-testid=import-diagnostics]')).replace(/\s+/g, ' ');
}

test('a finding reads in the reader\'s language, naming its line, in the import report', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  const shown = await read(page, seed.replace('23,220  ', '-23,220  '));
  assert.match(shown, /錯誤 第 130 行：計畫 2 的經費是負數。/);
  await setLanguage(page, 'en');
  await page.click('.drop button');
  await page.waitForSelector('[data-testid=import-headline]');
  const english = (await page.textContent('[data-testid=import-diagnostics]')).replace(/\s+/g, ' ');
  assert.match(english, /Error line 130: programme 2 has a negative budget/);
  assert.doesNotMatch(english, /[。：]/, 'no Chinese sentence in the English report (names stay Chinese)');
  assertClean(site);
});

// Plans as other tools extract them (core/tests/fixtures, figures added by hand in their
// .expected.json): budgets and notes on the item line, full-width digits, repeated headers,
// page numbers, several sources in one note, sources never seen before, a stated total.
const FIXTURES = new URL('core/tests/fixtures/', ROOT);
for (const name of ['yilan-social-113', 'keelung-industry-112']) {
  test(`${name}: read from a file, kept, and shown with its exact total, programmes and funding`, async (t) => {
    const site = await openApp(t, '/import');
    const { page } = site;
    const expected = JSON.parse(await readFile(new URL(`${name}.expected.json`, FIXTURES), 'utf8'));
    await chooseFile(page, `${name}.txt`, await readFile(new URL(`${name}.txt`, FIXTURES)));
    await page.waitForSelector('[data-testid=keep]');
    const total = `${Number(expected.total).toLocaleString('en-US')} 千元`;
    assert.equal(await page.textContent('[data-testid=import-total]'), total);
    const diags = await page.textContent('[data-testid=import-diagnostics]');
    for (const source of expected.unrecognised ?? []) assert.ok(diags.includes(`未見過的經費來源「${source}」`), `${source} in ${diags}`);
    assert.doesNotMatch(diags, /錯誤/);
    await page.fill('#keep-name', name);
    await page.click('[data-testid=keep] button');
    await page.waitForURL(/\/p\/[0-9a-z]+$/);
    // The funding sources are a section built after the page (web/src/components/later.rs):
    // after an in-app navigation it may not have started yet, so wait for its rows.
    await page.waitForSelector('details.sources tbody tr', { state: 'attached' });
    assert.equal(await page.textContent('[data-testid=total]'), total);
    assert.equal(Number(await page.textContent('[data-testid=programme-count]')), expected.programmes.length);
    const rows = await page.$$eval('details.sources tbody tr', (rs) => rs.map((r) => r.textContent));
    for (const [source, amount] of Object.entries(expected.funding_totals)) {
      const row = rows.find((r) => r.trim().startsWith(source));
      assert.ok(row, `${source} listed: ${rows.join(' | ')}`);
      assert.ok(row.includes(Number(amount).toLocaleString('en-US')), `${source} ${amount}: ${row}`);
    }
    assertClean(site);
  });
}

test('plain PDF-to-text (the table column by column) says so and points to the PDF', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  const text = await readFile(new URL('broken/column-order.txt', FIXTURES), 'utf8');
  const shown = await read(page, text);
  assert.match(shown, /錯誤 第 53 行：表格的欄位是一欄接一欄排列的.*請直接匯入 PDF 檔/);
  assert.equal((shown.match(/錯誤/g) ?? []).length, 1, 'one error, not one per programme');
  assert.equal(await page.locator('[data-testid=keep]').count(), 0);
  assertClean(site);
});

// A county's 施政目標與重點: goal groups, no budget table.
const goalsOnly = [
  '宜蘭縣政府111年度施政目標與重點',
  '【勞資關係類】',
  '一、促進勞資和諧，協處勞資爭議案件。',
  '二、輔導工會組織健全發展。',
  '【就業服務類】',
  '一、辦理就業媒合及職業訓練，',
  '提升青年就業能力。',
  '二、推動身心障礙者職業重建服務。',
  '三、加強外籍移工管理與查察。',
  '',
].join('\n');

test('a plan without a budget table is kept as its goals, and the money views say there is no budget', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  const shown = await read(page, goalsOnly);
  assert.match(shown, /沒有找到預算表/);
  assert.equal(await page.textContent('[data-testid=import-goals]'), '2 / 5');
  await page.fill('#keep-name', '宜蘭縣 目標');
  await page.click('[data-testid=keep] button');
  await page.waitForURL(/\/p\/[0-9a-z]+\/goals$/);
  const id = page.url().split('/p/')[1].split('/')[0];
  await page.waitForSelector('[data-testid=goal-tree]');
  assert.match(await page.textContent('[data-testid=no-budget]'), /這份文件沒有預算表/);
  assert.match(await page.textContent('[data-testid=goal-tree]'), /勞資關係類.*協處勞資爭議案件.*就業服務類.*提升青年就業能力/s);
  assert.doesNotMatch(await page.textContent('main'), /0 千元/, 'no zeros that read like a budget');
  await assertNoAxeViolations(page);
  await screenshot(page, 'partial-plan-goals');
  for (const view of ['treemap', 'flow', 'programmes', 'whatif']) {
    await visit(site, `/p/${id}/${view}`);
    await page.waitForSelector('[data-testid=no-budget]');
    assert.match(await page.textContent('main h1'), /這份文件沒有預算/, view);
  }
  await setLanguage(page, 'en');
  assert.match(await page.textContent('main h1'), /No budget in this document/);
  await visit(site, `/p/${id}`);
  await page.waitForSelector('[data-testid=no-budget]');
  assert.match(await page.textContent('main h1'), /宜蘭縣政府111年度施政目標與重點/);
  assertClean(site);
});

test('the overview\'s parse report words its findings when opened, in the reader\'s language', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  await read(page, seed.replace('3,542千元', '3,542千元\n合計 507,014'));
  await page.fill('#keep-name', '合計不符');
  await page.click('[data-testid=keep] button');
  await page.waitForURL(/\/p\/[0-9a-z]+$/);
  await page.click('details.parse-report summary');
  await page.waitForSelector('[data-testid=parse-report] li');
  const zh = await page.textContent('[data-testid=parse-report]');
  assert.match(zh, new RegExp(`合計是 ${fmt(SEED_TOTAL + 1)} 千元，但各項加總為 ${TOTAL_TEXT} 千元`));
  assert.equal(await page.textContent('[data-testid=total]'), `${TOTAL_TEXT} 千元`, 'the sum is shown');
  await setLanguage(page, 'en');
  await page.$eval('details.parse-report', (d) => { d.open = true; });
  await page.waitForSelector('[data-testid=parse-report] li');
  assert.match(await page.textContent('[data-testid=parse-report]'), new RegExp(`states a total of ${fmt(SEED_TOTAL + 1)} 千元 but its lines add up to ${TOTAL_TEXT} 千元`));
  assertClean(site);
});

// A city budget book: 款,項,目,名,總額 in 元, nothing to map by hand (core/tests/fixtures/books,
// whose README has the hand-added figures: 12,345,678,000 元 in 8 leaf lines).
const BOOKS = new URL('core/tests/fixtures/books/', ROOT);
const bookTotal = async () => {
  const csv = await readFile(new URL('city-yuan.csv', BOOKS), 'utf8');
  // The oracle from the file itself: the 合計 row, in 元, as 千元.
  const total = csv.split(/\r?\n/).find((l) => l.includes('合計')).split(',').pop().replace(/[",]/g, '');
  return `${Number(BigInt(total) / 1000n).toLocaleString('en-US')} 千元`;
};

test('a budget book CSV with 款,項,目,名,總額 in 元 reads with no manual mapping, in UTF-8, Big5 and UTF-16', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  const want = await bookTotal();
  assert.equal(want, '12,345,678 千元');
  for (const [name, encoding] of [['city-yuan.csv', null], ['city-yuan-big5.csv', /以 Big5 編碼讀取/], ['city-yuan-utf16.tsv', /以 UTF-16LE 編碼讀取/]]) {
    await chooseFile(page, name, await readFile(new URL(name, BOOKS)));
    await page.waitForSelector('[data-testid=mapping]');
    await page.waitForFunction((w) => document.querySelector('[data-testid=import-total]')?.textContent === w, want);
    assert.equal(await page.isChecked('#unit-yuan'), true, name);
    assert.match(await page.textContent('[data-testid=unit-assumed]'), /沒有寫單位/, name);
    if (encoding) assert.match(await page.textContent('[data-testid=import-diagnostics]'), encoding, name);
  }
  await screenshot(page, 'budget-book-big5');
  assertClean(site);
});

test('a budget book whose unit is not stated says what was assumed, and one click switches it', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  const silent = '款,項,名稱,預算數\n1,,總務,"5,000"\n1,1,文具,"2,000"\n1,2,雜支,"3,000"\n';
  await read(page, silent);
  await page.waitForSelector('[data-testid=unit-assumed]');
  const before = await page.textContent('[data-testid=import-total]');
  await page.click('[data-testid=unit-assumed] button');
  await page.waitForFunction((b) => document.querySelector('[data-testid=import-total]')?.textContent !== b, before);
  const after = await page.textContent('[data-testid=import-total]');
  const n = (s) => Number(s.replace(/[^0-9.]/g, ''));
  assert.ok(n(before) === n(after) * 1000 || n(after) === n(before) * 1000, `${before} → ${after}`);
  assertClean(site);
});

test('a spreadsheet offers every sheet by name, and its code is fetched only for such a file', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  const want = await bookTotal();
  const before = site.requests.length;
  await read(page, seed);
  assert.ok(!site.requests.slice(before).some((u) => /spreadsheet/.test(u)), 'plan text fetches no spreadsheet code');
  const stored = await storageSnapshot(page);
  for (const name of ['city-two-sheets.xlsx', 'city.ods', 'city.xls']) {
    const at = site.requests.length;
    await chooseFile(page, name, await readFile(new URL(name, BOOKS)));
    await page.waitForSelector('[data-testid=sheet-picker]');
    if (name.endsWith('.xlsx')) assert.ok(site.requests.slice(at).some((u) => /spreadsheet/.test(u)), 'the spreadsheet chunk is fetched for a workbook');
    const sheets = (await page.locator('[data-testid=sheet-picker] option').allInnerTexts()).map((s) => s.trim());
    assert.ok(sheets.some((s) => s.startsWith('封面')) && sheets.some((s) => s.startsWith('歲出')), `${name}: ${sheets.join(' | ')}`);
    const disabled = (await page.locator('[data-testid=sheet-picker] option:disabled').allInnerTexts()).join();
    assert.doesNotMatch(disabled, /歲出/, `${name}: the budget sheet can be chosen`);
    if (name.endsWith('.xlsx')) assert.match(disabled, /空白/, 'a sheet without cells is listed but cannot be chosen');
    // The cover sheet has only a title cell: the budget sheet opens.
    await page.waitForFunction((w) => document.querySelector('[data-testid=import-total]')?.textContent === w, want);
    assert.equal(await page.locator('[data-testid=import-result] h2', { hasText: '某市 113年度總預算' }).count(), 1, `${name}: the title comes from the title row`);
  }
  await assertNoAxeViolations(page);
  await screenshot(page, 'spreadsheet-sheets');
  const xlsx = await readFile(new URL('city-two-sheets.xlsx', BOOKS));
  await chooseFile(page, 'broken.xlsx', xlsx.subarray(0, 300));
  await page.waitForFunction(() => /試算表/.test(document.querySelector('[data-testid=import-diagnostics]')?.textContent ?? ''));
  await chooseFile(page, 'not-a-sheet.xlsx', Buffer.from('hello, world\n'));
  await page.waitForFunction(() => /試算表/.test(document.querySelector('[data-testid=import-diagnostics]')?.textContent ?? ''));
  assert.equal(await storageSnapshot(page), stored, 'storage untouched');
  assertClean(site);
});

test('what-if messages read in the reader\'s language: a mangled link names its field, a warning its figures', async (t) => {
  const site = await openApp(t, '/whatif?s=v1~99_100');
  const { page } = site;
  await page.waitForSelector('[data-testid=scenario-error]');
  assert.match(await page.textContent('[data-testid=scenario-error]'), /第 2 個欄位（「99_100」）：這份計畫沒有計畫 99。/);
  await setLanguage(page, 'en');
  await page.waitForSelector('[data-testid=scenario-error]');
  assert.match(await page.textContent('[data-testid=scenario-error]'), /field 2 \(`99_100`\): programme 99 is not in this plan/);
  // Keep the total while one programme takes more than all the others hold.
  await visit(site, '/whatif?s=v1~k~7_100000000');
  await page.waitForSelector('ul.warnings li');
  assert.match(await page.textContent('ul.warnings'), /the other programmes hold only [\d,]+ 千元/);
  await setLanguage(page, 'zh');
  await page.waitForSelector('ul.warnings li');
  assert.match(await page.textContent('ul.warnings'), /其他計畫只有 [\d,]+ 千元，增加的部分有 [\d,]+ 千元無法從它們移來/);
  assertClean(site);
});
