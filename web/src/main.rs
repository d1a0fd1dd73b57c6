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
    leptos::mount::mount_to_body(app::App);
}
