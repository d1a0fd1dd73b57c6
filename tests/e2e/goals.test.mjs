// The goal tree: 6 goals, 19 strategies, money everywhere, unfunded strategies flagged,
// inferred links with score and evidence; and the sunburst.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, assertClean, parseNumber, sum, SEED_TOTAL as TOTAL } from './harness.mjs';

const MONEY = /([\d,]+) 千元/;

/** The tree as data: goals → strategies → linked programmes, read from the page. */
const readTree = (page) => page.locator('[data-testid=goal-tree] > li.goal').evaluateAll((goals) => goals.map((g) => ({
  summary: g.querySelector(':scope > details > summary').innerText.trim(),
  strategies: [...g.querySelectorAll('li.strategy')].map((s) => ({
    summary: s.querySelector('summary').innerText.trim(),
    unfunded: s.classList.contains('unfunded'),
    visible: s.querySelector('summary').getBoundingClientRect().height > 0,
    links: [...s.querySelectorAll('ul.links > li')].map((l) => ({
      name: l.querySelector('a').innerText.trim(), href: l.querySelector('a').getAttribute('href'),
      money: l.querySelector('.figure').innerText.trim(), badge: l.querySelector('.badge').innerText.trim(),
      hasEvidence: Boolean(l.querySelector('details.evidence')),
    })),
  })),
})));

test('6 goals and 19 strategies, each with money that rolls up', async (t) => {
  const site = await openApp(t, '/goals');
  const tree = await readTree(site.page);
  assert.equal(tree.length, 6);
  const strategies = tree.flatMap((g) => g.strategies);
  assert.equal(strategies.length, 19);
  for (const s of strategies) {
    assert.match(s.summary, MONEY, `${s.summary} shows money`);
    assert.ok(s.visible, `${s.summary} is shown`);
    // A strategy's money is the sum of what its programmes put in.
    assert.equal(parseNumber(s.summary.match(MONEY)[1]), sum(s.links.map((l) => parseNumber(l.money))), s.summary);
  }
  for (const g of tree) {
    const own = parseNumber(g.summary.match(MONEY)[1]);
    assert.equal(own, sum(g.strategies.map((s) => parseNumber(s.summary.match(MONEY)[1]))), `${g.summary}: goal = sum of its strategies`);
  }
  const unlinked = parseNumber(await site.page.getByTestId('unlinked').innerText());
  assert.equal(sum(tree.map((g) => parseNumber(g.summary.match(MONEY)[1]))) + unlinked, TOTAL, 'goals + unlinked = total');
  assertClean(site);
});

test('the 6 missions are numbered once, in order, each with its money and share', async (t) => {
  const site = await openApp(t, '/goals');
  const missions = site.page.getByRole('list').filter({ has: site.page.locator('li .number') });
  const items = await missions.getByRole('listitem').allInnerTexts();
  assert.equal(items.length, 6, JSON.stringify(items));
  items.forEach((text, i) => assert.match(text.trim(), new RegExp(`^${i + 1}\\. \\S.+?\\s*[\\d,]+ 千元 · [\\d.]+%$`), text));
  assert.match(items[2], /^3\. 提供充足就業機會/);
  // The number is text (see Missions in goals.rs): a list marker as well would show it twice.
  assert.equal(await missions.evaluate((ol) => getComputedStyle(ol).listStyleType), 'none');
  assertClean(site);
});

test('strategies without a programme are flagged, not hidden', async (t) => {
  const site = await openApp(t, '/goals');
  const strategies = (await readTree(site.page)).flatMap((g) => g.strategies);
  const unfunded = strategies.filter((s) => s.links.length === 0);
  assert.ok(unfunded.length > 0, 'the seed has unfunded strategies (e.g. 策略 1.3)');
  for (const s of unfunded) {
    assert.ok(s.unfunded && s.visible, `${s.summary} shown and marked`);
    assert.match(s.summary, /0 千元/);
    assert.match(s.summary, /無計畫經費/);
  }
  for (const s of strategies.filter((x) => x.links.length > 0)) assert.doesNotMatch(s.summary, /無計畫經費/);
  assert.ok(strategies.find((s) => s.summary.startsWith('策略 1.3')).unfunded);
  assertClean(site);
});

test('inferred links show 推論 with a score, and their evidence opens to the shared words', async (t) => {
  const site = await openApp(t, '/goals');
  const { page } = site;
  const links = (await readTree(page)).flatMap((g) => g.strategies.flatMap((s) => s.links));
  assert.ok(links.length >= 15, 'every programme is linked somewhere');
  for (const l of links) assert.match(l.badge, /^(推論 [01]\.\d{2}|人工確認)$/, `${l.name}: ${l.badge}`);
  const employment = links.find((l) => l.name === '就業服務');
  assert.equal(employment.badge, '推論 0.25');
  assert.equal(employment.money, '258,536 千元');
  assert.equal(employment.href, '/programme/7');

  const item = page.locator('ul.links > li', { has: page.locator('a', { hasText: /^就業服務$/ }) });
  const evidence = item.locator('details.evidence');
  assert.equal(await evidence.locator('p').isVisible(), false, 'closed at first');
  await evidence.locator('summary').click();
  const words = await evidence.locator('p').innerText();
  assert.match(words, /^共同詞：\S+/);
  // Each shared word appears in the strategy's name.
  const strategy = await page.locator('li.strategy', { has: item }).locator('summary').first().innerText();
  for (const w of words.replace('共同詞：', '').split('、')) assert.ok(strategy.includes(w), `${w} in ${strategy}`);
  assertClean(site);
});

test('the sunburst shows an svg of focusable, labelled slices', async (t) => {
  const site = await openApp(t, '/goals');
  const { page } = site;
  const button = page.getByRole('button', { name: '旭日圖' });
  await button.click();
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  const svg = page.locator('svg.sunburst');
  await svg.waitFor();
  const slices = await svg.locator('g.slice').evaluateAll((ps) => ps.map((p) => ({ tab: p.getAttribute('tabindex'), label: p.getAttribute('aria-label'), cls: p.getAttribute('class') })));
  assert.ok(slices.length >= 6 + 19 - 1, `${slices.length} slices`);
  for (const s of slices) {
    assert.equal(s.tab, '0');
    assert.match(s.label, /：[\d,]+ 千元，[\d.]+%$/);
  }
  // Inner ring: goals; middle: strategies; outer: programmes (links). Each ring adds up.
  const ring = (d) => slices.filter((s) => s.cls.split(/\s+/).includes(`depth-${d}`));
  const amount = (s) => parseNumber(s.label.match(/：([\d,]+) 千元/)[1]);
  assert.ok(ring(1).every((s) => /^目標[一二三四五六] /.test(s.label)), 'depth 1 = goals');
  assert.ok(ring(2).every((s) => /^策略 \d\.\d /.test(s.label)), 'depth 2 = strategies');
  assert.equal(sum(ring(1).map(amount)), sum(ring(2).map(amount)));
  assert.equal(sum(ring(2).map(amount)), sum(ring(3).map(amount)));
  assert.equal(sum(ring(3).map(amount)), TOTAL, 'every programme appears (nothing is unlinked in the seed)');
  await svg.locator('g.slice').first().focus();
  assert.match(await page.locator('p.details').innerText(), /千元/, 'focus shows the slice');
  // Back to the tree.
  await page.getByRole('button', { name: '樹狀清單' }).click();
  assert.equal(await page.locator('[data-testid=goal-tree] li.strategy').count(), 19);
  assertClean(site);
});

test('a programme shows the same share in the sunburst as in the table', async (t) => {
  const site = await openApp(t, '/programmes');
  const { page } = site;
  // The table's share of each programme (the reference: shares there add up to 100.00%).
  const table = new Map(await page.locator('table.programmes tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th').innerText.trim(), tr.children[3].innerText.trim()])));
  assert.equal(table.size, 15);
  await page.getByRole('link', { name: '目標', exact: true }).click();
  await page.getByRole('button', { name: '旭日圖' }).click();
  const slices = await page.locator('svg.sunburst g.depth-3').evaluateAll((ps) => ps.map((p) => p.getAttribute('aria-label')));
  const mismatches = slices
    .map((l) => l.match(/^(.+)：([\d,]+) 千元，([\d.]+%)$/))
    .filter(([, name, , share]) => table.get(name) !== share)
    .map(([, name, , share]) => `${name}: sunburst ${share}, table ${table.get(name)}`);
  assert.deepEqual(mismatches, [], 'a programme shows the same share in the sunburst as in the table');
  assertClean(site);
});

test('the goal shares add up to 100% (nothing is unlinked)', async (t) => {
  const site = await openApp(t, '/goals');
  const { page } = site;
  const goalShares = await page.locator('[data-testid=goal-tree] > li.goal > details > summary .figure').allInnerTexts();
  const unlinked = parseNumber(await page.getByTestId('unlinked').innerText());
  assert.equal(unlinked, 0);
  assert.equal(sum(goalShares.map((f) => parseNumber(f.split('·')[1]))), 100, `goal shares ${goalShares.map((f) => f.split('·')[1].trim()).join(' + ')} should add up to 100%`);
  assertClean(site);
});

test('sunburst slices without a label are listed below it, biggest first; programmes drill down', async (t) => {
  const site = await openApp(t, '/goals');
  const { page } = site;
  await page.getByRole('button', { name: '旭日圖' }).click();
  await page.locator('svg.sunburst').waitFor();
  const slices = await page.locator('svg.sunburst g.slice').evaluateAll((ps) => ps.map((p) => p.getAttribute('aria-label')));
  const written = await page.locator('svg.sunburst g.slice-labels text').count();
  const items = await page.locator('[data-testid=sunburst-unlabelled] li').evaluateAll((lis) => lis.map((li) => ({
    text: li.innerText, href: li.querySelector('a')?.getAttribute('href') ?? null,
  })));
  assert.equal(written + items.length, slices.length, `every slice is labelled (${written}) or listed (${items.length})`);
  assert.ok(items.length >= 15, 'the outer ring carries no names, so every programme slice is listed');
  // Each listed figure is some slice's amount and share; biggest first.
  const figures = new Set(slices.map((l) => l.match(/：([\d,]+ 千元)，([\d.]+%)$/).slice(1).join(' · ')));
  for (const i of items) assert.ok(figures.has(i.text.split(' ').slice(-4).join(' ')), `"${i.text}" is a slice's figure`);
  const amounts = items.map((i) => parseNumber(i.text.match(MONEY)[1]));
  assert.deepEqual(amounts, [...amounts].sort((a, b) => b - a), 'biggest first');
  assert.ok(items.some((i) => /^策略 3\.4 › 就業服務 258,536 千元 · 50\.99%$/.test(i.text)), JSON.stringify(items.slice(0, 3)));
  const link = page.locator('[data-testid=sunburst-unlabelled] a[href]').first();
  const href = await link.getAttribute('href');
  assert.match(href, /\/programme\/\d+$/);
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname === href);
  await page.waitForSelector('[data-testid=programme-budget]');
  assertClean(site);
});
