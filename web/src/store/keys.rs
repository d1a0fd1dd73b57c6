//! Every local-storage key the site uses, under one prefix, so the site's entries can be
//! told from other sites' on the same origin and the prefix is written once.

macro_rules! key {
    ($name:literal) => {
        concat!("plan-explorer.", $name)
    };
}

/// What all the keys below start with.
pub const PREFIX: &str = key!("");
/// The library's index of imported plans.
pub const LIBRARY: &str = key!("library");
/// `plan.<id>`: an imported plan's source.
pub const PLAN: &str = key!("plan.");
/// `annotations.<plan id>`: notes, link corrections and the what-if scenario of a plan.
pub const ANNOTATIONS: &str = key!("annotations.");
/// `quarantine.<key>`: a copy of a value that could not be read, kept aside.
pub const QUARANTINE: &str = key!("quarantine.");
/// Preferences, plain strings read before the first render.
pub const LANG: &str = key!("lang");
pub const POPULATION: &str = key!("population");
/// The everyday unit amounts are read in (an id from the companion file).
pub const UNIT: &str = key!("unit");

pub fn plan(id: &str) -> String {
    format!("{PLAN}{id}")
}

pub fn annotations(plan_id: &str) -> String {
    format!("{ANNOTATIONS}{plan_id}")
}

pub fn quarantine(key: &str) -> String {
    format!("{QUARANTINE}{key}")
}
