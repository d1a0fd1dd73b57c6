//! Budget books (預算書) in the one model. A book's lines form a tree (款 → 項 → 目 → 節, or
//! 主管 → 機關 → 政事別 → 業務計畫 → 工作計畫): the lines without children are the plan's
//! [`Programme`](crate::Programme)s, so every total, share, chart and export counts them once;
//! the lines with children are [`Group`]s, whose stated amounts are checked against their
//! children and never added again. A 施政計畫 is the same model with no groups.
//!
//! Each line (group or programme) may carry [`LineFacts`]: its code, its parent, the other
//! series the book prints (上年度預算數, 前年度決算數, 經常門 / 資本門), the stated change and
//! the agency's explanation (說明).

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
    /// The row (or lines) it was read from; empty for an implied level.
    pub span: Span,
}

fn yes() -> bool {
    true
}

impl crate::Plan {
    /// The groups and programmes directly under `parent` (`None`: the top level), in
    /// document order: `(Some(group), None)` or `(None, Some(programme index))`.
    pub fn children(&self, parent: Option<u32>) -> Vec<TreeRef> {
        let mut out: Vec<(Span, TreeRef)> = Vec::new();
        for (i, g) in self.groups.iter().enumerate() {
            if g.facts.parent == parent {
                out.push((g.span, TreeRef::Group(i as u32)));
            }
        }
        for (i, p) in self.programmes.iter().enumerate() {
            if p.book.as_ref().and_then(|b| b.parent) == parent {
                out.push((p.span, TreeRef::Programme(i as u32)));
            }
        }
        crate::order::sort_by_key(&mut out, |(span, r)| (span.start, matches!(r, TreeRef::Programme(_))));
        out.into_iter().map(|(_, r)| r).collect()
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeRef {
    Group(u32),
    /// An index into `programmes` (not its number).
    Programme(u32),
}
