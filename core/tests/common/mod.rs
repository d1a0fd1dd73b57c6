//! Helpers shared by the fixture tests (text and PDF read to the same expected facts).

use plan_core::diagnostic::Finding;
use plan_core::Diagnostic;

/// The funding sources a reading named but did not recognise, in order.
pub fn unrecognised_sources(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .filter_map(|d| match &d.finding {
            Finding::UnrecognisedSource { name, .. } => Some(name.clone()),
            _ => None,
        })
        .collect()
}
