//! Chart models: the plan's figures shaped for drawing. Each function joins domain data
//! (programmes, goals, funding) with a layout from [`crate::geometry`], so the web crate only
//! turns these into SVG elements and never does budget arithmetic itself.

use crate::funding::{FundingKind, FundingSource};
use crate::geometry::sankey::{sankey, SankeyLink, SankeyNode};
use crate::geometry::sunburst::{arc_label_point, arc_path, sunburst, SunburstNode};
use crate::geometry::treemap::squarify;
use crate::geometry::Rect;
use crate::money::Money;
use crate::plan::{Plan, StrategyId};
use crate::summary::{ProgrammeFigures, Summary};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// The kind of funding that pays most of a programme (ties: central, special, city).
pub fn dominant_kind(f: &ProgrammeFigures) -> FundingKind {
    let mut best = (FundingKind::CityGeneral, Money::ZERO);
    for k in [FundingKind::CentralSubsidy, FundingKind::SpecialFund, FundingKind::CityGeneral] {
        let m: Money = f.funding.iter().filter(|l| l.source.kind == k).map(|l| l.amount).sum();
        if m > best.1 {
            best = (k, m);
        }
    }
    best.0
}

/// The goal that carries most of a programme's money (its primary link), if any.
pub fn primary_goal(summary: &Summary, programme: u32) -> Option<u32> {
    summary.programme(programme).and_then(|f| f.primary_goal)
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TreemapCell {
    pub programme: u32,
    pub rect: Rect,
    pub budget: Money,
    pub share: Decimal,
    pub dominant: FundingKind,
    pub goal: Option<u32>,
}

impl TreemapCell {
    /// Whether the cell is big enough to write its name and share in (two lines of 14 px
    /// text, a few characters wide). The rest are listed beside the map, so no programme is
    /// only a shape.
    pub fn has_room_for_label(&self) -> bool {
        self.rect.w >= 84.0 && self.rect.h >= 44.0
    }
}

/// One cell per programme, area proportional to budget, in programme order.
pub fn treemap(summary: &Summary, width: f64, height: f64) -> Vec<TreemapCell> {
    treemap_with_others(summary, width, height, usize::MAX).0
}

/// The programmes too small to draw, merged into one cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OthersCell {
    pub rect: Rect,
    pub count: usize,
    pub budget: Money,
    pub share: Decimal,
}

/// At most `max_cells` cells: the largest programmes get their own (in programme order), the
/// rest share one "others" cell, so a plan of 10,000 lines draws a readable map quickly.
/// Areas stay proportional to money, others included.
pub fn treemap_with_others(summary: &Summary, width: f64, height: f64, max_cells: usize) -> (Vec<TreemapCell>, Option<OthersCell>) {
    let n = summary.programmes.len();
    let mut keep = vec![true; n];
    if n > max_cells {
        let mut order: Vec<usize> = (0..n).collect();
        crate::order::sort_by(&mut order, |a, b| summary.programmes[*b].budget.cmp(&summary.programmes[*a].budget).then(a.cmp(b)));
        for i in order.into_iter().skip(max_cells.saturating_sub(1)) {
            keep[i] = false;
        }
    }
    let kept: Vec<&ProgrammeFigures> = summary.programmes.iter().zip(&keep).filter(|(_, k)| **k).map(|(p, _)| p).collect();
    let rest: Vec<&ProgrammeFigures> = summary.programmes.iter().zip(&keep).filter(|(_, k)| !**k).map(|(p, _)| p).collect();
    let others_budget: Money = rest.iter().map(|p| p.budget).sum();
    let mut amounts: Vec<Decimal> = kept.iter().map(|p| p.budget.0).collect();
    if !rest.is_empty() {
        amounts.push(others_budget.0);
    }
    let mut rects = squarify(&amounts, Rect::new(0.0, 0.0, width, height));
    let others = (!rest.is_empty()).then(|| OthersCell {
        rect: rects.pop().unwrap_or(Rect::new(0.0, 0.0, 0.0, 0.0)),
        count: rest.len(),
        budget: others_budget,
        share: summary.share_of_total(others_budget),
    });
    let cells = kept
        .into_iter()
        .zip(rects)
        .map(|(p, rect)| TreemapCell {
            programme: p.number,
            rect,
            budget: p.budget,
            share: p.share,
            dominant: dominant_kind(p),
            goal: primary_goal(summary, p.number),
        })
        .collect();
    (cells, others)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Node {
    Source(usize),
    Goal(u32),
    Strategy(StrategyId),
    Programme(u32),
    Unlinked,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Slice {
    pub node: Node,
    /// The parent's node (None for the first ring).
    pub parent: Option<Node>,
    pub depth: usize,
    pub amount: Money,
    pub share: Decimal,
    pub path: String,
    pub label_at: (f64, f64),
    /// The slice's angle in radians (0–2π), so callers label only slices wide enough.
    pub sweep: f64,
}

impl Slice {
    /// Whether the chart writes a label on this slice: goals and strategies when their angle
    /// leaves room for a short label ("目標三", "3.4"); never a programme, whose name cannot
    /// fit in the outer ring. The rest are listed beside the chart, so no slice is only a shape.
    pub fn has_room_for_label(&self) -> bool {
        match self.depth {
            1 => self.sweep > 0.3,
            2 => self.sweep > 0.35,
            _ => false,
        }
    }
}

/// Sunburst of the goal tree: goals → strategies → programme allocations, with unlinked money
/// as its own slice so it is visible, not a gap.
/// A ring's node, its amount and what it holds in the next ring out.
type Ring<Inner> = Vec<(Node, Money, Inner)>;

pub fn goal_sunburst(plan: &Plan, summary: &Summary, radius: f64) -> Vec<Slice> {
    let mut nodes: Ring<Ring<Vec<(Node, Money)>>> = Vec::new();
    // Grouped once, in allocation order (a scan per strategy was quadratic at 10,000 programmes).
    let mut by_strategy: std::collections::HashMap<StrategyId, Vec<(Node, Money)>> = std::collections::HashMap::new();
    for a in &summary.rollup.allocations {
        by_strategy.entry(a.strategy).or_default().push((Node::Programme(a.programme), a.amount));
    }
    for g in &plan.goals {
        let strategies = g
            .strategies
            .iter()
            .map(|s| {
                let id = StrategyId { goal: g.number, strategy: s.number };
                let progs = by_strategy.remove(&id).unwrap_or_default();
                (Node::Strategy(id), summary.rollup.strategy(id), progs)
            })
            .collect();
        nodes.push((Node::Goal(g.number), summary.rollup.goal(g.number).unwrap_or_default(), strategies));
    }
    if !summary.rollup.unlinked.is_zero() {
        nodes.push((Node::Unlinked, summary.rollup.unlinked, vec![]));
    }
    let root = SunburstNode {
        value: summary.total.0,
        children: nodes
            .iter()
            .map(|(_, m, ss)| SunburstNode {
                value: m.0,
                children: ss
                    .iter()
                    .map(|(_, sm, ps)| SunburstNode {
                        value: sm.0,
                        children: ps.iter().map(|(_, pm)| SunburstNode { value: pm.0, children: vec![] }).collect(),
                    })
                    .collect(),
            })
            .collect(),
    };
    sunburst(&root, radius)
        .into_iter()
        .filter(|arc| arc.end > arc.start)
        .filter_map(|arc| {
            let (node, parent, amount) = match arc.path.as_slice() {
                [g] => (nodes[*g].0, None, nodes[*g].1),
                [g, s] => (nodes[*g].2[*s].0, Some(nodes[*g].0), nodes[*g].2[*s].1),
                [g, s, p] => (nodes[*g].2[*s].2[*p].0, Some(nodes[*g].2[*s].0), nodes[*g].2[*s].2[*p].1),
                _ => return None,
            };
            // The same share the rest of the site shows for this node.
            let share = match node {
                Node::Goal(g) => summary.goal_share(g),
                Node::Strategy(id) => summary.strategy_share(id),
                Node::Programme(n) if summary.programme(n).map(|f| f.budget) == Some(amount) => summary.programme(n).map(|f| f.share).unwrap_or_default(),
                _ => summary.share_of_total(amount),
            };
            Some(Slice {
                node,
                parent,
                depth: arc.depth,
                amount,
                share,
                path: arc_path(&arc, radius, radius),
                label_at: arc_label_point(&arc, radius, radius),
                sweep: arc.end - arc.start,
            })
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowNode {
    pub node: Node,
    pub rect: Rect,
    pub amount: Money,
    /// The node's money as a share of the plan's total, rounded as everywhere else.
    pub share: Decimal,
}

impl FlowNode {
    /// Whether the node is tall enough for its label not to collide with its neighbours'
    /// (14 px text). The rest are listed beside the diagram.
    pub fn has_room_for_label(&self) -> bool {
        self.rect.h >= 12.0
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowLink {
    pub from: usize,
    pub to: usize,
    pub amount: Money,
    pub path: String,
}

/// Money flow: funding source → programme → goal (or unlinked). `Node::Source(i)` indexes
/// `summary.funding`.
pub fn money_flow(plan: &Plan, summary: &Summary, width: f64, height: f64) -> (Vec<FlowNode>, Vec<FlowLink>) {
    let mut nodes: Vec<Node> = (0..summary.funding.len()).map(Node::Source).collect();
    let prog_base = nodes.len();
    nodes.extend(plan.programmes.iter().map(|p| Node::Programme(p.number)));
    let goal_base = nodes.len();
    nodes.extend(plan.goals.iter().map(|g| Node::Goal(g.number)));
    if !summary.rollup.unlinked.is_zero() {
        nodes.push(Node::Unlinked);
    }
    let source_index = |s: &FundingSource| summary.funding.iter().position(|l| &l.source == s);
    let mut links: Vec<(usize, usize, Money)> = Vec::new();
    for (i, f) in summary.programmes.iter().enumerate() {
        for l in &f.funding {
            if let Some(si) = source_index(&l.source) {
                if !l.amount.is_zero() {
                    links.push((si, prog_base + i, l.amount));
                }
            }
        }
    }
    let mut to_goal: BTreeMap<(usize, usize), Money> = BTreeMap::new();
    for a in &summary.rollup.allocations {
        let pi = plan.programmes.iter().position(|p| p.number == a.programme);
        let gi = plan.goals.iter().position(|g| g.number == a.strategy.goal);
        if let (Some(pi), Some(gi)) = (pi, gi) {
            *to_goal.entry((prog_base + pi, goal_base + gi)).or_default() += a.amount;
        }
    }
    for (i, p) in plan.programmes.iter().enumerate() {
        if !summary.rollup.allocations.iter().any(|a| a.programme == p.number) && !p.budget.is_zero() {
            to_goal.insert((prog_base + i, nodes.len() - 1), p.budget);
        }
    }
    links.extend(to_goal.into_iter().filter(|(_, m)| !m.is_zero()).map(|((a, b), m)| (a, b, m)));

    let columns: Vec<SankeyNode> = (0..nodes.len())
        .map(|i| SankeyNode {
            column: if i < prog_base {
                0
            } else if i < goal_base {
                1
            } else {
                2
            },
        })
        .collect();
    let sl: Vec<SankeyLink> = links.iter().map(|(a, b, m)| SankeyLink { source: *a, target: *b, value: m.0 }).collect();
    let layout = sankey(&columns, &sl, Rect::new(0.0, 0.0, width, height), 14.0, 4.0);
    let values = crate::geometry::sankey::node_values(&columns, &sl);
    let flow_nodes = nodes
        .iter()
        .zip(layout.nodes)
        .zip(values)
        .map(|((n, rect), v)| FlowNode { node: *n, rect, amount: Money(v), share: summary.share_of_total(Money(v)) })
        .collect();
    let flow_links = links.iter().zip(layout.links).map(|((a, b, m), shape)| FlowLink { from: *a, to: *b, amount: *m, path: shape.path() }).collect();
    (flow_nodes, flow_links)
}

/// One bar of the ranked list: a programme, or (`programme` None) the `count` smallest ones
/// together. `length` is the bar's length in percent of the longest (two decimals).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedBar {
    pub programme: Option<u32>,
    pub count: usize,
    pub budget: Money,
    pub share: Decimal,
    pub length: Decimal,
}

/// Where the money goes, as a ranked bar of every programme: biggest first, at most `max_rows`
/// rows (past `max_rows - 1` programmes, the rest share the last). Every shape has its label
/// beside it, so nothing is too small to read, which is why the landing page uses it on phones
/// and desktops alike.
pub fn ranked_bars(summary: &Summary, max_rows: usize) -> Vec<RankedBar> {
    let ranked: Vec<&ProgrammeFigures> = summary.by_rank.iter().filter_map(|&n| summary.programme(n)).collect();
    let split = if ranked.len() > max_rows { max_rows.saturating_sub(1) } else { ranked.len() };
    let (shown, rest) = ranked.split_at(split);
    let mut rows: Vec<(Option<u32>, usize, Money, Decimal)> = shown.iter().map(|p| (Some(p.number), 1, p.budget, p.share)).collect();
    if !rest.is_empty() {
        rows.push((None, rest.len(), rest.iter().map(|p| p.budget).sum(), rest.iter().map(|p| p.share).sum()));
    }
    let longest = rows.iter().map(|r| r.2 .0).max().unwrap_or_default();
    rows.into_iter()
        .map(|(programme, count, budget, share)| {
            let length = if longest > Decimal::ZERO { (budget.0.max(Decimal::ZERO) * Decimal::ONE_HUNDRED / longest).round_dp(2) } else { Decimal::ZERO };
            RankedBar { programme, count, budget, share, length }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::summarise;

    fn seed() -> (Plan, Summary) {
        let plan = crate::parser::parse(crate::SEED_PLAN_TEXT).plan;
        let s = summarise(&plan, None);
        (plan, s)
    }

    #[test]
    fn treemap_cells_cover_the_chart_in_proportion() {
        let (_, s) = seed();
        let cells = treemap(&s, 1000.0, 600.0);
        assert_eq!(cells.len(), 15);
        let area: f64 = cells.iter().map(|c| c.rect.area()).sum();
        assert!((area - 600_000.0).abs() < 1e-6);
        let jobs = cells.iter().find(|c| c.programme == 7).unwrap();
        assert!((jobs.rect.area() / 600_000.0 - 258_536.0 / 507_013.0).abs() < 1e-9);
        assert_eq!(jobs.dominant, FundingKind::CentralSubsidy);
        assert_eq!(cells.iter().find(|c| c.programme == 2).unwrap().dominant, FundingKind::CityGeneral);
    }

    #[test]
    fn small_programmes_merge_into_one_proportional_others_cell() {
        let plan = crate::synth::generate(5, 2_000, 20);
        let s = summarise(&plan, None);
        let (cells, others) = treemap_with_others(&s, 1000.0, 600.0, 200);
        let others = others.unwrap();
        assert_eq!(cells.len(), 199);
        assert_eq!(cells.len() + others.count, 2_000);
        assert_eq!(cells.iter().map(|c| c.budget).sum::<Money>() + others.budget, s.total);
        // The smallest kept cell is at least as large as the largest merged programme.
        let smallest_kept = cells.iter().map(|c| c.budget).min().unwrap();
        let merged_max = s.programmes.iter().filter(|p| !cells.iter().any(|c| c.programme == p.number)).map(|p| p.budget).max().unwrap();
        assert!(smallest_kept >= merged_max);
        let others_share = others.rect.area() / 600_000.0;
        let exact = rust_decimal::prelude::ToPrimitive::to_f64(&(others.budget.0 / s.total.0)).unwrap();
        assert!((others_share - exact).abs() < 1e-9);
        assert!(treemap_with_others(&s, 1000.0, 600.0, 5_000).1.is_none());
    }

    #[test]
    fn money_flow_conserves_every_programme() {
        let (plan, s) = seed();
        let (nodes, links) = money_flow(&plan, &s, 900.0, 600.0);
        assert_eq!(nodes.len(), 5 + 15 + 6);
        for (i, n) in nodes.iter().enumerate() {
            if let Node::Programme(p) = n.node {
                let inflow: Money = links.iter().filter(|l| l.to == i).map(|l| l.amount).sum();
                let outflow: Money = links.iter().filter(|l| l.from == i).map(|l| l.amount).sum();
                assert_eq!(inflow, plan.programme(p).unwrap().budget);
                assert_eq!(outflow, inflow);
            }
        }
        let sources: Money = nodes.iter().filter(|n| matches!(n.node, Node::Source(_))).map(|n| n.amount).sum();
        assert_eq!(sources, s.total);
    }

    #[test]
    fn sunburst_has_a_slice_per_goal_and_flags_nothing_lost() {
        let (plan, s) = seed();
        let slices = goal_sunburst(&plan, &s, 200.0);
        let goals: Money = slices.iter().filter(|x| x.depth == 1).map(|x| x.amount).sum();
        assert_eq!(goals, s.total);
        assert!(slices.iter().all(|x| !x.path.is_empty()));
    }

    #[test]
    fn the_sunburst_labels_wide_goal_and_strategy_slices_and_no_programme() {
        let (plan, s) = seed();
        let slices = goal_sunburst(&plan, &s, 260.0);
        let labelled = |node: Node| slices.iter().find(|x| x.node == node).map(Slice::has_room_for_label);
        assert_eq!(labelled(Node::Goal(3)), Some(true), "the biggest goal (60.82%) carries its label");
        assert_eq!(labelled(Node::Goal(2)), None, "a goal of no money has no slice to label or list");
        assert!(slices.iter().filter(|x| x.depth == 3).all(|x| !x.has_room_for_label()));
        assert!(slices.iter().filter(|x| !x.has_room_for_label()).count() > 15);
    }

    #[test]
    fn flow_nodes_carry_their_share_and_label_only_where_tall_enough() {
        let (plan, s) = seed();
        let (nodes, _) = money_flow(&plan, &s, 660.0, 900.0);
        let jobs = nodes.iter().find(|n| n.node == Node::Programme(7)).unwrap();
        assert_eq!((jobs.amount, jobs.share), (Money::thousands(258_536), Decimal::new(5099, 2)));
        assert!(jobs.has_room_for_label());
        let small: Vec<&FlowNode> = nodes.iter().filter(|n| !n.has_room_for_label()).collect();
        assert!(!small.is_empty() && small.iter().all(|n| n.rect.h < 12.0));
        assert!(nodes.iter().all(|n| n.share == s.share_of_total(n.amount)));
    }

    #[test]
    fn ranked_bars_are_biggest_first_and_keep_every_programme() {
        let (_, s) = seed();
        let bars = ranked_bars(&s, 20);
        assert_eq!(bars.len(), 15);
        assert_eq!(bars[0].programme, Some(7));
        assert_eq!(bars[0].length, Decimal::ONE_HUNDRED);
        assert!(bars.windows(2).all(|w| w[0].budget >= w[1].budget && w[0].length >= w[1].length));
        assert_eq!(bars.iter().map(|b| b.budget).sum::<Money>(), s.total);
        let short = ranked_bars(&s, 5);
        assert_eq!(short.len(), 5);
        assert_eq!((short[4].programme, short[4].count), (None, 11));
        assert_eq!(short.iter().map(|b| b.budget).sum::<Money>(), s.total);
        assert_eq!(short.iter().map(|b| b.share).sum::<Decimal>(), Decimal::ONE_HUNDRED);
    }

    proptest::proptest! {
        #[test]
        fn ranked_bars_keep_the_total_and_the_order(seed in 0u64..1000, n in 1usize..60, rows in 1usize..20) {
            let plan = crate::synth::generate(seed, n, 6);
            let s = summarise(&plan, None);
            let bars = ranked_bars(&s, rows);
            proptest::prop_assert_eq!(bars.len(), n.min(rows));
            proptest::prop_assert_eq!(bars.iter().map(|b| b.budget).sum::<Money>(), s.total);
            proptest::prop_assert_eq!(bars.iter().map(|b| b.count).sum::<usize>(), n);
            proptest::prop_assert!(bars.iter().all(|b| b.length >= Decimal::ZERO && b.length <= Decimal::ONE_HUNDRED));
        }
    }
}
