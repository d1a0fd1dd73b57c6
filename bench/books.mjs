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

const REPS = Number(process.argv[2] ?? 10);
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p98 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(0.98 * xs.length) - 1)];

/** A seeded book: 29 主管 × 3 agencies × 5 業務計畫 × 5 工作計畫 = 2,175 lines at the bottom. */
function book() {
  let seed = 7;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const rows = ['款,項,目,節,科目名稱,本年度預算數,上年度預算數,本年度與上年度比較,說明'];
  const line = (k, x, m, j, name, now, last, why) => rows.push(`${k},${x},${m},${j},${name},${now},${last},${now - last},"${why}"`);
  for (let a = 1; a <= 29; a++) {
    const agencies = [];
    for (let b = 1; b <= 3; b++) {
      const plans = [];
      for (let c = 1; c <= 5; c++) {
        const works = [];
        for (let d = 1; d <= 5; d++) {
          const last = 1000 + rand(900000);
          const now = Math.max(0, last + rand(200000) - 100000);
          works.push([now, last, `${a}${b}${c}${d}`]);
        }
        plans.push(works);
      }
      agencies.push(plans);
    }
    const sum = (xs, i) => xs.reduce((s, x) => s + x[i], 0);
    const planSums = agencies.map((plans) => plans.map((w) => [sum(w, 0), sum(w, 1)]));
    const agencySums = planSums.map((p) => [sum(p, 0), sum(p, 1)]);
    const total = [sum(agencySums, 0), sum(agencySums, 1)];
    line(a, '', '', '', `主管${a}`, total[0], total[1], '');
    agencies.forEach((plans, b) => {
      line(a, b + 1, '', '', `機關${a}-${b + 1}`, agencySums[b][0], agencySums[b][1], '');
      plans.forEach((works, c) => {
        line(a, b + 1, c + 1, '', `業務計畫${a}-${b + 1}-${c + 1}`, planSums[b][c][0], planSums[b][c][1], '');
        works.forEach(([now, last, id], d) => {
          const word = now >= last ? '增列' : '減列';
          line(a, b + 1, c + 1, d + 1, `工作計畫${id}`, now, last, `本年度預算數${now.toLocaleString('en-US')}千元，較上年度${word}${Math.abs(now - last).toLocaleString('en-US')}千元，主要係配合業務需要調整。`);
        });
      });
    });
  }
  return rows.join('\n');
}

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
