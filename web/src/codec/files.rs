//! The plan files a reader downloads: CSV, canonical JSON, the Fiscal Data Package, the
//! backup with notes.

use crate::state::Data;
use crate::store::annotations::UserData;
use plan_core::annotations::Bundle;
use plan_core::export::{csv, fdp::fiscal_data_package};

/// A plan with the reader's notes: its source as kept (read again by the same reader on
/// restore), and the document's text too when that is not the source (a PDF's, a table's).
pub fn bundle(data: &Data, user: UserData) -> Bundle {
    let text = data.source.as_str();
    match &data.kept_source {
        Some(source) => Bundle::new(&data.name, source, user.annotations, user.scenario).with_text(Some(text)),
        None => Bundle::new(&data.name, text, user.annotations, user.scenario),
    }
}

/// The files of a Fiscal Data Package, as `plan_core::export::fdp` names them: a plan's
/// funding lines, or a budget book's lines.
pub fn fdp_files(plan: &plan_core::Plan) -> [&'static str; 2] {
    if plan.kind.is_plan() {
        ["datapackage.json", "funding-lines.csv"]
    } else {
        ["datapackage.json", "budget-lines.csv"]
    }
}

/// One file a reader can download about a plan.
#[derive(Clone, Copy)]
pub enum PlanFile {
    ProgrammesCsv,
    FundingLinesCsv,
    /// A budget book's whole tree, every series.
    LinesCsv,
    Json,
    /// One file of the data package (one of [`fdp_files`]).
    DataPackage(&'static str),
    /// The plan with the reader's notes, link corrections and scenario.
    Backup,
}

impl PlanFile {
    pub fn name(self, stem: &str) -> String {
        match self {
            PlanFile::ProgrammesCsv => format!("{stem}-programmes.csv"),
            PlanFile::FundingLinesCsv => format!("{stem}-funding-lines.csv"),
            PlanFile::LinesCsv => format!("{stem}-lines.csv"),
            PlanFile::Json => format!("{stem}.json"),
            PlanFile::DataPackage(name) => format!("{stem}-{name}"),
            PlanFile::Backup => format!("{stem}-with-notes.json"),
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            PlanFile::ProgrammesCsv | PlanFile::FundingLinesCsv | PlanFile::LinesCsv => "text/csv",
            PlanFile::DataPackage(_) => "application/octet-stream",
            PlanFile::Json | PlanFile::Backup => "application/json",
        }
    }
}

/// A plan file's contents, written only when asked for (a budget book's funding lines are
/// megabytes). Called through the codec.
pub(super) fn write(file: PlanFile, data: &Data, user: UserData) -> String {
    match file {
        PlanFile::ProgrammesCsv => csv::programmes_csv(&data.plan, &data.summary),
        PlanFile::FundingLinesCsv => csv::funding_lines_csv(&data.plan),
        PlanFile::LinesCsv => csv::lines_csv(&data.plan),
        PlanFile::Json => data.plan.to_json(),
        PlanFile::DataPackage(name) => fiscal_data_package(&data.plan).into_iter().find(|f| f.name == name).map(|f| f.contents).unwrap_or_default(),
        PlanFile::Backup => bundle(data, user).to_json(),
    }
}
