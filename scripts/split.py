#!/usr/bin/env python3
"""Split the app's wasm into a main part and chunks by page (part of the post-build hook).

Trunk has no wasm splitting (trunk-rs/trunk#1022), so after Trunk has built the page this
replaces the single wasm it wrote with the split one, the way `cargo leptos --split` does:

  target/.../plan-web.wasm        rustc's output, linked with --emit-relocs (.cargo/config.toml)
    → wasm-split-cli              main.wasm, chunk_*.wasm (code shared by several pages),
                                  split_page_*.wasm (one per split point, web/src/pages.rs)
                                  and __wasm_split.js, which fetches them on demand
    → wasm-bindgen on main        the JS glue, with the exports the chunks link against
    → wasm-opt -Oz on each part
    → short import names          in the main part and the glue (scripts/imports.py)
    → into the staging dir        main under Trunk's own (hashed) names; the chunks in chunks/
                                  under content-hashed names, so a deploy never mixes builds;
                                  Trunk's integrity hashes updated for the files replaced.
    → bundles                     each landing page's chunks also as one file (scripts/bundles.py)

Usage (from postbuild.py): split(stage_dir). Tools come from scripts/setup.sh (versions pinned
in scripts/versions.env; wasm-opt is binaryen's from npm, never Debian's).
"""
import base64, concurrent.futures, glob, hashlib, os, re, shutil, subprocess, tempfile

from bundles import bundle
from imports import read_leb, shorten
from minify import minify

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The features rustc enables for wasm32 by default; wasm-opt must accept them all.
WASM_FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
                 "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"]
CHUNK_DIR = "chunks"


def run(*cmd):
    subprocess.run(cmd, check=True)


def short_hash(data):
    return hashlib.sha256(data).hexdigest()[:12]


def sri(path):
    return "sha384-" + base64.b64encode(hashlib.sha384(open(path, "rb").read()).digest()).decode()


def update_integrity(html, stage, file):
    """`html` with the integrity hash of its link to `file` (in `stage`) recomputed."""
    return re.sub(r'(href="[^"]*' + re.escape(file) + r'"[^>]*integrity=")[^"]*(")',
                  lambda m: m.group(1) + sri(os.path.join(stage, file)) + m.group(2), html)


def strip_custom_sections(path):
    """Drops names, producers and the splitter's own notes: nothing the browser needs."""
    data = open(path, "rb").read()
    out, i = bytearray(data[:8]), 8
    while i < len(data):
        start = i
        size, i = read_leb(data, i + 1)
        if data[start] != 0:
            out += data[start:i + size]
        i += size
    open(path, "wb").write(out)


# SPLIT_KEEP_NAMES=1: keep function names (and skip wasm-opt) so a browser profile of the
# build names Rust functions. For profiling only: such a build is several times larger.
KEEP_NAMES = os.environ.get("SPLIT_KEEP_NAMES") == "1"


def optimise(path):
    if KEEP_NAMES:
        return
    # Every part, however small (~0.9 s each: binaryen from npm runs on node). The splitter
    # gives each part the whole program's type section: a chunk of 30 bytes of strings was
    # 876 B until wasm-opt dropped the types it does not use (-10.8 kB gzip on /treemap).
    strip_custom_sections(path)
    run("wasm-opt", "-Oz", "--quiet", *WASM_FEATURES, path, "-o", path)


def split(stage):
    [bg] = glob.glob(os.path.join(stage, "plan-web-*_bg.wasm"))
    name = os.path.basename(bg)[: -len("_bg.wasm")]  # Trunk's hashed stem, e.g. plan-web-1a2b…
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
    profile = "release" if os.environ.get("TRUNK_PROFILE", "release") == "release" else "debug"
    linked = os.path.join(target, "wasm32-unknown-unknown", profile, "plan-web.wasm")

    with tempfile.TemporaryDirectory() as tmp:
        splitter = subprocess.run(["wasm-split-cli", "--target", "web", "--out-name", name, linked, tmp],
                                  check=True, capture_output=True, text=True)
        if "Overlong segment" in splitter.stderr:
            # It then keeps all read-only data (every page's strings) in the main part.
            raise SystemExit("split.py: the splitter had no room to lay out the data per chunk: "
                             "make SPLIT_ROOM in web/src/main.rs larger\n" + splitter.stderr)
        run("wasm-bindgen", "--target", "web", "--no-typescript", "--keep-lld-exports",
            *([] if KEEP_NAMES else ["--remove-name-section"]), "--remove-producers-section",
            "--out-dir", tmp, "--out-name", name, os.path.join(tmp, name + ".wasm"))
        os.remove(os.path.join(tmp, name + ".wasm"))
        parts = sorted(glob.glob(os.path.join(tmp, "*.wasm")))
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            list(pool.map(optimise, parts))

        # Chunks under content-hashed names; the loader refers to them by those names.
        loader = open(os.path.join(tmp, "__wasm_split.js"), encoding="utf-8").read()
        # The loader starts each fetch before it awaits the chunk's dependencies, so a failed
        # fetch is an unhandled rejection until then (a page error), though the failure does
        # reach the page (web/src/pages.rs says so). Mark it handled where it starts.
        fetch_line = re.compile(r"(const src = fetch\(new URL\([^;]*\)\);)")
        loader, n = fetch_line.subn(r"\1 src.catch(() => {});", loader)
        if n == 0:
            raise SystemExit("split.py: the loader's fetch line changed (wasm-split-cli upgrade?)")
        chunks = os.path.join(stage, CHUNK_DIR)
        os.makedirs(chunks, exist_ok=True)
        for part in parts:
            base = os.path.basename(part)
            if base == name + "_bg.wasm":
                continue
            data = open(part, "rb").read()
            hashed = f"{base[:-5]}-{short_hash(data)}.wasm"
            shutil.copyfile(part, os.path.join(chunks, hashed))
            loader = loader.replace(f'"./{base}"', f'"./{CHUNK_DIR}/{hashed}"')
        loader = bundle(stage, CHUNK_DIR, loader, short_hash)
        loader = minify(loader, "js", keep_names=True)
        loader_name = f"{name}-split-{short_hash(loader.encode())}.js"
        open(os.path.join(stage, loader_name), "w", encoding="utf-8").write(loader)

        glue = open(os.path.join(tmp, name + ".js"), encoding="utf-8").read()
        glue = glue.replace('from "./__wasm_split.js"', f'from "./{loader_name}"')  # the import, not the wasm's module name
        glue = minify(glue, "js")
        wasm = open(os.path.join(tmp, name + "_bg.wasm"), "rb").read()
        wasm, glue = shorten(wasm, glue, f"./{name}_bg.js")
        open(os.path.join(stage, name + ".js"), "w", encoding="utf-8").write(glue)
        open(bg, "wb").write(wasm)

    # Trunk wrote integrity hashes of the files it made; these are different files now.
    index = os.path.join(stage, "index.html")
    html = open(index, encoding="utf-8").read()
    for file in (name + ".js", name + "_bg.wasm"):
        html = update_integrity(html, stage, file)
    # The glue imports the loader, so without this the browser asks for it only once the glue
    # has arrived and the page has been parsed: one round trip late on every first load.
    glue_preload = re.search(r'<link rel="modulepreload" href="([^"]*)' + re.escape(name + ".js") + '"[^>]*>', html)
    if not glue_preload:
        raise SystemExit("split.py: Trunk's modulepreload of the glue is not in index.html")
    html = html.replace(glue_preload.group(0), glue_preload.group(0) +
                        f'\n<link rel="modulepreload" href="{glue_preload.group(1)}{loader_name}" crossorigin="anonymous" '
                        f'integrity="{sri(os.path.join(stage, loader_name))}">', 1)
    open(index, "w", encoding="utf-8").write(html)
