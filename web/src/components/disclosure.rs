//! `<details>` whose contents are built only once it is opened: a page can offer many of them
//! (a note per goal, a picker of every strategy) without building what nobody looks at.

use leptos::prelude::*;

/// Follows a `<details>` element's open state: `on:toggle=follow_open(open)`.
pub fn follow_open(open: RwSignal<bool>) -> impl Fn(web_sys::Event) + Copy + 'static {
    move |ev| {
        use wasm_bindgen::JsCast;
        if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
            open.set(d.open())
        }
    }
}
