//! Any text as a budget CSV (guessed mapping, and as an exported programmes CSV): never
//! panics, and whatever plan comes out can be summarised.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plan_core::budget_csv::{from_export, guess_mapping, read_table, to_plan};

fuzz_target!(|text: &str| {
    if let Ok(t) = read_table(text) {
        let parsed = to_plan(&t, &guess_mapping(&t), "fuzz");
        let _ = plan_core::summary::summarise(&parsed.plan, None);
        let _ = plan_core::summary::summarise(&from_export(&t).plan, None);
    }
});
