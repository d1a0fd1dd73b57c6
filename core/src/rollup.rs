//! Budget rolled up the goal tree: programme → strategy (by links) → goal → mission.
//! Money that no link carries is reported as unlinked, never dropped, so every level adds
//! up to the plan's total.

use crate::links::Link;
use crate::money::Money;
use crate::plan::{Plan, StrategyId};
use crate::shares::allocate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
    for p in &plan.programmes {
        let targets: Vec<StrategyId> = links.iter().filter(|l| l.programme == p.number).map(|l| l.strategy).collect();
        if targets.is_empty() {
            r.unlinked += p.budget;
            continue;
        }
        let parts = allocate(p.budget.0, &vec![Decimal::ONE; targets.len()], p.budget.0.scale());
        for (s, part) in targets.into_iter().zip(parts) {
            r.allocations.push(Allocation { programme: p.number, strategy: s, amount: Money(part) });
        }
    }
    r.by_strategy = plan
        .strategies()
        .map(|(id, _, _)| (id, r.allocations.iter().filter(|a| a.strategy == id).map(|a| a.amount).sum()))
        .collect();
    r.by_goal = plan
        .goals
        .iter()
        .map(|g| (g.number, r.by_strategy.iter().filter(|(id, _)| id.goal == g.number).map(|(_, m)| *m).sum()))
        .collect();
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
    pub fn strategy(&self, id: StrategyId) -> Money {
        self.by_strategy.iter().find(|(s, _)| *s == id).map(|(_, m)| *m).unwrap_or_default()
    }
    /// Strategies no programme funds: flagged in the UI, never hidden.
    pub fn unfunded(&self) -> Vec<StrategyId> {
        self.by_strategy.iter().filter(|(_, m)| m.is_zero()).map(|(s, _)| *s).collect()
    }
}
