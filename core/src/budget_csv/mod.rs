//! Budget books and spreadsheets as plans. A city budget book lists money by classification
//! (款 / 項 / 目 / 節): every level carries a subtotal, and only the deepest lines are money
//! actually spent. Read as a [`Plan`], the deepest lines become programmes, so the totals,
//! shares and charts of a 施政計畫 work unchanged and nothing is counted twice.
//!
//! The programmes CSV this program exports ([`crate::export::csv::programmes_csv`]) reads
//! back through [`from_export`], funding notes included.

use crate::diagnostic::{AmountOf, Diagnostic, Finding};
use crate::export::csv::PROGRAMMES_HEADER;
use crate::funding::{programme_breakdown, FundingKind};
use crate::money::Money;
use crate::parser::{validate, Parsed};
use crate::plan::Plan;
use crate::programme::{FundingNote, Item, Programme};
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

/// Which column holds what (indexes into [`Table::headers`]).
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct Mapping {
    /// Classification columns, outermost first.
    pub levels: Vec<usize>,
    pub name: Option<usize>,
    pub amount: Option<usize>,
    pub unit: Unit,
}

/// Reads CSV text. The delimiter (`,`, tab or `;`) is the one the header line uses most
/// (outside quotes), so spreadsheets saved with a European locale or as TSV read too.
/// Cells are trimmed; blank lines are skipped.
pub fn read_table(text: &str) -> Result<Table, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter(first)).flexible(true).has_headers(false).from_reader(text.as_bytes());
    let mut table = Table::default();
    let mut header_seen = false;
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line().min(u32::MAX as u64) as u32);
            Diagnostic::error(line, Finding::BadCsv { detail: e.to_string() })
        })?;
        let line = record.position().map(|p| p.line().min(u32::MAX as u64) as u32).unwrap_or(0);
        if record.len() > MAX_COLUMNS {
            return Err(Diagnostic::error(Some(line), Finding::TooManyColumns { count: record.len(), max: MAX_COLUMNS }));
        }
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if !header_seen {
            header_seen = true;
            table.headers = cells;
            continue;
        }
        if table.rows.len() == MAX_ROWS {
            return Err(Diagnostic::error(Some(line), Finding::TooManyRows { max: MAX_ROWS }));
        }
        table.rows.push(Row { line, cells });
    }
    if !header_seen {
        return Err(Diagnostic::error(Some(1), Finding::Empty));
    }
    Ok(table)
}

fn delimiter(header: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in header.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b'\t' if !quoted => counts[1] += 1,
            b';' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    // Ties go to the comma, the format's namesake.
    let best = (0..3).fold(0, |b, i| if counts[i] > counts[b] { i } else { b });
    [b',', b'\t', b';'][best]
}

/// A header as compared with known names: no spaces, lower case, no unit in brackets.
fn header_key(h: &str) -> String {
    let h = h.split(['(', '（']).next().unwrap_or("");
    h.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

const NAME_HEADERS: &[&str] = &["科目名稱", "計畫名稱", "名稱", "name"];
const AMOUNT_HEADERS: &[&str] = &["本年度預算數", "預算數", "金額", "budget_thousand_twd", "budget", "amount_thousand_twd", "amount", "amount_twd"];

/// Guesses the mapping from header names; the reader confirms or corrects it.
pub fn guess_mapping(t: &Table) -> Mapping {
    let keys: Vec<String> = t.headers.iter().map(|h| header_key(h)).collect();
    let mut levels: Vec<(u32, usize)> = keys
        .iter()
        .enumerate()
        .filter_map(|(i, k)| {
            let rank = match k.as_str() {
                "款" => 1,
                "項" | "项" => 2,
                "目" => 3,
                "節" | "节" => 4,
                _ => k.strip_prefix("level").and_then(|n| n.trim_start_matches(['_', '-']).parse().ok())?,
            };
            Some((rank, i))
        })
        .collect();
    levels.sort();
    // The first known name in priority order, else any header that mentions one.
    let pick = |known: &[&str], fallback: &[&str]| {
        known.iter().find_map(|n| keys.iter().position(|k| k == n)).or_else(|| keys.iter().position(|k| fallback.iter().any(|f| k.contains(f))))
    };
    let name = pick(NAME_HEADERS, &["名稱"]);
    let amount = pick(AMOUNT_HEADERS, &["預算數", "金額"]);
    let unit = amount.map(|i| unit_of(&t.headers[i])).unwrap_or_default();
    Mapping { levels: levels.into_iter().map(|(_, i)| i).collect(), name, amount, unit }
}

fn unit_of(header: &str) -> Unit {
    let h = header.to_lowercase();
    if h.contains("千元") || h.contains("thousand") {
        Unit::Thousand
    } else if h.contains('元') || h.ends_with("twd") {
        Unit::Yuan
    } else {
        Unit::Thousand
    }
}

/// True for the programmes CSV this program exports.
pub fn is_export_csv(t: &Table) -> bool {
    t.headers.iter().map(String::as_str).eq(PROGRAMMES_HEADER)
}

/// An amount cell as budget books write it.
enum Amount {
    Blank,
    Value(Decimal),
    Bad,
}

/// Reads `1,234`, full-width digits, `-` (nil, as budget books print zero) and the
/// accounting negatives `(1,234)` and `△1,234` (the 減 sign of Taiwanese budget tables).
fn parse_amount(cell: &str) -> Amount {
    let s = cell.trim();
    if s.is_empty() {
        return Amount::Blank;
    }
    if matches!(s, "-" | "－" | "—" | "–") {
        return Amount::Value(Decimal::ZERO);
    }
    let s = s.strip_prefix("NT$").or_else(|| s.strip_prefix('$')).unwrap_or(s);
    let (negative, s) = if let Some(inner) = s.strip_prefix(['(', '（']).and_then(|r| r.strip_suffix([')', '）'])) {
        (true, inner)
    } else if let Some(rest) = s.strip_prefix(['△', '▲']) {
        (true, rest)
    } else {
        (false, s)
    };
    match crate::money::parse_decimal(s) {
        Some(d) if negative => Amount::Value(-d),
        Some(d) => Amount::Value(d),
        None => Amount::Bad,
    }
}

/// One row that carries money, as read.
struct Line {
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
/// - A row is a parent (a subtotal) if a later row's path strictly extends its path; every
///   other row is a leaf and becomes a programme, numbered 1.. in table order.
/// - A row with no level cells at all is a grand total if its name says so (合計, 總計,
///   total) and is checked against the leaves; otherwise it is a leaf with a warning.
/// - Amounts: see [`parse_amount`]; `(元)` amounts are divided by 1,000 exactly.
pub fn to_plan(t: &Table, m: &Mapping, title: &str) -> Parsed {
    let mut diags = Vec::new();
    let mut plan = Plan::empty();
    plan.title = title.trim().to_string();
    plan.agency = plan.title.clone();
    plan.year = roc_year(title);
    plan.classification_levels = m.levels.iter().map(|i| t.headers.get(*i).cloned().unwrap_or_default()).collect();
    let header_line = t.rows.first().map(|r| r.line.saturating_sub(1).max(1)).unwrap_or(1);
    let Some(amount_col) = m.amount else {
        diags.push(Diagnostic::error(Some(header_line), Finding::NoAmountColumn));
        return Parsed { plan, diagnostics: diags };
    };
    let amount_header = t.headers.get(amount_col).map(String::as_str).unwrap_or("amount");
    if t.rows.iter().all(|r| r.cells.iter().all(|c| c.trim().is_empty())) {
        diags.push(Diagnostic::error(Some(header_line), Finding::NoRows));
        return Parsed { plan, diagnostics: diags };
    }

    let mut tree = Tree::default();
    let mut lines: Vec<Line> = Vec::new();
    let mut totals: Vec<(u32, Money)> = Vec::new();
    let mut prev_path: Vec<String> = Vec::new();
    let mut first_line_of: Vec<Option<u32>> = Vec::new();
    for row in &t.rows {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let path = level_path(row, &m.levels, &prev_path);
        let cell = parse_amount(row.cell(amount_col));
        let blank = matches!(cell, Amount::Blank);
        let amount = match cell {
            Amount::Blank => None,
            Amount::Bad => {
                diags.push(Diagnostic::error(Some(row.line), Finding::BudgetNotANumber { programme: None, column: Some(amount_header.to_string()), written: row.cell(amount_col).to_string() }));
                None
            }
            Amount::Value(d) => to_money(d, m.unit, row.line, &mut diags),
        };
        let written_name = m.name.map(|i| row.cell(i).to_string()).unwrap_or_default();
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
        if path.is_empty() && !m.levels.is_empty() {
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
                Some(first) => diags.push(Diagnostic::warning(Some(row.line), Finding::DuplicateClassification { name: name.clone(), path: path.join("/"), first_line: first })),
                None => first_line_of[node] = Some(row.line),
            }
            prev_path = path.clone();
        }
        lines.push(Line { line: row.line, node, path, name, amount, blank });
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
    check_parent_sums(&lines, &is_parent, &tree, &mut diags);

    for (l, parent) in lines.iter().zip(&is_parent) {
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
    for (line, total) in totals {
        if total != sum {
            diags.push(Diagnostic::warning(Some(line), Finding::TotalMismatch { stated: total, sum }));
        }
    }
    finish(plan, diags)
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
fn finish(mut plan: Plan, mut diags: Vec<Diagnostic>) -> Parsed {
    let mut checked = validate::check(&plan);
    // Negative amounts are already reported, for subtotals as well as leaves; notes of 0
    // "exceeding" a negative budget would only say it again.
    let negative: std::collections::HashSet<Option<u32>> = diags.iter().filter(|d| matches!(d.finding, Finding::NegativeAmount { .. })).map(|d| d.line).collect();
    checked.retain(|d| match d.finding {
        Finding::NoItems { .. } | Finding::NegativeBudget { .. } => false,
        Finding::NotesExceedBudget { .. } => !negative.contains(&d.line),
        _ => true,
    });
    diags.extend(checked);
    validate::sanitize(&mut plan);
    diags.sort_by_key(|d| (d.line.unwrap_or(0), std::cmp::Reverse(d.severity)));
    Parsed { plan, diagnostics: diags }
}

/// Rebuilds a plan from the programmes CSV this program exports: numbers, names, budgets,
/// items (joined with ` | `) and funding notes (`中央補助款 38,499; 勞工權益基金 1,000`).
/// Goals and strategies are not in that file. Spans point into the CSV.
pub fn from_export(t: &Table) -> Parsed {
    let mut diags = Vec::new();
    let mut plan = Plan::empty();
    let col = |name: &str| t.headers.iter().position(|h| h == name).unwrap_or(usize::MAX);
    let [number, name, budget, central, special, city, notes, items] = ["number", "name", "budget_thousand_twd", "central_subsidy", "special_funds", "city_general", "funding_notes", "items"].map(col);
    for row in t.rows.iter().filter(|r| r.cells.iter().any(|c| !c.is_empty())) {
        let line = row.line;
        let at = Some(line);
        let n = row.cell(number).parse().unwrap_or_else(|_| {
            diags.push(Diagnostic::error(at, Finding::BadProgrammeNumber { written: row.cell(number).to_string() }));
            plan.programmes.last().map(|p| p.number.saturating_add(1)).unwrap_or(1)
        });
        let b = Money::parse(row.cell(budget)).unwrap_or_else(|| {
            diags.push(Diagnostic::error(at, Finding::BudgetNotANumber { programme: None, column: Some("budget_thousand_twd".into()), written: row.cell(budget).to_string() }));
            Money::ZERO
        });
        if b < Money::ZERO {
            diags.push(Diagnostic::error(at, Finding::NegativeBudget { programme: n }));
        }
        let mut funding = Vec::new();
        for note in row.cell(notes).split([';', '；']).map(str::trim).filter(|s| !s.is_empty()) {
            match note.rsplit_once(char::is_whitespace).and_then(|(s, a)| Some((s.trim(), Money::parse(a)?))) {
                Some((source, amount)) => funding.push(FundingNote { source: source.to_string(), written_as: None, amount, span: Span::line(line) }),
                None => diags.push(Diagnostic::error(at, Finding::BadFundingNote { written: note.to_string() })),
            }
        }
        let items = row.cell(items).split(" | ").map(str::trim).filter(|s| !s.is_empty()).map(|s| Item { number: None, text: s.to_string(), span: Span::line(line) }).collect();
        let p = Programme { number: n, name: row.cell(name).to_string(), items, budget: b, funding, classification: Vec::new(), span: Span::line(line), budget_span: Span::line(line) };
        // The kind columns are derived from the notes; a file edited by hand may disagree.
        if p.budget.is_plausible() && p.funding.iter().all(|n| n.amount.is_plausible()) {
            let breakdown = programme_breakdown(&p);
            for (kind, c) in [(FundingKind::CentralSubsidy, central), (FundingKind::SpecialFund, special), (FundingKind::CityGeneral, city)] {
                let derived: Money = breakdown.iter().filter(|l| l.source.kind == kind).map(|l| l.amount).sum();
                if let Some(stated) = Money::parse(row.cell(c)).filter(|s| *s != derived) {
                    diags.push(Diagnostic::warning(at, Finding::FundingColumnsDisagree { column: PROGRAMMES_HEADER[4 + kind as usize].to_string(), stated, derived }));
                }
            }
        }
        plan.programmes.push(p);
    }
    finish(plan, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_delimiter_of_the_header() {
        assert_eq!(delimiter("a,b,c"), b',');
        assert_eq!(delimiter("a\tb\tc"), b'\t');
        assert_eq!(delimiter("a;b;\"c,d,e\""), b';');
        assert_eq!(delimiter("abc"), b',');
        let t = read_table("\u{feff}款;名稱;金額\n1; 一般 ;1.000,5\n").unwrap();
        assert_eq!(t.headers, ["款", "名稱", "金額"]);
        assert_eq!(t.rows[0].cells, ["1", "一般", "1.000,5"]);
    }

    #[test]
    fn reads_budget_book_amounts() {
        let v = |s| match parse_amount(s) {
            Amount::Value(d) => Some(d.to_string()),
            _ => None,
        };
        assert_eq!(v("1,234"), Some("1234".into()));
        assert_eq!(v("１２３"), Some("123".into()));
        assert_eq!(v("(1,234)"), Some("-1234".into()));
        assert_eq!(v("△5"), Some("-5".into()));
        assert_eq!(v("-"), Some("0".into()));
        assert_eq!(v("abc"), None);
        assert!(matches!(parse_amount("  "), Amount::Blank));
    }

    #[test]
    fn guesses_levels_name_amount_and_unit() {
        let t = read_table("目,款,項,科目名稱,上年度預算數,本年度預算數(元)\n").unwrap();
        assert_eq!(guess_mapping(&t), Mapping { levels: vec![1, 2, 0], name: Some(3), amount: Some(5), unit: Unit::Yuan });
        let t = read_table("level2,level1,name,budget (千元)\n").unwrap();
        assert_eq!(guess_mapping(&t), Mapping { levels: vec![1, 0], name: Some(2), amount: Some(3), unit: Unit::Thousand });
        assert_eq!(roc_year("桃園市 111年度總預算"), 111);
        assert_eq!(roc_year("2022年"), 0);
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
