//! Names from the document stay Chinese; in English the gloss is shown beside them.

use crate::i18n::Lang;
use leptos::prelude::*;

/// `就業服務` / `就業服務 — Employment services`.
pub fn with_gloss(lang: Lang, zh: &str, gloss: Option<&str>) -> String {
    match (lang, gloss) {
        (Lang::En, Some(g)) => format!("{zh} — {g}"),
        _ => zh.to_string(),
    }
}

/// The Chinese name, with the English gloss on its own line in English.
#[component]
pub fn Name(lang: Lang, zh: String, gloss: Option<String>) -> impl IntoView {
    view! {
        <span class="name" lang="zh-Hant-TW">{zh}</span>
        {(lang == Lang::En).then(|| gloss.map(|g| view! { <span class="gloss" lang="en">{g}</span> }))}
    }
}

/// `text` cut to at most `max` characters, the last being `…` when cut (charts and
/// one-line previews; tables and accessible names keep the whole text).
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max.saturating_sub(1)).collect::<String>())
    }
}
