//! 化整為零: money split into several lines that each stay just under a procurement
//! threshold, so that none needs the procedure the whole would. The Government Procurement
//! Act's thresholds (in 千元): 小額採購 100 (150 since 2023), 公告金額 1,000 (1,500 since
//! 2023), 查核金額 10,000 (勞務) and 50,000 (工程、財物). A line is "just under" a
//! threshold within 10% of it; [`MANY`] such lines under one parent, or of one name across
//! the book, are flagged. A budget line is not a tender: this is a place to look, not a
//! finding of fact, and the page says so.

use super::{Flag, LineChange};
use crate::book::TreeRef;
use crate::money::Money;
use crate::plan::Plan;
use rust_decimal::Decimal;
use std::collections::HashMap;

pub const THRESHOLDS: [i64; 6] = [100, 150, 1_000, 1_500, 10_000, 50_000];

/// Lines just under one threshold that make a pattern.
pub const MANY: usize = 3;

/// The threshold `amount` is just under (within 10%), if any.
pub fn just_under(amount: Money) -> Option<Money> {
    THRESHOLDS.iter().map(|t| Decimal::from(*t)).find(|t| amount.0 < *t && amount.0 * Decimal::TEN >= *t * Decimal::from(9)).map(Money)
}

pub(super) fn flag(plan: &Plan, changes: &mut [LineChange]) {
    let parent = |r: TreeRef| match r {
        TreeRef::Group(g) => plan.groups[g as usize].facts.parent,
        TreeRef::Programme(p) => plan.programmes[p as usize].book.as_ref().and_then(|b| b.parent),
    };
    let mut siblings: HashMap<(Option<u32>, Money), Vec<usize>> = HashMap::new();
    let mut namesakes: HashMap<(&str, Money), Vec<usize>> = HashMap::new();
    for (i, c) in changes.iter().enumerate() {
        if let Some(t) = just_under(c.budget) {
            siblings.entry((parent(c.node), t)).or_default().push(i);
            namesakes.entry((plan.line(c.node).name, t)).or_default().push(i);
        }
    }
    let mut found: Vec<(usize, Flag)> = Vec::new();
    for ((_, threshold), lines) in siblings.iter().filter(|(_, l)| l.len() >= MANY) {
        found.extend(lines.iter().map(|i| (*i, Flag::JustUnder { threshold: *threshold, lines: lines.len(), across: false })));
    }
    for ((_, threshold), lines) in namesakes.iter().filter(|(_, l)| l.len() >= MANY) {
        let parents: std::collections::HashSet<Option<u32>> = lines.iter().map(|i| parent(changes[*i].node)).collect();
        if parents.len() >= MANY {
            found.extend(lines.iter().map(|i| (*i, Flag::JustUnder { threshold: *threshold, lines: lines.len(), across: true })));
        }
    }
    // HashMap order is not the book's: add each line's flags in a fixed order.
    crate::order::sort_by_key(&mut found, |(i, f)| (*i, matches!(f, Flag::JustUnder { across: true, .. })));
    for (i, f) in found {
        changes[i].flags.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn just_under_means_within_ten_percent_below() {
        let k = Money::thousands;
        assert_eq!(just_under(k(1_499)), Some(k(1_500)));
        assert_eq!(just_under(k(1_350)), Some(k(1_500)));
        assert_eq!(just_under(k(1_349)), None);
        assert_eq!(just_under(k(1_500)), None, "at the threshold is not under it");
        assert_eq!(just_under(k(95)), Some(k(100)));
        assert_eq!(just_under(k(49_000)), Some(k(50_000)));
    }
}
