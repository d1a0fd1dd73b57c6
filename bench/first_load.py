#!/usr/bin/env python3
"""What the first load of each page costs (gzip -9), from a release build's files.

Usage: python3 bench/first_load.py dist
What counts as a page's first load: scripts/chunks.py. The browser benchmark
(bench/perf.mjs) measures bytes on the wire before the page is interactive.
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from chunks import Build  # noqa: E402

build = Build(sys.argv[1] if len(sys.argv) > 1 else "dist")
shell_gz = build.size(build.shell)
print(f"  shell (every page): {', '.join(build.shell)}")
print(f"  {'':24} {'shell':>9} + {'page':>9} = {'first load':>10}  files  (gzip -9; HTML not counted)")
for page in build.pages:
    files = build.first_load(page)[len(build.shell):]
    page_gz = build.size(files)
    bundled = f"  (one bundle; its {len(build.chunks_of(page))} chunks one by one: {build.size(build.chunks_of(page)):,})" \
        if build.bundle_of(page) else ""
    print(f"  {page:24} {shell_gz:9,} + {page_gz:9,} = {shell_gz + page_gz:10,}  {len(build.shell) + len(files):5}{bundled}")
# Other split points are not pages, and come on top of a page's first load only when needed.
WHEN = {"codec": "when the reader has something stored or downloads a plan file (web/src/codec/)",
        "later": "once the overview or the treemap is live (web/src/components/later.rs)"}
for name in build.others:
    files = build.chunks_of(name)
    print(f"  + {name}: {build.size(files):,} B gzip in {len(files)} files "
          f"(some shared with pages), only {WHEN.get(name, 'when needed')}")
