"""One file of chunks for each landing page's first load (part of scripts/split.py).

The splitter gives every set of split points that share code a chunk of its own, so a page
needs dozens of small files: each its own request, and each compressed on its own, without
the others to draw on. Measured on the treemap's 48 chunk files: 63.3 KB gzip one by one,
52.3 KB as one file. So for each landing page (chunks.LANDING) the build also writes its
chunks one after another into `chunks/bundle-<split point>-<hash>.wasm`, and the loader cuts
a chunk from that file when the page links it (`<link rel=preload data-bundle=…>`, written
by scripts/prerender.mjs into the pre-rendered page's head). Every chunk stays a file of its own
too: other pages, later navigation and the service worker's cache fetch those as before, and
a chunk is fetched alone whenever the bundle cannot be had.
"""
import json, os, re

from chunks import LANDING, loads_of

# Prepended to the loader: `part(file)` stands in for `fetch(new URL(file, import.meta.url))`.
# The page's link names the bundle and its parts in order, "name:bytes name:bytes …", a
# chunk's name being its file's without the hash; only a pre-rendered landing page has one.
PART = """
let chosen;
function part(file) {
  if (chosen === undefined) {
    const link = globalThis.document?.querySelector("link[data-bundle]");
    chosen = null;
    if (link) {
      const parts = {};
      let at = 0;
      for (const p of link.dataset.bundle.split(" ")) {
        const [name, size] = p.split(":");
        parts[name] = [at, (at += Number(size))];
      }
      const whole = fetch(link.href).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${link.href}: ${r.status}`))));
      whole.catch(() => {});
      chosen = { parts, whole };
    }
  }
  const alone = () => fetch(new URL(file, import.meta.url));
  const name = /([^/]+)-[0-9a-f]+\\.wasm$/.exec(file)?.[1];
  const at = chosen && name && Object.hasOwn(chosen.parts, name) ? chosen.parts[name] : null;
  if (!at) return alone();
  return chosen.whole.then((buf) => new Response(buf.slice(at[0], at[1]), { headers: { "Content-Type": "application/wasm" } }), alone);
}
"""

# Each bundle's file and parts, for scripts/prerender.mjs to write into the page's link: a file
# of the build, not of the site (scripts/postbuild.py leaves it out of the offline cache, and a
# deploy need not copy it).
MANIFEST = "bundles.json"

# A chunk's file, `chunks/<name>-<hash>.wasm`.
CHUNK_NAME = re.compile(r".*/([^/]+)-[0-9a-f]+\.wasm")
FETCH = re.compile(r'fetch\(new URL\(("\./[^"]+")\s*,\s*import\.meta\.url\)\)')


def bundle(stage, chunk_dir, loader, short_hash):
    """Writes the landing pages' bundles into stage/chunk_dir; returns the loader using them."""
    loads = loads_of(loader)
    manifest = {}
    for page in LANDING:
        own, deps = loads["__wasm_split_load_" + page]
        data, parts = bytearray(), []
        for f in [own] + [loads[d][0] for d in deps]:
            part = open(os.path.join(stage, f), "rb").read()
            parts.append(f"{CHUNK_NAME.fullmatch(f).group(1)}:{len(part)}")
            data += part
        name = f"{chunk_dir}/bundle-{page}-{short_hash(bytes(data))}.wasm"
        open(os.path.join(stage, name), "wb").write(data)
        manifest[page] = {"file": name, "parts": " ".join(parts)}
    json.dump(manifest, open(os.path.join(stage, chunk_dir, MANIFEST), "w"), indent=1)
    loader, n = FETCH.subn(r"part(\1)", loader)
    if n != len(loads):
        raise SystemExit(f"bundles.py: {n} fetches in the loader for {len(loads)} loads (wasm-split-cli upgrade?)")
    # After the imports: a module's import declarations come first.
    imports = list(re.finditer(r'^import [^;]*;\n', loader, re.M))
    at = imports[-1].end() if imports else 0
    return loader[:at] + PART + loader[at:]

