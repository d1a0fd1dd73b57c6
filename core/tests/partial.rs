//! A partial plan (goals, no budget table) is safe to summarise and lay out: every view of
//! the site can be opened on it without dividing by a zero total.

use plan_core::charts::{goal_sunburst, money_flow, treemap_with_others};
use plan_core::summary::summarise;
use plan_core::{Goal, Money, Plan, Span, Strategy};

fn partial() -> Plan {
    let mut plan = Plan::empty();
    plan.title = "宜蘭縣政府111年度施政目標與重點".into();
    plan.year = 111;
    for g in 1..=3u32 {
        let strategies = (1..=g).map(|s| Strategy { number: s, name: format!("重點{g}.{s}"), span: Span::line(g * 10 + s) }).collect();
        plan.goals.push(Goal { number: g, name: format!("類{g}"), strategies, span: Span::line(g * 10) });
    }
    plan
}

#[test]
fn a_plan_without_a_budget_summarises_to_zero_and_lays_out_without_panicking() {
    let plan = partial();
    assert!(!plan.has_budget());
    let s = summarise(&plan, None);
    assert_eq!(s.total, Money::ZERO);
    assert!(s.programmes.is_empty());
    let (cells, others) = treemap_with_others(&s, 800.0, 500.0, 250);
    assert!(cells.is_empty() && others.is_none());
    let slices = goal_sunburst(&plan, &s, 200.0);
    assert!(slices.iter().all(|sl| sl.sweep.is_finite() && sl.label_at.0.is_finite()), "{slices:?}");
    let (nodes, links) = money_flow(&plan, &s, 800.0, 500.0);
    assert!(links.is_empty());
    assert!(nodes.iter().all(|n| n.rect.y.is_finite() && n.rect.h.is_finite()));
    assert_eq!(s.goal_share(1), rust_decimal::Decimal::ZERO);
}
