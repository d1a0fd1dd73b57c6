// Registers the service worker (offline use) and, when a new build has been deployed and
// cached, tells the reader and lets them switch; stored data is untouched by the switch.
// A separate file, not inline script, so the Content-Security-Policy can forbid inline code.
(() => {
  if (!('serviceWorker' in navigator)) return;
  const scope = document.baseURI;
  function announce(worker) {
    if (document.getElementById('update-banner')) return;
    // Written by web/src/state.rs: `en`, or `"en"` by builds before 2026-12.
    const zh = !['en', '"en"'].includes(localStorage.getItem('plan-explorer.lang'));
    const bar = document.createElement('div');
    bar.id = 'update-banner';
    bar.setAttribute('role', 'status');
    const text = document.createElement('span');
    text.textContent = zh ? '有新版本可用。你的資料不會受影響。' : 'A new version is available. Your data stays as it is.';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = zh ? '重新載入' : 'Reload';
    button.addEventListener('click', () => { switching = true; worker.postMessage('skip-waiting'); });
    bar.append(text, button);
    document.body.append(bar);
  }
  // Reload only when the reader asked to switch versions (the first install also changes
  // the controller, and must not reload the page under them).
  let switching = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (switching) location.reload();
  });
  navigator.serviceWorker.register(new URL('sw.js', scope).href, { scope }).then((reg) => {
    if (reg.waiting && navigator.serviceWorker.controller) announce(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const w = reg.installing;
      w?.addEventListener('statechange', () => {
        if (w.state === 'installed' && navigator.serviceWorker.controller) announce(w);
      });
    });
  }).catch(() => { /* offline support is a bonus: the site works without it */ });
})();
