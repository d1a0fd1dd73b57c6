//! Embedding: chart-only routes (`/embed/treemap`, …) render without the site's header and
//! footer, for an `<iframe>`; each chart page offers the snippet to copy.

use crate::i18n::Lang;
use crate::routes::{from_path, Base, Page};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// True on `/embed/...` routes, where the site chrome is hidden. A memo, so the header and
/// footer are rebuilt only when that changes, not on every navigation.
pub fn is_embedded() -> Memo<bool> {
    let pathname = use_location().pathname;
    let base = use_context::<Base>().map(|b| b.0).unwrap_or_default();
    Memo::new(move |_| pathname.with(|p| from_path(p.strip_prefix(base.as_str()).unwrap_or(p)).is_some_and(|a| a.page.is_embed())))
}

/// The `<iframe>` snippet for a chart, with a button that copies it.
#[component]
pub fn EmbedSnippet(lang: Lang, chart: Page) -> impl IntoView {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let src = format!("{origin}{}", chart.href());
    let title = lang.pick("施政計畫透視", "Plan Explorer");
    let snippet = format!(r#"<iframe src="{src}" title="{title}" width="100%" height="640" style="border:0" loading="lazy"></iframe>"#);
    let copied = RwSignal::new(false);
    let to_copy = snippet.clone();
    let id = format!("embed-{}", chart.pattern().trim_start_matches("/embed/"));
    view! {
        <details class="embed">
            <summary>{lang.pick("嵌入此圖", "Embed this chart")}</summary>
            <label for=id.clone()>{lang.pick("將這段 HTML 貼到你的網頁：", "Paste this HTML into your page:")}</label>
            <textarea id=id readonly rows="3">{snippet}</textarea>
            <button type="button" on:click=move |_| {
                let _ = window().navigator().clipboard().write_text(&to_copy);
                copied.set(true);
            }>{lang.pick("複製", "Copy")}</button>
            <span role="status">{move || if copied.get() { lang.pick("已複製", "Copied") } else { "" }}</span>
        </details>
    }
}

/// The frame around an embedded chart: a link back to the full site.
#[component]
pub fn Embedded(children: Children) -> impl IntoView {
    let lang = crate::state::use_ui().lang;
    view! {
        <div class="embedded">
            {children()}
            <p class="embed-credit">
                <a href=Page::Overview.href() target="_blank" rel="noopener">{move || lang.get().pick("施政計畫透視 · 看完整資料 ↗", "Plan Explorer · full data ↗")}</a>
            </p>
        </div>
    }
}
