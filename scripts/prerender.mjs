// Static pre-rendering of the bundled plan's main views (after `trunk build`):
//   node scripts/prerender.mjs DIST [BASE]
// Loads each route of the built site in headless Chromium, lets the real app render it, and
// writes what a person sees into DIST/<route>.html (DIST/index.html for the overview). A
// visitor then sees the charts as soon as the HTML arrives; the wasm app replaces the
// pre-rendered copy with the live one when it starts (web/src/main.rs). The figures are the
// app's own (computed by plan-core in the browser); nothing is written by hand here.
// DIST/404.html stays the empty shell that every other address (imports, /p/<id>/…) loads.
// Each page also gets <link rel=preload> for the wasm chunks its render fetched
// (scripts/split.py), so they download alongside the main wasm instead of after it.
// Finally the service worker's file list is refreshed, so the new pages work offline.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startServer } from './server.mjs';
import { launch } from './chromium.mjs';

const [dist, base = '/'] = process.argv.slice(2);
if (!dist) throw new Error('usage: node scripts/prerender.mjs DIST [BASE]');
const ROUTES = ['', 'treemap', 'goals', 'programmes', 'flow', 'methods'];
const t0 = Date.now();

const shell = await readFile(path.join(dist, '404.html'), 'utf8');
if (!shell.includes('<noscript>')) throw new Error(`${dist}/404.html is not the app shell`);
const server = await startServer({ dir: dist, base });
const browser = await launch();

/** The rendered app: its title, the body's children the app added (not scripts), and the
 * chunks it fetched (a fresh context each time, so none comes from the cache). */
async function render(route) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const logStart = server.log.length;
  await page.goto(server.url + route, { waitUntil: 'load' });
  await page.waitForSelector('body[data-app-ready]', { state: 'attached', timeout: 30_000 });
  const rendered = await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(() => {
    // Form state lives in properties, which outerHTML does not write: make it attributes.
    for (const input of document.querySelectorAll('input')) {
      if (input.checked) input.setAttribute('checked', '');
      if (input.value && !['radio', 'checkbox'].includes(input.type)) input.setAttribute('value', input.value);
    }
    done({
      title: document.title,
      html: [...document.body.children]
        .filter((el) => !['SCRIPT', 'NOSCRIPT', 'TEMPLATE'].includes(el.tagName) && !el.hasAttribute('data-prerendered'))
        .map((el) => el.outerHTML).join('\n'),
      programmes: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((h) => /\/programme\/\d+$/.test(h)),
    });
  }, 0))));
  await context.close();
  rendered.chunks = [...new Set(server.log.slice(logStart).map((r) => r.path).filter((p) => p.includes('/chunks/')))].map((p) => p.slice(base.length));
  return rendered;
}

const escapeText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const routes = [...ROUTES];
let written = 0;
for (let i = 0; i < routes.length; i++) {
  const route = routes[i];
  const { title, html, programmes, chunks } = await render(route);
  if (route === 'programmes') {
    for (const href of programmes) {
      const r = href.slice(href.indexOf('programme/'));
      if (!routes.includes(r)) routes.push(r);
    }
  }
  const preloads = chunks.map((c) => `<link rel="preload" href="${c}" as="fetch" type="application/wasm" crossorigin>`).join('');
  const out = shell
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeText(title)}</title>`)
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
