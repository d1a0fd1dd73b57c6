// A budget book at the central government's size in the browser: node bench/books.mjs [REPS]
//   (after `trunk build --release`; reads dist/)
//
// Generates a 歲出機關別預算表 as the central government's is shaped — 29 主管, each with
// agencies, 業務計畫 and 工作計畫 (2,000+ lines at the bottom, every line with last year's
// figure and an explanation) — imports it on /import as a reader would, keeps it, and
// measures, unthrottled and with the CPU slowed 4×:
//   - read: choosing the file → its total on the import page (the whole read, once per rate);
//   - what changed (/changes): a level and a ranking picked by arrow keys, a filter (typed,
//     Enter);
//   - the book's table (/programmes): open all, sort within levels (arrow keys).
// INP as bench/perf.mjs measures it (Event Timing, the longest entry per interaction).
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { startServer } from '../scripts/server.mjs';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { interactionProbe, measure } from './probes.mjs';
import { book } from './book.mjs';

const REPS = Number(process.argv[2] ?? 10);
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p98 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(0.98 * xs.length) - 1)];

const csv = Buffer.from(book());
const server = await startServer({ dir: process.env.DIST ?? 'dist' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const results = [];
for (const rate of [1, 4]) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(interactionProbe);
  await page.goto(`${server.url}import`);
  await page.waitForSelector('#import-file', { state: 'attached' });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const t0 = Date.now();
  await page.setInputFiles('#import-file', { name: 'central-book.csv', mimeType: 'text/csv', buffer: csv });
  await page.waitForSelector('[data-testid=import-total]', { timeout: 180000 });
  const read = Date.now() - t0;
  const total = await page.textContent('[data-testid=import-total]');
  await page.fill('#keep-name', '中央政府總預算（合成）');
  await page.click('[data-testid=keep] button');
  await page.waitForURL(/\/p\/[0-9a-z]+$/, { timeout: 180000 });
  const base = page.url();
  const got = { level: [], rank: [], filter: [], 'open all': [], 'sort table': [] };
  await page.goto(`${base}/changes`);
  await page.waitForSelector('[data-testid=changes-table] tbody tr', { timeout: 180000 });
  const selects = page.locator('[data-testid=changes-controls] select');
  // A reader's keys on a closed <select> (selectOption dispatches no interaction to time).
  const step = (select, i) => async () => { await select.focus(); await page.keyboard.press(i % 2 ? 'ArrowUp' : 'ArrowDown'); };
  for (let i = 0; i < REPS; i++) got.level.push(await measure(page, step(selects.nth(0), i)));
  for (let i = 0; i < REPS; i++) got.rank.push(await measure(page, step(selects.nth(1), i)));
  const search = page.locator('[data-testid=changes-controls] input[type=search]');
  for (let i = 0; i < REPS; i++) {
    await search.fill(i % 2 ? '' : '工作計畫1');
    got.filter.push(await measure(page, () => search.press('Enter')));
  }
  await page.goto(`${base}/programmes`);
  await page.waitForSelector('[data-testid=book-table] tbody tr', { timeout: 180000 });
  const openAll = page.locator('.book-table button', { hasText: '全部展開' });
  const closeAll = page.locator('.book-table button', { hasText: '全部收合' });
  for (let i = 0; i < REPS; i++) {
    got['open all'].push(await measure(page, () => openAll.click()));
    got['sort table'].push(await measure(page, step(page.locator('[data-testid=book-table-order]'), i)));
    await closeAll.click();
  }
  results.push({ rate, read, total, got });
  await context.close();
}
await browser.close();
await server.close();

const lines = csv.toString().split('\n').length - 1;
console.log(`budget book: ${lines} rows (${(csv.length / 1e6).toFixed(2)} MB); INP p98 (median) of ${REPS} each, ms; in brackets the script's share (p98: the event → the app's last change to the DOM)`);
const kinds = Object.keys(results[0].got);
console.log(`CPU | read → total        | ${kinds.map((k) => k.padEnd(18)).join(' | ')}`);
for (const { rate, read, total, got } of results) {
  const cell = (xs) => `${Math.round(p98(xs.map((x) => x.inp)))} (${Math.round(median(xs.map((x) => x.inp)))}) [${Math.round(p98(xs.map((x) => x.script)))}]`.padEnd(18);
  console.log(`${`${rate}×`.padStart(3)} | ${`${read} ms`.padEnd(8)} ${total.padEnd(12)}| ${kinds.map((k) => cell(got[k])).join(' | ')}`);
}
