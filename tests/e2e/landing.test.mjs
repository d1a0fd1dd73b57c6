// For the reader who arrives from a news link (issue 18): a phone header in one row with a menu
// for the rest, no page wider than a phone, a page that says how the figures are computed
// (linked from every footer), and the reader's share in everyday units.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, visit, assertClean, assertNoAxeViolations, screenshot, setLanguage, tabUntil, parseNumber, texts, fmt, DIST_DIR, SEED_TOTAL } from './harness.mjs';

const PHONE = { width: 360, height: 740 };
const META = JSON.parse(await readFile(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/plans/taoyuan-labor-111-plan.meta.json'), 'utf8'));

/** Tops of the nav's visible links, the menu button's box, and the menu's state. */
const header = (page) => page.evaluate(() => {
  const nav = document.querySelector('header.site nav');
  const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const button = nav.querySelector('button.menu');
  const more = document.getElementById(button.getAttribute('aria-controls'));
  const r = button.getBoundingClientRect();
  return {
    tops: [...nav.querySelectorAll('a')].filter((a) => shown(a) && !more.contains(a)).map((a) => a.offsetTop),
    menuLinks: [...more.querySelectorAll('a')].filter(shown).map((a) => a.textContent.trim()),
    button: shown(button) ? { top: r.top, bottom: r.bottom, right: r.right, text: button.textContent.trim(), expanded: button.getAttribute('aria-expanded') } : null,
    linkBox: (() => { const a = nav.querySelector('a').getBoundingClientRect(); return { top: a.top, bottom: a.bottom }; })(),
    focus: document.activeElement === button ? 'button' : document.activeElement?.textContent?.trim(),
  };
});

for (const lang of ['zh', 'en']) {
  test(`at 360 px the header's links take one row and the menu opens and closes by keyboard (${lang})`, async (t) => {
    const site = await openApp(t, '/', { viewport: PHONE });
    const { page } = site;
    await setLanguage(page, lang);
    const [menu, flow] = lang === 'zh' ? ['選單', '資金流向'] : ['Menu', 'Money flow'];
    let h = await header(page);
    assert.ok(h.tops.length >= 3, `some links show: ${JSON.stringify(h)}`);
    assert.equal(new Set(h.tops).size, 1, `the visible links share one row: ${JSON.stringify(h.tops)}`);
    assert.ok(h.button, 'the menu button shows');
    assert.equal(h.button.text, menu);
    assert.ok(h.button.top < h.linkBox.bottom && h.button.bottom > h.linkBox.top, `the button is in the links' row: ${JSON.stringify(h)}`);
    assert.ok(h.button.right <= PHONE.width, 'the button is on screen');
    assert.equal(h.button.expanded, 'false');
    assert.deepEqual(h.menuLinks, [], 'the rest are behind the button');
    // Named by its text, in the reader's language; a button, not a link.
    assert.equal(await page.getByRole('navigation').getByRole('button', { name: menu }).count(), 1);

    // From the brand link (the language button, clicked last, is after the nav).
    await page.focus('header.site .brand a');
    await tabUntil(page, 'header.site nav button.menu', 20);
    await page.keyboard.press('Enter');
    h = await header(page);
    assert.equal(h.button.expanded, 'true', 'Enter opens the menu');
    assert.equal(h.menuLinks.length, 7, `the other seven links: ${JSON.stringify(h.menuLinks)}`);
    assert.ok(h.menuLinks.includes(flow));
    await page.keyboard.press('Tab');
    assert.equal((await header(page)).focus, lang === 'zh' ? '計畫列表' : 'Programmes', 'Tab goes into the menu');
    await screenshot(page, `landing-menu-open-${lang}-360`, { fullPage: false });
    await page.keyboard.press('Escape');
    h = await header(page);
    assert.equal(h.button.expanded, 'false', 'Escape closes the menu');
    assert.deepEqual(h.menuLinks, []);
    assert.equal(h.focus, 'button', 'and gives focus back to the button');
    await page.keyboard.press('Space');
    assert.equal((await header(page)).button.expanded, 'true', 'Space opens it too');
    await page.getByRole('link', { name: flow, exact: true }).click();
    await page.waitForURL(/\/flow$/);
    h = await header(page);
    assert.equal(h.button.expanded, 'false', 'following a link closes the menu');
    assert.equal(new Set(h.tops).size, 1);
    assertClean(site);
  });
}

test('at 1280 px every link shows in the header and there is no menu button', async (t) => {
  const site = await openApp(t, '/');
  const h = await header(site.page);
  assert.equal(h.button, null);
  assert.equal(h.tops.length + h.menuLinks.length, 10, JSON.stringify(h));
  assert.equal(new Set(h.tops).size, 1, 'one row at this width too');
  assertClean(site);
});

/** Every page the build pre-rendered, as a path below the base. */
async function prerendered() {
  const pages = [];
  const walk = async (dir, prefix) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (e.isDirectory() && e.name === 'programme') await walk(path.join(dir, e.name), `${prefix}${e.name}/`);
      else if (e.name.endsWith('.html') && e.name !== '404.html') pages.push(`/${prefix}${e.name === 'index.html' ? '' : e.name.replace(/\.html$/, '')}`);
    }
  };
  await walk(DIST_DIR, '');
  return pages.sort();
}

test('no pre-rendered page scrolls sideways at 360 px, in either language', async (t) => {
  const pages = await prerendered();
  assert.ok(pages.length >= 21 && pages.includes('/methods'), `pre-rendered: ${pages.join(' ')}`);
  const site = await openApp(t, '/', { viewport: PHONE });
  const wide = [];
  for (const lang of ['zh', 'en']) {
    await setLanguage(site.page, lang);
    for (const p of pages) {
      await visit(site, p);
      const w = await site.page.evaluate(() => document.documentElement.scrollWidth);
      if (w > PHONE.width) wide.push(`${p} (${lang}): ${w}px`);
    }
  }
  assert.deepEqual(wide, []);
  assertClean(site);
});

/** The overview's own figures, to hold the methods page to. */
async function overviewFigures(page) {
  // The funding sources are a section built after the page (web/src/components/later.rs).
  await page.waitForSelector('details.sources tbody tr', { state: 'attached' });
  const sources = await page.locator('details.sources tbody tr').evaluateAll((rows) => rows.map((r) => [r.querySelector('th').textContent.trim(), r.querySelector('td').textContent.trim()]));
  return {
    total: await page.getByTestId('total').innerText(),
    count: parseNumber(await page.getByTestId('programme-count').innerText()),
    city: sources.find(([name]) => name.startsWith('市總預算'))[1],
  };
}

test('every footer links to how the figures are computed; its figures are the computed ones', async (t) => {
  const site = await openApp(t, '/');
  const { page } = site;
  const figures = await overviewFigures(page);
  assert.equal(parseNumber(figures.total), SEED_TOTAL);
  for (const route of ['/treemap', '/programme/7', '/import']) {
    await visit(site, route);
    assert.equal(await page.locator('footer.site a', { hasText: '這些數字怎麼算' }).count(), 1, `${route} has the link`);
  }
  for (const [lang, link, heading] of [['zh', '這些數字怎麼算', '這些數字怎麼算'], ['en', 'How these figures are computed', 'How these figures are computed']]) {
    await visit(site, '/');
    await setLanguage(page, lang);
    await page.locator('footer.site').getByRole('link', { name: link }).click();
    await page.waitForURL(/\/methods$/);
    assert.equal(await page.locator('main h1').innerText(), heading);
    const total = await page.getByTestId('methods-total').innerText();
    const noted = await page.getByTestId('methods-noted').innerText();
    const city = await page.getByTestId('methods-city').innerText();
    assert.equal(parseNumber(total), SEED_TOTAL, 'the total');
    assert.equal(parseNumber(city), parseNumber(figures.city), "the city's share is the overview's");
    assert.equal(parseNumber(noted) + parseNumber(city), SEED_TOTAL, 'the named sources and the remainder make the total');
    const text = await page.locator('main').innerText();
    assert.match(text, new RegExp(lang === 'zh' ? `共 ${figures.count} 個` : `${figures.count} programmes`), 'the number of programmes');
    assert.ok(text.includes(fmt(META.population.count)), 'the population from the companion file');
    assert.ok(text.includes(lang === 'zh' ? META.population.as_of_zh : META.population.as_of_en), 'and its date');
    for (const u of META.everyday) assert.ok(text.includes(lang === 'zh' ? u.source_zh : u.source_en), `the source of ${u.id}`);
    assert.equal(await page.locator(`main a[href$="/programme/${figures.count}"]`).count(), 1, 'a link to each programme');
  }
  // The links lead to the source lines.
  await page.locator('main a[href$="/programme/1"]').click();
  await page.waitForURL(/\/programme\/1$/);
  assert.ok(await page.locator('details.provenance[open] pre').isVisible());
  assertClean(site);
});

/** What a count of a unit looks like: cut down to tenths, a whole number without them. */
function units(yuanNumerator, denominator, u) {
  const [whole, frac] = u.price.split('.');
  const scale = 10n ** BigInt(frac?.length ?? 0);
  const price = BigInt(whole + (frac ?? ''));
  const tenths = (yuanNumerator * 10n * scale) / (denominator * price);
  const text = tenths % 10n === 0n ? fmt(Number(tenths / 10n)) : `${fmt(Number(tenths / 10n))}.${tenths % 10n}`;
  return tenths === 0n ? null : text;
}

test('your share in everyday units: the default unit, another one, kept over a reload', async (t) => {
  const site = await openApp(t, '/', { viewport: PHONE });
  const { page } = site;
  const total = BigInt(parseNumber(await page.getByTestId('total').innerText())) * 1000n;
  const population = BigInt(await page.inputValue('#population'));
  assert.equal(population, BigInt(META.population.count));
  const [first, second] = META.everyday;
  const line = () => page.getByTestId('everyday').first().innerText();
  assert.equal(await line(), `≈ ${units(total, population, first)} ${first.zh}`);
  assert.match(await page.getByTestId('everyday-price').innerText(), new RegExp(`${first.price} 元`));
  await page.getByLabel('換算單位').selectOption(second.id);
  assert.equal(await line(), `≈ ${units(total, population, second)} ${second.zh}`);
  await page.fill('#population', '1000000');
  assert.equal(await line(), `≈ ${units(total, 1000000n, second)} ${second.zh}`, 'follows the population');
  await page.fill('#population', String(population));
  await visit(site, '/');
  assert.equal(await page.getByLabel('換算單位').inputValue(), second.id, 'the choice survives a reload');
  assert.equal(await line(), `≈ ${units(total, population, second)} ${second.zh}`);
  // A programme's budget, in the same unit.
  await visit(site, '/programme/7');
  const budget = BigInt(parseNumber(await page.getByTestId('programme-budget').innerText())) * 1000n;
  assert.equal(await line(), `≈ ${units(budget, 1n, second)} ${second.zh}`);
  await setLanguage(page, 'en');
  assert.equal(await line(), `≈ ${units(budget, 1n, second)} ${second.en}`);
  await page.getByLabel('In units of').selectOption(first.id);
  assert.equal(await line(), `≈ ${units(budget, 1n, first)} ${first.en}`);
  // A unit too big for one resident's share says so rather than "0".
  const month = META.everyday.find((u) => units(total, population, u) === null);
  if (month) {
    await page.getByLabel('In units of').selectOption(month.id);
    await visit(site, '/');
    assert.equal(await line(), `less than 0.1 ${month.en}`);
  }
  assert.deepEqual(await texts(page, '.everyday select option'), META.everyday.map((u) => u.en), 'every unit of the companion file, named in English');
  assertClean(site);
});

test('axe finds nothing on the methods page and the overview at 360 px; screenshots', async (t) => {
  const site = await openApp(t, '/', { viewport: PHONE });
  const { page } = site;
  for (const lang of ['zh', 'en']) {
    await setLanguage(page, lang);
    for (const route of ['/methods', '/']) {
      await visit(site, route);
      await assertNoAxeViolations(page);
    }
    await page.locator('header.site nav button.menu').click();
    await assertNoAxeViolations(page);
  }
  await setLanguage(page, 'zh');
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
      for (const [name, route] of [['methods', '/methods'], ['overview', '/'], ['programme-7', '/programme/7']]) {
        await visit(site, route);
        await screenshot(page, `landing-${name}-${scheme}-${width}`);
      }
    }
  }
  assertClean(site);
});

test('above the fold at 360 and 1280 px: the total, what it is, and where the money goes, then who pays', async (t) => {
  for (const viewport of [PHONE, { width: 1280, height: 800 }]) {
    const site = await openApp(t, '/', { viewport });
    const { page } = site;
    const top = (selector) => page.locator(selector).first().evaluate((e) => e.getBoundingClientRect().top + scrollY);
    // The total, the plan's title and the first bars of where the money goes are all on the first screen.
    for (const selector of ['[data-testid=total]', 'main h1', '[data-testid=ranked-bars] li:nth-child(3)']) {
      assert.ok(await top(selector) < viewport.height, `${viewport.width}px: ${selector} is above the fold (${await top(selector)})`);
    }
    assert.ok(await top('[data-testid=ranked-bars]') < await top('.funding-bar'), `${viewport.width}px: where the money goes comes before who pays`);
    // Every programme has its labelled bar, biggest first, and they add up to the total.
    const rows = await page.locator('[data-testid=ranked-bars] li').evaluateAll((lis) => lis.map((li) => ({
      name: li.querySelector('.name').textContent, figure: li.querySelector('.figure').textContent,
      href: li.querySelector('a').getAttribute('href'), width: li.querySelector('.bar').getBoundingClientRect().width,
    })));
    assert.equal(rows.length, 15);
    assert.deepEqual([rows[0].name, rows[0].figure], ['就業服務', '258,536 千元 · 50.99%']);
    const amounts = rows.map((r) => parseNumber(r.figure.split(' · ')[0]));
    assert.deepEqual(amounts, [...amounts].sort((a, b) => b - a), 'biggest first');
    assert.equal(amounts.reduce((a, b) => a + b, 0), SEED_TOTAL);
    assert.ok(rows.every((r, i) => i === 0 || r.width <= rows[i - 1].width + 0.5), 'bars shrink with the amounts');
    assert.ok(rows[14].width >= 2, 'the smallest bar still shows');
    // Drill-down, by keyboard, as on /treemap.
    await page.locator('[data-testid=ranked-bars] a').nth(1).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === rows[1].href);
    await page.waitForSelector('[data-testid=programme-budget]');
    assert.equal(await page.getByTestId('programme-budget').innerText(), rows[1].figure.split(' · ')[0]);
    assertClean(site);
  }
});
