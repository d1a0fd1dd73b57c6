//! Any text as a scenario link for the seed plan: never panics; what decodes applies and
//! round-trips through its own link form.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plan_core::scenario::{apply, decode, encode};
use std::sync::OnceLock;

static SEED: OnceLock<plan_core::Plan> = OnceLock::new();

fuzz_target!(|text: &str| {
    let plan = SEED.get_or_init(|| plan_core::parser::parse(plan_core::SEED_PLAN_TEXT).plan);
    if let Ok(s) = decode(text, plan) {
        let _ = apply(plan, &s);
        assert_eq!(decode(&encode(&s), plan), Ok(s));
    }
});
