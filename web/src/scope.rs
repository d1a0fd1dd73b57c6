//! Which plan a page shows. The bundled plan lives at the site's root (`/treemap`); an
//! imported one under its library id (`/p/<id>/treemap`), with every view the bundled one
//! has. [`PlanScope`] reads the id from the route, loads the plan (with the user's link
//! corrections, so roll-ups follow them) and provides it to the view inside.

use crate::routes::{Page, PlanRoot};
use crate::state::{use_ui, Data};
use crate::store::library::BUNDLED;
use crate::store::use_store;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PlanScope(children: ChildrenFn) -> impl IntoView {
    let params = use_params_map();
    let store = use_store();
    let id = Memo::new(move |_| params.read().get("id"));
    // Only the link corrections re-render the page; a note being typed does not.
    let curated = Memo::new(move |_| {
        let pid = id.get().unwrap_or_else(|| BUNDLED.to_string());
        store.user_data(&pid).ok().and_then(|d| d.annotations.curated())
    });
    move || {
        let curated = curated.get();
        let (data, root) = match id.get() {
            None => (Data::bundled(curated.as_ref()), None),
            Some(id) => match Data::by_id(&id, curated.as_ref()) {
                Some(Ok(data)) => (data, Some(id)),
                Some(Err(reason)) => return view! { <Missing reason=reason/> }.into_any(),
                None => return view! { <Reading/> }.into_any(),
            },
        };
        crate::components::note::provide_notes(data.id.to_string());
        provide_context(data.clone());
        provide_context(PlanRoot(root));
        // Every page of a plan names the document it shows.
        view! { {children()} <crate::components::document_line::DocumentLine data=data/> }.into_any()
    }
}

/// A stored plan on its way from the browser's database (moments, shown only when a
/// plan is opened from another plan's page).
#[component]
fn Reading() -> impl IntoView {
    let lang = use_ui().lang;
    view! { <section class="page"><p role="status" data-testid="plan-reading">{move || lang.get().pick("正在讀取計畫…", "Reading the plan…")}</p></section> }
}

/// A plan URL whose plan is not in this browser's library (or cannot be read).
#[component]
fn Missing(reason: String) -> impl IntoView {
    let lang = use_ui().lang;
    view! {
        <section class="page missing" data-testid="plan-missing">
            <h1>{move || lang.get().pick("找不到這份計畫", "This plan is not here")}</h1>
            <p>{move || lang.get().pick(
                "匯入的計畫只儲存在匯入它的瀏覽器裡。這個網址指向的計畫不在這個瀏覽器的「我的計畫」中。",
                "Imported plans are stored only in the browser that imported them, and this browser's library does not have the one this address points to.",
            )}</p>
            <p class="diag error">{reason}</p>
            <p>
                <a href=Page::Library.href()>{move || lang.get().pick("我的計畫", "My plans")}</a>
                " · "
                <a href=crate::routes::Address::bundled(Page::Overview).href()>{move || lang.get().pick("回到內建計畫", "Back to the bundled plan")}</a>
            </p>
        </section>
    }
}
