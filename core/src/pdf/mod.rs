//! The agency's published PDF read into the same [`Plan`] as its text: glyphs with their
//! positions from a PDF library behind [`PageSource`], grouped into text lines
//! ([`lines`]), page furniture set aside ([`furniture`]), the budget table rebuilt from the
//! header's column bands ([`header`], [`table`]) and read by the shared rows reader; the
//! running text above the table (title, 壹, 貳) goes to the text parser. One plan, the
//! same checks and findings, whichever way it came in.
//!
//! Provenance: lines are numbered through the whole document (so spans index the text
//! [`PdfRead::text`] gives, one PDF text line per line, a form feed before each page);
//! findings name the page and the line within the page, as a reader counts it.

mod furniture;
mod guard;
mod header;
mod lines;
mod normalise;
mod plumber;
pub mod source;
mod table;
mod unified;

pub use guard::{is_pdf, Limits, MAX_BYTES};
pub use source::{Glyph, PageContent, PageSource, Problem, Rule};

use crate::diagnostic::{Diagnostic, Finding};
use crate::parser::{parse, parse_with_rows, Parsed};
use crate::plan::Plan;
use crate::span::SourceFile;
use lines::Page;

/// A PDF read: the plan with its findings, and the document's text, line by line, which
/// the plan's spans point into (a programme page shows its source lines from it).
#[derive(Debug, Clone)]
pub struct PdfRead {
    pub parsed: Parsed,
    pub text: String,
}

/// How far reading has got, for a progress message: `page` of `pages` done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub page: usize,
    pub pages: usize,
}

/// Reads a PDF's bytes; `file_name` is recorded in the plan's provenance.
pub fn read_pdf(bytes: &[u8], file_name: &str) -> PdfRead {
    read_pdf_with(bytes, file_name, &Limits::default(), &mut |_| {})
}

/// [`read_pdf`] with explicit bounds, telling `progress` after each page.
pub fn read_pdf_with(bytes: &[u8], file_name: &str, limits: &Limits, progress: &mut dyn FnMut(Progress)) -> PdfRead {
    if let Err(r) = guard::precheck(bytes, limits) {
        let finding = match r {
            guard::Refusal::TooLarge { bytes, max } => Finding::PdfTooLarge { bytes, max },
            guard::Refusal::NotPdf => Finding::NotPdf,
            guard::Refusal::TooManyObjects { count, max } => Finding::PdfTooComplex { detail: format!("more than {max} objects ({count} counted)") },
            guard::Refusal::Inflates { max } => Finding::PdfTooComplex { detail: format!("a compressed stream unpacks to more than {} MB", max >> 20) },
        };
        return failed(finding);
    }
    match plumber::Plumber::open(bytes, limits) {
        Ok(doc) => {
            let mut read = read_source(&doc, limits, progress);
            if let Some(plan_source) = read.parsed.plan.source.as_mut() {
                plan_source.file_name = file_name.to_string();
                plan_source.sha256 = sha256(bytes);
            }
            read
        }
        Err(p) => failed(finding_of(p)),
    }
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn finding_of(p: Problem) -> Finding {
    match p {
        Problem::Encrypted => Finding::PdfEncrypted,
        Problem::Broken(detail) => Finding::BadPdf { detail },
        Problem::TooComplex(detail) => Finding::PdfTooComplex { detail },
    }
}

fn failed(finding: Finding) -> PdfRead {
    PdfRead { parsed: Parsed { plan: Plan::empty(), diagnostics: vec![Diagnostic::error(None, finding)] }, text: String::new() }
}

/// Reads any [`PageSource`] (the swap point; tests feed made-up pages through it).
pub fn read_source(doc: &dyn PageSource, limits: &Limits, progress: &mut dyn FnMut(Progress)) -> PdfRead {
    let count = doc.page_count();
    if count > limits.pages {
        return failed(Finding::PdfTooComplex { detail: format!("{count} pages; at most {} are read", limits.pages) });
    }
    let mut contents = Vec::with_capacity(count);
    let (mut glyphs, mut images) = (0usize, 0usize);
    let mut diags = Vec::new();
    for i in 0..count {
        match doc.page(i) {
            Ok(c) => {
                glyphs = glyphs.saturating_add(c.glyphs.len());
                images = images.saturating_add(c.images);
                contents.push(c);
            }
            Err(Problem::Broken(detail)) => {
                diags.push(Diagnostic { page: Some(i as u32 + 1), ..Diagnostic::error(None, Finding::BadPdf { detail }) });
                contents.push(PageContent::default());
            }
            Err(p) => return failed(finding_of(p)),
        }
        if glyphs > limits.glyphs {
            return failed(Finding::PdfTooComplex { detail: format!("more than {} characters", limits.glyphs) });
        }
        progress(Progress { page: i + 1, pages: count });
    }
    if count == 0 {
        return failed(Finding::BadPdf { detail: "it has no pages".into() });
    }
    if glyphs == 0 {
        return failed(Finding::PdfNoText { pages: count, images });
    }
    let pages = layout(contents);
    let text = document_text(&pages, true, |_, _| true);
    let mut parsed = match table::read(&pages) {
        Some(t) => {
            let running = document_text(&pages, false, |p, i| (p, i) < (t.page, t.line));
            let mut parsed = parse_with_rows(&running, Some((&t.rows, t.unit)));
            parsed.diagnostics.extend(t.stray.iter().map(|&(line, _)| Diagnostic::warning(Some(line), Finding::StrayText)));
            parsed
        }
        None => without_table(&pages),
    };
    parsed.diagnostics.splice(0..0, diags);
    for d in &mut parsed.diagnostics {
        place(d, &pages);
    }
    parsed.plan.source = Some(SourceFile {
        format: "pdf".into(),
        file_name: String::new(),
        sha256: String::new(),
        pages: pages.len() as u32,
        page_starts: pages.iter().map(|p| p.first_line).collect(),
    });
    PdfRead { parsed, text }
}

/// No header row anywhere: the text may still be a goals-only document (a partial plan);
/// otherwise say what was found.
fn without_table(pages: &[Page]) -> Parsed {
    let mut parsed = parse(&document_text(pages, false, |_, _| true));
    let partial = parsed.diagnostics.iter().any(|d| matches!(d.finding, Finding::NoBudgetTable { .. }));
    if parsed.plan.programmes.is_empty() && !partial {
        parsed.diagnostics.retain(|d| !matches!(d.finding, Finding::MissingSection { section: crate::diagnostic::Section::BudgetTable } | Finding::NoProgrammes | Finding::StrayText));
        let lines = pages.iter().map(|p| p.lines.len()).sum();
        parsed.diagnostics.push(Diagnostic::error(None, Finding::PdfNoTable { pages: pages.len(), lines, goals: parsed.plan.goals.len() }));
    }
    parsed
}

fn layout(contents: Vec<PageContent>) -> Vec<Page> {
    let mut next = 1u32;
    let mut pages: Vec<Page> = contents
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let lines = lines::group(c.glyphs);
            let first_line = next;
            next = next.saturating_add(lines.len() as u32);
            Page { number: i as u32 + 1, first_line, height: c.height, lines, furniture: Vec::new(), rules: c.rules }
        })
        .collect();
    let marks = furniture::mark(&pages.iter().map(|p| (p.height, p.lines.as_slice())).collect::<Vec<_>>());
    for (p, m) in pages.iter_mut().zip(marks) {
        p.furniture = m;
    }
    pages
}

/// The document's lines, one per text line, a form feed before each page after the first;
/// lines `keep` refuses (and furniture, unless `furniture`) are left blank, so line
/// numbers stay the same.
fn document_text(pages: &[Page], furniture: bool, keep: impl Fn(usize, usize) -> bool) -> String {
    let mut s = String::new();
    let mut first = true;
    for (p, page) in pages.iter().enumerate() {
        for (i, l) in page.lines.iter().enumerate() {
            if !first {
                s.push('\n');
            }
            first = false;
            if p > 0 && i == 0 {
                s.push('\u{c}');
            }
            if keep(p, i) && (furniture || !page.furniture[i]) {
                s.push_str(&l.text());
            }
        }
    }
    s
}

/// A finding's document-wide line as page and line within the page.
fn place(d: &mut Diagnostic, pages: &[Page]) {
    let Some(line) = d.line else { return };
    let at = pages.partition_point(|p| p.first_line <= line);
    if let Some(p) = at.checked_sub(1).map(|i| &pages[i]) {
        d.page = Some(p.number);
        d.line = Some(line - p.first_line + 1);
    }
}
