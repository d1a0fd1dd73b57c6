"""The chunks of a release build: which files each page's first load fetches.

A page's first load is the page's HTML, what that HTML loads (CSS, JS glue, the main wasm,
sw-register.js, the icon), the split-wasm loader, and the page's own chunk with every chunk
it depends on (scripts/split.py writes them into the loader's `makeLoad(…, [deps])` table),
or, for a landing page, the one bundle of those chunks (scripts/bundles.py).
Used by bench/first_load.py (the figures) and scripts/check_build.py (the guards).
"""
import glob, gzip, os, re

# The pages readers land on, by split point, with their pre-rendered HTML: each gets a bundle
# of its chunks (scripts/bundles.py), and their first load has a bar (scripts/check_build.py).
LANDING = {"page_overview": "index.html", "page_treemap": "treemap.html"}


def gz(path):
    return len(gzip.compress(open(path, "rb").read(), 9))


def loads_of(loader):
    """{load function: (file, [the load functions it depends on])} of a split-wasm loader.

    NAME = [wrapAsyncCb(]makeLoad(() => { const src = fetch(new URL("./FILE", …)) or
    part("./FILE"); … }, [DEPS]), minified without renaming (scripts/minify.py) or not, so
    only the names and the order hold.
    """
    entries = re.findall(
        r'(\w+)\s*=\s*(?:wrapAsyncCb\()?makeLoad\(\(\)\s*=>\s*\{\s*const \w+\s*=\s*(?:fetch\(new URL|part)\("\./([^"]+)"'
        r'.*?\}\s*,\s*\[([^\]]*)\]', loader, re.S)
    return {name: (file, [d.strip() for d in deps.split(",") if d.strip()]) for name, file, deps in entries}


class Build:
    def __init__(self, dist):
        self.dist = dist
        [loader_path] = glob.glob(os.path.join(dist, "plan-web-*-split-*.js"))
        self.loads = loads_of(open(loader_path, encoding="utf-8").read())
        html = open(os.path.join(dist, "index.html"), encoding="utf-8").read()
        # (A pre-rendered index.html also preloads the overview's chunks: those count for the page.)
        self.shell = sorted({m for m in re.findall(r'(?:href|src)="/?([^"#?]+\.(?:js|wasm|css|svg))"', html)
                             if not m.startswith("chunks/") and os.path.exists(os.path.join(dist, m))}
                            | {os.path.relpath(loader_path, dist)})
        split_points = sorted(n[len("__wasm_split_load_"):] for n in self.loads if n.startswith("__wasm_split_load_"))
        self.pages = [n for n in split_points if n.startswith("page_")]
        self.others = [n for n in split_points if not n.startswith("page_")]

    def chunks_of(self, split_point):
        file, deps = self.loads["__wasm_split_load_" + split_point]
        return [file] + [self.loads[d][0] for d in deps]

    def bundle_of(self, split_point):
        """The one file a pre-rendered page of `split_point` fetches its chunks in, if any."""
        found = glob.glob(os.path.join(self.dist, "chunks", f"bundle-{split_point}-*.wasm"))
        return os.path.relpath(found[0], self.dist) if found else None

    def first_load(self, page):
        bundle = self.bundle_of(page)
        return self.shell + ([bundle] if bundle else self.chunks_of(page))

    def size(self, files):
        return sum(gz(os.path.join(self.dist, f)) for f in files)
