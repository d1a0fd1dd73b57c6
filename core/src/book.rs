//! Budget books (預算書) in the one model. A book's lines form a tree (款 → 項 → 目 → 節, or
//! 主管 → 機關 → 政事別 → 業務計畫 → 工作計畫): the lines without children are the plan's
//! [`Programme`](crate::Programme)s, so every total, share, chart and export counts them once;
//! the lines with children are [`Group`]s, whose stated amounts are checked against their
//! children and never added again. A 施政計畫 is the same model with no groups.
//!
//! Each line (group or programme) may carry [`LineFacts`]: its code, its parent, the other
//! series the book prints (上年度預算數, 前年度決算數, 經常門 / 資本門), the stated change and
//! the agency's explanation (說明).

use crate::compare::Change;
use crate::money::Money;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// What kind of document a plan was read from: the money views say "spending" or "revenue".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A 施政計畫: programmes with funding notes.
    #[default]
    Plan,
    /// A budget book's spending table (歲出…預算表).
    Spending,
    /// A budget book's revenue table (歲入來源別預算表): its amounts are money coming in.
    Revenue,
}

impl DocumentKind {
    pub fn is_plan(&self) -> bool {
        *self == DocumentKind::Plan
    }
}

/// A budget book's figures for one line besides this year's budget, and where it sits.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LineFacts {
    /// 科目編號 as printed (e.g. `3202010100`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Index into [`crate::Plan::groups`] of the line this one is under; `None` at the top.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<u32>,
    /// 經常門: this year's recurrent part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<Money>,
    /// 資本門: this year's capital part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capital: Option<Money>,
    /// 上年度預算數.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_year: Option<Money>,
    /// 前年度決算數: what was actually spent the year before last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Money>,
    /// 本年度與上年度比較 as printed (this year minus last; a cut is negative).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_change: Option<Money>,
    /// 說明, joined from every row or line it spans (one `\n` between them).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub explanation: String,
}

impl LineFacts {
    pub fn is_empty(&self) -> bool {
        *self == LineFacts::default()
    }

    /// This year minus last year, where last year is known.
    pub fn change(&self, budget: Money) -> Option<Money> {
        self.last_year.map(|last| budget - last)
    }
}

/// A line with lines under it: a subtotal (款, 項, 目 …) or a grouping row (a 政事別 row
/// such as 國務支出 between an agency and its work plans). Its `budget` is the figure its
/// row states (or, for a level the book names without a row of its own, its children's sum).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub name: String,
    /// Depth in the tree: 0 for the top level.
    pub level: u32,
    pub budget: Money,
    #[serde(default, skip_serializing_if = "LineFacts::is_empty")]
    pub facts: LineFacts,
    /// False for a level the book implies (a name in a level column) but prints no row for.
    #[serde(default = "yes")]
    pub stated: bool,
    /// A grouping row with no level of its own (a 政事別 row such as 國務支出, `(1.一般政務
    /// 支出)`): it makes the tree one deeper than the book's level columns.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub grouping: bool,
    /// The row (or lines) it was read from; empty for an implied level.
    pub span: Span,
}

fn yes() -> bool {
    true
}

/// Who is under whom, built once from the parent links (a plan stores only each line's
/// parent): the lines under each group in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tree {
    /// `under[0]`: the top level; `under[g + 1]`: the lines directly under group `g`.
    under: Vec<Vec<TreeRef>>,
}

impl Tree {
    /// The groups and programmes directly under `parent` (`None`: the top level), in
    /// document order.
    pub fn children(&self, parent: Option<u32>) -> &[TreeRef] {
        let at = parent.map_or(0, |g| g as usize + 1);
        self.under.get(at).map(Vec::as_slice).unwrap_or_default()
    }

    /// Every line of the tree, depth first in document order (a parent before its lines).
    pub fn order(&self) -> Vec<TreeRef> {
        let lines: usize = self.under.iter().map(Vec::len).sum();
        let mut out = Vec::with_capacity(lines);
        let mut stack: Vec<TreeRef> = self.children(None).iter().rev().copied().collect();
        while let Some(r) = stack.pop() {
            // A corrupt parent chain (a cycle) cannot make the walk longer than the lines.
            if out.len() >= lines {
                break;
            }
            out.push(r);
            if let TreeRef::Group(g) = r {
                stack.extend(self.children(Some(g)).iter().rev());
            }
        }
        out
    }
}

impl crate::Plan {
    /// The tree's index of children; build it once per plan and keep it.
    pub fn tree(&self) -> Tree {
        let mut under: Vec<Vec<(u32, TreeRef)>> = vec![Vec::new(); self.groups.len() + 1];
        // A parent that is not a group (a corrupt file) puts the line at the top.
        let slot = |parent: Option<u32>| parent.filter(|g| (*g as usize) < self.groups.len()).map_or(0, |g| g as usize + 1);
        for (i, g) in self.groups.iter().enumerate() {
            under[slot(g.facts.parent)].push((g.span.start, TreeRef::Group(i as u32)));
        }
        for (i, p) in self.programmes.iter().enumerate() {
            under[slot(p.book.as_ref().and_then(|b| b.parent))].push((p.span.start, TreeRef::Programme(i as u32)));
        }
        let under = under
            .into_iter()
            .map(|mut list| {
                crate::order::sort_by_key(&mut list, |(line, r)| (*line, matches!(r, TreeRef::Programme(_))));
                list.into_iter().map(|(_, r)| r).collect()
            })
            .collect();
        Tree { under }
    }

    /// The sum of the leaves under a group (what it really holds, counted once).
    pub fn group_total(&self, group: u32) -> Money {
        self.programmes.iter().filter(|p| self.is_under(p.book.as_ref().and_then(|b| b.parent), group)).map(|p| p.budget).sum()
    }

    /// True when `at` is `group` or lies under it.
    pub fn is_under(&self, mut at: Option<u32>, group: u32) -> bool {
        // A parent chain is at most as long as the list of groups; a corrupt cycle stops there.
        for _ in 0..=self.groups.len() {
            match at {
                Some(g) if g == group => return true,
                Some(g) => at = self.groups.get(g as usize).and_then(|x| x.facts.parent),
                None => return false,
            }
        }
        false
    }

    /// The names from the top down to a programme's parent (its place in the book).
    pub fn path_of(&self, programme: &crate::Programme) -> Vec<&str> {
        let mut names = Vec::new();
        let mut at = programme.book.as_ref().and_then(|b| b.parent);
        while let Some(g) = at.and_then(|g| self.groups.get(g as usize)) {
            if names.len() > self.groups.len() {
                break;
            }
            names.push(g.name.as_str());
            at = g.facts.parent;
        }
        names.reverse();
        names
    }

    /// Sums of a series over the leaves: `(this year, last year, actual)`; a series is
    /// `None` when no line carries it.
    pub fn series_totals(&self) -> (Money, Option<Money>, Option<Money>) {
        let sum = |f: fn(&LineFacts) -> Option<Money>| {
            let v: Vec<Money> = self.programmes.iter().filter_map(|p| p.book.as_deref().and_then(f)).collect();
            (!v.is_empty()).then(|| v.into_iter().sum())
        };
        (self.total(), sum(|b| b.last_year), sum(|b| b.actual))
    }
}

/// One node of a plan's tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TreeRef {
    Group(u32),
    /// An index into `programmes` (not its number).
    Programme(u32),
}

/// One line of a book's tree with the figures a summary shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineView<'a> {
    pub name: &'a str,
    pub code: Option<&'a str>,
    pub level: u32,
    pub budget: Money,
    pub facts: Option<&'a LineFacts>,
}

impl LineView<'_> {
    /// True when `needle` (lower-case) is in the line's name, code or explanation: what a
    /// reader's filter searches, in the book's table and on the what-changed page alike.
    pub fn matches(&self, needle: &str) -> bool {
        let text = format!("{} {} {}", self.name, self.code.unwrap_or(""), self.facts.map_or("", |f| f.explanation.as_str()));
        text.to_lowercase().contains(needle)
    }

    /// Against last year, where the book gives last year.
    pub fn change(&self) -> Option<Change> {
        Some(Change::between(self.facts?.last_year?, self.budget))
    }
}

impl crate::Plan {
    /// A node of the tree as a [`LineView`].
    pub fn line(&self, r: TreeRef) -> LineView<'_> {
        match r {
            TreeRef::Group(g) => {
                let g = &self.groups[g as usize];
                LineView { name: &g.name, code: g.facts.code.as_deref(), level: g.level, budget: g.budget, facts: Some(&g.facts) }
            }
            TreeRef::Programme(p) => {
                let p = &self.programmes[p as usize];
                let level = p.book.as_ref().and_then(|b| b.parent).map_or(0, |g| self.groups[g as usize].level + 1);
                LineView { name: &p.name, code: p.book.as_ref().and_then(|b| b.code.as_deref()), level, budget: p.budget, facts: p.book.as_deref() }
            }
        }
    }

    /// The name of the line a line is under (to tell apart the many 一般行政 of a book).
    pub fn parent_name(&self, r: TreeRef) -> Option<&str> {
        let parent = match r {
            TreeRef::Group(g) => self.groups.get(g as usize)?.facts.parent,
            TreeRef::Programme(p) => self.programmes.get(p as usize)?.book.as_ref()?.parent,
        };
        self.groups.get(parent? as usize).map(|g| g.name.as_str())
    }

    /// Where a line was read from (its row or lines in the source).
    pub fn span_of(&self, r: TreeRef) -> Span {
        match r {
            TreeRef::Group(g) => self.groups[g as usize].span,
            TreeRef::Programme(p) => self.programmes[p as usize].span,
        }
    }

    /// How many lines each level of the tree has (index 0: the top).
    pub fn lines_per_level(&self) -> Vec<usize> {
        let mut counts: Vec<usize> = Vec::new();
        let mut add = |level: u32| {
            let l = level as usize;
            if counts.len() <= l {
                counts.resize(l + 1, 0);
            }
            counts[l] += 1;
        };
        self.groups.iter().for_each(|g| add(g.level));
        (0..self.programmes.len() as u32).for_each(|i| add(self.line(TreeRef::Programme(i)).level));
        counts
    }

    /// The CLI's summary of a budget book: what it is, its three years' totals, its lines
    /// per level and its top level with each line's change.
    pub fn book_text(&self) -> String {
        let mut s = String::new();
        let kind = match self.kind {
            DocumentKind::Revenue => "revenue (歲入)",
            DocumentKind::Spending => "spending (歲出)",
            DocumentKind::Plan => "plan",
        };
        let year = if self.year == 0 { "year not stated".to_string() } else { format!("ROC year {}", self.year) };
        s += &format!("{} — a budget book's {kind} table, {year}\n", self.title);
        let (this, last, actual) = self.series_totals();
        let or_dash = |m: Option<Money>| m.map_or("—".to_string(), |m| format!("{} 千元", m.fmt_thousands()));
        s += &format!("This year: {} 千元 ({})\n", this.fmt_thousands(), this.fmt_million());
        s += &format!("Last year: {}\n", or_dash(last));
        s += &format!("Actual (前年度決算): {}\n", or_dash(actual));
        // Grouping rows and implied levels make the tree deeper than the book's level
        // columns: the columns' names are used only where they are the tree's levels.
        let per_level = self.lines_per_level();
        let names = Some(&self.classification_levels).filter(|n| n.len() == per_level.len() && self.groups.iter().all(|g| g.stated && !g.grouping));
        let levels: Vec<String> = per_level
            .iter()
            .enumerate()
            .map(|(i, n)| match names.and_then(|names| names.get(i)).filter(|n| !n.is_empty()) {
                Some(name) => format!("{name} {n}"),
                None => format!("level {} {n}", i + 1),
            })
            .collect();
        s += &format!(
            "Lines: {} ({} with lines under them, {} leaves); per level: {}\n",
            self.groups.len() + self.programmes.len(),
            self.groups.len(),
            self.programmes.len(),
            levels.join(", ")
        );
        s += "\nTop level (千元: this year, last year, change):\n";
        for r in self.tree().children(None) {
            let l = self.line(*r);
            let last = l.facts.and_then(|f| f.last_year).map_or("—".to_string(), |m| m.fmt_thousands());
            let change = l.change().map_or(String::new(), |c| format!("{} ({})", c.amount.fmt_change(), c.fmt_percent()));
            s +=
                &format!("  {:>16} {:>16} {:>20}  {}{}\n", l.budget.fmt_thousands(), last, change, l.code.map(|c| format!("{c} ")).unwrap_or_default(), l.name);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_from_nothing_is_new_not_infinite() {
        let fmt = |a: i64, b: i64| Change::between(Money::thousands(b), Money::thousands(a)).fmt_percent();
        assert_eq!([fmt(5, 2), fmt(1, 2), fmt(2, 2), fmt(5, 0), fmt(0, 0), fmt(9_529, 10_209)], ["+150%", "\u{2212}50%", "0%", "new", "—", "\u{2212}6.66%"]);
    }
}
