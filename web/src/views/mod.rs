//! One module per page.

pub mod flow;
pub mod goals;
pub mod import;
pub mod not_found;
pub mod overview;
pub mod programme;
pub mod table;
pub mod treemap;
