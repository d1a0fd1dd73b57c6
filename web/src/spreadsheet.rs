//! Budget books as spreadsheets (.xlsx, .xls, .ods). Reading one takes calamine, a zip and
//! an XML reader — more code than the rest of the import page — so it is a wasm chunk of
//! its own (`#[wasm_split]`), fetched only when the reader chooses such a file.

use leptos::wasm_split::{wasm_split, SplitLoaderError};
use plan_core::spreadsheet::Sheet;
use plan_core::Diagnostic;

#[wasm_split(spreadsheet, wasm_split_path = ::leptos::wasm_split, fallible)]
fn read_in_chunk(bytes: Vec<u8>, file_name: String) -> Result<Result<Vec<Sheet>, Diagnostic>, SplitLoaderError> {
    Ok(plan_core::spreadsheet::read_workbook(&bytes, &file_name))
}

/// True when the bytes are a spreadsheet (by their first bytes; a name can lie), or are
/// named like one (a broken one is then reported as a spreadsheet, not as odd text).
pub fn is_spreadsheet(bytes: &[u8], file_name: &str) -> bool {
    plan_core::spreadsheet::kind(bytes).is_some() || plan_core::spreadsheet::has_spreadsheet_name(file_name)
}

/// Every sheet of the workbook, or why it cannot be read; `Err(None)` when the reading
/// code itself did not download (offline before the site was cached).
pub async fn read(bytes: Vec<u8>, file_name: String) -> Result<Vec<Sheet>, Option<Diagnostic>> {
    match read_in_chunk(bytes, file_name).await {
        Ok(result) => result.map_err(Some),
        Err(_) => Err(None),
    }
}
