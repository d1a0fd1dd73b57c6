// A council's stack in the browser's database: node bench/library.mjs [BOOKS]
//   (after `trunk build --release`; reads dist/)
//
// Keeps the generated 2,000-line budget book (bench/book.mjs, every line with its
// explanation) as a reader would, three times through /import ("keep": the click on
// 存到我的計畫 → the kept book's overview showing its total), then fills the library to BOOKS
// (default 100) documents by copying the stored record under new ids — the format the site
// writes, so every copy is a document it reads like any other — and measures:
//   - list: /library opened → every row listed (a full page load);
//   - search: a title typed in the search box → the rows shown;
//   - open: a library row clicked → the first frame drawn with that book's total on its
//     overview (its record read from IndexedDB, its JSON decoded, the book read and
//     summarised), for five books not opened before;
//   - bytes: what the records hold, and what the browser says the site uses.
import { startServer } from '../scripts/server.mjs';
import { launch } from '../scripts/chromium.mjs';
import { book } from './book.mjs';

const BOOKS = Number(process.argv[2] ?? 100);
const csv = book();
const server = await startServer({ dir: process.env.DIST ?? 'dist' });
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
const ms = (t0) => Math.round(performance.now() - t0);

const keep = [];
for (let i = 0; i < 3; i++) {
  await page.goto(`${server.url}import`);
  await page.waitForSelector('#import-file', { state: 'attached' });
  await page.setInputFiles('#import-file', { name: 'central-book.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForSelector('[data-testid=import-total]', { timeout: 180_000 });
  await page.fill('#keep-name', `中央政府總預算（合成）${i + 1}`);
  const t0 = performance.now();
  await page.click('[data-testid=keep] button');
  await page.waitForSelector('[data-testid=total]', { timeout: 180_000 });
  keep.push(ms(t0));
}

// Copies of the kept record under new ids, with index entries, as the site writes them.
const bytes = await page.evaluate(async (books) => {
  const index = JSON.parse(localStorage.getItem('plan-explorer.library'));
  const first = index.plans[0];
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('plan-explorer');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const text = await new Promise((resolve) => {
    const get = db.transaction('documents').objectStore('documents').get(first.id);
    get.onsuccess = () => resolve(get.result);
  });
  const tx = db.transaction('documents', 'readwrite');
  for (let i = index.plans.length; i < books; i++) {
    const id = `bench${i}`;
    tx.objectStore('documents').put(text, id);
    index.plans.push({ ...first, id, name: `中央政府總預算（合成）${i + 1}`, year: 100 + (i % 15) });
  }
  await new Promise((resolve) => { tx.oncomplete = resolve; });
  db.close();
  localStorage.setItem('plan-explorer.library', JSON.stringify(index));
  const { usage } = await navigator.storage.estimate();
  return { record: text.length, usage };
}, BOOKS);

const t1 = performance.now();
await page.goto(`${server.url}library`);
await page.waitForFunction((n) => document.querySelectorAll('[data-testid=library-row]').length === n, BOOKS, { timeout: 60_000 });
const list = ms(t1);

const t2 = performance.now();
await page.fill('[data-testid=library-search]', '合成）57');
await page.waitForFunction(() => document.querySelectorAll('[data-testid=library-row]').length === 1);
const search = ms(t2);

const open = [];
const seen = [];
for (const n of [17, 33, 58, 71, 96].filter((n) => n <= BOOKS)) {
  await page.fill('[data-testid=library-search]', `合成）${n}`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=library-row]').length >= 1);
  // Timed in the page, from the click's own event to the first frame drawn with the total:
  // what the reader waits for. (Timed from here, Playwright's own work before it clicks —
  // scrolling, waiting for the link to be still — adds 90–180 ms.)
  await page.evaluate(() => {
    window.__open = new Promise((resolve) => {
      addEventListener('click', () => {
        const clicked = performance.now();
        const shown = () => document.querySelector('[data-testid=total]');
        new MutationObserver((_, observer) => {
          if (shown()) {
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - clicked)));
          }
        }).observe(document.body, { childList: true, subtree: true });
      }, { capture: true, once: true });
    });
  });
  const t0 = performance.now();
  await page.click(`[data-testid=library-row] a >> text=/合成）${n}$/`);
  await page.waitForSelector('[data-testid=total]', { timeout: 60_000 });
  seen.push(ms(t0));
  open.push(Math.round(await page.evaluate(() => window.__open)));
  await page.goBack();
  await page.waitForSelector('[data-testid=library-search]');
}
await browser.close();
await server.close();

const lines = csv.split('\n').length - 1;
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;
console.log(`library: ${BOOKS} budget books of ${lines} lines each (with explanations), ms`);
console.log(`keep (3 through /import): ${keep.join(', ')}`);
console.log(`list ${BOOKS} on /library: ${list}; search by title: ${search}`);
console.log(`open a book from the library (click → first frame with its total): ${open.join(', ')} (max ${Math.max(...open)})`);
console.log(`  the same as Playwright sees it, from before its click: ${seen.join(', ')}`);
console.log(`stored: ${mb(bytes.record)} per book, ${mb(bytes.record * BOOKS)} in records; the browser says the site uses ${mb(bytes.usage)}`);
