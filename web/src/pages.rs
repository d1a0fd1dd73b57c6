//! The routes' pages, split into wasm chunks that are fetched the first time a page is
//! shown (`#[wasm_split]`, which Leptos's `#[lazy]` is built on; here `fallible`, so a chunk
//! that does not arrive is reported instead of panicking). The build splits the wasm with
//! `wasm-split-cli` (`scripts/split.py`). The first load then carries the shell,
//! `plan-core` and the chunk of the page the reader opened, not every page of the site.
//!
//! Each `#[wasm_split]` function below is one split point, and pages are grouped on purpose.
//! The splitter gives every set of split points that share some code a chunk of its own, so
//! each split point adds small chunks (requests, and per-module overhead) to every page.
//! Measured on FY111 (gzip): one split point per page made the treemap's first load
//! 391 KB in 93 files; these five make it 347 KB in 21. The reading pages people land on
//! (overview, treemap) are alone; pages that share most of their code go together.

use crate::components::embed::Embedded;
use crate::components::no_budget::NeedsBudget;
use crate::routes::{from_path, Group, Page};
use crate::scope::PlanScope;
use crate::state::use_ui;
use crate::views;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use leptos_router::ChooseView;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A plan page in the scope that provides its plan (see [`crate::scope`]), or the chart
/// alone for `<iframe>` embedding.
fn plan_page<V: IntoView + 'static>(embed: bool, view: fn() -> V) -> AnyView {
    if embed {
        view! { <PlanScope><Embedded>{view()}</Embedded></PlanScope> }.into_any()
    } else {
        view! { <PlanScope>{view()}</PlanScope> }.into_any()
    }
}

/// A page that charts money: a plan without a budget (goals only) says so instead.
fn money_page<V: IntoView + 'static>(embed: bool, view: fn() -> V) -> AnyView {
    if embed {
        view! { <PlanScope><Embedded><NeedsBudget>{view()}</NeedsBudget></Embedded></PlanScope> }.into_any()
    } else {
        view! { <PlanScope><NeedsBudget>{view()}</NeedsBudget></PlanScope> }.into_any()
    }
}

/// A page whose chunk could not be fetched (offline before the site was cached, or a new
/// deploy replaced the chunks of the build this tab started with): say so and offer a
/// full load of the same address, instead of leaving the reader on a dead page.
fn not_loaded(_: SplitLoaderError) -> AnyView {
    let lang = use_ui().lang;
    let reload = |_| {
        let _ = window().location().reload();
    };
    view! {
        <section class="page" data-testid="page-not-loaded">
            <h1>{move || lang.get().pick("這一頁沒有載入", "This page did not load")}</h1>
            <p class="diag error" role="alert">{move || lang.get().pick(
                "這一頁的程式沒有下載成功：可能是離線，或網站剛更新過。你的資料都還在。",
                "This page's code did not download: you may be offline, or the site has just been updated. Your data is safe.",
            )}</p>
            <button type="button" on:click=reload>{move || lang.get().pick("重新載入這一頁", "Reload this page")}</button>
        </section>
    }
    .into_any()
}

#[wasm_split(page_overview, wasm_split_path = ::leptos::wasm_split, fallible)]
fn overview(page: Page) -> Result<AnyView, SplitLoaderError> {
    Ok(match page {
        Page::EmbedFunding => money_page(true, views::overview::FundingOnly),
        _ => plan_page(false, views::overview::Overview),
    })
}

#[wasm_split(page_treemap, wasm_split_path = ::leptos::wasm_split, fallible)]
fn treemap(page: Page) -> Result<AnyView, SplitLoaderError> {
    Ok(money_page(page.is_embed(), views::treemap::TreemapPage))
}

#[wasm_split(page_goals_and_flow, wasm_split_path = ::leptos::wasm_split, fallible)]
fn goals_and_flow(page: Page) -> Result<AnyView, SplitLoaderError> {
    Ok(match page {
        Page::Flow | Page::EmbedFlow => money_page(page.is_embed(), views::flow::FlowPage),
        _ => plan_page(page.is_embed(), views::goals::GoalsPage),
    })
}

#[wasm_split(page_programmes, wasm_split_path = ::leptos::wasm_split, fallible)]
fn programmes(page: Page) -> Result<AnyView, SplitLoaderError> {
    Ok(match page {
        Page::Programmes => money_page(false, views::book_table::ProgrammesOrLines),
        Page::Changes => money_page(false, views::changes::ChangesPage),
        _ => plan_page(false, views::programme::ProgrammePage),
    })
}

/// The pages of the reader's own data: what-if, notes, import, library, comparison.
#[wasm_split(page_your_data, wasm_split_path = ::leptos::wasm_split, fallible)]
fn your_data(page: Page) -> Result<AnyView, SplitLoaderError> {
    Ok(match page {
        Page::WhatIf => money_page(false, views::whatif::WhatIfPage),
        Page::Notes => plan_page(false, views::notes::NotesPage),
        Page::Import => views::import::ImportPage().into_any(),
        Page::Library => views::library::LibraryPage().into_any(),
        Page::Methods => views::methods::MethodsPage().into_any(),
        _ => views::compare::ComparePage().into_any(),
    })
}

/// The sections below a page's charts that a reader scrolls to, built once the page is live
/// ([`crate::components::later`]). One split point for all of them: each split point
/// multiplies the splitter's small shared chunks (two, one per page, cost the other pages
/// ~9 KB of first load in per-file overhead).
pub enum Below {
    Overview(views::overview::Below),
    Treemap(views::treemap::Below),
    BookTreemap(views::book_treemap::Below),
    Changes(views::changes::Below),
    BookTable(views::book_table::Below),
    Years(views::years::Below),
}

impl From<views::years::Below> for Below {
    fn from(b: views::years::Below) -> Below {
        Below::Years(b)
    }
}

impl From<views::book_table::Below> for Below {
    fn from(b: views::book_table::Below) -> Below {
        Below::BookTable(b)
    }
}

impl From<views::changes::Below> for Below {
    fn from(b: views::changes::Below) -> Below {
        Below::Changes(b)
    }
}

impl From<views::book_treemap::Below> for Below {
    fn from(b: views::book_treemap::Below) -> Below {
        Below::BookTreemap(b)
    }
}

impl From<views::overview::Below> for Below {
    fn from(b: views::overview::Below) -> Below {
        Below::Overview(b)
    }
}

impl From<views::treemap::Below> for Below {
    fn from(b: views::treemap::Below) -> Below {
        Below::Treemap(b)
    }
}

#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn below(sections: Below) -> Result<AnyView, SplitLoaderError> {
    Ok(match sections {
        Below::Overview(b) => b.view(),
        Below::Treemap(b) => b.view(),
        Below::BookTreemap(b) => b.view(),
        Below::Changes(b) => b.view(),
        Below::BookTable(b) => b.view(),
        Below::Years(b) => b.view(),
    })
}

/// The pages of the reader's own data change what is stored, so they come with the store's
/// codec (a chunk that cannot be had shows up as a failed save, never as lost data). The
/// methods page only reads: it is in this group for its bytes' sake, not for the codec.
async fn own_data(page: Page) -> Result<AnyView, SplitLoaderError> {
    if page == Page::Methods {
        return your_data(page).await;
    }
    futures::future::join(your_data(page), crate::codec::load()).await.0
}

thread_local! {
    /// Whether the router has shown a page yet (the first is shown as the app mounts).
    static SHOWN_A_PAGE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Resolves once the browser has drawn the next frame (or after 100 ms: a hidden tab draws
/// none).
pub async fn after_next_paint() {
    let drawn = js_sys::Promise::new(&mut |resolve, _| {
        let at_once = resolve.clone();
        request_animation_frame(move || set_timeout(move || drop(resolve.call0(&wasm_bindgen::JsValue::NULL)), Default::default()));
        set_timeout(move || drop(at_once.call0(&wasm_bindgen::JsValue::NULL)), std::time::Duration::from_millis(100));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(drawn).await;
}

/// A page is the router's view of its route: it fetches its chunk, then renders.
impl ChooseView for Page {
    async fn choose(self) -> AnyView {
        // Building a page is a long task, longest the first time its code runs (V8 compiles
        // each function on its first call): a programme page took ~90 ms, ~380 ms with the CPU
        // slowed 4×. Done in the click's own task, nothing showed the click until it ended;
        // after one frame, the router's busy state (a bar, see the stylesheet) shows it at once.
        // Not the first page: the app mounts it in place of the static copy, in one task.
        if SHOWN_A_PAGE.replace(true) {
            after_next_paint().await;
        }
        let view = match self.group() {
            Group::Overview => overview(self).await,
            Group::Treemap => treemap(self).await,
            Group::GoalsAndFlow => goals_and_flow(self).await,
            Group::Programmes => programmes(self).await,
            Group::YourData => own_data(self).await,
        };
        view.unwrap_or_else(not_loaded)
    }

    // A failed fetch is retried, and reported, by `choose`.
    async fn preload(&self) {
        preload(*self).await;
    }
}

/// Fetches a page's chunk (`wasm_split` names each function's preloader `__wasm_split_preload_<name>`).
pub async fn preload(page: Page) {
    let _ = match page.group() {
        Group::YourData if page == Page::Methods => __wasm_split_preload_your_data().await,
        Group::Overview => __wasm_split_preload_overview().await,
        Group::Treemap => __wasm_split_preload_treemap().await,
        Group::GoalsAndFlow => __wasm_split_preload_goals_and_flow().await,
        Group::Programmes => __wasm_split_preload_programmes().await,
        Group::YourData => futures::future::join(__wasm_split_preload_your_data(), crate::codec::load()).await.0,
    };
}

/// Fetches the chunk of the page at `path` (below the deploy base), so that the first
/// render can show the page at once and replace the static copy in the same task.
/// Unknown paths fetch nothing: the not-found page is in the main chunk.
pub async fn preload_path(path: &str) {
    if let Some(a) = from_path(path) {
        preload(a.page).await;
    }
}

/// Fetches the programme page's chunk once the page the reader opened is live and the browser
/// is idle. Every reading page opens programme pages (a treemap cell, a bar, a row), and a
/// tap on a phone, unlike a pointer resting on a link, leaves `warm_on_intent` no time: the
/// first drill-down then waited for 29 chunk files (p98 232 ms at 1,000 programmes with the
/// CPU slowed 4×, against a median of 96). The service worker fetches every chunk for
/// offline use anyway, so this adds no bytes where it runs; a reader who asked to save data
/// (Save-Data) is spared it, and so are embedded charts and the programme pages themselves.
pub fn prefetch_programmes_when_idle(path: &str) {
    let opened = from_path(path).map(|a| a.page);
    if opened.is_some_and(|p| p.is_embed() || p.group() == Group::Programmes) || saves_data() {
        return;
    }
    prefetch_when_idle(Page::Programme);
}

/// Fetches a page's chunk once the browser is idle (not for a reader who asked to save
/// data): the library prefetches the overview's, which every document opens on.
pub fn prefetch_when_idle(page: Page) {
    if saves_data() {
        return;
    }
    let prefetch = Closure::once_into_js(move || wasm_bindgen_futures::spawn_local(async move { preload(page).await }));
    // requestIdleCallback is not in every browser (Safari): a short timer stands in for it.
    let idle = js_sys::Reflect::get(&window(), &"requestIdleCallback".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let _ = match idle {
        Some(idle) => idle.call1(&window(), &prefetch),
        None => window().set_timeout_with_callback_and_timeout_and_arguments_0(prefetch.unchecked_ref(), 300).map(Into::into),
    };
}

/// `navigator.connection.saveData`, where the browser has it.
fn saves_data() -> bool {
    let connection = js_sys::Reflect::get(&window().navigator(), &"connection".into()).unwrap_or_default();
    js_sys::Reflect::get(&connection, &"saveData".into()).is_ok_and(|v| v.is_truthy())
}

/// How long the pointer or focus must stay on a link before its page's chunk is fetched.
/// Fetching at once made a reader's first focus of a treemap cell wait ~40 ms (starting the
/// programme page's 16 chunk loads) before its figures showed, and a pointer crossing a
/// row of links started a fetch for each. A click takes longer than this to follow a hover.
const INTENT_MS: std::time::Duration = std::time::Duration::from_millis(60);

/// Starts fetching a page's chunk when the reader points at or focuses a link to it (or a
/// chart element that opens it) for a moment, so the click usually finds the chunk there:
/// otherwise the first visit to a page group waits for its chunks. `base` is the deploy
/// base of hrefs.
pub fn warm_on_intent(base: String) {
    let last = Rc::new(RefCell::new(String::new()));
    let pending = Rc::new(RefCell::new(None::<TimeoutHandle>));
    let warm = move |ev: web_sys::Event| {
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let Ok(Some(link)) = el.closest("a[href], [data-opens]") else { return };
        // Chart elements name a path without the base; links carry it.
        let path = link.get_attribute("data-opens").or_else(|| link.get_attribute("href")).unwrap_or_default();
        let path = path.strip_prefix(base.as_str()).unwrap_or(&path).to_string();
        if *last.borrow() != path {
            last.replace(path.clone());
            if let Some(earlier) = pending.take() {
                earlier.clear();
            }
            let fetch = move || wasm_bindgen_futures::spawn_local(async move { preload_path(&path).await });
            pending.replace(set_timeout_with_handle(fetch, INTENT_MS).ok());
        }
    };
    let on_focus = warm.clone();
    // Listening for the page's whole life: the handles are not kept.
    let _ = window_event_listener(leptos::ev::pointerover, move |ev| warm(ev.into()));
    let _ = window_event_listener(leptos::ev::focusin, move |ev| on_focus(ev.into()));
}
