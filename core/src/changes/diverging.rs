//! The biggest increases and cuts of a view as a diverging bar chart's data: which lines,
//! in which order, and each change as a chart coordinate (a float for drawing only; every
//! figure printed comes from the exact change).

use super::LineChange;
use crate::money::Money;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;

/// Up to `each_way` increases (largest first), then up to `each_way` cuts (largest last),
/// among the lines `order` shows: `(index into changes, change as a coordinate)`.
pub fn diverging(changes: &[LineChange], order: &[usize], each_way: usize) -> Vec<(usize, f64)> {
    let amount = |i: &usize| changes[*i].change.as_ref().map_or(Money::ZERO, |c| c.amount);
    let mut moved: Vec<usize> = order.iter().copied().filter(|i| !amount(i).is_zero()).collect();
    crate::order::sort_by_key(&mut moved, |i| std::cmp::Reverse(amount(i)));
    let ups = moved.iter().take_while(|i| amount(i) > Money::ZERO).take(each_way);
    let mut downs: Vec<usize> = moved.iter().rev().take_while(|i| amount(i) < Money::ZERO).take(each_way).copied().collect();
    downs.reverse();
    ups.copied().chain(downs).map(|i| (i, amount(&i).0.to_f64().unwrap_or(0.0))).collect()
}

/// An axis tick (a round coordinate the chart picked), signed and grouped like the figures.
pub fn tick_label(v: f64) -> String {
    Money(Decimal::from_f64(v).unwrap_or_default().round()).fmt_change()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::TreeRef;
    use crate::changes::Movement;
    use crate::compare::Change;

    fn line(change: i64) -> LineChange {
        let budget = Money::thousands(1_000 + change);
        LineChange {
            node: TreeRef::Programme(0),
            level: 0,
            budget,
            last_year: Some(Money::thousands(1_000)),
            change: Some(Change::between(Money::thousands(1_000), budget)),
            movement: Movement::Increase,
            flags: Vec::new(),
        }
    }

    #[test]
    fn increases_first_then_cuts_with_the_largest_cut_last() {
        let changes: Vec<LineChange> = [5, -3, 0, 9, -7, 1].into_iter().map(line).collect();
        let got: Vec<(usize, f64)> = diverging(&changes, &[0, 1, 2, 3, 4, 5], 2);
        assert_eq!(got, [(3, 9.0), (0, 5.0), (1, -3.0), (4, -7.0)]);
        assert_eq!(diverging(&changes, &[1, 2], 8), [(1, -3.0)], "only the lines shown");
        assert_eq!((tick_label(-2_000_000.0), tick_label(0.0), tick_label(1500.4)), ("\u{2212}2,000,000".into(), "0".into(), "+1,500".into()));
    }
}
