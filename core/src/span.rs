//! Where a parsed element came from in the source text.

use serde::{Deserialize, Serialize};

/// A range of 1-based, inclusive line numbers in the original plan text.
/// Every parsed element keeps one, so any figure can be traced to the line it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn line(line: u32) -> Self {
        Span { start: line, end: line }
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        if self == Span::default() {
            return other;
        }
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    pub fn lines(self) -> std::ops::RangeInclusive<u32> {
        self.start..=self.end
    }
}

/// A plan's source text with an index of where each line starts, so the lines of a span are
/// found without reading the text from the top (a programme page shows several spans; in a
/// 10,000-programme plan each scan took milliseconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    text: String,
    starts: Vec<usize>,
}

impl SourceText {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).filter(|&i| i < text.len()).collect();
        SourceText { text: text.to_string(), starts }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Lines `span.start..=span.end` (1-based) with their numbers, as `str::lines` splits them
    /// (without the `\n` or `\r\n`); lines past the end are left out.
    pub fn lines(&self, span: Span) -> Vec<(u32, &str)> {
        span.lines()
            .filter(|&n| n >= 1)
            .map_while(|n| {
                let start = *self.starts.get(n as usize - 1)?;
                let end = self.starts.get(n as usize).copied().unwrap_or(self.text.len());
                let line = &self.text[start..end];
                Some((
                    n,
                    match line.strip_suffix('\n') {
                        Some(l) => l.strip_suffix('\r').unwrap_or(l),
                        None => line,
                    },
                ))
            })
            .collect()
    }
}

/// The file a plan was read from, when it was not plain text: recorded in the canonical
/// JSON so a figure can be traced to the published document itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceFile {
    /// `pdf`.
    pub format: String,
    pub file_name: String,
    /// SHA-256 of the file's bytes, in hex.
    pub sha256: String,
    pub pages: u32,
    /// The line each page starts at. Spans count lines through the whole document (one per
    /// text line of the PDF, top to bottom, page after page), so they index its text.
    #[serde(default)]
    pub page_starts: Vec<u32>,
    /// The sheet a spreadsheet's table was read from; spans are then its row numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

impl SourceFile {
    /// A file read whole (a CSV or a spreadsheet): its name, format and fingerprint.
    #[cfg(any(feature = "pdf", feature = "spreadsheet"))]
    pub fn of_bytes(format: &str, file_name: &str, bytes: &[u8]) -> SourceFile {
        SourceFile { format: format.into(), file_name: file_name.into(), sha256: sha256_hex(bytes), pages: 0, page_starts: Vec::new(), sheet: None }
    }

    /// A document-wide line as (page, line within the page), both 1-based: "第 2 頁 第 14 行".
    pub fn place(&self, line: u32) -> Option<(u32, u32)> {
        let at = self.page_starts.partition_point(|s| *s <= line).checked_sub(1)?;
        Some((at as u32 + 1, line - self.page_starts[at] + 1))
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.start == self.end {
            write!(f, "line {}", self.start)
        } else {
            write!(f, "lines {}–{}", self.start, self.end)
        }
    }
}

/// The SHA-256 of `bytes` in lower-case hex: a document's fingerprint in its provenance.
#[cfg(any(feature = "pdf", feature = "spreadsheet"))]
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the index must agree with: numbering `str::lines` and keeping the span's lines.
    fn by_scanning(text: &str, span: Span) -> Vec<(u32, &str)> {
        text.lines().enumerate().map(|(i, l)| (i as u32 + 1, l)).filter(|(n, _)| span.lines().contains(n)).collect()
    }

    #[test]
    fn lines_of_a_span() {
        let s = SourceText::new("壹、願景\r\n一、目標\n\n三、策略");
        assert_eq!(s.lines(Span { start: 2, end: 3 }), vec![(2, "一、目標"), (3, "")]);
        assert_eq!(s.lines(Span::line(4)), vec![(4, "三、策略")]);
        assert_eq!(s.lines(Span::line(5)), vec![]);
        assert_eq!(s.lines(Span::default()), vec![]);
    }

    #[test]
    fn a_line_of_a_pdf_is_placed_on_its_page() {
        let f = SourceFile { format: "pdf".into(), file_name: "a.pdf".into(), sha256: String::new(), pages: 3, page_starts: vec![1, 40, 40], sheet: None };
        assert_eq!((f.place(1), f.place(39), f.place(40), f.place(52), f.place(0)), (Some((1, 1)), Some((1, 39)), Some((3, 1)), Some((3, 13)), None));
    }

    proptest! {
        #[test]
        fn the_index_agrees_with_scanning(text in "[a-c\r\n一]{0,40}", start in 0u32..12, len in 0u32..6) {
            let span = Span { start, end: start + len };
            let source = SourceText::new(&text);
            prop_assert_eq!(source.lines(span), by_scanning(&text, span));
        }
    }
}
