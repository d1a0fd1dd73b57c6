//! A budget book's tree as table rows: the lines a reader has opened, each with its depth,
//! siblings sorted as the reader asks (within their parent, never across levels), and a
//! filter that keeps the matching lines with the lines they sit under, opened to show them.

use crate::book::{Tree, TreeRef};
use crate::money::Money;
use crate::plan::Plan;
use std::collections::HashSet;

/// How the lines under one parent are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Siblings {
    Book,
    BudgetDown,
    /// The biggest increase first (lines without last year last).
    ChangeDown,
    /// The biggest cut first.
    ChangeUp,
    Name,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub node: TreeRef,
    pub depth: u32,
    /// Lines directly under it (0 for a leaf).
    pub children: usize,
    /// Its lines are among the rows.
    pub open: bool,
    /// It matches the filter (always, without one); the others are shown for their lines.
    pub matches: bool,
}

/// The rows to show: the top level, and under every group in `open` its lines; with a
/// `filter` (lower-case), only the lines whose name, code or explanation contains it and the
/// lines above them, opened.
pub fn rows(plan: &Plan, tree: &Tree, open: &HashSet<u32>, order: Siblings, filter: &str) -> Vec<Row> {
    let needle = filter.trim().to_lowercase();
    let matching = (!needle.is_empty()).then(|| matches(plan, tree, &needle));
    let mut out = Vec::new();
    let mut stack: Vec<(TreeRef, u32)> = sorted(plan, tree.children(None), order).into_iter().rev().map(|r| (r, 0)).collect();
    let lines = plan.groups.len() + plan.programmes.len();
    while let Some((node, depth)) = stack.pop() {
        if out.len() > lines {
            break; // a corrupt parent chain
        }
        let under: &[TreeRef] = match node {
            TreeRef::Group(g) => tree.children(Some(g)),
            TreeRef::Programme(_) => &[],
        };
        let (shown, is_open) = match (&matching, node) {
            (Some(m), _) => (m.shown.contains(&node), under.iter().any(|c| m.shown.contains(c))),
            (None, TreeRef::Group(g)) => (true, open.contains(&g)),
            (None, TreeRef::Programme(_)) => (true, false),
        };
        if !shown {
            continue;
        }
        let matches = matching.as_ref().is_none_or(|m| m.hits.contains(&node));
        out.push(Row { node, depth, children: under.len(), open: is_open, matches });
        if is_open {
            stack.extend(sorted(plan, under, order).into_iter().rev().map(|r| (r, depth + 1)));
        }
    }
    out
}

struct Matching {
    hits: HashSet<TreeRef>,
    /// The hits and every line above one.
    shown: HashSet<TreeRef>,
}

fn matches(plan: &Plan, tree: &Tree, needle: &str) -> Matching {
    let mut hits = HashSet::new();
    for r in tree.order() {
        if plan.line(r).matches(needle) {
            hits.insert(r);
        }
    }
    let mut shown = hits.clone();
    for r in &hits {
        let mut at = *r;
        while let Some(p) = parent(plan, at) {
            if !shown.insert(TreeRef::Group(p)) {
                break; // already walked from here up
            }
            at = TreeRef::Group(p);
        }
    }
    Matching { hits, shown }
}

fn parent(plan: &Plan, r: TreeRef) -> Option<u32> {
    match r {
        TreeRef::Group(g) => plan.groups.get(g as usize)?.facts.parent,
        TreeRef::Programme(p) => plan.programmes.get(p as usize)?.book.as_ref()?.parent,
    }
}

fn sorted(plan: &Plan, lines: &[TreeRef], order: Siblings) -> Vec<TreeRef> {
    let mut v = lines.to_vec();
    let change = |r: &TreeRef| plan.line(*r).change().map(|c| c.amount);
    match order {
        Siblings::Book => {}
        Siblings::BudgetDown => crate::order::sort_by_key(&mut v, |r| std::cmp::Reverse(plan.line(*r).budget)),
        Siblings::ChangeDown => crate::order::sort_by_key(&mut v, |r| (change(r).is_none(), std::cmp::Reverse(change(r)))),
        Siblings::ChangeUp => crate::order::sort_by_key(&mut v, |r| (change(r).is_none(), change(r).unwrap_or(Money::ZERO))),
        Siblings::Name => crate::order::sort_by_key(&mut v, |r| plan.line(*r).name.to_string()),
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget_csv::{guess_mapping, read_table, to_plan};

    const BOOK: &str = "款,項,科目名稱,本年度預算數,上年度預算數,說明\n1,,一般行政,5000,4000,\n1,1,行政管理,3000,3000,\n1,2,人員維持,2000,1000,增聘人員\n2,,勞動檢查,4400,4600,\n2,1,職業安全檢查,2400,4600,\n2,2,新興檢查計畫,2000,,\n";

    fn plan() -> Plan {
        let t = read_table(BOOK).unwrap();
        to_plan(&t, &guess_mapping(&t), "").plan
    }

    fn shown(plan: &Plan, rows: &[Row]) -> Vec<(String, u32, bool)> {
        rows.iter().map(|r| (plan.line(r.node).name.to_string(), r.depth, r.open)).collect()
    }

    #[test]
    fn the_top_level_then_what_is_opened() {
        let p = plan();
        let tree = p.tree();
        let top = rows(&p, &tree, &HashSet::new(), Siblings::Book, "");
        assert_eq!(shown(&p, &top), [("一般行政".into(), 0, false), ("勞動檢查".into(), 0, false)]);
        let TreeRef::Group(g) = top[1].node else { panic!("a group") };
        let opened = rows(&p, &tree, &HashSet::from([g]), Siblings::Book, "");
        assert_eq!(opened.iter().map(|r| p.line(r.node).name).collect::<Vec<_>>(), ["一般行政", "勞動檢查", "職業安全檢查", "新興檢查計畫"]);
        assert_eq!((opened[1].open, opened[1].children, opened[2].depth), (true, 2, 1));
    }

    #[test]
    fn siblings_sort_within_their_parent() {
        let p = plan();
        let tree = p.tree();
        let all: HashSet<u32> = (0..p.groups.len() as u32).collect();
        let by_cut = rows(&p, &tree, &all, Siblings::ChangeUp, "");
        let names: Vec<&str> = by_cut.iter().map(|r| p.line(r.node).name).collect();
        // 勞動檢查 (−200) before 一般行政 (+1,000); inside each, the cut first.
        assert_eq!(names, ["勞動檢查", "職業安全檢查", "新興檢查計畫", "一般行政", "行政管理", "人員維持"]);
    }

    #[test]
    fn a_filter_keeps_the_lines_above_a_match_open() {
        let p = plan();
        let tree = p.tree();
        let found = rows(&p, &tree, &HashSet::new(), Siblings::Book, "增聘");
        assert_eq!(shown(&p, &found), [("一般行政".into(), 0, true), ("人員維持".into(), 1, false)]);
        assert_eq!(found.iter().map(|r| r.matches).collect::<Vec<_>>(), [false, true]);
        assert!(rows(&p, &tree, &HashSet::new(), Siblings::Book, "沒有這個").is_empty());
    }
}
