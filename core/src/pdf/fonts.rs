//! The fonts Taiwanese agencies' PDFs are made of, put into words pdfplumber reads right,
//! before it opens the document.
//!
//! Why rewrite font dictionaries rather than decode glyphs afterwards: pdfplumber (0.4.1)
//! splits a string into character codes by its font's encoding *before* anything can see
//! it, and takes each glyph's advance from the code. For `UniCNS-UCS2-H` it splits by Big5
//! lead bytes (`中` = 4E 2D becomes `N` and `-`), so the glyphs it reports are wrong in
//! number and position, and no mapping of their text afterwards can mend that. Its
//! `Pdf` opens only bytes, so the document is amended with lopdf (which the guard loads
//! anyway) and saved again, only when a font needs it:
//!
//! - `Uni*-UCS2-H` / `Uni*-UTF16-H` (MSung-Light, MHei-Medium …): the codes are UTF-16BE
//!   themselves. The font becomes `Identity-H` (two bytes a code) with an identity
//!   ToUnicode, which pdfplumber reads as "the code is the character" without a table.
//! - `ETenms-B5-H`, `ETen-B5-H`, `B5pc-H`, `HKscs-B5-H` (PMingLiU, MingLiU, DFKaiShu): Big5,
//!   one or two bytes a code. pdfplumber knows the name `ETen-B5-H` (splitting by Big5 lead
//!   bytes, decoding with encoding_rs, already in the PDF chunk) but not `ETenms-B5-H`, which
//!   it reads two bytes at a time; every Big5 CMap becomes `ETen-B5-H`.
//! - In both, the descendant's widths (`/W`) are by CID, but pdfplumber looks them up by
//!   code: `/W` is rewritten by code for the single-byte / ASCII codes (whose CIDs are
//!   known without a table); the double-byte ones keep the default width, which is what
//!   Chinese glyphs have.
//! - `Identity-H` with no ToUnicode and an embedded TrueType font (`FontFile2`): the glyph
//!   numbers say what they are only in the font's own cmap table, inverted here
//!   ([`super::truetype`]) through the CIDToGIDMap into a ToUnicode map.
//! - An embedded TrueType CID font in horizontal text with no `/W2`: pdfplumber would
//!   inflate its font program for vertical metrics on every page that uses it; one `/W2`
//!   entry spares that (a 392-page 單位預算書: 4.0 s of page reading → 1.7 s).
//!
//! - A simple `Symbol` / `SymbolMT` font with no ToUnicode: Adobe's Symbol encoding as its
//!   map ([`super::symbol`]).
//!
//! A font whose text cannot be known (Identity-H with nothing to map it, an embedded CMap,
//! a hostile map) is *refused*: named, with the reason, so the reader can say which page
//! and which font, and changed so that pdfplumber gives `(cid:N)` for its glyphs rather
//! than guessing characters from the glyph numbers (it would read an Identity CID as a
//! code point: plausible Chinese, all wrong). A ToUnicode map whose ranges claim more
//! codes than any font has is refused before pdfplumber expands it (one range over every
//! 4-byte code is four billion entries).

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};
use std::collections::HashMap;

/// Codes a ToUnicode map may claim: a CJK font has about 30,000 glyphs.
const MAX_TO_UNICODE: u64 = 1 << 17;
/// Fonts looked at; a document has tens.
const MAX_FONTS: usize = 5_000;
/// Links followed in a chain of embedded CMaps (`/UseCMap`).
const MAX_USECMAP: usize = 8;

/// What [`prepare`] did.
#[derive(Debug, Default)]
pub struct Fonts {
    /// Font names (as pdfplumber reports them) → why their text cannot be read.
    pub refused: HashMap<String, String>,
    /// Whether the document was changed (and must be saved again for pdfplumber).
    pub changed: bool,
    /// Font names on a Big5 CMap: their user-defined codes (an agency's own 造字) are no
    /// standard character, though encoding_rs reads Hong Kong ones there.
    pub big5: std::collections::HashSet<String>,
}

/// A Big5 code in a user-defined area (lead bytes 81–A0, FA–FE in both cp950 and ETen):
/// a character the agency drew itself, which no decoder knows.
pub fn big5_user_defined(code: u32) -> bool {
    matches!(code >> 8, 0x81..=0xA0 | 0xFA..=0xFE)
}

pub fn prepare(doc: &mut Document) -> Fonts {
    let mut out = Fonts::default();
    let ids: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| {
            o.as_dict().is_ok_and(|d| {
                name(d, b"Subtype").is_some_and(|s| matches!(s.as_slice(), b"Type0" | b"Type1" | b"TrueType" | b"Type3" | b"MMType1"))
            })
        })
        .map(|(id, _)| *id)
        .take(MAX_FONTS)
        .collect();
    let mut identity_map = None;
    let mut symbol_maps: Vec<(super::symbol::SymbolFont, ObjectId)> = Vec::new();
    for id in ids {
        own_descendant(doc, id);
        let Ok(font) = doc.get_object(id).and_then(Object::as_dict).cloned() else { continue };
        let names = font_names(doc, &font);
        if let Some(why) = hostile_to_unicode(doc, &font) {
            refuse(doc, id, &font, &names, why, &mut out);
            continue;
        }
        if name(&font, b"Subtype").as_deref() != Some(b"Type0") {
            // A symbol font with no map of its own: its encoding is its map.
            let symbol = name(&font, b"BaseFont").and_then(|b| super::symbol::SymbolFont::of(&String::from_utf8_lossy(&b)));
            if let Some(symbol) = symbol.filter(|_| font.get(b"ToUnicode").is_err()) {
                let at = symbol_maps.iter().position(|(f, _)| *f == symbol);
                let tu = match at {
                    Some(i) => symbol_maps[i].1,
                    None => {
                        let tu = doc.add_object(Stream::new(Dictionary::new(), symbol.to_unicode()));
                        symbol_maps.push((symbol, tu));
                        tu
                    }
                };
                set(doc, id, |f| f.set("ToUnicode", Object::Reference(tu)));
                out.changed = true;
            }
            continue;
        }
        let desc = descendant(doc, &font);
        let has_to_unicode = font.get(b"ToUnicode").is_ok();
        match font.get(b"Encoding") {
            Ok(Object::Name(enc)) => {
                let enc = String::from_utf8_lossy(enc).into_owned();
                if let Some(ascii_cid) = utf16_cmap(&enc) {
                    let tu = *identity_map.get_or_insert_with(|| doc.add_object(Stream::new(Dictionary::new(), IDENTITY_TO_UNICODE.to_vec())));
                    set(doc, id, |f| {
                        f.set("Encoding", Object::Name(b"Identity-H".to_vec()));
                        if !has_to_unicode {
                            f.set("ToUnicode", Object::Reference(tu));
                        }
                    });
                    rekey_widths(doc, desc, ascii_cid);
                    out.changed = true;
                } else if let Some(ascii_cid) = big5_cmap(&enc) {
                    set(doc, id, |f| f.set("Encoding", Object::Name(b"ETen-B5-H".to_vec())));
                    out.big5.extend(names.iter().cloned());
                    rekey_widths(doc, desc, ascii_cid);
                    out.changed = true;
                } else if (enc == "Identity-H" || enc == "Identity-V") && !has_to_unicode {
                    match embedded_to_unicode(doc, desc) {
                        Some(Ok(cmap)) => {
                            let tu = doc.add_object(Stream::new(Dictionary::new(), cmap));
                            set(doc, id, |f| f.set("ToUnicode", Object::Reference(tu)));
                            out.changed = true;
                        }
                        Some(Err(why)) => refuse(doc, id, &font, &names, why, &mut out),
                        // No font file: the CIDs are the collection's (Adobe-CNS1 …), which
                        // pdfplumber maps, unless the collection is Identity: nothing to go on.
                        None if ordering(doc, desc).is_none_or(|o| o == b"Identity") => {
                            refuse(doc, id, &font, &names, "its glyphs are numbered by the font alone (Identity-H) and it has no ToUnicode map nor an embedded font to read them from".into(), &mut out)
                        }
                        None => {}
                    }
                }
            }
            Ok(Object::Reference(cmap)) if !has_to_unicode => {
                let why = match usecmap_loop(doc, *cmap) {
                    true => "its encoding is an embedded CMap that uses itself",
                    false => "its encoding is an embedded CMap and it has no ToUnicode map",
                };
                refuse(doc, id, &font, &names, why.into(), &mut out);
            }
            _ => {}
        }
        if skip_vertical_metrics(doc, &font, desc) {
            out.changed = true;
        }
    }
    defuse_to_unicode_maps(doc, &mut out);
    out
}

/// Horizontal text needs no vertical metrics, but for an embedded TrueType CID font with
/// no `/W2`, pdfplumber inflates and parses the whole font program for its `vmtx` table each
/// time a page uses the font (a 392-page book: most of its reading time). One `/W2` entry,
/// for glyph 0, is vertical metrics enough. Returns whether the font was changed.
fn skip_vertical_metrics(doc: &mut Document, font: &Dictionary, desc: Option<ObjectId>) -> bool {
    let horizontal = name(font, b"Encoding").is_some_and(|e| e.ends_with(b"-H"));
    let Some(d) = desc.and_then(|id| dict_of(doc, Some(id))) else { return false };
    let embedded = d.get(b"FontDescriptor").ok().map(|o| resolve(doc, o)).and_then(|o| o.as_dict().ok()).is_some_and(|fd| fd.get(b"FontFile2").is_ok());
    if !horizontal || name(d, b"Subtype").as_deref() != Some(b"CIDFontType2") || d.get(b"W2").is_ok() || !embedded {
        return false;
    }
    let Some(id) = desc else { return false };
    let metrics = vec![Object::Integer(-1000), Object::Integer(500), Object::Integer(880)];
    set(doc, id, |d| d.set("W2", Object::Array(vec![Object::Integer(0), Object::Array(metrics)])));
    true
}

/// Every stream any dictionary names as its ToUnicode map, whatever that dictionary is:
/// pdfplumber reads the map of a font the loop above does not take for one (its /Subtype
/// damaged, say). One that claims too much is emptied before pdfplumber can expand it.
fn defuse_to_unicode_maps(doc: &mut Document, out: &mut Fonts) {
    fn walk(o: &Object, depth: usize, found: &mut Vec<ObjectId>) {
        if depth > 6 {
            return;
        }
        match o {
            Object::Dictionary(d) => {
                for (k, v) in d.iter() {
                    match (k.as_slice(), v) {
                        (b"ToUnicode", Object::Reference(id)) => found.push(*id),
                        _ => walk(v, depth + 1, found),
                    }
                }
            }
            Object::Array(a) => a.iter().for_each(|v| walk(v, depth + 1, found)),
            Object::Stream(s) => walk(&Object::Dictionary(s.dict.clone()), depth + 1, found),
            _ => {}
        }
    }
    let mut found = Vec::new();
    for o in doc.objects.values() {
        if !matches!(o, Object::Stream(_)) {
            walk(o, 0, &mut found);
        }
    }
    found.sort_unstable();
    found.dedup();
    for id in found {
        let hostile = match doc.get_object(id) {
            Ok(Object::Stream(s)) => stream_bytes(s).is_none_or(|data| claimed_codes(&data).is_none_or(|n| n > MAX_TO_UNICODE)),
            _ => false,
        };
        if hostile {
            if let Ok(Object::Stream(s)) = doc.get_object_mut(id) {
                s.dict.remove(b"Filter");
                s.set_content(Vec::new());
            }
            out.changed = true;
        }
    }
}

/// `begincidrange <0000> <FFFF> 0`: pdfplumber takes it as "code = character" without
/// building a table.
const IDENTITY_TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n/CMapName /Identity-UCS2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n1 begincidrange\n<0000> <FFFF> 0\nendcidrange\nendcmap CMapName currentdict /CMap defineresource pop end end\n";

/// A CMap whose codes are UTF-16BE: the CID of each ASCII code (all Adobe collections put
/// 0x20–0x7E at CIDs 1–95).
fn utf16_cmap(name: &str) -> Option<fn(u32) -> [u32; 2]> {
    let base = name.strip_suffix("-H")?;
    (base.starts_with("Uni") && (base.ends_with("-UCS2") || base.ends_with("-UTF16"))).then_some(|c| [c - 0x1F, c - 0x1F])
}

/// A Big5 CMap: ETenms-B5 and B5pc put ASCII at the proportional CIDs 1–95, ETen-B5 and
/// HKscs-B5 at the half-width ones from 13648; a width is looked for at either.
fn big5_cmap(name: &str) -> Option<fn(u32) -> [u32; 2]> {
    match name {
        "ETenms-B5-H" | "B5pc-H" => Some(|c| [c - 0x1F, 13648 + c - 0x20]),
        "ETen-B5-H" | "HKscs-B5-H" => Some(|c| [13648 + c - 0x20, c - 0x1F]),
        _ => None,
    }
}

fn name(d: &Dictionary, key: &[u8]) -> Option<Vec<u8>> {
    d.get(key).ok()?.as_name().ok().map(<[u8]>::to_vec)
}

fn resolve<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}

fn set(doc: &mut Document, id: ObjectId, f: impl FnOnce(&mut Dictionary)) {
    if let Ok(d) = doc.get_object_mut(id).and_then(Object::as_dict_mut) {
        f(d);
    }
}

/// The descendant CIDFont's object id.
fn descendant(doc: &Document, font: &Dictionary) -> Option<ObjectId> {
    let arr = resolve(doc, font.get(b"DescendantFonts").ok()?).as_array().ok()?;
    arr.first()?.as_reference().ok()
}

/// Makes a descendant CIDFont written inside its Type 0 font (ReportLab does) an object of
/// its own, so it can be amended like the others; the document reads the same.
fn own_descendant(doc: &mut Document, id: ObjectId) {
    let inline = doc
        .get_object(id)
        .and_then(Object::as_dict)
        .ok()
        .and_then(|f| f.get(b"DescendantFonts").ok())
        .map(|o| resolve(doc, o))
        .and_then(|o| o.as_array().ok())
        .and_then(|a| a.first())
        .and_then(|o| o.as_dict().ok())
        .cloned();
    if let Some(d) = inline {
        let desc = doc.add_object(d);
        set(doc, id, |f| f.set("DescendantFonts", Object::Array(vec![Object::Reference(desc)])));
    }
}

fn dict_of(doc: &Document, id: Option<ObjectId>) -> Option<&Dictionary> {
    doc.get_object(id?).ok()?.as_dict().ok()
}

fn ordering(doc: &Document, desc: Option<ObjectId>) -> Option<Vec<u8>> {
    let info = resolve(doc, dict_of(doc, desc)?.get(b"CIDSystemInfo").ok()?).as_dict().ok()?;
    match resolve(doc, info.get(b"Ordering").ok()?) {
        Object::String(s, _) => Some(s.clone()),
        Object::Name(n) => Some(n.clone()),
        _ => None,
    }
}

/// The names pdfplumber may report for the font's glyphs (its descriptor's FontName, its
/// BaseFont, the descendant's).
fn font_names(doc: &Document, font: &Dictionary) -> Vec<String> {
    let mut dicts = vec![font];
    if let Some(d) = dict_of(doc, descendant(doc, font)) {
        dicts.push(d);
    }
    let mut out = Vec::new();
    for d in dicts {
        out.extend(name(d, b"BaseFont"));
        if let Some(fd) = d.get(b"FontDescriptor").ok().map(|o| resolve(doc, o)).and_then(|o| o.as_dict().ok()) {
            out.extend(name(fd, b"FontName"));
        }
    }
    let mut out: Vec<String> = out.into_iter().map(|n| String::from_utf8_lossy(&n).into_owned()).collect();
    out.dedup();
    out
}

/// Records the font as refused and makes pdfplumber report its glyphs as `(cid:N)`: no
/// ToUnicode, two-byte codes, and a character collection no table knows.
fn refuse(doc: &mut Document, id: ObjectId, font: &Dictionary, names: &[String], why: String, out: &mut Fonts) {
    for n in names {
        out.refused.insert(n.clone(), why.clone());
    }
    out.changed = true;
    let type0 = name(font, b"Subtype").as_deref() == Some(b"Type0");
    let desc = descendant(doc, font);
    set(doc, id, |f| {
        f.remove(b"ToUnicode");
        if type0 {
            f.set("Encoding", Object::Name(b"Identity-H".to_vec()));
        }
    });
    if let Some(desc) = desc {
        set(doc, desc, |d| {
            let mut info = Dictionary::new();
            info.set("Registry", Object::string_literal("Adobe"));
            info.set("Ordering", Object::string_literal("Refused"));
            info.set("Supplement", 0);
            d.set("CIDSystemInfo", info);
        });
    }
}

fn stream_bytes(s: &Stream) -> Option<Vec<u8>> {
    if s.dict.get(b"Filter").is_ok() {
        s.decompressed_content().ok()
    } else {
        Some(s.content.clone())
    }
}

/// A ToUnicode map that claims more codes than any font has, or is not a stream.
fn hostile_to_unicode(doc: &Document, font: &Dictionary) -> Option<String> {
    let tu = resolve(doc, font.get(b"ToUnicode").ok()?);
    let data = stream_bytes(tu.as_stream().ok()?)?;
    match claimed_codes(&data) {
        None => Some("its ToUnicode map has ranges that run past the last code".into()),
        Some(n) if n > MAX_TO_UNICODE => Some(format!("its ToUnicode map claims {n} codes (at most {MAX_TO_UNICODE} are read)")),
        Some(_) => None,
    }
}

/// Codes a CMap's `bfrange` / `cidrange` sections claim, as pdfplumber would expand them
/// (the full identity cidrange it keeps as a flag, not a table); `None` for a range whose
/// destinations run past 2³² (pdfplumber adds without checking).
fn claimed_codes(data: &[u8]) -> Option<u64> {
    let (mut total, mut overflow) = (0u64, false);
    for (begin, end) in [(&b"beginbfrange"[..], &b"endbfrange"[..]), (b"begincidrange", b"endcidrange")] {
        let mut at = 0;
        while let Some(k) = find(&data[at..], begin) {
            let start = at + k + begin.len();
            let stop = find(&data[start..], end).map_or(data.len(), |e| start + e);
            let section = &data[start..stop];
            // Each entry: <lo> <hi> then a destination (<hex>, [array] or a number).
            let mut hexes = Vec::new();
            let mut i = 0;
            while i < section.len() {
                match section[i] {
                    b'<' => {
                        let close = section[i..].iter().position(|&b| b == b'>').map_or(section.len(), |p| i + p);
                        hexes.push(hex_value(&section[i + 1..close]));
                        i = close + 1;
                    }
                    b'[' => {
                        let close = section[i..].iter().position(|&b| b == b']').map_or(section.len(), |p| i + p);
                        hexes.push(None);
                        i = close + 1;
                    }
                    b'0'..=b'9' => {
                        let n = section[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                        hexes.push(std::str::from_utf8(&section[i..i + n]).ok().and_then(|s| s.parse().ok()).map(|v: u64| v | (1 << 63)));
                        i += n;
                    }
                    _ => i += 1,
                }
                if hexes.len() == 3 {
                    if let (Some(lo), Some(hi)) = (hexes[0], hexes[1]) {
                        let identity = begin == b"begincidrange" && lo == 0 && hi >= 0xFFFF && hexes[2] == Some(1 << 63);
                        let span = hi.saturating_sub(lo);
                        let dst = hexes[2].map_or(0, |d| d & !(1 << 63));
                        overflow |= hi > u64::from(u32::MAX) || (dst <= u64::from(u32::MAX) && dst + span > u64::from(u32::MAX));
                        if !identity {
                            total = total.saturating_add(span + 1);
                        }
                    }
                    hexes.clear();
                }
            }
            at = stop;
        }
    }
    (total > MAX_TO_UNICODE || !overflow).then_some(total)
}

fn hex_value(h: &[u8]) -> Option<u64> {
    let digits: Vec<u8> = h.iter().copied().filter(u8::is_ascii_hexdigit).collect();
    if digits.len() > 16 {
        return Some(u64::MAX);
    }
    u64::from_str_radix(std::str::from_utf8(&digits).ok()?, 16).ok()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Whether the chain of embedded CMaps from `id` comes back to one it has passed.
fn usecmap_loop(doc: &Document, mut id: ObjectId) -> bool {
    let mut seen = vec![id];
    for _ in 0..MAX_USECMAP {
        let next = doc.get_object(id).ok().and_then(|o| o.as_stream().ok()).and_then(|s| s.dict.get(b"UseCMap").ok()).and_then(|o| o.as_reference().ok());
        match next {
            Some(n) if seen.contains(&n) => return true,
            Some(n) => {
                seen.push(n);
                id = n;
            }
            None => return false,
        }
    }
    true
}

/// The descendant's `/W` keyed by code instead of CID for the ASCII codes (the only ones
/// whose CID is known without the CMap's table); the rest take `/DW`, a full em unless the
/// font says otherwise, which is what Chinese glyphs are.
fn rekey_widths(doc: &mut Document, desc: Option<ObjectId>, cids: fn(u32) -> [u32; 2]) {
    let Some(d) = dict_of(doc, desc) else { return };
    let dw = d.get(b"DW").ok().and_then(num).unwrap_or(1000.0);
    let w = d.get(b"W").ok().map(|o| resolve(doc, o)).and_then(|o| o.as_array().ok()).cloned().unwrap_or_default();
    let w: Vec<Object> = w.iter().map(|o| resolve(doc, o).clone()).collect();
    let widths: Vec<Object> = (0x20..=0x7E).map(|c| Object::Real(cids(c).iter().find_map(|&cid| width(&w, cid)).unwrap_or(dw) as f32)).collect();
    if let Some(desc) = desc {
        set(doc, desc, |d| d.set("W", Object::Array(vec![Object::Integer(0x20), Object::Array(widths)])));
    }
}

fn num(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(*r as f64),
        _ => None,
    }
}

/// A CID's width in a `/W` array (`c [w …]` and `first last w` entries).
fn width(w: &[Object], cid: u32) -> Option<f64> {
    let cid = cid as f64;
    let mut i = 0;
    while i + 1 < w.len() {
        let first = num(&w[i])?;
        match &w[i + 1] {
            Object::Array(ws) => {
                if cid >= first && cid < first + ws.len() as f64 {
                    return num(&ws[(cid - first) as usize]);
                }
                i += 2;
            }
            last => {
                if cid >= first && cid <= num(last)? {
                    return w.get(i + 2).and_then(num);
                }
                i += 3;
            }
        }
    }
    None
}

/// A ToUnicode map (CMap text) for an Identity-H font from its embedded TrueType font's
/// cmap table; `None` when there is no embedded TrueType font.
fn embedded_to_unicode(doc: &Document, desc: Option<ObjectId>) -> Option<Result<Vec<u8>, String>> {
    let d = dict_of(doc, desc)?;
    let fd = resolve(doc, d.get(b"FontDescriptor").ok()?).as_dict().ok()?;
    let file = resolve(doc, fd.get(b"FontFile2").ok()?).as_stream().ok()?;
    let Some(bytes) = stream_bytes(file) else { return Some(Err("its embedded font cannot be unpacked".into())) };
    let glyphs = match super::truetype::glyph_unicodes(&bytes) {
        Ok(g) => g,
        Err(e) => return Some(Err(e)),
    };
    // CID → glyph: /Identity (or absent) is the same number; a stream is two bytes a CID.
    let mut pairs: Vec<(u16, char)> = match d.get(b"CIDToGIDMap").ok().map(|o| resolve(doc, o)) {
        Some(Object::Stream(s)) => {
            let Some(map) = stream_bytes(s) else { return Some(Err("its CIDToGIDMap cannot be unpacked".into())) };
            map.chunks_exact(2).take(65_536).enumerate().filter_map(|(cid, g)| glyphs.get(&u16::from_be_bytes([g[0], g[1]])).map(|&c| (cid as u16, c))).collect()
        }
        _ => glyphs.into_iter().collect(),
    };
    if pairs.is_empty() {
        return Some(Err("its embedded font's character map names none of its glyphs".into()));
    }
    pairs.sort_unstable();
    let mut cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n/CMapName /FromFont def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n".to_vec();
    for chunk in pairs.chunks(100) {
        cmap.extend_from_slice(format!("{} beginbfchar\n", chunk.len()).as_bytes());
        for (cid, c) in chunk {
            let utf16: String = c.encode_utf16(&mut [0; 2]).iter().map(|u| format!("{u:04X}")).collect();
            cmap.extend_from_slice(format!("<{cid:04X}> <{utf16}>\n").as_bytes());
        }
        cmap.extend_from_slice(b"endbfchar\n");
    }
    cmap.extend_from_slice(b"endcmap CMapName currentdict /CMap defineresource pop end end\n");
    Some(Ok(cmap))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_claims_what_its_ranges_cover() {
        let bomb = b"1 beginbfrange\n<00000000> <FFFFFFFF> <0041>\nendbfrange";
        assert_eq!(claimed_codes(bomb), Some(1 << 32));
        let fine = b"2 beginbfrange <0020> <007E> <0020> <4E00> <4E01> [<4E00> <4E01>] endbfrange 1 begincidrange <0000> <FFFF> 0 endcidrange";
        assert_eq!(claimed_codes(fine), Some(95 + 2));
        assert_eq!(claimed_codes(b"beginbfrange <0000> <0002> <FFFFFFFF> endbfrange"), None);
    }

    #[test]
    fn an_embedded_truetype_cid_font_gets_one_vertical_metric() {
        let mut doc = Document::with_version("1.4");
        let file = doc.add_object(Stream::new(Dictionary::new(), vec![0; 16]));
        let fd = doc.add_object(Dictionary::from_iter([("Type", Object::Name(b"FontDescriptor".to_vec())), ("FontFile2", Object::Reference(file))]));
        let cid = doc.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Font".to_vec())),
            ("Subtype", Object::Name(b"CIDFontType2".to_vec())),
            ("FontDescriptor", Object::Reference(fd)),
        ]));
        let font = Dictionary::from_iter([
            ("Type", Object::Name(b"Font".to_vec())),
            ("Subtype", Object::Name(b"Type0".to_vec())),
            ("Encoding", Object::Name(b"Identity-H".to_vec())),
            ("ToUnicode", Object::Reference(file)),
            ("DescendantFonts", Object::Array(vec![Object::Reference(cid)])),
        ]);
        assert!(skip_vertical_metrics(&mut doc, &font, Some(cid)));
        assert!(doc.get_object(cid).unwrap().as_dict().unwrap().get(b"W2").is_ok());
        // Once is enough; and vertical text keeps the font's own metrics.
        assert!(!skip_vertical_metrics(&mut doc, &font, Some(cid)));
        let mut vertical = font.clone();
        vertical.set("Encoding", Object::Name(b"Identity-V".to_vec()));
        assert!(!skip_vertical_metrics(&mut doc, &vertical, Some(cid)));
    }

    #[test]
    fn widths_by_cid() {
        let w = vec![Object::Integer(1), Object::Array(vec![Object::Integer(250), Object::Integer(333)]), Object::Integer(13648), Object::Integer(13742), Object::Integer(500)];
        assert_eq!((width(&w, 1), width(&w, 2), width(&w, 3), width(&w, 13700)), (Some(250.0), Some(333.0), None, Some(500.0)));
    }
}
