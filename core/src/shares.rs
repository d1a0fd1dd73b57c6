//! Shares that add up: percentages by the largest-remainder method, and exact allocation
//! of an amount over weights. Rounding each share on its own can give 99.99% or 100.01%;
//! a budget site must show exactly 100.00%.

use crate::money::Money;
use rust_decimal::prelude::*;

/// Splits `total` over `weights` in proportion, rounded to `dp` decimal places, so that the
/// parts sum to exactly `total` (rounded to `dp`). Largest remainders get the leftover units;
/// ties go to the earlier weight. Negative weights count as zero. All-zero weights give zeros.
pub fn allocate(total: Decimal, weights: &[Decimal], dp: u32) -> Vec<Decimal> {
    let weights: Vec<Decimal> = weights.iter().map(|w| (*w).max(Decimal::ZERO)).collect();
    let sum: Decimal = weights.iter().copied().sum();
    if weights.is_empty() || sum.is_zero() {
        return vec![Decimal::ZERO; weights.len()];
    }
    let total = total.round_dp(dp);
    let unit = Decimal::new(1, dp);
    // Floor each exact share to the unit, remember what was cut off.
    let mut parts = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    for (i, w) in weights.iter().enumerate() {
        let exact = total * *w / sum;
        let floored = exact.round_dp_with_strategy(dp, RoundingStrategy::ToNegativeInfinity);
        parts.push(floored);
        remainders.push((exact - floored, i));
    }
    let assigned: Decimal = parts.iter().copied().sum();
    let mut leftover_units = ((total - assigned) / unit).round().to_i64().unwrap_or(0);
    // Biggest remainder first; stable on index so the result is deterministic.
    crate::order::sort_by(&mut remainders, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut k = 0;
    while leftover_units > 0 && !remainders.is_empty() {
        let idx = remainders[k % remainders.len()].1;
        parts[idx] += unit;
        leftover_units -= 1;
        k += 1;
    }
    parts
}

/// Percentages of each amount in the total, to `dp` decimal places, summing to exactly 100
/// (or all zero when the total is zero).
pub fn percentages(amounts: &[Decimal], dp: u32) -> Vec<Decimal> {
    allocate(Decimal::ONE_HUNDRED, amounts, dp)
}

/// Each amount's share of their total, in percent to the site's precision
/// ([`crate::summary::SHARE_DP`]), summing to exactly 100.
pub fn of_money(amounts: &[Money]) -> Vec<Decimal> {
    percentages(&amounts.iter().map(|m| m.0).collect::<Vec<_>>(), crate::summary::SHARE_DP)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(n: i64) -> Decimal {
        Decimal::from(n)
    }

    #[test]
    fn thirds_sum_to_exactly_100() {
        let p = percentages(&[d(1), d(1), d(1)], 2);
        assert_eq!(p.iter().map(|x| x.to_string()).collect::<Vec<_>>(), ["33.34", "33.33", "33.33"]);
        assert_eq!(p.iter().copied().sum::<Decimal>(), d(100));
    }

    #[test]
    fn zero_total_gives_zeros() {
        assert_eq!(percentages(&[d(0), d(0)], 2), vec![Decimal::ZERO, Decimal::ZERO]);
        assert!(percentages(&[], 2).is_empty());
    }

    #[test]
    fn allocates_whole_units() {
        let parts = allocate(d(10), &[d(1), d(1), d(1)], 0);
        assert_eq!(parts, vec![d(4), d(3), d(3)]);
    }

    proptest! {
        #[test]
        fn shares_sum_to_exactly_100(amounts in prop::collection::vec(0i64..10_000_000, 1..60), dp in 0u32..5) {
            let amounts: Vec<Decimal> = amounts.into_iter().map(Decimal::from).collect();
            let p = percentages(&amounts, dp);
            let total: Decimal = p.iter().copied().sum();
            if amounts.iter().all(|a| a.is_zero()) {
                prop_assert!(total.is_zero());
            } else {
                prop_assert_eq!(total, Decimal::ONE_HUNDRED);
            }
            // Each share is within one unit of its exact value.
            let sum: Decimal = amounts.iter().copied().sum();
            if !sum.is_zero() {
                for (a, s) in amounts.iter().zip(&p) {
                    let exact = Decimal::ONE_HUNDRED * a / sum;
                    prop_assert!((exact - s).abs() < Decimal::new(1, dp));
                }
            }
        }

        #[test]
        fn allocation_conserves_the_total(total in 0i64..1_000_000_000, weights in prop::collection::vec(1i64..1000, 1..20)) {
            let weights: Vec<Decimal> = weights.into_iter().map(Decimal::from).collect();
            let parts = allocate(Decimal::from(total), &weights, 0);
            prop_assert_eq!(parts.iter().copied().sum::<Decimal>(), Decimal::from(total));
        }
    }
}
