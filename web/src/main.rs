//! `plan-web`: the browser explorer. It renders what `plan-core` computes — no budget
//! arithmetic lives here — and owns routing, language, local preferences and the DOM.

mod app;
mod codec;
mod components;
mod download;
mod i18n;
mod pages;
mod pdf;
mod routes;
mod scope;
mod spreadsheet;
mod state;
mod store;
mod views;

/// The allocator: talc: 2 KB of wasm where Rust's default dlmalloc took 7.5 KB.
#[cfg(target_family = "wasm")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Room for the wasm splitter (scripts/split.py) to lay out read-only data per chunk. It
/// groups each chunk's strings and tables together, and the alignment padding this adds
/// must fit in the original data segment, or every string of every page stays in the main
/// part. This array is referenced by nothing, so the splitter drops it and its bytes
/// become that room. (Non-zero, so it is read-only data rather than zeroed memory.)
#[used]
static SPLIT_ROOM: [u8; 4096] = [0x5A; 4096];

fn main() {
    console_error_panic_hook::set_once();
    // The PDF reader's worker starts this same wasm (web/src/pdf/worker.rs): there is no
    // page to render there, only a PDF to read.
    if web_sys::window().is_none() {
        pdf::serve_worker();
        return;
    }
    // The opened page's chunk first: mounted before it arrives, the page would be empty
    // (the static copy gone, the live page not there yet) until it does. So too the code that
    // reads the reader's stored data, when there is some: a page must not show without it.
    wasm_bindgen_futures::spawn_local(async {
        let base = routes::base_path();
        let pathname = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
        let path = pathname.strip_prefix(base.as_str()).unwrap_or(&pathname);
        let page = pages::preload_path(path);
        if store::has_entries() {
            // The plan the address opens, read before the first render so its page shows at once.
            let id = path.strip_prefix("/p/").and_then(|rest| rest.split('/').next()).map(str::to_string);
            let document = async {
                if let Some(codec) = codec::load().await {
                    (codec.start)(id).await;
                }
            };
            futures::future::join(page, document).await;
        } else {
            page.await;
        }
        document_parsed().await;
        let focus = drop_prerendered();
        leptos::mount::mount_to_body(app::App);
        if let Some(selector) = focus {
            focus_again(selector);
        }
        pages::prefetch_programmes_when_idle(path);
        pages::warm_on_intent(base);
    });
}

/// The start-up script is `async` (scripts/postbuild.py), so this can run while the
/// pre-rendered page is still arriving: the live app takes its place only once all of it
/// is in (on a fast line it always is by then; the wait is for slow ones).
async fn document_parsed() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if doc.ready_state() != "loading" {
        return;
    }
    let parsed = js_sys::Promise::new(&mut |resolve, _| {
        let _ = doc.add_event_listener_with_callback("DOMContentLoaded", &resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(parsed).await;
}

/// The build writes a static copy of some pages (scripts/prerender.mjs) so the charts show
/// before the wasm arrives. The live app takes its place in the same task, so no frame is
/// drawn with neither (or both); its sections whose code comes later stand in for theirs
/// until it has (`components::later`). Returns where the reader's focus was in the copy, if
/// anywhere (the copy answers focus until now: assets/prerendered.js).
fn drop_prerendered() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let copy = doc.query_selector("[data-prerendered]").ok()??;
    let focused = doc.active_element().filter(|el| copy.contains(Some(el))).and_then(|el| same_element(&el));
    components::later::keep_copies(&copy);
    copy.remove();
    focused
}

/// A selector for the live page's counterpart of an element of the static copy: chart
/// elements by their item, links by their address. Only plain values are trusted into a
/// selector (numbers, paths); anything else is not followed.
fn same_element(el: &web_sys::Element) -> Option<String> {
    let plain = |v: &str| !v.is_empty() && v.chars().all(|c| c.is_ascii_alphanumeric() || "/-_.".contains(c));
    ["data-item", "href", "id"].into_iter().find_map(|attr| {
        let value = el.get_attribute(attr).filter(|v| plain(v))?;
        Some(format!("main [{attr}=\"{value}\"]"))
    })
}

/// Focuses the live page's counterpart of what the reader had focused in the static copy, so
/// a keyboard reader keeps their place (and the details it shows) when the app takes over.
/// In the next frame, before it is drawn: the route's view is rendered by then.
fn focus_again(selector: String) {
    use wasm_bindgen::JsCast;
    leptos::prelude::request_animation_frame(move || {
        let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(&selector).ok().flatten()) else { return };
        // Chart elements are SVG, links HTML: both have `focus()`.
        if let Ok(focus) = js_sys::Reflect::get(&el, &"focus".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
            let _ = focus.call0(&el);
        }
    });
}
