//! A budget book's treemap, one level at a time: the lines directly under a line (or the
//! top level), each a cell sized by its budget, so a reader drills down 主管 → 機關 → 業務計畫
//! instead of facing 2,000 leaves at once. Shares are of the level shown and sum to exactly
//! 100 (largest remainder).

use crate::book::{Tree, TreeRef};
use crate::geometry::treemap::squarify;
use crate::geometry::Rect;
use crate::money::Money;
use crate::plan::Plan;
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq)]
pub struct LineCell {
    pub node: TreeRef,
    pub rect: Rect,
    /// The line's budget as the book states it (a parent's subtotal, counted once here).
    pub budget: Money,
    /// % of the level shown, to 2 decimals at most.
    pub share: Decimal,
    /// Lines under it (0 for a leaf, which opens its own page instead).
    pub children: usize,
}

/// The cells of the lines directly under `parent`, biggest first (ties in book order).
/// Negative budgets (a book's refunds) take no area.
pub fn book_treemap(plan: &Plan, tree: &Tree, parent: Option<u32>, width: f64, height: f64) -> Vec<LineCell> {
    let under = |r: TreeRef| match r {
        TreeRef::Group(g) => tree.children(Some(g)).len(),
        TreeRef::Programme(_) => 0,
    };
    let lines: Vec<(TreeRef, Money, usize)> = tree.children(parent).iter().map(|r| (*r, plan.line(*r).budget, under(*r))).collect();
    let amounts: Vec<Decimal> = lines.iter().map(|(_, b, _)| b.0.max(Decimal::ZERO)).collect();
    let shares = crate::shares::percentages(&amounts, 2);
    let mut order: Vec<usize> = (0..lines.len()).collect();
    crate::order::sort_by(&mut order, |a, b| amounts[*b].cmp(&amounts[*a]).then(a.cmp(b)));
    let sorted: Vec<Decimal> = order.iter().map(|i| amounts[*i]).collect();
    let rects = squarify(&sorted, Rect::new(0.0, 0.0, width, height));
    order.into_iter().zip(rects).map(|(i, rect)| LineCell { node: lines[i].0, rect, budget: lines[i].1, share: shares[i], children: lines[i].2 }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_level_at_a_time_with_shares_of_that_level() {
        let csv = "款,項,科目名稱,預算數\n1,,甲,300\n,1,甲一,100\n,2,甲二,200\n2,,乙,100\n";
        let t = crate::budget_csv::read_table(csv).unwrap();
        let plan = crate::budget_csv::to_plan(&t, &crate::budget_csv::guess_mapping(&t), "").plan;
        let top = book_treemap(&plan, &plan.tree(), None, 400.0, 300.0);
        let names: Vec<&str> = top.iter().map(|c| plan.line(c.node).name).collect();
        assert_eq!(names, ["甲", "乙"]);
        assert_eq!((top[0].share.to_string(), top[1].share.to_string(), top[0].children), ("75".into(), "25".into(), 2));
        let area = |c: &LineCell| c.rect.w * c.rect.h;
        assert!((area(&top[0]) / area(&top[1]) - 3.0).abs() < 1e-6, "areas proportional to money");
        let TreeRef::Group(g) = top[0].node else { panic!("甲 has lines under it") };
        let under = book_treemap(&plan, &plan.tree(), Some(g), 400.0, 300.0);
        assert_eq!(under.iter().map(|c| plan.line(c.node).name).collect::<Vec<_>>(), ["甲二", "甲一"]);
    }
}
