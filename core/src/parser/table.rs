//! Section 參: the programme/budget table, whose four columns (計畫名稱 | 實施內容 |
//! 經費(千元) | 備註) arrive interleaved line by line from the PDF.
//!
//! A row starts at a heading `N、name`; the name column wraps in short lines; items follow
//! (`(一)…` or one paragraph); the budget line starts with the amount, possibly followed by the
//! start of the note; note sources end with an amount line `N千元`. A page break can push
//! the rest of the items after the budget and notes, so anything after the budget that is not
//! part of a note continues the items.

use super::outline::{heading, marker};
use super::Line;
use crate::diagnostic::{Diagnostic, Finding};
use crate::funding::canonical_name;
use crate::money::{parse_decimal, Money};
use crate::plan::Plan;
use crate::programme::{FundingNote, Item, Programme};
use crate::span::Span;
use crate::text::{has_sentence_punct, push_fragment};
use rust_decimal::Decimal;

/// The widest a line of the name column gets beyond its first line (in characters).
const NAME_SLACK: usize = 1;
/// The longest line a note source name fragment can be (the note column is narrow).
const NOTE_FRAGMENT_MAX: usize = 12;

struct Row {
    number: u32,
    name: String,
    name_width: usize,
    name_done: bool,
    items: Vec<Item>,
    budget: Option<Money>,
    budget_seen: bool,
    budget_span: Span,
    notes: Vec<FundingNote>,
    pending_note: Option<(String, Span)>,
    span: Span,
}

pub(super) fn read_table(lines: &[Line], title: &str, plan: &mut Plan, diags: &mut Vec<Diagnostic>) {
    let mut unit = Decimal::ONE; // multiplier to 千元
    let mut rows: Vec<Row> = Vec::new();
    let mut stated_total: Option<(Money, u32)> = None;

    for (i, l) in lines.iter().enumerate() {
        let text: &str = &l.text;
        if is_table_header(text) {
            if text.contains("(元)") {
                unit = Decimal::new(1, 3);
            }
            continue;
        }
        if is_page_furniture(text, title) {
            continue;
        }
        if let Some(total) = total_line(text) {
            stated_total = Some((Money(total * unit), l.no));
            continue;
        }
        let current_allows_new_row = rows.last().map(|r| r.budget_seen).unwrap_or(true);
        if let Some((n, rest)) = heading(text) {
            let expected = rows.last().map(|r| r.number + 1).unwrap_or(1);
            if current_allows_new_row || n == expected {
                if let Some(prev) = rows.last() {
                    if !prev.budget_seen {
                        diags.push(Diagnostic::error(Some(prev.span.start), Finding::NoBudget { programme: prev.number, name: prev.name.clone() }));
                    }
                }
                rows.push(start_row(n, rest, l.no));
                continue;
            }
        }
        let Some(row) = rows.last_mut() else {
            diags.push(Diagnostic::warning(Some(l.no), Finding::StrayText));
            continue;
        };
        row.span = row.span.join(Span::line(l.no));
        if !row.budget_seen {
            if let Some((amount, rest)) = budget_line(text) {
                row.budget_seen = true;
                row.budget_span = Span::line(l.no);
                match amount {
                    Ok(a) if a.is_sign_negative() => {
                        diags.push(Diagnostic::error(Some(l.no), Finding::NegativeBudget { programme: row.number }));
                        row.budget = Some(Money(a * unit));
                    }
                    Ok(a) => row.budget = Some(Money(a * unit)),
                    Err(tok) => diags.push(Diagnostic::error(Some(l.no), Finding::BudgetNotANumber { programme: Some(row.number), column: None, written: tok })),
                }
                if !rest.is_empty() {
                    row.pending_note = Some((rest.to_string(), Span::line(l.no)));
                }
                continue;
            }
            if !row.name_done && is_name_continuation(text, row) {
                push_fragment(&mut row.name, text);
                continue;
            }
            row.name_done = true;
            push_item_text(row, text, l.no);
            continue;
        }
        // After the budget: note lines, or items continued across a page break.
        if let Some((name, amount)) = note_with_amount(text) {
            let (written, span) = match row.pending_note.take() {
                Some((p, s)) => (format!("{p}{name}"), s.join(Span::line(l.no))),
                None => (name.to_string(), Span::line(l.no)),
            };
            match amount {
                Some(a) => push_note(row, &written, Money(a * unit), span, diags),
                None => diags.push(Diagnostic::error(Some(l.no), Finding::NoteNotANumber { written: text.to_string() })),
            }
            continue;
        }
        if let Some(a) = amount_line(text) {
            match row.pending_note.take() {
                Some((name, span)) => push_note(row, &name, Money(a * unit), span.join(Span::line(l.no)), diags),
                None => diags.push(Diagnostic::warning(Some(l.no), Finding::NoteWithoutSource { written: text.to_string() })),
            }
            continue;
        }
        if is_note_fragment(text) && leads_to_amount(&lines[i + 1..]) {
            match row.pending_note.as_mut() {
                Some((p, s)) => {
                    p.push_str(text);
                    *s = s.join(Span::line(l.no));
                }
                None => row.pending_note = Some((text.to_string(), Span::line(l.no))),
            }
            continue;
        }
        if let Some((p, s)) = row.pending_note.take() {
            diags.push(Diagnostic::warning(Some(s.start), Finding::NoteWithoutAmount { written: p }));
        }
        push_item_text(row, text, l.no);
    }

    if let Some(last) = rows.last() {
        if !last.budget_seen {
            diags.push(Diagnostic::error(Some(last.span.start), Finding::NoBudget { programme: last.number, name: last.name.clone() }));
        }
    }
    plan.programmes = rows.into_iter().map(finish_row).collect();
    if let Some((total, line)) = stated_total {
        let sum = plan.total();
        if sum != total {
            diags.push(Diagnostic::error(Some(line), Finding::TotalMismatch { stated: total, sum }));
        }
    }
}

fn start_row(number: u32, rest: &str, no: u32) -> Row {
    // `三、勞工學苑計畫 辦理在職…`: the name cell ends at the first gap; the rest starts the items.
    let (name_part, items_part) = match rest.split_once(char::is_whitespace) {
        Some((n, r)) => (n, r.trim()),
        None => (rest, ""),
    };
    let mut row = Row {
        number,
        name: String::new(),
        name_width: rest.chars().count().min(name_part.chars().count()) + number_prefix_len(number),
        name_done: !items_part.is_empty(),
        items: Vec::new(),
        budget: None,
        budget_seen: false,
        budget_span: Span::default(),
        notes: Vec::new(),
        pending_note: None,
        span: Span::line(no),
    };
    push_fragment(&mut row.name, name_part);
    if !items_part.is_empty() {
        push_item_text(&mut row, items_part, no);
    }
    row
}

fn number_prefix_len(n: u32) -> usize {
    crate::text::to_chinese_numeral(n).chars().count() + 1
}

/// A short line without sentence punctuation right after the heading continues the name.
fn is_name_continuation(text: &str, row: &Row) -> bool {
    marker(text).is_none()
        && !has_sentence_punct(text)
        && !text.contains(char::is_whitespace)
        && text.chars().count() <= row.name_width.max(6) + NAME_SLACK
}

fn push_item_text(row: &mut Row, text: &str, no: u32) {
    if let Some((n, rest)) = marker(text) {
        let mut t = String::new();
        push_fragment(&mut t, rest);
        row.items.push(Item { number: Some(n), text: t, span: Span::line(no) });
        return;
    }
    match row.items.last_mut() {
        Some(item) => {
            push_fragment(&mut item.text, text);
            item.span = item.span.join(Span::line(no));
        }
        None => {
            let mut t = String::new();
            push_fragment(&mut t, text);
            row.items.push(Item { number: None, text: t, span: Span::line(no) });
        }
    }
}

fn push_note(row: &mut Row, written: &str, amount: Money, span: Span, diags: &mut Vec<Diagnostic>) {
    let written: String = written.chars().filter(|c| !c.is_whitespace()).collect();
    let written = written.trim_start_matches(['含', '(', '（']).trim_end_matches([')', '）', '：', ':']).to_string();
    if written.is_empty() {
        diags.push(Diagnostic::warning(Some(span.start), Finding::NoteWithoutSource { written: amount.fmt_thousands() }));
        return;
    }
    let source = canonical_name(&written);
    let written_as = (source != written).then_some(written);
    row.notes.push(FundingNote { source, written_as, amount, span });
}

fn finish_row(r: Row) -> Programme {
    Programme {
        number: r.number,
        name: r.name,
        items: r.items,
        budget: r.budget.unwrap_or(Money::ZERO),
        funding: r.notes,
        classification: Vec::new(),
        span: r.span,
        budget_span: r.budget_span,
    }
}

fn is_table_header(text: &str) -> bool {
    text.contains("計畫名稱") && (text.contains("經費") || text.contains("實施內容"))
}

/// Page numbers (`- 3 -`, `第 3 頁`) and a repeated title at a page top.
fn is_page_furniture(text: &str, title: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if !title.is_empty() && t == title.chars().filter(|c| !c.is_whitespace()).collect::<String>() {
        return true;
    }
    let inner = t.trim_matches(['-', '－', '—', '–']);
    (inner.len() < t.len() && !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()))
        || (t.starts_with('第') && t.ends_with('頁') && t.chars().count() <= 8)
}

/// `合計 507,013` / `總計：507,013` — a stated table total.
fn total_line(text: &str) -> Option<Decimal> {
    let rest = text.strip_prefix("合計").or_else(|| text.strip_prefix("總計"))?;
    parse_decimal(rest.trim_start_matches(['：', ':', ' ']).trim_end_matches("千元"))
}

/// `41,950 中央補助款` → `(Ok(41950), "中央補助款")`; `4I,950` → `(Err("4I,950"), "")`.
/// The amount must be a token of its own (so `12處就業服務臺` is not a budget), and what
/// follows must read like the start of a note, not like prose.
fn budget_line(text: &str) -> Option<(Result<Decimal, String>, &str)> {
    let (tok, rest) = match text.split_once(char::is_whitespace) {
        Some((t, r)) => (t, r.trim()),
        None => (text, ""),
    };
    if tok.ends_with("千元") || has_sentence_punct(rest) {
        return None;
    }
    let looks_numeric = tok.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.' || c == '-');
    if looks_numeric && tok.chars().any(|c| c.is_ascii_digit()) {
        return Some((parse_decimal(tok).ok_or_else(|| tok.to_string()), rest));
    }
    // A number with letters mistaken for digits (OCR-style `4I,950`, `1O,301`).
    let digits = tok.chars().filter(|c| c.is_ascii_digit()).count();
    let confusable = tok.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | 'I' | 'l' | 'O' | 'o'));
    if confusable && digits >= 2 && tok.contains(',') {
        return Some((Err(tok.to_string()), rest));
    }
    None
}

/// `5,310千元` → 5310.
fn amount_line(text: &str) -> Option<Decimal> {
    parse_decimal(text.strip_suffix("千元")?.trim())
}

/// `中央補助款 1,200千元` → (`中央補助款`, Some(1200)). A name and an amount on one line.
fn note_with_amount(text: &str) -> Option<(&str, Option<Decimal>)> {
    let body = text.strip_suffix("千元")?.trim_end();
    let split = body.rfind(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))?;
    let (name, num) = body.split_at(split + body[split..].chars().next()?.len_utf8());
    let name = name.trim();
    if name.is_empty() || num.is_empty() || has_sentence_punct(name) || name.chars().count() > 20 {
        return None;
    }
    Some((name, parse_decimal(num)))
}

/// A short, punctuation-free line: possibly (part of) a note's source name.
fn is_note_fragment(text: &str) -> bool {
    text.chars().count() <= NOTE_FRAGMENT_MAX && !has_sentence_punct(text) && marker(text).is_none() && !text.ends_with('。')
}

/// The note column's source name ends with an amount line within the next two lines.
fn leads_to_amount(next: &[Line]) -> bool {
    match next {
        [a, ..] if amount_line(&a.text).is_some() || note_with_amount(&a.text).is_some() => true,
        [a, b, ..] => is_note_fragment(&a.text) && amount_line(&b.text).is_some(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_lines() {
        assert_eq!(budget_line("41,950 中央補助款").map(|(a, r)| (a.ok(), r)), Some((Some(Decimal::from(41950)), "中央補助款")));
        assert_eq!(budget_line("23,220").map(|(a, _)| a.ok()), Some(Some(Decimal::from(23220))));
        assert!(budget_line("12處就業服務臺，提").is_none());
        assert!(budget_line("5,310千元").is_none());
        assert_eq!(budget_line("4I,950 中央補助款").map(|(a, _)| a.err()), Some(Some("4I,950".to_string())));
    }

    #[test]
    fn note_lines() {
        assert_eq!(amount_line("191,616千元"), Some(Decimal::from(191616)));
        assert_eq!(note_with_amount("中央補助款 1,200千元"), Some(("中央補助款", Some(Decimal::from(1200)))));
        assert_eq!(note_with_amount("3,542千元"), None);
    }
}
