//! One module per page.

pub mod book_table;
pub mod book_treemap;
pub mod changes;
pub mod compare;
pub mod flow;
pub mod goals;
pub mod import;
pub mod library;
pub mod methods;
pub mod not_found;
pub mod notes;
pub mod overview;
pub mod plot;
pub mod programme;
pub mod storage_problems;
pub mod table;
pub mod treemap;
pub mod whatif;
pub mod years;
