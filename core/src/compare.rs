//! Two plans side by side (two years, or a draft and the adopted plan): what money moved,
//! which programmes came and went, how the funding mix shifted, and which goals and
//! strategies were reworded, added or dropped.
//!
//! Programmes carry no identity across documents (numbers are reassigned every year), so
//! they are matched by name: identical names first, then the most similar names.

use crate::funding::{by_kind, plan_breakdown, FundingKind};
use crate::money::Money;
use crate::plan::Plan;
use crate::shares::of_money;
use crate::text::bigrams;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{HashMap, VecDeque};

/// Names at least this similar (Sørensen–Dice over Chinese character bigrams, see
/// [`crate::text::bigrams`]) are the same thing renamed; names without such bigrams match only
/// when identical. At 0.5 half of all bigrams are shared: a programme that gains or loses a word or
/// two (勞工學苑計畫 → 勞工學苑推廣計畫 is 0.67) still matches, while two programmes of one
/// agency that merely share its vocabulary (勞工, 就業, 計畫) stay apart.
pub const SIMILARITY_THRESHOLD: Decimal = Decimal::from_parts(5, 0, 0, false, 1);

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// `b - a`; negative for a cut.
    pub amount: Money,
    /// The change in % of `a`, to 2 decimals; `None` when `a` is zero.
    pub percent: Option<Decimal>,
}

impl Change {
    pub fn between(a: Money, b: Money) -> Change {
        let amount = b.0.checked_sub(a.0).map(Money).unwrap_or_default();
        let percent = if a.is_zero() { None } else { amount.0.checked_mul(Decimal::ONE_HUNDRED).and_then(|x| x.checked_div(a.0)).map(|p| p.round_dp(2)) };
        Change { amount, percent }
    }

    /// `+150%`, `−6.66%` (the minus sign [`Money::fmt_change`] uses), `new` where `a` was
    /// zero, or `—` for nothing on either side.
    pub fn fmt_percent(&self) -> String {
        match self.percent {
            Some(p) if p.is_zero() => "0%".to_string(),
            Some(p) if p.is_sign_negative() => format!("\u{2212}{}%", p.abs().normalize()),
            Some(p) => format!("+{}%", p.normalize()),
            None if self.amount.is_zero() => "—".to_string(),
            None => "new".to_string(),
        }
    }
}

/// A programme of plan `a` and the one of plan `b` it became.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matched {
    pub a: u32,
    pub b: u32,
    /// 0–1, 2 decimals; 1.00 for identical names.
    pub similarity: Decimal,
    pub budget_a: Money,
    pub budget_b: Money,
    pub change: Change,
}

/// One funding kind in both plans; shares are % of each plan's total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindChange {
    pub kind: FundingKind,
    pub a: Money,
    pub b: Money,
    /// Each side sums to exactly 100.00 over the kinds (largest remainder).
    pub share_a: Decimal,
    pub share_b: Decimal,
    /// Percentage points: `share_b - share_a`.
    pub points: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TextStatus {
    Same,
    Reworded,
    Added,
    Dropped,
}

/// A goal or strategy in either plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextChange {
    pub status: TextStatus,
    /// The goal number (`2`) or strategy id (`2.3`) in plan `a`.
    pub a_id: Option<String>,
    /// `"2.3 name"` as plan `a` has it; `None` when added.
    pub a: Option<String>,
    pub b_id: Option<String>,
    pub b: Option<String>,
    /// 1.00 when the same, the name similarity when reworded, 0 when added or dropped.
    pub similarity: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub total_a: Money,
    pub total_b: Money,
    pub total_change: Change,
    /// Largest absolute change first (ties in plan `a` order): what a reader asks first is
    /// where the money moved.
    pub matched: Vec<Matched>,
    /// Programme numbers with no counterpart, in document order.
    pub only_a: Vec<u32>,
    pub only_b: Vec<u32>,
    /// Central subsidy, special funds, city general budget, in that order.
    pub funding: Vec<KindChange>,
    /// Plan `a`'s goals in order (same, reworded or dropped), then the added ones.
    pub goals: Vec<TextChange>,
    /// Matched across the whole plan, so a strategy moved to another goal is still found.
    pub strategies: Vec<TextChange>,
}

pub fn compare(a: &Plan, b: &Plan) -> Comparison {
    let total_a = sum(a.programmes.iter().map(|p| p.budget));
    let total_b = sum(b.programmes.iter().map(|p| p.budget));
    // Budget-book lines share names (業務費 under every 款): a line is the same line when its
    // code is (both books printing codes), else when its name and its parents' names are.
    let coded = |p: &Plan| !p.programmes.is_empty() && p.programmes.iter().all(|x| x.book.as_ref().is_some_and(|b| b.code.is_some()));
    let by_code = coded(a) && coded(b);
    let key = |plan: &Plan, p: &crate::Programme| match p.book.as_ref().and_then(|b| b.code.as_ref()) {
        Some(code) if by_code => format!("#{code}"),
        _ if !plan.groups.is_empty() => format!("{}\u{1}{}", plan.path_of(p).join("\u{1}"), p.name),
        _ => format!("{}\u{1}{}", p.classification.join("\u{1}"), p.name),
    };
    let keys_a: Vec<String> = a.programmes.iter().map(|p| key(a, p)).collect();
    let keys_b: Vec<String> = b.programmes.iter().map(|p| key(b, p)).collect();
    let names_a: Vec<&str> = a.programmes.iter().map(|p| p.name.as_str()).collect();
    let names_b: Vec<&str> = b.programmes.iter().map(|p| p.name.as_str()).collect();
    let m = match_texts(&keys_a, &keys_b, &names_a, &names_b);
    let mut matched: Vec<Matched> = m
        .pairs
        .iter()
        .map(|(i, j, similarity)| {
            let (pa, pb) = (&a.programmes[*i], &b.programmes[*j]);
            Matched {
                a: pa.number,
                b: pb.number,
                similarity: *similarity,
                budget_a: pa.budget,
                budget_b: pb.budget,
                change: Change::between(pa.budget, pb.budget),
            }
        })
        .collect();
    crate::order::sort_by(&mut matched, |x, y| y.change.amount.0.abs().cmp(&x.change.amount.0.abs()).then(x.a.cmp(&y.a)));
    Comparison {
        total_a,
        total_b,
        total_change: Change::between(total_a, total_b),
        matched,
        only_a: m.only_a.iter().map(|i| a.programmes[*i].number).collect(),
        only_b: m.only_b.iter().map(|j| b.programmes[*j].number).collect(),
        funding: funding(a, b),
        goals: goal_changes(a, b),
        strategies: strategy_changes(a, b),
    }
}

/// Sums that saturate to zero instead of overflowing (readers sanitise amounts, but a plan
/// built in code may not have been read).
fn sum(mut amounts: impl Iterator<Item = Money>) -> Money {
    amounts.try_fold(Money::ZERO, |acc, x| acc.checked_add(x)).unwrap_or_default()
}

fn funding(a: &Plan, b: &Plan) -> Vec<KindChange> {
    let kinds_a = by_kind(&plan_breakdown(a));
    let kinds_b = by_kind(&plan_breakdown(b));
    let shares = |k: &[(FundingKind, Money)]| of_money(&k.iter().map(|(_, m)| *m).collect::<Vec<_>>());
    let (share_a, share_b) = (shares(&kinds_a), shares(&kinds_b));
    kinds_a
        .iter()
        .zip(&kinds_b)
        .zip(share_a.into_iter().zip(share_b))
        .map(|(((kind, ma), (_, mb)), (sa, sb))| KindChange { kind: *kind, a: *ma, b: *mb, share_a: sa, share_b: sb, points: sb - sa })
        .collect()
}

fn goal_changes(a: &Plan, b: &Plan) -> Vec<TextChange> {
    let side = |p: &Plan| p.goals.iter().map(|g| (g.number.to_string(), g.name.clone())).collect::<Vec<_>>();
    text_changes(&side(a), &side(b))
}

fn strategy_changes(a: &Plan, b: &Plan) -> Vec<TextChange> {
    let side = |p: &Plan| p.strategies().map(|(id, _, s)| (id.to_string(), s.name.clone())).collect::<Vec<_>>();
    text_changes(&side(a), &side(b))
}

fn text_changes(a: &[(String, String)], b: &[(String, String)]) -> Vec<TextChange> {
    let names_a: Vec<&str> = a.iter().map(|(_, n)| n.as_str()).collect();
    let names_b: Vec<&str> = b.iter().map(|(_, n)| n.as_str()).collect();
    let m = match_texts(&names_a, &names_b, &names_a, &names_b);
    let label = |(id, name): &(String, String)| (Some(id.clone()), Some(format!("{id} {name}")));
    let mut out: Vec<TextChange> = Vec::with_capacity(a.len() + m.only_b.len());
    for (i, item) in a.iter().enumerate() {
        let (a_id, a_text) = label(item);
        let change = match m.pairs.iter().find(|(pi, _, _)| *pi == i) {
            Some((_, j, similarity)) => {
                let (b_id, b_text) = label(&b[*j]);
                let status = if *similarity == Decimal::ONE { TextStatus::Same } else { TextStatus::Reworded };
                TextChange { status, a_id, a: a_text, b_id, b: b_text, similarity: *similarity }
            }
            None => TextChange { status: TextStatus::Dropped, a_id, a: a_text, b_id: None, b: None, similarity: Decimal::ZERO },
        };
        out.push(change);
    }
    for j in &m.only_b {
        let (b_id, b_text) = label(&b[*j]);
        out.push(TextChange { status: TextStatus::Added, a_id: None, a: None, b_id, b: b_text, similarity: Decimal::ZERO });
    }
    out
}

/// Indexes into both sides: matched pairs with their similarity, and the unmatched.
pub(crate) struct Matching {
    pub(crate) pairs: Vec<(usize, usize, Decimal)>,
    pub(crate) only_a: Vec<usize>,
    pub(crate) only_b: Vec<usize>,
}

/// Pairs items whose keys are identical (ignoring whitespace), in order; then, among the
/// rest, the most similar names first (greedy: each pair is final, each item used once).
/// Only pairs sharing a bigram are scored, through an index, so large plans stay fast.
pub(crate) fn match_texts(keys_a: &[impl AsRef<str>], keys_b: &[impl AsRef<str>], names_a: &[&str], names_b: &[&str]) -> Matching {
    let compact = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let mut by_key: HashMap<String, VecDeque<usize>> = HashMap::new();
    for (j, k) in keys_b.iter().enumerate() {
        by_key.entry(compact(k.as_ref())).or_default().push_back(j);
    }
    let mut used_a = vec![false; keys_a.len()];
    let mut used_b = vec![false; keys_b.len()];
    let mut pairs = Vec::new();
    for (i, k) in keys_a.iter().enumerate() {
        if let Some(j) = by_key.get_mut(&compact(k.as_ref())).and_then(VecDeque::pop_front) {
            used_a[i] = true;
            used_b[j] = true;
            pairs.push((i, j, Decimal::ONE));
        }
    }

    // Bigrams as small integers; a bigram no unmatched `b` name has cannot score.
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut bags_b: Vec<Vec<u32>> = vec![Vec::new(); names_b.len()];
    for (j, n) in names_b.iter().enumerate().filter(|(j, _)| !used_b[*j]) {
        bags_b[j] = bigrams(n)
            .into_iter()
            .map(|g| {
                let next = ids.len() as u32;
                *ids.entry(g).or_insert(next)
            })
            .collect();
    }
    let mut index: Vec<Vec<u32>> = vec![Vec::new(); ids.len()];
    for (j, bag) in bags_b.iter().enumerate() {
        for g in bag {
            index[*g as usize].push(j as u32);
        }
    }
    // (2·shared, |A| + |B|, i, j): Dice as an exact fraction, compared by cross-multiplying.
    let mut candidates: Vec<(u64, u64, usize, usize)> = Vec::new();
    let (t_num, t_den) = (SIMILARITY_THRESHOLD.mantissa() as u64, 10u64.pow(SIMILARITY_THRESHOLD.scale()));
    let mut shared = vec![0u32; names_b.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (i, name) in names_a.iter().enumerate().filter(|(i, _)| !used_a[*i]) {
        let bag = bigrams(name);
        for g in bag.iter().filter_map(|g| ids.get(g)) {
            for j in &index[*g as usize] {
                let j = *j as usize;
                if shared[j] == 0 {
                    touched.push(j);
                }
                shared[j] += 1;
            }
        }
        for j in touched.drain(..) {
            let (num, den) = (2 * shared[j] as u64, (bag.len() + bags_b[j].len()) as u64);
            shared[j] = 0;
            if num * t_den >= den * t_num {
                candidates.push((num, den, i, j));
            }
        }
    }
    crate::order::sort_by(&mut candidates, |x, y| (y.0 * x.1).cmp(&(x.0 * y.1)).then(x.2.cmp(&y.2)).then(x.3.cmp(&y.3)));
    for (num, den, i, j) in candidates {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            // Rounded for display, but never up to 1.00, which means identical.
            let dice = (Decimal::from(num) / Decimal::from(den)).round_dp(2).min(Decimal::new(99, 2));
            pairs.push((i, j, dice));
        }
    }
    crate::order::sort(&mut pairs);
    Matching { pairs, only_a: (0..keys_a.len()).filter(|i| !used_a[*i]).collect(), only_b: (0..keys_b.len()).filter(|j| !used_b[*j]).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_in_percent_of_the_first_figure() {
        let c = Change::between(Money::thousands(258_536), Money::thousands(260_000));
        assert_eq!((c.amount, c.percent), (Money::thousands(1464), Some(Decimal::new(57, 2))));
        assert_eq!(Change::between(Money::ZERO, Money::thousands(5)).percent, None);
        assert_eq!(Change::between(Money::thousands(4), Money::ZERO).percent, Some(Decimal::from(-100)));
    }

    #[test]
    fn identical_names_first_then_the_most_similar() {
        let a = ["勞工學苑計畫", "移工服務中心", "就業 服務"];
        let b = ["就業服務", "勞工學苑推廣計畫", "青年就業促進計畫"];
        let m = match_texts(&a, &b, &a, &b);
        assert_eq!(m.pairs, vec![(0, 1, Decimal::new(67, 2)), (2, 0, Decimal::ONE)]);
        assert_eq!((m.only_a, m.only_b), (vec![1], vec![2]));
    }
}
