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
use crate::scope::PlanScope;
use crate::state::use_ui;
use crate::views;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use leptos_router::LazyRoute;
use std::cell::RefCell;
use std::rc::Rc;
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

/// Which page of a chunk that holds several.
#[derive(Clone, Copy)]
pub enum Page { Goals, Flow, Table, Programme, WhatIf, Notes, Import, Library, Compare }

#[wasm_split(page_overview, wasm_split_path = ::leptos::wasm_split, fallible)]
fn overview(embed: bool) -> Result<AnyView, SplitLoaderError> {
    Ok(if embed { money_page(true, views::overview::FundingOnly) } else { plan_page(false, views::overview::Overview) })
}

#[wasm_split(page_treemap, wasm_split_path = ::leptos::wasm_split, fallible)]
fn treemap(embed: bool) -> Result<AnyView, SplitLoaderError> {
    Ok(money_page(embed, views::treemap::TreemapPage))
}

#[wasm_split(page_goals_and_flow, wasm_split_path = ::leptos::wasm_split, fallible)]
fn goals_and_flow(page: Page, embed: bool) -> Result<AnyView, SplitLoaderError> {
    Ok(match page {
        Page::Flow => money_page(embed, views::flow::FlowPage),
        _ => plan_page(embed, views::goals::GoalsPage),
    })
}

#[wasm_split(page_programmes, wasm_split_path = ::leptos::wasm_split, fallible)]
fn programmes(page: Page) -> Result<AnyView, SplitLoaderError> {
    Ok(match page {
        Page::Table => money_page(false, views::table::TablePage),
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
        _ => views::compare::ComparePage().into_any(),
    })
}

/// The pages of the reader's own data change what is stored, so they come with the store's
/// codec (a chunk that cannot be had shows up as a failed save, never as lost data).
async fn own_data(page: Page) -> Result<AnyView, SplitLoaderError> {
    futures::future::join(your_data(page), crate::codec::load()).await.0
}

async fn preload_own_data() {
    let _ = futures::future::join(__wasm_split_preload_your_data(), crate::codec::load()).await;
}

/// The routes' views: `Treemap => treemap(false), __wasm_split_preload_treemap;`
/// (`wasm_split` names each function's preloader `__wasm_split_preload_<name>`).
macro_rules! route {
    ($($route:ident => $page:ident($($arg:expr),*), $preload:ident;)*) => {$(
        pub struct $route;
        impl LazyRoute for $route {
            fn data() -> Self { Self }
            async fn view(_this: Self) -> AnyView { $page($($arg),*).await.unwrap_or_else(not_loaded) }
            // A failed fetch is retried, and reported, by `view`.
            async fn preload() { let _ = $preload().await; }
        }
    )*};
}

route! {
    Overview => overview(false), __wasm_split_preload_overview;
    Treemap => treemap(false), __wasm_split_preload_treemap;
    Goals => goals_and_flow(Page::Goals, false), __wasm_split_preload_goals_and_flow;
    Flow => goals_and_flow(Page::Flow, false), __wasm_split_preload_goals_and_flow;
    Table => programmes(Page::Table), __wasm_split_preload_programmes;
    Programme => programmes(Page::Programme), __wasm_split_preload_programmes;
    EmbedFunding => overview(true), __wasm_split_preload_overview;
    EmbedTreemap => treemap(true), __wasm_split_preload_treemap;
    EmbedGoals => goals_and_flow(Page::Goals, true), __wasm_split_preload_goals_and_flow;
    EmbedFlow => goals_and_flow(Page::Flow, true), __wasm_split_preload_goals_and_flow;
    WhatIf => own_data(Page::WhatIf), preload_own_data;
    Notes => own_data(Page::Notes), preload_own_data;
    Import => own_data(Page::Import), preload_own_data;
    Library => own_data(Page::Library), preload_own_data;
    Compare => own_data(Page::Compare), preload_own_data;
}

/// Fetches the chunk of the page at `pathname` (below the deploy base), so that the first
/// render can show the page at once and replace the static copy in the same task.
/// Unknown paths fetch nothing: the not-found page is in the main chunk.
pub async fn preload(pathname: &str) {
    let mut rest = pathname.trim_matches('/');
    if let Some(after) = rest.strip_prefix("p/") {
        rest = after.split_once('/').map(|(_, r)| r).unwrap_or("");
    }
    let (embed, page) = match rest.strip_prefix("embed/") {
        Some(chart) => (true, chart),
        None => (false, rest.split('/').next().unwrap_or("")),
    };
    match (embed, page) {
        (false, "") => Overview::preload().await,
        (false, "treemap") => Treemap::preload().await,
        (false, "goals") => Goals::preload().await,
        (false, "programmes") => Table::preload().await,
        (false, "programme") => Programme::preload().await,
        (false, "flow") => Flow::preload().await,
        (false, "whatif") => WhatIf::preload().await,
        (false, "notes") => Notes::preload().await,
        (false, "import") => Import::preload().await,
        (false, "library") => Library::preload().await,
        (false, "compare") => Compare::preload().await,
        (true, "treemap") => EmbedTreemap::preload().await,
        (true, "funding") => EmbedFunding::preload().await,
        (true, "goals") => EmbedGoals::preload().await,
        (true, "flow") => EmbedFlow::preload().await,
        _ => {}
    }
}

/// Starts fetching a page's chunk when the reader points at or focuses a link to it (or a
/// chart element that opens it), so the click usually finds the chunk there: otherwise the
/// first visit to a page group waits for its chunks. `base` is the deploy base of hrefs.
pub fn warm_on_intent(base: String) {
    let last = Rc::new(RefCell::new(String::new()));
    let warm = move |ev: web_sys::Event| {
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let Ok(Some(link)) = el.closest("a[href], [data-opens]") else { return };
        // Chart elements name a path without the base; links carry it.
        let path = link.get_attribute("data-opens").or_else(|| link.get_attribute("href")).unwrap_or_default();
        let path = path.strip_prefix(base.as_str()).unwrap_or(&path).to_string();
        if *last.borrow() != path {
            last.replace(path.clone());
            wasm_bindgen_futures::spawn_local(async move { preload(&path).await });
        }
    };
    let on_focus = warm.clone();
    // Listening for the page's whole life: the handles are not kept.
    let _ = window_event_listener(leptos::ev::pointerover, move |ev| warm(ev.into()));
    let _ = window_event_listener(leptos::ev::focusin, move |ev| on_focus(ev.into()));
}
