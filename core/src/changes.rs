//! What changed from last year to this, line by line: the change in 千元 and in %, at the
//! level of the tree a reader picks, with the agency's own explanation beside it, and the
//! flags a reviewer would want (see [`Flag`]). A line whose last year is zero is new, one
//! whose this year is zero ended; a % of a zero base is never computed.
//!
//! A level is a cut through the tree: the lines at that depth, and the leaves above it
//! (a 主管 with no agencies under it still counts at the agencies' level), so a level's
//! lines add up to the whole book and nothing is counted twice.

use crate::book::{Tree, TreeRef};
use crate::compare::Change;
use crate::money::Money;
use crate::plan::Plan;
use rust_decimal::Decimal;
use std::collections::HashMap;

mod against;
mod diverging;
mod report;
mod said;
mod split;

pub use against::against;
pub use diverging::{diverging, tick_label};
pub use report::{changes_csv, changes_text};
pub use said::{said_figures, Said, SaidFigure};
pub use split::{just_under, MANY, THRESHOLDS};

/// How a line moved from last year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Movement {
    Increase,
    Cut,
    Same,
    /// Nothing last year (a zero or blank 上年度預算數 where this year has money).
    New,
    /// Nothing this year where last year had money.
    Ended,
    /// The book gives no last year for this line.
    Unknown,
}

/// Something a reviewer should look at, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flag {
    /// The book's 本年度與上年度比較 is not this year minus last year.
    StatedChange { stated: Money, computed: Money },
    /// The explanation states a figure (「本年度預算數9,529千元」) the line does not have.
    Explanation { said: Said, says: Money, figure: Money },
    /// A change of at least [`LARGE_SHARE`] % and [`LARGE_AMOUNT`] with no explanation on
    /// the line or any line under it, in a book that explains other lines.
    Unexplained { change: Money },
    /// One of several lines (under one parent, or of one name across the book) just under
    /// a procurement threshold: money split to stay under it (化整為零) looks like this.
    JustUnder { threshold: Money, lines: usize, across: bool },
}

/// A change this large (in % of last year) is one a reader expects a reason for…
pub const LARGE_SHARE: Decimal = Decimal::from_parts(20, 0, 0, false, 0);
/// …when it is also at least this much money (1,000 千元 = NT$1 million).
pub const LARGE_AMOUNT: Money = Money(Decimal::from_parts(1_000, 0, 0, false, 0));

/// One line's change.
#[derive(Debug, Clone, PartialEq)]
pub struct LineChange {
    pub node: TreeRef,
    pub level: u32,
    pub budget: Money,
    pub last_year: Option<Money>,
    /// Against last year, where the book gives last year.
    pub change: Option<Change>,
    pub movement: Movement,
    pub flags: Vec<Flag>,
}

impl LineChange {
    /// `series`: the book gives last year for some line, so a line without it had none.
    fn of(plan: &Plan, node: TreeRef, series: bool) -> LineChange {
        let l = plan.line(node);
        let last_year = l.facts.and_then(|f| f.last_year).or(series.then_some(Money::ZERO));
        let change = last_year.map(|last| Change::between(last, l.budget));
        let movement = match last_year {
            None => Movement::Unknown,
            Some(last) if last.is_zero() && !l.budget.is_zero() => Movement::New,
            Some(last) if l.budget.is_zero() && !last.is_zero() => Movement::Ended,
            Some(last) if l.budget > last => Movement::Increase,
            Some(last) if l.budget < last => Movement::Cut,
            Some(_) => Movement::Same,
        };
        let mut flags = Vec::new();
        if let (Some(f), Some(c)) = (l.facts, &change) {
            if let Some(stated) = f.stated_change.filter(|s| *s != c.amount) {
                flags.push(Flag::StatedChange { stated, computed: c.amount });
            }
            flags.extend(said::check(&f.explanation, l.budget, last_year));
        }
        LineChange { node, level: l.level, budget: l.budget, last_year, change, movement, flags }
    }

    fn is_large(&self) -> bool {
        let Some(c) = &self.change else { return false };
        let share = c.percent.is_none_or(|p| p.abs() >= LARGE_SHARE);
        share && c.amount.0.abs() >= LARGE_AMOUNT.0
    }
}

/// Every line of the cut at `level` (`None`: the leaves) under `under` (`None`: the whole
/// book), in document order, each with its change and flags.
pub fn line_changes(plan: &Plan, tree: &Tree, level: Option<u32>, under: Option<u32>) -> Vec<LineChange> {
    let mut nodes = Vec::new();
    let mut stack: Vec<TreeRef> = tree.children(under).iter().rev().copied().collect();
    while let Some(r) = stack.pop() {
        if nodes.len() > plan.groups.len() + plan.programmes.len() {
            break; // a corrupt parent chain
        }
        match r {
            TreeRef::Group(g) if level.is_none_or(|l| plan.groups[g as usize].level < l) => {
                stack.extend(tree.children(Some(g)).iter().rev());
            }
            _ => nodes.push(r),
        }
    }
    let facts = || plan.groups.iter().map(|g| &g.facts).chain(plan.programmes.iter().filter_map(|p| p.book.as_deref()));
    let series = facts().any(|f| f.last_year.is_some());
    let mut out: Vec<LineChange> = nodes.into_iter().map(|r| LineChange::of(plan, r, series)).collect();
    let explains = facts().any(|f| !f.explanation.is_empty());
    if explains {
        for c in out.iter_mut().filter(|c| c.is_large() && !explained(plan, tree, c.node)) {
            let change = c.change.as_ref().map_or(Money::ZERO, |c| c.amount);
            c.flags.push(Flag::Unexplained { change });
        }
    }
    split::flag(plan, &mut out);
    out
}

/// The agency's explanation of a line (empty where the book gives none).
pub fn explanation(plan: &Plan, node: TreeRef) -> &str {
    plan.line(node).facts.map_or("", |f| f.explanation.as_str())
}

/// True when the line or a line under it has an explanation (a 款's reasons are often
/// given only on its 項).
fn explained(plan: &Plan, tree: &Tree, node: TreeRef) -> bool {
    let mut stack = vec![node];
    let mut seen = 0;
    while let Some(r) = stack.pop() {
        seen += 1;
        if !explanation(plan, r).is_empty() {
            return true;
        }
        if let (TreeRef::Group(g), true) = (r, seen <= plan.groups.len() + plan.programmes.len()) {
            stack.extend(tree.children(Some(g)));
        }
    }
    false
}

/// The totals of a cut: this year, last year (over the lines that give it) and the lines
/// of each movement.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Totals {
    pub budget: Money,
    pub last_year: Money,
    pub moved: HashMap<Movement, usize>,
}

impl Totals {
    pub fn of(changes: &[LineChange]) -> Totals {
        let mut t = Totals::default();
        for c in changes {
            t.budget += c.budget;
            t.last_year += c.last_year.unwrap_or_default();
            *t.moved.entry(c.movement).or_default() += 1;
        }
        t
    }

    pub fn change(&self) -> Change {
        Change::between(self.last_year, self.budget)
    }
}

/// What a reader ranks lines by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rank {
    /// The biggest increases first (by 千元).
    Increase,
    /// The biggest cuts first (by 千元).
    Cut,
    /// The biggest % increases first (new lines, with no %, after them).
    IncreaseShare,
    /// The biggest % cuts first.
    CutShare,
    /// As the book prints them.
    Book,
}

/// The lines in `rank` order; ties keep the book's order. Lines without last year go last.
pub fn ranked(changes: &[LineChange], rank: Rank) -> Vec<usize> {
    let mut order: Vec<usize> = (0..changes.len()).collect();
    let amount = |i: &usize| changes[*i].change.as_ref().map(|c| c.amount.0);
    let share = |i: &usize| changes[*i].change.as_ref().and_then(|c| c.percent);
    // `Option`'s order puts `None` first, so each key is negated where the largest leads
    // and wrapped so that a missing figure sorts after every present one.
    match rank {
        Rank::Book => {}
        Rank::Increase => crate::order::sort_by_key(&mut order, |i| (amount(i).is_none(), amount(i).map(|a| -a))),
        Rank::Cut => crate::order::sort_by_key(&mut order, |i| (amount(i).is_none(), amount(i))),
        Rank::IncreaseShare => crate::order::sort_by_key(&mut order, |i| (share(i).is_none(), share(i).map(|p| -p), amount(i).map(|a| -a))),
        Rank::CutShare => crate::order::sort_by_key(&mut order, |i| (share(i).is_none(), share(i), amount(i))),
    }
    order
}

#[cfg(test)]
mod tests;
