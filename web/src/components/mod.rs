//! Small pieces shared by pages.

pub mod chart_item;
pub mod embed;
pub mod funding_bar;
pub mod names;
pub mod palette;
