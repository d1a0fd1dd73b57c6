//! Any bytes as a PDF plan: never panics (in the browser a panic aborts the page), stays
//! within its bounds, and whatever plan it reads can be summarised and serialised; the read
//! handed over as JSON (how the site's worker gives it to the page) comes back equal.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plan_core::pdf::read_pdf;

fuzz_target!(|bytes: &[u8]| {
    let read = read_pdf(bytes, "plan.pdf");
    let _ = plan_core::summary::summarise(&read.parsed.plan, None);
    let _ = read.parsed.plan.to_json();
    assert_eq!(plan_core::pdf::PdfRead::from_json(&read.to_json()).as_ref(), Ok(&read));
    for d in &read.parsed.diagnostics {
        let _ = d.to_string();
    }
});
