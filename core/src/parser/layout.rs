//! What in the 參 section's text is not the table's content (repeated headers, page
//! numbers, the title at a page top), what unit the header names, and whether the text
//! arrived column by column instead of row by row.

use super::notes::is_amount_token;
use super::outline::heading;
use super::Line;
use crate::diagnostic::{Diagnostic, Finding};
use rust_decimal::Decimal;

fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if ('０'..='９').contains(&c) { char::from(b'0' + (c as u32 - '０' as u32) as u8) } else { c })
        .collect()
}

const HEADER_WORDS: &[&str] =
    &["計畫名稱", "實施內容", "經費(千元)", "經費(元)", "經費", "預算數", "(千元)", "(元)", "備註", "單位:千元", "單位：千元", "單位：新臺幣千元"];

/// The column header, whole or split over lines (`計畫名稱 實施內容 經費` / `(千元) 備註`).
pub(super) fn is_table_header(text: &str) -> bool {
    // Every line of the table is asked; most hold none of the words.
    if !["計畫名稱", "實施內容", "經費", "預算數", "元)", "備註"].iter().any(|w| text.contains(w)) {
        return false;
    }
    let mut t = compact(text);
    if t.contains("計畫名稱") && (t.contains("經費") || t.contains("實施內容")) {
        return true;
    }
    let before = t.len();
    for w in HEADER_WORDS {
        t = t.replace(w, "");
    }
    t.is_empty() && before > 0
}

/// The multiplier to 千元 the header states: `經費(元)` means amounts in 元.
pub(super) fn unit(lines: &[Line]) -> Decimal {
    match lines.iter().find(|l| is_table_header(&l.text)) {
        Some(l) if compact(&l.text).contains("(元)") => Decimal::new(1, 3),
        _ => Decimal::ONE,
    }
}

/// A page number in one of the unambiguous forms: `- 3 -`, `第 3 頁`, `第3頁，共12頁`, `3 / 12`.
fn page_number(text: &str) -> Option<u32> {
    let t = compact(text);
    let inner = t.trim_matches(['-', '－', '—', '–']);
    if inner.len() < t.len() && !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
        return inner.parse().ok();
    }
    if t.starts_with('第') && t.contains('頁') && t.chars().count() <= 12 {
        let digits: String = t.chars().skip(1).take_while(|c| c.is_ascii_digit()).collect();
        return digits.parse().ok();
    }
    if let Some((a, b)) = t.split_once('/') {
        if !a.is_empty() && !b.is_empty() && a.len() <= 4 && b.len() <= 4 && (a.chars().chain(b.chars())).all(|c| c.is_ascii_digit()) {
            return a.parse().ok();
        }
    }
    None
}

/// `3` alone on a line: a page number, or a budget of 3 千元 — only the context tells.
fn bare_number(text: &str) -> Option<u32> {
    let t = compact(text);
    (t.len() <= 4 && !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())).then(|| t.parse().ok()).flatten()
}

/// What a line of the section is to the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Content,
    Furniture,
    /// A bare number before a header or the title: a page number, unless its row has no
    /// other budget (a budget of 850 can end a page too); the row reader decides.
    MaybePage,
}

/// Marks the lines that are page furniture. A bare number counts as a page number when it
/// follows the last page number seen; before a header or the title it may be one.
pub(super) fn furniture(lines: &[Line], title: &str) -> Vec<Kind> {
    let title = compact(title);
    let is_top = |l: &Line| is_table_header(&l.text) || (!title.is_empty() && l.text.len() < title.len() * 2 + 8 && compact(&l.text) == title);
    let mut last_page: Option<u32> = None;
    let mut out = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let mut f = if is_top(l) { Kind::Furniture } else { Kind::Content };
        // Page numbers are short; the table's long lines need not be looked at.
        if f == Kind::Content && l.text.len() <= 40 {
            if let Some(n) = page_number(&l.text) {
                last_page = Some(n);
                f = Kind::Furniture;
            } else if let Some(n) = bare_number(&l.text) {
                if last_page.is_some_and(|p| n == p + 1) {
                    (last_page, f) = (Some(n), Kind::Furniture);
                } else if lines.get(i + 1).is_some_and(is_top) {
                    (last_page, f) = (Some(n), Kind::MaybePage);
                }
            }
        }
        out.push(f);
    }
    out
}

/// A line that holds nothing but an amount (a budget cell on its own).
fn amount_only(text: &str) -> bool {
    let mut toks = text.split_whitespace();
    matches!((toks.next(), toks.next()), (Some(t), None) if is_amount_token(t))
}

/// Plain PDF-to-text of a Word table gives it column by column: every `N、name` first, then
/// the items, then a run of bare amounts. Interleaved rows reach an amount before their
/// second heading, so three headings in a row and then two amounts in a row tell.
pub(super) fn column_order(lines: &[&Line]) -> Option<Diagnostic> {
    let mut names = 0u32;
    let mut first = None;
    let mut i = 0;
    while i < lines.len() {
        let t: &str = &lines[i].text;
        if amount_only(t) || t.split_whitespace().skip(1).any(is_amount_token) {
            break;
        }
        if let Some((n, _)) = heading(t) {
            if n == names + 1 {
                names += 1;
                first.get_or_insert(lines[i].no);
            }
        }
        i += 1;
    }
    let amounts = lines[i..].iter().take_while(|l| amount_only(&l.text)).count();
    (names >= 3 && amounts >= 2).then(|| Diagnostic::error(first, Finding::ColumnOrder { names: names as usize, amounts }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(ts: &[&str]) -> Vec<Line<'static>> {
        ts.iter().enumerate().map(|(i, t)| Line { no: i as u32 + 1, text: t.to_string().into(), page: None }).collect()
    }

    #[test]
    fn headers_and_page_numbers() {
        assert!(is_table_header("計畫名稱 實施內容 經費(千元) 備註"));
        assert!(is_table_header("計畫名稱 實施內容 經費") && is_table_header("(千元) 備註"));
        assert!(!is_table_header("辦理實施內容說明會。"));
        for t in ["- 3 -", "－３－", "第 3 頁", "第3頁，共12頁", "3 / 12"] {
            assert_eq!(page_number(t), Some(3), "{t}");
        }
        assert_eq!(page_number("5,310"), None);
        let ls = lines(&["一、甲計畫", "辦理。", "850", "3", "計畫名稱 實施內容 經費(千元) 備註", "4", "二、乙", "5"]);
        use Kind::*;
        assert_eq!(furniture(&ls, "某局 111年度施政計畫"), [Content, Content, Content, MaybePage, Furniture, Furniture, Content, Furniture]);
    }

    #[test]
    fn column_order_is_told_from_interleaved_rows() {
        let cols = lines(&["一、甲計畫", "二、乙計畫", "三、丙", "計畫", "(一)辦理。", "5,310", "23,220", "100", "中央補助款 100千元"]);
        let refs: Vec<&Line> = cols.iter().collect();
        let d = column_order(&refs).unwrap();
        assert_eq!((d.line, d.finding), (Some(1), Finding::ColumnOrder { names: 3, amounts: 3 }));
        let rows = lines(&["一、甲計畫", "辦理。 5,310", "二、乙計畫", "辦理。", "23,220", "三、丙", "100"]);
        assert!(column_order(&rows.iter().collect::<Vec<_>>()).is_none());
    }
}
