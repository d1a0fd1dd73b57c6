//! The routes' pages, each split into its own wasm chunk and fetched the first time it is
//! shown (Leptos's `#[lazy]`; the build splits the wasm with `wasm-split-cli`, see
//! `scripts/split.py`). The first load then carries the shell, `plan-core` and the page the
//! reader opened, not every page of the site.
//!
//! One split point per page, not per route: a page and its embedded variant share one
//! chunk, and every extra split point multiplies the small chunks of code that several
//! pages share (each is a request).

use crate::scope::PlanScope;
use crate::components::embed::Embedded;
use crate::views;
use leptos::prelude::*;
use leptos_router::LazyRoute;

/// A plan page in the scope that provides its plan (see [`crate::scope`]), or the chart
/// alone for `<iframe>` embedding.
fn plan_page<V: IntoView + 'static>(embed: bool, view: fn() -> V) -> AnyView {
    if embed {
        view! { <PlanScope><Embedded>{view()}</Embedded></PlanScope> }.into_any()
    } else {
        view! { <PlanScope>{view()}</PlanScope> }.into_any()
    }
}

#[lazy]
fn overview(embed: bool) -> AnyView {
    if embed { plan_page(true, views::overview::FundingOnly) } else { plan_page(false, views::overview::Overview) }
}
#[lazy]
fn treemap(embed: bool) -> AnyView { plan_page(embed, views::treemap::TreemapPage) }
#[lazy]
fn goals(embed: bool) -> AnyView { plan_page(embed, views::goals::GoalsPage) }
#[lazy]
fn flow(embed: bool) -> AnyView { plan_page(embed, views::flow::FlowPage) }
#[lazy]
fn table() -> AnyView { plan_page(false, views::table::TablePage) }
#[lazy]
fn programme() -> AnyView { plan_page(false, views::programme::ProgrammePage) }
#[lazy]
fn what_if() -> AnyView { plan_page(false, views::whatif::WhatIfPage) }
#[lazy]
fn notes() -> AnyView { plan_page(false, views::notes::NotesPage) }
#[lazy]
fn import() -> AnyView { views::import::ImportPage().into_any() }
#[lazy]
fn library() -> AnyView { views::library::LibraryPage().into_any() }
#[lazy]
fn compare() -> AnyView { views::compare::ComparePage().into_any() }

/// A route to a page: `route!(Treemap, treemap(false), __preload_treemap)` (`#[lazy]` names
/// each function's preloader `__preload_<name>`).
macro_rules! route {
    ($($route:ident => $page:ident($($embed:expr)?), $preload:ident;)*) => {$(
        pub struct $route;
        impl LazyRoute for $route {
            fn data() -> Self { Self }
            async fn view(_this: Self) -> AnyView { $page($($embed)?).await }
            async fn preload() { $preload().await }
        }
    )*};
}

route! {
    Overview => overview(false), __preload_overview;
    Treemap => treemap(false), __preload_treemap;
    Goals => goals(false), __preload_goals;
    Flow => flow(false), __preload_flow;
    Table => table(), __preload_table;
    Programme => programme(), __preload_programme;
    WhatIf => what_if(), __preload_what_if;
    Notes => notes(), __preload_notes;
    Import => import(), __preload_import;
    Library => library(), __preload_library;
    Compare => compare(), __preload_compare;
    EmbedFunding => overview(true), __preload_overview;
    EmbedTreemap => treemap(true), __preload_treemap;
    EmbedGoals => goals(true), __preload_goals;
    EmbedFlow => flow(true), __preload_flow;
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
