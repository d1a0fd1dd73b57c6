//! Section 參 as text: the four columns (計畫名稱 | 實施內容 | 經費(千元) | 備註) arrive
//! interleaved line by line. This module only decides which cell each piece of a line
//! belongs to; [`super::rows`] reads what the cells say.
//!
//! A row starts at a heading `N、name`; the name column wraps in short lines; items follow
//! (`(一)…` or one paragraph). The budget is an amount token: at the start of a line, or
//! after an item's last sentence on the same line (other tools put it there), possibly
//! followed by the start of the note. A page break can push the rest of the items after
//! the budget and notes, so anything after the budget that is not part of a note continues
//! the items.

use super::layout::{column_order, furniture, unit, Kind};
use super::notes::{is_amount_token, is_garbled_amount, note_like};
use super::outline::{heading, marker};
use super::rows::{read_rows, Piece, RowCells, TableRow};
use super::Line;
use crate::diagnostic::{Diagnostic, Finding};
use crate::plan::Plan;
use crate::text::has_sentence_punct;

/// The widest a line of the name column gets beyond its first line (in characters).
const NAME_SLACK: usize = 1;
/// The longest line a note source name fragment can be (the note column is narrow).
const NOTE_FRAGMENT_MAX: usize = 12;

struct Open {
    cells: RowCells,
    name_width: usize,
    name_done: bool,
}

pub(super) fn read_table(lines: &[Line], title: &str, plan: &mut Plan, diags: &mut Vec<Diagnostic>) {
    let kinds = furniture(lines, title);
    let kept: Vec<(&Line, bool)> = lines.iter().zip(&kinds).filter(|(_, k)| **k != Kind::Furniture).map(|(l, k)| (l, *k == Kind::MaybePage)).collect();
    let content: Vec<&Line> = kept.iter().filter(|(_, maybe)| !maybe).map(|(l, _)| *l).collect();
    if let Some(d) = column_order(&content) {
        diags.push(d);
        return;
    }
    let rows = to_rows(&kept, diags);
    plan.programmes = read_rows(&rows, unit(lines), diags);
}

fn piece(text: &str, l: &Line) -> Piece {
    Piece::new(text.trim(), l.no, l.page)
}

/// A bare number before a page's header is the page's number if its row has a budget
/// already or finds one before the next heading; otherwise it is the row's budget.
fn is_page_number(open: Option<&Open>, ahead: &[(&Line, bool)]) -> bool {
    open.is_none_or(|r| r.cells.budget.is_some())
        || ahead.iter().map(|(l, _)| l).take_while(|l| heading(&l.text).is_none()).any(|l| split_budget(&l.text).is_some())
}

fn to_rows(all: &[(&Line, bool)], diags: &mut Vec<Diagnostic>) -> Vec<TableRow> {
    let lines: Vec<&Line> = all.iter().map(|(l, _)| *l).collect();
    let mut rows: Vec<TableRow> = Vec::new();
    let mut open: Option<Open> = None;
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        let text: &str = &l.text;
        i += 1;
        if all[i - 1].1 && is_page_number(open.as_ref(), &all[i..]) {
            continue;
        }
        if let Some(tok) = total_amount(text) {
            rows.push(TableRow::Total(piece(&tok, l)));
            continue;
        }
        if is_total_label(text) && lines.get(i).is_some_and(|n| is_amount_token(n.text.trim())) {
            rows.push(TableRow::Total(piece(&lines[i].text, lines[i])));
            i += 1;
            continue;
        }
        if let Some((n, rest)) = heading(text) {
            let expected = open.as_ref().map(|r| r.cells.number + 1).unwrap_or(1);
            if open.as_ref().is_none_or(|r| r.cells.budget.is_some()) || n == expected {
                rows.extend(open.take().map(|r| TableRow::Programme(r.cells)));
                open = Some(start_row(n, rest, l));
                continue;
            }
        }
        let Some(row) = open.as_mut() else {
            diags.push(Diagnostic::warning(Some(l.no), Finding::StrayText));
            continue;
        };
        read_line(row, text, l, &lines[i..]);
    }
    rows.extend(open.map(|r| TableRow::Programme(r.cells)));
    rows
}

fn start_row(number: u32, rest: &str, l: &Line) -> Open {
    // `三、勞工學苑計畫 辦理在職…`: the name cell ends at the first gap; the rest is read as a line of its own.
    let (name_part, more) = match rest.split_once(char::is_whitespace) {
        Some((n, r)) => (n, r.trim()),
        None => (rest, ""),
    };
    let mut row = Open {
        cells: RowCells { number, name: vec![piece(name_part, l)], ..RowCells::default() },
        name_width: name_part.chars().count() + crate::text::to_chinese_numeral(number).chars().count() + 1,
        name_done: false,
    };
    if !more.is_empty() {
        row.name_done = true;
        read_line(&mut row, more, l, &[]);
        // A row whose first line held only its budget may still wrap its name.
        row.name_done = !row.cells.items.is_empty();
    }
    row
}

fn read_line(row: &mut Open, text: &str, l: &Line, next: &[&Line]) {
    if row.cells.budget.is_none() {
        if let Some((before, tok, after)) = split_budget(text) {
            if !before.is_empty() {
                push_text(row, before, l);
            }
            row.cells.budget = Some(piece(tok, l));
            if !after.is_empty() {
                row.cells.notes.push(piece(after, l));
            }
            return;
        }
        push_text(row, text, l);
        return;
    }
    if is_note_line(text, next) {
        row.cells.notes.push(piece(text, l));
    } else if row.cells.items.is_empty() && !row.name_done && is_name_continuation(text, row.name_width) {
        row.cells.name.push(piece(text, l));
    } else if !is_bare_number(text) {
        // A bare number after the budget is a page number no other cue gave away.
        row.name_done = true;
        row.cells.items.push(piece(text, l));
    }
}

fn push_text(row: &mut Open, text: &str, l: &Line) {
    if !row.name_done && is_name_continuation(text, row.name_width) {
        row.cells.name.push(piece(text, l));
    } else {
        row.name_done = true;
        row.cells.items.push(piece(text, l));
    }
}

/// A short line without sentence punctuation right after the heading continues the name.
fn is_name_continuation(text: &str, name_width: usize) -> bool {
    marker(text).is_none() && !has_sentence_punct(text) && !text.contains(char::is_whitespace) && text.chars().count() <= name_width.max(6) + NAME_SLACK
}

fn is_bare_number(text: &str) -> bool {
    text.chars().all(|c| c.is_ascii_digit() || c.is_whitespace())
}

/// Units that make a number part of prose (`2 處`, `120 人次`), not a budget.
fn starts_with_unit(s: &str) -> bool {
    // 本 counts books (`3 本`), but 本府 is the city government naming its money in a note.
    s.starts_with(|c: char| "元人次場處家件名個位戶所間座份張本期年月日週天時%％萬億倍噸坪項案班隊組區里校歲條台臺輛部".contains(c)) && !s.starts_with("本府")
}

fn names_a_source(s: &str) -> bool {
    ["基金", "補助", "款", "盈餘", "預算", "自籌", "千元"].iter().any(|k| s.contains(k))
}

/// `41,950 中央補助款` → `("", "41,950", "中央補助款")`; `…負荷比。 45,200 中央補助款 30,000千元、公益彩`
/// → `("…負荷比。", "45,200", "中央補助款 30,000千元、公益彩")`. The amount must be a token
/// of its own (so `12處就業服務臺` is not a budget); what follows must read like the start
/// of a note, not like prose; inside a line, what precedes must end a sentence unless what
/// follows names a source.
fn split_budget(text: &str) -> Option<(&str, &str, &str)> {
    let mut at = 0;
    for (k, tok) in text.split_whitespace().enumerate() {
        at = at + text[at..].find(tok).unwrap_or(0);
        let end = at + tok.len();
        let (before, after) = (text[..at].trim(), text[end..].trim());
        at = end;
        let plain = is_amount_token(tok);
        if !(plain || is_garbled_amount(tok)) || starts_with_unit(after) || after.starts_with("千元") {
            continue;
        }
        let Some(sources) = note_like(after) else { continue };
        let ends_sentence = before.ends_with(['。', '；', ';', '！', '？']);
        let noteish = sources > 0 || names_a_source(after);
        if k == 0 || (ends_sentence && (after.is_empty() || noteish)) || (plain && !after.is_empty() && noteish) {
            return Some((before, tok, after));
        }
    }
    None
}

/// `合計 507,013` / `合 計：507,013千元` → the amount token.
fn total_amount(text: &str) -> Option<String> {
    let mut rest = text.trim_start();
    for want in [['合', '計'], ['總', '計']] {
        let mut r = rest;
        let mut ok = true;
        for w in want {
            r = r.trim_start();
            match r.strip_prefix(w) {
                Some(x) => r = x,
                None => ok = false,
            }
        }
        if ok {
            rest = r;
            let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '：' || c == ':');
            let tok = rest.split_whitespace().next()?;
            // What follows is a unit or the notes' sum, never prose (`合計 3 場次`).
            let after = rest[tok.len()..].trim();
            let after = after.strip_prefix("千元").unwrap_or(after).trim();
            let tok = tok.strip_suffix("千元").unwrap_or(tok);
            return (is_amount_token(tok) && (after.is_empty() || has_amount(after))).then(|| tok.to_string());
        }
    }
    None
}

fn is_total_label(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    t == "合計" || t == "總計"
}

fn is_note_fragment(text: &str) -> bool {
    // A note wrapped just before its joiner (`…5,000千元` / `；市款` / `7,400千元`); item text never starts with one.
    let text = text.trim_start_matches(['；', ';', '、', '，', ',']);
    text.chars().count() <= NOTE_FRAGMENT_MAX && !has_sentence_punct(text) && marker(text).is_none() && !text.ends_with('。')
}

fn has_amount(text: &str) -> bool {
    marker(text).is_none() && heading(text).is_none() && note_like(text).is_some_and(|n| n > 0)
}

/// A line of the note column: one with an amount, or a name fragment whose amount follows
/// within two lines.
fn is_note_line(text: &str, next: &[&Line]) -> bool {
    if has_amount(text) {
        return true;
    }
    is_note_fragment(text)
        && match next {
            [a, ..] if has_amount(&a.text) => true,
            [a, b, ..] => is_note_fragment(&a.text) && has_amount(&b.text),
            _ => false,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_at_the_start_or_after_a_sentence() {
        assert_eq!(split_budget("41,950 中央補助款"), Some(("", "41,950", "中央補助款")));
        assert_eq!(split_budget("23,220"), Some(("", "23,220", "")));
        assert_eq!(split_budget("４５，２００ 中央補助款 30,000千元，公益彩"), Some(("", "４５，２００", "中央補助款 30,000千元，公益彩")));
        assert_eq!(
            split_budget("增聘社工人力，降低個案負荷比。 45,200 中央補助款 30,000千元、公益彩"),
            Some(("增聘社工人力，降低個案負荷比。", "45,200", "中央補助款 30,000千元、公益彩"))
        );
        assert_eq!(split_budget("辦理在職勞工課程。 5,940 勞工權益基金 5,940千元").map(|b| b.1), Some("5,940"));
        assert_eq!(split_budget("4I,950 中央補助款").map(|b| b.1), Some("4I,950"));
        assert_eq!(split_budget("480 本府預算 300萬元"), Some(("", "480", "本府預算 300萬元")));
        assert!(split_budget("購置 300 本圖書").is_none());
        assert!(split_budget("12處就業服務臺，提").is_none());
        assert!(split_budget("5,310千元").is_none());
        assert!(split_budget("於本市設置 2 處委辦就業中心").is_none());
        assert!(split_budget("補助 1,000 名勞工").is_none());
        assert!(split_budget("提升就業人數達 1,200").is_none());
        assert!(split_budget("每人補助 3,000 元，以協助就業。").is_none());
    }

    #[test]
    fn totals() {
        assert_eq!(total_amount("合計 507,013").as_deref(), Some("507,013"));
        assert_eq!(total_amount("合 計 507,013 千元").as_deref(), Some("507,013"));
        assert_eq!(total_amount("總計：５０７，０１３千元").as_deref(), Some("５０７，０１３"));
        assert_eq!(total_amount("合計辦理 3 場"), None);
        assert_eq!(total_amount("合計 3 場次"), None);
        assert_eq!(total_amount("合計 507,013 中央補助款 352,190千元").as_deref(), Some("507,013"));
    }
}
