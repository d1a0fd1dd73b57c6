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
use std::collections::{BTreeSet, HashMap};

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

/// A set of bigrams, as sorted strings (small texts: names, strategies).
struct Bag(BTreeSet<String>);

impl Bag {
    fn of(text: &str) -> Bag {
        Bag(bigrams(text).into_iter().filter(|b| !STOP.contains(&b.as_str())).collect())
    }
    /// Sørensen–Dice overlap: symmetric, so long and short texts compare fairly.
    fn dice(&self, other: &Bag) -> Decimal {
        let n = self.0.len() + other.0.len();
        if n == 0 {
            return Decimal::ZERO;
        }
        Decimal::from(2 * self.0.intersection(&other.0).count()) / Decimal::from(n)
    }
}

/// An FxHash-style hasher for character pairs: SipHash's protection against crafted keys
/// buys nothing here (the plan is the user's own, read in their own browser) and cost a
/// tenth of the link inference.
#[derive(Default)]
struct PairHasher(u64);

impl std::hash::Hasher for PairHasher {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u32(u32::from(*b));
        }
    }
    fn write_u32(&mut self, i: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Bigrams interned as numbers, so scoring thousands of programmes against hundreds of
/// strategies is counting over integer lists, not string comparisons.
#[derive(Default)]
struct Interner {
    ids: HashMap<(char, char), u32, std::hash::BuildHasherDefault<PairHasher>>,
    names: Vec<String>,
}

impl Interner {
    /// The sorted ids of `text`'s bigrams; with `add`, unseen bigrams get new ids, otherwise
    /// they are dropped (a bigram no strategy has cannot score).
    fn ids(&mut self, text: &str, add: bool) -> Vec<u32> {
        let mut v = Vec::new();
        let mut prev: Option<char> = None;
        for c in text.chars() {
            if !crate::text::is_wide(c) || crate::text::is_punct(c) {
                prev = None;
                continue;
            }
            if let Some(p) = prev {
                let id = match self.ids.get(&(p, c)) {
                    Some(id) => Some(*id),
                    None if add && !STOP.iter().any(|s| s.chars().eq([p, c])) => {
                        let id = self.names.len() as u32;
                        self.ids.insert((p, c), id);
                        self.names.push(format!("{p}{c}"));
                        Some(id)
                    }
                    None => None,
                };
                v.extend(id);
            }
            prev = Some(c);
        }
        crate::order::sort(&mut v);
        v.dedup();
        v
    }
}

fn overlap(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The share of `part` found in `whole`.
fn covered(part: &[u32], whole: &[u32]) -> Decimal {
    if part.is_empty() {
        return Decimal::ZERO;
    }
    Decimal::from(overlap(part, whole)) / Decimal::from(part.len())
}

/// Scores programmes against every strategy of one plan; strategy texts are prepared once.
pub struct Linker {
    interner: Interner,
    /// (id, strategy bigrams, goal bigrams), in document order.
    strategies: Vec<(StrategyId, Vec<u32>, Vec<u32>)>,
    /// For each bigram id, the strategies whose own text has it, and those whose goal's text
    /// has it: only those can score above zero for a programme with that bigram.
    in_strategy: Vec<Vec<usize>>,
    in_goal: Vec<Vec<usize>>,
    /// Per strategy, for the programme being scored: bigrams its text shares with the
    /// programme's name, with its items, and its goal's bigrams shared with either.
    shared: Vec<[u32; 3]>,
}

impl Linker {
    pub fn new(plan: &Plan) -> Linker {
        let mut interner = Interner::default();
        let strategies: Vec<(StrategyId, Vec<u32>, Vec<u32>)> =
            plan.strategies().map(|(id, goal, s)| (id, interner.ids(&s.name, true), interner.ids(&goal.name, true))).collect();
        let (mut in_strategy, mut in_goal) = (vec![Vec::new(); interner.names.len()], vec![Vec::new(); interner.names.len()]);
        for (i, (_, strat, goal)) in strategies.iter().enumerate() {
            // Each list is deduplicated, so a strategy enters a posting list at most once.
            for b in strat {
                in_strategy[*b as usize].push(i);
            }
            for b in goal {
                in_goal[*b as usize].push(i);
            }
        }
        let shared = vec![[0; 3]; strategies.len()];
        Linker { interner, strategies, in_strategy, in_goal, shared }
    }

    fn score(&self, i: usize, name: &[u32], items: &[u32], all: &[u32]) -> Decimal {
        let (_, strat, goal) = &self.strategies[i];
        // The name says most about purpose; items add context; the goal breaks ties.
        (Decimal::new(50, 2) * covered(strat, name) + Decimal::new(35, 2) * covered(strat, items) + Decimal::new(15, 2) * covered(goal, all)).round_dp(2)
    }

    fn bags(&mut self, p: &Programme) -> (Vec<u32>, Vec<u32>, Vec<u32>) {
        let name = self.interner.ids(&p.name, false);
        let items = self.interner.ids(&p.items_text(), false);
        let mut all: Vec<u32> = name.iter().chain(&items).copied().collect();
        crate::order::sort(&mut all);
        all.dedup();
        (name, items, all)
    }

    /// Every strategy scored against one programme, best first (ties by strategy order).
    pub fn candidates(&mut self, p: &Programme) -> Vec<Link> {
        let (name, items, all) = self.bags(p);
        let mut out: Vec<Link> = (0..self.strategies.len())
            .map(|i| Link {
                programme: p.number,
                strategy: self.strategies[i].0,
                kind: LinkKind::Inferred,
                score: self.score(i, &name, &items, &all),
                evidence: vec![],
            })
            .collect();
        crate::order::sort_by(&mut out, |a, b| b.score.cmp(&a.score).then(a.strategy.cmp(&b.strategy)));
        out
    }

    /// The best strategy for a programme, if it scores at least [`THRESHOLD`], with the
    /// shared bigrams as evidence. Only strategies sharing a bigram with it are scored, and
    /// the overlaps are counted from the posting lists rather than by merging bigram lists.
    pub fn best(&mut self, p: &Programme) -> Option<Link> {
        let (name, items, all) = self.bags(p);
        let mut touched: Vec<usize> = Vec::new();
        for (slot, bigrams, postings) in [(0, &name, &self.in_strategy), (1, &items, &self.in_strategy), (2, &all, &self.in_goal)] {
            for b in bigrams {
                for &i in &postings[*b as usize] {
                    if self.shared[i] == [0; 3] {
                        touched.push(i);
                    }
                    self.shared[i][slot] += 1;
                }
            }
        }
        let shared: Vec<(usize, [u32; 3])> = touched.iter().map(|&i| (i, std::mem::take(&mut self.shared[i]))).collect();
        // The same weights as `score`, from the counts: a float estimate keeps only strategies
        // that can be the best after exact rounding (it is off by far less than the 0.02
        // margin); those are then scored exactly, in document order, so the first of equal
        // scores wins as in `candidates`.
        let share = |n: u32, of: &[u32]| if of.is_empty() { 0.0 } else { f64::from(n) / of.len() as f64 };
        let estimates: Vec<(usize, f64)> = shared
            .iter()
            .map(|&(i, [in_name, in_items, in_all])| {
                let (_, strat, goal) = &self.strategies[i];
                (i, 0.5 * share(in_name, strat) + 0.35 * share(in_items, strat) + 0.15 * share(in_all, goal))
            })
            .collect();
        let top = estimates.iter().map(|(_, e)| *e).fold(0.0, f64::max);
        let mut near_top: Vec<usize> = estimates.into_iter().filter(|(_, e)| *e >= top - 0.02).map(|(i, _)| i).collect();
        crate::order::sort(&mut near_top);
        let (i, score) =
            near_top.into_iter().map(|i| (i, self.score(i, &name, &items, &all))).fold(None, |best: Option<(usize, Decimal)>, (i, s)| match best {
                Some((_, b)) if b >= s => best,
                _ => Some((i, s)),
            })?;
        if score < THRESHOLD {
            return None;
        }
        let (strategy, strat, _) = &self.strategies[i];
        // Evidence: the strategy's bigrams the programme also has, in text order of the strategy.
        let mut evidence: Vec<String> = strat.iter().filter(|b| all.binary_search(b).is_ok()).map(|b| self.interner.names[*b as usize].clone()).collect();
        crate::order::sort(&mut evidence);
        Some(Link { programme: p.number, strategy: *strategy, kind: LinkKind::Inferred, score, evidence })
    }
}

/// Every strategy scored against one programme, best first (ties by strategy order).
pub fn candidates(plan: &Plan, p: &Programme) -> Vec<Link> {
    Linker::new(plan).candidates(p)
}

/// The best strategy for each programme, if it scores at least [`THRESHOLD`].
pub fn infer(plan: &Plan) -> Vec<Link> {
    let mut linker = Linker::new(plan);
    plan.programmes.iter().filter_map(|p| linker.best(p)).collect()
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
    crate::order::sort_by_key(&mut out, |l| (l.programme, l.strategy));
    out
}

/// Which mission each goal serves, by bigram overlap (Dice) between the goal (name and
/// strategies) and the mission text. Pairs are taken best first and each mission is used
/// once while unused missions remain, because plans usually state one mission per goal.
/// Goals that share nothing with any mission stay unassigned.
pub fn goal_missions(plan: &Plan) -> Vec<(u32, u32)> {
    let goals: Vec<(u32, Bag)> =
        plan.goals.iter().map(|g| (g.number, Bag::of(&format!("{}{}", g.name, g.strategies.iter().map(|s| s.name.as_str()).collect::<String>())))).collect();
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
    crate::order::sort_by(&mut pairs, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
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
    crate::order::sort(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_best_link_agrees_with_the_full_candidate_list() {
        for seed in 0..20 {
            let plan = crate::synth::generate(seed, 60, 8);
            let mut linker = Linker::new(&plan);
            for p in &plan.programmes {
                let full = linker.candidates(p).into_iter().next().filter(|l| l.score >= THRESHOLD).map(|l| (l.strategy, l.score));
                assert_eq!(linker.best(p).map(|l| (l.strategy, l.score)), full, "seed {seed} programme {}", p.number);
            }
        }
    }

    #[test]
    fn curated_file_round_trips_and_reports_lines() {
        let c = CuratedLinks::parse("programme,strategy\n1,1.1\n4,  # unlinked on purpose\n").unwrap();
        assert_eq!(c.entries, vec![(1, Some(StrategyId { goal: 1, strategy: 1 })), (4, None)]);
        assert_eq!(CuratedLinks::parse(&c.to_text()).unwrap(), c);
        assert_eq!(CuratedLinks::parse("1,1.1\nx,2.2").unwrap_err(), "line 2: `x` is not a programme number");
    }
}
