// Shared helpers for the browser end-to-end tests (node --test, playwright-core, Debian chromium).
//
//   const site = await openSite('/', { viewport: { width: 360, height: 740 } });
//   t.after(() => site.close());
//   await waitForApp(site.page);
//   assertNoErrors(site);
//   assertSameOrigin(site.requests, site.origin);
//
// Environment: DIST_DIR (default <repo>/dist) and DIST_SUB_DIR (default <repo>/dist-sub, the
// build for base '/sub/path/') choose what is served; CHROMIUM (default /usr/bin/chromium).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, launch } from '../../scripts/chromium.mjs';
import { startServer } from '../../scripts/server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
export const SUB_PATH = '/sub/path/';
// The bundled FY111 plan's total in 千元 (the document's own figure): the one oracle every
// test of the bundled plan checks against. TOTAL_TEXT is how the site writes it.
export const SEED_TOTAL = 507_013;
export const DIST_DIR = path.resolve(process.env.DIST_DIR ?? path.join(ROOT, 'dist'));
export const DIST_SUB_DIR = path.resolve(process.env.DIST_SUB_DIR ?? path.join(ROOT, 'dist-sub'));
export const SCREENSHOT_DIR = path.join(HERE, 'screenshots');

// Each openSite() gets a new browser context, so no state (localStorage, cache, cookies)
// leaks between tests.
export { CHROMIUM_ARGS, launch };

// Errors of each page, for waitForApp()'s diagnostics.
const siteOfPage = new WeakMap();

/**
 * Serve the built site and open PATH (relative to the base) in a fresh browser.
 * Options: viewport, base ('/' serves DIST_DIR, '/sub/path/' serves DIST_SUB_DIR), dir (overrides
 * the folder), contextOptions (passed to browser.newContext), init (a function run in every
 * page before its own scripts: context.addInitScript).
 * Returns { page, context, browser, server, origin, url, requests, pageErrors, consoleErrors,
 *           failedRequests, badResponses, close() }.
 */
export async function openSite(urlPath = '/', { viewport = { width: 1280, height: 800 }, base = '/', dir, contextOptions = {}, init } = {}) {
  dir ??= base === '/' ? DIST_DIR : DIST_SUB_DIR;
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: build the site first (bash scripts/test.sh, or trunk build --release --offline${base === '/' ? '' : ` --public-url ${base} --dist ${path.basename(dir)}`})`);
  }
  const server = await startServer({ dir, base });
  const browser = await launch();
  // Fixed locale and time zone keep formatted numbers/dates (and screenshots) reproducible.
  const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'UTC', ...contextOptions });
  context.setDefaultTimeout(15_000);
  if (init) await context.addInitScript(init);

  const site = {
    context, browser, server, origin: server.origin,
    requests: [],        // every request URL, in order (all pages of the context)
    pageErrors: [],      // uncaught exceptions / unhandled rejections (wasm panics land here)
    consoleErrors: [],   // console.error messages, including "Failed to load resource"
    failedRequests: [],  // network-level failures: { url, error }
    badResponses: [],    // HTTP status >= 400: { url, status }
  };
  context.on('request', (req) => site.requests.push(req.url()));
  context.on('requestfailed', (req) => site.failedRequests.push({ url: req.url(), error: req.failure()?.errorText }));
  context.on('response', (res) => { if (res.status() >= 400) site.badResponses.push({ url: res.url(), status: res.status() }); });
  const watch = (page) => {
    siteOfPage.set(page, site);
    page.on('pageerror', (err) => site.pageErrors.push(err.stack || String(err)));
    page.on('console', (msg) => { if (msg.type() === 'error') site.consoleErrors.push(msg.text()); });
  };
  context.on('page', watch);

  site.page = await context.newPage();
  if (!siteOfPage.has(site.page)) watch(site.page);
  site.url = server.url + urlPath.replace(/^\//, '');
  site.close = async () => {
    await browser.close().catch(() => {});
    await server.close();
  };
  try {
    await site.page.goto(site.url, { waitUntil: 'load' });
  } catch (err) {
    await site.close();
    throw err;
  }
  return site;
}

/** Wait until the app has mounted (the app sets data-app-ready on <body> or <main>) and the
 *  sections whose code comes after the page is live have been built (web/src/components/later.rs). */
export async function waitForApp(page, { timeout = 15_000 } = {}) {
  try {
    await page.waitForSelector('body[data-app-ready], main[data-app-ready]', { state: 'attached', timeout });
    await page.waitForFunction(() => !document.querySelector('[data-later][aria-busy=true]'), null, { timeout });
  } catch (err) {
    const site = siteOfPage.get(page);
    const extra = site ? `\npage errors: ${JSON.stringify(site.pageErrors, null, 2)}\nconsole errors: ${JSON.stringify(site.consoleErrors, null, 2)}` : '';
    throw new Error(`app never set data-app-ready on <body> or <main> (${page.url()})${extra}`, { cause: err });
  }
}

/** Assert no uncaught page errors and no console errors happened (so far). */
export function assertNoErrors(site) {
  assert.deepEqual(site.pageErrors, [], `page errors:\n${site.pageErrors.join('\n')}`);
  assert.deepEqual(site.consoleErrors, [], `console errors:\n${site.consoleErrors.join('\n')}`);
}

/**
 * Assert every request went to ORIGIN (data: and blob: URLs never leave the page).
 * With base, also assert every path is under it (catches absolute '/...' URLs in a sub-path build).
 */
export function assertSameOrigin(requests, origin, { base } = {}) {
  const offenders = requests.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
    return url.origin !== origin || (base && !url.pathname.startsWith(base));
  });
  assert.deepEqual(offenders, [], `requests outside ${origin}${base ?? ''}:\n${offenders.join('\n')}`);
}

const require = createRequire(import.meta.url);
let axeSource;

/**
 * Run axe-core in the page; returns its violations (array, empty when clean).
 * axe is injected from node_modules (never from a URL). OPTIONS go to axe.run.
 */
export async function axeAudit(page, options = { resultTypes: ['violations'] }) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => Boolean(window.axe)))) {
    // The page's Content-Security-Policy refuses inline <script> (and would log a console
    // error); evaluate() runs through DevTools and is not subject to it.
    await page.evaluate(axeSource);
  }
  const result = await page.evaluate((opts) => window.axe.run(document, opts), options);
  return result.violations;
}

/** One readable block per violation: id, impact, help, URL and each target node. */
export function formatViolations(violations) {
  return violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n` +
    v.nodes.map((n) => `  - ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ') ?? ''}`).join('\n'),
  ).join('\n\n');
}

/** Assert axe finds nothing; the failure message lists every violation. */
export async function assertNoAxeViolations(page, options) {
  const violations = await axeAudit(page, options);
  assert.equal(violations.length, 0, `axe violations on ${page.url()}:\n${formatViolations(violations)}`);
}

/** Full-page screenshot into tests/e2e/screenshots/NAME.png; returns the path. */
export async function screenshot(page, name, options = {}) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, ...options });
  return file;
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the page tests (overview, treemap, goals, programme, table, flow, ...).

/** openSite() + waitForApp(), closed when test T ends. */
export async function openApp(t, urlPath = '/', options = {}) {
  const site = await openSite(urlPath, options);
  t.after(() => site.close());
  await waitForApp(site.page);
  return site;
}

/** A full page load of another route of the same site (same context: localStorage is kept). */
export async function visit(site, urlPath) {
  await site.page.goto(site.server.url + urlPath.replace(/^\//, ''), { waitUntil: 'load' });
  await waitForApp(site.page);
}

/** The end of every test: no page/console errors, no request outside the site (and its base). */
export function assertClean(site, { base } = {}) {
  assertNoErrors(site);
  assertSameOrigin(site.requests, site.origin, base && base !== '/' ? { base } : {});
}

/** The first number in TEXT as a person reads it: "507,013 千元" → 507013, "50.99%" → 50.99. */
export function parseNumber(text) {
  const m = String(text).match(/-?\d[\d,]*(\.\d+)?/);
  assert.ok(m, `no number in ${JSON.stringify(text)}`);
  return Number(m[0].replace(/,/g, ''));
}

/** Every number in TEXT, in order. */
export function parseNumbers(text) {
  return [...String(text).matchAll(/-?\d[\d,]*(\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')));
}

/** 258536 → "258,536" (the site's thousands grouping). */
export const fmt = (n) => n.toLocaleString('en-US');
export const TOTAL_TEXT = fmt(SEED_TOTAL);

/** The visible text (innerText, trimmed) of every element matching SELECTOR. */
export function texts(page, selector) {
  return page.locator(selector).evaluateAll((els) => els.map((e) => e.innerText.trim()));
}

/** Sum of numbers, rounded to the cent (avoids float dust). */
export const sum = (xs) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;

/**
 * Press Tab until the focused element matches SELECTOR (at most MAX times). Returns the focus
 * stops passed on the way, each { tag, text, label, cls, href } — the last one is the match.
 */
export async function tabUntil(page, selector, max = 60) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((sel) => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      return {
        tag: e.tagName.toLowerCase(), text: (e.innerText ?? e.textContent ?? '').trim(),
        label: e.getAttribute('aria-label'), cls: e.getAttribute('class'), href: e.getAttribute('href'),
        matches: e.matches(sel),
      };
    }, selector);
    if (stop) stops.push(stop);
    if (stop?.matches) return stops;
  }
  throw new Error(`Tab never reached ${selector} in ${max} presses; stops: ${JSON.stringify(stops.map((s) => s.text || s.label))}`);
}

/** Switch the UI language with the header button (LANG 'en' or 'zh'); no-op when already there. */
export async function setLanguage(page, lang) {
  const want = lang === 'en' ? 'en' : 'zh-Hant-TW';
  if ((await page.getAttribute('html', 'lang')) === want) return;
  await page.click('header.site button.lang');
  await page.waitForFunction((l) => document.documentElement.lang === l, want);
}

// ---------------------------------------------------------------------------------------------
// The user's own data (issue 5).

/** Paste TEXT on /import, read it, keep it as NAME; resolves to the new plan's id. */
export async function importAndKeep(site, text, name) {
  await visit(site, '/import');
  await site.page.fill('#import-text', text);
  await site.page.click('.drop button');
  await site.page.waitForSelector('[data-testid=keep], [data-testid=mapping]');
  return keep(site, name);
}

/** Drops a file on the import page's drop zone, as a reader dragging it from their desktop. */
export async function dropFile(page, name, bytes, type = 'application/pdf') {
  const data = await page.evaluateHandle(({ name, b64, type }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name, { type }));
    return dt;
  }, { name, b64: Buffer.from(bytes).toString('base64'), type });
  await page.dispatchEvent('[data-testid=drop-zone]', 'drop', { dataTransfer: data });
}

/** Click "keep" on the import page (after a read or a column mapping); resolves to the id. */
export async function keep(site, name) {
  await site.page.fill('#keep-name', name);
  await site.page.click('[data-testid=keep] button');
  await site.page.waitForURL(/\/p\/[0-9a-z]+$/);
  await site.page.waitForSelector('[data-testid=total]');
  return site.page.url().split('/p/')[1];
}

/** Every localStorage entry of the site, as a sorted JSON string (to compare before/after). */
export const storageSnapshot = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => !k.startsWith('plan-explorer.quarantine.')).sort()));

/** Run ACTION and return the download it starts: { name, text }. */
export async function download(page, action) {
  const [dl] = await Promise.all([page.waitForEvent('download'), action()]);
  const stream = await dl.createReadStream();
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return { name: dl.suggestedFilename(), bytes: Buffer.concat(chunks), text: Buffer.concat(chunks).toString('utf8') };
}

/** Choose a file called NAME holding BYTES in the import page's file input. */
export async function chooseFile(page, name, bytes) {
  const { mkdtemp, writeFile } = await import('node:fs/promises');
  const dir = await mkdtemp(path.join((await import('node:os')).tmpdir(), 'upload-'));
  await writeFile(path.join(dir, name), bytes);
  await page.setInputFiles('#import-file', path.join(dir, name));
}
