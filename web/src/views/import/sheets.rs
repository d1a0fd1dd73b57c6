//! A spreadsheet's sheets, offered by name: the reader picks the one that holds the budget
//! (a book often has a cover sheet, notes, or one sheet per year), and maps its columns.

use super::mapping::MapColumns;
use crate::i18n::Lang;
use leptos::prelude::*;
use plan_core::budget_csv::Table;
use plan_core::{Diagnostic, SourceFile};
use std::sync::Arc;

/// One sheet as read: its name and its table, if it has a header and rows.
pub type Sheet = (String, Option<Arc<Table>>);

#[component]
pub fn SheetPicker(lang: Lang, sheets: Arc<Vec<Sheet>>, read: Arc<Vec<Diagnostic>>, origin: Arc<SourceFile>) -> impl IntoView {
    // The first sheet with a table opens; empty sheets are listed (so none seems lost) but
    // cannot be chosen.
    let first = sheets.iter().position(|(_, t)| t.is_some()).unwrap_or(0);
    let chosen = RwSignal::new(first);
    let options = sheets
        .iter()
        .enumerate()
        .map(|(i, (name, table))| {
            let label = match (lang, table) {
                (_, Some(t)) => format!(
                    "{name}（{}）",
                    match lang {
                        Lang::Zh => format!("{} 列", t.rows.len()),
                        Lang::En => format!("{} rows", t.rows.len()),
                    }
                ),
                (Lang::Zh, None) => format!("{name}（空白）"),
                (Lang::En, None) => format!("{name} (empty)"),
            };
            view! { <option value=i.to_string() selected=i == first disabled=table.is_none()>{label}</option> }
        })
        .collect_view();
    let count = sheets.len();
    view! {
        <p class="sheet-picker" data-testid="sheet-picker">
            <label for="sheet">{match lang { Lang::Zh => format!("工作表（共 {count} 個）"), Lang::En => format!("Sheet ({count} in all)") }}</label>
            <select id="sheet" on:change=move |ev| if let Ok(i) = event_target_value(&ev).parse() { chosen.set(i) }>{options}</select>
        </p>
        {move || {
            let (name, table) = sheets.get(chosen.get()).cloned().unwrap_or_default();
            // The sheet is part of where every line came from.
            let origin = Arc::new(SourceFile { sheet: Some(name), ..(*origin).clone() });
            table.map(|table| view! { <MapColumns lang=lang table=table read=read.clone() origin=origin/> })
        }}
    }
}
