//! Reads the standard 施政計畫 text layout (as extracted from the PDF) into a [`Plan`].
//!
//! The parser never panics and never gives up: it returns whatever it could read plus
//! [`Diagnostic`]s with line numbers. Sections:
//! 壹 vision and missions ([`preamble`]), 貳 goals and strategies ([`goals`]),
//! 參 the programme/budget table ([`table`]); [`validate`] checks the figures afterwards.

mod goals;
mod key_points;
mod layout;
#[cfg_attr(not(feature = "pdf"), allow(unused_imports))]
pub(crate) use layout::header_unit;
pub(crate) mod notes;
pub(crate) mod outline;
mod preamble;
pub mod rows;
mod table;
pub mod validate;

use crate::diagnostic::{Diagnostic, Finding, Section};
use crate::plan::Plan;

/// One non-blank line of the source, normalised, with its 1-based line number.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    pub no: u32,
    pub text: std::borrow::Cow<'a, str>,
    /// Counted from form feeds, when the text has any.
    pub page: Option<u32>,
}

/// A parse result: the plan as far as it could be read, and what went wrong.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Parsed {
    pub plan: Plan,
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    pub fn has_errors(&self) -> bool {
        crate::diagnostic::has_errors(&self.diagnostics)
    }
}

/// Parses raw bytes in UTF-8, UTF-16 or Big5 ([`crate::decode`]); an Info diagnostic names
/// the encoding when it was not UTF-8, and bytes no encoding fits are reported with their
/// position.
pub fn parse_bytes(bytes: &[u8]) -> Parsed {
    match crate::decode::decode(bytes) {
        Ok(d) => with_encoding(parse(&d.text), &d),
        Err(e) => Parsed { plan: Plan::empty(), diagnostics: vec![e] },
    }
}

fn with_encoding(mut parsed: Parsed, d: &crate::decode::Decoded) -> Parsed {
    if let Some(info) = d.diagnostic() {
        parsed.diagnostics.insert(0, info);
    }
    parsed
}

/// Parses plan text.
pub fn parse(text: &str) -> Parsed {
    parse_with_rows(text, None)
}

/// The PDF reader's way in: the running text (title, 壹, 貳) is read as text, the budget
/// table arrives as rows of cells rebuilt from the page (with its unit, as a multiplier to
/// 千元), so both ways in share every check.
#[cfg_attr(not(feature = "pdf"), allow(dead_code))]
pub(crate) fn parse_with_rows(text: &str, table_rows: Option<(&[rows::TableRow], rust_decimal::Decimal)>) -> Parsed {
    let mut diags = Vec::new();
    let mut plan = Plan::empty();

    if let Some(d) = binary_check(text) {
        return Parsed { plan, diagnostics: vec![d] };
    }
    let lines = split_lines(text);
    let Some(first) = lines.first() else {
        if table_rows.is_none() {
            diags.push(Diagnostic::error(Some(1), Finding::Empty));
            return Parsed { plan, diagnostics: diags };
        }
        diags.push(Diagnostic::warning(None, Finding::NoTitle));
        plan.programmes = table_rows.map(|(rows, unit)| rows::read_rows(rows, unit, &mut diags)).unwrap_or_default();
        return finish(plan, diags);
    };

    preamble::read_title(first, &mut plan, &mut diags);
    if let Some(shape) = key_points::detect(&lines).filter(|_| table_rows.is_none()) {
        key_points::read(&lines[1..], shape, &mut plan, &mut diags);
        diags.push(Diagnostic::warning(lines.last().map(|l| l.no), Finding::NoBudgetTable { goals: plan.goals.len() }));
        return finish(plan, diags);
    }
    let sections = find_sections(&lines);
    let body = |key: char| sections.iter().find(|s| s.key == key).map(|s| &lines[s.start..s.end]);

    // A missing section is reported where it should have started: at the next section's
    // heading, or at the end of the text.
    let missing_at = |key: char| {
        let order = ['壹', '貳', '參'];
        let after = order.iter().position(|k| *k == key).map(|i| &order[i + 1..]).unwrap_or(&[]);
        let next = sections.iter().filter(|s| after.contains(&s.key)).map(|s| lines[s.start - 1].no).min();
        next.or(lines.last().map(|l| l.no))
    };
    match body('壹') {
        Some(ls) => preamble::read_vision_and_missions(ls, &mut plan, &mut diags),
        None => diags.push(missing_section(missing_at('壹'), Section::VisionAndMissions, crate::Severity::Warning)),
    }
    match body('貳') {
        Some(ls) => goals::read_goals(ls, &mut plan, &mut diags),
        None => diags.push(missing_section(missing_at('貳'), Section::GoalsAndStrategies, crate::Severity::Warning)),
    }
    match (table_rows, body('參')) {
        (Some((rows, unit)), _) => plan.programmes = rows::read_rows(rows, unit, &mut diags),
        (None, Some(ls)) => {
            let title = plan.title.clone();
            table::read_table(ls, &title, &mut plan, &mut diags)
        }
        // Goals without a table are a partial plan: what it holds is right, only the money is missing.
        (None, None) if !plan.goals.is_empty() => diags.push(Diagnostic::warning(missing_at('參'), Finding::NoBudgetTable { goals: plan.goals.len() })),
        (None, None) => diags.push(missing_section(missing_at('參'), Section::BudgetTable, crate::Severity::Error)),
    }
    finish(plan, diags)
}

fn finish(mut plan: Plan, mut diags: Vec<Diagnostic>) -> Parsed {
    validate::validate(&plan, &mut diags);
    validate::sanitize(&mut plan);
    crate::order::sort_by_key(&mut diags, |d| (d.line.unwrap_or(0), std::cmp::Reverse(d.severity)));
    Parsed { plan, diagnostics: diags }
}

fn missing_section(line: Option<u32>, section: Section, severity: crate::Severity) -> Diagnostic {
    Diagnostic::new(severity, line, Finding::MissingSection { section })
}

/// Rejects input that is not text at all (binary garbage), naming the first bad line.
fn binary_check(text: &str) -> Option<Diagnostic> {
    let mut bad = 0usize;
    let mut first_line = None;
    let mut line = 1u32;
    let mut total = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\n' {
            line += 1;
        } else if (c.is_control() && !matches!(c, '\t' | '\r' | '\u{c}')) || c == '\u{fffd}' {
            bad += 1;
            first_line.get_or_insert(line);
        }
    }
    if bad > 0 && (text.contains('\0') || bad * 100 > total) {
        return Some(Diagnostic::error(first_line, Finding::BinaryInput { bad }));
    }
    None
}

/// Splits into non-blank, normalised lines. A form feed (page break) is a line break.
fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let paged = text.contains('\u{c}');
    let mut page = 1u32;
    for (i, raw) in text.split('\n').enumerate() {
        let no = (i + 1).min(u32::MAX as usize) as u32;
        for (k, piece) in raw.split('\u{c}').enumerate() {
            page = page.saturating_add((k > 0) as u32);
            let t = piece.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}');
            if !t.is_empty() {
                out.push(Line { no, text: normalise(t), page: paged.then_some(page) });
            }
        }
    }
    out
}

/// Reads `ㄧ` as `一` and full-width brackets as ASCII, so numbering is recognised one way.
fn normalise(t: &str) -> std::borrow::Cow<'_, str> {
    if t.contains(['ㄧ', '（', '）']) {
        std::borrow::Cow::Owned(t.replace('ㄧ', "一").replace('（', "(").replace('）', ")"))
    } else {
        std::borrow::Cow::Borrowed(t)
    }
}

struct SectionSpan {
    key: char,
    start: usize,
    end: usize,
}

/// Finds the 壹/貳/參(/肆…) section headings; each section runs to the next heading.
fn find_sections(lines: &[Line]) -> Vec<SectionSpan> {
    let mut heads: Vec<(char, usize)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let mut cs = l.text.chars();
        if let (Some(k), Some('、')) = (cs.next(), cs.next()) {
            if matches!(k, '壹' | '貳' | '參' | '肆' | '伍' | '陸') && !heads.iter().any(|(h, _)| *h == k) {
                heads.push((k, i));
            }
        }
    }
    heads.iter().enumerate().map(|(n, (k, i))| SectionSpan { key: *k, start: i + 1, end: heads.get(n + 1).map(|h| h.1).unwrap_or(lines.len()) }).collect()
}

/// Reads either canonical JSON (text starting with `{`) or plan text, and validates it.
///
/// With the `pdf` feature a PDF (told by `%PDF-`) is read by [`crate::pdf::read_pdf`]; use
/// that directly to keep the document's text and record the file's name.
pub fn read_any(bytes: &[u8]) -> Parsed {
    #[cfg(feature = "pdf")]
    if crate::pdf::is_pdf(bytes) {
        return crate::pdf::read_pdf(bytes, "").parsed;
    }
    read_text_or_json(bytes)
}

/// [`read_any`] without the PDF reader: what a caller uses that must not link it (the web
/// reads stored plans with it, and the PDF code is a chunk of its own there).
pub fn read_text_or_json(bytes: &[u8]) -> Parsed {
    let decoded = match crate::decode::decode(bytes) {
        Ok(d) => d,
        Err(e) => return Parsed { plan: Plan::empty(), diagnostics: vec![e] },
    };
    let text = decoded.text.trim_start();
    if text.starts_with('{') {
        let parsed = match Plan::from_json(text) {
            Ok(mut plan) => {
                let diagnostics = validate::check(&plan);
                validate::sanitize(&mut plan);
                Parsed { plan, diagnostics }
            }
            Err(e) => {
                let line = e.strip_prefix("line ").and_then(|r| r.split(',').next()).and_then(|n| n.parse().ok());
                Parsed { plan: Plan::empty(), diagnostics: vec![Diagnostic::error(line, Finding::BadJson { detail: e })] }
            }
        };
        return with_encoding(parsed, &decoded);
    }
    with_encoding(parse(&decoded.text), &decoded)
}
