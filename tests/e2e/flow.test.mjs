// Money flow: a Sankey of sources → programmes → goals with focusable, labelled nodes whose
// amounts agree with the budgets and with the flows in the table equivalent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, visit, assertClean, parseNumber, sum, SEED_TOTAL as TOTAL } from './harness.mjs';


const readNodes = (page) => page.locator('svg.sankey g.node').evaluateAll((gs) => gs.map((g) => ({
  label: g.getAttribute('aria-label'), role: g.getAttribute('role'), tab: g.getAttribute('tabindex'),
})));
const split = (label) => { const m = label.match(/^(.+)：([\d,]+) 千元$/); return m && { name: m[1], amount: Number(m[2].replace(/,/g, '')) }; };

test('nodes for 5 sources, 15 programmes and 6 goals, each focusable and labelled', async (t) => {
  const site = await openApp(t, '/flow');
  const nodes = await readNodes(site.page);
  assert.equal(nodes.length, 5 + 15 + 6);
  for (const n of nodes) {
    assert.equal(n.tab, '0');
    assert.ok(split(n.label), `label "${n.label}" has a name and an amount`);
  }
  const programmes = nodes.filter((n) => n.role === 'link');
  const goals = nodes.filter((n) => /^目標[一二三四五六]：/.test(n.label));
  const sources = nodes.filter((n) => !programmes.includes(n) && !goals.includes(n));
  assert.equal(programmes.length, 15);
  assert.equal(goals.length, 6);
  assert.equal(sources.length, 5);
  for (const column of [sources, programmes, goals]) {
    assert.equal(sum(column.map((n) => split(n.label).amount)), TOTAL, `${column.length} nodes add up to the total`);
  }
  assert.ok(sources.some((n) => n.label === '中央補助款：352,190 千元'));
  assert.ok(sources.some((n) => n.label === '市總預算：120,364 千元'));
  assertClean(site);
});

test('each programme node carries its budget, and flows are conserved', async (t) => {
  const site = await openApp(t, '/programmes');
  const { page } = site;
  const budgets = new Map(await page.locator('table.programmes tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th').innerText.trim(), Number(tr.children[2].innerText.replace(/,/g, ''))])));
  await visit(site, '/flow');
  const nodes = (await readNodes(page)).map((n) => ({ ...n, ...split(n.label) }));
  const programmes = nodes.filter((n) => n.role === 'link');
  assert.deepEqual(programmes.map((n) => [n.name, n.amount]).sort(), [...budgets].sort(), 'programme node amount = its budget in the table');

  // The table equivalent: every flow, with in = out at every programme.
  await page.locator('details.table-equivalent summary').click();
  const flows = await page.locator('details.table-equivalent tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.innerText.trim())));
  assert.ok(flows.length >= 15 + 15, `${flows.length} flows`);
  const amount = (rows) => sum(rows.map((f) => parseNumber(f[2])));
  for (const n of nodes) {
    const into = flows.filter((f) => f[1] === n.name);
    const out = flows.filter((f) => f[0] === n.name);
    if (n.role === 'link') {
      assert.equal(amount(into), n.amount, `${n.name}: money in`);
      assert.equal(amount(out), n.amount, `${n.name}: money out`);
    } else {
      assert.equal(amount(into.length ? into : out), n.amount, `${n.name}: its flows`);
    }
  }
  assert.equal(amount(flows), 2 * TOTAL, 'each NT$ flows twice: source → programme → goal');
  assertClean(site);
});

test('a programme node opens its page with Enter, and focus describes it', async (t) => {
  const site = await openApp(t, '/flow');
  const { page } = site;
  const node = page.locator('svg.sankey g.node[aria-label^="就業服務："]');
  await node.focus();
  assert.equal(await page.locator('p.details').innerText(), '就業服務：258,536 千元');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/programme\/7$/);
  assert.equal(await page.getByTestId('programme-budget').innerText(), '258,536 千元');
  assertClean(site);
});

test('nodes too short for a label are listed below the diagram; on a phone every node is', async (t) => {
  for (const width of [1280, 360]) {
    const site = await openApp(t, '/flow', { viewport: { width, height: 800 } });
    const { page } = site;
    const nodes = await page.locator('svg.sankey g.node').evaluateAll((gs) => gs.map((g) => ({
      label: g.getAttribute('aria-label'), h: Number(g.querySelector('rect').getAttribute('height')),
    })));
    const shown = await page.locator('[data-testid=flow-unlabelled] li').evaluateAll((lis) => lis.filter((li) => li.offsetParent !== null).map((li) => li.innerText));
    const expected = (width === 360 ? nodes : nodes.filter((n) => n.h < 12)).map((n) => split(n.label));
    assert.ok(width === 360 || (expected.length >= 3 && expected.length < nodes.length), `${width}px: some nodes are short (${expected.length})`);
    const listed = shown.map((s) => s.match(/^(.+) ([\d,]+) 千元 · ([\d.]+)%$/)).map((m) => ({ name: m[1], amount: parseNumber(m[2]) }));
    assert.deepEqual(new Set(listed.map((l) => `${l.name} ${l.amount}`)), new Set(expected.map((e) => `${e.name} ${e.amount}`)), `${width}px: the list is the short nodes`);
    assert.deepEqual(listed.map((l) => l.amount), listed.map((l) => l.amount).sort((a, b) => b - a), 'biggest first');
    const heading = await page.locator('[data-testid=flow-unlabelled] h2').innerText();
    assert.equal(heading, width === 360 ? '圖中每一項' : '節點太小、未標名稱的項目');
    if (width === 1280) {
      const text = await page.locator('svg.sankey g.node-labels text').count();
      assert.equal(text + listed.length, nodes.length, 'every node is labelled or listed');
      const link = page.locator('[data-testid=flow-unlabelled] ul:not(.labelled) a[href]').first();
      const href = await link.getAttribute('href');
      await link.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === href);
      await page.waitForSelector('[data-testid=programme-budget]');
    }
    assertClean(site);
  }
});
