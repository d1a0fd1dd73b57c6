//! A programme (計畫): one row of the budget table — what will be done, for how much,
//! and who pays.

use crate::book::LineFacts;
use crate::money::Money;
use crate::span::Span;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Programme {
    /// The number in the table (一、 = 1).
    pub number: u32,
    pub name: String,
    /// Implementation items (實施內容), in document order.
    pub items: Vec<Item>,
    pub budget: Money,
    /// Funding notes (備註), in document order, as written.
    pub funding: Vec<FundingNote>,
    /// Classification path (e.g. 款/項/目 names) for plans read from a budget book;
    /// empty for a 施政計畫 row.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub classification: Vec<String>,
    /// A budget book's figures for the line (code, parent, last year, actual, change,
    /// explanation); absent for a 施政計畫 row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub book: Option<Box<LineFacts>>,
    /// The whole row.
    pub span: Span,
    /// Where the budget figure was read.
    pub budget_span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// `(一)` = 1; `None` when the cell is one unnumbered paragraph.
    pub number: Option<u32>,
    pub text: String,
    pub span: Span,
}

/// One source named in the note column, e.g. `中央補助款 38,499千元`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundingNote {
    /// The canonical source name (aliases resolved: 權益基金 → 勞工權益基金).
    pub source: String,
    /// The name as the document wrote it, if different.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written_as: Option<String>,
    pub amount: Money,
    pub span: Span,
}

impl Programme {
    /// All implementation text, joined (for search and linking).
    pub fn items_text(&self) -> String {
        self.items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>().join("")
    }

    pub fn noted_total(&self) -> Money {
        self.funding.iter().map(|n| n.amount).sum()
    }
}
