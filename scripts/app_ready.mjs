// When the app mounted: it sets data-app-ready on <body> after its first render. Run in the
// page before its own scripts (page.addInitScript(noteAppReady)); it sets
// window.__appReadyAt (performance.now(), as resource timing) and window.__appReadyWall
// (Date.now(), as scripts/server.mjs's log). Sent to the page as source: self-contained.
export function noteAppReady() {
  new MutationObserver((_, observer) => {
    if (!document.body?.hasAttribute('data-app-ready')) return;
    observer.disconnect();
    window.__appReadyAt = performance.now();
    window.__appReadyWall = Date.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-app-ready'] });
}
