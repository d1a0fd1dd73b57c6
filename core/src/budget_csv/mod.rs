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
mod lines;
mod read;

pub use export::{from_export, is_export_csv};
pub use guess::{code_path, guess_mapping, sum_parts, unit_from_magnitude, PARTS_SUMMED};
pub use read::{read_table, read_table_bytes};

use crate::book::{DocumentKind, Group, LineFacts};
use crate::diagnostic::{Diagnostic, Finding, UnitEvidence, UnitName};
use crate::money::Money;
use crate::parser::{validate, Parsed};
use crate::plan::Plan;
use crate::programme::Programme;
use crate::span::Span;
use serde::{Deserialize, Serialize};

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

impl Table {
    /// The table as text whose line N is the row read from line (or sheet row) N, cells
    /// joined by tabs: what a line's provenance shows for a spreadsheet, whose rows have no
    /// text of their own. Title rows are at their lines; the header at its own.
    pub fn as_text(&self) -> String {
        let mut lines: Vec<(u32, String)> = self.title.clone();
        lines.push((self.header_line, self.headers.join("\t")));
        lines.extend(self.rows.iter().map(|r| (r.line, trim_cells(&r.cells).join("\t"))));
        crate::order::sort_by_key(&mut lines, |(l, _)| *l);
        let mut out = String::new();
        let mut at = 1u32;
        for (line, text) in lines {
            while at < line {
                out.push('\n');
                at += 1;
            }
            if at == line {
                // A cell's own line breaks would shift every line after it.
                out.push_str(&text.replace(['\n', '\r'], " "));
                out.push('\n');
                at += 1;
            }
        }
        out
    }
}

/// Cells without the empty ones at the end (a sheet 258 columns wide).
fn trim_cells(cells: &[String]) -> &[String] {
    let end = cells.iter().rposition(|c| !c.trim().is_empty()).map_or(0, |i| i + 1);
    &cells[..end]
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
    /// is still the guessed one; once the reader picks a unit it says nothing.
    #[serde(skip)]
    pub unit_guess: Option<UnitGuess>,
    /// The reader chose the unit (a split guess then no longer stops the import).
    #[serde(skip)]
    pub unit_chosen: bool,
    /// The book's other columns: 說明 and the series beside this year's budget.
    #[serde(default)]
    pub explanation: Option<usize>,
    /// 上年度預算數.
    #[serde(default)]
    pub last_year: Option<usize>,
    /// 前年度決算數.
    #[serde(default)]
    pub actual: Option<usize>,
    /// 本年度與上年度比較.
    #[serde(default)]
    pub change: Option<usize>,
    /// 經常門 and 資本門 of this year's budget.
    #[serde(default)]
    pub current: Option<usize>,
    #[serde(default)]
    pub capital: Option<usize>,
}

/// Reads a budget table as a plan: its lines a tree (see [`lines`]) whose leaves are the
/// programmes and whose parents are [`Group`]s, each line with the book's other figures.
///
/// - A blank level cell takes the value of the row above, as long as the row above has the
///   same path up to that level; so a row may fill only its own level (`,,人事費`) or all of
///   them. Without level columns, a code column (科目編號) gives the path ([`code_path`]).
/// - A row with no level at all is a grand total if its name says so (合計, 總計, total),
///   checked against the sum of the leaves; in a classified table any other such row
///   groups the lines after it (a 政事別 row); every parent is checked against its children.
/// - Amounts: see [`read::parse_amount`]; `(元)` amounts are divided by 1,000 exactly.
/// - The title is `title`, or when that is blank the table's title block (without its
///   `單位：…` part); each title line is reported (TitleSkipped), and the unit guess too
///   while the reader has not chosen it (UnitAssumed: Info when stated, an Error when the
///   evidence is split, else a Warning).
pub fn to_plan(t: &Table, m: &Mapping, title: &str) -> Parsed {
    let mut diags = Vec::new();
    let mut plan = Plan::empty();
    let title = if title.trim().is_empty() { title_of(t) } else { title.trim().to_string() };
    plan.year = roc_year(&title);
    plan.kind = kind_of(t, &title);
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
    if let Some(columns) = guess::cross_tab(t, m) {
        diags.push(Diagnostic::error(Some(header_line), Finding::CrossTab { columns }));
        return Parsed { plan, diagnostics: diags };
    }
    if t.headers.get(amount_col).is_some_and(|h| h.starts_with(PARTS_SUMMED)) {
        diags.push(Diagnostic::info(Some(header_line), Finding::ThisYearFromParts));
    }
    if let Some(g) = m.unit_guess.filter(|g| g.unit == m.unit && !m.unit_chosen) {
        let finding = Finding::UnitAssumed { unit: g.unit.into(), evidence: g.evidence };
        diags.push(match g.evidence {
            UnitEvidence::Stated | UnitEvidence::Explained { .. } | UnitEvidence::Convention => Diagnostic::info(Some(header_line), finding),
            UnitEvidence::Split { .. } => Diagnostic::error(Some(header_line), finding),
            _ => Diagnostic::warning(Some(header_line), finding),
        });
    }
    let read = lines::read(t, m, amount_col, &mut diags);
    let amounts = read.amounts();
    lines::check(&read, &amounts, &mut diags);
    plan.classification_levels = level_names(t, m, &read.lines);
    build(&mut plan, &read, &amounts, &mut diags);
    if plan.kind == DocumentKind::Spending && is_revenue_tree(&plan) {
        plan.kind = DocumentKind::Revenue;
    }
    let sum: Money = plan.programmes.iter().map(|p| p.budget).filter(|b| b.is_plausible()).sum();
    for (line, total) in &read.totals {
        if *total != sum {
            diags.push(Diagnostic::warning(Some(*line), Finding::TotalMismatch { stated: *total, sum }));
        }
    }
    finish(plan, diags)
}

/// Lines with children become groups, the others programmes numbered 1.. in table order.
fn build(plan: &mut Plan, read: &lines::Read, amounts: &[Option<Money>], diags: &mut Vec<Diagnostic>) {
    let mut group_of: Vec<Option<u32>> = vec![None; read.nodes()];
    // Parents come before their children (a row's parent is an earlier row or an implied
    // level made for it), except an implied level, which is made while its first child is
    // read: give every group its index first, in source order.
    let mut order: Vec<(u32, usize)> = (0..read.nodes())
        .filter(|n| read.has_child[*n])
        .map(|n| (if n < read.lines.len() { read.lines[n].line } else { read.implied[n - read.lines.len()].line }, n))
        .collect();
    crate::order::sort(&mut order);
    for (i, (_, n)) in order.iter().enumerate() {
        group_of[*n] = Some(i as u32);
    }
    let depth = |mut n: usize| {
        let mut d = 0;
        while let Some(p) = read.parent[n] {
            d += 1;
            n = p;
        }
        d
    };
    // An implied level's series are its children's sums (its budget is in `amounts`), and so
    // are those a printed parent row leaves blank.
    let blank_parent = (0..read.lines.len()).any(|n| read.has_child[n] && read.lines[n].amount.is_none());
    let bottom_up = if read.implied.is_empty() && !blank_parent { Vec::new() } else { read.bottom_up() };
    let series = |of: fn(&LineFacts) -> Option<Money>| if bottom_up.is_empty() { Vec::new() } else { read.sums(&bottom_up, |l| of(&l.facts), false) };
    let (last_year, actual, current, capital) = (series(|f| f.last_year), series(|f| f.actual), series(|f| f.current), series(|f| f.capital));
    for (_, n) in &order {
        let n = *n;
        let parent = read.parent[n].and_then(|p| group_of[p]);
        let group = if n < read.lines.len() {
            let l = &read.lines[n];
            Group {
                name: l.name.clone(),
                level: depth(n),
                budget: amounts[n].unwrap_or_default(),
                facts: if l.amount.is_none() && !bottom_up.is_empty() {
                    LineFacts { parent, last_year: last_year[n], actual: actual[n], current: current[n], capital: capital[n], ..l.facts.clone() }
                } else {
                    LineFacts { parent, ..l.facts.clone() }
                },
                stated: true,
                grouping: l.grouping,
                span: Span { start: l.line, end: l.end },
            }
        } else {
            let i = &read.implied[n - read.lines.len()];
            Group {
                name: i.name.clone(),
                level: depth(n),
                budget: amounts[n].unwrap_or_default(),
                facts: LineFacts { parent, last_year: last_year[n], actual: actual[n], current: current[n], capital: capital[n], ..LineFacts::default() },
                stated: false,
                grouping: false,
                span: Span::line(i.line),
            }
        };
        plan.groups.push(group);
    }
    for (n, l) in read.lines.iter().enumerate() {
        if read.has_child[n] {
            continue;
        }
        if l.blank {
            diags.push(Diagnostic::warning(Some(l.line), Finding::NoAmount { name: l.name.clone() }));
        }
        let facts = LineFacts { parent: read.parent[n].and_then(|p| group_of[p]), ..l.facts.clone() };
        plan.programmes.push(Programme {
            number: plan.programmes.len() as u32 + 1,
            name: l.name.clone(),
            items: Vec::new(),
            budget: l.amount.unwrap_or_default(),
            funding: Vec::new(),
            classification: l.path.clone(),
            book: (!facts.is_empty()).then(|| Box::new(facts)),
            span: Span { start: l.line, end: l.end },
            budget_span: Span::line(l.line),
        });
    }
}

/// The indexes of the rows that are leaf lines under `m` (what [`to_plan`] makes
/// programmes of).
fn leaves(t: &Table, m: &Mapping) -> Vec<usize> {
    let Some(amount_col) = m.amount else { return Vec::new() };
    let read = lines::read(t, m, amount_col, &mut Vec::new());
    read.lines.iter().enumerate().filter(|(n, _)| !read.has_child[*n]).map(|(_, l)| l.row).collect()
}

/// Revenue when the title or the header says 歲入 (and not 歲出); spending otherwise.
fn kind_of(t: &Table, title: &str) -> DocumentKind {
    let says = |w: &str| title.contains(w) || t.title.iter().any(|(_, s)| s.contains(w)) || t.headers.iter().any(|h| h.contains(w));
    if says("歲入") && !says("歲出") {
        DocumentKind::Revenue
    } else {
        DocumentKind::Spending
    }
}

/// A table with no title saying 歲入 is still revenue when its top level is sources of
/// income (稅課收入, 規費收入 …) and nothing is spending (…支出).
fn is_revenue_tree(plan: &Plan) -> bool {
    let names: Vec<&str> = plan
        .tree()
        .children(None)
        .iter()
        .map(|r| match *r {
            crate::book::TreeRef::Group(g) => plan.groups[g as usize].name.as_str(),
            crate::book::TreeRef::Programme(p) => plan.programmes[p as usize].name.as_str(),
        })
        .collect();
    !names.is_empty() && names.iter().all(|n| n.ends_with("收入") || n.ends_with("收入款")) && !names.iter().any(|n| n.contains("支出"))
}

fn title_of(t: &Table) -> String {
    let parts = t.title.iter().map(|(_, s)| s.split("單位").next().unwrap_or("").trim_end_matches([' ', '：', ':', '(', '（']).trim());
    parts.filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Level names: the level columns' headers, or for a code column the parts of a 10-digit
/// 科目編號 ([`code_path`]), else the code header numbered.
fn level_names(t: &Table, m: &Mapping, lines: &[lines::Line]) -> Vec<String> {
    let Some(code) = m.code.filter(|_| lines::codes_give_tree(t, m)) else {
        return m.levels.iter().map(|i| t.headers.get(*i).cloned().unwrap_or_default()).collect();
    };
    let depth = lines.iter().map(|l| l.path.len()).max().unwrap_or(0);
    let codes = || lines.iter().filter_map(|l| l.facts.code.as_deref());
    let ten = codes().all(|c| c.len() == 10 && c.bytes().all(|b| b.is_ascii_digit()));
    let names: &[&str] = if guess::agency_first(t, code) || codes().any(|c| c.len() == 10 && c.starts_with("00")) {
        &["主管機關", "單位預算機關", "政事別", "業務計畫", "工作計畫"]
    } else {
        &["政事別", "主管機關", "單位預算機關", "業務計畫", "工作計畫"]
    };
    let header = t.headers.get(code).map(String::as_str).unwrap_or("code");
    (0..depth).map(|d| if ten && d < names.len() { names[d].to_string() } else { format!("{header} {}", d + 1) }).collect()
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
        let line = p.plan.programmes[0].book.as_deref().unwrap();
        assert_eq!((line.code.as_deref(), line.last_year), (Some("3505010000"), Some(Money::thousands(947_044))));
        assert_eq!(p.plan.groups[0].facts.code.as_deref(), Some("3500000000"));
        assert!(p.diagnostics.iter().all(|d| matches!(d.finding, Finding::UnitAssumed { .. })), "{:#?}", p.diagnostics);
    }

    #[test]
    fn a_table_as_text_keeps_every_row_at_its_line() {
        let t = read_table("某市預算\n\n名稱,預算數,,\n甲,\"1\n2\",,\n\n乙,3,,\n").unwrap();
        let text = t.as_text();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines, ["某市預算", "", "名稱\t預算數\t\t", "甲\t1 2", "", "", "乙\t3"]);
    }
}
