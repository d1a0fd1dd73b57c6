//! Any bytes as a workbook (.xlsx, .ods, .xls by their first bytes, else by name): never
//! panics — in the browser a panic would abort the page — and every sheet read becomes a
//! plan that can be summarised.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plan_core::budget_csv::{guess_mapping, to_plan};
use plan_core::spreadsheet::read_workbook;

fuzz_target!(|bytes: &[u8]| {
    for name in ["book.xlsx", "book.ods", "book.xls"] {
        if let Ok(sheets) = read_workbook(bytes, name) {
            for table in sheets.iter().filter_map(|s| s.table.as_ref()) {
                let parsed = to_plan(table, &guess_mapping(table), "");
                let _ = plan_core::summary::summarise(&parsed.plan, None);
            }
        }
    }
});
