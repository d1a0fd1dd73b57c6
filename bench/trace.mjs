// Where a first visit's time goes, from one Chromium trace: node bench/trace.mjs [DIST] [PATH] [--nojs]
//   (after `trunk build --release` + `node scripts/prerender.mjs dist`; defaults: dist, treemap)
//
// Issue 17's lever 1. One warm-up visit, then one traced fresh visit (service worker blocked),
// which prints:
// - when each file was fetched, grouped in waves (a browser opens 6 connections to one host
//   over HTTP/1.1, as the local server speaks, so a page's 35 files arrive in several waves);
// - every main-thread task over 5 ms up to "live" (the app, having replaced the static copy,
//   shows the largest treemap cell's amount when it is focused: bench/perf.mjs's "app live"),
//   with what it spent its time on: HTML parsing, style and layout, wasm compilation
//   (wasm.CompileLazy is V8 compiling a function on its first call), and running script;
// - first contentful paint and live.
// --nojs loads the pre-rendered page with script disabled: what the static HTML costs alone.
// --expand traces one interaction instead of the load: opening a folded strategy of the goal
//   tree (bench/perf.mjs's "goal-tree expand"), e.g. node bench/trace.mjs dist-bench "goals?synthetic=10000" --expand
// NAMES=1 also lists every file fetched (start, end, bytes, address); TRACE=FILE keeps the trace.
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { startServer } from '../scripts/server.mjs';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { firstLoadProbe } from './probes.mjs';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const js = !args.includes('--nojs');
const expand = args.includes('--expand');
const [dir = 'dist', route = 'treemap'] = args.filter((a) => !a.startsWith('--'));
const traceFile = process.env.TRACE ?? path.join(mkdtempSync(path.join(tmpdir(), 'trace-')), 'trace.json');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const server = await startServer({ dir });

// The perf table's probe sets window.__appLive (the app answers, not the static copy); the
// trace needs it as a mark.
function markLive() {
  const poll = setInterval(() => {
    if (window.__appLive === undefined) return;
    clearInterval(poll);
    performance.mark('live');
  }, 4);
}

let fetched = [];
for (const traced of [false, true]) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 }, javaScriptEnabled: js });
  const page = await context.newPage();
  if (js && !expand) {
    await page.addInitScript(firstLoadProbe, { chart: 'svg.treemap g.cell', live: true });
    await page.addInitScript(markLive);
  }
  const trace = () => browser.startTracing(page, { path: traceFile, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'blink.user_timing', 'loading'] });
  if (traced && !expand) await trace();
  await page.goto(server.url + route, { waitUntil: 'load' });
  if (expand) {
    const summary = page.locator('[data-testid=goal-tree] li.strategy > details > summary').nth(Number(process.env.NTH ?? 4) + (traced ? 0 : 1));
    await summary.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    // RATE=4 slows the CPU as bench/perf.mjs's throttled rows do.
    if (process.env.RATE) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.RATE) });
    if (traced) await trace();
    await page.evaluate(() => performance.mark('click'));
    await summary.click();
    await page.waitForTimeout(500);
  } else if (js) await page.waitForFunction(() => performance.getEntriesByName('live').length > 0, null, { timeout: 30000 });
  else await page.waitForTimeout(1000);
  if (traced && !expand) {
    fetched = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((e) => ({ start: e.startTime, end: e.responseEnd, bytes: e.encodedBodySize, name: e.name })));
    if (process.env.NAMES) console.log(fetched.map((f) => `${f.start.toFixed(0)} ${f.end.toFixed(0)} ${f.bytes} ${f.name}`).join("\n"));
  }
  if (traced) await browser.stopTracing();
  await context.close();
}
await server.close();
await browser.close();

const events = JSON.parse(readFileSync(traceFile, 'utf8')).traceEvents;
const threadNames = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
const perThread = new Map();
for (const e of events) perThread.set(`${e.pid}:${e.tid}`, (perThread.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
const main = [...threadNames].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k)
  .sort((a, b) => perThread.get(b) - perThread.get(a))[0];
const live = events.find((e) => e.name === 'live')?.ts;
// For --expand, times count from the mark set just before the click, and every task after it.
const nav = expand ? events.find((e) => e.name === 'click')?.ts : Math.min(...events.filter((e) => e.name === 'navigationStart').map((e) => e.ts));
const ms = (ts) => (ts - nav) / 1000;
const fcp = events.find((e) => e.name === 'firstContentfulPaint')?.ts;
const end = expand ? Infinity : live ?? Math.max(...events.filter((e) => e.dur).map((e) => e.ts + e.dur));

if (expand) console.log(`${route} from ${dir}: opening a folded strategy, times from the click`);
else console.log(`${route} from ${dir}${js ? '' : ' (script disabled)'}: first contentful paint ${fcp ? ms(fcp).toFixed(0) : '-'} ms, live ${live ? ms(live).toFixed(0) : '-'} ms`);

if (!expand) {
  console.log('\nfetches, in waves (start–end ms, files, gzip bytes):');
  fetched.sort((a, b) => a.start - b.start);
  const waves = [];
  for (const f of fetched) {
    const wave = waves.at(-1);
    if (wave && f.start < wave.end) Object.assign(wave, { end: Math.max(wave.end, f.end), files: wave.files + 1, bytes: wave.bytes + f.bytes });
    else waves.push({ start: f.start, end: f.end, files: 1, bytes: f.bytes });
  }
  for (const w of waves) console.log(`  ${w.start.toFixed(0).padStart(6)}–${w.end.toFixed(0).padEnd(6)} ${String(w.files).padStart(3)} files ${w.bytes.toLocaleString('en').padStart(9)} B`);
}

console.log(`\nmain-thread tasks over ${expand ? '1 ms after the click' : '5 ms before live'} (start ms, length ms: what inside):`);
const spans = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur).sort((a, b) => a.ts - b.ts);
const totals = new Map();
for (const task of spans.filter((e) => e.name === 'RunTask' && e.dur > (expand ? 1000 : 5000) && e.ts < end && e.ts >= nav)) {
  // The spans are sorted by start, so those inside the task follow it.
  const inside = new Map();
  for (let i = spans.indexOf(task) + 1; i < spans.length && spans[i].ts < task.ts + task.dur; i++) {
    const e = spans[i];
    if (e.ts + e.dur <= task.ts + task.dur && e.name !== 'RunTask') inside.set(e.name, (inside.get(e.name) ?? 0) + e.dur / 1000);
  }
  for (const [k, v] of inside) totals.set(k, (totals.get(k) ?? 0) + v);
  const top = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
  console.log(`  ${ms(task.ts).toFixed(0).padStart(6)} ${(task.dur / 1000).toFixed(1).padStart(6)}  ${top}`);
}
console.log(`\n${expand ? 'after the click' : 'before live'}, in those tasks (ms; nested kinds overlap):`);
for (const kind of ['ParseHTML', 'UpdateLayoutTree', 'Layout', 'Paint', 'v8.callFunction', 'wasm.CompileLazy', 'v8.wasm.compileConsume', 'EvaluateScript']) {
  console.log(`  ${kind.padEnd(24)} ${(totals.get(kind) ?? 0).toFixed(1).padStart(7)}`);
}
