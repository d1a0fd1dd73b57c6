//! The lexical pieces of a budget table's cells, shared by the text layout reader
//! ([`super::table`]) and the row reader ([`super::rows`]): amount tokens (ASCII or
//! full-width digits, `,` or `，` separators) and the note grammar
//! `NAME AMOUNT千元 [、|，|；|及 NAME AMOUNT千元]…`, whose names may be wrapped anywhere
//! (a note may give its amounts in 元 or 萬元 instead).

use crate::text::has_sentence_punct;
use rust_decimal::Decimal;

/// The longest a source name plausibly is (`土壤及地下水污染整治基金` is 12).
const NAME_MAX: usize = 24;
/// The longest unfinished name at the end of a note line (the note column is narrow).
const TAIL_MAX: usize = 16;

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_separator(c: char) -> bool {
    matches!(c, ',' | '，' | '.' | '．')
}

/// Letters an OCR or a font map puts where digits belong (`4I,950`, `1O,301`).
fn is_confusable(c: char) -> bool {
    matches!(c, 'I' | 'l' | 'O' | 'o')
}

/// A whitespace-delimited token written as an amount: `5,310`, `１２，８００`, `-40`.
pub(crate) fn is_amount_token(tok: &str) -> bool {
    let body = tok.strip_prefix(['-', '－']).unwrap_or(tok);
    !body.is_empty() && body.chars().all(|c| is_digit(c) || is_separator(c)) && body.chars().next().is_some_and(is_digit)
}

/// A token meant as an amount with letters in it: two digits or more and a separator.
pub(crate) fn is_garbled_amount(tok: &str) -> bool {
    tok.chars().all(|c| is_digit(c) || is_separator(c) || is_confusable(c))
        && tok.chars().filter(|c| is_digit(*c)).count() >= 2
        && tok.contains([',', '，'])
        && tok.chars().any(is_confusable)
}

/// Reads an amount token (full-width digits included); `-` may lead.
pub(crate) fn amount_value(tok: &str) -> Option<rust_decimal::Decimal> {
    let t: String = tok
        .chars()
        .map(|c| {
            if c == '－' {
                '-'
            } else if c == '．' {
                '.'
            } else {
                c
            }
        })
        .collect();
    crate::money::parse_decimal(&t)
}

/// One `NAME AMOUNT千元` of a note; offsets are byte offsets into the scanned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Source<'a> {
    pub name: &'a str,
    pub name_at: usize,
    pub amount: &'a str,
    /// The note's own unit as a multiplier to 千元: `千元` 1, `萬元` 10, `元` 0.001.
    pub unit: Decimal,
    /// Just past the unit.
    pub end: usize,
}

/// A note's text as sources plus what follows the last amount (a name still to be continued).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Scan<'a> {
    pub sources: Vec<Source<'a>>,
    pub tail: &'a str,
    pub tail_at: usize,
}

const LEAD: &[char] = &['、', '，', ',', '及', '與', '含', '(', '（', '；', ';'];
const TRAIL: &[char] = &['、', '，', ',', ')', '）', '：', ':', '；', ';'];

/// Trims joiners and brackets off a name; returns it with its new start offset.
fn strip(s: &str, at: usize) -> (&str, usize) {
    let lead = s.len() - s.trim_start_matches(|c: char| c.is_whitespace() || LEAD.contains(&c)).len();
    let t = s[lead..].trim_end_matches(|c: char| c.is_whitespace() || TRAIL.contains(&c));
    (t, at + lead)
}

/// Where the next amount's unit is in `text[pos..]`: the byte offset of the unit, its length
/// and its multiplier to 千元. `千元` ends a source even without digits (so a garbled amount
/// is reported); `萬元` and `元` only right after digits, since `元` is also a word
/// (`多元就業開發方案`), and a note in a table in 元 writes its amounts in 元 as well.
fn next_unit(text: &str, pos: usize) -> Option<(usize, usize, Decimal)> {
    let mut from = pos;
    loop {
        let at = from + text[from..].find('元')?;
        let before = text[pos..at].trim_end();
        let (unit_at, unit) = match before.chars().next_back() {
            Some('千') => (pos + before.len() - '千'.len_utf8(), Decimal::ONE),
            Some('萬') => (pos + before.len() - '萬'.len_utf8(), Decimal::TEN),
            _ => (at, Decimal::new(1, 3)),
        };
        let digits_before = text[pos..unit_at].trim_end().chars().next_back().is_some_and(is_digit);
        if unit == Decimal::ONE || digits_before {
            return Some((unit_at, at + '元'.len_utf8() - unit_at, unit));
        }
        from = at + '元'.len_utf8();
    }
}

pub(crate) fn scan(text: &str) -> Scan<'_> {
    let mut sources = Vec::new();
    let mut pos = 0;
    while let Some((unit_at, unit_len, unit)) = next_unit(text, pos) {
        let head = text[pos..unit_at].trim_end();
        let run =
            head.char_indices().rev().take_while(|(_, c)| is_digit(*c) || is_separator(*c) || is_confusable(*c)).last().map(|(i, _)| i).unwrap_or(head.len());
        // A separator before the digits joins the previous source; letters before them are the name's.
        let mut start = run;
        while let Some(c) = head[start..].chars().next().filter(|c| !is_digit(*c)) {
            start += c.len_utf8();
        }
        let start = if head[start..].is_empty() { head.len() } else { start };
        let (name, name_at) = strip(&head[..start], pos);
        sources.push(Source { name, name_at, amount: &head[start..], unit, end: unit_at + unit_len });
        pos = unit_at + unit_len;
    }
    let (tail, tail_at) = strip(&text[pos..], pos);
    Scan { sources, tail, tail_at }
}

/// Reads like note text (names short and without prose punctuation): `Some(amounts)`.
pub(crate) fn note_like(text: &str) -> Option<usize> {
    let s = scan(text);
    let name_ok = |n: &str, max: usize| n.chars().count() <= max && !has_sentence_punct(n) && !n.contains('。');
    (s.sources.iter().all(|src| name_ok(src.name, NAME_MAX)) && name_ok(s.tail, TAIL_MAX)).then_some(s.sources.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amount_tokens() {
        assert!(is_amount_token("5,310") && is_amount_token("１２，８００") && is_amount_token("8750") && is_amount_token("-40"));
        assert!(!is_amount_token("12處") && !is_amount_token(",5") && !is_amount_token("5,310千元"));
        assert!(is_garbled_amount("4I,950") && !is_garbled_amount("4,950"));
        assert_eq!(amount_value("１２，８００"), Some(12800.into()));
    }

    #[test]
    fn notes_split_into_sources() {
        let s = scan("中央補助款 30,000千元、公益彩");
        assert_eq!(s.sources.iter().map(|x| (x.name, x.amount)).collect::<Vec<_>>(), [("中央補助款", "30,000")]);
        assert_eq!(s.tail, "公益彩");
        let s = scan("空氣污染防制基金１２，８００千元，停車場作業基金 500千元及公益彩券盈餘 1,000千元");
        assert_eq!(
            s.sources.iter().map(|x| (x.name, x.amount)).collect::<Vec<_>>(),
            [("空氣污染防制基金", "１２，８００"), ("停車場作業基金", "500"), ("公益彩券盈餘", "1,000")]
        );
        assert_eq!(s.tail, "");
        let s = scan("5,310千元");
        assert_eq!((s.sources[0].name, s.sources[0].amount), ("", "5,310"));
        let s = scan("中央補助款 4I,950千元");
        assert_eq!(s.sources[0].amount, "4I,950");
        let s = scan("中央補助款 5,000千元；市款 7,400千元；自籌款４，６００千元");
        assert_eq!(s.sources.iter().map(|x| (x.name, x.amount)).collect::<Vec<_>>(), [("中央補助款", "5,000"), ("市款", "7,400"), ("自籌款", "４，６００")]);
        assert_eq!(note_like("券盈餘 5,000千元及空氣污"), Some(1));
        assert_eq!(note_like("身心障礙者就"), Some(0));
        assert_eq!(note_like("每人補助3千元，以協助弱勢勞工。"), None);
    }

    #[test]
    fn a_note_in_yuan_or_wan_keeps_its_unit() {
        let s = scan("中央補助款 2,000,000元、市預算1,450,000 元，多元就業開發方案 60萬元及乙基金 5千元");
        let got: Vec<_> = s.sources.iter().map(|x| (x.name, x.amount, x.unit)).collect();
        assert_eq!(
            got,
            [
                ("中央補助款", "2,000,000", Decimal::new(1, 3)),
                ("市預算", "1,450,000", Decimal::new(1, 3)),
                ("多元就業開發方案", "60", Decimal::TEN),
                ("乙基金", "5", Decimal::ONE)
            ]
        );
        assert_eq!(s.tail, "");
        // 元 that ends no amount is part of a name.
        let s = scan("多元就業開發方案補助");
        assert_eq!((s.sources.len(), s.tail), (0, "多元就業開發方案補助"));
    }
}
