//! Pages read → the plan: text lines numbered through the document, furniture marked,
//! the table rebuilt, the running text parsed, findings placed on their page.

use super::lines::{self, Page};
use super::source::PageContent;
use super::{book, furniture, table, PdfRead};
use crate::diagnostic::{Diagnostic, Finding};
use crate::parser::{parse, parse_with_rows, Parsed};
use crate::span::SourceFile;

/// The plan in `contents` (one per page); `diags` are findings about single pages.
pub(super) fn assemble(contents: Vec<PageContent>, diags: Vec<Diagnostic>) -> PdfRead {
    let pages = layout(contents);
    let text = document_text(&pages, true, |_, _| true);
    // A unit budget book first: its 歲出計畫提要 pages have words of a plan's header.
    let book = book::read(&pages);
    let plan_table = if book.is_none() { table::read(&pages) } else { None };
    let mut parsed = match (book, plan_table) {
        (Some(b), _) => b.parsed,
        (None, Some(t)) => {
            let running = document_text(&pages, false, |p, i| (p, i) < (t.page, t.line));
            let mut parsed = parse_with_rows(&running, Some((&t.rows, t.unit)));
            parsed.diagnostics.extend(t.stray.iter().map(|&(line, _)| Diagnostic::warning(Some(line), Finding::StrayText)));
            parsed
        }
        (None, None) => {
            let mut parsed = without_table(&pages);
            // A book with no table this reader reads: what its pages are.
            parsed.diagnostics.extend(book::pages_report_of(&pages));
            parsed
        }
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
        sheet: None,
    });
    PdfRead { parsed, text }
}

/// No header row anywhere: the text may still be a goals-only document (a partial plan);
/// otherwise say what was found.
fn without_table(pages: &[Page]) -> Parsed {
    let mut parsed = parse(&document_text(pages, false, |_, _| true));
    // Goals without a 參 section are a partial plan; a 參 heading promises a table.
    let partial = parsed.diagnostics.iter().any(|d| matches!(d.finding, Finding::NoBudgetTable { .. }));
    let promised = pages.iter().flat_map(|p| &p.lines).any(|l| l.text().starts_with("參、"));
    if parsed.plan.programmes.is_empty() && (!partial || promised) {
        parsed.diagnostics.retain(|d| {
            !matches!(
                d.finding,
                Finding::MissingSection { section: crate::diagnostic::Section::BudgetTable }
                    | Finding::NoProgrammes
                    | Finding::StrayText
                    | Finding::NoBudgetTable { .. }
            )
        });
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
