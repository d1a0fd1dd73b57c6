//! Budget rolled up the goal tree: programme → strategy (by links) → goal → mission.
//! Money that no link carries is reported as unlinked, never dropped, so every level adds
//! up to the plan's total.

use crate::links::Link;
use crate::money::Money;
use crate::plan::{Plan, StrategyId};
use crate::shares::allocate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One programme's money assigned to one strategy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allocation {
    pub programme: u32,
    pub strategy: StrategyId,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Rollup {
    pub allocations: Vec<Allocation>,
    /// Every strategy of the plan, in document order, with the money linked to it
    /// (zero = no programme funds it).
    pub by_strategy: Vec<(StrategyId, Money)>,
    pub by_goal: Vec<(u32, Money)>,
    pub by_mission: Vec<(u32, Money)>,
    /// Programme money with no strategy link.
    pub unlinked: Money,
    /// Goal money whose goal serves no identified mission.
    pub goals_without_mission: Money,
}

/// Rolls budgets up. A programme linked to several strategies is split equally among them
/// (largest remainder, in the programme's own unit), so the parts add up exactly.
pub fn rollup(plan: &Plan, links: &[Link], goal_missions: &[(u32, u32)]) -> Rollup {
    let mut r = Rollup::default();
    // Index links by programme once: plans can have a million lines.
    let mut by_programme: HashMap<u32, Vec<StrategyId>> = HashMap::new();
    for l in links {
        by_programme.entry(l.programme).or_default().push(l.strategy);
    }
    for p in &plan.programmes {
        let targets = by_programme.get(&p.number).map(Vec::as_slice).unwrap_or(&[]);
        if targets.is_empty() {
            r.unlinked += p.budget;
            continue;
        }
        if let [only] = targets {
            r.allocations.push(Allocation { programme: p.number, strategy: *only, amount: p.budget });
            continue;
        }
        let parts = allocate(p.budget.0, &vec![Decimal::ONE; targets.len()], p.budget.0.scale());
        for (s, part) in targets.iter().zip(parts) {
            r.allocations.push(Allocation { programme: p.number, strategy: *s, amount: Money(part) });
        }
    }
    let mut per_strategy: HashMap<StrategyId, Money> = HashMap::new();
    for a in &r.allocations {
        *per_strategy.entry(a.strategy).or_default() += a.amount;
    }
    r.by_strategy = plan.strategies().map(|(id, _, _)| (id, per_strategy.get(&id).copied().unwrap_or_default())).collect();
    let mut per_goal: HashMap<u32, Money> = HashMap::new();
    for (id, m) in &r.by_strategy {
        *per_goal.entry(id.goal).or_default() += *m;
    }
    r.by_goal = plan.goals.iter().map(|g| (g.number, per_goal.get(&g.number).copied().unwrap_or_default())).collect();
    r.by_mission = plan
        .missions
        .iter()
        .map(|m| {
            let amount = goal_missions.iter().filter(|(_, mi)| *mi == m.number).filter_map(|(g, _)| r.goal(*g)).sum();
            (m.number, amount)
        })
        .collect();
    r.goals_without_mission = r.by_goal.iter().filter(|(g, _)| !goal_missions.iter().any(|(gm, _)| gm == g)).map(|(_, m)| *m).sum();
    r
}

impl Rollup {
    pub fn goal(&self, number: u32) -> Option<Money> {
        self.by_goal.iter().find(|(g, _)| *g == number).map(|(_, m)| *m)
    }
    /// A mission's money: the goals that serve it (zero for a mission no goal serves).
    pub fn mission(&self, number: u32) -> Money {
        self.by_mission.iter().find(|(n, _)| *n == number).map(|(_, m)| *m).unwrap_or_default()
    }
    pub fn strategy(&self, id: StrategyId) -> Money {
        self.by_strategy.iter().find(|(s, _)| *s == id).map(|(_, m)| *m).unwrap_or_default()
    }
    /// Strategies no programme funds: flagged in the UI, never hidden.
    pub fn unfunded(&self) -> Vec<StrategyId> {
        self.by_strategy.iter().filter(|(_, m)| m.is_zero()).map(|(s, _)| *s).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::links::{Link, LinkKind};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn every_level_adds_up_to_the_total(seed in any::<u64>(), n in 1usize..60, goals in 1usize..6, linked in prop::collection::vec(0u8..4, 60)) {
            let plan = crate::synth::generate(seed, n, goals);
            let strategies: Vec<StrategyId> = plan.strategies().map(|(id, _, _)| id).collect();
            // 0 links, 1 link or 2 links per programme.
            let links: Vec<Link> = plan.programmes.iter().zip(&linked).flat_map(|(p, k)| {
                (0..(*k as usize % 3)).map(move |j| (p.number, j))
            }).map(|(p, j)| Link { programme: p, strategy: strategies[(p as usize + j) % strategies.len()], kind: LinkKind::Inferred, score: Decimal::ONE, evidence: vec![] }).collect();
            let gm: Vec<(u32, u32)> = plan.goals.iter().map(|g| (g.number, 1)).collect();
            let r = rollup(&plan, &links, &gm);
            let by_s: Money = r.by_strategy.iter().map(|(_, m)| *m).sum();
            let by_g: Money = r.by_goal.iter().map(|(_, m)| *m).sum();
            let by_m: Money = r.by_mission.iter().map(|(_, m)| *m).sum();
            prop_assert_eq!(by_s + r.unlinked, plan.total());
            prop_assert_eq!(by_g, by_s);
            prop_assert_eq!(by_m + r.goals_without_mission, by_g);
            // Every goal serves mission 1 here; mission 2 has no goal.
            prop_assert_eq!(r.mission(1), by_m);
            prop_assert!(r.mission(2).is_zero());
            for p in &plan.programmes {
                let allocated: Money = r.allocations.iter().filter(|a| a.programme == p.number).map(|a| a.amount).sum();
                prop_assert!(allocated == p.budget || allocated.is_zero());
            }
        }
    }
}
