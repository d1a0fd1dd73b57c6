"""Short names for the JS functions the main wasm imports (part of scripts/split.py).

wasm-bindgen names each import after its Rust name and a 16-digit hash
(`__wbg_setattribute_2c6ee4c2e1a8d5b6`), in a module named after the glue's file
(`./plan-web-1a2b…_bg.js`). Each name is written twice, in the wasm's import section and as a
key of the glue's import object, and gzip can do little with the hashes. Here they become
`a`, `b`, …, `ba`, … in module `w`, in both files at once.

The glue must name each import exactly once (as its key), and the module once: anything else
means wasm-bindgen's output changed, and the build stops rather than guess.
"""
import re, string

MODULE = "w"
LETTERS = string.ascii_letters


def read_leb(data, i):
    """The unsigned LEB128 number at `data[i]`, and the index past it."""
    value = shift = 0
    while True:
        byte = data[i]
        value |= (byte & 0x7F) << shift
        shift += 7
        i += 1
        if byte < 0x80:
            return value, i


def write_leb(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def short_name(n):
    """`a`…`Z`, then `ba`, `bb`, …: identifiers, so the minified glue needs no quotes."""
    digits = LETTERS[n % 52]
    n //= 52
    while n:
        digits = LETTERS[n % 52] + digits
        n //= 52
    return digits


def name_bytes(text):
    raw = text.encode()
    return write_leb(len(raw)) + raw


def shorten(wasm, glue, module):
    """`wasm` (bytes) and `glue` (text) with the imports from `module` renamed."""
    out, i = bytearray(wasm[:8]), 8
    renamed = {}
    while i < len(wasm):
        size, body = read_leb(wasm, i + 1)
        if wasm[i] != 2:
            out += wasm[i:body + size]
            i = body + size
            continue
        count, j = read_leb(wasm, body)
        section = bytearray(write_leb(count))
        for _ in range(count):
            length, j = read_leb(wasm, j)
            mod = wasm[j:j + length].decode()
            j += length
            length, j = read_leb(wasm, j)
            field = wasm[j:j + length].decode()
            j += length
            kind_start = j
            j = skip_import_kind(wasm, j)
            if mod == module:
                renamed[field] = short_name(len(renamed))
                mod, field = MODULE, renamed[field]
            section += name_bytes(mod) + name_bytes(field) + wasm[kind_start:j]
        out += bytes([2]) + write_leb(len(section)) + section
        i = body + size
    for old, new in renamed.items():
        glue, n = re.subn(r"(?<![\w$])" + re.escape(old) + r"(?![\w$])", new, glue)
        if n != 1:
            raise SystemExit(f"imports.py: the glue names the import {old} {n} times, not once")
    glue, n = re.subn(r"""(["'])""" + re.escape(module) + r"\1", f'"{MODULE}"', glue)
    if n != 1:
        raise SystemExit(f"imports.py: the glue names the module {module} {n} times, not once")
    return bytes(out), glue


def skip_import_kind(wasm, j):
    """The index past an import's description (function, table, memory or global)."""
    kind, j = wasm[j], j + 1
    if kind == 0:  # function: a type index
        return read_leb(wasm, j)[1]
    if kind == 1:  # table: element type, then limits
        j += 1
    if kind in (1, 2):  # limits: flags, minimum, maybe a maximum
        flags, j = wasm[j], j + 1
        j = read_leb(wasm, j)[1]
        return read_leb(wasm, j)[1] if flags & 1 else j
    if kind == 3:  # global: value type, mutability
        return j + 2
    raise SystemExit(f"imports.py: unknown import kind {kind}")
