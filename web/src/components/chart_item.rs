//! Focusable, labelled chart elements (treemap cells, sunburst slices, Sankey nodes) and the
//! chart that holds them. Hover or focus reports an element; click or Enter opens its page
//! when it has one. An element's accessible name is exactly `label`; visible text is drawn
//! elsewhere (aria-hidden) so the two never disagree.
//!
//! The chart listens once for all of its elements (events bubble up to the `<svg>`), so a
//! treemap of 250 cells builds and drops four listeners, not 1,000: that was a visible part
//! of opening and leaving a large plan's treemap.

use crate::routes::Address;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

/// One element: `item` is what the chart's `on_focus` receives when it is hovered or
/// focused; `target` the page it opens, if any.
#[component]
pub fn ChartItem(
    class: String,
    label: String,
    #[prop(into)] item: String,
    target: Option<Address>,
    /// A path to open when it is not a page's plain address (a treemap level: `treemap?at=3`).
    #[prop(optional)]
    opens: Option<String>,
    children: Children,
) -> impl IntoView {
    let opens = target.map(|t| t.path()).or(opens);
    let role = if opens.is_some() { "link" } else { "img" };
    let name = label.clone();
    view! {
        <g class=class tabindex="0" role=role aria-label=name data-item=item data-opens=opens>
            <title>{label}</title>
            {children()}
        </g>
    }
}

/// The `<svg>` around `ChartItem`s, handling their events.
#[component]
pub fn ChartSvg(
    #[prop(into)] class: Signal<String>,
    #[prop(into)] view_box: String,
    #[prop(into)] label: String,
    /// Called with the hovered or focused element's `item`.
    #[prop(optional)]
    on_focus: Option<Callback<String>>,
    children: Children,
) -> impl IntoView {
    let navigate = use_navigate();
    // The chart element an event happened in, if any.
    let item_of = |ev: &web_sys::Event| ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest("[data-item]").ok()?;
    // Moving the pointer within one element reports it once.
    let last = StoredValue::new(None::<String>);
    let focus = move |ev: web_sys::Event| {
        let item = item_of(&ev).and_then(|g| g.get_attribute("data-item"));
        if let (Some(f), Some(item)) = (on_focus, item) {
            if last.get_value().as_ref() != Some(&item) {
                last.set_value(Some(item.clone()));
                f.run(item);
            }
        }
    };
    let open = move |ev: &web_sys::Event| {
        if let Some(path) = item_of(ev).and_then(|g| g.get_attribute("data-opens")) {
            ev.prevent_default();
            navigate(&path, Default::default());
        }
    };
    let open_key = open.clone();
    view! {
        <svg
            class=move || class.get()
            viewBox=view_box
            role="group"
            aria-label=label
            on:focusin=move |ev| focus(ev.into())
            on:mouseover=move |ev| focus(ev.into())
            on:click=move |ev| open(&ev)
            on:keydown=move |ev| {
                let opens = item_of(&ev).is_some_and(|g| g.has_attribute("data-opens"));
                if ev.key() == "Enter" || (opens && ev.key() == " ") {
                    open_key(&ev);
                }
            }
        >
            {children()}
        </svg>
    }
}
