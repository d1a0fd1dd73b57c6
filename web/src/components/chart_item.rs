//! One focusable, labelled chart element (treemap cell, sunburst slice, Sankey node): hover or
//! focus reports it, click or Enter opens its page when it has one. Its accessible name is
//! exactly `label`; visible text is drawn elsewhere (aria-hidden) so the two never disagree.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn ChartItem(
    class: String,
    label: String,
    /// The path (within the plan in view) this element opens, if any.
    target: Option<String>,
    /// Called on hover and on keyboard focus.
    on_focus: Callback<()>,
    children: Children,
) -> impl IntoView {
    let navigate = use_navigate();
    let target = target.map(|t| crate::scope::plan_path(&t));
    let role = if target.is_some() { "link" } else { "img" };
    let open = move || {
        if let Some(t) = &target {
            navigate(t, Default::default());
        }
    };
    let open_key = open.clone();
    let name = label.clone();
    view! {
        <g
            class=class
            tabindex="0"
            role=role
            aria-label=name
            on:focus=move |_| on_focus.run(())
            on:mouseenter=move |_| on_focus.run(())
            on:click=move |_| open()
            on:keydown=move |ev| {
                if ev.key() == "Enter" || (role == "link" && ev.key() == " ") {
                    ev.prevent_default();
                    open_key();
                }
            }
        >
            <title>{label}</title>
            {children()}
        </g>
    }
}
