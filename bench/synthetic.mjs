// In-browser interaction timings on the bundled plan (15 programmes) and seeded synthetic
// plans (1,000 and 10,000): time to render the treemap, the table and the goal tree; a
// drill-down click on the treemap to the next paint of the programme page; a search keystroke
// in the table to the next paint, and how much of that was the app's script (click → its last
// change to the page). The first drill-down also as a pointer makes it (pointed at 100 ms
// before the click, which starts fetching the page's chunk). Each interaction first (the page's code still compiling
// lazily in the browser) and warm (the third drill; the same keystroke again after clearing
// the box). Medians of 3. Usage: node bench/synthetic.mjs [SIZES…]   (after
//   trunk build --release --offline --features synthetic --dist dist-bench; DIST=dir for another build)
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { startServer } from '../scripts/server.mjs';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await startServer({ dir: process.env.DIST ?? 'dist-bench' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

// Click (or keystroke) → the next painted frame that shows the result: the app updates the DOM
// in microtasks after the event, so the first animation frame after it normally carries it.
// Also click → DOM: when the app's last change to the page before that frame was made (a
// MutationObserver records each change), i.e. the script's share; the rest is the browser's
// style, layout and paint, and waiting for the frame (up to 16.7 ms at 60 Hz).
// Installed in every page as `window.clickToPaint(selector, act)`; resolves to { dom, paint }.
function installClickToPaint() {
  window.clickToPaint = async (selector, act) => {
    let last = 0;
    const observer = new MutationObserver(() => { last = performance.now(); });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    const t0 = performance.now();
    act();
    do await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    while (!document.querySelector(selector));
    const paint = performance.now() - t0;
    observer.disconnect();
    return { dom: Math.max(0, last - t0), paint };
  };
}

async function fresh(path, selector) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(installClickToPaint);
  await page.goto(server.url + path);
  await page.waitForSelector(selector, { timeout: 120000 });
  const rendered = await page.evaluate(async () => { await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))); return performance.now(); });
  return { context, page, rendered };
}

const sizes = process.argv.slice(2).map(Number);
for (const n of sizes.length ? sizes : [15, 1000, 10000]) {
  const q = n === 15 ? '' : `?synthetic=${n}`;
  const row = { treemap: [], table: [], goals: [], drill: [], drillPointed: [], drillWarm: [], keystroke: [], keystrokeWarm: [] };
  const scripted = { drill: [], drillPointed: [], drillWarm: [], keystroke: [], keystrokeWarm: [] };
  const record = (key, { dom, paint }) => { row[key].push(paint); scripted[key].push(dom); };
  for (let i = 0; i < 3; i++) {
    let s = await fresh(`treemap${q}`, 'svg.treemap g.cell');
    row.treemap.push(s.rendered);
    // Interactions start once the page has settled (a person does not click within the first
    // frame); "first" still pays for compiling the programme page's code, "warm" does not.
    await s.page.waitForTimeout(500);
    const drill = (cell) => s.page.evaluate((cell) => window.clickToPaint('[data-testid=programme-budget]',
      () => document.querySelectorAll('svg.treemap g.cell')[cell].dispatchEvent(new MouseEvent('click', { bubbles: true }))), cell);
    record('drill', await drill(0));
    for (const cell of [1, 2]) {
      await s.page.goBack();
      await s.page.waitForSelector('svg.treemap g.cell');
      await s.page.waitForTimeout(200);
      const t = await drill(cell);
      if (cell === 2) record('drillWarm', t);
    }
    await s.context.close();
    // The first drill-down as a mouse or touch user makes it: the pointer reaches the cell
    // (pointerover, which starts fetching the programme page's chunk) 100 ms before the click.
    s = await fresh(`treemap${q}`, 'svg.treemap g.cell');
    await s.page.waitForTimeout(500);
    await s.page.evaluate(() => document.querySelector('svg.treemap g.cell').dispatchEvent(new PointerEvent('pointerover', { bubbles: true })));
    await s.page.waitForTimeout(100);
    record('drillPointed', await s.page.evaluate(() => window.clickToPaint('[data-testid=programme-budget]',
      () => document.querySelector('svg.treemap g.cell').dispatchEvent(new MouseEvent('click', { bubbles: true })))));
    await s.context.close();
    s = await fresh(`programmes${q}`, '[data-testid=programme-table] tbody tr');
    row.table.push(s.rendered);
    await s.page.waitForTimeout(500);
    const type = (text) => s.page.evaluate((text) => window.clickToPaint('[data-testid=programme-table]', () => {
      const input = document.querySelector('#filter');
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }), text);
    record('keystroke', await type('計'));
    await s.page.waitForTimeout(200);
    await type('');
    await s.page.waitForTimeout(200);
    record('keystrokeWarm', await type('計'));
    await s.context.close();
    s = await fresh(`goals${q}`, '[data-testid=goal-tree] li.strategy');
    row.goals.push(s.rendered);
    await s.context.close();
  }
  const f = (xs) => `${median(xs).toFixed(0).padStart(5)} ms`;
  const both = (key) => `${f(row[key])} (script ${f(scripted[key]).trim()})`;
  console.log(`${String(n).padStart(6)} programmes: render treemap ${f(row.treemap)}, table ${f(row.table)}, goal tree ${f(row.goals)}; ` +
    `drill-down click→paint first ${both('drill')}, first pointed at 100 ms before ${both('drillPointed')}, warm ${both('drillWarm')}; search keystroke→paint first ${both('keystroke')}, warm ${both('keystrokeWarm')}`);
}
await browser.close();
await server.close();
