//! Turns the bundled plan's companion file (`assets/plans/*.meta.json`) into Rust, so the
//! first load needs no JSON parser to read it. It is read by `plan-core` here, so a file
//! the app could not read fails the build instead of showing no glosses.

use plan_core::meta::{Gloss, PlanMeta};
use std::collections::BTreeMap;
use std::fmt::Write;

const META: &str = "../assets/plans/taoyuan-labor-111-plan.meta.json";

fn main() {
    println!("cargo:rerun-if-changed={META}");
    let text = std::fs::read_to_string(META).unwrap_or_else(|e| panic!("{META}: {e}"));
    let meta = PlanMeta::from_json(&text).unwrap_or_else(|e| panic!("{META}: {e}"));
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("seed_meta.rs");
    std::fs::write(out, rust(&meta)).expect("OUT_DIR is writable");
}

/// A Rust expression that builds `meta` (`{:?}` of a string is a valid Rust literal). The
/// glosses are tables of string literals turned into maps by one loop (`glosses`), which
/// compiles to far less code than one insert per gloss.
fn rust(meta: &PlanMeta) -> String {
    let population = match &meta.population {
        Some(p) => format!(
            "Some(plan_core::meta::Population {{ count: {}, as_of_zh: {:?}.into(), as_of_en: {:?}.into(), source_zh: {:?}.into(), source_en: {:?}.into() }})",
            p.count, p.as_of_zh, p.as_of_en, p.source_zh, p.source_en
        ),
        None => "None".into(),
    };
    // A price is its digits and its scale, so the app needs no decimal parser for it.
    let everyday: String = meta
        .everyday
        .iter()
        .map(|u| {
            format!(
                "plan_core::meta::EverydayUnit {{ id: {:?}.into(), zh: {:?}.into(), en: {:?}.into(), price: rust_decimal::Decimal::new({}, {}), as_of_zh: {:?}.into(), as_of_en: {:?}.into(), source_zh: {:?}.into(), source_en: {:?}.into() }},",
                u.id,
                u.zh,
                u.en,
                i64::try_from(u.price.mantissa()).expect("a price fits in i64"),
                u.price.scale(),
                u.as_of_zh,
                u.as_of_en,
                u.source_zh,
                u.source_en
            )
        })
        .collect();
    let Gloss { agency, title, vision, missions, goals, strategies, programmes, sources } = &meta.gloss;
    let text = |t: &Option<String>| t.as_ref().map_or("None".into(), |t| format!("Some({t:?}.into())"));
    let map = |m: &BTreeMap<String, String>| {
        let mut s = String::from("glosses(&[");
        for (k, v) in m {
            let _ = write!(s, "({k:?}, {v:?}),");
        }
        s + "])"
    };
    format!(
        "plan_core::meta::PlanMeta {{ population: {population}, everyday: vec![{everyday}], gloss: plan_core::meta::Gloss {{ agency: {}, title: {}, vision: {}, missions: {}, goals: {}, strategies: {}, programmes: {}, sources: {} }} }}",
        text(agency), text(title), text(vision), map(missions), map(goals), map(strategies), map(programmes), map(sources)
    )
}
