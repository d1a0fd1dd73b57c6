//! What-if scenarios on the seed plan with figures worked out by hand, the invariants on
//! random scenarios, and the link codec.

use plan_core::funding::{by_kind, plan_breakdown, FundingKind};
use plan_core::scenario::{apply, decode, encode, slider_ceiling, typed_amount, Scenario};
use plan_core::{Money, Plan, SEED_PLAN_TEXT};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

fn seed() -> Plan {
    plan_core::parser::parse(SEED_PLAN_TEXT).plan
}

fn k(n: i64) -> Money {
    Money::thousands(n)
}

fn set(pairs: &[(u32, i64)], keep_total: bool, cut: Decimal) -> Scenario {
    Scenario { amounts: pairs.iter().map(|(n, m)| (*n, k(*m))).collect(), central_cut: cut, keep_total }
}

#[test]
fn sliders_reach_twice_the_budget_and_typed_amounts_are_checked() {
    assert_eq!(slider_ceiling(k(258_536)), k(517_072));
    assert_eq!(slider_ceiling(Money::new(Decimal::new(12005, 1))).plain(), "2401");
    assert_eq!(slider_ceiling(Money::ZERO), k(1), "an empty programme can still be given something");
    assert_eq!(typed_amount("１２,３４５"), Some(k(12_345)));
    assert_eq!(typed_amount("12.5").map(Money::plain).as_deref(), Some("12.5"));
    for bad in ["-1", "", "abc", "1e30", "99999999999999999999"] {
        assert_eq!(typed_amount(bad), None, "{bad:?}");
    }
}

#[test]
fn no_change_changes_nothing() {
    let plan = seed();
    let o = apply(&plan, &Scenario::default());
    assert!(o.rows.iter().all(|r| r.before == r.after && r.share_before == r.share_after && r.central_before == r.central_after && r.city_cover.is_zero()));
    assert_eq!((o.total_before, o.total_after), (k(507_013), k(507_013)));
    assert_eq!(o.kinds_before, by_kind(&plan_breakdown(&plan)));
    assert_eq!(o.kinds_after, o.kinds_before);
    assert_eq!(o.rows[6].central_dependence, Decimal::new(7412, 2), "191,616 of 258,536");
    assert!(o.warnings.is_empty());
}

#[test]
fn keeping_the_total_spreads_a_cut_by_largest_remainder() {
    let o = apply(&seed(), &set(&[(7, 250_000)], true, Decimal::ZERO));
    assert_eq!(o.total_after, k(507_013));
    let gained: Vec<(u32, Money)> = o.rows.iter().filter(|r| r.number != 7).map(|r| (r.number, r.after - r.before)).collect();
    let expected = [182, 798, 204, 354, 1441, 1489, 432, 718, 1043, 410, 76, 1029, 138, 222];
    assert_eq!(gained.iter().map(|(_, m)| *m).collect::<Vec<_>>(), expected.map(k));
    assert_eq!(o.rows[6].after, k(250_000));
    assert!(o.warnings.is_empty());
}

#[test]
fn more_than_the_others_hold_is_clamped_with_a_warning() {
    let o = apply(&seed(), &set(&[(7, 517_013)], true, Decimal::ZERO));
    assert!(o.rows.iter().filter(|r| r.number != 7).all(|r| r.after.is_zero()));
    assert_eq!(o.total_after, k(517_013));
    assert_eq!(o.warnings.len(), 1);
    assert!(o.warnings[0].to_string().contains("248,477") && o.warnings[0].to_string().contains("10,000"), "{}", o.warnings[0]);
}

#[test]
fn without_keeping_the_total_it_moves() {
    let o = apply(&seed(), &set(&[(1, 6_310), (99, 5)], false, Decimal::ZERO));
    assert_eq!(o.total_after, k(508_013));
    assert_eq!(o.warnings, [plan_core::scenario::Warning::NotInPlan { programme: 99 }]);
    assert_eq!(o.warnings[0].to_string(), "programme 99 is not in this plan; its amount was ignored");
}

#[test]
fn a_central_cut_is_covered_by_the_city() {
    let o = apply(&seed(), &set(&[], false, Decimal::TEN));
    // 10% of each grant, half away from zero: 3,850 + 3,936 + 19,162 + 580 + 1,254 + 3,036 + 1,194 + 1,826 + 383.
    assert_eq!(o.city_cover, k(35_221));
    assert_eq!((o.central_before, o.central_after), (k(352_190), k(316_969)));
    assert_eq!(o.kinds_after, vec![(FundingKind::CentralSubsidy, k(316_969)), (FundingKind::SpecialFund, k(34_459)), (FundingKind::CityGeneral, k(155_585))]);
    assert_eq!(o.total_after, o.total_before);
    assert_eq!(o.rows[5].city_cover, k(3936), "39,355 × 10% = 3,935.5 rounds up");

    // A budget below its grant keeps only the grant that fits, and the cut applies to that.
    let o = apply(&seed(), &set(&[(10, 20_000)], false, Decimal::from(50)));
    let r = &o.rows[9];
    assert_eq!((r.central_before, r.central_after, r.city_cover), (k(30_358), k(10_000), k(10_000)));
}

#[test]
fn links_encode_compactly_and_errors_name_the_field() {
    let plan = seed();
    let s =
        Scenario { amounts: BTreeMap::from([(7, k(250_000)), (3, Money::new(Decimal::new(10005, 1)))]), central_cut: Decimal::new(1250, 2), keep_total: true };
    assert_eq!(encode(&s), "v1~c12.5~k~3_1000.5~7_250000");
    assert_eq!(decode(&encode(&s), &plan), Ok(s.clone()));
    assert_eq!(decode("v1%7Ec12.5%7Ek%7E3_1000.5%7E7_250000", &plan), Ok(s));
    assert_eq!(encode(&Scenario::default()), "v1");
    let err = |t: &str| decode(t, &plan).unwrap_err();
    assert_eq!(err("v1~k~7_abc"), "field 3 (`7_abc`): `abc` is not an amount in 千元");
    assert_eq!(err("v2~k"), "field 1 (`v2`): version 2 is not known (this site reads v1; the link may be from a newer version)");
    assert_eq!(err("x"), "field 1 (`x`): expected the version `v1`");
    assert_eq!(err("v1~99_5"), "field 2 (`99_5`): programme 99 is not in this plan");
    assert_eq!(err("v1~7_5~7_6"), "field 3 (`7_6`): programme 7 appears twice");
    assert_eq!(err("v1~7_-5"), "field 2 (`7_-5`): `-5` is negative; a budget cannot be");
    assert_eq!(err("v1~7_1.2345"), "field 2 (`7_1.2345`): `1.2345` is finer than 1 元 (at most 3 decimals of 千元)");
    assert_eq!(err("v1~7_1000000000000000000"), "field 2 (`7_1000000000000000000`): `1000000000000000000` 千元 is larger than any budget can be");
    assert_eq!(err("v1~c100.5"), "field 2 (`c100.5`): a central cut of 100.5% is outside 0–100");
    assert_eq!(err("v1~c5~c6"), "field 3 (`c6`): the central cut appears twice");
    assert_eq!(err("v1~~k"), "field 2 is empty (two `~` in a row?)");
    assert_eq!(err("v1~%zz"), "`%zz` at character 4 is not a percent-encoded character");
    assert!(err(&format!("v1{}", "~k".repeat(5000))).to_string().starts_with("the scenario is 10002 characters long"));
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (prop::collection::btree_map(1u32..=15, (0i64..1_000_000_000_000_000, 0u32..=3), 0..15), 0i64..=10_000, any::<bool>()).prop_map(
        |(amounts, cut, keep_total)| Scenario {
            amounts: amounts.into_iter().map(|(n, (m, dp))| (n, Money::new(Decimal::new(m, dp)))).collect(),
            central_cut: Decimal::new(cut, 2),
            keep_total,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn links_round_trip(s in scenario()) {
        prop_assert_eq!(decode(&encode(&s), &seed()), Ok(s));
    }

    #[test]
    fn decoding_never_panics(t in "\\PC{0,200}", u in "[v1ck0-9._~%A-F-]{0,60}") {
        let plan = seed();
        let _ = decode(&t, &plan);
        if let Ok(s) = decode(&u, &plan) {
            prop_assert_eq!(decode(&encode(&s), &plan), Ok(s));
        }
    }

    #[test]
    fn outcomes_add_up(s in (prop::collection::btree_map(1u32..=15, 0i64..600_000, 0..15), 0i64..=10_000, any::<bool>()).prop_map(|(a, c, keep)| Scenario {
        amounts: a.into_iter().map(|(n, m)| (n, Money::thousands(m))).collect(), central_cut: Decimal::new(c, 2), keep_total: keep,
    })) {
        let o = apply(&seed(), &s);
        if s.keep_total && o.warnings.is_empty() {
            prop_assert_eq!(o.total_after, o.total_before);
        }
        let hundred = |v: Vec<Decimal>, total: Money| v.into_iter().sum::<Decimal>() == if total.is_zero() { Decimal::ZERO } else { Decimal::ONE_HUNDRED };
        prop_assert!(hundred(o.rows.iter().map(|r| r.share_before).collect(), o.total_before));
        prop_assert!(hundred(o.rows.iter().map(|r| r.share_after).collect(), o.total_after));
        let kept: Money = o.rows.iter().map(|r| if r.central_before <= r.after { r.central_before } else { r.after }).sum();
        prop_assert_eq!(o.city_cover, kept - o.central_after);
        prop_assert_eq!(o.kinds_after.iter().map(|(_, m)| *m).sum::<Money>(), o.total_after);
        for r in &o.rows {
            prop_assert!(r.after >= Money::ZERO && r.central_after >= Money::ZERO && r.city_cover >= Money::ZERO);
            if let Some(m) = s.amounts.get(&r.number) {
                prop_assert_eq!(r.after, *m);
            }
        }
        prop_assert!(o.kinds_after.iter().all(|(_, m)| *m >= Money::ZERO));
    }

    #[test]
    fn synthetic_plans_keep_their_total(seed in any::<u64>(), n in 1usize..60, picks in prop::collection::vec((0usize..60, 0i64..2_000_000), 0..10)) {
        let plan = plan_core::synth::generate(seed, n, 3);
        let amounts: BTreeMap<u32, Money> = picks.into_iter().map(|(i, m)| (plan.programmes[i % n].number, Money::thousands(m))).collect();
        let o = apply(&plan, &Scenario { amounts, central_cut: Decimal::from(33), keep_total: true });
        if o.warnings.is_empty() {
            prop_assert_eq!(o.total_after, o.total_before);
        } else if o.warnings.iter().any(|w| matches!(w, plan_core::scenario::Warning::OthersTooSmall { .. })) {
            prop_assert!(o.total_after > o.total_before);
        }
    }
}
