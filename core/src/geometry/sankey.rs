//! Sankey flows between columns (funding source → programme → goal). One vertical scale for
//! every column so equal money always has equal height, wherever it is drawn.

use super::{nonneg, size, svg_number, to_f64, Rect};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub struct SankeyNode {
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SankeyLink {
    pub source: usize,
    pub target: usize,
    pub value: Decimal,
}

/// `nodes[i]`/`links[i]` match the inputs; a skipped link keeps its slot as a zero-size shape at
/// the bounds' origin so indices never shift. `px_per_unit` is the shared scale (for legends).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SankeyLayout {
    pub nodes: Vec<Rect>,
    pub links: Vec<LinkShape>,
    pub skipped: Vec<usize>,
    pub px_per_unit: f64,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LinkShape {
    pub source_y0: f64,
    pub source_y1: f64,
    pub target_y0: f64,
    pub target_y1: f64,
    pub x0: f64,
    pub x1: f64,
}

impl LinkShape {
    /// Closed ribbon: cubic top edge left→right, straight down, cubic bottom edge back. Control
    /// points at the horizontal midpoint give the usual S-shape with horizontal tangents.
    pub fn path(&self) -> String {
        let (s, t) = ((self.source_y0, self.source_y1), (self.target_y0, self.target_y1));
        let [x0, x1, xm, s0, s1, t0, t1] = [self.x0, self.x1, (self.x0 + self.x1) / 2.0, s.0, s.1, t.0, t.1].map(svg_number);
        format!("M {x0} {s0} C {xm} {s0} {xm} {t0} {x1} {t0} L {x1} {t1} C {xm} {t1} {xm} {s1} {x0} {s1} Z")
    }

    fn new(source: (f64, f64), target: (f64, f64), x0: f64, x1: f64) -> LinkShape {
        let (source_y0, source_y1, target_y0, target_y1) = (source.0, source.1, target.0, target.1);
        LinkShape { source_y0, source_y1, target_y0, target_y1, x0, x1 }
    }
}

/// Backward, same-column or dangling links have no left→right meaning and are ignored.
fn is_valid(nodes: &[SankeyNode], l: &SankeyLink) -> bool {
    match (nodes.get(l.source), nodes.get(l.target)) {
        (Some(s), Some(t)) => t.column > s.column,
        _ => false,
    }
}

/// Per node: (sum in, sum out, has incoming link, has outgoing link), valid links only.
fn flows(nodes: &[SankeyNode], links: &[SankeyLink]) -> Vec<(Decimal, Decimal, bool, bool)> {
    let mut f = vec![(Decimal::ZERO, Decimal::ZERO, false, false); nodes.len()];
    for l in links.iter().filter(|l| is_valid(nodes, l)) {
        let v = nonneg(l.value);
        f[l.source].1 = f[l.source].1.saturating_add(v);
        f[l.source].3 = true;
        f[l.target].0 = f[l.target].0.saturating_add(v);
        f[l.target].2 = true;
    }
    f
}

/// max(in, out): a node must be tall enough for the bands on both sides; the shortfall on the
/// smaller side is visible as unlinked money.
pub fn node_values(nodes: &[SankeyNode], links: &[SankeyLink]) -> Vec<Decimal> {
    flows(nodes, links).into_iter().map(|(i, o, _, _)| i.max(o)).collect()
}

/// In == out for a node with both incoming and outgoing links; vacuously true otherwise
/// (including an out-of-range index), since there is nothing to balance.
pub fn is_conserved(nodes: &[SankeyNode], links: &[SankeyLink], node: usize) -> bool {
    match flows(nodes, links).get(node) {
        Some(&(i, o, true, true)) => i == o,
        _ => true,
    }
}

/// `gap` shrinks (to at most `bounds.h / (n - 1)` for the fullest column) only when the requested
/// gaps alone would overflow the height; `node_width` is capped at `bounds.w`. Column `c` sits at
/// `c / max_column` of the free width, so empty column numbers keep their slot.
pub fn sankey(nodes: &[SankeyNode], links: &[SankeyLink], bounds: Rect, node_width: f64, gap: f64) -> SankeyLayout {
    let b = bounds.sanitized();
    let nw = size(node_width).min(b.w);
    let values: Vec<f64> = node_values(nodes, links).into_iter().map(to_f64).collect();
    let mut columns: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, n) in nodes.iter().enumerate() {
        columns.entry(n.column).or_default().push(i);
    }
    let fullest = columns.values().map(Vec::len).max().unwrap_or(0);
    let g = if fullest > 1 { size(gap).min(b.h / (fullest - 1) as f64) } else { 0.0 };
    let scale = columns
        .values()
        .filter_map(|col| {
            let total: f64 = col.iter().map(|&i| values[i]).sum();
            let free = (b.h - g * (col.len() - 1) as f64).max(0.0);
            (total > 0.0).then(|| free / total)
        })
        .fold(f64::INFINITY, f64::min);
    let scale = if scale.is_finite() { scale } else { 0.0 };
    let last = columns.keys().next_back().copied().unwrap_or(0);
    let mut rects = vec![Rect::new(b.x, b.y, 0.0, 0.0); nodes.len()];
    for (&c, col) in &columns {
        let x = if last > 0 { b.x + (c as f64 / last as f64) * (b.w - nw) } else { b.x };
        let mut y = b.y;
        for &i in col {
            let h = values[i] * scale;
            rects[i] = Rect::new(x, y, nw, h);
            y += h + g;
        }
    }

    let valid: Vec<bool> = links.iter().map(|l| is_valid(nodes, l)).collect();
    let skipped = (0..links.len()).filter(|&k| !valid[k]).collect();
    // Band (y0, y1) of each valid link inside its near node (`ends(l).0`), stacked in order of the
    // far node's y so ribbons leaving (or entering) one node do not cross each other.
    let bands = |ends: fn(&SankeyLink) -> (usize, usize)| {
        let mut order: Vec<usize> = (0..links.len()).filter(|&k| valid[k]).collect();
        crate::order::sort_by(&mut order, |&a, &b| {
            let ((na, fa), (nb, fb)) = (ends(&links[a]), ends(&links[b]));
            let by_y = rects[fa].y.total_cmp(&rects[fb].y);
            na.cmp(&nb).then(by_y).then(fa.cmp(&fb)).then(a.cmp(&b))
        });
        let mut out = vec![(0.0, 0.0); links.len()];
        let (mut node, mut before) = (usize::MAX, Decimal::ZERO);
        for k in order {
            let near = ends(&links[k]).0;
            if near != node {
                (node, before) = (near, Decimal::ZERO);
            }
            // Running sums stay exact Decimals; only the final position is a float.
            let v = nonneg(links[k].value);
            let y0 = rects[near].y + to_f64(before) * scale;
            out[k] = (y0, y0 + to_f64(v) * scale);
            before = before.saturating_add(v);
        }
        out
    };
    let (src, tgt) = (bands(|l| (l.source, l.target)), bands(|l| (l.target, l.source)));
    let shapes = links
        .iter()
        .enumerate()
        .map(|(k, l)| match valid[k] {
            true => LinkShape::new(src[k], tgt[k], rects[l.source].x + nw, rects[l.target].x),
            // Skipped links keep their slot, collapsed at the origin, so indices never shift.
            false => LinkShape::new((b.y, b.y), (b.y, b.y), b.x, b.x),
        })
        .collect();
    SankeyLayout { nodes: rects, links: shapes, skipped, px_per_unit: scale }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn link(source: usize, target: usize, v: i64) -> SankeyLink {
        SankeyLink { source, target, value: Decimal::from(v) }
    }

    fn cols(c: &[usize]) -> Vec<SankeyNode> {
        c.iter().map(|&column| SankeyNode { column }).collect()
    }

    #[test]
    fn three_columns_by_hand() {
        let nodes = cols(&[0, 0, 1, 2, 2]);
        let mut links = vec![link(0, 2, 30), link(1, 2, 10), link(2, 4, 15), link(2, 3, 25)];
        links.extend([link(2, 0, 5), link(0, 99, 1)]); // backwards and dangling: skipped
        let b = Rect::new(0.0, 0.0, 300.0, 100.0);
        let l = sankey(&nodes, &links, b, 10.0, 10.0);
        assert_eq!(l.px_per_unit, 2.25);
        let x = [0.0, 0.0, 145.0, 290.0, 290.0];
        let y = [0.0, 77.5, 0.0, 0.0, 66.25];
        let h = [67.5, 22.5, 90.0, 56.25, 33.75];
        for i in 0..5 {
            assert_eq!(l.nodes[i], Rect::new(x[i], y[i], 10.0, h[i]));
        }
        let shape = LinkShape::new;
        assert_eq!(l.links[0], shape((0.0, 67.5), (0.0, 67.5), 10.0, 145.0));
        assert_eq!(l.links[1], shape((77.5, 100.0), (67.5, 90.0), 10.0, 145.0));
        // G2 is lower than G1, so its band is below G1's although its link comes first.
        assert_eq!(l.links[2], shape((56.25, 90.0), (66.25, 100.0), 155.0, 290.0));
        assert_eq!(l.links[3], shape((0.0, 56.25), (0.0, 56.25), 155.0, 290.0));
        assert_eq!(l.skipped, vec![4, 5]);
        assert_eq!(l.links[4], shape((0.0, 0.0), (0.0, 0.0), 0.0, 0.0));
        assert_eq!(l.links[1].path(), "M 10 77.5 C 77.5 77.5 77.5 67.5 145 67.5 L 145 90 C 77.5 90 77.5 100 10 100 Z");
        let want = [30, 10, 40, 25, 15].map(Decimal::from);
        assert_eq!(node_values(&nodes, &links), want);
        assert!([2, 0, 99].iter().all(|&n| is_conserved(&nodes, &links, n)));
        assert!(!is_conserved(&nodes, &[link(0, 2, 30), link(2, 3, 20)], 2));
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        let b = Rect::new(0.0, 0.0, 100.0, 100.0);
        let l = sankey(&[], &[], b, 10.0, 5.0);
        assert!(l.nodes.is_empty() && l.links.is_empty() && l.px_per_unit == 0.0);
        let nodes = cols(&[0, 1, 1, 1]);
        let zero = sankey(&nodes, &[link(0, 1, 0), link(0, 2, -3)], b, f64::NAN, 1e9);
        assert!(zero.nodes.iter().all(|r| r.h == 0.0 && r.w == 0.0 && b.contains(r, 1e-9)));
        let huge = Decimal::from_i128_with_scale(10i128.pow(20), 0);
        let mut links = vec![link(0, 1, 0), link(0, 2, 0)];
        (links[0].value, links[1].value) = (huge, Decimal::MAX);
        let l = sankey(&nodes, &links, b, 10.0, 5.0);
        assert!(l.nodes.iter().all(|r| r.h.is_finite() && b.contains(r, 1e-6)));
        let far = sankey(&cols(&[0, usize::MAX]), &[link(0, 1, 1)], b, 10.0, 0.0);
        assert_eq!(far.nodes[1].x, 90.0);
    }

    type Checked = Result<SankeyLayout, TestCaseError>;

    /// The properties every layout must have; returns the layout for further checks.
    fn check(nodes: &[SankeyNode], links: &[SankeyLink], b: Rect, gap: f64) -> Checked {
        let l = sankey(nodes, links, b, 10.0, gap);
        let eps = 1e-9 * (b.w + b.h);
        let values = node_values(nodes, links);
        prop_assert_eq!(l.nodes.len(), nodes.len());
        prop_assert_eq!(l.links.len(), links.len());
        for (r, v) in l.nodes.iter().zip(&values) {
            prop_assert!(b.contains(r, eps), "node {:?} outside", r);
            prop_assert!((r.h - to_f64(*v) * l.px_per_unit).abs() <= eps, "h != value * scale");
        }
        let mut sides: Vec<Vec<(f64, f64)>> = vec![Vec::new(); 2 * nodes.len()];
        for (k, (s, lk)) in l.links.iter().zip(links).enumerate() {
            if l.skipped.contains(&k) {
                continue;
            }
            let (src, tgt) = (l.nodes[lk.source], l.nodes[lk.target]);
            let t = to_f64(lk.value) * l.px_per_unit;
            prop_assert!((s.source_y1 - s.source_y0 - t).abs() <= eps, "source thickness");
            prop_assert!((s.target_y1 - s.target_y0 - t).abs() <= eps, "target thickness");
            prop_assert!(s.source_y0 >= src.y - eps && s.source_y1 <= src.y + src.h + eps);
            prop_assert!(s.target_y0 >= tgt.y - eps && s.target_y1 <= tgt.y + tgt.h + eps);
            prop_assert!(s.x0 == src.x + src.w && s.x1 == tgt.x && s.x0 <= s.x1 + eps);
            sides[2 * lk.source].push((s.source_y0, s.source_y1));
            sides[2 * lk.target + 1].push((s.target_y0, s.target_y1));
        }
        for side in &mut sides {
            crate::order::sort_by(side, |a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
            for w in side.windows(2) {
                prop_assert!(w[1].0 >= w[0].1 - eps, "bands overlap");
            }
        }
        // Each column's previous node: checks input order + gap, and ends up as the column's last.
        let mut prev: BTreeMap<usize, Rect> = BTreeMap::new();
        for (n, c) in nodes.iter().zip(&l.nodes) {
            if let Some(a) = prev.insert(n.column, *c) {
                prop_assert!((c.y - (a.y + a.h + gap)).abs() <= eps, "stacking order or gap");
            }
        }
        let filled = prev.values().any(|r| (r.y + r.h - b.y - b.h).abs() <= eps);
        prop_assert!(filled || l.px_per_unit == 0.0, "scale is not the largest that fits");
        Ok(l)
    }

    fn value() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (-100i64..1_000_000_000, 0u32..4).prop_map(|(m, s)| Decimal::new(m, s)),
            (1i64..100).prop_map(|v| Decimal::from(v) * Decimal::from(10u64.pow(18))),
        ]
    }

    fn bounds() -> impl Strategy<Value = Rect> {
        let (xy, w, h) = (-500.0..500.0f64, 50.0..2000.0f64, 300.0..2000.0f64);
        (xy.clone(), xy, w, h).prop_map(|(x, y, w, h)| Rect::new(x, y, w, h))
    }

    proptest! {
        #[test]
        fn sankey_random_graphs(
            columns in prop::collection::vec(0usize..4, 0..12),
            raw in prop::collection::vec((0usize..14, 0usize..14, value()), 0..30),
            b in bounds(),
            gap in 0.0..20.0f64,
        ) {
            let nodes = cols(&columns);
            let links: Vec<SankeyLink> =
                raw.into_iter().map(|(source, target, value)| SankeyLink { source, target, value }).collect();
            let l = check(&nodes, &links, b, gap)?;
            for (k, lk) in links.iter().enumerate() {
                prop_assert_eq!(l.skipped.contains(&k), !is_valid(&nodes, lk));
            }
        }

        /// Every unit of money goes source → middle → goal, so each middle node is conserved.
        #[test]
        fn sankey_conserved_middle(
            counts in (1usize..4, 1usize..4, 1usize..4),
            paths in prop::collection::vec((0usize..3, 0usize..3, 0usize..3, 1i64..1 << 40), 1..20),
            b in bounds(),
        ) {
            let (ns, nm, ng) = counts;
            let nodes = cols(&[vec![0; ns], vec![1; nm], vec![2; ng]].concat());
            let mut links = Vec::new();
            for &(s, m, g, v) in &paths {
                let (s, m, g) = (s % ns, ns + m % nm, ns + nm + g % ng);
                links.push(link(s, m, v));
                links.push(link(m, g, v));
            }
            let l = check(&nodes, &links, b, 5.0)?;
            for m in ns..ns + nm {
                prop_assert!(is_conserved(&nodes, &links, m));
                let (mut side_in, mut side_out) = (0.0, 0.0);
                for (lk, s) in links.iter().zip(&l.links) {
                    if lk.target == m { side_in += s.target_y1 - s.target_y0 }
                    if lk.source == m { side_out += s.source_y1 - s.source_y0 }
                }
                prop_assert!((side_in - side_out).abs() <= 1e-9 * b.h);
            }
        }
    }
}
