//! What if: a reader sets new budgets for some programmes and/or cuts the central subsidy,
//! and sees where the money would come from. A scenario is small enough to live in a link
//! ([`encode`] / [`decode`]), so it can be shared.
//!
//! Semantics of [`apply`]:
//! - An explicit amount replaces a programme's budget.
//! - With `keep_total`, the sum of the explicit changes is taken from (or given to) the
//!   programmes not set explicitly, in proportion to their budgets, by largest remainder in
//!   whole 千元 (or in the finest unit the figures use, at most 0.001 千元 = 1 元), never
//!   below zero. If they cannot absorb it all, they go to zero and a warning names the
//!   shortfall, by which the total rises. Without `keep_total` the total simply moves.
//! - A programme's central money after a change is `min(its central subsidy, new budget)`:
//!   a larger budget is paid by the city, a smaller one shrinks the grant first only when
//!   the grant no longer fits. Special funds likewise keep what still fits; the city pays
//!   the rest.
//! - The central cut then removes `central_cut`% of each programme's central money (whole
//!   千元, half away from zero); the city covers exactly that, so budgets stay as set.

mod findings;
pub use findings::{UrlError, UrlProblem, Warning};

use crate::funding::{programme_breakdown, FundingKind};
use crate::money::Money;
use crate::plan::Plan;
use crate::shares::{allocate, of_money};
use rust_decimal::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Scenario {
    /// Programme number → new budget in 千元.
    pub amounts: BTreeMap<u32, Money>,
    /// % of every programme's central subsidy withdrawn, 0–100.
    pub central_cut: Decimal,
    pub keep_total: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OutcomeRow {
    pub number: u32,
    pub before: Money,
    pub after: Money,
    /// % of the total, 2 decimals; each column sums to exactly 100.00.
    pub share_before: Decimal,
    pub share_after: Decimal,
    /// Central subsidy in the plan as published (at most the budget).
    pub central_before: Money,
    /// Central subsidy after the budget change and the cut.
    pub central_after: Money,
    /// `central_before` in % of `before`, 2 decimals.
    pub central_dependence: Decimal,
    /// What the city adds to make up for the cut.
    pub city_cover: Money,
}

impl OutcomeRow {
    /// The row's change in 千元 (after − before).
    pub fn change(&self) -> Money {
        self.after - self.before
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outcome {
    pub rows: Vec<OutcomeRow>,
    pub total_before: Money,
    pub total_after: Money,
    pub central_before: Money,
    pub central_after: Money,
    /// Total the city must add to keep programmes funded after the central cut.
    pub city_cover: Money,
    /// Central subsidy, special funds, city general budget.
    pub kinds_before: Vec<(FundingKind, Money)>,
    pub kinds_after: Vec<(FundingKind, Money)>,
    pub warnings: Vec<Warning>,
}

/// The finest unit figures are spread in: 0.001 千元 = 1 元.
const MAX_DP: u32 = 3;

pub fn apply(plan: &Plan, s: &Scenario) -> Outcome {
    let mut warnings = Vec::new();
    // A plan built in code may hold figures no reader would return; they count as zero.
    let sane = |m: Money| if m.is_plausible() { m } else { Money::ZERO };
    let before: Vec<Money> = plan.programmes.iter().map(|p| sane(p.budget)).collect();
    let mut after = before.clone();
    let mut explicit = vec![false; before.len()];
    let mut index: HashMap<u32, usize> = HashMap::with_capacity(before.len());
    for (i, p) in plan.programmes.iter().enumerate() {
        index.entry(p.number).or_insert(i);
    }
    for (number, amount) in &s.amounts {
        match index.get(number) {
            None => warnings.push(Warning::NotInPlan { programme: *number }),
            Some(_) if *amount < Money::ZERO || !amount.is_plausible() => warnings.push(Warning::NotABudget { programme: *number, amount: *amount }),
            Some(&i) => {
                after[i] = *amount;
                explicit[i] = true;
            }
        }
    }
    if s.keep_total {
        keep_total(&before, &mut after, &explicit, &mut warnings);
    }

    let cut = s.central_cut.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
    if cut != s.central_cut {
        warnings.push(Warning::CutClamped { asked: s.central_cut.normalize(), used: cut });
    }
    let before_shares = of_money(&before);
    let after_shares = of_money(&after);
    let mut rows = Vec::with_capacity(before.len());
    let mut kinds_before = [Money::ZERO; 3];
    let mut kinds_after = [Money::ZERO; 3];
    for (i, p) in plan.programmes.iter().enumerate() {
        let (b, a) = (before[i].max(Money::ZERO), after[i]);
        let lines = if p.funding.iter().all(|n| n.amount.is_plausible()) { programme_breakdown(p) } else { Vec::new() };
        let of = |k: FundingKind| lines.iter().filter(|l| l.source.kind == k).map(|l| l.amount).sum::<Money>();
        let (central, special) = (of(FundingKind::CentralSubsidy), of(FundingKind::SpecialFund));
        // Notes larger than the budget are an error the reader has been told about; here
        // each source keeps only what fits, central first.
        let central_before = capped(central, b);
        let special_before = capped(special, b - central_before);
        kinds_before[0] += central_before;
        kinds_before[1] += special_before;
        kinds_before[2] += b - central_before - special_before;

        let central_kept = capped(central, a);
        let withdrawn = if cut == Decimal::ONE_HUNDRED {
            central_kept
        } else {
            capped(Money((central_kept.0 * cut / Decimal::ONE_HUNDRED).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)), central_kept)
        };
        let central_after = central_kept - withdrawn;
        let special_after = capped(special, a - central_kept);
        kinds_after[0] += central_after;
        kinds_after[1] += special_after;
        kinds_after[2] += a - central_after - special_after;
        let central_dependence = if b.is_zero() { Decimal::ZERO } else { (central_before.0 * Decimal::ONE_HUNDRED / b.0).round_dp(2) };
        rows.push(OutcomeRow {
            number: p.number,
            before: before[i],
            after: a,
            share_before: before_shares[i],
            share_after: after_shares[i],
            central_before,
            central_after,
            central_dependence,
            city_cover: withdrawn,
        });
    }
    let kinds = |m: [Money; 3]| [FundingKind::CentralSubsidy, FundingKind::SpecialFund, FundingKind::CityGeneral].into_iter().zip(m).collect::<Vec<_>>();
    Outcome {
        total_before: before.iter().sum(),
        total_after: after.iter().sum(),
        central_before: rows.iter().map(|r| r.central_before).sum(),
        central_after: rows.iter().map(|r| r.central_after).sum(),
        city_cover: rows.iter().map(|r| r.city_cover).sum(),
        rows,
        kinds_before: kinds(kinds_before),
        kinds_after: kinds(kinds_after),
        warnings,
    }
}

/// `x`, but no more than `cap` and no less than zero.
fn capped(x: Money, cap: Money) -> Money {
    (if x <= cap { x } else { cap }).max(Money::ZERO)
}

/// Moves the sum of the explicit changes onto the other programmes (see the module docs).
fn keep_total(before: &[Money], after: &mut [Money], explicit: &[bool], warnings: &mut Vec<Warning>) {
    let delta: Decimal = (0..before.len()).filter(|i| explicit[*i]).map(|i| after[i].0 - before[i].0).sum();
    let others: Vec<usize> = (0..before.len()).filter(|i| !explicit[*i]).collect();
    if delta.is_zero() {
        return;
    }
    if others.is_empty() {
        warnings.push(Warning::NothingAbsorbs { moved: Money(delta) });
        return;
    }
    let base: Vec<Decimal> = others.iter().map(|i| before[*i].0.max(Decimal::ZERO)).collect();
    let dp = base.iter().chain([&delta]).map(|d| d.normalize().scale()).max().unwrap_or(0).min(MAX_DP);
    let available: Decimal = base.iter().sum();
    let clamped = delta > available;
    let parts = if clamped {
        warnings.push(Warning::OthersTooSmall { available: Money(available), unmet: Money(delta - available) });
        base.clone()
    } else if delta > Decimal::ZERO {
        take(delta, &base, dp)
    } else {
        // Programmes without money share a gift equally rather than not at all.
        let weights = if available.is_zero() { vec![Decimal::ONE; base.len()] } else { base.clone() };
        safe_allocate(-delta, &weights, dp)
    };
    let moved: Decimal = parts.iter().sum();
    for (i, part) in others.iter().zip(parts) {
        let moved_to = if delta > Decimal::ZERO { after[*i].0 - part } else { after[*i].0 + part };
        after[*i] = Money(moved_to.max(Decimal::ZERO));
    }
    if !clamped && moved != delta.abs() {
        warnings.push(Warning::Rounded { moved: Money(delta.abs() - moved) });
    }
}

/// Takes `amount` (at most the sum of `caps`) from budgets in proportion, no part above
/// its budget: parts that would exceed it are capped and the rest spread again.
fn take(amount: Decimal, caps: &[Decimal], dp: u32) -> Vec<Decimal> {
    let mut parts = vec![Decimal::ZERO; caps.len()];
    let mut open: Vec<usize> = (0..caps.len()).filter(|i| caps[*i] > Decimal::ZERO).collect();
    let mut left = amount;
    while !open.is_empty() {
        let weights: Vec<Decimal> = open.iter().map(|i| caps[*i]).collect();
        let alloc = safe_allocate(left, &weights, dp);
        let over: Vec<usize> = open.iter().zip(&alloc).filter(|(i, a)| **a > caps[**i]).map(|(i, _)| *i).collect();
        if over.is_empty() {
            for (i, a) in open.iter().zip(alloc) {
                parts[*i] = a;
            }
            break;
        }
        for i in over {
            parts[i] = caps[i];
            left -= caps[i];
        }
        open.retain(|i| parts[*i].is_zero());
    }
    parts
}

/// [`allocate`], made safe for any plausible figures: when `total × weight` could overflow
/// a Decimal (only for budgets beyond any real government's), weights are coarsened to at
/// most as many digits as still fit, which keeps the parts exact and summing to `total`.
fn safe_allocate(total: Decimal, weights: &[Decimal], dp: u32) -> Vec<Decimal> {
    let max = weights.iter().copied().fold(Decimal::ZERO, Decimal::max);
    let sum_fits = weights.iter().try_fold(Decimal::ZERO, |a, x| a.checked_add(*x)).is_some();
    if max.is_zero() || (sum_fits && total.checked_mul(max).is_some()) {
        return allocate(total, weights, dp);
    }
    let digits = (0..=12u32).rev().find(|p| total.checked_mul(Decimal::from(10u64.pow(*p))).is_some()).unwrap_or(0);
    let scale = Decimal::from(10u64.pow(digits));
    let coarse: Vec<Decimal> = weights.iter().map(|w| (*w / max * scale).trunc()).collect();
    allocate(total, &coarse, dp)
}

/// The top of a programme's what-if slider: twice its budget in whole 千元, at least 1, so
/// every programme can be doubled and an empty one can be given something.
pub fn slider_ceiling(budget: Money) -> Money {
    Money((budget.0 * Decimal::TWO).max(Decimal::ONE).round())
}

/// An amount a reader typed for a programme: a plain figure in 千元, not negative, not
/// absurd. Anything else leaves the scenario as it was.
pub fn typed_amount(text: &str) -> Option<Money> {
    Money::parse(text).filter(|m| !m.0.is_sign_negative() && m.is_plausible())
}

/// Links stay short: a scenario with every programme of a large plan set is refused.
pub const MAX_ENCODED_LEN: usize = 8192;
pub const MAX_FIELDS: usize = 100_000;

/// The link form, using only URL-unreserved characters so it needs no escaping:
/// `v1~c12.5~k~7_250000~3_1000.5` — fields joined by `~`: the version `v1`, then `c` and the
/// central cut in % (omitted when 0), `k` when the total is kept, then `NUMBER_AMOUNT` for
/// each programme set (amount in 千元), in programme-number order. Deterministic, so the
/// same scenario always gives the same link.
pub fn encode(s: &Scenario) -> String {
    let mut out = String::from("v1");
    if !s.central_cut.is_zero() {
        out.push_str(&format!("~c{}", s.central_cut.normalize()));
    }
    if s.keep_total {
        out.push_str("~k");
    }
    for (n, m) in &s.amounts {
        out.push_str(&format!("~{n}_{}", m.0.normalize()));
    }
    out
}

/// Reads [`encode`]'s form against the plan it applies to. One layer of percent-encoding
/// (`%7E` for `~`, as some mail clients rewrite links) is undone first. Errors name the
/// field (1-based) and what is wrong with it.
pub fn decode(text: &str, plan: &Plan) -> Result<Scenario, UrlError> {
    let whole = |problem| UrlError { field: None, problem };
    if text.len() > MAX_ENCODED_LEN {
        return Err(whole(UrlProblem::TooLong { len: text.len(), max: MAX_ENCODED_LEN }));
    }
    let unescaped;
    let text = if text.contains('%') {
        unescaped = percent_decode(text).map_err(whole)?;
        unescaped.as_str()
    } else {
        text
    };
    let text = text.trim();
    let count = text.split('~').count();
    if count > MAX_FIELDS {
        return Err(whole(UrlProblem::TooManyFields { count, max: MAX_FIELDS }));
    }
    let mut fields = text.split('~');
    let version = fields.next().unwrap_or("");
    if version != "v1" {
        let problem = match version.strip_prefix('v').filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit())) {
            Some(v) => UrlProblem::UnknownVersion { version: v.to_string() },
            None => UrlProblem::NoVersion,
        };
        return Err(UrlError { field: Some((1, shown(version))), problem });
    }
    let numbers: std::collections::HashSet<u32> = plan.programmes.iter().map(|p| p.number).collect();
    let mut s = Scenario::default();
    let (mut cut_seen, mut keep_seen) = (false, false);
    for (i, field) in fields.enumerate() {
        let at = |problem| UrlError { field: Some((i + 2, shown(field))), problem };
        if field == "k" {
            if keep_seen {
                return Err(at(UrlProblem::KeepTwice));
            }
            keep_seen = true;
            s.keep_total = true;
        } else if let Some(c) = field.strip_prefix('c') {
            if cut_seen {
                return Err(at(UrlProblem::CutTwice));
            }
            cut_seen = true;
            let cut = number(c).ok_or_else(|| at(UrlProblem::NotAPercentage { written: shown(c) }))?;
            if cut > Decimal::ONE_HUNDRED {
                return Err(at(UrlProblem::CutOutOfRange { written: c.to_string() }));
            }
            s.central_cut = cut;
        } else if let Some((n, amount)) = field.split_once('_') {
            let n: u32 =
                n.parse().ok().filter(|_| n.bytes().all(|b| b.is_ascii_digit())).ok_or_else(|| at(UrlProblem::NotAProgrammeNumber { written: shown(n) }))?;
            if !numbers.contains(&n) {
                return Err(at(UrlProblem::ProgrammeNotInPlan { programme: n }));
            }
            if s.amounts.contains_key(&n) {
                return Err(at(UrlProblem::ProgrammeTwice { programme: n }));
            }
            if amount.starts_with('-') {
                return Err(at(UrlProblem::Negative { written: shown(amount) }));
            }
            let m = number(amount).ok_or_else(|| at(UrlProblem::NotAnAmount { written: shown(amount) }))?;
            if m.normalize().scale() > MAX_DP {
                return Err(at(UrlProblem::TooFine { written: shown(amount), max_dp: MAX_DP }));
            }
            if !Money(m).is_plausible() {
                return Err(at(UrlProblem::TooLarge { written: shown(amount) }));
            }
            s.amounts.insert(n, Money(m));
        } else if field.is_empty() {
            return Err(whole(UrlProblem::EmptyField { field: i + 2 }));
        } else {
            return Err(at(UrlProblem::UnknownField));
        }
    }
    Ok(s)
}

/// A plain non-negative decimal: digits and at most one point, nothing else.
fn number(s: &str) -> Option<Decimal> {
    let ok = !s.is_empty()
        && s.len() <= 40
        && s.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && s.bytes().filter(|b| *b == b'.').count() <= 1
        && s.bytes().any(|b| b.is_ascii_digit());
    if ok {
        Decimal::from_str(s).ok()
    } else {
        None
    }
}

/// A field as quoted in an error, cut short so a hostile link cannot flood the page.
fn shown(s: &str) -> String {
    if s.chars().count() <= 40 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(40).collect::<String>())
    }
}

fn percent_decode(text: &str) -> Result<String, UrlProblem> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
            match hex {
                Some(b) => out.push(b),
                None => return Err(UrlProblem::BadEscape { written: shown(&String::from_utf8_lossy(&bytes[i..(i + 3).min(bytes.len())])), at: i + 1 }),
            }
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| UrlProblem::NotUtf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_figures_are_spread_exactly_without_overflow() {
        let total = Decimal::from(10u64.pow(17)) * Decimal::from(3000);
        let weights = [Decimal::from(10u64.pow(17) * 9), Decimal::from(10u64.pow(17) * 3), Decimal::ONE];
        let parts = safe_allocate(total, &weights, 0);
        assert_eq!(parts.iter().copied().sum::<Decimal>(), total);
        assert!(parts[0] > parts[1] && parts[1] > parts[2]);
    }

    #[test]
    fn taking_never_goes_below_a_budget() {
        // Budgets finer than the unit: a largest-remainder unit would overshoot the first.
        let caps = [Decimal::new(15, 1); 3];
        let parts = take(Decimal::from(4), &caps, 0);
        assert_eq!(parts, [Decimal::new(15, 1), Decimal::ONE, Decimal::ONE]);
        let caps = [Decimal::from(3), Decimal::from(10), Decimal::from(10)];
        let parts = take(Decimal::from(20), &caps, 0);
        assert_eq!(parts.iter().copied().sum::<Decimal>(), Decimal::from(20));
        assert!(parts.iter().zip(&caps).all(|(p, c)| p <= c), "{parts:?}");
    }

    #[test]
    fn plain_numbers_only() {
        assert_eq!(number("12.5"), Some(Decimal::new(125, 1)));
        for bad in ["", ".", "1.2.3", "+5", "1e5", "５"] {
            assert_eq!(number(bad), None, "{bad}");
        }
    }
}
