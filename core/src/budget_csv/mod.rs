//! Budget books and spreadsheets as plans. A city budget book lists money by classification
//! (款 / 項 / 目 / 節): every level carries a subtotal, and only the deepest lines are money
//! actually spent. Read as a [`Plan`], the deepest lines become programmes, so the totals,
//! shares and charts of a 施政計畫 work unchanged and nothing is counted twice.
//!
//! The programmes CSV this program exports ([`crate::export::csv::programmes_csv`]) reads
//! back through [`from_export`], funding notes included.
//!
//! [`read`]: bytes and text to a [`Table`] (encoding, delimiter, title block, header);
//! [`guess`]: which column is what, and the unit; this module: a mapped table to a plan.

mod export;
mod guess;
mod read;

pub use export::{from_export, is_export_csv};
pub use guess::{code_path, guess_mapping, unit_from_magnitude};
pub use read::{read_table, read_table_bytes};

use crate::diagnostic::{AmountOf, Diagnostic, Finding, UnitEvidence, UnitName};
use crate::money::Money;
use crate::parser::{validate, Parsed};
use crate::plan::Plan;
use crate::programme::Programme;
use crate::span::Span;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Larger files are refused rather than freezing a browser tab.
pub const MAX_ROWS: usize = 200_000;
pub const MAX_COLUMNS: usize = 5_000;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// The rows above the header (a budget book's title block), each as its source line
    /// and its nonblank cells joined by a space.
    pub title: Vec<(u32, String)>,
    /// The 1-based source line (or sheet row) of the header.
    pub header_line: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The 1-based source line the row starts on (a quoted cell may span lines).
    pub line: u32,
    pub cells: Vec<String>,
}

impl Row {
    /// The cell in column `i`, or `""` for a short row.
    pub fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map(String::as_str).unwrap_or("")
    }
}

/// The unit of the amount column.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub enum Unit {
    /// 元 — budget books usually count in NT$.
    Yuan,
    /// 千元 — the unit of every 施政計畫 and of [`Money`].
    #[default]
    Thousand,
}

impl Unit {
    /// The other unit: what a "switch the unit" button sets.
    pub fn other(self) -> Unit {
        match self {
            Unit::Yuan => Unit::Thousand,
            Unit::Thousand => Unit::Yuan,
        }
    }
}

impl From<Unit> for UnitName {
    fn from(u: Unit) -> UnitName {
        match u {
            Unit::Yuan => UnitName::Yuan,
            Unit::Thousand => UnitName::Thousand,
        }
    }
}

/// The unit the table itself states or suggests, and on what evidence.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct UnitGuess {
    pub unit: Unit,
    pub evidence: UnitEvidence,
}

/// Which column holds what (indexes into [`Table::headers`]).
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct Mapping {
    /// Classification columns, outermost first.
    pub levels: Vec<usize>,
    /// A code column (科目編號) whose structure gives the classification when `levels`
    /// is empty ([`code_path`]).
    #[serde(default)]
    pub code: Option<usize>,
    pub name: Option<usize>,
    pub amount: Option<usize>,
    pub unit: Unit,
    /// What [`guess_mapping`] found about the unit. [`to_plan`] reports it while `unit`
    /// is still the guessed one; once the reader picks the other unit it says nothing.
    #[serde(skip)]
    pub unit_guess: Option<UnitGuess>,
}

use read::{parse_amount, Amount};

/// One row that carries money, as read.
struct Line {
    /// Index into [`Table::rows`].
    row: usize,
    line: u32,
    /// Node of its classification path; `None` for a row without one.
    node: Option<usize>,
    path: Vec<String>,
    name: String,
    /// `None` when the cell is blank or unreadable.
    amount: Option<Money>,
    /// The amount cell was blank (unreadable ones are reported where they are read).
    blank: bool,
}

/// Classification paths as a tree, so that "is any later row under this one" and "which
/// row is directly above this one" cost the depth of a path, not the length of the table.
#[derive(Default)]
struct Tree {
    parent: Vec<Option<usize>>,
    index: HashMap<(Option<usize>, String), usize>,
}

impl Tree {
    fn node(&mut self, path: &[String]) -> usize {
        let mut at: Option<usize> = None;
        for part in path {
            let next = self.parent.len();
            let id = *self.index.entry((at, part.clone())).or_insert(next);
            if id == next {
                self.parent.push(at);
            }
            at = Some(id);
        }
        at.unwrap_or(0)
    }
}

/// Reads a budget table as a plan whose programmes are its leaf lines.
///
/// Layout rules (both common budget-book layouts read the same):
/// - A blank level cell takes the value of the row above, as long as the row above has the
///   same path up to that level; so a row may fill only its own level (`,,人事費`) or all of
///   them. Blank cells after the row's last filled level mean the row is that shallow.
/// - Without level columns, a code column (科目編號) gives the path ([`code_path`]).
/// - A row is a parent (a subtotal) if a later row's path strictly extends its path; every
///   other row is a leaf and becomes a programme, numbered 1.. in table order.
/// - A row with no level cells at all is a grand total if its name says so (合計, 總計,
///   total) and is checked against the leaves; otherwise it is a leaf with a warning.
/// - Amounts: see [`parse_amount`]; `(元)` amounts are divided by 1,000 exactly.
/// - The title is `title`, or when that is blank the table's title block (without its
///   `單位：…` part); each title line is reported (TitleSkipped), and the unit guess too
///   while `m.unit` is the guessed unit (UnitAssumed: Info when stated, else a Warning).
pub fn to_plan(t: &Table, m: &Mapping, title: &str) -> Parsed {
    let mut diags = Vec::new();
    let mut plan = Plan::empty();
    let title = if title.trim().is_empty() { title_of(t) } else { title.trim().to_string() };
    plan.year = roc_year(&title);
    plan.title = title;
    plan.agency = plan.title.clone();
    let header_line = t.header_line.max(1);
    for (line, text) in &t.title {
        diags.push(Diagnostic::info(Some(*line), Finding::TitleSkipped { title: text.clone() }));
    }
    let Some(amount_col) = m.amount else {
        diags.push(Diagnostic::error(Some(header_line), Finding::NoAmountColumn));
        return Parsed { plan, diagnostics: diags };
    };
    if t.rows.iter().all(|r| r.cells.iter().all(|c| c.trim().is_empty())) {
        diags.push(Diagnostic::error(Some(header_line), Finding::NoRows));
        return Parsed { plan, diagnostics: diags };
    }
    if let Some(g) = m.unit_guess.filter(|g| g.unit == m.unit) {
        let finding = Finding::UnitAssumed { unit: g.unit.into(), evidence: g.evidence };
        diags.push(if g.evidence == UnitEvidence::Stated {
            Diagnostic::info(Some(header_line), finding)
        } else {
            Diagnostic::warning(Some(header_line), finding)
        });
    }
    let read = read_lines(t, m, amount_col, &mut diags);
    plan.classification_levels = level_names(t, m, &read.lines);
    for (l, parent) in read.lines.iter().zip(&read.is_parent) {
        if *parent {
            continue;
        }
        if l.blank {
            diags.push(Diagnostic::warning(Some(l.line), Finding::NoAmount { name: l.name.clone() }));
        }
        let number = plan.programmes.len() as u32 + 1;
        let budget = l.amount.unwrap_or_default();
        plan.programmes.push(Programme {
            number,
            name: l.name.clone(),
            items: Vec::new(),
            budget,
            funding: Vec::new(),
            classification: l.path.clone(),
            span: Span::line(l.line),
            budget_span: Span::line(l.line),
        });
    }
    let sum: Money = plan.programmes.iter().map(|p| p.budget).filter(|b| b.is_plausible()).sum();
    for (line, total) in read.totals {
        if total != sum {
            diags.push(Diagnostic::warning(Some(line), Finding::TotalMismatch { stated: total, sum }));
        }
    }
    finish(plan, diags)
}

/// The indexes of the rows that are leaf lines under `m` (what [`to_plan`] makes
/// programmes of).
fn leaves(t: &Table, m: &Mapping) -> Vec<usize> {
    let Some(amount_col) = m.amount else { return Vec::new() };
    let read = read_lines(t, m, amount_col, &mut Vec::new());
    read.lines.iter().zip(&read.is_parent).filter(|(_, p)| !**p).map(|(l, _)| l.row).collect()
}

fn title_of(t: &Table) -> String {
    let parts = t.title.iter().map(|(_, s)| s.split("單位").next().unwrap_or("").trim_end_matches([' ', '：', ':', '(', '（']).trim());
    parts.filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Level names: the level columns' headers, or for a code column the parts of a 10-digit
/// 科目編號 ([`code_path`]), else the code header numbered.
fn level_names(t: &Table, m: &Mapping, lines: &[Line]) -> Vec<String> {
    if !m.levels.is_empty() {
        return m.levels.iter().map(|i| t.headers.get(*i).cloned().unwrap_or_default()).collect();
    }
    let Some(code) = m.code else { return Vec::new() };
    let depth = lines.iter().map(|l| l.path.len()).max().unwrap_or(0);
    let ten = t.rows.iter().map(|r| r.cell(code)).filter(|c| !c.is_empty()).all(|c| c.len() == 10 && c.bytes().all(|b| b.is_ascii_digit()));
    let names: &[&str] = if guess::agency_first(t, code) {
        &["主管機關", "單位預算機關", "政事別", "業務計畫", "工作計畫"]
    } else {
        &["政事別", "主管機關", "單位預算機關", "業務計畫", "工作計畫"]
    };
    let header = t.headers.get(code).map(String::as_str).unwrap_or("code");
    (0..depth).map(|d| if ten && d < names.len() { names[d].to_string() } else { format!("{header} {}", d + 1) }).collect()
}

struct ReadLines {
    lines: Vec<Line>,
    is_parent: Vec<bool>,
    totals: Vec<(u32, Money)>,
}

fn read_lines(t: &Table, m: &Mapping, amount_col: usize, diags: &mut Vec<Diagnostic>) -> ReadLines {
    let amount_header = t.headers.get(amount_col).map(String::as_str).unwrap_or("amount");
    let code = m.code.filter(|_| m.levels.is_empty());
    let agency_first = code.is_some_and(|c| guess::agency_first(t, c));
    let mut tree = Tree::default();
    let mut lines: Vec<Line> = Vec::new();
    let mut totals: Vec<(u32, Money)> = Vec::new();
    let mut prev_path: Vec<String> = Vec::new();
    let mut first_line_of: Vec<Option<u32>> = Vec::new();
    for (index, row) in t.rows.iter().enumerate() {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let path = match code {
            Some(c) => code_path(row.cell(c), agency_first),
            None => level_path(row, &m.levels, &prev_path),
        };
        let cell = parse_amount(row.cell(amount_col));
        let blank = matches!(cell, Amount::Blank);
        let amount = match cell {
            Amount::Blank => None,
            Amount::Bad => {
                diags.push(Diagnostic::error(
                    Some(row.line),
                    Finding::BudgetNotANumber { programme: None, column: Some(amount_header.to_string()), written: row.cell(amount_col).to_string() },
                ));
                None
            }
            Amount::Value(d) => to_money(d, m.unit, row.line, diags),
        };
        let written_name = m.name.map(|i| row.cell(i).to_string()).unwrap_or_default();
        // The central government's books print each line's 科目編號 on a line of its own
        // above the name (column 名稱及編號): such a line carries neither money nor a name.
        if path.is_empty() && blank && written_name.len() >= 4 && written_name.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if path.is_empty() && is_total_name(&written_name) {
            totals.extend(amount.map(|a| (row.line, a)));
            continue;
        }
        let name = if !written_name.is_empty() {
            written_name
        } else {
            let fallback = path.iter().rev().find(|p| !p.is_empty()).cloned().unwrap_or_else(|| format!("（第 {} 行）", row.line));
            if m.name.is_some() {
                diags.push(Diagnostic::warning(Some(row.line), Finding::UnnamedRow { called: fallback.clone() }));
            }
            fallback
        };
        if path.is_empty() && (!m.levels.is_empty() || code.is_some()) {
            diags.push(Diagnostic::warning(Some(row.line), Finding::NoClassification { name: name.clone() }));
        }
        if amount.is_some_and(|a| a < Money::ZERO) {
            diags.push(Diagnostic::error(Some(row.line), Finding::NegativeAmount { name: name.clone() }));
        }
        let node = (!path.is_empty()).then(|| tree.node(&path));
        if let Some(node) = node {
            if node >= first_line_of.len() {
                first_line_of.resize(node + 1, None);
            }
            match first_line_of[node] {
                Some(first) => diags.push(Diagnostic::warning(
                    Some(row.line),
                    Finding::DuplicateClassification { name: name.clone(), path: path.join("/"), first_line: first },
                )),
                None => first_line_of[node] = Some(row.line),
            }
            prev_path = path.clone();
        }
        lines.push(Line { row: index, line: row.line, node, path, name, amount, blank });
    }

    // Parents: rows some later row extends. Walking up from each row (last first) marks its
    // ancestors; a walk stops at the first node already marked, so the pass is linear.
    let mut has_later_child = vec![false; tree.parent.len()];
    let mut is_parent = vec![false; lines.len()];
    for (i, l) in lines.iter().enumerate().rev() {
        let Some(node) = l.node else { continue };
        is_parent[i] = has_later_child[node];
        let mut up = tree.parent[node];
        while let Some(a) = up {
            if has_later_child[a] {
                break;
            }
            has_later_child[a] = true;
            up = tree.parent[a];
        }
    }
    check_parent_sums(&lines, &is_parent, &tree, diags);
    ReadLines { lines, is_parent, totals }
}

/// The row's classification path, with blank cells inherited as [`to_plan`] describes.
fn level_path(row: &Row, levels: &[usize], prev: &[String]) -> Vec<String> {
    let Some(deepest) = levels.iter().rposition(|i| !row.cell(*i).is_empty()) else { return Vec::new() };
    let mut same = true;
    let mut path = Vec::with_capacity(deepest + 1);
    for (depth, col) in levels[..=deepest].iter().enumerate() {
        let cell = row.cell(*col);
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

fn is_total_name(name: &str) -> bool {
    let n: String = name.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    matches!(n.as_str(), "合計" | "總計" | "总计" | "合计" | "total" | "grandtotal")
}

/// Warns where a subtotal differs from the rows directly under it (each row counts once,
/// toward the nearest earlier row whose path its own extends).
fn check_parent_sums(lines: &[Line], is_parent: &[bool], tree: &Tree, diags: &mut Vec<Diagnostic>) {
    let mut row_of: HashMap<usize, usize> = HashMap::new();
    // (sum of children, a child's amount unknown)
    let mut sums: Vec<(Money, bool)> = vec![(Money::ZERO, false); lines.len()];
    for (i, l) in lines.iter().enumerate() {
        let Some(node) = l.node else { continue };
        let mut up = tree.parent[node];
        while let Some(a) = up {
            if let Some(&j) = row_of.get(&a) {
                match l.amount {
                    Some(x) => sums[j].0 += x,
                    None => sums[j].1 = true,
                }
                break;
            }
            up = tree.parent[a];
        }
        row_of.insert(node, i);
    }
    for (i, l) in lines.iter().enumerate() {
        let (sum, unknown) = sums[i];
        if let (true, Some(stated), false) = (is_parent[i], l.amount, unknown) {
            if stated != sum {
                diags.push(Diagnostic::warning(Some(l.line), Finding::ParentSumMismatch { name: l.name.clone(), path: l.path.join("/"), stated, sum }));
            }
        }
    }
}

/// The ROC year in a title such as `桃園市 111年度總預算`, or 0.
fn roc_year(title: &str) -> u32 {
    let chars: Vec<char> = title.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c == '年' {
            let digits: String = chars[..i].iter().rev().take_while(|c| c.is_ascii_digit()).collect::<Vec<_>>().into_iter().rev().collect();
            if (2..=3).contains(&digits.len()) {
                return digits.parse().unwrap_or(0);
            }
        }
    }
    0
}

/// Runs the checks every way into the program shares; a CSV has no implementation items,
/// so their absence is not worth a warning per row.
pub(super) fn finish(mut plan: Plan, mut diags: Vec<Diagnostic>) -> Parsed {
    let mut checked = validate::check(&plan);
    // Negative amounts are already reported (NegativeAmount), for subtotals as well as leaves.
    checked.retain(|d| !matches!(d.finding, Finding::NoItems { .. } | Finding::NegativeBudget { .. }));
    diags.extend(checked);
    validate::sanitize(&mut plan);
    crate::order::sort_by_key(&mut diags, |d| (d.line.unwrap_or(0), std::cmp::Reverse(d.severity)));
    Parsed { plan, diagnostics: diags }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_lines_above_their_names_are_not_lines() {
        let t = read_table("款,項,目,節,名稱及編號,本年度預算數,上年度預算數\n,,,,3500000000,,\n5,,,,司法支出,\"967,221\",\"947,044\"\n,,,,3505010000,,\n,1,,,司法院,\"967,221\",\"947,044\"\n").unwrap();
        let p = to_plan(&t, &guess_mapping(&t), "x");
        assert_eq!(p.plan.programmes.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(), ["司法院"]);
        assert_eq!(p.plan.total(), Money::thousands(967_221));
        assert!(p.diagnostics.iter().all(|d| matches!(d.finding, Finding::UnitAssumed { .. })), "{:#?}", p.diagnostics);
    }

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
}
