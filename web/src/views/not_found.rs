use crate::routes::Page;
use crate::state::use_ui;
use leptos::prelude::*;
use leptos_router::components::A;

/// A mangled or unknown URL: say so, and offer the way back.
#[component]
pub fn NotFound() -> impl IntoView {
    let ui = use_ui();
    view! {
        <section class="page">
            <h1>{move || ui.lang.get().pick("找不到這個頁面", "Page not found")}</h1>
            <p>{move || ui.lang.get().pick("網址可能打錯了，或這個計畫不存在。", "The address may be mistyped, or the programme does not exist.")}</p>
            <p><A href=Page::Overview.href()>{move || ui.lang.get().pick("回到概覽", "Back to the overview")}</A></p>
        </section>
    }
}
