//! The plan files a reader downloads: CSV, canonical JSON, the Fiscal Data Package, the
//! backup with notes.

use crate::components::downloads::{bundle, PlanFile, FDP_FILES};
use crate::state::Data;
use crate::store::annotations::UserData;
use plan_core::export::{csv, fdp::fiscal_data_package};

/// A plan file's contents, written only when asked for (a budget book's funding lines are
/// megabytes). Called through the codec.
pub(super) fn write(file: PlanFile, data: &Data, user: UserData) -> String {
    match file {
        PlanFile::ProgrammesCsv => csv::programmes_csv(&data.plan, &data.summary),
        PlanFile::FundingLinesCsv => csv::funding_lines_csv(&data.plan),
        PlanFile::Json => data.plan.to_json(),
        PlanFile::DataPackage(i) => fiscal_data_package(&data.plan).into_iter().find(|f| f.name == FDP_FILES[i]).map(|f| f.contents).unwrap_or_default(),
        PlanFile::Backup => bundle(data, user).to_json(),
    }
}
