//! What the parser and validator say about input they could not fully trust.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    /// The plan cannot be trusted as read (a figure is missing or contradicts another).
    Error,
}

/// One finding, tied to the 1-based line it concerns (if any).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub line: Option<u32>,
    /// A stable, machine-readable code such as `budget-not-a-number`.
    pub code: String,
    pub message: String,
}

impl Diagnostic {
    pub fn new(severity: Severity, line: Option<u32>, code: &str, message: impl Into<String>) -> Self {
        Diagnostic { severity, line, code: code.to_string(), message: message.into() }
    }
    pub fn error(line: Option<u32>, code: &str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, line, code, message)
    }
    pub fn warning(line: Option<u32>, code: &str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, line, code, message)
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        match self.line {
            Some(l) => write!(f, "{sev}: line {l}: {} [{}]", self.message, self.code),
            None => write!(f, "{sev}: {} [{}]", self.message, self.code),
        }
    }
}

pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}
