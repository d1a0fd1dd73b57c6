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

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.start == self.end {
            write!(f, "line {}", self.start)
        } else {
            write!(f, "lines {}–{}", self.start, self.end)
        }
    }
}
