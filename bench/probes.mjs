// The first-load probe shared by bench/perf.mjs and bench/trace.mjs. In the page before anything
// runs (page.addInitScript(firstLoadProbe, { chart, live })): first chart, live treemap, app
// mounted, long tasks. It is sent to the page as source, so it uses nothing from outside itself.
export function firstLoadProbe({ chart, live }) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  window.__longTasksEnd = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasksEnd = Math.max(window.__longTasksEnd, e.startTime + e.duration);
  }).observe({ type: 'longtask', buffered: true });
  (async () => {
    while (!document.querySelector(chart)) await frame();
    window.__firstChart = performance.now();
    window.__firstChartWall = Date.now();
    if (!live) return;
    // Two moments: the first answer (from the static copy, assets/prerendered.js, or from
    // the app if it is first), and the app's own answer once it has taken the copy's place.
    for (;;) {
      const cell = document.querySelector('svg.treemap g.cell');
      const details = document.querySelector('[data-testid=treemap-details]');
      const amount = cell?.getAttribute('aria-label')?.match(/\d{1,3}(,\d{3})+/)?.[0];
      if (cell && details && amount) {
        cell.focus();
        if (details.textContent.includes(amount)) {
          window.__live ??= performance.now();
          window.__liveWall ??= Date.now();
          if (!document.querySelector('[data-prerendered]')) break;
        }
      }
      // Once a frame, as a person could: focusing every 4 ms forced a layout of the half-parsed
      // page each time, which made the page it measures ~70 ms slower to mount.
      await frame();
    }
    window.__appLive = performance.now();
  })();
  new MutationObserver((_, obs) => {
    if (document.body?.hasAttribute('data-app-ready')) {
      obs.disconnect();
      window.__appReady = performance.now();
      window.__appReadyWall = Date.now();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-app-ready'] });
}

// The interaction probe shared by bench/perf.mjs and bench/books.mjs (page.addInitScript):
// Event Timing entries by interaction, and the app's last change to the DOM after an event.
export function interactionProbe() {
  window.__events = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.interactionId) window.__events.push({ id: e.interactionId, start: e.startTime, duration: e.duration });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  window.__lastMutation = 0;
  window.__eventAt = 0;
  for (const type of ['pointerdown', 'keydown']) addEventListener(type, (e) => { window.__eventAt = e.timeStamp; }, true);
  addEventListener('DOMContentLoaded', () => {
    new MutationObserver(() => { window.__lastMutation = performance.now(); })
      .observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

/** Does `act`, waits for `done` and two frames, then reads the interaction's INP and script share. */
export async function measure(page, act, done) {
  const t0 = await page.evaluate(() => performance.now());
  await act();
  if (done) await page.waitForSelector(done, { timeout: 60000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
  return page.evaluate((t0) => {
    const mine = window.__events.filter((e) => e.start >= t0 - 1);
    const longest = new Map();
    for (const e of mine) longest.set(e.id, Math.max(longest.get(e.id) ?? 0, e.duration));
    return { inp: Math.max(16, ...longest.values()), script: Math.max(0, window.__lastMutation - window.__eventAt) };
  }, t0);
}
