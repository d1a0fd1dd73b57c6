//! Chart geometry: budget amounts in, pixel shapes out.
//!
//! Money stays [`Decimal`] until the last moment so that sums and ratios are exact; only
//! coordinates are `f64`. Every function is total: negative amounts count as zero, non-finite
//! or negative sizes count as zero, and shapes come back in input order so callers can zip them
//! with their data.

pub mod bars;
pub mod sankey;
pub mod sunburst;
pub mod treemap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// An axis-aligned rectangle in pixels (y grows downwards, as in SVG).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x, y, w, h }
    }

    pub fn area(&self) -> f64 {
        self.w * self.h
    }

    pub fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }

    pub fn cy(&self) -> f64 {
        self.y + self.h / 2.0
    }

    /// `eps` absorbs the rounding of cumulative float positions.
    pub fn contains(&self, other: &Rect, eps: f64) -> bool {
        other.x >= self.x - eps && other.y >= self.y - eps && other.x + other.w <= self.x + self.w + eps && other.y + other.h <= self.y + self.h + eps
    }

    pub fn overlap_area(&self, other: &Rect) -> f64 {
        let w = (self.x + self.w).min(other.x + other.w) - self.x.max(other.x);
        let h = (self.y + self.h).min(other.y + other.h) - self.y.max(other.y);
        if w > 0.0 && h > 0.0 {
            w * h
        } else {
            0.0
        }
    }

    /// Callers may pass NaN, infinities or negative sizes; layouts work on this cleaned copy so
    /// their output is never NaN.
    pub(crate) fn sanitized(&self) -> Rect {
        Rect::new(finite(self.x), finite(self.y), size(self.w), size(self.h))
    }
}

/// Non-finite → 0, so one bad input cannot poison every coordinate.
pub(crate) fn finite(v: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

/// A length: non-finite or negative → 0.
pub(crate) fn size(v: f64) -> f64 {
    if v.is_finite() && v > 0.0 {
        v
    } else {
        0.0
    }
}

/// Negative money has no area; charts show it as nothing rather than inverted shapes.
pub(crate) fn nonneg(d: Decimal) -> Decimal {
    if d.is_sign_negative() {
        Decimal::ZERO
    } else {
        d
    }
}

/// Money → f64 for ratios only (after clamping negatives).
pub(crate) fn to_f64(d: Decimal) -> f64 {
    size(nonneg(d).to_f64().unwrap_or(0.0))
}

/// Sums of huge amounts must not panic, so addition saturates at `Decimal::MAX`.
pub(crate) fn sum<'a, I: IntoIterator<Item = &'a Decimal>>(items: I) -> Decimal {
    items.into_iter().fold(Decimal::ZERO, |acc, d| acc.saturating_add(nonneg(*d)))
}

/// SVG numbers: at most 2 decimals keeps paths short; trailing zeros and `-0` are dropped so
/// output is stable across platforms. Written with integer arithmetic: float formatting
/// (`{:.2}`, or an `f64` attribute in a view) would bring about 12 KB of `core::fmt` code into
/// every page that draws a chart.
pub fn svg_number(v: f64) -> String {
    // Saturating cast: no chart is 10^16 px wide, but a hostile size must not wrap around.
    let hundredths = (finite(v) * 100.0).round() as i64;
    let (sign, abs) = (if hundredths < 0 { "-" } else { "" }, hundredths.unsigned_abs());
    let (whole, frac) = (abs / 100, abs % 100);
    match frac {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rect_helpers() {
        let r = Rect::new(1.0, 2.0, 4.0, 6.0);
        assert_eq!(r.area(), 24.0);
        assert_eq!((r.cx(), r.cy()), (3.0, 5.0));
        assert!(r.contains(&Rect::new(1.0, 2.0, 4.0, 6.0), 0.0));
        assert!(!r.contains(&Rect::new(0.5, 2.0, 1.0, 1.0), 0.1));
        assert!(r.contains(&Rect::new(0.95, 2.0, 1.0, 1.0), 0.1));
        assert_eq!(r.overlap_area(&Rect::new(3.0, 4.0, 10.0, 10.0)), 8.0);
        assert_eq!(r.overlap_area(&Rect::new(5.0, 2.0, 1.0, 1.0)), 0.0);
    }

    #[test]
    fn sanitizing_and_formatting() {
        let r = Rect::new(f64::NAN, f64::INFINITY, -3.0, f64::NAN).sanitized();
        assert_eq!(r, Rect::new(0.0, 0.0, 0.0, 0.0));
        assert_eq!(svg_number(1.005), "1"); // 1.005 is 1.00499.. in binary
        assert_eq!(svg_number(2.5), "2.5");
        assert_eq!(svg_number(-0.001), "0");
        assert_eq!(svg_number(100.0), "100");
        assert_eq!(svg_number(-7.1289), "-7.13");
        assert_eq!(svg_number(f64::NAN), "0");
        assert_eq!(to_f64(Decimal::new(-5, 0)), 0.0);
        assert_eq!(sum(&[Decimal::MAX, Decimal::MAX]), Decimal::MAX);
    }
}
