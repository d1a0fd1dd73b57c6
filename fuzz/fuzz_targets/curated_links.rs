//! The curated link file (CSV lines `programme,strategy`): never panics; what parses
//! round-trips through its own text form.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(links) = plan_core::links::CuratedLinks::parse(text) {
        assert_eq!(plan_core::links::CuratedLinks::parse(&links.to_text()).unwrap(), links);
    }
});
