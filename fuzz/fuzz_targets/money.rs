//! Money parsing and formatting: never panics; a formatted amount parses back to itself.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Some(m) = plan_core::Money::parse(text) {
        let shown = m.fmt_thousands();
        assert_eq!(plan_core::Money::parse(&shown), Some(plan_core::Money::new(m.decimal().normalize())), "{text:?} → {shown}");
        let _ = (m.fmt_chinese(), m.fmt_million(), plan_core::money::per_capita(m, 2_272_391));
    }
});
