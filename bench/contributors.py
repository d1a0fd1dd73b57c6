#!/usr/bin/env python3
"""The wasm bundle's biggest contributors, by crate and by function (twiggy, from crates.io).

Usage: python3 bench/contributors.py target/wasm32-unknown-unknown/release/plan-web.wasm
Reads the release wasm before wasm-bindgen and wasm-opt (the one that still has function
names): its code and data shares say where the shipped bytes come from; wasm-bindgen's
`__wbindgen_describe_*` functions and custom sections are dropped from the shipped file.
"""
import collections, csv, io, re, subprocess, sys

wasm = sys.argv[1]
out = subprocess.run(["twiggy", "top", "-n", "1000000", "--format", "csv", wasm], check=True, capture_output=True, text=True).stdout
by_crate, items = collections.Counter(), []
for row in csv.DictReader(io.StringIO(out)):
    name, size = row["Name"], int(row["ShallowSize"])
    if "custom section" in name or name.startswith('"function names"') or "__wbindgen_describe" in name:
        continue  # not shipped
    if name.startswith("data segment"):
        crate = "(data: strings, tables, the bundled plan)"
    else:
        # `<tachys::view::...>::build` or `plan_web::views::...`: the first path segment.
        m = re.search(r"(?:^|<|\s)([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::", name)
        crate = m.group(1) if m else "(unnamed: closures, shims, tables)"
        if crate == "core":
            crate = "core (std generics for every crate's types: drop glue, closure shims, sort, fmt)"
    by_crate[crate] += size
    items.append((size, re.sub(r"::h[0-9a-f]{16}$", "", name)))
total = sum(by_crate.values())
print(f"  code + data before wasm-bindgen/wasm-opt: {total:,} B")
print("  by crate (a generic function counts for the crate that defines it, e.g. tachys's view code):")
for crate, size in by_crate.most_common(14):
    print(f"    {size:>9,} B {100 * size / total:5.1f} %  {crate}")
print("  largest functions:")
for size, name in sorted(items, reverse=True)[:10]:
    print(f"    {size:>9,} B  {name[:100]}")
