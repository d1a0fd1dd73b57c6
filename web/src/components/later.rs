//! Sections a reader scrolls to, whose code arrives after the page is live.
//!
//! A first visit pays for the code of everything the opened page builds before it can
//! answer the reader (issue 17 counts those bytes). The sections below a page's chart — the
//! table that says the chart in text, the downloads, the embed snippet, "your share" — are
//! built by `pages::below` (a `#[wasm_split]` point; each page's part is a `Below` in its
//! view), whose chunk is fetched once the page is live. Until then the static copy's version of the section (on a
//! pre-rendered page) stands in its place, so nothing on screen moves or goes blank.

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::cell::RefCell;
use std::future::Future;
use wasm_bindgen::JsCast;

thread_local! {
    /// The static copy's later sections by name, kept when the copy is dropped (main.rs).
    static COPIES: RefCell<Vec<(String, web_sys::Element)>> = const { RefCell::new(Vec::new()) };
}

/// Keeps the later sections of the static copy `copy` (`[data-later]`) to stand in for the
/// live ones until their code has arrived.
pub fn keep_copies(copy: &web_sys::Element) {
    let Ok(found) = copy.query_selector_all("[data-later]") else { return };
    let kept = (0..found.length()).filter_map(|i| found.item(i)?.dyn_into::<web_sys::Element>().ok());
    COPIES.with(|c| c.borrow_mut().extend(kept.map(|el| (el.get_attribute("data-later").unwrap_or_default(), el))));
}

fn take_copy(name: &str) -> Option<web_sys::Element> {
    COPIES.with(|c| {
        let mut c = c.borrow_mut();
        let at = c.iter().position(|(n, _)| n == name)?;
        Some(c.remove(at).1)
    })
}

/// The section `name`, built by `view` (a call of a `#[wasm_split]` function) once its chunk
/// is in. `aria-busy` says when it is not yet; the pre-render waits for that.
pub fn later(name: &'static str, view: impl Future<Output = Result<AnyView, SplitLoaderError>> + 'static) -> impl IntoView {
    let arrived = RwSignal::new(false);
    let built = StoredValue::new_local(None);
    // The view is built when the future is polled, in a task: under this component's owner,
    // so that it finds the router and the page's context.
    let owner = Owner::current();
    let mut view = Box::pin(view);
    let view = std::future::poll_fn(move |cx| match &owner {
        Some(owner) => owner.with(|| view.as_mut().poll(cx)),
        None => view.as_mut().poll(cx),
    });
    leptos::task::spawn_local(async move {
        let view = view.await;
        built.try_set_value(Some(view));
        // The page may have been left (or rebuilt in another language) meanwhile.
        let _ = arrived.try_set(true);
    });
    let stand_in = NodeRef::<leptos::html::Div>::new();
    stand_in.on_load(move |el| {
        if let Some(copy) = take_copy(name) {
            while let Some(child) = copy.first_child() {
                let _ = el.append_child(&child);
            }
        }
    });
    let content = move || {
        if !arrived.get() {
            return view! { <div class="later-copy" node_ref=stand_in></div> }.into_any();
        }
        match built.try_update_value(Option::take).flatten() {
            Some(Ok(view)) => view,
            Some(Err(_)) => not_loaded().into_any(),
            None => ().into_any(),
        }
    };
    view! { <div class="later" data-later=name aria-busy=move || (!arrived.get()).to_string()>{content}</div> }
}

/// A section whose chunk could not be fetched (offline before the site was cached, or a
/// new deploy): the page above it works; a reload brings the rest.
fn not_loaded() -> impl IntoView {
    let lang = crate::state::use_ui().lang;
    view! {
        <p class="diag error" data-testid="later-not-loaded">{move || lang.get().pick(
            "這一段的程式沒有下載成功（可能是離線，或網站剛更新過），重新載入頁面即可。",
            "This part's code did not download (offline, or the site was just updated): reload the page to see it.",
        )}</p>
    }
}
