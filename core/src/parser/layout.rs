//! What in the 參 section's text is not the table's content (repeated headers, page
//! numbers, the title at a page top), what unit the header names, and whether the text
//! arrived column by column instead of row by row.

use super::notes::{is_amount_token, note_like};
use super::outline::{heading, marker};
use super::Line;
use crate::diagnostic::{Diagnostic, Finding};
use crate::text::has_sentence_punct;
use rust_decimal::Decimal;
use std::collections::HashMap;

fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '（' => '(',
            '）' => ')',
            '：' => ':',
            c => c,
        })
        .collect()
}

/// What a header may hold, each word taken out in turn: a line is the header's rest when
/// nothing is left. A word inside a longer one comes after it (工作計畫名稱 before 計畫名稱),
/// and a unit is a word of its own, so `預算數(千元)`, `經費 （元）` and `預算金額(萬元)` all go.
const HEADER_WORDS: &[&str] = &[
    "重要施政計畫項目",
    "工作計畫名稱",
    "計畫名稱",
    "計畫項目",
    "實施內容",
    "預算金額",
    "預算數",
    "經費",
    "(新臺幣千元)",
    "(千元)",
    "(萬元)",
    "(元)",
    "單位:新臺幣千元",
    "單位:千元",
    "單位:萬元",
    "單位:元",
    "備註",
];

/// The words that name the programme column, one of which a one-line header has.
const NAME_WORDS: &[&str] = &["計畫名稱", "計畫項目"];

/// The column header, whole or split over lines (`計畫名稱 實施內容 經費` / `(千元) 備註`),
/// in the wordings agencies use (`重要施政計畫項目 … 預算數（千元）`, `工作計畫名稱 … 預算金額`).
pub(super) fn is_table_header(text: &str) -> bool {
    // Every line of the table is asked; most hold none of the words.
    if !["計畫名稱", "計畫項目", "實施內容", "經費", "預算", "元)", "元）", "備註", "單位"].iter().any(|w| text.contains(w)) {
        return false;
    }
    let mut t = compact(text);
    // Prose may name a plan's items and its money in one sentence; a header has no sentence.
    if NAME_WORDS.iter().any(|w| t.contains(w)) && (t.contains("經費") || t.contains("實施內容") || t.contains("預算")) && !t.contains(['。', '，']) {
        return true;
    }
    let before = t.len();
    for w in HEADER_WORDS {
        t = t.replace(w, "");
    }
    // A unit inside the column's own brackets: `經費（單位：元）` leaves `()`.
    t.retain(|c| c != '(' && c != ')');
    t.is_empty() && before > 0
}

/// The multiplier to 千元 that a header's unit gives (`(千元)` 1, `(萬元)` 10, `(元)` 0.001),
/// or `None` when it names no unit. A wrapped header cell reads `經費(千` with `元)` after
/// the next cell's word (`…(千備註元)`), so `(千` and `(萬` name their unit on their own, and
/// 元 alone only right after its bracket or colon: a stray `元)` is never taken for 元.
pub(crate) fn header_unit(text: &str) -> Option<Decimal> {
    let t = compact(text);
    if t.contains("千元") || t.contains("(千") {
        Some(Decimal::ONE)
    } else if t.contains("萬元") || t.contains("(萬") {
        Some(Decimal::TEN)
    } else if ["(元)", ":元", "新臺幣元", "新台幣元"].iter().any(|w| t.contains(w)) {
        Some(Decimal::new(1, 3))
    } else {
        None
    }
}

/// The multiplier to 千元 the header states: the first header that names a unit, read with
/// the header lines right after it (a unit may wrap onto the next line: `經費` / `(元) 備註`).
pub(super) fn unit(lines: &[Line]) -> Decimal {
    (0..lines.len())
        .filter(|&i| is_table_header(&lines[i].text))
        .find_map(|i| header_unit(&lines[i..].iter().take_while(|l| is_table_header(&l.text)).map(|l| compact(&l.text)).collect::<String>()))
        .unwrap_or(Decimal::ONE)
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
    let heads = running_heads(lines, &is_top);
    let is_top = |i: usize| is_top(&lines[i]) || heads[i];
    let mut last_page: Option<u32> = None;
    let mut out = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let mut f = if is_top(i) { Kind::Furniture } else { Kind::Content };
        // Page numbers are short; the table's long lines need not be looked at.
        if f == Kind::Content && l.text.len() <= 40 {
            if let Some(n) = page_number(&l.text) {
                last_page = Some(n);
                f = Kind::Furniture;
            } else if let Some(n) = bare_number(&l.text) {
                if last_page.is_some_and(|p| n == p + 1) {
                    (last_page, f) = (Some(n), Kind::Furniture);
                } else if i + 1 < lines.len() && is_top(i + 1) {
                    (last_page, f) = (Some(n), Kind::MaybePage);
                }
            }
        }
        out.push(f);
    }
    out
}

/// A line's words without its digits, so `勞工局施政計畫 第2頁` and `… 第3頁` are one running head.
fn shape(text: &str) -> String {
    compact(text).chars().filter(|c| !c.is_ascii_digit()).collect()
}

/// Could be a running head or a footer's words: a short phrase, no sentence, no numbering,
/// no amount. Short wrapped names (`計畫`) repeat too, so a head has a few words at least.
fn head_like(text: &str) -> bool {
    let n = text.chars().count();
    (6..=40).contains(&n)
        && !has_sentence_punct(text)
        && !text.contains('。')
        && heading(text).is_none()
        && marker(text).is_none()
        && !amount_only(text)
        && note_like(text).is_none_or(|sources| sources == 0)
}

/// A running head, or a footer beside the page number: the same words again at the next page
/// break, next to the header, the title, a page number or the break itself. The same words
/// elsewhere, or once only, are the table's own text.
fn running_heads(lines: &[Line], is_top: &dyn Fn(&Line) -> bool) -> Vec<bool> {
    let shapes: Vec<Option<String>> = lines.iter().map(|l| head_like(&l.text).then(|| shape(&l.text))).collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for s in shapes.iter().flatten() {
        *seen.entry(s.as_str()).or_default() += 1;
    }
    let short = |i: usize| lines[i].text.len() <= 40;
    let edge = |i: usize| is_top(&lines[i]) || short(i) && page_number(&lines[i].text).is_some();
    // A bare number before the words may be the page's number; after them it is as likely a budget.
    let mut heads = vec![false; lines.len()];
    // Twice, so a head and a footer's words side by side both go.
    for _ in 0..2 {
        for i in 0..lines.len() {
            let Some(s) = &shapes[i] else { continue };
            let before =
                i > 0 && (edge(i - 1) || heads[i - 1] || lines[i - 1].page != lines[i].page || short(i - 1) && bare_number(&lines[i - 1].text).is_some());
            let after = i + 1 < lines.len() && (edge(i + 1) || heads[i + 1]);
            heads[i] = heads[i] || (seen[s.as_str()] >= 2 && (before || after));
        }
    }
    heads
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
        for h in [
            "計畫項目　實施內容　預算數（千元）　備註",
            "重要施政計畫項目 實施內容 經 費",
            "（ 元 ） 備註",
            "工作計畫名稱 實施內容 預算金額 ( 萬元 ) 備註",
            "單位：新臺幣千元",
        ] {
            assert!(is_table_header(h), "{h}");
        }
        assert!(!is_table_header("依計畫項目編列經費，辦理審查。"));
        assert!(is_table_header("經 費 （ 單位：元 ）") && !is_table_header("(一)") && !is_table_header("()"));
        let u = |t: &str| header_unit(t);
        assert_eq!(
            (u("預算數（千元）"), u("經 費 （ 元 ）"), u("預算金額(萬元)"), u("單位：元"), u("計畫名稱 實施內容 經費")),
            (Some(Decimal::ONE), Some(Decimal::new(1, 3)), Some(Decimal::TEN), Some(Decimal::new(1, 3)), None)
        );
        assert_eq!(unit(&lines(&["計畫名稱 實施內容 經費", "(元) 備註"])), Decimal::new(1, 3));
        assert_eq!(u("計畫名稱實施內容經費(千備註元)"), Some(Decimal::ONE));
        for t in ["- 3 -", "－３－", "第 3 頁", "第3頁，共12頁", "3 / 12"] {
            assert_eq!(page_number(t), Some(3), "{t}");
        }
        assert_eq!(page_number("5,310"), None);
        let ls = lines(&["一、甲計畫", "辦理。", "850", "3", "計畫名稱 實施內容 經費(千元) 備註", "4", "二、乙", "5"]);
        use Kind::*;
        assert_eq!(furniture(&ls, "某局 111年度施政計畫"), [Content, Content, Content, MaybePage, Furniture, Furniture, Content, Furniture]);
    }

    #[test]
    fn a_running_head_repeats_at_each_page_break() {
        use Kind::*;
        let head = "臺中市勞工局施政計畫(參)";
        let hdr = "計畫項目 實施內容 預算數(千元) 備註";
        let ls = lines(&[hdr, "一、甲計畫", "(一)辦理。", "第 2 頁", head, hdr, "(二)辦理。", "850", "第 3 頁", head, hdr, "二、乙", "100"]);
        let got = furniture(&ls, "某局 111年度施政計畫");
        assert_eq!(got, [Furniture, Content, Content, Furniture, Furniture, Furniture, Content, Content, Furniture, Furniture, Furniture, Content, Content]);
        // A footer with its page number in the words is the same footer on every page.
        let ls = lines(&[hdr, "一、甲計畫", "(一)辦理。", "臺中市勞工局 第2頁", hdr, "(二)辦理。", "850", "臺中市勞工局 第3頁", hdr, "二、乙", "100"]);
        // (The budget before it may be a page number, as before any header: the row decides.)
        assert_eq!(furniture(&ls, "")[3..=8], [Furniture, Furniture, Content, MaybePage, Furniture, Furniture]);
        // Once only, or away from a page break, the same words are the table's.
        let ls = lines(&[hdr, "一、甲計畫", head, "(一)辦理。", head, "100"]);
        assert_eq!(furniture(&ls, ""), [Furniture, Content, Content, Content, Content, Content]);
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
