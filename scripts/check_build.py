#!/usr/bin/env python3
"""Guards on a release build, run by the test command after each build.

Usage: python3 scripts/check_build.py dist
1. The codec boundary: serde_json and csv are reached only through web/src/codec/ (and the
   import page's plan-core readers), so no reading page's first load may contain them. The
   release wasm has no function names; each crate's own error strings stay with its code
   (the splitter moves a chunk's strings into it), so they are what is looked for.
2. First-load budgets (gzip): a change that makes a page's first load grow past its budget
   fails the build, so growth is always a decision. Lower a budget when a change pays.
3. The landing pages' bar: with its pre-rendered HTML, no landing page's first load may pass
   250,000 B gzip (issue 17).
"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chunks import LANDING, Build, gz  # noqa: E402

# Bytes, gzip -9, shell + the page's chunks (bench/first_load.py prints the figures): each
# page's figure when it was last lowered, plus about 0.3%, so growth is a decision. Lowered in
# issue 17's work (one sort, no float formatting, no plotters, talc: -19 KB on the overview and
# the treemap), then raised by what issue 18 added to them (the phone menu, the everyday
# units, the small-cells list, the ranked bars of where the money goes: +11.5 KB on the
# overview, +2.9 KB on the treemap), then by the small-items list shared by the treemap, the
# sunburst and the Sankey, and the goal tree's paged links (+2.3 KB on the treemap, +4.8 KB
# on goals and flow), then by the start-up that overlaps the page's parsing and the delayed
# warm-up of a pointed-at page (+1.0 KB everywhere; /treemap live ~120 ms sooner). Lowered by
# wasm-opt on every part, however small, and the minified JS and CSS (-14.8 KB on /treemap),
# then by the bundled plan parsed at build time (-13.3 KB: the parser moved to the import
# page and the codec, which grew by it: your data +11 KB), then by short names for the main
# wasm's imports (-7.4 KB everywhere; +0.5 KB for the pre-rendered pages' own script), then
# by the sections below the landing pages' charts coming after the page is live and the
# landing pages' chunks coming in one bundle (overview -31.6 KB, treemap -19.2 KB; the extra
# split point cost the other pages +5.9 to +7.9 KB in the splitter's smaller chunks), then by
# the bundled plan's summary prepared at build time (-17 KB on the overview, -14.6 KB on the
# treemap, -10.4 KB on goals and flow; your data +13.5 KB: it comes with the codec, which now
# also computes the figures of stored plans and of the reader's link corrections), then by the
# stylesheet moving into each page's HTML (-3.9 KB from every first load here; the landing
# pages' bar below counts it with the HTML). Programmes +0.7 KB for its sort kept per
# column and totals that a sort does not recount (sort at 10,000 programmes, 4x CPU: median
# INP 112 -> 56 ms). Raised by budget books in the one model (issue 32): the shell carries a
# plan's groups and line figures and names the document under every page (+2.1 KB overview,
# +2.2 KB treemap, +1 KB goals and flow; a book's own overview is in the later chunk), a
# line's page its three years and reason (programmes +7.3 KB), and the import page the tree
# reader, the unit evidence, the document's SHA-256 and the new findings' words (your data
# +25 KB). Raised by what changed (issue 34): a tree index kept with every plan, one more
# page in the route table and its shell in the programmes chunk (its body and plotters are
# in the later chunk), the CSV writer's entry in the codec, and the PDF fonts' findings
# (overview +3.2 KB, treemap +0.7 KB, goals and flow +1.3 KB, programmes +7.7 KB, your data
# +3.9 KB), and the text parser's other header words, units and notes (issue 33; the parser
# comes with the import page: your data +3.5 KB). Raised by the library in IndexedDB (issue
# 35): each web-sys binding the idb crate calls is a wasm import, and wasm-split keeps every
# import (and its JS glue) in the main part, so every page carries +2.9 KB (idb's own code,
# its futures and the move from local storage are in the codec chunk); the import page's
# batch of many files and the library restore, and the library page's search, storage
# figures and whole-library backup (your data +45.8 KB); the budget-book PDF reader's page
# report and its words (issue 33: your data +3.1 KB), and the library page prefetching the
# overview's code when idle (+0.7 KB). Raised by years in series (issue 34): the line matcher
# and the reading of a library document that the compare page and the later chunk (the
# series, what changed against another document) now share are kept where both reach them,
# and a line's page calls its years section (goals and flow +0.2 KB, programmes +0.5 KB, your
# data +1.7 KB; the series, its chart, plotters' line series and the pairing of two
# documents are in the later chunk). Raised by a table whose this year is only 經常門 and
# 資本門 (issue 33): the import reads it as their sum and says so, and its headline counts
# notes apart from warnings; the PDF guard bounds images apart (your data +1.0 KB; the
# programmes page, which shares the main wasm, +0.3 KB); a PDF opened in three steps with a
# frame between them (your data +0.3 KB). Raised by reading a PDF in a Web Worker (issue 33):
# the shell starts the reader where there is no window, and the glue imports the module and
# import.meta.url for the worker (overview +0.6 KB, treemap +0.6 KB, goals and flow +0.4 KB,
# programmes +0.7 KB, your data +0.4 KB; driving the worker and the read's JSON are in the
# PDF chunk), and a tree line's one link target, which the treemap and the later chunk share,
# so it sits in the main part (+0.05 KB everywhere).
BUDGETS = {
    "page_overview": 231_600,
    "page_treemap": 239_400,
    "page_goals_and_flow": 311_200,
    "page_programmes": 353_900,
    "page_your_data": 629_400,
}
# The landing pages' bar (issue 17), counted with the page's pre-rendered HTML, as a first
# visit downloads it (run after scripts/prerender.mjs).
BAR = {"page_overview": 250_000, "page_treemap": 250_000}
# Strings only each crate's code uses (its error messages).
MARKERS = {
    "serde_json": [b"EOF while parsing", b"key must be a string"],
    "csv": [b"found record with"],
}
# The pages of the reader's own data come with the codec and read budget books by design.
MAY_DECODE = {"page_your_data"}

build = Build(sys.argv[1] if len(sys.argv) > 1 else "dist")
failures = []
for page in build.pages:
    files = build.first_load(page)
    size = build.size(files)
    budget = BUDGETS.get(page)
    if budget is None:
        failures.append(f"{page}: no first-load budget set in scripts/check_build.py")
    elif size > budget:
        failures.append(f"{page}: first load {size:,} B gzip is over its budget of {budget:,} B")
    html = os.path.join(build.dist, LANDING.get(page, ""))
    with_html = size + gz(html) if page in BAR and os.path.isfile(html) else None
    bar = f"; with its HTML {with_html:,} B, {with_html - BAR[page]:+,} B against the {BAR[page]:,} B bar" if with_html else ""
    if with_html and with_html > BAR[page]:
        failures.append(f"{page}: first load with its HTML {with_html:,} B gzip is over the bar of {BAR[page]:,} B")
    print(f"  {page:24} {size:9,} B  (budget {budget or 0:,}{bar})")
    if page in MAY_DECODE:
        continue
    for f in files:
        data = open(os.path.join(build.dist, f), "rb").read()
        for crate, marks in MARKERS.items():
            if any(m in data for m in marks):
                failures.append(f"{page}: {f} contains {crate}, which only web/src/codec/ may call")
if failures:
    print("\n".join(["build check failed:"] + failures), file=sys.stderr)
    sys.exit(1)
print("  codec boundary holds; every first load within its budget")
