//! Which programme serves which strategy. The document never says, so links are inferred
//! from shared Chinese character bigrams between a programme (name and items) and a
//! strategy (and its goal), each with a score and the shared words as evidence. A curated
//! link file overrides the inference programme by programme, and every link says which
//! kind it is.

use crate::plan::{Plan, StrategyId};
use crate::programme::Programme;
use crate::text::bigrams;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Below this score a programme is left unlinked rather than linked to a poor match.
pub const THRESHOLD: Decimal = Decimal::from_parts(20, 0, 0, false, 2); // 0.20

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    Inferred,
    Curated,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub programme: u32,
    pub strategy: StrategyId,
    pub kind: LinkKind,
    /// 0.00–1.00 for inferred links; 1.00 for curated ones.
    pub score: Decimal,
    /// Bigrams the programme and the strategy share (for inferred links).
    pub evidence: Vec<String>,
}

/// Pairs that say little about what a programme does.
const STOP: &[&str] = &["辦理", "計畫", "相關", "加強", "推動", "實施", "提供", "等業", "及各", "各項", "業務", "協助", "落實"];

struct Bag(BTreeSet<String>);

impl Bag {
    /// Sørensen–Dice overlap: symmetric, so long and short texts compare fairly.
    fn dice(&self, other: &Bag) -> Decimal {
        let n = self.0.len() + other.0.len();
        if n == 0 {
            return Decimal::ZERO;
        }
        Decimal::from(2 * self.0.intersection(&other.0).count()) / Decimal::from(n)
    }
    fn of(text: &str) -> Bag {
        Bag(bigrams(text).into_iter().filter(|b| !STOP.contains(&b.as_str())).collect())
    }
    /// The share of `self` found in `other`.
    fn covered_by(&self, other: &Bag) -> Decimal {
        if self.0.is_empty() {
            return Decimal::ZERO;
        }
        Decimal::from(self.0.intersection(&other.0).count()) / Decimal::from(self.0.len())
    }
}

/// Every strategy scored against one programme, best first (ties by strategy order).
pub fn candidates(plan: &Plan, p: &Programme) -> Vec<Link> {
    let name = Bag::of(&p.name);
    let items = Bag::of(&p.items_text());
    let mut all = Bag(name.0.union(&items.0).cloned().collect());
    all.0.extend(name.0.iter().cloned());
    let mut out: Vec<Link> = plan
        .strategies()
        .map(|(id, goal, s)| {
            let strat = Bag::of(&s.name);
            let goal_bag = Bag::of(&goal.name);
            // The name says most about purpose; items add context; the goal breaks ties.
            let score = Decimal::new(50, 2) * strat.covered_by(&name)
                + Decimal::new(35, 2) * strat.covered_by(&items)
                + Decimal::new(15, 2) * goal_bag.covered_by(&all);
            let evidence = strat.0.intersection(&all.0).cloned().collect();
            Link { programme: p.number, strategy: id, kind: LinkKind::Inferred, score: score.round_dp(2), evidence }
        })
        .collect();
    out.sort_by(|a, b| b.score.cmp(&a.score).then(a.strategy.cmp(&b.strategy)));
    out
}

/// The best strategy for each programme, if it scores at least [`THRESHOLD`].
pub fn infer(plan: &Plan) -> Vec<Link> {
    plan.programmes
        .iter()
        .filter_map(|p| candidates(plan, p).into_iter().next().filter(|l| l.score >= THRESHOLD))
        .collect()
}

/// A curated link file: for each programme it names, the strategies it serves (possibly
/// none: deliberately unlinked). Programmes it does not name keep their inferred links.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CuratedLinks {
    pub entries: Vec<(u32, Option<StrategyId>)>,
}

impl CuratedLinks {
    /// Reads `programme,strategy` lines (`7,3.4`; `4,` = no strategy), with an optional header
    /// and `#` comments. Errors name the line.
    pub fn parse(text: &str) -> Result<CuratedLinks, String> {
        let mut entries = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() || (i == 0 && line.starts_with("programme")) {
                continue;
            }
            let (p, s) = line.split_once(',').ok_or_else(|| format!("line {}: expected `programme,strategy`", i + 1))?;
            let p: u32 = p.trim().parse().map_err(|_| format!("line {}: `{}` is not a programme number", i + 1, p.trim()))?;
            let s = s.trim();
            let s = if s.is_empty() { None } else { Some(s.parse::<StrategyId>().map_err(|e| format!("line {}: {e}", i + 1))?) };
            entries.push((p, s));
        }
        Ok(CuratedLinks { entries })
    }

    pub fn to_text(&self) -> String {
        let mut out = String::from("programme,strategy\n");
        for (p, s) in &self.entries {
            out.push_str(&format!("{p},{}\n", s.map(|s| s.to_string()).unwrap_or_default()));
        }
        out
    }

    fn names(&self, programme: u32) -> bool {
        self.entries.iter().any(|(p, _)| *p == programme)
    }
}

/// Inferred links, overridden by curated ones where the file names the programme.
/// Curated links to strategies the plan does not have are dropped.
pub fn resolve(plan: &Plan, curated: Option<&CuratedLinks>) -> Vec<Link> {
    let Some(c) = curated else { return infer(plan) };
    let mut out: Vec<Link> = infer(plan).into_iter().filter(|l| !c.names(l.programme)).collect();
    for (p, s) in &c.entries {
        if let Some(s) = s {
            if plan.programme(*p).is_some() && plan.strategy(*s).is_some() {
                out.push(Link { programme: *p, strategy: *s, kind: LinkKind::Curated, score: Decimal::ONE, evidence: vec![] });
            }
        }
    }
    out.sort_by_key(|l| (l.programme, l.strategy));
    out
}

/// Which mission each goal serves, by bigram overlap (Dice) between the goal (name and
/// strategies) and the mission text. Pairs are taken best first and each mission is used
/// once while unused missions remain, because plans usually state one mission per goal.
/// Goals that share nothing with any mission stay unassigned.
pub fn goal_missions(plan: &Plan) -> Vec<(u32, u32)> {
    let goals: Vec<(u32, Bag)> = plan
        .goals
        .iter()
        .map(|g| (g.number, Bag::of(&format!("{}{}", g.name, g.strategies.iter().map(|s| s.name.as_str()).collect::<String>()))))
        .collect();
    let missions: Vec<(u32, Bag)> = plan.missions.iter().map(|m| (m.number, Bag::of(&m.text))).collect();
    let mut pairs: Vec<(Decimal, usize, usize)> = Vec::new();
    for (gi, (_, g)) in goals.iter().enumerate() {
        for (mi, (_, m)) in missions.iter().enumerate() {
            let score = g.dice(m);
            if score > Decimal::ZERO {
                pairs.push((score, gi, mi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut goal_done = vec![false; goals.len()];
    let mut mission_used = vec![false; missions.len()];
    let mut out = Vec::new();
    for (_, gi, mi) in pairs {
        let all_used = mission_used.iter().all(|u| *u);
        if goal_done[gi] || (mission_used[mi] && !all_used) {
            continue;
        }
        goal_done[gi] = true;
        mission_used[mi] = true;
        out.push((goals[gi].0, missions[mi].0));
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curated_file_round_trips_and_reports_lines() {
        let c = CuratedLinks::parse("programme,strategy\n1,1.1\n4,  # unlinked on purpose\n").unwrap();
        assert_eq!(c.entries, vec![(1, Some(StrategyId { goal: 1, strategy: 1 })), (4, None)]);
        assert_eq!(CuratedLinks::parse(&c.to_text()).unwrap(), c);
        assert_eq!(CuratedLinks::parse("1,1.1\nx,2.2").unwrap_err(), "line 2: `x` is not a programme number");
    }
}
