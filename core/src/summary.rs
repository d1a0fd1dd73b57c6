//! Everything a reader sees about a plan, computed once: totals, shares, funding, links and
//! roll-ups. The CLI prints it; the web crate renders it.

use crate::funding::{by_kind, plan_breakdown, programme_breakdown, FundingKind, FundingLine};
use crate::links::{goal_missions, resolve, CuratedLinks, Link};
use crate::money::Money;
use crate::plan::Plan;
use crate::rollup::{rollup, Rollup};
use crate::shares::{of_money, percentages};
use rust_decimal::Decimal;
use serde::Serialize;

/// Shares are shown to two decimals of a percent.
pub const SHARE_DP: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgrammeFigures {
    pub number: u32,
    pub budget: Money,
    /// % of the plan total (largest remainder: all programmes sum to exactly 100.00).
    pub share: Decimal,
    /// 1 = largest budget.
    pub rank: usize,
    pub funding: Vec<FundingLine>,
    /// % of this programme's budget from each funding line.
    pub funding_shares: Vec<Decimal>,
    /// The goal that receives most of this programme's money along its links.
    pub primary_goal: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Subtotal {
    pub count: usize,
    pub budget: Money,
    pub share: Decimal,
    pub kinds: Vec<(FundingKind, Money)>,
}

/// (`Default`: nothing at all, what a broken build shows instead of a blank page.)
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub total: Money,
    pub programmes: Vec<ProgrammeFigures>,
    /// Programme numbers by budget, largest first (ties by number): `rank` 1 is `by_rank[0]`.
    #[serde(skip)]
    pub by_rank: Vec<u32>,
    pub funding: Vec<FundingLine>,
    pub funding_shares: Vec<Decimal>,
    pub kinds: Vec<(FundingKind, Money, Decimal)>,
    pub links: Vec<Link>,
    pub goal_missions: Vec<(u32, u32)>,
    pub rollup: Rollup,
    /// % of the plan total per goal, strategy and mission; each level sums to exactly 100.00
    /// together with the money that level does not reach (unlinked).
    pub goal_shares: Vec<(u32, Decimal)>,
    pub strategy_shares: Vec<(crate::plan::StrategyId, Decimal)>,
    pub mission_shares: Vec<(u32, Decimal)>,
}

/// Largest-remainder shares of one level of the goal tree, with the rest of the total
/// (money the level does not reach) as a hidden last part, so the level plus "unlinked"
/// sums to exactly 100.00.
fn level_shares<K: Copy>(items: &[(K, Money)], total: Money) -> Vec<(K, Decimal)> {
    let reached: Money = items.iter().map(|(_, m)| *m).sum();
    let mut weights: Vec<Decimal> = items.iter().map(|(_, m)| m.0).collect();
    weights.push((total - reached).max(Money::ZERO).0);
    items.iter().map(|(k, _)| *k).zip(percentages(&weights, SHARE_DP)).collect()
}

pub fn summarise(plan: &Plan, curated: Option<&CuratedLinks>) -> Summary {
    let total = plan.total();
    let shares = of_money(&plan.programmes.iter().map(|p| p.budget).collect::<Vec<_>>());
    let mut rank_of = vec![0usize; plan.programmes.len()];
    let order = plan.rank_order();
    for (rank, &i) in order.iter().enumerate() {
        rank_of[i] = rank + 1;
    }
    let by_rank = order.iter().map(|&i| plan.programmes[i].number).collect();
    let programmes = plan
        .programmes
        .iter()
        .zip(shares)
        .zip(rank_of)
        .map(|((p, share), rank)| {
            let funding = programme_breakdown(p);
            let funding_shares = of_money(&funding.iter().map(|l| l.amount).collect::<Vec<_>>());
            ProgrammeFigures { number: p.number, budget: p.budget, share, rank, funding, funding_shares, primary_goal: None }
        })
        .collect::<Vec<_>>();
    let funding = plan_breakdown(plan);
    let funding_shares = of_money(&funding.iter().map(|l| l.amount).collect::<Vec<_>>());
    let kinds_money = by_kind(&funding);
    let kind_shares = of_money(&kinds_money.iter().map(|(_, m)| *m).collect::<Vec<_>>());
    let kinds = kinds_money.into_iter().zip(kind_shares).map(|((k, m), s)| (k, m, s)).collect();
    let links = resolve(plan, curated);
    let gm = goal_missions(plan);
    let rollup = rollup(plan, &links, &gm);
    let goal_shares = level_shares(&rollup.by_goal, total);
    let strategy_shares = level_shares(&rollup.by_strategy, total);
    let mission_shares = level_shares(&rollup.by_mission, total);
    let mut programmes = programmes;
    set_primary_goals(&mut programmes, &rollup);
    Summary { total, programmes, by_rank, funding, funding_shares, kinds, links, goal_missions: gm, rollup, goal_shares, strategy_shares, mission_shares }
}

/// The goal with the largest allocation per programme (ties: the lower strategy), in one
/// pass over the allocations rather than one per programme.
fn set_primary_goals(programmes: &mut [ProgrammeFigures], rollup: &Rollup) {
    let index: std::collections::HashMap<u32, usize> = programmes.iter().enumerate().map(|(i, p)| (p.number, i)).collect();
    let mut best: Vec<Option<&crate::rollup::Allocation>> = vec![None; programmes.len()];
    for a in &rollup.allocations {
        let Some(&i) = index.get(&a.programme) else { continue };
        let better = match best[i] {
            None => true,
            Some(b) => a.amount > b.amount || (a.amount == b.amount && a.strategy < b.strategy),
        };
        if better {
            best[i] = Some(a);
        }
    }
    for (p, b) in programmes.iter_mut().zip(best) {
        p.primary_goal = b.map(|a| a.strategy.goal);
    }
}

impl Summary {
    /// What the notes name (every source but the city's general budget) and what the city
    /// pays: the remainder, taken programme by programme.
    pub fn noted_and_city(&self) -> (Money, Money) {
        let city = |l: &&FundingLine| l.source.kind == FundingKind::CityGeneral;
        (self.funding.iter().filter(|l| !city(l)).map(|l| l.amount).sum(), self.funding.iter().filter(city).map(|l| l.amount).sum())
    }

    /// O(1) for the usual 1, 2, 3… numbering (see [`Plan::programme`]).
    pub fn programme(&self, number: u32) -> Option<&ProgrammeFigures> {
        let guess = (number as usize).checked_sub(1).and_then(|i| self.programmes.get(i));
        match guess {
            Some(p) if p.number == number => Some(p),
            _ => self.programmes.iter().find(|p| p.number == number),
        }
    }

    /// The programme at a 1-based rank (1 = the largest budget), in O(1).
    pub fn at_rank(&self, rank: usize) -> Option<&ProgrammeFigures> {
        rank.checked_sub(1).and_then(|i| self.by_rank.get(i)).and_then(|&n| self.programme(n))
    }

    pub fn goal_share(&self, goal: u32) -> Decimal {
        self.goal_shares.iter().find(|(g, _)| *g == goal).map(|(_, s)| *s).unwrap_or_default()
    }
    pub fn strategy_share(&self, id: crate::plan::StrategyId) -> Decimal {
        self.strategy_shares.iter().find(|(s, _)| *s == id).map(|(_, s)| *s).unwrap_or_default()
    }
    pub fn mission_share(&self, mission: u32) -> Decimal {
        self.mission_shares.iter().find(|(m, _)| *m == mission).map(|(_, s)| *s).unwrap_or_default()
    }

    /// % of the plan total for any amount (e.g. a goal's roll-up), rounded to [`SHARE_DP`].
    pub fn share_of_total(&self, amount: Money) -> Decimal {
        if self.total.is_zero() {
            return Decimal::ZERO;
        }
        (amount.0 * Decimal::ONE_HUNDRED / self.total.0).round_dp(SHARE_DP)
    }

    /// Totals over a subset of programmes, by number: budget, share of the plan total, and
    /// money by funding kind.
    pub fn subtotal(&self, numbers: &[u32]) -> Subtotal {
        let wanted: std::collections::HashSet<u32> = numbers.iter().copied().collect();
        let positions: Vec<usize> = self.programmes.iter().enumerate().filter(|(_, p)| wanted.contains(&p.number)).map(|(i, _)| i).collect();
        self.subtotal_at(&positions)
    }

    /// Totals over the programmes at `positions` in plan order (e.g. the rows a filter leaves
    /// in the table, which holds them that way): one pass, no lookups, for a keystroke at
    /// 10,000 programmes. Positions out of range are ignored.
    pub fn subtotal_at(&self, positions: &[usize]) -> Subtotal {
        const KINDS: [FundingKind; 3] = [FundingKind::CentralSubsidy, FundingKind::SpecialFund, FundingKind::CityGeneral];
        let (mut count, mut budget, mut by_kind) = (0, Money::ZERO, [Money::ZERO; 3]);
        for p in positions.iter().filter_map(|&i| self.programmes.get(i)) {
            count += 1;
            budget += p.budget;
            for line in &p.funding {
                if let Some(k) = KINDS.iter().position(|k| *k == line.source.kind) {
                    by_kind[k] += line.amount;
                }
            }
        }
        Subtotal { count, budget, share: self.share_of_total(budget), kinds: KINDS.into_iter().zip(by_kind).collect() }
    }

    /// Money of one kind in one programme.
    pub fn programme_kind(&self, number: u32, kind: FundingKind) -> Money {
        self.programme(number).map(|p| p.funding.iter().filter(|l| l.source.kind == kind).map(|l| l.amount).sum()).unwrap_or_default()
    }

    /// The plain-text report `plan summary` prints.
    pub fn to_text(&self, plan: &Plan) -> String {
        let mut s = String::new();
        let w = |s: &mut String, line: String| {
            s.push_str(&line);
            s.push('\n');
        };
        w(&mut s, format!("{} — {} ROC year {}", plan.title, plan.agency, plan.year));
        w(&mut s, format!("Total: {} 千元 ({}; {})", self.total.fmt_thousands(), self.total.fmt_chinese(), self.total.fmt_million()));
        w(
            &mut s,
            format!(
                "Programmes: {}  Missions: {}  Goals: {}  Strategies: {}",
                plan.programmes.len(),
                plan.missions.len(),
                plan.goals.len(),
                plan.strategy_count()
            ),
        );
        w(&mut s, String::new());
        w(&mut s, "Programmes (千元, share of total):".into());
        for (p, f) in plan.programmes.iter().zip(&self.programmes) {
            w(&mut s, format!("{:>3}. {:>12} {:>7}%  #{:<3} {}", p.number, f.budget.fmt_thousands(), f.share, f.rank, p.name));
        }
        w(&mut s, String::new());
        w(&mut s, "Funding (千元, share):".into());
        for (l, sh) in self.funding.iter().zip(&self.funding_shares) {
            w(&mut s, format!("  {:>12} {:>7}%  {} [{}]", l.amount.fmt_thousands(), sh, l.source.name, l.source.kind.label_en()));
        }
        for (k, m, sh) in &self.kinds {
            w(&mut s, format!("  {:>12} {:>7}%  = {}", m.fmt_thousands(), sh, k.label_en()));
        }
        w(&mut s, String::new());
        w(&mut s, "Links (programme → strategy, kind, score, evidence):".into());
        for l in &self.links {
            w(&mut s, format!("  {:>3} → {:<5} {:?} {} {}", l.programme, l.strategy.to_string(), l.kind, l.score, l.evidence.join(" ")));
        }
        w(&mut s, format!("  unlinked: {} 千元", self.rollup.unlinked.fmt_thousands()));
        w(&mut s, String::new());
        w(&mut s, "Goals (rolled up, 千元):".into());
        for g in &plan.goals {
            let m = self.rollup.goal(g.number).unwrap_or_default();
            w(&mut s, format!("  {:>3}. {:>12} {:>7}%  {}", g.number, m.fmt_thousands(), self.goal_share(g.number), g.name));
        }
        let unfunded = self.rollup.unfunded();
        if !unfunded.is_empty() {
            w(&mut s, format!("Strategies no programme funds: {}", unfunded.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", ")));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtotals_follow_the_selection() {
        let plan = crate::parser::parse(crate::SEED_PLAN_TEXT).plan;
        let s = summarise(&plan, None);
        let all: Vec<u32> = plan.programmes.iter().map(|p| p.number).collect();
        let t = s.subtotal(&all);
        assert_eq!((t.count, t.budget, t.share), (15, s.total, Decimal::ONE_HUNDRED));
        assert_eq!(t.kinds.iter().map(|(_, m)| *m).sum::<Money>(), s.total);
        let some = s.subtotal(&[1, 3]);
        assert_eq!(some.budget, plan.programme(1).unwrap().budget + plan.programme(3).unwrap().budget);
        assert_eq!(s.subtotal(&[]).budget, Money::ZERO);
    }

    #[test]
    fn the_city_pays_what_the_notes_do_not_name() {
        let plan = crate::parser::parse(crate::SEED_PLAN_TEXT).plan;
        let s = summarise(&plan, None);
        let noted: Money = plan.programmes.iter().flat_map(|p| &p.funding).map(|n| n.amount).sum();
        assert_eq!(s.noted_and_city(), (noted, s.total - noted));
    }

    proptest::proptest! {
        /// The table's totals (by position) equal the totals by programme number, and are
        /// the sums of the rows: budget, and each kind of money.
        #[test]
        fn subtotals_by_position_are_the_sums_of_the_rows(picked in proptest::collection::vec(0usize..20, 0..20)) {
            let plan = crate::parser::parse(crate::SEED_PLAN_TEXT).plan;
            let s = summarise(&plan, None);
            let mut positions = picked;
            crate::order::sort(&mut positions);
            positions.dedup();
            let at = s.subtotal_at(&positions);
            let inside: Vec<usize> = positions.iter().copied().filter(|&i| i < plan.programmes.len()).collect();
            let numbers: Vec<u32> = inside.iter().map(|&i| plan.programmes[i].number).collect();
            proptest::prop_assert_eq!(&at, &s.subtotal(&numbers));
            proptest::prop_assert_eq!(at.count, inside.len());
            proptest::prop_assert_eq!(at.budget, inside.iter().map(|&i| plan.programmes[i].budget).sum::<Money>());
            for (kind, money) in &at.kinds {
                proptest::prop_assert_eq!(*money, numbers.iter().map(|&n| s.programme_kind(n, *kind)).sum::<Money>());
            }
        }
    }

    #[test]
    fn ranks_agree_with_the_plan_ranking() {
        let plan = crate::parser::parse(crate::SEED_PLAN_TEXT).plan;
        let s = summarise(&plan, None);
        let ranking: Vec<u32> = plan.ranking().iter().map(|p| p.number).collect();
        assert_eq!(s.by_rank, ranking);
        for (i, &n) in ranking.iter().enumerate() {
            assert_eq!(s.at_rank(i + 1).map(|f| (f.number, f.rank)), Some((n, i + 1)));
        }
        assert!(s.at_rank(0).is_none() && s.at_rank(16).is_none());
    }

    #[test]
    fn every_level_of_the_goal_tree_sums_to_100_with_unlinked() {
        let plan = crate::parser::parse(crate::SEED_PLAN_TEXT).plan;
        let s = summarise(&plan, None);
        let unlinked = s.share_of_total(s.rollup.unlinked);
        for level in [s.goal_shares.iter().map(|x| x.1).sum::<Decimal>(), s.strategy_shares.iter().map(|x| x.1).sum()] {
            assert!((level + unlinked - Decimal::ONE_HUNDRED).abs() <= Decimal::new(1, 2), "{level}");
        }
        assert_eq!(s.goal_shares.iter().map(|x| x.1).sum::<Decimal>(), Decimal::ONE_HUNDRED, "nothing is unlinked in the seed");
    }
}
