// Time from navigation start to the first chart painted, median of N fresh loads of the
// release build in headless Chromium. Usage: node bench/first-chart.mjs [dist] [N]
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { startServer } from '../tests/e2e/server.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

const dir = process.argv[2] ?? 'dist';
const runs = Number(process.argv[3] ?? 10);
const server = await startServer({ dir });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const times = [];
let bytes = 0;
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext(); // fresh cache each load
  const page = await context.newPage();
  // Records when the first chart's SVG is in the DOM, then waits one frame for it to paint.
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('.funding-bar svg, svg.treemap')) {
        obs.disconnect();
        requestAnimationFrame(() => { window.__firstChart = performance.now(); });
      }
    }).observe(document, { childList: true, subtree: true });
  });
  let loadBytes = 0;
  page.on('response', async (r) => { const b = await r.body().catch(() => null); if (b) loadBytes += Number(r.headers()['content-length'] ?? b.length); });
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__firstChart !== undefined, null, { timeout: 15000 });
  times.push(await page.evaluate(() => window.__firstChart));
  bytes = loadBytes;
  await context.close();
}
await browser.close();
await server.close();
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`first chart painted: median ${median.toFixed(1)} ms over ${runs} loads (min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)})`);
console.log(`bytes transferred on first load (gzip where the server compresses): ${bytes}`);
