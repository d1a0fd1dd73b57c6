//! The calamine side: workbook bytes to [`Sheet`]s, refusing what would freeze or exhaust
//! a browser tab before calamine is asked to expand it.

use super::{kind, number_text, Kind, Sheet};
use crate::budget_csv::{Row, Table, MAX_COLUMNS, MAX_ROWS};
use crate::diagnostic::{Diagnostic, Finding};
use calamine::{Data, DataRef, Reader};
use std::io::Cursor;

/// Larger files are refused: a city's whole budget book is a few megabytes.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;
/// What the archive's entries may expand to (a zip bomb declares far more).
pub const MAX_UNPACKED: u64 = 400 * 1024 * 1024;

fn bad(detail: impl Into<String>) -> Diagnostic {
    Diagnostic::error(None, Finding::BadSpreadsheet { detail: detail.into() })
}

/// Every sheet of a workbook, in order, each as a table of text ([`Table::from_rows`]
/// finds its title block and header; row numbers are the sheet's own, from 1). The format
/// is told by the bytes ([`kind`]); `file_name` only words the error when they are no
/// spreadsheet. Broken, truncated, password-protected or oversized files give
/// Finding::BadSpreadsheet naming what failed.
pub fn read_workbook(bytes: &[u8], file_name: &str) -> Result<Vec<Sheet>, Diagnostic> {
    if bytes.len() > MAX_BYTES {
        return Err(bad(format!("{} MB is more than the {} MB a spreadsheet may have", bytes.len() / 1_048_576, MAX_BYTES / 1_048_576)));
    }
    let Some(kind) = kind(bytes) else {
        let ext = file_name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
        return Err(bad(format!("the file is not a spreadsheet (its first bytes are no zip archive or Excel file, whatever its name `.{ext}` says)")));
    };
    // calamine has panicked on malformed files before; a native build turns that into an
    // error (the wasm release build aborts on panic, so there this guard does nothing).
    std::panic::catch_unwind(|| match kind {
        Kind::Xlsx => check_unpacked_size(bytes).and_then(|_| xlsx(bytes)),
        Kind::Ods => {
            check_unpacked_size(bytes)?;
            dense(calamine::Ods::new(Cursor::new(bytes)).map_err(|e| bad(format!("ods: {e}")))?)
        }
        Kind::Xls => {
            super::cfb::check(bytes).map_err(|e| bad(format!("the .xls container is damaged: {e}")))?;
            dense(calamine::Xls::new(Cursor::new(bytes)).map_err(|e| bad(format!("xls: {e}")))?)
        }
    })
    .unwrap_or_else(|_| Err(bad("the spreadsheet reader failed on this file")))
}

fn check_unpacked_size(bytes: &[u8]) -> Result<(), Diagnostic> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| bad(format!("not a readable zip archive: {e}")))?;
    let mut total = 0u64;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| bad(format!("zip entry {i}: {e}")))?;
        total = total.saturating_add(entry.size());
    }
    if total > MAX_UNPACKED {
        return Err(bad(format!("it unpacks to {} MB, more than {} MB", total / 1_048_576, MAX_UNPACKED / 1_048_576)));
    }
    Ok(())
}

/// Cells as text, in sheet rows; `None` for an empty cell.
fn text(d: &Data) -> Option<String> {
    match d {
        Data::Empty => None,
        Data::Int(i) => Some(i.to_string()),
        Data::Float(f) => Some(number_text(*f)),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Some(s.trim().to_string()),
        Data::Bool(b) => Some(b.to_string()),
        Data::DateTime(d) => Some(d.to_string()),
        Data::Error(e) => Some(e.to_string()),
    }
}

/// Collects cells (row, column, text) in any order into rows, refusing positions beyond
/// the limits before anything is allocated for them.
#[derive(Default)]
struct Rows {
    rows: std::collections::BTreeMap<u32, Vec<String>>,
}

impl Rows {
    fn put(&mut self, row: u32, col: u32, value: Option<String>) -> Result<(), Diagnostic> {
        let Some(value) = value.filter(|v| !v.is_empty()) else { return Ok(()) };
        if col as usize >= MAX_COLUMNS {
            return Err(Diagnostic::error(Some(row + 1), Finding::TooManyColumns { count: col as usize + 1, max: MAX_COLUMNS }));
        }
        if self.rows.len() > MAX_ROWS + 20 {
            return Err(Diagnostic::error(Some(row + 1), Finding::TooManyRows { max: MAX_ROWS }));
        }
        let cells = self.rows.entry(row).or_default();
        if cells.len() <= col as usize {
            cells.resize(col as usize + 1, String::new());
        }
        cells[col as usize] = value;
        Ok(())
    }

    fn table(self) -> Result<Option<Table>, Diagnostic> {
        if self.rows.is_empty() {
            return Ok(None);
        }
        let rows = self.rows.into_iter().map(|(r, cells)| Row { line: r.saturating_add(1), cells }).collect();
        Table::from_rows(rows).map(Some)
    }
}

/// .xlsx cell by cell: a sheet that claims a cell at XFD1048576 costs one cell, not a
/// grid of seventeen billion.
fn xlsx(bytes: &[u8]) -> Result<Vec<Sheet>, Diagnostic> {
    let mut book = calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| bad(format!("xlsx: {e}")))?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let mut rows = Rows::default();
        let mut cells = book.worksheet_cells_reader(&name).map_err(|e| bad(format!("sheet `{name}`: {e}")))?;
        while let Some(cell) = cells.next_cell().map_err(|e| bad(format!("sheet `{name}`: {e}")))? {
            let (r, c) = cell.get_position();
            let value = match cell.get_value() {
                DataRef::SharedString(s) => Some(s.trim().to_string()),
                DataRef::Int(i) => Some(i.to_string()),
                DataRef::Float(f) => Some(number_text(*f)),
                DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Some(s.trim().to_string()),
                DataRef::Bool(b) => Some(b.to_string()),
                DataRef::DateTime(d) => Some(d.to_string()),
                DataRef::Error(e) => Some(e.to_string()),
                DataRef::Empty => None,
            };
            rows.put(r, c, value)?;
        }
        drop(cells);
        sheets.push(Sheet { table: rows.table()?, name });
    }
    Ok(sheets)
}

/// .ods and .xls through calamine's grid of the used range (their formats bound it:
/// 65,536 × 256 cells for .xls; see the README for what that leaves open).
fn dense<'a, R: Reader<Cursor<&'a [u8]>>>(mut book: R) -> Result<Vec<Sheet>, Diagnostic>
where
    R::Error: std::fmt::Display,
{
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| bad(format!("sheet `{name}`: {e}")))?;
        let (height, width) = range.get_size();
        if width > MAX_COLUMNS {
            return Err(Diagnostic::error(None, Finding::TooManyColumns { count: width, max: MAX_COLUMNS }));
        }
        if height > MAX_ROWS + 20 {
            return Err(Diagnostic::error(None, Finding::TooManyRows { max: MAX_ROWS }));
        }
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut rows = Rows::default();
        for (i, row) in range.rows().enumerate() {
            for (j, cell) in row.iter().enumerate() {
                rows.put(r0 + i as u32, c0 + j as u32, text(cell))?;
            }
        }
        sheets.push(Sheet { table: rows.table()?, name });
    }
    Ok(sheets)
}
