//! Sunburst: nested rings where a gap inside a parent's angle is money its children do not
//! account for, so "unlinked" budget is visible instead of silently rescaled away.

use super::{finite, size, svg_number, to_f64};
use rust_decimal::Decimal;
use std::f64::consts::{PI, TAU};

/// Fraction of a ring left empty at the centre, so the innermost ring's sectors stay readable.
pub const HOLE: f64 = 0.5;

#[derive(Debug, Clone, PartialEq)]
pub struct SunburstNode {
    pub value: Decimal,
    pub children: Vec<SunburstNode>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Arc {
    pub path: Vec<usize>,
    pub depth: usize,
    pub start: f64,
    pub end: f64,
    pub inner: f64,
    pub outer: f64,
}

/// One arc per node below the root (zero-valued nodes included, with `start == end`), in
/// depth-first pre-order. The root's own `value` is the full circle, so its children can leave
/// part of it empty too. Iterative, so a pathologically deep tree cannot overflow the stack.
pub fn sunburst(root: &SunburstNode, radius: f64) -> Vec<Arc> {
    let radius = size(radius);
    let mut max_depth = 0;
    let mut walk = vec![(root, 0usize)];
    while let Some((node, d)) = walk.pop() {
        max_depth = max_depth.max(d);
        walk.extend(node.children.iter().map(|c| (c, d + 1)));
    }
    if max_depth == 0 {
        return Vec::new();
    }
    let ring = radius / (max_depth as f64 + HOLE);
    let mut out = Vec::new();
    let mut pending = children(root, &[], 0.0, TAU, ring);
    pending.reverse();
    while let Some((node, arc)) = pending.pop() {
        let mut kids = children(node, &arc.path, arc.start, arc.end - arc.start, ring);
        kids.reverse();
        pending.extend(kids);
        out.push(arc);
    }
    out
}

/// Children share the parent's angle by value; the reference is the larger of the parent's
/// value and the children's sum, which leaves a gap when under-linked and shrinks when over.
fn children<'a>(parent: &'a SunburstNode, path: &[usize], start: f64, span: f64, ring: f64) -> Vec<(&'a SunburstNode, Arc)> {
    let depth = path.len() + 1;
    let vals: Vec<f64> = parent.children.iter().map(|c| to_f64(c.value)).collect();
    let denom = to_f64(parent.value).max(vals.iter().sum());
    let limit = start + span;
    let mut cursor = start;
    let mut out = Vec::with_capacity(vals.len());
    for (i, (child, v)) in parent.children.iter().zip(&vals).enumerate() {
        let angle = if denom > 0.0 { span * (v / denom) } else { 0.0 };
        let end = (cursor + angle).min(limit);
        let mut child_path = path.to_vec();
        child_path.push(i);
        let arc = Arc { path: child_path, depth, start: cursor, end, inner: (depth as f64 - 1.0 + HOLE) * ring, outer: (depth as f64 + HOLE) * ring };
        out.push((child, arc));
        cursor = end;
    }
    out
}

/// Point at `r` on the ray at angle `a` (0 = 12 o'clock, clockwise, SVG y-down).
fn polar(cx: f64, cy: f64, r: f64, a: f64) -> (f64, f64) {
    (cx + r * a.sin(), cy - r * a.cos())
}

/// SVG `d` of an annular sector; empty for a zero-angle or zero-thickness arc (nothing to draw).
/// A full ring is two closed circles of opposite direction so the default nonzero fill leaves
/// the hole empty; a single SVG arc cannot draw 2π because its endpoints would coincide.
pub fn arc_path(arc: &Arc, cx: f64, cy: f64) -> String {
    let (cx, cy) = (finite(cx), finite(cy));
    let (a0, a1) = (finite(arc.start), finite(arc.end));
    let (r0, r1) = (size(arc.inner), size(arc.outer));
    let span = a1 - a0;
    if !(span > 0.0 && r1 > r0) {
        return String::new();
    }
    let p = |r: f64, a: f64| {
        let (x, y) = polar(cx, cy, r, a);
        format!("{} {}", svg_number(x), svg_number(y))
    };
    let n = svg_number;
    if span >= TAU - 1e-9 {
        let circle = |r: f64, sweep: u8| {
            let rr = format!("{} {}", n(r), n(r));
            format!("M {} A {rr} 0 1 {sweep} {} A {rr} 0 1 {sweep} {} Z", p(r, a0), p(r, a0 + PI), p(r, a0))
        };
        let mut d = circle(r1, 1);
        if r0 > 0.0 {
            d.push(' ');
            d.push_str(&circle(r0, 0));
        }
        return d;
    }
    let large = u8::from(span > PI);
    let mut d = format!("M {} A {} {} 0 {large} 1 {}", p(r1, a0), n(r1), n(r1), p(r1, a1));
    if r0 > 0.0 {
        d += &format!(" L {} A {} {} 0 {large} 0 {} Z", p(r0, a1), n(r0), n(r0), p(r0, a0));
    } else {
        d += &format!(" L {} {} Z", n(cx), n(cy));
    }
    d
}

/// Mid-angle, mid-radius: the visual centre of the sector for a label.
pub fn arc_label_point(arc: &Arc, cx: f64, cy: f64) -> (f64, f64) {
    let a = (finite(arc.start) + finite(arc.end)) / 2.0;
    let r = (size(arc.inner) + size(arc.outer)) / 2.0;
    polar(finite(cx), finite(cy), r, a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    fn node(v: i64, children: Vec<SunburstNode>) -> SunburstNode {
        SunburstNode { value: Decimal::from(v), children }
    }

    fn near(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn under_linked_parent_leaves_gaps() {
        let root = node(100, vec![node(50, vec![node(20, vec![]), node(10, vec![])]), node(30, vec![])]);
        let arcs = sunburst(&root, 100.0);
        let paths: Vec<Vec<usize>> = arcs.iter().map(|a| a.path.clone()).collect();
        assert_eq!(paths, vec![vec![0], vec![0, 0], vec![0, 1], vec![1]]);
        let want = [(0.0, PI, 20.0, 60.0), (0.0, 0.4 * PI, 60.0, 100.0), (0.4 * PI, 0.6 * PI, 60.0, 100.0), (PI, 1.6 * PI, 20.0, 60.0)];
        for (a, w) in arcs.iter().zip(&want) {
            assert!(near(a.start, w.0) && near(a.end, w.1) && near(a.inner, w.2) && near(a.outer, w.3), "{a:?}");
        }
        assert_eq!(arcs[1].depth, 2);
    }

    #[test]
    fn over_linked_children_are_scaled_and_zero_root_uses_children() {
        let arcs = sunburst(&node(10, vec![node(30, vec![]), node(10, vec![])]), 10.0);
        assert!(near(arcs[0].end, 1.5 * PI) && near(arcs[1].start, 1.5 * PI) && near(arcs[1].end, TAU));
        let arcs = sunburst(&node(0, vec![node(-5, vec![]), node(1, vec![]), node(1, vec![])]), 10.0);
        assert!(near(arcs[0].end, 0.0) && near(arcs[1].end, PI) && near(arcs[2].end, TAU));
    }

    #[test]
    fn svg_paths() {
        let arc = Arc { path: vec![0], depth: 1, start: 0.0, end: PI / 2.0, inner: 10.0, outer: 20.0 };
        assert_eq!(arc_path(&arc, 100.0, 100.0), "M 100 80 A 20 20 0 0 1 120 100 L 110 100 A 10 10 0 0 0 100 90 Z");
        let big = Arc { end: 1.5 * PI, ..arc.clone() };
        assert_eq!(arc_path(&big, 0.0, 0.0), "M 0 -20 A 20 20 0 1 1 -20 0 L -10 0 A 10 10 0 1 0 0 -10 Z");
        let full = Arc { end: TAU, ..arc.clone() };
        assert_eq!(arc_path(&full, 0.0, 0.0), "M 0 -20 A 20 20 0 1 1 0 20 A 20 20 0 1 1 0 -20 Z M 0 -10 A 10 10 0 1 0 0 10 A 10 10 0 1 0 0 -10 Z");
        let wedge = Arc { inner: 0.0, end: 0.333, ..arc.clone() };
        assert_eq!(arc_path(&wedge, 0.0, 0.0), "M 0 -20 A 20 20 0 0 1 6.54 -18.9 L 0 0 Z");
        assert_eq!(arc_path(&Arc { end: 0.0, ..arc.clone() }, 0.0, 0.0), "");
        let (x, y) = arc_label_point(&arc, 100.0, 100.0);
        assert!(near(x, 100.0 + 15.0 * (PI / 4.0).sin()) && near(y, 100.0 - 15.0 * (PI / 4.0).cos()));
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        assert!(sunburst(&node(0, vec![]), 100.0).is_empty());
        let zeros = sunburst(&node(0, vec![node(0, vec![node(0, vec![])])]), f64::NAN);
        assert_eq!(zeros.len(), 2);
        assert!(zeros.iter().all(|a| a.start == 0.0 && a.end == 0.0 && a.outer == 0.0));
        let huge = Decimal::from_i128_with_scale(10i128.pow(20), 0);
        let big = SunburstNode { value: Decimal::MAX, children: vec![SunburstNode { value: huge, children: vec![] }; 3] };
        assert!(sunburst(&big, 1.0).iter().all(|a| a.end.is_finite() && a.end >= a.start));
        let mut deep = node(1, vec![]);
        for _ in 0..2_000 {
            deep = node(1, vec![deep]);
        }
        assert_eq!(sunburst(&deep, 100.0).len(), 2_000);
    }

    fn tree() -> impl Strategy<Value = SunburstNode> {
        let leaf = (-10i64..1000).prop_map(|v| node(v, vec![]));
        leaf.prop_recursive(4, 40, 5, |inner| ((-10i64..1000), prop::collection::vec(inner, 0..5)).prop_map(|(v, c)| node(v, c)))
    }

    proptest! {
        #[test]
        fn sunburst_properties(root in tree(), radius in 1.0..500.0f64) {
            let arcs = sunburst(&root, radius);
            let by_path: HashMap<Vec<usize>, &Arc> = arcs.iter().map(|a| (a.path.clone(), a)).collect();
            prop_assert_eq!(by_path.len(), arcs.len());
            let mut frames = vec![(&root, Vec::<usize>::new(), 0.0, TAU)];
            while let Some((parent, path, start, end)) = frames.pop() {
                let denom = to_f64(parent.value).max(parent.children.iter().map(|c| to_f64(c.value)).sum());
                let mut prev_end = start;
                for (i, child) in parent.children.iter().enumerate() {
                    let mut p = path.clone();
                    p.push(i);
                    let a = by_path[&p];
                    prop_assert!(a.start >= start - 1e-9 && a.end <= end + 1e-9, "child outside parent");
                    prop_assert!(a.start >= prev_end - 1e-9, "siblings overlap");
                    let want = if denom > 0.0 { (end - start) * to_f64(child.value) / denom } else { 0.0 };
                    prop_assert!((a.end - a.start - want).abs() < 1e-9, "angle not proportional");
                    prop_assert!(a.outer <= radius + 1e-9 && a.inner < a.outer && a.depth == p.len());
                    prev_end = a.end;
                    frames.push((child, p, a.start, a.end));
                }
            }
        }
    }
}
