// A tiny static server for the built site (no dependencies), used by the pre-render, the
// benchmarks and the end-to-end tests.
//
// - correct MIME types (application/wasm matters: browsers refuse streaming compilation without it);
// - gzip when the client asks, so transferred byte counts resemble a real deployment;
// - routes as static hosts serve them: /treemap gets treemap.html when the build has it, any
//   other path whose last segment has no extension gets the app shell 404.html (deep links
//   work), while a missing asset (.js, .wasm, ...) is a real 404;
// - a base path: with base '/sub/path/' only URLs under it are served, so a build that
//   wrongly uses absolute '/...' URLs fails loudly instead of working by accident.
//
// API:  const srv = await startServer({ dir, base: '/', port: 0 });  srv.url, srv.origin, srv.log, await srv.close()
// CLI:  node scripts/server.mjs DIR [PORT] [BASE]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
// Already-compressed formats gain nothing from gzip.
const COMPRESSIBLE = /^(text\/|application\/(wasm|json|manifest\+json|xml)|image\/svg)/;

function normaliseBase(base) {
  let b = base.startsWith('/') ? base : `/${base}`;
  if (!b.endsWith('/')) b += '/';
  return b;
}

export async function startServer({ dir, base = '/', port = 0, host = '127.0.0.1' } = {}) {
  if (!dir) throw new Error('startServer: dir is required');
  const root = path.resolve(dir);
  base = normaliseBase(base);
  const gzCache = new Map(); // file -> { mtimeMs, body }
  const log = []; // { method, path, status, bytes, encoding, time (ms since epoch, on arrival) } for byte budgets

  async function resolveFile(rel) {
    const file = path.join(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) return null; // no escaping the root
    const st = await stat(file).catch(() => null);
    if (st?.isFile()) return { file, st };
    if (st?.isDirectory()) return resolveFile(path.join(rel, 'index.html'));
    return null;
  }

  async function handle(req, res) {
    const { pathname } = new URL(req.url, 'http://x');
    const time = Date.now();
    const done = (status, bytes = 0, encoding = null) =>
      log.push({ method: req.method, path: pathname, status, bytes, encoding, time });

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return done(405);
    }
    if (pathname === base.slice(0, -1)) { // '/sub/path' -> '/sub/path/'
      res.writeHead(301, { Location: base }).end();
      return done(301);
    }
    if (!pathname.startsWith(base)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not under base ${base}\n`);
      return done(404);
    }
    let rel;
    try { rel = decodeURIComponent(pathname.slice(base.length)); } catch { rel = null; }
    let found = rel === null ? null : await resolveFile(rel);
    // Route-like paths (no extension) as static hosts serve them: a pre-rendered page
    // (/treemap -> treemap.html, see scripts/prerender.mjs), else the app shell 404.html (or
    // index.html in a build without one). A missing file with an extension stays a 404.
    if (!found && rel !== null && !path.extname(rel)) {
      found = (rel && await resolveFile(`${rel.replace(/\/$/, '')}.html`))
        || await resolveFile('404.html') || await resolveFile('index.html');
    }
    if (!found) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
      return done(404);
    }

    const type = MIME[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    let body = await readFile(found.file);
    const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache', 'Vary': 'Accept-Encoding' };
    let encoding = null;
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      const hit = gzCache.get(found.file);
      if (hit?.mtimeMs === found.st.mtimeMs) body = hit.body;
      else gzCache.set(found.file, { mtimeMs: found.st.mtimeMs, body: (body = gzipSync(body)) });
      headers['Content-Encoding'] = encoding = 'gzip';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    done(200, body.length, encoding);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`${err.stack ?? err}\n`);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const origin = `http://${host}:${server.address().port}`;
  return {
    origin,
    url: origin + base,
    base,
    port: server.address().port,
    log,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections(); // don't wait for the browser's keep-alive sockets
    }),
  };
}

// Command line: node scripts/server.mjs DIR [PORT] [BASE]
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [dir, port = '8080', base = '/'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node scripts/server.mjs DIR [PORT] [BASE]');
    process.exit(2);
  }
  const srv = await startServer({ dir, port: Number(port), base });
  console.log(`serving ${path.resolve(dir)} at ${srv.url}`);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => srv.close().then(() => process.exit(0)));
}
