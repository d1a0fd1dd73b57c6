//! Squarified treemap (Bruls, Huizing & van Wijk, 2000): near-square cells make areas easier to
//! compare than the thin slices of slice-and-dice.

use super::{to_f64, Rect};
use rust_decimal::Decimal;

/// `rects[i]` is the cell of `amounts[i]`. Zero/negative amounts (and everything, when the total
/// or the bounds are empty) get a zero-size rect at the bounds' origin.
pub fn squarify(amounts: &[Decimal], bounds: Rect) -> Vec<Rect> {
    let b = bounds.sanitized();
    let mut out = vec![Rect::new(b.x, b.y, 0.0, 0.0); amounts.len()];
    let vals: Vec<f64> = amounts.iter().map(|d| to_f64(*d)).collect();
    let total: f64 = vals.iter().sum();
    // Lay out in a space whose longer side is 1 so huge bounds cannot overflow the areas.
    let m = b.w.max(b.h);
    if !(total > 0.0 && total.is_finite() && b.w > 0.0 && b.h > 0.0) {
        return out;
    }
    let mut order: Vec<usize> = (0..vals.len()).filter(|&i| vals[i] > 0.0).collect();
    // Largest first, as the paper requires; ties keep input order so output is deterministic.
    crate::order::sort_by(&mut order, |&i, &j| amounts[j].cmp(&amounts[i]).then(i.cmp(&j)));
    let unit_area = (b.w / m) * (b.h / m);
    // A share that underflows to zero area stays a zero rect at the origin instead of 0/0 = NaN.
    order.retain(|&i| vals[i] / total * unit_area > 0.0);
    let areas: Vec<f64> = order.iter().map(|&i| vals[i] / total * unit_area).collect();
    // Remaining area from exact fractions, not by subtracting strips: keeps tiny cells' areas
    // accurate even when they sit after a huge one.
    let mut rest = vec![0.0; areas.len() + 1];
    for k in (0..areas.len()).rev() {
        rest[k] = rest[k + 1] + areas[k];
    }
    let (mut x, mut y, mut w, mut h) = (0.0_f64, 0.0_f64, b.w / m, b.h / m);
    let mut k = 0;
    while k < areas.len() {
        let side = w.min(h);
        if side.is_nan() || side <= 0.0 {
            break;
        }
        let mut end = k + 1;
        let mut row = areas[k];
        let mut current = worst(areas[k], areas[k], row, side);
        while end < areas.len() {
            let grown = row + areas[end];
            // Sorted descending: the row's extremes are its first and last cells.
            let next = worst(areas[k], areas[end], grown, side);
            if next > current {
                break;
            }
            row = grown;
            current = next;
            end += 1;
        }
        let t = row / side;
        let mut along = 0.0;
        for (&a, &i) in areas[k..end].iter().zip(&order[k..end]) {
            let len = a / t;
            out[i] = if w >= h { Rect::new(x, y + along, t, len) } else { Rect::new(x + along, y, len, t) };
            along += len;
        }
        if w >= h {
            x += t;
            w = rest[end] / h;
        } else {
            y += t;
            h = rest[end] / w;
        }
        k = end;
    }
    order.truncate(k); // cells never placed (degenerate leftovers) keep their zero rect
    for &i in &order {
        let r = out[i];
        out[i] = Rect::new(b.x + r.x * m, b.y + r.y * m, r.w * m, r.h * m);
    }
    out
}

/// Worst aspect ratio of a row of total area `row` laid along `side`, from its largest and
/// smallest cells; infinite when degenerate, so such a row is never preferred.
fn worst(largest: f64, smallest: f64, row: f64, side: f64) -> f64 {
    let t = row / side;
    let ratio = |a: f64| {
        let len = a / t;
        if t > 0.0 && len > 0.0 {
            (t / len).max(len / t)
        } else {
            f64::INFINITY
        }
    };
    ratio(largest).max(ratio(smallest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dec(v: i64) -> Decimal {
        Decimal::from(v)
    }

    fn close(a: &Rect, b: &Rect) -> bool {
        [(a.x, b.x), (a.y, b.y), (a.w, b.w), (a.h, b.h)].iter().all(|(p, q)| (p - q).abs() < 1e-9)
    }

    #[test]
    fn paper_example_6x4() {
        let amounts: Vec<Decimal> = [6, 6, 4, 3, 2, 2, 1].iter().map(|&v| dec(v)).collect();
        let got = squarify(&amounts, Rect::new(0.0, 0.0, 6.0, 4.0));
        let expected = [
            Rect::new(0.0, 0.0, 3.0, 2.0),
            Rect::new(0.0, 2.0, 3.0, 2.0),
            Rect::new(3.0, 0.0, 12.0 / 7.0, 7.0 / 3.0),
            Rect::new(3.0 + 12.0 / 7.0, 0.0, 9.0 / 7.0, 7.0 / 3.0),
            Rect::new(3.0, 7.0 / 3.0, 1.2, 5.0 / 3.0),
            Rect::new(4.2, 7.0 / 3.0, 1.2, 5.0 / 3.0),
            Rect::new(5.4, 7.0 / 3.0, 0.6, 5.0 / 3.0),
        ];
        for (g, e) in got.iter().zip(&expected) {
            assert!(close(g, e), "{g:?} != {e:?}");
        }
    }

    #[test]
    fn input_order_offset_bounds_and_nonpositive_amounts() {
        let amounts = [dec(1), dec(0), dec(6), dec(-5), dec(2), dec(3), dec(6), dec(4), dec(2)];
        let got = squarify(&amounts, Rect::new(10.0, 20.0, 6.0, 4.0));
        assert!(close(&got[2], &Rect::new(10.0, 20.0, 3.0, 2.0)));
        assert!(close(&got[6], &Rect::new(10.0, 22.0, 3.0, 2.0)));
        assert!(close(&got[0], &Rect::new(15.4, 20.0 + 7.0 / 3.0, 0.6, 5.0 / 3.0)));
        assert_eq!(got[1], Rect::new(10.0, 20.0, 0.0, 0.0));
        assert_eq!(got[3], Rect::new(10.0, 20.0, 0.0, 0.0));
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        let b = Rect::new(0.0, 0.0, 100.0, 50.0);
        assert!(squarify(&[], b).is_empty());
        let zeros = squarify(&[Decimal::ZERO; 3], b);
        assert!(zeros.iter().all(|r| r.area() == 0.0 && r.x == 0.0));
        let huge = [Decimal::from_i128_with_scale(10i128.pow(20), 0); 5];
        let got = squarify(&huge, b);
        assert!(got.iter().all(|r| (r.area() - 1000.0).abs() < 1e-6));
        let mixed = [Decimal::MAX, Decimal::new(1, 28), Decimal::MAX];
        let got = squarify(&mixed, Rect::new(0.0, 0.0, 1e300, 1e300));
        assert!(got.iter().all(|r| r.x.is_finite() && r.w.is_finite() && r.w >= 0.0));
        let bad = squarify(&[dec(1)], Rect::new(f64::NAN, 0.0, f64::INFINITY, -1.0));
        assert_eq!(bad[0], Rect::new(0.0, 0.0, 0.0, 0.0));
        let sliver = squarify(&mixed, Rect::new(5.0, 5.0, 1e-300, 1.0));
        assert!(sliver.iter().all(|r| !r.w.is_nan() && !r.h.is_nan()));
        assert_eq!(sliver[1], Rect::new(5.0, 5.0, 0.0, 0.0));
    }

    fn amount() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (-1_000i64..1_000_000_000_000, 0u32..6).prop_map(|(m, s)| Decimal::new(m, s)),
            Just(Decimal::ZERO),
            (1i64..1000).prop_map(|v| Decimal::from(v) * Decimal::from(10u64.pow(17))),
        ]
    }

    fn bounds() -> impl Strategy<Value = Rect> {
        (-1e3..1e3f64, -1e3..1e3f64, 0.1..2e3f64, 0.1..2e3f64).prop_map(|(x, y, w, h)| Rect::new(x, y, w, h))
    }

    proptest! {
        #[test]
        fn treemap_properties(amounts in prop::collection::vec(amount(), 0..40), b in bounds()) {
            let rects = squarify(&amounts, b);
            prop_assert_eq!(rects.len(), amounts.len());
            let vals: Vec<f64> = amounts.iter().map(|d| to_f64(*d)).collect();
            let total: f64 = vals.iter().sum();
            let eps = 1e-9 * b.w.max(b.h);
            for (r, v) in rects.iter().zip(&vals) {
                prop_assert!(b.contains(r, eps), "{:?} outside {:?}", r, b);
                prop_assert!(r.w >= 0.0 && r.h >= 0.0);
                if total > 0.0 {
                    let want = v / total;
                    let got = r.area() / b.area();
                    prop_assert!((got - want).abs() <= 1e-6 * want, "{} vs {}", got, want);
                }
            }
            for i in 0..rects.len() {
                for j in i + 1..rects.len() {
                    prop_assert!(rects[i].overlap_area(&rects[j]) <= 1e-6 * b.area());
                }
            }
            if total > 0.0 {
                let covered: f64 = rects.iter().map(Rect::area).sum();
                prop_assert!((covered - b.area()).abs() <= 1e-6 * b.area());
            }
        }
    }
}
