//! The plan-text parser on arbitrary text: never panics, and what it reads is consistent
//! (totals add up; the summary and chart models can be computed from it).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let parsed = plan_core::parser::parse(text);
    let s = plan_core::summary::summarise(&parsed.plan, None);
    assert_eq!(s.programmes.len(), parsed.plan.programmes.len());
    let _ = plan_core::charts::treemap(&s, 800.0, 600.0);
});
