//! Small pieces shared by pages.

pub mod book_line;
pub mod book_tree;
pub mod chart_item;
pub mod disclosure;
pub mod document_line;
pub mod downloads;
pub mod embed;
pub mod everyday;
pub mod funding_bar;
pub mod later;
pub mod link_editor;
pub mod names;
pub mod no_budget;
pub mod note;
pub mod palette;
pub mod ranked_bars;
pub mod small_items;
