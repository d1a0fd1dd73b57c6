#!/usr/bin/env python3
"""What the first load of each page costs (gzip -9), from a release build's files.

Usage: python3 bench/first_load.py dist
A page's first load is the page's HTML, what that HTML loads (CSS, JS glue, the main wasm,
sw-register.js, the icon), the split-wasm loader, and the page's own chunk with every chunk
it depends on (scripts/split.py; read from the loader's `makeLoad(…, [deps])` table).
The browser benchmark (bench/compare.mjs) measures the same thing as bytes on the wire.
"""
import glob, gzip, os, re, sys

dist = sys.argv[1] if len(sys.argv) > 1 else "dist"


def gz(path):
    return len(gzip.compress(open(path, "rb").read(), 9))


[loader_path] = glob.glob(os.path.join(dist, "plan-web-*-split-*.js"))
loader = open(loader_path, encoding="utf-8").read()
# const NAME = [wrapAsyncCb(]makeLoad(() => { const src = fetch(new URL("./FILE", …)); … }, [DEPS])
entries = re.findall(
    r'const (\w+) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\./([^"]+)"'
    r'.*?\}\s*,\s*\[([^\]]*)\]', loader, re.S)
loads = {name: (file, [d.strip() for d in deps.split(",") if d.strip()]) for name, file, deps in entries}

html = open(os.path.join(dist, "index.html"), encoding="utf-8").read()
# (A pre-rendered index.html also preloads the overview's chunks: those count for the page.)
shell = sorted({m for m in re.findall(r'(?:href|src)="/?([^"#?]+\.(?:js|wasm|css|svg))"', html)
                if not m.startswith("chunks/") and os.path.exists(os.path.join(dist, m))}
               | {os.path.relpath(loader_path, dist)})
shell_gz = sum(gz(os.path.join(dist, f)) for f in shell)
print(f"  shell (every page): {', '.join(shell)}")
print(f"  {'':24} {'shell':>9} + {'page':>9} = {'first load':>10}  files  (gzip -9; goal <= 256,000 B)")
def chunks_of(name):
    file, deps = loads[name]
    return [file] + [loads[d][0] for d in deps]


split_points = sorted(n for n in loads if n.startswith("__wasm_split_load_"))
for name in (n for n in split_points if n.startswith("__wasm_split_load_page_")):
    files = chunks_of(name)
    page_gz = sum(gz(os.path.join(dist, f)) for f in files)
    label = name[len("__wasm_split_load_"):]
    print(f"  {label:24} {shell_gz:9,} + {page_gz:9,} = {shell_gz + page_gz:10,}  {len(shell) + len(files):5}")
# Other split points are not pages, and come on top of a page's first load only when needed.
WHEN = {"codec": "when the reader has something stored or downloads a plan file (web/src/codec.rs)"}
for name in (n for n in split_points if not n.startswith("__wasm_split_load_page_")):
    files, label = chunks_of(name), name[len("__wasm_split_load_"):]
    print(f"  + {label}: {sum(gz(os.path.join(dist, f)) for f in files):,} B gzip in {len(files)} files "
          f"(some shared with pages), only {WHEN.get(label, 'when needed')}")
