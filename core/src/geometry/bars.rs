//! Stacked bars: one shared length scale so bars compare by length across rows.

use super::{nonneg, size, sum, to_f64, Rect};
use crate::money::Money;
use rust_decimal::Decimal;

/// `out[r][s]` is segment `s` of row `r`. Horizontal bars run top→bottom, segments left→right;
/// vertical bars run left→right with segments stacked upwards from the bottom edge (the
/// baseline). `gap` shrinks only if the gaps alone would not fit. Positions come from exact
/// running `Decimal` sums, so neighbouring segments meet without drift.
pub fn stacked(rows: &[Vec<Money>], bounds: Rect, horizontal: bool, gap: f64) -> Vec<Vec<Rect>> {
    let rows: Vec<Vec<Decimal>> = rows.iter().map(|r| r.iter().map(|m| m.0).collect()).collect();
    let b = bounds.sanitized();
    let n = rows.len();
    let (across, along) = if horizontal { (b.h, b.w) } else { (b.w, b.h) };
    let g = if n > 1 { size(gap).min(across / (n - 1) as f64) } else { 0.0 };
    let thick = if n > 0 { ((across - g * (n - 1) as f64) / n as f64).max(0.0) } else { 0.0 };
    let longest = rows.iter().map(sum).max().map(to_f64).unwrap_or(0.0);
    let scale = if longest > 0.0 { along / longest } else { 0.0 };
    rows.iter()
        .enumerate()
        .map(|(i, row)| {
            let offset = i as f64 * (thick + g);
            let (mut cum, mut end) = (Decimal::ZERO, 0.0);
            row.iter()
                .map(|v| {
                    let start = end;
                    cum = cum.saturating_add(nonneg(*v));
                    // `max(start)`: equal sums in different Decimal scales can round apart in f64.
                    end = (to_f64(cum) * scale).min(along).max(start);
                    if horizontal {
                        Rect::new(b.x + start, b.y + offset, end - start, thick)
                    } else {
                        Rect::new(b.x + offset, b.y + b.h - end, thick, end - start)
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn row(v: &[i64]) -> Vec<Money> {
        v.iter().map(|&x| Money::thousands(x)).collect()
    }

    fn near(a: &Rect, b: &Rect) -> bool {
        [(a.x, b.x), (a.y, b.y), (a.w, b.w), (a.h, b.h)].iter().all(|(p, q)| (p - q).abs() < 1e-9)
    }

    #[test]
    fn horizontal_by_hand() {
        let got = stacked(&[row(&[1, 2]), row(&[3, -7, 1]), row(&[])], Rect::new(0.0, 0.0, 100.0, 50.0), true, 5.0);
        let t = 40.0 / 3.0;
        assert!(near(&got[0][0], &Rect::new(0.0, 0.0, 25.0, t)));
        assert!(near(&got[0][1], &Rect::new(25.0, 0.0, 50.0, t)));
        assert!(near(&got[1][0], &Rect::new(0.0, t + 5.0, 75.0, t)));
        assert!(near(&got[1][1], &Rect::new(75.0, t + 5.0, 0.0, t)));
        assert!(near(&got[1][2], &Rect::new(75.0, t + 5.0, 25.0, t)));
        assert!(got[2].is_empty());
    }

    #[test]
    fn vertical_by_hand() {
        let got = stacked(&[row(&[1, 2]), row(&[4])], Rect::new(10.0, 10.0, 30.0, 100.0), false, 10.0);
        assert!(near(&got[0][0], &Rect::new(10.0, 85.0, 10.0, 25.0)));
        assert!(near(&got[0][1], &Rect::new(10.0, 35.0, 10.0, 50.0)));
        assert!(near(&got[1][0], &Rect::new(30.0, 10.0, 10.0, 100.0)));
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        let b = Rect::new(0.0, 0.0, 100.0, 100.0);
        assert!(stacked(&[], b, true, 5.0).is_empty());
        let zeros = stacked(&[row(&[0, 0]), row(&[-1])], b, false, f64::NAN);
        assert!(zeros.iter().flatten().all(|r| r.h == 0.0 && b.contains(r, 0.0)));
        let huge = Money(Decimal::from_i128_with_scale(10i128.pow(20), 0));
        let got = stacked(&[vec![huge, huge], vec![Money(Decimal::MAX), Money(Decimal::MAX)]], b, true, 1e9);
        assert!(got.iter().flatten().all(|r| r.w.is_finite() && r.w >= 0.0 && b.contains(r, 1e-9)));
        let got = stacked(&[row(&[1])], Rect::new(f64::NAN, 0.0, -5.0, f64::INFINITY), true, 0.0);
        assert_eq!(got[0][0], Rect::new(0.0, 0.0, 0.0, 0.0));
    }

    fn value() -> impl Strategy<Value = Money> {
        prop_oneof![
            (-100i64..1_000_000_000, 0u32..4).prop_map(|(m, s)| Decimal::new(m, s)),
            (1i64..100).prop_map(|v| Decimal::from(v) * Decimal::from(10u64.pow(18))),
            Just(Decimal::ZERO),
        ]
        .prop_map(Money)
    }

    proptest! {
        #[test]
        fn stacked_properties(
            rows in prop::collection::vec(prop::collection::vec(value(), 0..6), 0..8),
            (x, y, w, h) in (-500.0..500.0f64, -500.0..500.0f64, 1.0..2000.0f64, 1.0..2000.0f64),
            horizontal: bool,
            gap in 0.0..10.0f64,
        ) {
            let b = Rect::new(x, y, w, h);
            let bars = stacked(&rows, b, horizontal, gap);
            prop_assert_eq!(bars.len(), rows.len());
            let eps = 1e-9 * (w + h);
            let totals: Vec<f64> = rows.iter().map(|r| r.iter().map(|v| to_f64(v.0)).sum()).collect();
            let longest = totals.iter().cloned().fold(0.0, f64::max);
            let along = if horizontal { w } else { h };
            for ((bar, row), total) in bars.iter().zip(&rows).zip(&totals) {
                prop_assert_eq!(bar.len(), row.len());
                let mut edge = if horizontal { x } else { y + h };
                for (r, v) in bar.iter().zip(row) {
                    prop_assert!(b.contains(r, eps), "{:?} outside", r);
                    let (len, start, end) = if horizontal { (r.w, r.x, r.x + r.w) } else { (r.h, r.y + r.h, r.y) };
                    prop_assert!((len - to_f64(v.0) / longest * along).abs() <= eps || longest == 0.0);
                    prop_assert!((start - edge).abs() <= eps, "segments not contiguous");
                    edge = end;
                }
                if *total == longest && longest > 0.0 {
                    let far = if horizontal { x + w } else { y };
                    prop_assert!((edge - far).abs() <= eps, "largest bar must fill the length");
                }
            }
        }
    }
}
