//! `plan-core`: everything about a 施政計畫 (annual administrative plan) that is not the web.
//!
//! The flow is: plan text → [`parser::parse`] → [`Plan`] (+ [`Diagnostic`]s) →
//! arithmetic ([`money`], [`funding`], [`shares`], [`rollup`]) → chart shapes ([`geometry`])
//! and files ([`export`]). Nothing here touches a browser; the `plan-web` crate only renders
//! what these functions return.

pub mod annotations;
pub mod book;
pub mod book_table;
pub mod book_treemap;
pub mod budget_csv;
pub mod changes;
pub mod charts;
pub mod compare;
pub mod decode;
pub mod diagnostic;
pub mod export;
pub mod funding;
pub mod geometry;
pub mod library_backup;
pub mod links;
pub mod meta;
pub mod money;
pub mod order;
pub mod parser;
pub mod pdf;
pub mod plan;
pub mod prepared;
pub mod programme;
pub mod rollup;
pub mod scenario;
pub mod series;
pub mod shares;
pub mod span;
pub mod spreadsheet;
pub mod summary;
pub mod synth;
pub mod text;

pub use book::{DocumentKind, Group, LineFacts, Tree, TreeRef};
pub use diagnostic::{Diagnostic, Severity};
pub use funding::{FundingKind, FundingSource};
pub use money::Money;
pub use plan::{Goal, Mission, Plan, Strategy, StrategyId, Vision, SCHEMA_VERSION};
pub use programme::{FundingNote, Item, Programme};
pub use span::{SourceFile, SourceText, Span};

/// The bundled FY111 Taoyuan City Labor Bureau plan, as published (text extracted from the PDF).
pub const SEED_PLAN_TEXT: &str = include_str!("../../assets/plans/taoyuan-labor-111-plan.txt");
