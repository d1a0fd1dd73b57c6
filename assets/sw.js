// Service worker: the site works offline after one visit.
// scripts/postbuild.py fills in BUILD and ASSETS (every file of the build, by its
// content-hashed name), so each deploy gets its own cache and old caches are dropped once
// the new version takes over. Only same-origin GET requests are ever answered.
const BUILD = '__BUILD__';
const ASSETS = __ASSETS__;
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
    // Every in-app URL is the same single-page app: answer with the cached shell.
    event.respondWith(
      caches.match(new URL('index.html', self.registration.scope).href, { cacheName: CACHE })
        .then((shell) => shell || fetch(req)),
    );
    return;
  }
  event.respondWith(caches.match(req, { cacheName: CACHE }).then((hit) => hit || fetch(req)));
});
