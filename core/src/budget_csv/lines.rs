//! Rows to lines, and lines to a tree. A budget table prints every level as a row with its
//! own amount: a parent is the subtotal of the lines under it and must never be added again.
//! What makes a row a parent:
//! - its path (款/項/目/節 cells, or a 科目編號) is extended by a later row's path;
//! - or it is a grouping row — a row with no level of its own that stands between a line and
//!   the lines after it: the central books' 政事別 row marked 節 `999` (國務支出 between an
//!   agency and its work plans), a bracketed row such as `(1.一般政務支出)`, or any named row
//!   without a level in a classified table. It groups the lines that follow at the depth of
//!   the first line after it, up to the next grouping row at that place;
//! - or a level the table names in a column but prints no row for (a civic-tech CSV's
//!   `topname`, `depname`): an implied line, whose amount is its children's sum.
//!
//! Rows that carry only a 科目編號 (the code printed on a line of its own above the name) give
//! their code to the next line; rows that carry only 說明 text continue the explanation of the
//! line above.

use super::read::{parse_amount, Amount};
use super::{guess, Mapping, Row, Table, Unit};
use crate::book::LineFacts;
use crate::diagnostic::{AmountOf, Diagnostic, Finding};
use crate::money::Money;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// What a civic-tech CSV calls a work plan's line when it has no detail below it.
const NO_DETAIL: &str = "無細項";

/// One row that carries a line, as read.
pub(super) struct Line {
    /// Index into [`Table::rows`], and of the last row that continues it.
    pub row: usize,
    pub continued_to: usize,
    /// The first and last source line (an explanation may continue over the rows below).
    pub line: u32,
    pub end: u32,
    pub path: Vec<String>,
    pub grouping: bool,
    pub name: String,
    /// `None` when the cell is blank or unreadable.
    pub amount: Option<Money>,
    pub blank: bool,
    /// Code, series and explanation; `parent` is left for [`Tree`] to say.
    pub facts: LineFacts,
}

/// A level named by the lines under it but printed as no row of its own.
pub(super) struct Implied {
    pub name: String,
    /// The source line of its first line.
    pub line: u32,
}

/// Lines, implied levels and who is under whom. Nodes `0..lines.len()` are the lines,
/// the rest the implied levels in order.
pub(super) struct Read {
    pub lines: Vec<Line>,
    pub implied: Vec<Implied>,
    pub parent: Vec<Option<usize>>,
    pub has_child: Vec<bool>,
    /// 合計 / 總計 rows: their line and the amount they state.
    pub totals: Vec<(u32, Money)>,
}

impl Read {
    pub fn nodes(&self) -> usize {
        self.lines.len() + self.implied.len()
    }

    /// A node's amount: a line's as stated; an implied level's as the sum of its children
    /// (`None` when one of them is unknown).
    pub fn amounts(&self) -> Vec<Option<Money>> {
        self.sums(&self.bottom_up(), |l| l.amount, true)
    }

    /// The nodes deepest first, so an implied level has its children's sums before its
    /// parent adds it.
    pub fn bottom_up(&self) -> Vec<usize> {
        let mut depth = vec![0u32; self.nodes()];
        for (node, d) in depth.iter_mut().enumerate() {
            let mut at = node;
            while let Some(p) = self.parent[at] {
                *d += 1;
                at = p;
            }
        }
        let mut order: Vec<usize> = (0..self.nodes()).collect();
        crate::order::sort_by_key(&mut order, |n| std::cmp::Reverse(depth[*n]));
        order
    }

    /// A figure per node: a line's own; an implied level's, or a printed parent row's that
    /// states no figure (a 主管 row left blank above its one agency), the sum of its
    /// children's. `strict`: unknown when any child's is (this year's budget); otherwise the
    /// sum of those known (a series that a new line leaves blank), unknown only when none is.
    pub fn sums(&self, bottom_up: &[usize], of: impl Fn(&Line) -> Option<Money>, strict: bool) -> Vec<Option<Money>> {
        let mut out: Vec<Option<Money>> = self.lines.iter().map(of).collect();
        out.resize(self.nodes(), None);
        // The parents whose figure is their children's sum.
        let summed: Vec<bool> = out.iter().enumerate().map(|(n, v)| self.has_child[n] && (n >= self.lines.len() || v.is_none())).collect();
        if strict {
            out.iter_mut().zip(&summed).filter(|(_, s)| **s).for_each(|(v, _)| *v = Some(Money::ZERO));
        }
        for &node in bottom_up {
            if let Some(p) = self.parent[node].filter(|p| summed[*p]) {
                out[p] = match (out[p], out[node]) {
                    (Some(a), Some(b)) => Some(a + b),
                    (a, None) if !strict => a,
                    (None, b) if !strict => b,
                    _ => None,
                };
            }
        }
        out
    }
}

/// Reads every row under `m` into lines and a tree, reporting what cannot be trusted.
pub(super) fn read(t: &Table, m: &Mapping, amount_col: usize, diags: &mut Vec<Diagnostic>) -> Read {
    let header = |i: usize| t.headers.get(i).map(String::as_str).unwrap_or("amount").to_string();
    // Level numbers are not always reliable keys (a 主管 printed as 款 29 over children
    // marked 30); where codes are printed on (nearly) every line, they give the tree.
    let code_col = m.code.filter(|_| codes_give_tree(t, m));
    let agency_first = code_col.is_some_and(|c| guess::agency_first(t, c));
    let classified = !m.levels.is_empty() || m.code.is_some();
    let mut lines: Vec<Line> = Vec::new();
    let mut totals = Vec::new();
    // The line whose path a blank level cell continues (its index in `lines`).
    let mut prev_path: Option<usize> = None;
    let mut pending_code: Option<String> = None;
    for (index, row) in t.rows.iter().enumerate() {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let (code_in_name, written_name) = split_code(m.name.map(|i| row.cell(i)).unwrap_or(""));
        let code_cell = m.code.map(|c| row.cell(c).trim()).filter(|c| !c.is_empty());
        let cell = parse_amount(row.cell(amount_col));
        let blank = matches!(cell, Amount::Blank);
        let explanation = m.explanation.map(|i| row.cell(i).trim()).unwrap_or("");
        let levels_blank = m.levels.iter().all(|i| row.cell(*i).trim().is_empty());
        // A row with only a code: the line below is its line.
        if blank && written_name.is_empty() && levels_blank && (code_in_name.is_some() || code_cell.is_some()) {
            pending_code = code_in_name.or(code_cell.map(str::to_string));
            continue;
        }
        // A row with no amount, level or code continues the line above: its name, wrapped
        // in its cell over several rows, and its 說明.
        if blank && levels_blank && code_cell.is_none() && code_in_name.is_none() && pending_code.is_none() {
            // Names wrap only in classified books (the central government's .xlsx).
            let adjacent = classified && lines.last().is_some_and(|l| l.continued_to + 1 == index && !l.blank);
            if let Some(last) = lines.last_mut().filter(|_| adjacent || written_name.is_empty()) {
                if adjacent {
                    last.name.push_str(&written_name);
                }
                push_explanation(&mut last.facts.explanation, explanation);
                last.end = row.line;
                last.continued_to = index;
                continue;
            }
        }
        let code = code_in_name.or(code_cell.map(str::to_string)).or(pending_code.take());
        let marked_999 = m.levels.iter().any(|i| row.cell(*i).trim() == "999");
        let mut path = match code_col {
            Some(_) => code.as_deref().map(|c| guess::code_path(c, agency_first)).unwrap_or_default(),
            None if marked_999 => Vec::new(),
            None => level_path(row, &m.levels, prev_path.map(|l| lines[l].path.as_slice()).unwrap_or_default()),
        };
        // 無細項 ("no detail"): the line is its parent level's own, under that level's name.
        let mut written_name = written_name;
        if path.last().is_some_and(|p| p == NO_DETAIL) || written_name == NO_DETAIL {
            if path.last().is_some_and(|p| p == NO_DETAIL) {
                path.pop();
            }
            written_name = path.last().cloned().unwrap_or_default();
        }
        let amount = match cell {
            Amount::Blank => None,
            Amount::Bad => {
                diags.push(Diagnostic::error(
                    Some(row.line),
                    Finding::BudgetNotANumber { programme: None, column: Some(header(amount_col)), written: row.cell(amount_col).to_string() },
                ));
                None
            }
            Amount::Value(d) => to_money(d, m.unit, row.line, diags),
        };
        if path.is_empty() && is_total_name(&written_name) {
            totals.extend(amount.map(|a| (row.line, a)));
            continue;
        }
        let bracketed = is_bracketed(&written_name);
        let grouping = classified && path.is_empty() && !written_name.is_empty();
        let name = if bracketed { unbracket(&written_name) } else { written_name.clone() };
        let name = if !name.is_empty() {
            name
        } else {
            let fallback = path.iter().rev().find(|p| !p.is_empty()).cloned().unwrap_or_else(|| format!("（第 {} 行）", row.line));
            if m.name.is_some() {
                diags.push(Diagnostic::warning(Some(row.line), Finding::UnnamedRow { called: fallback.clone() }));
            }
            fallback
        };
        if amount.is_some_and(|a| a < Money::ZERO) {
            diags.push(Diagnostic::error(Some(row.line), Finding::NegativeAmount { name: name.clone() }));
        }
        let series = |col: Option<usize>, diags: &mut Vec<Diagnostic>| match col.map(|c| parse_amount(row.cell(c))) {
            Some(Amount::Value(d)) => to_money(d, m.unit, row.line, diags),
            Some(Amount::Bad) => {
                let c = col.unwrap_or_default();
                diags.push(Diagnostic::warning(Some(row.line), Finding::FigureNotANumber { column: header(c), written: row.cell(c).to_string() }));
                None
            }
            _ => None,
        };
        let facts = LineFacts {
            code,
            parent: None,
            current: series(m.current, diags),
            capital: series(m.capital, diags),
            last_year: series(m.last_year, diags),
            actual: series(m.actual, diags),
            stated_change: series(m.change, diags),
            explanation: {
                let mut e = String::new();
                push_explanation(&mut e, explanation);
                e
            },
        };
        if !path.is_empty() {
            prev_path = Some(lines.len());
        }
        lines.push(Line { row: index, continued_to: index, line: row.line, end: row.line, path, grouping, name, amount, blank, facts });
    }
    tree(lines, totals, diags)
}

/// Warns where a parent differs from its children or a stated change from the arithmetic;
/// `amounts` are [`Read::amounts`].
pub(super) fn check(read: &Read, amounts: &[Option<Money>], diags: &mut Vec<Diagnostic>) {
    check_parent_sums(read, amounts, diags);
    check_changes(read, diags);
}

/// Parents, with grouping rows and implied levels in their places (see the module's doc).
fn tree(lines: Vec<Line>, totals: Vec<(u32, Money)>, diags: &mut Vec<Diagnostic>) -> Read {
    let n = lines.len();
    let mut implied: Vec<Implied> = Vec::new();
    let mut parent: Vec<Option<usize>> = vec![None; n];
    // Paths borrow from the lines: an implied level's path is a prefix of its first line's.
    let mut node_of: HashMap<&[String], usize> = HashMap::with_capacity(n);
    // The grouping row now in force under each place (the node it groups under).
    let mut grouping_at: HashMap<Option<usize>, usize> = HashMap::new();
    let mut pending_groupings: Vec<usize> = Vec::new();
    for i in 0..n {
        if lines[i].grouping {
            pending_groupings.push(i);
            continue;
        }
        let path = lines[i].path.as_slice();
        let natural = if path.is_empty() { None } else { ensure(&path[..path.len() - 1], lines[i].line, n, &mut implied, &mut parent, &mut node_of) };
        // Grouping rows just above this line sit between it and its natural parent.
        for g in pending_groupings.drain(..) {
            parent[g] = natural;
            grouping_at.insert(natural, g);
        }
        parent[i] = grouping_at.get(&natural).copied().or(natural);
        if path.is_empty() {
            continue;
        }
        match node_of.get(path) {
            Some(&first) if first < n => diags.push(Diagnostic::warning(
                Some(lines[i].line),
                Finding::DuplicateClassification { name: lines[i].name.clone(), path: path.join("/"), first_line: lines[first].line },
            )),
            _ => {
                node_of.insert(path, i);
            }
        }
    }
    drop(node_of);
    // Grouping rows at the end group nothing: they are lines of their own, at the top.
    let mut has_child = vec![false; n + implied.len()];
    for p in parent.iter().flatten() {
        has_child[*p] = true;
    }
    for (i, l) in lines.iter().enumerate() {
        if l.grouping && !has_child[i] {
            diags.push(Diagnostic::warning(Some(l.line), Finding::NoClassification { name: l.name.clone() }));
        }
    }
    Read { lines, implied, parent, has_child, totals }
}

/// The node for `path`, creating implied levels for any part of it no row has printed.
/// `line` is the source line of the line that needs it, `lines` the number of lines.
fn ensure<'a>(
    path: &'a [String],
    line: u32,
    lines: usize,
    implied: &mut Vec<Implied>,
    parent: &mut Vec<Option<usize>>,
    node_of: &mut HashMap<&'a [String], usize>,
) -> Option<usize> {
    if path.is_empty() {
        return None;
    }
    if let Some(&node) = node_of.get(path) {
        return Some(node);
    }
    let up = ensure(&path[..path.len() - 1], line, lines, implied, parent, node_of);
    let last = path.last().map(String::as_str).unwrap_or("");
    if last.is_empty() {
        return up;
    }
    let node = lines + implied.len();
    implied.push(Implied { name: last.to_string(), line });
    parent.push(up);
    node_of.insert(path, node);
    Some(node)
}

/// Warns where a parent's stated amount differs from the lines directly under it.
fn check_parent_sums(read: &Read, amounts: &[Option<Money>], diags: &mut Vec<Diagnostic>) {
    // (sum of children, a child's amount unknown)
    let mut sums: Vec<(Money, bool)> = vec![(Money::ZERO, false); read.nodes()];
    for (node, amount) in amounts.iter().enumerate() {
        if let Some(p) = read.parent[node] {
            match amount {
                Some(a) => sums[p].0 += *a,
                None => sums[p].1 = true,
            }
        }
    }
    for (i, l) in read.lines.iter().enumerate() {
        let (sum, unknown) = sums[i];
        if let (true, Some(stated), false) = (read.has_child[i], l.amount, unknown) {
            if stated != sum {
                let path = if l.path.is_empty() { l.name.clone() } else { l.path.join("/") };
                diags.push(Diagnostic::warning(Some(l.line), Finding::ParentSumMismatch { name: l.name.clone(), path, stated, sum }));
            }
        }
    }
}

/// The stated change (本年度與上年度比較) against this year minus last year.
fn check_changes(read: &Read, diags: &mut Vec<Diagnostic>) {
    for l in &read.lines {
        let f = &l.facts;
        if let (Some(stated), Some(this), Some(last)) = (f.stated_change, l.amount, f.last_year) {
            if stated != this - last {
                diags.push(Diagnostic::warning(
                    Some(l.line),
                    Finding::ChangeMismatch { name: l.name.clone(), stated, this_year: this, last_year: last, computed: this - last },
                ));
            }
        }
    }
}

/// `0002000000⏎總統府主管` (code and name in one cell) → the code and the name.
/// A code is digits, with a letter in a classified line's (`416401A000`).
fn split_code(cell: &str) -> (Option<String>, String) {
    let cell = cell.trim();
    let token = cell.chars().take_while(|c| c.is_ascii_alphanumeric()).count();
    let (code, rest) = cell.split_at(token);
    let digits = code.chars().filter(|c| c.is_ascii_digit()).count();
    let is_code = code.starts_with(|c: char| c.is_ascii_digit()) && digits >= 4 && digits + 1 >= code.len();
    if is_code && (rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return (Some(code.to_string()), rest.split_whitespace().collect::<Vec<_>>().join(""));
    }
    (None, join_wrapped(cell))
}

/// A name wrapped over lines inside its cell, joined: CJK text has no spaces to keep.
fn join_wrapped(cell: &str) -> String {
    if !cell.contains('\n') {
        return cell.to_string();
    }
    cell.lines().map(str::trim).collect::<Vec<_>>().join("")
}

fn is_bracketed(name: &str) -> bool {
    (name.starts_with('(') && name.ends_with(')')) || (name.starts_with('（') && name.ends_with('）'))
}

/// `(1.一般政務支出)` → `一般政務支出`.
fn unbracket(name: &str) -> String {
    let inner = name.trim_start_matches(['(', '（']).trim_end_matches([')', '）']);
    let inner = inner.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    inner.trim_start_matches(['.', '．', '、']).trim().to_string()
}

/// Appends 說明 text as printed (wrapped at the column's width, mid-word and mid-number):
/// a line goes on the one before it, except where it starts a numbered point (`1.`,
/// `(1)`, `一、`), which starts a new line. Control characters (the DEL some books pad
/// with) and indenting spaces are dropped.
fn push_explanation(to: &mut String, text: &str) {
    for line in text.lines() {
        let line: String = line.chars().filter(|c| !c.is_control()).collect();
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !to.is_empty() && starts_point(line) {
            to.push('\n');
        }
        to.push_str(line);
    }
}

fn starts_point(line: &str) -> bool {
    let digits = line.chars().take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c)).count();
    let rest: String = line.chars().skip(digits).take(1).collect();
    (digits > 0 && matches!(rest.as_str(), "." | "．" | "、"))
        || line.starts_with(['(', '（']) && line.chars().nth(1).is_some_and(|c| c.is_ascii_digit() || crate::text::chinese_numeral(&c.to_string()).is_some())
        || line.chars().nth(1) == Some('、') && crate::text::chinese_numeral(&line.chars().take(1).collect::<String>()).is_some()
}

/// True when the tree comes from the code column rather than the level columns.
pub(super) fn codes_give_tree(t: &Table, m: &Mapping) -> bool {
    m.code.is_some_and(|c| m.levels.is_empty() || (numbered(t, &m.levels) && codes_cover(t, c, m.name)))
}

/// True when the level columns hold numbers (款 1, 項 2), not names (a civic-tech CSV's).
fn numbered(t: &Table, levels: &[usize]) -> bool {
    let cells = t.rows.iter().take(200).flat_map(|r| levels.iter().map(|i| r.cell(*i).trim())).filter(|c| !c.is_empty());
    let (mut all, mut numbers) = (0usize, 0usize);
    for c in cells {
        all += 1;
        numbers += usize::from(c.chars().all(|c| c.is_ascii_digit()));
    }
    numbers * 10 >= all * 9
}

/// True when nearly every named row carries a code (90%).
fn codes_cover(t: &Table, code: usize, name: Option<usize>) -> bool {
    let named = t.rows.iter().filter(|r| name.is_some_and(|n| !r.cell(n).trim().is_empty()));
    let (mut rows, mut coded) = (0usize, 0usize);
    for r in named {
        rows += 1;
        coded += usize::from(!r.cell(code).trim().is_empty());
    }
    rows > 0 && coded * 10 >= rows * 9
}

/// The row's classification path: a blank level cell takes the value of the row above as
/// long as the row above has the same path up to that level.
pub(super) fn level_path(row: &Row, levels: &[usize], prev: &[String]) -> Vec<String> {
    let Some(deepest) = levels.iter().rposition(|i| !row.cell(*i).trim().is_empty()) else { return Vec::new() };
    let mut same = true;
    let mut path = Vec::with_capacity(deepest + 1);
    for (depth, col) in levels[..=deepest].iter().enumerate() {
        let cell = row.cell(*col).trim();
        if cell.is_empty() {
            path.push(if same { prev.get(depth).cloned().unwrap_or_default() } else { String::new() });
        } else {
            same = same && prev.get(depth).map(String::as_str) == Some(cell);
            path.push(cell.to_string());
        }
    }
    path
}

/// Converts to 千元, rejecting figures no budget can have.
fn to_money(d: Decimal, unit: Unit, line: u32, diags: &mut Vec<Diagnostic>) -> Option<Money> {
    let thousands = match unit {
        Unit::Thousand => Some(d),
        Unit::Yuan => d.checked_div(Decimal::from(1000)),
    };
    match thousands.map(Money) {
        Some(m) if m.is_plausible() => Some(m),
        _ => {
            diags.push(Diagnostic::error(Some(line), Finding::AmountTooLarge { programme: None, of: AmountOf::Budget, written: d.to_string() }));
            Some(Money::ZERO)
        }
    }
}

pub(super) fn is_total_name(name: &str) -> bool {
    let n: String = name.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    matches!(n.as_str(), "合計" | "總計" | "总计" | "合计" | "total" | "grandtotal")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_levels_inherit_only_along_the_same_path() {
        let row = |cells: &[&str]| Row { line: 1, cells: cells.iter().map(|s| s.to_string()).collect() };
        let prev: Vec<String> = vec!["1".into(), "2".into(), "3".into()];
        assert_eq!(level_path(&row(&["", "", "4"]), &[0, 1, 2], &prev), ["1", "2", "4"]);
        assert_eq!(level_path(&row(&["1", "", "4"]), &[0, 1, 2], &prev), ["1", "2", "4"]);
        assert_eq!(level_path(&row(&["5", "", "4"]), &[0, 1, 2], &prev), ["5", "", "4"]);
        assert_eq!(level_path(&row(&["", "7", ""]), &[0, 1, 2], &prev), ["1", "7"]);
        assert!(level_path(&row(&["", "", ""]), &[0, 1, 2], &prev).is_empty());
    }

    #[test]
    fn code_and_name_in_one_cell() {
        assert_eq!(split_code("0002000000\n總統府主管"), (Some("0002000000".into()), "總統府主管".into()));
        assert_eq!(split_code("3202010100"), (Some("3202010100".into()), String::new()));
        assert_eq!(split_code("一般\n行政"), (None, "一般行政".into()));
        assert_eq!(split_code("2024年計畫"), (None, "2024年計畫".into()));
        assert_eq!(split_code("\u{3000}416401A000"), (Some("416401A000".into()), String::new()));
        assert_eq!(split_code("ABCD1234"), (None, "ABCD1234".into()));
        assert_eq!(unbracket("(1.一般政務支出)"), "一般政務支出");
        assert_eq!(unbracket("（國務支出）"), "國務支出");
    }
}
