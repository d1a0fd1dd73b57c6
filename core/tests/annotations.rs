//! Link corrections flow into the roll-ups; bundles round-trip and migrate.

use plan_core::annotations::{looks_like_bundle, Annotations, Bundle, Note, Target, BUNDLE_KIND};
use plan_core::links::{CuratedLinks, LinkKind};
use plan_core::summary::summarise;
use plan_core::{Money, StrategyId, SEED_PLAN_TEXT};

fn s(goal: u32, strategy: u32) -> StrategyId {
    StrategyId { goal, strategy }
}

#[test]
fn corrections_move_money_between_goals_by_the_programme_budget() {
    let plan = plan_core::parser::parse(SEED_PLAN_TEXT).plan;
    let goal = |a: &Annotations, g: u32| summarise(&plan, a.curated().as_ref()).rollup.goal(g).unwrap();
    let links = |a: &Annotations| summarise(&plan, a.curated().as_ref()).links;
    let budget = plan.programme(5).unwrap().budget; // 41,950, inferred to 6.1
    let mut a = Annotations::default();
    assert_eq!(a.curated(), None);
    let (g2, g6) = (goal(&a, 2), goal(&a, 6));
    assert_eq!((g2, g6), (Money::ZERO, Money::thousands(75_926)));

    // Adding a second strategy keeps the inferred one: the budget is split in two.
    a.link_add(5, s(2, 1), &links(&a));
    assert_eq!(a.links.entries, vec![(5, Some(s(2, 1))), (5, Some(s(6, 1)))]);
    assert_eq!(goal(&a, 2), Money::thousands(20_975));

    a.link_remove(5, s(6, 1), &links(&a));
    assert_eq!((goal(&a, 2), goal(&a, 6)), (g2 + budget, g6 - budget));
    assert!(summarise(&plan, a.curated().as_ref()).links.iter().any(|l| l.programme == 5 && l.kind == LinkKind::Curated));

    // Removing the last link leaves the programme deliberately unlinked.
    a.link_remove(5, s(2, 1), &links(&a));
    assert_eq!(a.links.entries, vec![(5, None)]);
    let summary = summarise(&plan, a.curated().as_ref());
    assert_eq!((summary.rollup.unlinked, goal(&a, 2), goal(&a, 6)), (budget, g2, g6 - budget));

    a.link_add(5, s(6, 1), &links(&a));
    assert_eq!(a.links.entries, vec![(5, Some(s(6, 1)))]);
    assert_eq!(goal(&a, 6), g6);
    a.link_reset(5);
    assert_eq!(a.curated(), None);

    a.link_add(1, s(2, 2), &links(&a));
    a.link_remove(7, s(3, 4), &links(&a));
    let curated = a.curated().unwrap();
    assert_eq!(CuratedLinks::parse(&curated.to_text()), Ok(curated));

    a.confirm(6, s(3, 1));
    a.confirm(6, s(3, 1));
    assert_eq!(a.confirmed, vec![(6, s(3, 1))]);
    assert!(a.is_confirmed(6, s(3, 1)));
}

fn sample() -> Bundle {
    let mut a = Annotations::default();
    a.set_note(&Target::Programme { number: 7 }, Note { text: "half the budget".into(), bookmarked: true, updated: "2026-11-25T03:00:00Z".into() });
    a.set_note(&Target::Strategy { id: s(2, 3) }, Note { text: "unfunded?".into(), bookmarked: false, updated: "2026-11-25T03:01:00Z".into() });
    a.link_add(4, s(1, 4), &[]);
    a.confirm(6, s(3, 1));
    Bundle::new("勞動局 111", SEED_PLAN_TEXT, a, Some("v1~c10~k".into()))
}

#[test]
fn bundles_round_trip() {
    let b = sample();
    let json = b.to_json();
    assert!(looks_like_bundle(&json));
    assert!(json.trim_start().starts_with(&format!("{{\n  \"kind\": \"{BUNDLE_KIND}\"")));
    assert_eq!(Bundle::from_json(&json), Ok(b));
}

#[test]
fn version_0_bundles_are_migrated() {
    let v0 = format!(
        r#"{{"kind": "{BUNDLE_KIND}", "schema_version": 0, "name": "old", "source": "text",
            "annotations": {{"notes": [{{"target": "p7", "text": "a"}}, {{"target": "s2.3", "text": "b"}}, {{"target": "p7", "text": "c"}}],
                            "links": {{"entries": [[4, {{"goal": 1, "strategy": 4}}], [9, null]]}}}}}}"#
    );
    let b = Bundle::from_json(&v0).unwrap();
    assert_eq!(b.schema_version, 1);
    assert_eq!(b.annotations.notes["p7"], Note { text: "a\nc".into(), bookmarked: false, updated: String::new() });
    assert_eq!(b.annotations.notes["s2.3"].text, "b");
    assert_eq!(b.annotations.links.entries, vec![(4, Some(s(1, 4))), (9, None)]);
    assert!(b.annotations.confirmed.is_empty() && b.scenario.is_none());
    // Written back, it is a version-1 bundle that reads the same.
    assert_eq!(Bundle::from_json(&b.to_json()), Ok(b));
}

#[test]
fn bad_bundles_say_what_is_wrong() {
    let err = |t: &str| Bundle::from_json(t).unwrap_err();
    assert!(err("{\n  \"kind\": ").starts_with("line 2, column"), "{}", err("{\n  \"kind\": "));
    assert_eq!(err("{\"schema_version\": 1}"), "this is not a plan-explorer-bundle: it has no `kind`");
    assert_eq!(err("{\"kind\": \"plan\"}"), "this is a `plan` file, not a plan-explorer-bundle");
    let newer = sample().to_json().replace("\"schema_version\": 1", "\"schema_version\": 2");
    assert_eq!(err(&newer), "schema_version 2 is newer than this program understands (1); open it with a newer version of the site");
    let bad_key = sample().to_json().replace("\"p7\"", "\"q7\"");
    assert_eq!(err(&bad_key), "annotations.notes: `q7` is not a note target (p7, g2 or s2.3)");
    let v0_bad =
        format!(r#"{{"kind": "{BUNDLE_KIND}", "schema_version": 0, "name": "", "source": "", "annotations": {{"notes": [{{"target": "x", "text": ""}}]}}}}"#);
    assert_eq!(err(&v0_bad), "annotations.notes[0]: `x` is not a note target (p7, g2 or s2.3)");
    assert!(err(&sample().to_json().replace("\"name\"", "\"nom\"")).contains("missing field `name`"));
}
