// The overview: what the plan is, how much it costs, who pays, and each resident's share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, assertClean, parseNumber, parseNumbers, texts, sum, SEED_TOTAL as TOTAL, TOTAL_TEXT } from './harness.mjs';


test('overview shows title, agency, year, total, count and the largest programme', async (t) => {
  const site = await openApp(t, '/');
  const { page } = site;
  const h1 = await page.locator('main h1').innerText();
  assert.match(h1, /勞動局/);
  assert.match(h1, /111\s*年度施政計畫/);
  const lede = await page.locator('main .lede').first().innerText();
  assert.match(lede, /勞動局/);
  assert.match(lede, /民國 111 年（2022 年）/, 'ROC year 111 is 2022 (111 + 1911)');

  const total = await page.getByTestId('total').innerText();
  assert.equal(total, `${TOTAL_TEXT} 千元`);
  assert.equal(parseNumber(total), TOTAL);
  const short = await page.getByTestId('total-short').innerText();
  assert.equal(short, `${(TOTAL / 100_000).toFixed(2)} 億元`, '1 億元 = 100,000 千元');
  assert.equal(short, '5.07 億元');
  assert.equal(await page.getByTestId('programme-count').innerText(), '15');
  const facts = await page.locator('dl.facts').innerText();
  assert.match(facts, /6 \/ 19/, 'goals / strategies');
  assert.match(facts, /最大計畫\s*就業服務\s*50\.99%/);
  assertClean(site);
});

test('funding split: a bar chart plus a legend with exact figures that add up', async (t) => {
  const site = await openApp(t, '/');
  const { page } = site;
  const bar = page.locator('.funding-bar').first();
  assert.equal(await bar.locator('svg').count(), 1, 'an svg inside .funding-bar');
  assert.ok(await bar.locator('svg').isVisible());

  const rows = await bar.locator('table.legend tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    name: tr.querySelector('th').innerText.trim(),
    colour: tr.querySelector('.swatch')?.getAttribute('style')?.match(/#[0-9a-f]{6}/i)?.[0].toUpperCase(),
    cells: [...tr.querySelectorAll('td')].map((td) => td.innerText.trim()),
  })));
  assert.deepEqual(rows.map((r) => [r.name, ...r.cells]), [
    ['中央補助款', '352,190', '69.46%'],
    ['特種基金', '34,459', '6.80%'],
    ['市總預算', '120,364', '23.74%'],
  ]);
  const amounts = rows.map((r) => parseNumber(r.cells[0]));
  assert.equal(sum(amounts), TOTAL, 'the kinds add up to the total');
  for (const r of rows) {
    const share = parseNumber(r.cells[1]);
    assert.ok(Math.abs(share - (parseNumber(r.cells[0]) / TOTAL) * 100) < 0.01, `${r.name}: share ${share}% matches its amount`);
  }
  assert.equal(sum(rows.map((r) => parseNumber(r.cells[1]))), 100, 'shares add up to 100%');

  // Each segment of the bar is as wide as its share (the bar is 600 units wide), in its legend colour.
  const svgWidth = Number(await bar.locator('svg').getAttribute('width'));
  const rects = await bar.locator('svg rect').evaluateAll((rs) => rs.map((r) => ({ fill: r.getAttribute('fill').toUpperCase(), w: Number(r.getAttribute('width')) })));
  for (const r of rows) {
    const width = sum(rects.filter((x) => x.fill === r.colour).map((x) => x.w));
    const expected = (parseNumber(r.cells[1]) / 100) * svgWidth;
    assert.ok(Math.abs(width - expected) <= 2, `${r.name}: segment ${width} wide, expected ≈ ${expected.toFixed(1)}`);
  }

  // Every source in the details table; the special funds add up to 特種基金.
  await page.locator('details.sources summary').click();
  const sources = await page.locator('details.sources tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.innerText.trim())));
  assert.equal(sources.length, 5);
  assert.equal(sum(sources.map((s) => parseNumber(s[1]))), TOTAL);
  const special = sources.filter(([n]) => n !== '中央補助款' && n !== '市總預算');
  assert.equal(sum(special.map((s) => parseNumber(s[1]))), amounts[1], `${special.map((s) => s[0])} = 特種基金`);
  assertClean(site);
});

test('the population input changes the per-capita text', async (t) => {
  const site = await openApp(t, '/');
  const { page } = site;
  const perCapita = page.getByTestId('per-capita');
  // The default population is stated in the note; the default per-capita figure follows from it.
  const note = await page.locator('.your-share > .note').innerText();
  const population = parseNumber(note.match(/預設人口：([\d,]+)/)[1]);
  assert.equal(Number(await page.locator('#population').inputValue()), population);
  const perYear = (n) => ((TOTAL * 1000) / n).toFixed(2);
  assert.ok((await perCapita.innerText()).includes(`${perYear(population)} 元`), `default: ${perYear(population)} 元 a year`);

  await page.locator('#population').fill('1000000');
  await assert.doesNotReject(page.waitForFunction(() => document.querySelector('[data-testid=per-capita]').innerText.includes('507.01')));
  const text = await perCapita.innerText();
  const [year, month, day] = parseNumbers(text);
  assert.equal(year, 507.01);
  assert.equal(month, Number((507.013 / 12).toFixed(2)));
  assert.equal(day, Number((507.013 / 365).toFixed(2)));

  // Of every NT$100, and each programme's cost per resident: every programme, biggest first,
  // the per-NT$100 column summing to 100 and the yearly column following the population.
  const rows = await page.locator('table.hundred tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.innerText.trim())));
  assert.equal(rows.length, 15);
  assert.equal(rows[0][0], '就業服務');
  assert.equal(rows[0][1], '50.99');
  assert.equal(rows[0][2], (258536 * 1000 / 1000000).toFixed(2));
  const per100 = rows.map((r) => parseNumber(r[1]));
  assert.deepEqual(per100, [...per100].sort((a, b) => b - a), 'sorted by share, descending');
  assert.equal(Math.round(per100.reduce((a, b) => a + b, 0) * 100) / 100, 100);
  assertClean(site);
});
