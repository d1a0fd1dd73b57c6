// Service worker: the site works offline after one visit.
// scripts/postbuild.py fills in BUILD and ASSETS (every file of the build, by its
// content-hashed name), so each deploy gets its own cache and old caches are dropped once
// the new version takes over. Only same-origin GET requests are ever answered.
const BUILD = 'filled-by-postbuild';
const ASSETS = [];
const CACHE = `plan-explorer-${BUILD}`;

self.addEventListener('install', (event) => {
  // Cache everything first; the new version waits until the page agrees to switch.
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(ASSETS.map((a) => new URL(a, self.registration.scope).href))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('plan-explorer-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    // A pre-rendered page when the build has one (scripts/prerender.mjs: /treemap ->
    // treemap.html), otherwise the empty shell (404.html); the app renders the route either way.
    const scope = new URL(self.registration.scope);
    const rel = url.pathname.startsWith(scope.pathname) ? url.pathname.slice(scope.pathname.length).replace(/\/$/, '') : '';
    const page = rel === '' ? 'index.html' : rel.endsWith('.html') ? rel : `${rel}.html`;
    const cached = (name) => caches.match(new URL(name, scope).href, { cacheName: CACHE });
    event.respondWith(
      cached(page)
        .then((hit) => hit || cached('404.html'))
        .then((hit) => hit || fetch(req)),
    );
    return;
  }
  event.respondWith(caches.match(req, { cacheName: CACHE }).then((hit) => hit || fetch(req)));
});
