//! The shell: contexts, router (with the deploy sub-path as its base), header, navigation.

use crate::components::embed::is_embedded;
use crate::i18n::Lang;
use crate::state::{use_ui, Data, Ui};
use crate::store::Store;
use crate::views::storage_problems::StorageProblems;
use crate::{pages, views};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::{path, Lazy};

/// The path the site is served under (`/` or e.g. `/repo/`), from `<base href>`, which
/// Trunk fills in from `--public-url`. Without a trailing slash, as the router wants it.
pub fn base_path() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let path = web_sys::Url::new(&base).map(|u| u.pathname()).unwrap_or_default();
    path.trim_end_matches('/').to_string()
}

/// The deploy base, provided once; links must carry it (the router adds it only when
/// navigating programmatically).
#[derive(Clone)]
struct Base(String);

/// A link to a page of the plan in view: `/programme/7` → `/sub/path/p/<id>/programme/7`
/// for an imported plan under a sub-path.
pub fn href(path: &str) -> String {
    site_href(&crate::scope::plan_path(path))
}

/// A link to a page that belongs to no plan (import, library, compare).
pub fn site_href(path: &str) -> String {
    let base = use_context::<Base>().map(|b| b.0).unwrap_or_default();
    format!("{base}{path}")
}

/// Moves focus to the main content without touching the URL (a `#main` link would resolve
/// against `<base href>` and leave the page).
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        use wasm_bindgen::JsCast;
        if let Ok(el) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    let base = base_path();
    provide_context(Base(base.clone()));
    let default_population = Data::bundled(None).meta.population.as_ref().map(|p| p.count).unwrap_or(0);
    provide_context(Ui::load(default_population));
    Store::install().check_all();
    // Lets tests (and scripts) know the first render is done.
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-app-ready", "true");
        }
    });

    // While a page's chunk is on its way the router keeps showing the page being left
    // (set_is_routing makes it wait for the new view), and says so here.
    let (is_routing, set_is_routing) = signal(false);

    view! {
        <Router base=base set_is_routing>
            <a class="skip" href="#main" on:click=skip_to_main>{move || use_ui().lang.get().pick("跳到主要內容", "Skip to content")}</a>
            <Header/>
            <DocumentTitle is_routing/>
            <main id="main" tabindex="-1" aria-busy=move || is_routing.get().to_string()>
                <StorageProblems/>
                <Routes fallback=views::not_found::NotFound>
                    <Route path=path!("/") view={Lazy::<pages::Overview>::new()}/>
                    <Route path=path!("/treemap") view={Lazy::<pages::Treemap>::new()}/>
                    <Route path=path!("/goals") view={Lazy::<pages::Goals>::new()}/>
                    <Route path=path!("/programmes") view={Lazy::<pages::Table>::new()}/>
                    <Route path=path!("/programme/:n") view={Lazy::<pages::Programme>::new()}/>
                    <Route path=path!("/flow") view={Lazy::<pages::Flow>::new()}/>
                    <Route path=path!("/whatif") view={Lazy::<pages::WhatIf>::new()}/>
                    <Route path=path!("/notes") view={Lazy::<pages::Notes>::new()}/>
                    <Route path=path!("/p/:id") view={Lazy::<pages::Overview>::new()}/>
                    <Route path=path!("/p/:id/treemap") view={Lazy::<pages::Treemap>::new()}/>
                    <Route path=path!("/p/:id/goals") view={Lazy::<pages::Goals>::new()}/>
                    <Route path=path!("/p/:id/programmes") view={Lazy::<pages::Table>::new()}/>
                    <Route path=path!("/p/:id/programme/:n") view={Lazy::<pages::Programme>::new()}/>
                    <Route path=path!("/p/:id/flow") view={Lazy::<pages::Flow>::new()}/>
                    <Route path=path!("/p/:id/whatif") view={Lazy::<pages::WhatIf>::new()}/>
                    <Route path=path!("/p/:id/notes") view={Lazy::<pages::Notes>::new()}/>
                    <Route path=path!("/import") view={Lazy::<pages::Import>::new()}/>
                    <Route path=path!("/library") view={Lazy::<pages::Library>::new()}/>
                    <Route path=path!("/compare") view={Lazy::<pages::Compare>::new()}/>
                    <Route path=path!("/embed/treemap") view={Lazy::<pages::EmbedTreemap>::new()}/>
                    <Route path=path!("/embed/funding") view={Lazy::<pages::EmbedFunding>::new()}/>
                    <Route path=path!("/embed/goals") view={Lazy::<pages::EmbedGoals>::new()}/>
                    <Route path=path!("/embed/flow") view={Lazy::<pages::EmbedFlow>::new()}/>
                    <Route path=path!("/p/:id/embed/treemap") view={Lazy::<pages::EmbedTreemap>::new()}/>
                    <Route path=path!("/p/:id/embed/funding") view={Lazy::<pages::EmbedFunding>::new()}/>
                    <Route path=path!("/p/:id/embed/goals") view={Lazy::<pages::EmbedGoals>::new()}/>
                    <Route path=path!("/p/:id/embed/flow") view={Lazy::<pages::EmbedFlow>::new()}/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}

/// The tab's title names the page ("預算樹狀圖 · 施政計畫透視"), so history, bookmarks and screen
/// readers can tell pages apart. Taken from the page's own heading once it has rendered
/// (after its chunk has arrived: `is_routing` is false again).
#[component]
fn DocumentTitle(is_routing: ReadSignal<bool>) -> impl IntoView {
    let ui = use_ui();
    let location = use_location();
    Effect::new(move |_| {
        let (_, lang, routing) = (location.pathname.get(), ui.lang.get(), is_routing.get());
        if routing {
            return;
        }
        request_animation_frame(move || {
            let heading = document().query_selector("main h1").ok().flatten().and_then(|h| h.text_content()).unwrap_or_default();
            let site = lang.pick("施政計畫透視", "Plan Explorer");
            let heading = heading.trim();
            document().set_title(&if heading.is_empty() || heading == site { site.to_string() } else { format!("{heading} · {site}") });
        });
    });
}

#[component]
fn Header() -> impl IntoView {
    let ui = use_ui();
    let lang = move || ui.lang.get();
    let base = use_context::<Base>().map(|b| b.0).unwrap_or_default();
    let location = use_location();
    // The header is outside every plan scope: it follows the plan in the address.
    let root = Memo::new(move |_| crate::scope::id_in_path(&location.pathname.get(), &base).map(|id| format!("/p/{id}")).unwrap_or_default());
    let embedded = is_embedded();
    move || (!embedded.get()).then(|| {
        provide_context(crate::scope::PlanRoot(root.get()));
        view! {
        <header class="site">
            <div class="brand">
                <A href=crate::app::href("/")>{move || lang().pick("施政計畫透視", "Plan Explorer")}</A>
            </div>
            <nav aria-label=move || lang().pick("主要", "Main")>
                <A href=crate::app::href("/") exact=true>{move || lang().pick("概覽", "Overview")}</A>
                <A href=crate::app::href("/treemap")>{move || lang().pick("預算圖", "Treemap")}</A>
                <A href=crate::app::href("/goals")>{move || lang().pick("目標", "Goals")}</A>
                <A href=crate::app::href("/programmes")>{move || lang().pick("計畫列表", "Programmes")}</A>
                <A href=crate::app::href("/flow")>{move || lang().pick("資金流向", "Money flow")}</A>
                <A href=crate::app::href("/whatif")>{move || lang().pick("試算", "What if")}</A>
                <A href=crate::app::href("/notes")>{move || lang().pick("筆記", "Notes")}</A>
                <span class="sep" aria-hidden="true"></span>
                <A href=site_href("/library")>{move || lang().pick("我的計畫", "My plans")}</A>
                <A href=site_href("/compare")>{move || lang().pick("比較", "Compare")}</A>
                <A href=site_href("/import")>{move || lang().pick("匯入", "Import")}</A>
            </nav>
            <button
                class="lang"
                type="button"
                lang=move || lang().pick("en", "zh-Hant-TW")
                on:click=move |_| ui.lang.update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh })
            >
                {move || lang().pick("English", "中文")}
            </button>
        </header>
    }})
}

#[component]
fn Footer() -> impl IntoView {
    let ui = use_ui();
    let embedded = is_embedded();
    move || (!embedded.get()).then(|| view! {
        <footer class="site">
            <p>
                {move || ui.lang.get().pick(
                    "資料來源：桃園市政府勞動局施政計畫（PDF 轉文字）。所有數字皆由本站從原文解析計算；本站不傳送任何資料，全部在你的瀏覽器中執行。",
                    "Source: the Taoyuan City Labor Bureau's published plan (text extracted from the PDF). Every figure is computed here from that text; nothing leaves your browser.",
                )}
            </p>
        </footer>
    })
}
