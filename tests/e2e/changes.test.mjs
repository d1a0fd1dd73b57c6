// What changed (issue 34): a real budget book with last year's figures, imported as a reader
// brings it, then ranked, filtered, drilled into, charted and exported. The figures are the
// book's own (core/tests/fixtures/books/real/README.md; core/tests/real_books.rs checks them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, assertClean, assertNoAxeViolations, chooseFile, download, keep, screenshot, setLanguage, texts, visit } from './harness.mjs';

const REAL = new URL('../../core/tests/fixtures/books/real/', import.meta.url);

async function keepBook(site) {
  const { page } = site;
  await chooseFile(page, 'dgbas-103-agency-flat.csv', await readFile(new URL('dgbas-103-agency-flat.csv', REAL)));
  await page.waitForFunction(() => document.querySelector('[data-testid=import-total]')?.textContent === '24,037,487 千元');
  return keep(site, '中央政府總預算 103 節錄');
}

/** CSV text → its records as lines of text (a quoted field may hold line breaks). */
function records(text) {
  const out = [];
  let record = '', quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === '\n' && !quoted) { out.push(record.replace(/\r$/, '')); record = ''; } else record += ch;
  }
  if (record) out.push(record);
  return out;
}

const firstRow = (page) => page.evaluate(() => {
  const tr = document.querySelector('[data-testid=changes-table] tbody tr');
  return [tr.querySelector('th a').textContent, ...[...tr.children].slice(1).map((c) => c.textContent.trim())];
});

test('what changed in a real book: the top increase and cut with their reasons, levels, a line inside, the chart, the export', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  const id = await keepBook(site);
  // The book's overview leads to it with the biggest increase and cut.
  await page.waitForSelector('[data-testid=book-biggest-changes]');
  assert.equal(
    await page.textContent('[data-testid=book-biggest-changes]'),
    '增加最多：國家生技研究園區 +1,319,697 千元（+56.01%）；減少最多：營建工程 −195,337 千元（−48.31%） 看增減與理由 →',
  );
  await page.click('[data-testid=book-biggest-changes] a');
  await page.waitForURL(/\/changes$/);
  await page.waitForSelector('[data-testid=changes-table] tbody tr');
  assert.equal(
    await page.textContent('[data-testid=changes-summary]'),
    '本年度 24,037,487 千元，上年度 22,630,045 千元，增減 +1,407,442 千元（+6.22%）。增加 11 項、減少 14 項、新增 1 項、停列 2 項、持平 6 項。',
  );
  // Ranked by the increase in 千元: the biggest first, with the agency's reason.
  const [name, now, last, change, pct, why] = await firstRow(page);
  assert.deepEqual([name, now, last, change, pct], ['國家生技研究園區', '3,676,000', '2,356,303', '+1,319,697', '+56.01%']);
  assert.ok(why.length > 0, 'its explanation is beside it');
  // The biggest cut, by choosing the ranking.
  await page.selectOption('[data-testid=changes-controls] select >> nth=1', 'cut');
  await page.waitForURL(/by=cut/);
  await page.waitForFunction(() => document.querySelector('[data-testid=changes-table] tbody tr th a')?.textContent === '營建工程');
  assert.deepEqual((await firstRow(page)).slice(0, 5), ['營建工程', '209,000', '404,337', '−195,337', '−48.31%']);
  // The agencies' level, and inside one of them.
  await page.selectOption('[data-testid=changes-controls] select >> nth=0', '2');
  await page.waitForURL(/level=2/);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=changes-table] tbody tr').length < 34);
  const agencies = await texts(page, '[data-testid=changes-table] tbody th a');
  assert.ok(agencies.includes('中央研究院'), agencies.join());
  await page.click('[data-testid=changes-table] tbody th a:text-is("中央研究院")');
  await page.waitForSelector('[data-testid=changes-under]');
  assert.match(await page.textContent('[data-testid=changes-under]'), /在「中央研究院」之下/);
  // The controls follow the address: inside a line the level is its next; back, the agencies'.
  const level = () => page.$eval('[data-testid=changes-controls] select', (s) => s.value);
  assert.equal(await level(), '');
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector('[data-testid=changes-under]'));
  assert.equal(await level(), '2');
  assert.ok(await page.$('[data-testid=changes-table] tbody th a:text-is("中央研究院")'), 'the agencies again');
  // Filtering by a word of the name or the explanation.
  await visit(site, `/p/${id}/changes?by=increase&q=${encodeURIComponent('慶典')}`);
  await page.waitForSelector('[data-testid=changes-table] tbody tr');
  assert.deepEqual(await texts(page, '[data-testid=changes-table] tbody th a'), ['國家慶典']);
  // The chart: plotters' axis, a focusable labelled item per bar, the exact figure in its name.
  await visit(site, `/p/${id}/changes`);
  await page.waitForSelector('[data-testid=changes-chart] .bar-item');
  const labels = await page.$$eval('[data-testid=changes-chart] .bar-item', (gs) => gs.map((g) => g.getAttribute('aria-label')));
  assert.equal(labels.length, 16);
  assert.equal(labels[0], '國家生技研究園區：+1,319,697 千元（+56.01%）');
  assert.equal(labels.at(-1), '營建工程：−195,337 千元（−48.31%）');
  assert.ok(await page.$('[data-testid=changes-chart] .plot line, [data-testid=changes-chart] .plot polyline, [data-testid=changes-chart] .plot rect'), 'plotters drew the axis and bars');
  await page.focus('[data-testid=changes-chart] .bar-item');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), labels[0]);
  await assertNoAxeViolations(page);
  await screenshot(page, 'changes-1280-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'changes-1280-dark');
  // The table as a file, in the order shown.
  const csv = await download(page, () => page.click('[data-testid=changes-export]'));
  const rows = records(csv.text);
  assert.equal(rows.length, 1 + 34, 'a header and every line (explanations span lines inside their quotes)');
  assert.match(rows[1], /^\d,5202403000,國家生技研究園區,3676000,2356303,1319697,56\.01,increase,,/);
  // English, one click away: every word on the page.
  await setLanguage(page, 'en');
  assert.match(await page.textContent('[data-testid=changes-summary]'), /^This year 24,037,487 \(NT\$ thousand\), last year 22,630,045 \(NT\$ thousand\): \+1,407,442/);
  assertClean(site);
});

test('what changed at 360 px, and a document without last year says so', async (t) => {
  const site = await openApp(t, '/import', { viewport: { width: 360, height: 740 } });
  const { page } = site;
  const id = await keepBook(site);
  await visit(site, `/p/${id}/changes`);
  await page.waitForSelector('[data-testid=changes-chart] .bar-item');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page does not scroll sideways (${overflow} px)`);
  await screenshot(page, 'changes-360-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'changes-360-dark');
  await assertNoAxeViolations(page);
  // The bundled plan has no last year's figures.
  await visit(site, '/changes');
  await page.waitForSelector('[data-testid=changes-none]');
  assert.match(await page.textContent('[data-testid=changes-none]'), /沒有上年度預算數/);
  assertClean(site);
});

test('flags with their evidence: a stated change that is not the arithmetic, an unexplained jump, lines just under a threshold', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  const csv = [
    '款,項,科目名稱,本年度預算數,上年度預算數,本年度與上年度比較,說明',
    '1,1,委託研究甲,1450,1400,50,"本年度預算數1,450千元"',
    '1,2,委託研究乙,1499,1400,99,',
    '1,3,委託研究丙,1400,1400,0,',
    '2,1,活動補助,5000,2000,3000,',
    '2,2,人事費,9000,8000,900,"較上年度增列1,000千元"',
  ].join('\n');
  await chooseFile(page, 'flags.csv', Buffer.from(csv));
  await page.waitForSelector('[data-testid=import-total]');
  const id = await keep(site, '標記測試');
  await visit(site, `/p/${id}/changes?by=book&flagged=1`);
  await page.waitForSelector('[data-testid=changes-table] tbody tr');
  const rows = await page.$$eval('[data-testid=changes-table] tbody tr', (trs) => trs.map((tr) => [tr.querySelector('th a').textContent, [...tr.querySelectorAll('.flag')].map((f) => f.textContent)]));
  assert.deepEqual(rows, [
    ['委託研究甲', ['⚑ 同一上層下的 3 項都略低於 1,500 千元（化整為零？）']],
    ['委託研究乙', ['⚑ 同一上層下的 3 項都略低於 1,500 千元（化整為零？）']],
    ['委託研究丙', ['⚑ 同一上層下的 3 項都略低於 1,500 千元（化整為零？）']],
    ['活動補助', ['⚑ 增減 +3,000 千元，沒有說明']],
    ['人事費', ['⚑ 預算書列的增減是 900 千元，但本年度減上年度是 1,000 千元']],
  ]);
  assertClean(site);
});
