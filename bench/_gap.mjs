import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { startServer } from '../scripts/server.mjs';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { firstLoadProbe } from './probes.mjs';
const dir = process.argv[2] ?? 'dist';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const server = await startServer({ dir });
const rows = [];
for (let i = 0; i < Number(process.argv[3] ?? 7); i++) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(firstLoadProbe, { chart: 'svg.treemap g.cell', live: true });
  await page.goto(server.url + 'treemap', { waitUntil: 'load' });
  await page.waitForFunction(() => window.__live !== undefined && window.__appReady !== undefined, null, { timeout: 30000 });
  const m = await page.evaluate(() => {
    const r = performance.getEntriesByType('resource');
    const wasm = r.find((e) => e.name.endsWith('_bg.wasm'));
    const glue = r.find((e) => /plan-web-[0-9a-f]+\.js$/.test(e.name));
    const chunks = r.filter((e) => e.name.includes('/chunks/') && e.startTime < window.__appReady);
    return { fc: window.__firstChart, wasmEnd: wasm?.responseEnd, glueEnd: glue?.responseEnd, chunkStart: Math.min(...chunks.map((c) => c.startTime)), chunkEnd: Math.max(...chunks.map((c) => c.responseEnd)), nchunks: chunks.length, dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd, ready: window.__appReady, live: window.__live };
  });
  rows.push(m);
  await context.close();
}
await server.close(); await browser.close();
const keys = Object.keys(rows[0]);
const med = (k) => { const xs = rows.map((r) => r[k]).sort((a, b) => a - b); return xs[Math.floor(xs.length / 2)]; };
console.log(keys.map((k) => `${k} ${med(k).toFixed(0)}`).join('  '));
