// The site's speed in one table, from one run: node bench/perf.mjs [LOADS] [REPS]
//   (after `trunk build --release` + `node scripts/prerender.mjs dist`, bench/build-reference.sh,
//    and `trunk build --release --features synthetic --dist dist-bench`; scripts/bench.sh does all)
//
// 1. First load, ours (/treemap and /) against the hand-rolled d3 page, LOADS fresh visits each
//    (10 by default; the pages take turns so the machine's load weighs on all alike; service
//    worker blocked, as on a first visit):
//    - bytes: gzip bytes the browser fetched before the app mounted (later fetches, such as
//      the chunks of a page the reader shows an intent to open, do not count);
//    - first chart: navigation → the first frame with the chart in the DOM;
//    - interactive: navigation → the first moment that focusing the largest treemap cell shows
//      its amount in the details line, as a reader feels it: the pre-rendered copy answers
//      from its first frame on (assets/prerendered.js), before the app has started. The probe
//      focuses the cell every frame until something answers. For `/` (no treemap): the app
//      has mounted and no long task is left. For the d3 page: its first chart, which is live
//      as soon as it is drawn.
//    - app live: the same answer from the app itself, once it has taken the copy's place
//      (for `/` and the d3 page, the same as interactive).
// 2. Interactions at 15 / 1,000 / 10,000 programmes (the synthetic build), REPS of each (20 by
//    default), unthrottled and with the CPU slowed 4× (a mid-range phone): treemap drill-down,
//    table filter keystroke, sort click, goal-tree expand. INP as Chrome measures it: Event
//    Timing entries (durationThreshold 16) grouped by interactionId, the longest per
//    interaction; an interaction faster than 16 ms reports no entry and counts as 16. Beside
//    it, the script's share: the event's time stamp → the app's last change to the DOM.
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { startServer } from '../scripts/server.mjs';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { firstLoadProbe, interactionProbe, measure } from './probes.mjs';

const LOADS = Number(process.argv[2] ?? 10);
const REPS = Number(process.argv[3] ?? 20);
const SIZES = (process.env.SIZES ?? '15,1000,10000').split(',').filter(Boolean).map(Number);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p98 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(0.98 * xs.length) - 1)];

// ---- 1. first load -------------------------------------------------------------------------

// OURS=dir measures another build of ours; BASELINE=dir adds one (e.g. an older commit's
// dist) to the same run, for before/after.
const ours = process.env.OURS ?? 'dist';
const loads = [
  { name: 'ours /treemap', dir: ours, path: 'treemap', chart: 'svg.treemap g.cell', live: true },
  { name: 'ours /', dir: ours, path: '', chart: '.funding-bar svg', app: true },
  { name: 'd3 reference', dir: 'bench/reference/dist', path: '', chart: 'svg.treemap g' },
];
if (process.env.BASELINE) {
  loads.push({ name: 'before /treemap', dir: process.env.BASELINE, path: 'treemap', chart: 'svg.treemap g.cell', live: true },
             { name: 'before /', dir: process.env.BASELINE, path: '', chart: '.funding-bar svg', app: true });
}
const servers = await Promise.all(loads.map((p) => startServer({ dir: p.dir })));
const runs = loads.map(() => []);
for (let i = 0; i < LOADS; i++) {
  for (const [k, p] of loads.entries()) {
    const server = servers[k];
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(firstLoadProbe, { chart: p.chart, live: !!p.live });
    const logStart = server.log.length;
    await page.goto(server.url + p.path, { waitUntil: 'load' });
    if (p.live) await page.waitForFunction(() => window.__appLive !== undefined && window.__appReady !== undefined, null, { timeout: 30000 });
    else if (p.app) await page.waitForFunction(() => window.__appReady !== undefined, null, { timeout: 30000 });
    else await page.waitForFunction(() => window.__firstChart !== undefined, null, { timeout: 30000 });
    await page.waitForTimeout(300); // late long tasks land
    const m = await page.evaluate(() => ({
      firstChart: window.__firstChart,
      interactive: window.__live ?? (window.__appReady !== undefined ? Math.max(window.__appReady, window.__longTasksEnd) : window.__firstChart),
      appLive: window.__appLive ?? window.__live ?? (window.__appReady !== undefined ? Math.max(window.__appReady, window.__longTasksEnd) : window.__firstChart),
      // Bytes count until the app has mounted: the probe's first focus of a cell after that
      // also warms the programme page's chunks, which the page did not need to be live.
      wall: window.__appReadyWall ?? window.__firstChartWall,
    }));
    const until = m.wall;
    m.bytes = server.log.slice(logStart).filter((r) => r.time <= until).reduce((a, r) => a + r.bytes, 0);
    runs[k].push(m);
    await context.close();
  }
}
for (const server of servers) await server.close();
const first = loads.map((p, k) => ({ name: p.name, ...Object.fromEntries(['bytes', 'firstChart', 'interactive', 'appLive'].map((key) => [key, median(runs[k].map((r) => r[key]))])) }));

// ---- 2. interactions -----------------------------------------------------------------------

const synthetic = SIZES.length ? await startServer({ dir: process.env.DIST ?? 'dist-bench' }) : null;
async function open(path, selector, rate) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(interactionProbe);
  await page.goto(synthetic.url + path);
  await page.waitForSelector(selector, { timeout: 180000 });
  await page.waitForTimeout(500); // a person does not act in the first frame
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, page };
}

const KINDS = ['drill-down', 'keystroke', 'sort', 'expand'];
const inp = [];
for (const n of SIZES) {
  const q = n === 15 ? '' : `?synthetic=${n}`;
  for (const rate of [1, 4]) {
    const got = Object.fromEntries(KINDS.map((k) => [k, []]));
    let s = await open(`treemap${q}`, 'svg.treemap g.cell', rate);
    const cells = Math.min(await s.page.locator('svg.treemap g.cell').count(), 8);
    for (let i = 0; i < REPS; i++) {
      const cell = s.page.locator('svg.treemap g.cell').nth(i % cells);
      got['drill-down'].push(await measure(s.page, () => cell.click(), '[data-testid=programme-budget]'));
      await s.page.goBack();
      await s.page.waitForSelector('svg.treemap g.cell', { timeout: 60000 });
    }
    await s.context.close();
    s = await open(`programmes${q}`, '[data-testid=programme-table] tbody tr', rate);
    await s.page.focus('#filter');
    for (let i = 0; i < REPS; i++) {
      got.keystroke.push(await measure(s.page, () => s.page.keyboard.press(i % 2 ? 'Backspace' : '1')));
    }
    const header = s.page.locator('[data-testid=programme-table] thead th button').nth(2);
    for (let i = 0; i < REPS; i++) got.sort.push(await measure(s.page, () => header.click()));
    await s.context.close();
    s = await open(`goals${q}`, '[data-testid=goal-tree] li.strategy', rate);
    const summaries = s.page.locator('[data-testid=goal-tree] li.strategy > details > summary');
    const count = await summaries.count();
    for (let i = 0; i < REPS; i++) {
      const k = i % count;
      // Expanding is what is measured: fold an open strategy first (not counted).
      if (await summaries.nth(k).evaluate((el) => el.parentElement.open)) await summaries.nth(k).click();
      got.expand.push(await measure(s.page, () => summaries.nth(k).click()));
      await summaries.nth(k).click();
    }
    await s.context.close();
    inp.push({ n, rate, got });
  }
}
await synthetic?.close();
await browser.close();

// ---- the table -----------------------------------------------------------------------------

const kb = (b) => `${(b / 1000).toFixed(1)} kB`;
const ms = (t) => `${Math.round(t)} ms`;
const [treemap, , ref] = first;
console.log(`first load: medians of ${LOADS} fresh visits (headless Chromium, localhost, gzip)`);
console.log('page            | bytes before the app | first chart | interactive | app live');
for (const r of first) console.log(`${r.name.padEnd(15)} | ${kb(r.bytes).padStart(20)} | ${ms(r.firstChart).padStart(11)} | ${ms(r.interactive).padStart(11)} | ${ms(r.appLive).padStart(8)}`);
const ratio = (t) => `${(t / ref.firstChart).toFixed(2)}×`;
console.log(`/treemap against the d3 page's first chart: first chart ${ratio(treemap.firstChart)}, interactive ${ratio(treemap.interactive)}, app live ${ratio(treemap.appLive)}`);
console.log(`\ninteractions: p98 (and median) of ${REPS} each, INP by Event Timing; in brackets the script's share (p98)`);
console.log(`programmes | CPU | ${KINDS.map((k) => k.padEnd(24)).join(' | ')}`);
for (const { n, rate, got } of inp) {
  const cell = (xs) => `${ms(p98(xs.map((x) => x.inp)))} (${ms(median(xs.map((x) => x.inp)))}) [${ms(p98(xs.map((x) => x.script)))}]`.padEnd(24);
  console.log(`${String(n).padStart(10)} | ${`${rate}×`.padStart(3)} | ${KINDS.map((k) => cell(got[k])).join(' | ')}`);
  // SAMPLES=1: every INP in the order taken, to tell a steady cost from a lone slow sample.
  if (process.env.SAMPLES) for (const k of KINDS) console.log(`  ${k}: ${got[k].map((x) => Math.round(x.inp)).join(' ')}`);
}
