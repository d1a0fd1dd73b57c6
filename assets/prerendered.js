// The pre-rendered copy of a page (scripts/prerender.mjs) answers the reader until the app
// takes its place (web/src/main.rs), which on a first visit is a few hundred milliseconds
// later, or seconds on a slow phone or line. Inline in every page's <head>
// (scripts/postbuild.py), so it listens before the copy is parsed. Until the app takes over,
// in the copy only:
// - pointing at or focusing a chart element (a treemap cell, a Sankey node) shows what its
//   accessible name says in the chart's details line, as the app does;
// - a click, Enter or Space on one that opens a page (data-opens) goes there.
// Everything it shows was written by the app at build time; this adds no figure of its own,
// and sets text, never markup. The app puts the reader's focus back where it was when it
// takes over (web/src/main.rs); the first event after that removes these listeners.
(() => {
  const done = new AbortController();
  const itemOf = (ev) => {
    const copy = document.querySelector('[data-prerendered]');
    // The app has taken its place, or this page (the empty shell) has none.
    if (!copy && document.readyState !== 'loading') done.abort();
    const el = ev.target instanceof Element ? ev.target.closest('[data-item]') : null;
    return copy && el && copy.contains(el) ? el : null;
  };
  const show = (ev) => {
    const el = itemOf(ev);
    const details = el?.closest('section')?.querySelector('.details[aria-live]');
    if (details) details.textContent = el.getAttribute('aria-label') ?? '';
  };
  const open = (ev) => {
    const path = itemOf(ev)?.getAttribute('data-opens');
    if (!path) return;
    ev.preventDefault();
    // Chart elements name a path below the deploy base (<base href>).
    location.assign(new URL(path.replace(/^\//, ''), document.baseURI).href);
  };
  const options = { signal: done.signal };
  document.addEventListener('focusin', show, options);
  document.addEventListener('mouseover', show, options);
  document.addEventListener('click', open, options);
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') open(ev);
  }, options);
})();
