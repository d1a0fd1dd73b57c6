//! [`PageSource`] over the `pdfplumber` crate (a Rust port of Python's pdfplumber on lopdf).

use super::guard::Limits;
use super::source::{Glyph, PageContent, PageSource, Problem, Rule};
use pdfplumber::{ExtractOptions, Pdf, PdfErrorKind};

pub struct Plumber {
    pdf: Pdf,
}

fn problem(e: &pdfplumber::PdfError) -> Problem {
    match e.kind() {
        PdfErrorKind::PasswordRequired | PdfErrorKind::InvalidPassword => Problem::Encrypted,
        PdfErrorKind::ResourceLimit => Problem::TooComplex(e.to_string()),
        _ => Problem::Broken(e.to_string()),
    }
}

impl Plumber {
    pub fn open(bytes: &[u8], limits: &Limits) -> Result<Plumber, Problem> {
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
        check_page_tree(bytes)?;
        Pdf::open(bytes, Some(options)).map(|pdf| Plumber { pdf }).map_err(|e| problem(&e))
    }
}

impl PageSource for Plumber {
    fn page_count(&self) -> usize {
        self.pdf.page_count()
    }

    fn page(&self, index: usize) -> Result<PageContent, Problem> {
        let page = self.pdf.page(index).map_err(|e| problem(&e))?;
        let glyphs = page
            .chars()
            .iter()
            .filter(|c| c.upright && !c.text.is_empty())
            .map(|c| Glyph { text: c.text.clone(), x0: c.bbox.x0, x1: c.bbox.x1, top: c.bbox.top, bottom: c.bbox.bottom, size: c.size })
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
        Ok(PageContent { width: page.width(), height: page.height(), glyphs, rules, images: page.images().len() })
    }
}

/// pdfplumber follows a page's /Parent chain for inherited boxes without a bound, so a
/// page that is its own ancestor hangs it (found by fuzzing). The chain is walked here
/// first, with one. A file lopdf cannot load as it is is refused too: pdfplumber would
/// rebuild its cross-reference table and walk that tree unchecked.
fn check_page_tree(bytes: &[u8]) -> Result<(), Problem> {
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
    Ok(())
}
