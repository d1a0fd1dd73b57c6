// Reading a plan's PDF in the browser: from the drop on /import to the report on screen, the
// longest the page could not answer input meanwhile (long tasks), and the memory it took.
// The PDF is read in a worker (web/src/pdf/worker.rs): the wasm memory shown is the page's,
// which holds the read; the worker's, which held the whole document, is gone with it (its
// peak is about the native one: /usr/bin/time -v target/release/plan summary FILE).
// Medians of 5 fresh pages. Usage: node bench/pdf.mjs [FILE.pdf…]   (after a release build
// into dist/; DIST=dir for another). Default: the largest committed fixture.
import { readFile, stat } from 'node:fs/promises';
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { startServer } from '../scripts/server.mjs';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const files = process.argv.slice(2);
if (!files.length) files.push('core/tests/fixtures/pdf/hsinchu-city-industry-113.pdf');
const server = await startServer({ dir: process.env.DIST ?? 'dist' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });

async function once(file, bytes) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  // The wasm's linear memory only grows, so its size after the read is its peak.
  await page.addInitScript(() => {
    const keep = (r) => { const m = (r.instance ?? r).exports?.memory; if (m && !window.wasmMemory) window.wasmMemory = m; return r; };
    for (const f of ['instantiateStreaming', 'instantiate']) {
      const orig = WebAssembly[f];
      WebAssembly[f] = (...a) => orig.apply(WebAssembly, a).then(keep);
    }
  });
  await page.goto(server.url + 'import');
  await page.waitForSelector('[data-testid=drop-zone]');
    await page.evaluate(() => {
    window.longest = 0;
    new PerformanceObserver((l) => l.getEntries().forEach((e) => { window.longest = Math.max(window.longest, e.duration); })).observe({ type: 'longtask' });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const data = await page.evaluateHandle(({ name, b64 }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name, { type: 'application/pdf' }));
    return dt;
  }, { name: file.split('/').pop(), b64: bytes.toString('base64') });
  const t0 = await page.evaluate(() => performance.now());
  await page.dispatchEvent('[data-testid=drop-zone]', 'drop', { dataTransfer: data });
  await page.waitForSelector('[data-testid=import-headline]', { timeout: 120_000 });
  const shown = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0))));
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const longest = await page.evaluate(() => window.longest);
  const wasmMB = await page.evaluate(() => (window.wasmMemory?.buffer.byteLength ?? 0) / 1048576);
  const headline = await page.textContent('[data-testid=import-headline]');
  await context.close();
  return { ms: shown - t0, longest, heapMB: metrics.JSHeapTotalSize / 1048576, wasmMB, headline };
}

console.log('  file                                   KB   drop → report   longest task     JS heap   wasm memory');
for (const file of files) {
  const bytes = await readFile(file);
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await once(file, bytes));
  const kb = Math.round((await stat(file)).size / 1024);
  console.log(`  ${file.split('/').pop().padEnd(36)} ${String(kb).padStart(5)} ${median(runs.map((r) => r.ms)).toFixed(0).padStart(11)} ms ${median(runs.map((r) => r.longest)).toFixed(0).padStart(11)} ms ${median(runs.map((r) => r.heapMB)).toFixed(1).padStart(8)} MB ${median(runs.map((r) => r.wasmMB)).toFixed(1).padStart(10)} MB   ${runs[0].headline.trim()}`);
}
await browser.close();
await server.close();
