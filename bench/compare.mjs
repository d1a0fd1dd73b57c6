// Ours vs a hand-rolled d3 page, side by side in the same run on the same machine: each page
// loaded N times (20 by default) in fresh headless-Chromium contexts, the pages taking turns;
// medians of bytes transferred (gzip), navigation → first chart painted, → interactive (no
// long task left), JS heap and wasm memory. Usage: node bench/compare.mjs [N]   (after trunk build and build-reference.sh)
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { startServer } from '../scripts/server.mjs';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';

const N = Number(process.argv[2] ?? 20);
const pages = [
  { name: 'ours (/treemap)', dir: 'dist', path: 'treemap', chart: 'svg.treemap g', app: true },
  { name: 'ours (/ overview)', dir: 'dist', path: '', chart: '.funding-bar svg', app: true },
  { name: 'd3 reference', dir: 'bench/reference/dist', path: '', chart: 'svg.treemap g' },
];
// THROTTLE=mbps/ms (e.g. 10/40) emulates a network of that bandwidth and round-trip time; the
// default is the bare localhost server, where bytes cost almost nothing.
const THROTTLE = process.env.THROTTLE && (([mbps, rtt]) => ({
  downloadThroughput: (Number(mbps) * 1e6) / 8, uploadThroughput: (Number(mbps) * 1e6) / 8, latency: Number(rtt),
}))(process.env.THROTTLE.split('/'));
// BASELINE=dir adds another build of ours (e.g. an older commit's dist) to the same run, for A/B.
if (process.env.BASELINE) {
  pages.push({ name: 'baseline (/treemap)', dir: process.env.BASELINE, path: 'treemap', chart: 'svg.treemap g', app: true },
             { name: 'baseline (/)', dir: process.env.BASELINE, path: '', chart: '.funding-bar svg', app: true });
}

// Runs in the page before anything else: records the first paint of the chart, long tasks,
// when the app has mounted (our pages set body[data-app-ready]), and the wasm memory once
// Trunk has started the app.
const probe = (selector) => {
  new MutationObserver((_, obs) => {
    if (document.body?.hasAttribute('data-app-ready')) {
      obs.disconnect();
      window.__appReady = performance.now();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-app-ready'] });
  window.__longTasksEnd = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasksEnd = Math.max(window.__longTasksEnd, e.startTime + e.duration);
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  new MutationObserver((_, obs) => {
    if (document.querySelector(selector)) {
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.__firstChart = performance.now(); }, 0));
    }
  }).observe(document, { childList: true, subtree: true });
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
// Interleaved (ours, ours, reference, ours, ours, reference, …) so that a change in the
// machine's load during the run weighs on every page alike.
const servers = await Promise.all(pages.map((p) => startServer({ dir: p.dir })));
const runs = pages.map(() => []);
for (let i = 0; i < N; i++) {
  for (const [k, p] of pages.entries()) {
    const server = servers[k];
    // First-load figures: the service worker's background caching (a second download of the
    // same files, for offline use) is not part of loading the page.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (THROTTLE) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...THROTTLE });
    await page.addInitScript(probe, p.chart);
    const logStart = server.log.length;
    await page.goto(server.url + p.path, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__firstChart !== undefined, null, { timeout: 20000 });
    // Ours is interactive once the app has mounted (on a slow network, long after the chart
    // of the pre-rendered page is painted); the reference has nothing more to wait for.
    if (p.app) await page.waitForFunction(() => window.__appReady !== undefined, null, { timeout: 20000 });
    await page.waitForTimeout(300); // let late long tasks land
    const m = await page.evaluate(() => ({
      firstChart: window.__firstChart,
      interactive: Math.max(window.__firstChart, window.__appReady ?? 0, window.__longTasksEnd),
      wasm: window.__wasm?.memory?.buffer?.byteLength ?? 0,
    }));
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
    m.heap = metrics.JSHeapUsedSize;
    m.bytes = server.log.slice(logStart).reduce((a, r) => a + r.bytes, 0);
    runs[k].push(m);
    await context.close();
  }
}
for (const server of servers) await server.close();
const results = pages.map((p, k) => {
  const row = { name: p.name };
  for (const key of ['bytes', 'firstChart', 'interactive', 'heap', 'wasm']) row[key] = median(runs[k].map((r) => r[key]));
  return row;
});
await browser.close();

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const ms = (t) => `${t.toFixed(1)} ms`;
console.log(`medians of ${N} fresh loads each (headless Chromium, gzip-serving localhost server${THROTTLE ? `, network emulated at ${process.env.THROTTLE} Mbit/s / ms RTT` : ''})`);
console.log('page                 | transferred | first chart | interactive | JS heap   | wasm memory');
for (const r of results) {
  console.log(`${r.name.padEnd(20)} | ${kb(r.bytes).padStart(11)} | ${ms(r.firstChart).padStart(11)} | ${ms(r.interactive).padStart(11)} | ${kb(r.heap).padStart(9)} | ${r.wasm ? kb(r.wasm) : '-'}`);
}
const [ours, , ref] = results;  // the first three pages, in the order above
console.log(`ratio ours/reference (treemap): bytes ${(ours.bytes / ref.bytes).toFixed(2)}×, first chart ${(ours.firstChart / ref.firstChart).toFixed(2)}×, interactive ${(ours.interactive / ref.interactive).toFixed(2)}×`);
