//! Rows of cells → programmes. The one place that reads what a budget table's cells say:
//! budgets (ASCII or full-width digits), notes split into funding sources, the stated
//! 合計/總計, sources no list knows.
//!
//! Two readers feed it: the text reader ([`super::table`]), which rebuilds rows from lines
//! where the four columns arrive interleaved, and the PDF reader (a later issue), which
//! rebuilds them from glyph positions. Each gives every piece of a cell with the line (and
//! page) it came from, so provenance and diagnostics are the same whichever way a plan came in.

use super::notes::{amount_value, scan};
use super::outline::marker;
use crate::diagnostic::{Diagnostic, Finding, Severity};
use crate::funding::{canonical_name, is_recognised, kind_of, FundingKind};
use crate::money::Money;
use crate::programme::{FundingNote, Item, Programme};
use crate::span::Span;
use crate::text::push_fragment;
use rust_decimal::Decimal;
use std::collections::HashSet;

/// One line of a cell, as written, with where it came from. `end` is the last line when
/// a reader joined several into one piece (a budget figure wrapped in a narrow cell).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub line: u32,
    pub end: u32,
    pub page: Option<u32>,
}

impl Piece {
    pub fn new(text: impl Into<String>, line: u32, page: Option<u32>) -> Piece {
        Piece { text: text.into(), line, end: line, page }
    }

    /// Another line of the same figure.
    pub fn join(&mut self, next: &Piece) {
        self.text.push_str(&next.text);
        self.end = self.end.max(next.end);
    }
}

/// A programme row: its number (`一、` = 1) and the pieces of its four cells, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RowCells {
    pub number: u32,
    /// The name cell; the first piece is the text after `N、` on the heading line.
    pub name: Vec<Piece>,
    /// The items cell: a piece starting `(一)` starts an item, others continue the last one.
    pub items: Vec<Piece>,
    /// The budget cell: the amount token alone.
    pub budget: Option<Piece>,
    /// The note cell, in order; pieces are read as one text, so a name may wrap between them.
    pub notes: Vec<Piece>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableRow {
    Programme(RowCells),
    /// A 合計/總計 row; the piece is its amount token.
    Total(Piece),
}

fn diag(severity: Severity, p: &Piece, finding: Finding) -> Diagnostic {
    Diagnostic { severity, line: Some(p.line), page: p.page, finding }
}

/// Reads the rows. `unit` converts the budget column's amounts and the total to 千元 (1 for
/// 千元, 10 for 萬元, 0.001 for 元); a note's amounts are in the unit the note names.
pub fn read_rows(rows: &[TableRow], unit: Decimal, diags: &mut Vec<Diagnostic>) -> Vec<Programme> {
    let mut programmes = Vec::new();
    let mut totals = Vec::new();
    let mut named = HashSet::new();
    for r in rows {
        match r {
            TableRow::Programme(c) => programmes.push(programme(c, unit, &mut named, diags)),
            TableRow::Total(p) => totals.push(p),
        }
    }
    let sum: Money = programmes.iter().map(|p: &Programme| p.budget).sum();
    for p in totals {
        match amount_value(&p.text) {
            // The sum is what the site shows; a total that disagrees is worth a look, but
            // every figure it would be checked against is still the document's own.
            Some(a) if in_thousands(a, unit) != sum => diags.push(diag(Severity::Warning, p, Finding::TotalMismatch { stated: in_thousands(a, unit), sum })),
            Some(_) => {}
            None => diags.push(diag(Severity::Warning, p, Finding::BudgetNotANumber { programme: None, column: None, written: p.text.clone() })),
        }
    }
    programmes
}

/// An amount in 千元 written with no more decimals than it has: 3,450,000 元 is `3450`, not
/// `3450.000`, in every export.
fn in_thousands(amount: Decimal, unit: Decimal) -> Money {
    Money((amount * unit).normalize())
}

fn programme(c: &RowCells, unit: Decimal, named: &mut HashSet<String>, diags: &mut Vec<Diagnostic>) -> Programme {
    let all = c.name.iter().chain(&c.items).chain(&c.budget).chain(&c.notes);
    let span = all.fold(Span::default(), |s, p| s.join(Span::line(p.line)));
    let mut name = String::new();
    for p in &c.name {
        push_fragment(&mut name, &p.text);
    }
    let mut budget = Money::ZERO;
    let mut budget_span = Span::default();
    match &c.budget {
        Some(p) => {
            budget_span = Span { start: p.line, end: p.end };
            match amount_value(&p.text) {
                Some(a) => {
                    budget = in_thousands(a, unit);
                    if a.is_sign_negative() {
                        diags.push(diag(Severity::Error, p, Finding::NegativeBudget { programme: c.number }));
                    }
                }
                None => diags.push(diag(Severity::Error, p, Finding::BudgetNotANumber { programme: Some(c.number), column: None, written: p.text.clone() })),
            }
        }
        None => {
            let at = c.name.first().map(|p| Piece::new("", span.start, p.page)).unwrap_or_else(|| Piece::new("", span.start, None));
            diags.push(diag(Severity::Error, &at, Finding::NoBudget { programme: c.number, name: name.clone() }));
        }
    }
    Programme {
        number: c.number,
        name,
        items: items(&c.items),
        budget,
        funding: notes(&c.notes, named, diags),
        classification: Vec::new(),
        book: None,
        span,
        budget_span,
    }
}

fn items(pieces: &[Piece]) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    for p in pieces {
        if let Some((n, rest)) = marker(&p.text) {
            let mut t = String::new();
            push_fragment(&mut t, rest);
            out.push(Item { number: Some(n), text: t, span: Span::line(p.line) });
        } else if let Some(item) = out.last_mut() {
            push_fragment(&mut item.text, &p.text);
            item.span = item.span.join(Span::line(p.line));
        } else {
            let mut t = String::new();
            push_fragment(&mut t, &p.text);
            out.push(Item { number: None, text: t, span: Span::line(p.line) });
        }
    }
    out
}

/// The note cell as one text; each byte offset maps back to its piece.
fn notes(pieces: &[Piece], named: &mut HashSet<String>, diags: &mut Vec<Diagnostic>) -> Vec<FundingNote> {
    let mut text = String::new();
    let mut starts = Vec::new();
    for p in pieces {
        let t = p.text.trim();
        // Between two ASCII words a line break is a space; between Chinese it is nothing
        // (a cell may wrap `9,600千` / `元`).
        if text.trim_end().ends_with(|c: char| c >= '\u{2e80}') && t.starts_with(|c: char| c >= '\u{2e80}') {
            text.pop();
        }
        starts.push(text.len());
        text.push_str(t);
        text.push(' ');
    }
    let piece_at = |at: usize| &pieces[starts.partition_point(|s| *s <= at).saturating_sub(1)];
    let s = scan(&text);
    let mut out = Vec::new();
    for src in &s.sources {
        let (first, last) = (piece_at(src.name_at), piece_at(src.end.saturating_sub(1)));
        let span = Span::line(first.line).join(Span::line(last.line));
        let Some(amount) = amount_value(src.amount).filter(|_| !src.amount.is_empty()) else {
            diags.push(diag(Severity::Error, last, Finding::NoteNotANumber { written: text[src.name_at..src.end].trim().to_string() }));
            continue;
        };
        // A note names its own unit (千元 in almost every plan); the table's unit is the budget column's.
        let amount = in_thousands(amount, src.unit);
        let written: String = src.name.chars().filter(|c| !c.is_whitespace()).collect();
        if written.is_empty() {
            diags.push(diag(Severity::Warning, last, Finding::NoteWithoutSource { written: amount.fmt_thousands() }));
            continue;
        }
        let source = canonical_name(&written);
        let kind = kind_of(&source);
        if !is_recognised(&source) && kind != FundingKind::CityGeneral && named.insert(source.clone()) {
            diags.push(diag(Severity::Info, first, Finding::UnrecognisedSource { name: source.clone(), special_fund: kind == FundingKind::SpecialFund }));
        }
        let written_as = (source != written).then_some(written);
        out.push(FundingNote { source, written_as, amount, span });
    }
    if !s.tail.is_empty() {
        diags.push(diag(
            Severity::Warning,
            piece_at(s.tail_at),
            Finding::NoteWithoutAmount { written: s.tail.chars().filter(|c| !c.is_whitespace()).collect() },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str, line: u32) -> Piece {
        Piece::new(text, line, Some(2))
    }

    #[test]
    fn a_row_of_cells_becomes_a_programme_with_its_lines() {
        let row = RowCells {
            number: 4,
            name: vec![p("社工人力", 10), p("計畫", 11)],
            items: vec![p("(一)增聘社工人力，降低", 10), p("個案負荷比。", 11), p("(二)辦理督導。", 12)],
            budget: Some(p("４５，２００", 10)),
            notes: vec![p("中央補助款 30,000千元、公益彩", 10), p("券盈餘 5,000千元", 11)],
        };
        let mut d = Vec::new();
        let got = read_rows(&[TableRow::Programme(row), TableRow::Total(p("45,000", 13))], Decimal::ONE, &mut d);
        let g = &got[0];
        assert_eq!((g.name.as_str(), g.budget, g.span, g.budget_span), ("社工人力計畫", Money::thousands(45_200), Span { start: 10, end: 12 }, Span::line(10)));
        assert_eq!(
            g.items.iter().map(|i| (i.text.as_str(), i.span)).collect::<Vec<_>>(),
            [("增聘社工人力，降低個案負荷比。", Span { start: 10, end: 11 }), ("辦理督導。", Span::line(12))]
        );
        assert_eq!(
            g.funding.iter().map(|n| (n.source.as_str(), n.amount, n.span)).collect::<Vec<_>>(),
            [("中央補助款", Money::thousands(30_000), Span::line(10)), ("公益彩券盈餘", Money::thousands(5_000), Span { start: 10, end: 11 })]
        );
        let found: Vec<_> = d.iter().map(|d| (d.severity, d.line, d.page, d.finding.clone())).collect();
        assert_eq!(
            found,
            [
                (Severity::Info, Some(10), Some(2), Finding::UnrecognisedSource { name: "公益彩券盈餘".into(), special_fund: true }),
                (Severity::Warning, Some(13), Some(2), Finding::TotalMismatch { stated: Money::thousands(45_000), sum: Money::thousands(45_200) }),
            ]
        );
    }

    #[test]
    fn a_note_wrapped_inside_its_unit_reads_as_one() {
        let row = RowCells {
            number: 1,
            name: vec![p("甲", 1)],
            items: vec![],
            budget: Some(p("9,700", 1)),
            notes: vec![p("回收基金 9,600千", 1), p("元，乙基金 100千元", 2)],
        };
        let got = read_rows(&[TableRow::Programme(row)], Decimal::ONE, &mut Vec::new());
        assert_eq!(
            got[0].funding.iter().map(|n| (n.source.as_str(), n.amount)).collect::<Vec<_>>(),
            [("回收基金", Money::thousands(9_600)), ("乙基金", Money::thousands(100))]
        );
    }

    #[test]
    fn an_unknown_source_is_reported_once_and_bad_notes_name_their_line() {
        let row =
            |n: u32, notes: Vec<Piece>| TableRow::Programme(RowCells { number: n, name: vec![p("甲", n)], items: vec![], budget: Some(p("900", n)), notes });
        let mut d = Vec::new();
        let got = read_rows(
            &[row(1, vec![p("停車場作業基金 100千元", 1)]), row(2, vec![p("停車場作業基金 5O,0千元", 2), p("2,000千元", 3), p("及前瞻", 4)])],
            Decimal::ONE,
            &mut d,
        );
        assert_eq!(got[1].funding, vec![]);
        let codes: Vec<_> = d.iter().map(|d| (d.code(), d.line)).collect();
        assert_eq!(
            codes,
            [("unrecognised-source", Some(1)), ("note-not-a-number", Some(2)), ("note-without-source", Some(3)), ("note-without-amount", Some(4))]
        );
        let mut d = Vec::new();
        let got = read_rows(&[TableRow::Programme(RowCells { number: 7, name: vec![p("乙", 5)], ..RowCells::default() })], Decimal::ONE, &mut d);
        assert_eq!((got[0].budget, d[0].code(), d[0].line), (Money::ZERO, "no-budget", Some(5)));
    }
}
