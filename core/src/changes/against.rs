//! What changed against another document: a plan's next year, a proposal against its
//! enacted budget, two years of one agency's plan. The other document's figures become each
//! line's "last year", so every ranking, flag, chart and export of [`super::line_changes`]
//! works on the pair unchanged.

use crate::book::{LineFacts, TreeRef};
use crate::money::Money;
use crate::plan::Plan;
use crate::programme::Programme;
use crate::series::align;
use crate::span::Span;
use std::collections::{HashMap, HashSet};

/// `later` with each line's 上年度預算數 replaced by the figure of its line in `earlier` (zero
/// where `earlier` has none: a new line), and `earlier`'s lines that `later` lacks added with
/// no money (number 0, as they are no programme of `later`), under the line their parent
/// became, at the end. The stated change and the 決算 are dropped: they were against other
/// years. Lines are matched as [`align`] matches them.
pub fn against(later: &Plan, earlier: &Plan) -> Plan {
    let m = align(later, earlier);
    let mut p = later.clone();
    let mut used = HashSet::new();
    let mut groups_back: HashMap<u32, u32> = HashMap::new();
    for r in later.tree().order() {
        let other = m.get(r);
        if let Some(o) = other {
            used.insert(o);
            if let (TreeRef::Group(g), TreeRef::Group(og)) = (r, o) {
                groups_back.insert(og, g);
            }
        }
        let facts: &mut LineFacts = match r {
            TreeRef::Group(g) => &mut p.groups[g as usize].facts,
            TreeRef::Programme(i) => p.programmes[i as usize].book.get_or_insert_with(Default::default),
        };
        facts.last_year = Some(other.map_or(Money::ZERO, |o| earlier.line(o).budget));
        facts.stated_change = None;
        facts.actual = None;
    }
    let end = later.programmes.iter().map(|x| x.span.end).chain(later.groups.iter().map(|g| g.span.end)).max().unwrap_or(0) + 1;
    for (i, prog) in earlier.programmes.iter().enumerate() {
        if used.contains(&TreeRef::Programme(i as u32)) || prog.budget.is_zero() {
            continue;
        }
        // The nearest line above it that `later` still has.
        let mut at = prog.book.as_ref().and_then(|b| b.parent);
        let parent = loop {
            match at {
                Some(g) if groups_back.contains_key(&g) => break groups_back.get(&g).copied(),
                Some(g) => at = earlier.groups.get(g as usize).and_then(|x| x.facts.parent),
                None => break None,
            }
        };
        let code = prog.book.as_ref().and_then(|b| b.code.clone());
        p.programmes.push(Programme {
            number: 0,
            name: prog.name.clone(),
            items: Vec::new(),
            budget: Money::ZERO,
            funding: Vec::new(),
            classification: prog.classification.clone(),
            book: Some(Box::new(LineFacts { code, parent, last_year: Some(prog.budget), ..LineFacts::default() })),
            span: Span::line(end),
            budget_span: Span::line(end),
        });
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changes::{line_changes, Movement, Totals};

    fn plan(rows: &[(&str, i64)]) -> Plan {
        let mut p = Plan::empty();
        p.year = 112;
        for (i, (name, budget)) in rows.iter().enumerate() {
            p.programmes.push(Programme {
                number: i as u32 + 1,
                name: name.to_string(),
                items: Vec::new(),
                budget: Money::thousands(*budget),
                funding: Vec::new(),
                classification: Vec::new(),
                book: None,
                span: Span::line(i as u32 + 1),
                budget_span: Span::line(i as u32 + 1),
            });
        }
        p
    }

    #[test]
    fn two_years_of_a_plan_give_each_programmes_change_and_the_ended_ones() {
        let last = plan(&[("勞工學苑計畫", 100), ("移工服務", 50), ("職災重建", 30)]);
        let this = plan(&[("勞工學苑推廣計畫", 120), ("移工服務", 40), ("青年就業促進", 25)]);
        let p = against(&this, &last);
        let changes = line_changes(&p, &p.tree(), None, None);
        let moved: Vec<(String, Option<Money>, Movement)> =
            changes.iter().map(|c| (p.line(c.node).name.to_string(), c.change.as_ref().map(|x| x.amount), c.movement)).collect();
        let k = Money::thousands;
        assert_eq!(
            moved,
            [
                ("勞工學苑推廣計畫".to_string(), Some(k(20)), Movement::Increase),
                ("移工服務".to_string(), Some(k(-10)), Movement::Cut),
                ("青年就業促進".to_string(), Some(k(25)), Movement::New),
                ("職災重建".to_string(), Some(k(-30)), Movement::Ended),
            ]
        );
        let t = Totals::of(&changes);
        assert_eq!((t.budget, t.last_year), (k(185), k(180)), "each side's total, every line once");
        assert_eq!(p.programmes.last().map(|x| x.number), Some(0));
    }
}
