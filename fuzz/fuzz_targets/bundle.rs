//! Any text as a bundle file: never panics; what reads (migrated if old) writes back to a
//! bundle that reads the same.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plan_core::annotations::{looks_like_bundle, Bundle};

fuzz_target!(|text: &str| {
    let _ = looks_like_bundle(text);
    if let Ok(b) = Bundle::from_json(text) {
        assert_eq!(Bundle::from_json(&b.to_json()), Ok(b));
    }
});
