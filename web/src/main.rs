//! `plan-web`: the browser explorer. It renders what `plan-core` computes — no budget
//! arithmetic lives here — and owns routing, language, local preferences and the DOM.

mod app;
mod components;
mod download;
mod i18n;
mod scope;
mod state;
mod store;
mod views;

fn main() {
    console_error_panic_hook::set_once();
    drop_prerendered();
    leptos::mount::mount_to_body(app::App);
}

/// The build writes a static copy of some pages (scripts/prerender.mjs) so the charts show
/// before the wasm arrives. The live app takes its place in the same task, so no frame is
/// drawn with neither (or both).
fn drop_prerendered() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(Some(el)) = doc.query_selector("[data-prerendered]") {
        el.remove();
    }
}
