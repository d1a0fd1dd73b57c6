//! Prepares the bundled plan at build time, so a first visit needs neither the text parser
//! nor a JSON parser:
//! - the plan text is parsed by `plan-core` here and written in its prepared form
//!   (`plan_core::prepared`), which the app reads back with a few lines of code, and so is
//!   its summary (shares, funding, links, roll-ups), so a first visit computes none of it;
//! - the companion file (`assets/plans/*.meta.json`) becomes Rust.
//!
//! Both are read by `plan-core` here, so a plan or a companion file the app could not read
//! fails the build instead of showing an empty or unglossed plan.

use plan_core::meta::{Gloss, PlanMeta};
use std::collections::BTreeMap;
use std::fmt::Write;

const META: &str = "../assets/plans/taoyuan-labor-111-plan.meta.json";

fn main() {
    println!("cargo:rerun-if-changed={META}");
    let text = std::fs::read_to_string(META).unwrap_or_else(|e| panic!("{META}: {e}"));
    let meta = PlanMeta::from_json(&text).unwrap_or_else(|e| panic!("{META}: {e}"));
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("seed_meta.rs"), rust(&meta)).expect("OUT_DIR is writable");
    let (plan, summary) = prepared_plan();
    std::fs::write(out.join("seed.prepared"), plan).expect("OUT_DIR is writable");
    std::fs::write(out.join("seed.summary"), summary).expect("OUT_DIR is writable");
}

/// The bundled plan, parsed, and its summary (without a reader's link corrections), each in
/// the prepared form. It must read without findings: it is the site's showcase, and the
/// prepared form carries the plan, not the parser's diagnostics.
fn prepared_plan() -> (String, String) {
    let parsed = plan_core::parser::parse(plan_core::SEED_PLAN_TEXT);
    if !parsed.diagnostics.is_empty() {
        panic!("the bundled plan must read without findings; the parser says: {:#?}", parsed.diagnostics);
    }
    let prepared = plan_core::prepared::write(&parsed.plan).unwrap_or_else(|e| panic!("the bundled plan: {e}"));
    assert_eq!(plan_core::prepared::read(&prepared).as_ref(), Ok(&parsed.plan), "the prepared plan reads back as parsed");
    let summary = plan_core::summary::summarise(&parsed.plan, None);
    let prepared_summary = plan_core::prepared::write_summary(&summary).unwrap_or_else(|e| panic!("the bundled plan's summary: {e}"));
    assert_eq!(plan_core::prepared::read_summary(&prepared_summary).as_ref(), Ok(&summary), "the prepared summary reads back as computed");
    (prepared, prepared_summary)
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
