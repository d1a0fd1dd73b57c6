//! The shell: contexts, router (with the deploy sub-path as its base), header, navigation.

use crate::components::embed::is_embedded;
use crate::i18n::Lang;
use crate::routes::{self, base_path, Base, Page, PlanRoot};
use crate::state::{use_ui, Data, Ui};
use crate::store::Store;
use crate::views;
use crate::views::storage_problems::StorageProblems;
use leptos::prelude::*;
use leptos_router::components::{RouteChildren, Router, Routes, A};
use leptos_router::hooks::use_location;

/// Moves focus to the main content without touching the URL (a `#main` link would resolve
/// against `<base href>` and leave the page).
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    focus("main");
}

fn focus(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        use wasm_bindgen::JsCast;
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
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
                <Routes fallback=views::not_found::NotFound children=RouteChildren::to_children(routes::router_table)/>
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
    let root = Memo::new(move |_| location.pathname.with(|p| routes::from_path(p.strip_prefix(base.as_str()).unwrap_or(p)).and_then(|a| a.plan)));
    let link =
        move |page: Page, zh: &'static str, en: &'static str| view! { <A href=page.href() exact=page == Page::Overview>{move || lang().pick(zh, en)}</A> };
    let embedded = is_embedded();
    // On a phone the links after the first few are behind a menu button (the stylesheet
    // shows them all on wider screens, where the button is hidden).
    let open = RwSignal::new(false);
    let escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            focus("nav-menu");
        }
    };
    move || {
        (!embedded.get()).then(|| {
            provide_context(PlanRoot(root.get()));
            view! {
                <header class="site">
                    <div class="brand">
                        <A href=Page::Overview.href()>{move || lang().pick("施政計畫透視", "Plan Explorer")}</A>
                    </div>
                    <nav aria-label=move || lang().pick("主要", "Main") on:keydown=escape>
                        {link(Page::Overview, "概覽", "Overview")}
                        {link(Page::Treemap, "預算圖", "Treemap")}
                        {link(Page::Goals, "目標", "Goals")}
                        <button
                            id="nav-menu"
                            class="menu"
                            type="button"
                            aria-expanded=move || open.get().to_string()
                            aria-controls="nav-more"
                            on:click=move |_| open.update(|o| *o = !*o)
                        >
                            {move || lang().pick("選單", "Menu")}
                        </button>
                        // Shown by the stylesheet after the button when it is expanded. A click on
                        // a link in the menu leaves the page: the menu closes.
                        <div id="nav-more" class="more" on:click=move |_| open.set(false)>
                            {link(Page::Programmes, "計畫列表", "Programmes")}
                            {link(Page::Flow, "資金流向", "Money flow")}
                            {link(Page::WhatIf, "試算", "What if")}
                            {link(Page::Notes, "筆記", "Notes")}
                            <span class="sep" aria-hidden="true"></span>
                            {link(Page::Library, "我的計畫", "My plans")}
                            {link(Page::Compare, "比較", "Compare")}
                            {link(Page::Import, "匯入", "Import")}
                        </div>
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
            }
        })
    }
}

#[component]
fn Footer() -> impl IntoView {
    let ui = use_ui();
    let embedded = is_embedded();
    move || {
        (!embedded.get()).then(|| {
            view! {
                <footer class="site">
                    <p>
                        {move || ui.lang.get().pick(
                            "所有數字皆由本站從文件原文解析計算（每一頁都寫出它的資料來源）；本站不傳送任何資料，全部在你的瀏覽器中執行。",
                            "Every figure is computed here from the document's own text (each page names its source); nothing leaves your browser.",
                        )}
                        // A plain link: the router follows it all the same.
                        " "<a href=Page::Methods.href()>{move || ui.lang.get().pick("這些數字怎麼算", "How these figures are computed")}</a>
                    </p>
                </footer>
            }
        })
    }
}
