//! Files a plan can be written as: canonical JSON ([`crate::Plan::to_json`]), CSV of
//! programmes and of funding lines ([`csv`]), and a Fiscal Data Package ([`fdp`]) that
//! OpenSpending tools load.

pub mod csv;
pub mod fdp;

/// A file to write: a name relative to the output directory, and its contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    pub name: String,
    pub contents: String,
}

/// A file-name-safe slug for a plan, e.g. `勞動局-111`.
pub fn slug(plan: &crate::Plan) -> String {
    let agency: String = plan.agency.chars().filter(|c| c.is_alphanumeric()).collect();
    let agency = if agency.is_empty() { "plan".to_string() } else { agency };
    format!("{agency}-{}", plan.year)
}
