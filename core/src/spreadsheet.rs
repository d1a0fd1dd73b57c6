//! Budget books as spreadsheets (.xlsx, .xls, .ods): every sheet as a [`Table`] of text,
//! read by [`crate::budget_csv`] like a CSV. Recognising a spreadsheet ([`kind`]) is always
//! compiled; reading one needs the `spreadsheet` feature (calamine, a zip and an XML
//! reader), so a build that never reads spreadsheets does not carry them.
//!
//! Numbers become text as the spreadsheet shows them, not as binary floating point holds
//! them ([`number_text`]): whole numbers exactly (1200500.0 → `1200500`, every integer a
//! double holds, so every integer of up to 15 digits), fractions to Excel's 15
//! significant digits (0.1 + 0.2 → `0.3`).

use crate::budget_csv::Table;

/// The spreadsheet formats read, told by their first bytes (a file's name can lie).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// Office Open XML (.xlsx): a zip archive.
    Xlsx,
    /// OpenDocument (.ods): a zip archive whose first entry names its type.
    Ods,
    /// Excel 97–2003 (.xls): a compound file.
    Xls,
}

/// What the bytes are, or `None` for anything else (text, CSV, a PDF, a broken file
/// whose first bytes are already wrong). A zip archive is .ods when its `mimetype` entry
/// says so, else .xlsx.
pub fn kind(bytes: &[u8]) -> Option<Kind> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some(Kind::Xls)
    } else if bytes.starts_with(b"PK\x03\x04") {
        let head = &bytes[..bytes.len().min(200)];
        Some(if head.windows(39).any(|w| w == b"application/vnd.oasis.opendocument.spre") { Kind::Ods } else { Kind::Xlsx })
    } else {
        None
    }
}

/// True for a file name a spreadsheet usually has.
pub fn has_spreadsheet_name(file_name: &str) -> bool {
    let lower = file_name.to_lowercase();
    [".xlsx", ".xlsm", ".xls", ".ods"].iter().any(|e| lower.ends_with(e))
}

/// One sheet: its name and its rows; `table` is `None` when the sheet has no cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    pub table: Option<Table>,
}

impl Sheet {
    /// A header with at least one row under it: something to read.
    pub fn has_rows(&self) -> bool {
        self.table.as_ref().is_some_and(|t| !t.rows.is_empty())
    }
}

/// The first sheet with rows, or Finding::NoSheet.
pub fn first_with_rows(sheets: &[Sheet]) -> Result<&Sheet, crate::Diagnostic> {
    sheets.iter().find(|s| s.has_rows()).ok_or_else(|| crate::Diagnostic::error(None, crate::diagnostic::Finding::NoSheet))
}

/// A number as the spreadsheet shows it (see the module comment).
pub fn number_text(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    if v.fract() == 0.0 {
        // Rust prints a whole double with all its digits and no `.0`.
        return format!("{}", v);
    }
    let rounded: f64 = format!("{v:.14e}").parse().unwrap_or(v);
    format!("{}", rounded)
}

#[cfg(feature = "spreadsheet")]
pub use read::{read_workbook, MAX_BYTES, MAX_UNPACKED};

#[cfg(feature = "spreadsheet")]
mod read;

#[cfg(feature = "spreadsheet")]
mod cfb;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(number_text(1200500.0), "1200500");
        assert_eq!(number_text(12_345_678_000.0), "12345678000");
        assert_eq!(number_text(999_999_999_999_999.0), "999999999999999");
        assert_eq!(number_text(9_007_199_254_740_993.0), "9007199254740992", "beyond 2^53 the double itself is rounded");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(1234.56 + 0.01), "1234.57");
        assert_eq!(number_text(-5.0), "-5");
        assert_eq!(number_text(0.5), "0.5");
        assert_eq!(number_text(1e-7), "0.0000001");
    }

    proptest::proptest! {
        #[test]
        fn integers_of_up_to_15_digits_keep_every_digit(n in -999_999_999_999_999i64..=999_999_999_999_999) {
            proptest::prop_assert_eq!(number_text(n as f64), n.to_string());
        }

        #[test]
        fn cents_read_as_cents(n in -99_999_999_999i64..=99_999_999_999) {
            // A sum of cents in a double, as a spreadsheet stores 1234.56.
            let want = rust_decimal::Decimal::new(n, 2).normalize().to_string();
            proptest::prop_assert_eq!(number_text(n as f64 / 100.0), want);
        }
    }

    #[test]
    fn kinds_by_their_first_bytes() {
        assert_eq!(kind(b"PK\x03\x04\x14\x00\x00\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheet"), Some(Kind::Ods));
        assert_eq!(kind(b"PK\x03\x04[Content_Types].xml"), Some(Kind::Xlsx));
        assert_eq!(kind(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]), Some(Kind::Xls));
        assert_eq!(kind("款,項\n".as_bytes()), None);
        assert!(has_spreadsheet_name("Book1.XLSX") && !has_spreadsheet_name("book.csv"));
    }
}
