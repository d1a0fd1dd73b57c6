//! Any bytes as an import (plan text, canonical JSON, Big5 or binary): never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let parsed = plan_core::parser::read_any(bytes);
    let _ = parsed.plan.to_json();
});
