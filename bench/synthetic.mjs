// In-browser interaction timings on seeded synthetic plans (1,000 and 10,000 programmes):
// time to render the treemap, the table and the goal tree; a drill-down click on the treemap
// to the next paint of the programme page; one search keystroke in the table to the next
// paint. Medians of 3. Usage: node bench/synthetic.mjs   (after
//   trunk build --release --offline --features synthetic --dist dist-bench)
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { startServer } from '../tests/e2e/server.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await startServer({ dir: 'dist-bench' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

async function fresh(path, selector) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url + path);
  await page.waitForSelector(selector, { timeout: 120000 });
  const rendered = await page.evaluate(async () => { await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))); return performance.now(); });
  return { context, page, rendered };
}

for (const n of [15, 1000, 10000]) {
  const q = n === 15 ? '' : `?synthetic=${n}`;
  const row = { treemap: [], table: [], goals: [], drill: [], keystroke: [] };
  for (let i = 0; i < 3; i++) {
    let s = await fresh(`treemap${q}`, 'svg.treemap g.cell');
    row.treemap.push(s.rendered);
    row.drill.push(await s.page.evaluate(async () => {
      const t0 = performance.now();
      document.querySelector('svg.treemap g.cell').dispatchEvent(new MouseEvent('click', { bubbles: true }));
      while (!document.querySelector('[data-testid=programme-budget]')) await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    }));
    await s.context.close();
    s = await fresh(`programmes${q}`, '[data-testid=programme-table] tbody tr');
    row.table.push(s.rendered);
    row.keystroke.push(await s.page.evaluate(async () => {
      const input = document.querySelector('#filter');
      const t0 = performance.now();
      input.value = '計';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    }));
    await s.context.close();
    s = await fresh(`goals${q}`, '[data-testid=goal-tree] li.strategy');
    row.goals.push(s.rendered);
    await s.context.close();
  }
  const f = (xs) => `${median(xs).toFixed(0).padStart(7)} ms`;
  console.log(`${String(n).padStart(6)} programmes: render treemap ${f(row.treemap)}, table ${f(row.table)}, goal tree ${f(row.goals)}; drill-down click→paint ${f(row.drill)}; search keystroke→paint ${f(row.keystroke)}`);
}
await browser.close();
await server.close();
void nextPaint;
