//! Comparing plans: the seed against itself and against an edited copy with known answers,
//! and the bookkeeping invariants on random plans.

use plan_core::compare::{compare, Change, TextStatus};
use plan_core::funding::FundingKind;
use plan_core::synth::{generate, Rng};
use plan_core::{Money, Plan, Programme, Span, SEED_PLAN_TEXT};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn seed() -> Plan {
    plan_core::parser::parse(SEED_PLAN_TEXT).plan
}

fn d(n: i64, dp: u32) -> Decimal {
    Decimal::new(n, dp)
}

#[test]
fn the_seed_against_itself_is_unchanged() {
    let c = compare(&seed(), &seed());
    assert_eq!(c.matched.len(), 15);
    assert!(c.matched.iter().all(|m| m.a == m.b && m.similarity == Decimal::ONE && m.change.amount.is_zero()));
    assert!(c.only_a.is_empty() && c.only_b.is_empty());
    assert_eq!(c.total_change, Change { amount: Money::ZERO, percent: Some(Decimal::ZERO) });
    assert!(c.funding.iter().all(|k| k.points.is_zero() && k.a == k.b));
    assert_eq!((c.goals.len(), c.strategies.len()), (6, 19));
    assert!(c.goals.iter().chain(&c.strategies).all(|t| t.status == TextStatus::Same && t.similarity == Decimal::ONE));
}

fn edited() -> Plan {
    let mut b = seed();
    b.programmes.iter_mut().find(|p| p.number == 3).unwrap().name = "勞工學苑推廣計畫".into();
    b.programmes.retain(|p| p.number != 12);
    b.programmes.iter_mut().find(|p| p.number == 7).unwrap().budget = Money::thousands(260_000);
    b.programmes.push(Programme {
        number: 16,
        name: "青年就業促進計畫".into(),
        items: vec![],
        budget: Money::thousands(3000),
        funding: vec![],
        classification: vec![],
        book: None,
        span: Span::default(),
        budget_span: Span::default(),
    });
    b.goals[1].name = "落實改善勞動條件及職場平權".into();
    b.goals[0].strategies.retain(|s| s.number != 3);
    b
}

#[test]
fn an_edited_copy_gives_the_known_figures() {
    let c = compare(&seed(), &edited());
    assert_eq!((c.total_a, c.total_b), (Money::thousands(507_013), Money::thousands(509_277)));
    assert_eq!(c.total_change, Change { amount: Money::thousands(2264), percent: Some(d(45, 2)) });
    assert_eq!((c.only_a.clone(), c.only_b.clone()), (vec![12], vec![16]));
    assert_eq!(c.matched.len(), 14);
    let first = &c.matched[0];
    assert_eq!((first.a, first.b, first.change.amount, first.change.percent), (7, 7, Money::thousands(1464), Some(d(57, 2))));
    let renamed = c.matched.iter().find(|m| m.a == 3).unwrap();
    assert_eq!((renamed.b, renamed.similarity), (3, d(67, 2)));
    assert!(c.matched[1..].iter().all(|m| m.change.amount.is_zero()));
    assert_eq!(c.matched[1..].iter().map(|m| m.a).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 13, 14, 15]);

    let f: Vec<_> = c.funding.iter().map(|k| (k.kind, k.a, k.b, k.share_a, k.share_b, k.points)).collect();
    assert_eq!(
        f,
        [
            (FundingKind::CentralSubsidy, Money::thousands(352_190), Money::thousands(352_190), d(6946, 2), d(6916, 2), d(-30, 2)),
            (FundingKind::SpecialFund, Money::thousands(34_459), Money::thousands(32_259), d(680, 2), d(633, 2), d(-47, 2)),
            (FundingKind::CityGeneral, Money::thousands(120_364), Money::thousands(124_828), d(2374, 2), d(2451, 2), d(77, 2)),
        ]
    );

    let reworded: Vec<_> = c.goals.iter().filter(|g| g.status != TextStatus::Same).collect();
    assert_eq!(reworded.len(), 1);
    assert_eq!((reworded[0].status, reworded[0].a_id.as_deref(), reworded[0].similarity), (TextStatus::Reworded, Some("2"), d(74, 2)));
    assert_eq!(reworded[0].b.as_deref(), Some("2 落實改善勞動條件及職場平權"));
    let dropped: Vec<_> = c.strategies.iter().filter(|s| s.status != TextStatus::Same).collect();
    assert_eq!(dropped.len(), 1);
    assert_eq!((dropped[0].status, dropped[0].a.as_deref(), dropped[0].b.as_deref()), (TextStatus::Dropped, Some("1.3 輔導勞資雙方締結團體協約"), None));

    // And the other way round: dropped becomes added, the change changes sign.
    let r = compare(&edited(), &seed());
    assert_eq!((r.only_a.clone(), r.only_b.clone()), (vec![16], vec![12]));
    assert_eq!(r.total_change.amount, Money::thousands(-2264));
    assert_eq!(r.strategies.last().map(|s| (s.status, s.b_id.as_deref())), Some((TextStatus::Added, Some("1.3"))));
}

/// Plan `a` edited at random: programmes dropped, re-budgeted, renamed and added.
fn mutate(a: &Plan, seed: u64) -> Plan {
    let mut rng = Rng::new(seed);
    let mut b = a.clone();
    b.programmes.retain(|_| rng.below(5) != 0);
    for p in &mut b.programmes {
        match rng.below(4) {
            0 => p.budget = Money::thousands(rng.below(1_000_000) as i64),
            1 => p.name.push_str("擴大辦理"),
            _ => {}
        }
    }
    let extra = generate(seed ^ 0xabcd, 1 + rng.below(5) as usize, 1);
    b.programmes.extend(extra.programmes.into_iter().map(|mut p| {
        p.number += 1000;
        p
    }));
    b
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_programme_is_counted_once_on_each_side(seed in any::<u64>(), n in 0usize..40, goals in 1usize..5) {
        let a = generate(seed, n, goals);
        let b = mutate(&a, seed);
        let c = compare(&a, &b);
        let budget = |p: &Plan, n: u32| p.programme(n).unwrap().budget;
        let side_a: Money = c.matched.iter().map(|m| m.budget_a).sum::<Money>() + c.only_a.iter().map(|n| budget(&a, *n)).sum();
        let side_b: Money = c.matched.iter().map(|m| m.budget_b).sum::<Money>() + c.only_b.iter().map(|n| budget(&b, *n)).sum();
        prop_assert_eq!(side_a, c.total_a);
        prop_assert_eq!(side_b, c.total_b);
        prop_assert_eq!(c.matched.len() + c.only_a.len(), a.programmes.len());
        prop_assert_eq!(c.matched.len() + c.only_b.len(), b.programmes.len());
        for (total, share) in [(c.total_a, c.funding.iter().map(|k| k.share_a).sum::<Decimal>()), (c.total_b, c.funding.iter().map(|k| k.share_b).sum())] {
            prop_assert_eq!(share, if total.is_zero() { Decimal::ZERO } else { Decimal::ONE_HUNDRED });
        }
        for m in &c.matched {
            prop_assert_eq!(m.change.amount, m.budget_b - m.budget_a);
            prop_assert!(m.similarity >= Decimal::new(5, 1) && m.similarity <= Decimal::ONE);
        }
    }
}

#[test]
#[ignore = "timing: run with --release --ignored"]
fn large_plans_compare_quickly() {
    let a = generate(7, 10_000, 8);
    let mut b = mutate(&a, 7);
    for p in b.programmes.iter_mut().step_by(2) {
        p.name = format!("{}{}", p.name, p.number);
    }
    let start = std::time::Instant::now();
    let c = compare(&a, &b);
    eprintln!("{} matched in {:?}", c.matched.len(), start.elapsed());
    assert!(start.elapsed().as_secs() < 5);
}
