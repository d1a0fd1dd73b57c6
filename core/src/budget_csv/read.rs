//! Rows from bytes or text: the encoding, the delimiter, and which row is the header.

use super::{guess, Row, Table, MAX_COLUMNS, MAX_ROWS};
use crate::diagnostic::{Diagnostic, Finding};
use rust_decimal::Decimal;

/// Rows looked at for a header: a budget book's title block is a few lines, and a table
/// with no recognisable header anywhere near the top has its header on the first row.
const HEADER_SEARCH_ROWS: usize = 20;

/// Reads CSV text. The delimiter (`,`, tab or `;`) is the one the first line uses most
/// (outside quotes), so spreadsheets saved with a European locale or as TSV read too.
/// Cells are trimmed; blank lines are skipped. The header is found as [`Table::from_rows`]
/// describes.
pub fn read_table(text: &str) -> Result<Table, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter(first)).flexible(true).has_headers(false).from_reader(text.as_bytes());
    // The csv crate's own line count skips blank lines; counting line breaks before the
    // record's first byte names the line an editor shows.
    let breaks: Vec<usize> = text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i).collect();
    // A record's position is where the reader resumed, before any blank lines it skipped.
    let line_at = |p: &csv::Position| {
        let start = p.byte() as usize + text.as_bytes().get(p.byte() as usize..).unwrap_or(&[]).iter().take_while(|b| matches!(b, b'\n' | b'\r')).count();
        (breaks.partition_point(|i| *i < start) + 1).min(u32::MAX as usize) as u32
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(line_at);
            Diagnostic::error(line, Finding::BadCsv { detail: e.to_string() })
        })?;
        let line = record.position().map(line_at).unwrap_or(0);
        if record.len() > MAX_COLUMNS {
            return Err(Diagnostic::error(Some(line), Finding::TooManyColumns { count: record.len(), max: MAX_COLUMNS }));
        }
        // One over the limit, so that from_rows can tell "too many" from "exactly enough".
        if rows.len() > MAX_ROWS + HEADER_SEARCH_ROWS {
            return Err(Diagnostic::error(Some(line), Finding::TooManyRows { max: MAX_ROWS }));
        }
        rows.push(Row { line, cells: record.iter().map(|c| c.trim().to_string()).collect() });
    }
    Table::from_rows(rows)
}

/// Reads CSV or TSV bytes in UTF-8 (with or without a byte-order mark), UTF-16 or Big5
/// ([`crate::decode`]). The diagnostics are Info: the encoding when it was not UTF-8.
pub fn read_table_bytes(bytes: &[u8]) -> Result<(Table, Vec<Diagnostic>), Diagnostic> {
    let decoded = crate::decode::decode(bytes)?;
    let table = read_table(&decoded.text)?;
    Ok((table, decoded.diagnostic().into_iter().collect()))
}

impl Table {
    /// A table from rows as read (CSV records, spreadsheet rows). The header is the first
    /// row, among the first 20, that names a level, name or amount column
    /// ([`guess::is_header`]); rows above it are the title block, kept in
    /// [`Table::title`] (blank ones dropped). With no such row the first row is the header.
    pub fn from_rows(rows: Vec<Row>) -> Result<Table, Diagnostic> {
        let mut rows: Vec<Row> = rows.into_iter().filter(|r| r.cells.iter().any(|c| !c.is_empty())).collect();
        if rows.is_empty() {
            return Err(Diagnostic::error(Some(1), Finding::Empty));
        }
        let at = rows.iter().take(HEADER_SEARCH_ROWS).position(|r| guess::is_header(&r.cells)).unwrap_or(0);
        let mut rest = rows.split_off(at);
        let title = rows.into_iter().map(|r| (r.line, r.cells.iter().filter(|c| !c.is_empty()).cloned().collect::<Vec<_>>().join(" "))).collect();
        let mut header = rest.remove(0);
        // A two-row header (科目 over 款/項/目/節/名稱及編號, 本年度預算數 over 經常門/資本門/
        // 合計, as merged cells come out): the lower row names the column where it says
        // anything, the upper row elsewhere.
        if rest.first().is_some_and(|r| guess::is_header(&r.cells) && !r.cells.iter().any(|c| matches!(parse_amount(c), Amount::Value(_)))) {
            let lower = rest.remove(0);
            // Every column already named: the second row is the header again in another
            // language (a civic-tech CSV's Chinese names under its English ones), not a part.
            let adds = lower.cells.iter().enumerate().any(|(i, c)| !c.is_empty() && header.cells.get(i).is_none_or(|u| u.is_empty()));
            if !adds {
                return finish_table(header, rest, title);
            }
            header.cells.resize(header.cells.len().max(lower.cells.len()), String::new());
            for (upper, below) in header.cells.iter_mut().zip(lower.cells) {
                if !below.is_empty() {
                    *upper = below;
                }
            }
        }
        finish_table(header, rest, title)
    }
}

fn finish_table(header: Row, rest: Vec<Row>, title: Vec<(u32, String)>) -> Result<Table, Diagnostic> {
    if rest.len() > MAX_ROWS {
        return Err(Diagnostic::error(Some(rest[MAX_ROWS].line), Finding::TooManyRows { max: MAX_ROWS }));
    }
    let mut table = Table { headers: header.cells, rows: rest, title, header_line: header.line };
    guess::sum_parts(&mut table);
    Ok(table)
}

fn delimiter(header: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in header.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b'\t' if !quoted => counts[1] += 1,
            b';' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    // Ties go to the comma, the format's namesake.
    let best = (0..3).fold(0, |b, i| if counts[i] > counts[b] { i } else { b });
    [b',', b'\t', b';'][best]
}

/// An amount cell as budget books write it.
pub(super) enum Amount {
    Blank,
    Value(Decimal),
    Bad,
}

/// Reads `1,234`, full-width digits, `-` (nil, as budget books print zero) and the
/// accounting negatives `(1,234)` and `△1,234` (the 減 sign of Taiwanese budget tables).
pub(super) fn parse_amount(cell: &str) -> Amount {
    let s = cell.trim();
    if s.is_empty() {
        return Amount::Blank;
    }
    if matches!(s, "-" | "－" | "—" | "–") {
        return Amount::Value(Decimal::ZERO);
    }
    let s = s.strip_prefix("NT$").or_else(|| s.strip_prefix('$')).unwrap_or(s);
    let (negative, s) = if let Some(inner) = s.strip_prefix(['(', '（']).and_then(|r| r.strip_suffix([')', '）'])) {
        (true, inner)
    } else if let Some(rest) = s.strip_prefix(['△', '▲']) {
        (true, rest)
    } else {
        (false, s)
    };
    match crate::money::parse_decimal(s) {
        Some(d) if negative => Amount::Value(-d),
        Some(d) => Amount::Value(d),
        None => Amount::Bad,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_delimiter_of_the_header() {
        assert_eq!(delimiter("a,b,c"), b',');
        assert_eq!(delimiter("a\tb\tc"), b'\t');
        assert_eq!(delimiter("a;b;\"c,d,e\""), b';');
        assert_eq!(delimiter("abc"), b',');
        let t = read_table("\u{feff}款;名稱;金額\n1; 一般 ;1.000,5\n").unwrap();
        assert_eq!(t.headers, ["款", "名稱", "金額"]);
        assert_eq!(t.rows[0].cells, ["1", "一般", "1.000,5"]);
    }

    #[test]
    fn title_lines_above_the_header_are_kept_apart() {
        let t = read_table("某市 112年度總預算,,\n\n單位：元,,\n款,名,總額\n1,甲,1000\n").unwrap();
        assert_eq!(t.title, [(1, "某市 112年度總預算".to_string()), (3, "單位：元".to_string())]);
        assert_eq!((t.headers.len(), t.header_line, t.rows[0].line), (3, 4, 5));
        // A header over two rows, as merged cells are saved.
        let t = read_table("科目,,,,,本年度預算數,,\n款,項,目,名稱及編號,,經常門,資本門,合計\n1,,,甲,,10,5,15\n").unwrap();
        assert_eq!(t.headers, ["款", "項", "目", "名稱及編號", "", "經常門", "資本門", "合計"]);
        assert_eq!((t.header_line, t.rows.len(), t.rows[0].line), (1, 1, 3));
        let m = crate::budget_csv::guess_mapping(&t);
        assert_eq!((m.levels.len(), m.name, m.amount), (3, Some(3), Some(7)));
        // Nothing looks like a header: the first row is it, as before.
        let t = read_table("a,b\n1,2\n").unwrap();
        assert_eq!((t.headers, t.title.len()), (vec!["a".to_string(), "b".to_string()], 0));
    }

    #[test]
    fn reads_budget_book_amounts() {
        let v = |s| match parse_amount(s) {
            Amount::Value(d) => Some(d.to_string()),
            _ => None,
        };
        assert_eq!(v("1,234"), Some("1234".into()));
        assert_eq!(v("１２３"), Some("123".into()));
        assert_eq!(v("(1,234)"), Some("-1234".into()));
        assert_eq!(v("△5"), Some("-5".into()));
        assert_eq!(v("-"), Some("0".into()));
        assert_eq!(v("abc"), None);
        assert!(matches!(parse_amount("  "), Amount::Blank));
    }
}
