//! [`PageSource`] over the `pdfplumber` crate (a Rust port of Python's pdfplumber on lopdf).

use super::fonts;
use super::guard::Limits;
use super::source::{Glyph, PageContent, PageSource, Problem, Rule, Undecodable};
use pdfplumber::{ExtractOptions, Pdf, PdfErrorKind};
use std::collections::{BTreeMap, HashMap, HashSet};

pub struct Plumber {
    pdf: Pdf,
    /// Fonts refused as a whole (see [`fonts`]): name → why.
    refused: HashMap<String, String>,
    /// Fonts on a Big5 CMap, whose user-defined codes are refused glyph by glyph.
    big5: HashSet<String>,
}

/// Undecodable glyphs a page may lose and still be read: a stray symbol (a bullet in a
/// dingbat font) is no reason to drop a page; more, and the page's text would be read with
/// holes in names and amounts, so none of it is.
const STRAY_GLYPHS: usize = 3;

/// A glyph whose text is no character: pdfplumber's `(cid:N)` for a code it could not map,
/// U+FFFD from a decoder, control characters, private-use code points (a font's own).
fn undecodable(text: &str) -> bool {
    text.starts_with("(cid:")
        || text.chars().any(|c| c == '\u{FFFD}' || c.is_control() || matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF))
}

fn problem(e: &pdfplumber::PdfError) -> Problem {
    match e.kind() {
        PdfErrorKind::PasswordRequired | PdfErrorKind::InvalidPassword => Problem::Encrypted,
        PdfErrorKind::ResourceLimit => Problem::TooComplex(e.to_string()),
        _ => Problem::Broken(e.to_string()),
    }
}

/// A document whose fonts are put into terms pdfplumber reads right ([`fonts`]), its
/// structure tree dropped: ready for pdfplumber's own parse, which is a step apart, so that
/// a caller can let the browser paint between them.
pub struct Mended {
    /// The bytes saved again, when a font was changed.
    amended: Option<Vec<u8>>,
    refused: HashMap<String, String>,
    big5: HashSet<String>,
}

/// A document as lopdf parsed it, its page tree checked: what [`Mended::of`] mends. A step
/// of its own, so that the two halves (each about a quarter of a second for a 392-page
/// book in the browser) are two tasks, not one.
pub struct Loaded(lopdf::Document);

impl Loaded {
    pub fn of(bytes: &[u8]) -> Result<Loaded, Problem> {
        check_page_tree(bytes).map(Loaded)
    }
}

impl Mended {
    pub fn of(loaded: Loaded) -> Result<Mended, Problem> {
        let mut doc = loaded.0;
        let fonts = fonts::prepare(&mut doc);
        let untagged = drop_structure(&mut doc);
        let amended = if fonts.changed || untagged {
            let mut out = Vec::new();
            let mended = match (fonts.changed, untagged) {
                (true, true) => "its fonts and structure",
                (true, false) => "its fonts",
                _ => "its structure",
            };
            doc.save_to(&mut out).map_err(|e| Problem::Broken(format!("{mended} could not be prepared for reading: {e}")))?;
            Some(out)
        } else {
            None
        };
        Ok(Mended { amended, refused: fonts.refused, big5: fonts.big5 })
    }
}

/// Drops a tagged PDF's structure tree, which this reader never uses: pdfplumber reads it
/// whole and then walks all of it again for every page. Word tags every paragraph and
/// table cell; in 內政部's 392-page book that walk was a fifth of the reading time, and its
/// thousands of objects a good part of the parse. `true` when there was one.
fn drop_structure(doc: &mut lopdf::Document) -> bool {
    let dropped = doc.catalog_mut().is_ok_and(|catalog| catalog.remove(b"StructTreeRoot").is_some());
    if dropped {
        // The tree's elements, now referenced by nothing, are not written again. (Not
        // lopdf's `prune_objects`: it keeps the objects seen in a list, and took 0.4 s.)
        let kept = reachable(doc);
        doc.objects.retain(|id, _| kept.contains(id));
    }
    dropped
}

/// Every object the trailer leads to.
fn reachable(doc: &lopdf::Document) -> HashSet<lopdf::ObjectId> {
    use lopdf::Object;
    let mut seen = HashSet::new();
    let mut todo: Vec<&Object> = doc.trailer.iter().map(|(_, o)| o).collect();
    while let Some(o) = todo.pop() {
        match o {
            Object::Reference(id) if seen.insert(*id) => todo.extend(doc.objects.get(id)),
            Object::Array(items) => todo.extend(items),
            Object::Dictionary(d) => todo.extend(d.iter().map(|(_, v)| v)),
            Object::Stream(s) => todo.extend(s.dict.iter().map(|(_, v)| v)),
            _ => {}
        }
    }
    seen
}

impl Plumber {
    /// Opens `bytes` as [`Mended::of`] left them.
    pub fn open_mended(bytes: &[u8], mended: Mended, limits: &Limits) -> Result<Plumber, Problem> {
        let options = ExtractOptions {
            max_recursion_depth: limits.form_depth,
            max_objects_per_page: limits.objects_per_page,
            max_stream_bytes: limits.stream_bytes,
            collect_warnings: false,
            max_input_bytes: Some(limits.bytes),
            max_pages: Some(limits.pages),
            max_total_objects: Some(limits.objects_total),
            max_total_image_bytes: Some(0),
            ..ExtractOptions::default()
        };
        let Mended { amended, refused, big5 } = mended;
        let bytes = amended.as_deref().unwrap_or(bytes);
        Pdf::open(bytes, Some(options)).map(|pdf| Plumber { pdf, refused, big5 }).map_err(|e| problem(&e))
    }
}

impl PageSource for Plumber {
    fn page_count(&self) -> usize {
        self.pdf.page_count()
    }

    fn page(&self, index: usize) -> Result<PageContent, Problem> {
        let page = self.pdf.page(index).map_err(|e| problem(&e))?;
        let mut glyphs = Vec::new();
        let mut bad: BTreeMap<&str, (usize, Option<String>)> = BTreeMap::new();
        for c in page.chars().iter().filter(|c| c.upright && !c.text.is_empty()) {
            // A symbol font's characters where Word's map puts them (U+F0xx).
            let mended = super::symbol::SymbolFont::of(&c.fontname).and_then(|f| f.read_private(&c.text));
            let text = mended.as_deref().unwrap_or(&c.text);
            let why = if let Some(why) = self.refused.get(&c.fontname) {
                Some(Some(why.clone()))
            } else if self.big5.contains(&c.fontname) && fonts::big5_user_defined(c.char_code) {
                Some(Some(format!("Big5 code {:X} is a user-defined character (造字), which no standard maps", c.char_code)))
            } else {
                undecodable(text).then_some(None)
            };
            if let Some(why) = why {
                let entry = bad.entry(c.fontname.as_str()).or_default();
                entry.0 += 1;
                entry.1 = entry.1.take().or(why);
            } else {
                glyphs.push(Glyph { text: text.to_string(), x0: c.bbox.x0, x1: c.bbox.x1, top: c.bbox.top, bottom: c.bbox.bottom, size: c.size });
            }
        }
        let lost: usize = bad.values().map(|b| b.0).sum();
        let page_skipped = lost > STRAY_GLYPHS;
        if page_skipped {
            glyphs.clear();
        }
        let undecodable = bad
            .into_iter()
            .map(|(font, (glyphs, reason))| Undecodable {
                // pdfplumber names a font by its descriptor; a Type 3 font often has none.
                font: if font == "unknown" { "(no name: a Type 3 font, or one without a descriptor)".into() } else { font.to_string() },
                glyphs,
                reason,
                page_skipped,
            })
            .collect();
        let mut rules: Vec<Rule> = page.lines().iter().map(|l| Rule { x0: l.x0, top: l.top, x1: l.x1, bottom: l.bottom }).collect();
        for r in page.rects() {
            let (x0, x1, top, bottom) = (r.x0, r.x1, r.top, r.bottom);
            // A thin filled box is a border drawn as a rectangle; a wide one has four edges.
            if (x1 - x0) <= 2.5 || (bottom - top) <= 2.5 {
                rules.push(Rule { x0, top, x1, bottom });
            } else if r.stroke {
                rules.extend([
                    Rule { x0, top, x1, bottom: top },
                    Rule { x0, top: bottom, x1, bottom },
                    Rule { x0, top, x1: x0, bottom },
                    Rule { x0: x1, top, x1, bottom },
                ]);
            }
        }
        rules.retain(|r| [r.x0, r.x1, r.top, r.bottom].iter().all(|v| v.is_finite()));
        Ok(PageContent { width: page.width(), height: page.height(), glyphs, rules, images: page.images().len(), undecodable })
    }
}

/// pdfplumber follows a page's /Parent chain for inherited boxes without a bound, so a
/// page that is its own ancestor hangs it (found by fuzzing). The chain is walked here
/// first, with one. A file lopdf cannot load as it is is refused too: pdfplumber would
/// rebuild its cross-reference table and walk that tree unchecked.
fn check_page_tree(bytes: &[u8]) -> Result<lopdf::Document, Problem> {
    let start = bytes.windows(5).take(1024).position(|w| w == b"%PDF-").unwrap_or(0);
    let doc = match lopdf::Document::load_mem(&bytes[start..]) {
        Ok(doc) => doc,
        Err(lopdf::Error::Decryption(_)) | Err(lopdf::Error::InvalidPassword) => return Err(Problem::Encrypted),
        Err(e) => return Err(Problem::Broken(format!("its structure cannot be read: {e}"))),
    };
    for id in doc.get_pages().into_values() {
        let mut seen = std::collections::HashSet::new();
        let mut at = id;
        while let Ok(dict) = doc.get_object(at).and_then(|o| o.as_dict()) {
            if !seen.insert(at) || seen.len() > 64 {
                return Err(Problem::Broken("a page is its own ancestor in the page tree".into()));
            }
            match dict.get(b"Parent").and_then(|p| p.as_reference()) {
                Ok(parent) => at = parent,
                Err(_) => break,
            }
        }
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{dictionary, Document, Object};

    #[test]
    fn a_structure_tree_is_dropped_and_what_the_pages_use_is_kept() {
        let mut doc = Document::with_version("1.7");
        let pages = doc.new_object_id();
        let font = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" });
        let page = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages, "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } } });
        doc.objects.insert(pages, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }));
        // A paragraph's element points at its page; the page points at nothing of the tree.
        let paragraph = doc.add_object(dictionary! { "Type" => "StructElem", "S" => "P", "Pg" => page, "K" => 0 });
        let root = doc.add_object(dictionary! { "Type" => "StructTreeRoot", "K" => vec![paragraph.into()] });
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages, "StructTreeRoot" => root });
        doc.trailer.set("Root", catalog);

        assert!(drop_structure(&mut doc));
        assert!(doc.catalog().unwrap().get(b"StructTreeRoot").is_err());
        assert!(!doc.objects.contains_key(&root) && !doc.objects.contains_key(&paragraph), "the tree's objects are gone");
        assert!([catalog, pages, page, font].iter().all(|id| doc.objects.contains_key(id)), "what the page uses stays");
        assert!(!drop_structure(&mut doc), "an untagged document is left as it is");
    }
}
