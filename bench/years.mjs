// Years in series at the central government's size: node bench/years.mjs [REPS]
//   (after `trunk build --release`; reads dist/)
//
// Keeps 18 years of a generated 歲出機關別預算表 (bench/book.mjs: 2,175 lines at the bottom,
// each year its own figures) in one batch on /import, then opens the newest year's overview
// and one of its lines, and measures, unthrottled and with the CPU slowed 4×:
//   - series: opening the page → its years table complete (every other year read from
//     IndexedDB, parsed and aligned line by line), and the longest task meanwhile;
//   - language: switching to English and back on the line's page (the series re-rendered),
//     INP as bench/perf.mjs measures it.
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { startServer } from '../scripts/server.mjs';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { interactionProbe, measure } from './probes.mjs';
import { book } from './book.mjs';

const REPS = Number(process.argv[2] ?? 10);
const YEARS = Array.from({ length: 18 }, (_, i) => 97 + i);
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p98 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(0.98 * xs.length) - 1)];

const files = YEARS.map((y) => ({ name: `central-${y}.csv`, mimeType: 'text/csv', buffer: Buffer.from(book({ year: y, seed: y })) }));
const server = await startServer({ dir: process.env.DIST ?? 'dist' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const longTasks = () => {
  window.__longest = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask', buffered: true });
};
const results = [];
for (const rate of [1, 4]) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(interactionProbe);
  await page.addInitScript(longTasks);
  await page.goto(`${server.url}import`);
  await page.waitForSelector('#import-file', { state: 'attached' });
  await page.setInputFiles('#import-file', files);
  await page.waitForFunction((n) => {
    const rows = [...document.querySelectorAll('[data-testid=batch-item]')];
    return rows.length === n && rows.every((r) => r.dataset.state === 'ready');
  }, files.length, { timeout: 600000 });
  await page.click('[data-testid=batch-keep]');
  await page.waitForSelector(`[data-testid=batch-summary] >> text=已保存 ${files.length} 份`, { timeout: 600000 });
  await page.goto(`${server.url}library`);
  await page.waitForSelector('[data-testid=library-row]');
  const href = await page.$$eval('[data-testid=library-row] th a', (as) => as.find((a) => a.textContent.includes('114年度')).getAttribute('href'));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const got = { language: [] };
  for (const [what, path] of [['overview', href], ['line', `${href}/programme/1`]]) {
    const t0 = Date.now();
    await page.goto(new URL(path, server.url).href);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=years-table] tbody tr').length >= n && !document.querySelector('[data-testid=years-reading]'), YEARS.length, { timeout: 600000 });
    got[what] = { ms: Date.now() - t0, longest: await page.evaluate(() => window.__longest), rows: await page.locator('[data-testid=years-table] tbody tr').count() };
  }
  const button = page.locator('header.site button.lang');
  for (let i = 0; i < REPS; i++) got.language.push(await measure(page, () => button.click()));
  results.push({ rate, got });
  await context.close();
}
await browser.close();
await server.close();

console.log(`18 years of a ${files[0].buffer.toString().split('\n').length - 3}-row book kept; ms (longest task); language switch INP p98 (median) [script p98] of ${REPS}`);
console.log('CPU | overview series | line series    | years shown | language');
for (const { rate, got } of results) {
  const c = (x) => `${x.ms} (${Math.round(x.longest)})`.padEnd(15);
  const inp = got.language;
  console.log(`${`${rate}×`.padStart(3)} | ${c(got.overview)} | ${c(got.line).padEnd(14)} | ${String(got.line.rows).padEnd(11)} | ${Math.round(p98(inp.map((x) => x.inp)))} (${Math.round(median(inp.map((x) => x.inp)))}) [${Math.round(p98(inp.map((x) => x.script)))}]`);
}
