// Static pre-rendering of the bundled plan's main views (after `trunk build`):
//   node scripts/prerender.mjs DIST [BASE]
// Loads each route of the built site in headless Chromium, lets the real app render it, and
// writes what a person sees into DIST/<route>.html (DIST/index.html for the overview). A
// visitor then sees the charts as soon as the HTML arrives; the wasm app replaces the
// pre-rendered copy with the live one when it starts (web/src/main.rs). The figures are the
// app's own (computed by plan-core in the browser); nothing is written by hand here.
// DIST/404.html stays the empty shell that every other address (imports, /p/<id>/…) loads.
// Each page also gets <link rel=preload> for the wasm chunks its render fetched
// (scripts/split.py), so they download alongside the main wasm instead of after it; a landing
// page, for the one bundle of them (scripts/bundles.py), marked data-bundle for the loader.
// Each page also gets its link preview: a description with the page's key figures (read from
// what the app rendered), Open Graph and Twitter card tags, and og:image — a PNG of the
// page's chart, screenshotted from that same render into DIST/og/. SITE_ORIGIN (e.g.
// https://example.org) makes the URLs absolute, as some previewers want; otherwise they are
// the deploy base's paths.
// The shell's inline assets/prerendered.js (scripts/postbuild.py) lets the copy answer the
// reader (chart details, opening a programme) until the app starts.
// Finally the service worker's file list is refreshed, so the new pages work offline.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startServer } from './server.mjs';
import { launch } from './chromium.mjs';
import { noteAppReady } from './app_ready.mjs';

const [dist, base = '/'] = process.argv.slice(2);
if (!dist) throw new Error('usage: node scripts/prerender.mjs DIST [BASE]');
const ROUTES = ['', 'treemap', 'goals', 'programmes', 'flow', 'methods'];
const ORIGIN = (process.env.SITE_ORIGIN ?? '').replace(/\/$/, '');
// The element whose picture previews a page (the first that exists).
const CHART = ['svg.treemap', 'svg.sankey', '[data-testid=goal-tree]', '.funding-bar'];
const t0 = Date.now();

const shell = await readFile(path.join(dist, '404.html'), 'utf8');
if (!shell.includes('<noscript>')) throw new Error(`${dist}/404.html is not the app shell`);
const server = await startServer({ dir: dist, base });
const browser = await launch();

/** The rendered app: its title, the body's children the app added (not scripts), and the
 * chunks it fetched until it had mounted (a fresh context each time, so none comes from the
 * cache; later ones, such as the programme page's fetched when the browser is idle, are not
 * the page's to preload). */
async function render(route) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(noteAppReady);
  // Always from the empty shell, even where an earlier run wrote this page: its copy and
  // preloads must not end up in the new one.
  await page.route(server.url + route, (request) => request.fulfill({ body: shell, contentType: 'text/html; charset=utf-8' }));
  const logStart = server.log.length;
  await page.goto(server.url + route, { waitUntil: 'load' });
  await page.waitForSelector('body[data-app-ready]', { state: 'attached', timeout: 30_000 });
  // The sections whose code comes after the page is live are in the copy too (for readers
  // without JavaScript, and to stand in for the live ones until their code arrives).
  await page.waitForFunction(() => !document.querySelector('[data-later][aria-busy=true]'), null, { timeout: 30_000 });
  const rendered = await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(() => {
    // Form state lives in properties, which outerHTML does not write: make it attributes.
    for (const input of document.querySelectorAll('input')) {
      if (input.checked) input.setAttribute('checked', '');
      if (input.value && !['radio', 'checkbox'].includes(input.type)) input.setAttribute('value', input.value);
    }
    done({
      title: document.title,
      html: [...document.body.children]
        .filter((el) => !['SCRIPT', 'NOSCRIPT', 'TEMPLATE', 'LINK'].includes(el.tagName) && !el.hasAttribute('data-prerendered'))
        .map((el) => el.outerHTML).join('\n'),
      programmes: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((h) => /\/programme\/\d+$/.test(h)),
      facts: Object.fromEntries(['total', 'total-short', 'programme-count', 'programme-budget', 'programme-share']
        .map((id) => [id, document.querySelector(`[data-testid=${id}]`)?.textContent.trim()]).filter(([, v]) => v)),
      heading: document.querySelector('main h1')?.textContent.trim() ?? '',
      largest: document.querySelector('svg.treemap g.cell')?.getAttribute('aria-label') ?? '',
    });
  }, 0))));
  const readyAt = await page.evaluate(() => window.__appReadyWall);
  const chart = await firstVisible(page, CHART);
  // At most 1200 × 630 (the size previews show) from the chart's top left: a long goal tree
  // would otherwise make a picture no previewer shows whole.
  const box = chart && await chart.boundingBox();
  rendered.image = box && await page.screenshot({ type: 'png', animations: 'disabled', fullPage: true,
    clip: { x: box.x, y: box.y, width: Math.min(box.width, 1200), height: Math.min(box.height, 630) } });
  await context.close();
  rendered.chunks = [...new Set(server.log.slice(logStart).filter((r) => r.time <= readyAt).map((r) => r.path)
    .filter((p) => p.includes('/chunks/')))].map((p) => p.slice(base.length));
  return rendered;
}

/** The bundle of the page whose own chunk (chunks/split_<page>-….wasm) is among `chunks`
 *  (scripts/bundles.py lists them, with their parts, in chunks/bundles.json). */
const bundles = JSON.parse(await readFile(path.join(dist, 'chunks', 'bundles.json'), 'utf8'));
function bundleOf(chunks) {
  const own = chunks.map((c) => /chunks\/split_(page_\w+)-/.exec(c)?.[1]).find(Boolean);
  if (!own || !Object.hasOwn(bundles, own)) return null;
  const inBundle = new Set(bundles[own].parts.split(' ').map((p) => p.split(':')[0]));
  const missing = chunks.filter((c) => !inBundle.has(/([^/]+)-[0-9a-f]+\.wasm$/.exec(c)?.[1]));
  if (missing.length) throw new Error(`the ${own} bundle lacks chunks the page fetched: ${missing.join(', ')}`);
  return bundles[own];
}

async function firstVisible(page, selectors) {
  for (const selector of selectors) {
    const el = page.locator(selector).first();
    if (await el.count() && await el.isVisible()) return el;
  }
  return null;
}

// The key figures, in the site's default language, from the overview's render (the plan) and
// the page's own (a programme's budget and share; the treemap's largest cell).
function describe(route, r, plan) {
  const whole = `總預算 ${plan.total}（約 ${plan.short}），${plan.count} 項計畫`;
  if (route === '') return `${plan.title}：${whole}。經費來源、目標與每位市民的負擔，全部由原始文件計算。`;
  if (route.startsWith('programme/')) return `${r.heading}：${r.facts['programme-budget']}，占總預算 ${r.facts['programme-share']}。${plan.title}。`;
  if (route === 'treemap') return `${plan.title}的錢花在哪裡：最大的是 ${r.largest}。${whole}。`;
  return `${r.heading} · ${plan.title}：${whole}。`;
}

const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
function previewTags({ title, description, image, url }) {
  const meta = (attr, key, value) => `<meta ${attr}="${key}" content="${escapeAttr(String(value))}">`;
  return [
    meta('name', 'description', description),
    meta('property', 'og:type', 'website'), meta('property', 'og:locale', 'zh_TW'),
    meta('property', 'og:title', title), meta('property', 'og:description', description),
    ...(url ? [meta('property', 'og:url', url)] : []),
    ...(image ? [meta('property', 'og:image', image.url), meta('property', 'og:image:type', 'image/png'),
      meta('property', 'og:image:width', image.width), meta('property', 'og:image:height', image.height),
      meta('property', 'og:image:alt', title)] : []),
    meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', title), meta('name', 'twitter:description', description),
    ...(image ? [meta('name', 'twitter:image', image.url)] : []),
  ].join('\n    ');
}

// A PNG's size, from its IHDR chunk.
const pngSize = (png) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

const escapeText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const routes = [...ROUTES];
let written = 0;
let plan = null;
for (let i = 0; i < routes.length; i++) {
  const route = routes[i];
  const rendered = await render(route);
  const { title, programmes, chunks } = rendered;
  // The page's own address as the app wrote it (the embed snippet's <iframe src>) is this
  // machine's server: the deploy's origin instead, or a path below the host if it is not known.
  const html = rendered.html.replaceAll(server.origin, ORIGIN);
  // The overview renders first: its figures describe the plan on every page.
  plan ??= { title: rendered.heading, total: rendered.facts.total, short: rendered.facts['total-short'], count: rendered.facts['programme-count'] };
  let image = null;
  if (rendered.image) {
    const file = `og/${route === '' ? 'index' : route.replace(/\//g, '-')}.png`;
    await mkdir(path.join(dist, 'og'), { recursive: true });
    await writeFile(path.join(dist, file), rendered.image);
    image = { url: `${ORIGIN}${base}${file}`, ...pngSize(rendered.image) };
  }
  const preview = previewTags({ title, description: describe(route, rendered, plan), image, url: ORIGIN && `${ORIGIN}${base}${route}` });
  if (route === 'programmes') {
    for (const href of programmes) {
      const r = href.slice(href.indexOf('programme/'));
      if (!routes.includes(r)) routes.push(r);
    }
  }
  const bundle = bundleOf(chunks);
  // A bundle in the head: the page needs it as soon as the main wasm, and the loader looks
  // for it on its first fetch, which can come before the body has been parsed.
  const preloads = bundle ? '' : chunks.map((c) => `<link rel="preload" href="${c}" as="fetch" type="application/wasm" crossorigin>`).join('');
  const bundleLink = bundle ? `<link rel="preload" href="${base}${bundle.file}" as="fetch" type="application/wasm" crossorigin data-bundle="${bundle.parts}">\n` : '';
  const out = shell
    .replace('</head>', `${bundleLink}</head>`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeText(title)}</title>`)
    .replace(/<meta name="description"[^>]*>/, preview)
    .replace('</body>', `${preloads}\n</body>`)
    .replace('</noscript>', `</noscript>\n<div data-prerendered>\n${html}\n</div>`);
  const file = path.join(dist, route === '' ? 'index.html' : `${route}.html`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, out);
  written++;
}
await browser.close();
await server.close();
execFileSync('python3', ['scripts/postbuild.py', '--service-worker', dist], { stdio: 'inherit' });
console.log(`prerendered ${written} pages into ${dist} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
