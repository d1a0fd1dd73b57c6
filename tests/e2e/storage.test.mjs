// Nothing is ever lost (issue 5): stored data carries a schema version and is migrated
// forward; a corrupt or newer entry is kept aside and reported, never overwritten; a full
// quota gives a clear message and the previous state intact; two tabs do not clobber each
// other. And an imported plan full of markup renders as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, assertClean, visit, importAndKeep, keep, storageSnapshot, waitForApp, parseNumber } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url);
const fixture = await readFile(new URL('core/tests/fixtures/chiayi-labor-111.txt', ROOT), 'utf8');
const seed = await readFile(new URL('assets/plans/taoyuan-labor-111-plan.txt', ROOT), 'utf8');

async function tryKeep(site, text) {
  const { page } = site;
  await visit(site, '/import');
  await page.fill('#import-text', text);
  await page.click('.drop button');
  await page.waitForSelector('[data-testid=keep]');
  await page.click('[data-testid=keep] button');
  await page.waitForSelector('[data-testid=keep-error] .diag');
  return page.textContent('[data-testid=keep-error]');
}

for (const [name, value, reason] of [
  ['corrupt JSON', '{"schema_version":1,"plans":[{"id":', /not JSON/],
  ['a newer schema', '{"schema_version":99,"plans":[]}', /newer version/],
  ['the wrong shape', '{"schema_version":1,"plans":"many"}', /unexpected content/],
]) {
  test(`a stored library index with ${name} is reported, kept and never overwritten`, async (t) => {
    const site = await openApp(t, '/');
    const { page } = site;
    await page.evaluate((v) => localStorage.setItem('plan-explorer.library', v), value);
    await visit(site, '/library');
    const notice = await page.textContent('[data-testid=storage-problems]');
    assert.match(notice, /plan-explorer\.library/);
    assert.match(notice, reason);
    const message = await tryKeep(site, fixture);
    assert.match(message, /無法讀取/);
    assert.equal(await page.evaluate(() => localStorage.getItem('plan-explorer.library')), value, 'left exactly as it was');
    assert.equal(await page.evaluate(() => localStorage.getItem('plan-explorer.quarantine.plan-explorer.library')), value, 'a copy is set aside');
    // The user can take it away, then start afresh; the copy aside remains.
    await page.getByRole('button', { name: '捨棄並重新開始' }).click();
    await page.waitForSelector('[data-testid=storage-problems]', { state: 'detached' });
    assert.equal(await page.evaluate(() => localStorage.getItem('plan-explorer.quarantine.plan-explorer.library')), value);
    assertClean(site);
  });
}

test('an index written by the first version (a bare list) is migrated forward', async (t) => {
  const site = await openApp(t, '/');
  const { page } = site;
  await page.evaluate((source) => {
    localStorage.setItem('plan-explorer.library', JSON.stringify([{ id: 'old1', name: 'Old plan', added: '2022-01-01T00:00:00Z', programmes: 2, total: '1' }]));
    localStorage.setItem('plan-explorer.plan.old1', JSON.stringify({ schema_version: 1, name: 'Old plan', source }));
  }, fixture);
  await visit(site, '/library');
  assert.match(await page.textContent('[data-testid=library-row]'), /Old plan/);
  assert.equal(await page.locator('[data-testid=storage-problems]').count(), 0);
  await page.fill('#rename-old1', 'Old plan, renamed');
  await page.getByRole('button', { name: '重新命名' }).click();
  await page.waitForSelector('[data-testid=library-row] >> text=Old plan, renamed');
  const index = JSON.parse(await page.evaluate(() => localStorage.getItem('plan-explorer.library')));
  assert.equal(index.schema_version, 1);
  assert.equal(index.plans[0].name, 'Old plan, renamed');
  await visit(site, '/p/old1');
  await page.waitForSelector('[data-testid=total]');
  assertClean(site);
});

test('a full storage quota gives a clear message and leaves everything stored before intact', async (t) => {
  const site = await openApp(t, '/');
  const { page } = site;
  await importAndKeep(site, fixture, 'kept before');
  await visit(site, '/programme/7');
  await page.click('[data-testid=note] summary');
  await page.fill('[data-testid=note] textarea', 'a note from before');
  await page.getByRole('button', { name: '儲存筆記' }).click();
  await page.waitForSelector('[data-testid=note] [role=status] >> text=已儲存');
  // Fill what is left of the quota.
  const filled = await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20), i = 0;
    while (chunk.length >= 16) {
      try { localStorage.setItem(`filler.${i++}`, chunk); } catch { chunk = chunk.slice(chunk.length / 2); }
    }
    return i;
  });
  assert.ok(filled > 1);
  const before = await storageSnapshot(page);
  const message = await tryKeep(site, seed);
  assert.match(message, /儲存空間已滿/);
  // A note edit fails the same way, and the text typed stays in the box.
  await visit(site, '/programme/7');
  await page.click('[data-testid=note] summary');
  await page.fill('[data-testid=note] textarea', 'x'.repeat(200000));
  await page.getByRole('button', { name: '儲存筆記' }).click();
  await page.waitForSelector('[data-testid=note] .diag.error');
  assert.match(await page.textContent('[data-testid=note] .diag.error'), /儲存空間已滿/);
  assert.equal(await storageSnapshot(page), before, 'nothing stored changed');
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
  await visit(site, '/library');
  assert.match(await page.textContent('[data-testid=library]'), /kept before/);
  assertClean(site);
});

test('two tabs editing at once keep both edits, and each sees the other\'s changes', async (t) => {
  const site = await openApp(t, '/programme/7');
  const a = site.page;
  const b = await site.context.newPage();
  await b.goto(site.server.url + 'programme/3');
  await waitForApp(b);
  for (const [page, text] of [[a, 'note from tab A'], [b, 'note from tab B']]) {
    await page.click('[data-testid=note] summary');
    await page.fill('[data-testid=note] textarea', text);
    await page.getByRole('button', { name: '儲存筆記' }).click();
    await page.waitForSelector('[data-testid=note] [role=status] >> text=已儲存');
  }
  await visit(site, '/notes');
  const list = await a.textContent('[data-testid=note-list]');
  assert.match(list, /note from tab A/);
  assert.match(list, /note from tab B/);
  // Tab B watches the library while tab A imports a plan.
  await b.goto(site.server.url + 'library');
  await waitForApp(b);
  assert.equal(await b.locator('[data-testid=library-row]').count(), 0);
  await importAndKeep(site, fixture, 'from tab A');
  await b.waitForSelector('[data-testid=library-row] >> text=from tab A');
  assertClean(site);
});

test('an imported plan full of markup, script URLs and direction overrides renders as inert text everywhere', async (t) => {
  const site = await openApp(t, '/');
  const { page } = site;
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const hostile = seed
    .replace('七、就業服務', '七、<img/src=x/onerror=window.__pwned=1>')
    .replace('四、勞工教育大樓', '四、<script>window.__pwned=2</script>\u202e\u200b')
    .replace('(一)於本市設置', '(一)javascript:window.__pwned=3 <a href="javascript:alert(1)">click</a> 於本市設置');
  const id = await importAndKeep(site, hostile, '<b>bold?</b>');
  for (const route of ['', '/treemap', '/goals', '/programmes', '/programme/7', '/programme/4', '/flow', '/whatif', '/notes']) {
    await visit(site, `/p/${id}${route}`);
    await page.waitForSelector('main h1');
    assert.equal(await page.evaluate(() => window.__pwned), undefined, route);
    assert.equal(await page.locator('main img[src=x], main script, main a[href^="javascript:"], main b').count(), 0, route);
  }
  await visit(site, `/p/${id}/programme/7`);
  assert.match(await page.textContent('main h1'), /<img\/src=x\/onerror=window.__pwned=1>/);
  await visit(site, '/library');
  assert.match(await page.textContent('[data-testid=library-row]'), /<b>bold\?<\/b>/);
  assert.deepEqual(dialogs, []);
  assertClean(site);
});

test('a 5 MB paste shows progress, stays responsive and is kept', async (t) => {
  const site = await openApp(t, '/import');
  const { page } = site;
  // A seeded synthetic plan of 5 MB, written by the CLI (built by the native tests).
  const { execFileSync } = await import('node:child_process');
  const text = execFileSync(new URL('target/debug/plan', ROOT).pathname, ['synth', '--bytes', String(5 * 1024 * 1024), '--seed', '7'], { maxBuffer: 64 << 20 }).toString('utf8');
  // Pasted: the site reads a large paste directly instead of laying it out in the box.
  const t0 = Date.now();
  // The message is up only while the parse runs, which can be shorter than a poll: what
  // the status line says is recorded as it changes.
  await page.evaluate((t) => {
    const busy = document.querySelector('[data-testid=import-busy]');
    window.__said = [];
    new MutationObserver(() => window.__said.push(busy.textContent)).observe(busy, { childList: true, subtree: true, characterData: true });
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.querySelector('#import-text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  // While it is read, the page still answers (the message painted first).
  await page.waitForSelector('[data-testid=import-headline]', { timeout: 60_000 });
  const ms = Date.now() - t0;
  assert.match(await page.textContent('[data-testid=import-headline]'), /讀取成功/);
  assert.match((await page.evaluate(() => window.__said))[0], /^正在解析 \d\.\d MB…$/);
  const id = await keep(site, 'five megabytes');
  const kept = Date.now() - t0;
  console.log(`5 MB paste: ${(Buffer.byteLength(text) / 1048576).toFixed(1)} MB read in ${ms} ms, kept and opened in ${kept} ms`);
  await visit(site, `/p/${id}/programmes`);
  // Only the rows in view (and a few beyond) are built; the rest are scrolled to.
  const n = parseNumber((await page.textContent('[data-testid=pager]')).split('共')[1]);
  assert.ok(n > 1000);
  assert.match(await page.textContent('table.programmes tfoot'), new RegExp(`合計（${n} 項）`));
  const built = () => page.locator('table.programmes tbody tr[aria-rowindex]').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('aria-rowindex'))));
  const first = await built();
  assert.ok(first.length > 10 && first.length < 60, `rows built: ${first.length}`);
  assert.deepEqual(first, first.map((_, i) => i + 2), 'the first rows, in order');
  assert.equal(await page.getAttribute('table.programmes', 'aria-rowcount'), String(n + 2));
  // The keyboard reaches the end: focus the scroll box, press End.
  await page.focus('.table-wrap.rows');
  await page.keyboard.press('End');
  await page.waitForFunction((n) => document.querySelector('table.programmes tbody tr[aria-rowindex]:last-of-type')?.getAttribute('aria-rowindex') === String(n + 1), n);
  const last = await built();
  assert.ok(last.length < 60 && last[0] > n - 60, `rows built at the end: ${last[0]}…${last.at(-1)}`);
  assert.match(await page.textContent('[data-testid=pager]'), new RegExp(`第 [\\d,]+–${n} 項`));
  // A filter starts again at the top.
  await page.fill('#filter', '計畫');
  await page.waitForFunction(() => document.querySelector('table.programmes tbody tr[aria-rowindex]')?.getAttribute('aria-rowindex') === '2');
  // The goal tree opens a strategy of hundreds of links 50 at a time (so opening it is quick),
  // and a button adds the next 50.
  await visit(site, `/p/${id}/goals`);
  const strategy = page.locator('[data-testid=goal-tree] li.strategy:not(.unfunded)').first();
  await strategy.locator(':scope > details > summary').click();
  const links = strategy.locator('ul.links > li');
  await links.first().waitFor();
  const more = strategy.locator('button.more');
  const total = Number((await more.innerText()).match(/共 (\d+) 項/)[1]);
  assert.ok(total > 100, `a strategy of ${total} links`);
  assert.equal(await links.count(), 50);
  assert.equal(await more.innerText(), `再顯示 50 項（共 ${total} 項）`);
  await more.click();
  await page.waitForFunction(() => document.querySelector('[data-testid=goal-tree] li.strategy:not(.unfunded) ul.links').children.length === 100);
  assert.equal(await more.innerText(), `再顯示 ${Math.min(50, total - 100)} 項（共 ${total} 項）`);
  assertClean(site);
});
