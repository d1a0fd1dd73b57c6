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
