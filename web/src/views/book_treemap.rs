//! A budget book's treemap, drilled down one level at a time: the top level first (the 主管
//! of the central government), a line with lines under it opens the map of those lines, a
//! leaf opens its page. The level shown is in the address (`treemap?at=G`), so every level
//! has a link of its own; a breadcrumb leads back up and a table says the same in text.
//! Its code comes in the later chunk, so a plan's treemap (a landing page) does not carry it.

use crate::components::chart_item::{ChartItem, ChartSvg};
use crate::components::later::later;
use crate::i18n::Lang;
use crate::routes::{Address, Page};
use crate::state::{use_data, use_ui, Data};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use plan_core::book_treemap::{book_treemap, LineCell};
use plan_core::geometry::svg_number;
use plan_core::TreeRef;

#[component]
pub fn BookTreemapPage() -> impl IntoView {
    let data = use_data();
    let ui = use_ui();
    let query = use_query_map();
    move || {
        let lang = ui.lang.get();
        // A level that is not a group of this book shows the top level.
        let at = query.get().get("at").and_then(|g| g.parse::<u32>().ok()).filter(|g| (*g as usize) < data.plan.groups.len());
        view! {
            <section class="page">
                <h1>{lang.pick("預算樹狀圖", "Budget treemap")}</h1>
                <p class="lede">{lang.pick(
                    "每個方塊是一個科目，面積與預算成正比。有下層的科目按 Enter 或點一下往下一層；最末層的科目打開它的頁面。",
                    "Each box is a budget line, its area proportional to its budget. Enter or a click on a line with lines under it shows those; a line at the bottom opens its page.",
                )}</p>
                {later("book-treemap", crate::pages::below(Below { lang, data: data.clone(), at }.into()))}
            </section>
        }
    }
}

/// The map, its breadcrumb and its table: built in the later chunk.
pub struct Below {
    lang: Lang,
    data: Data,
    at: Option<u32>,
}

impl Below {
    pub fn view(self) -> AnyView {
        let Below { lang, data, at } = self;
        let narrow = window().inner_width().ok().and_then(|w| w.as_f64()).map(|w| w < 640.0).unwrap_or(false);
        let (w, h) = if narrow { (360.0, 520.0) } else { (1000.0, 560.0) };
        let cells = book_treemap(&data.plan, &data.tree, at, w, h);
        view! {
            <Breadcrumb lang=lang data=data.clone() at=at/>
            <Map lang=lang data=data.clone() cells=cells.clone() w=w h=h/>
            <Table lang=lang data=data cells=cells/>
        }
        .into_any()
    }
}

/// Where a cell leads: the level under it, or a leaf's page.
fn opens(data: &Data, node: TreeRef) -> String {
    crate::routes::line_path(&data.plan, node, Page::Treemap, "at")
}

#[component]
fn Breadcrumb(lang: Lang, data: Data, at: Option<u32>) -> impl IntoView {
    let mut trail: Vec<(u32, String)> = Vec::new();
    let mut up = at;
    while let Some(g) = up.and_then(|g| data.plan.groups.get(g as usize).map(|x| (g, x))) {
        if trail.len() > data.plan.groups.len() {
            break;
        }
        trail.push((g.0, g.1.name.clone()));
        up = g.1.facts.parent;
    }
    trail.reverse();
    let base = Address::here(Page::Treemap).href();
    let last = trail.len();
    view! {
        <nav class="breadcrumb" aria-label=lang.pick("所在層級", "Level shown") data-testid="book-treemap-trail">
            <ol>
                <li><a href=base.clone()>{lang.pick("最上層", "Top level")}</a></li>
                {trail.into_iter().enumerate().map(|(i, (g, name))| {
                    let href = format!("{base}?at={g}");
                    if i + 1 == last {
                        view! { <li aria-current="page">{name}</li> }.into_any()
                    } else {
                        view! { <li><a href=href>{name}</a></li> }.into_any()
                    }
                }).collect_view()}
            </ol>
        </nav>
    }
}

#[component]
fn Map(lang: Lang, data: Data, cells: Vec<LineCell>, w: f64, h: f64) -> impl IntoView {
    let plan = data.plan.clone();
    let mut labels = Vec::new();
    let shapes = cells
        .into_iter()
        .filter(|c| c.rect.w > 0.0 && c.rect.h > 0.0)
        .enumerate()
        .map(|(i, c)| {
            let name = plan.line(c.node).name.to_string();
            let label = lang.figure(&name, c.budget, Some(c.share));
            if c.rect.w >= 84.0 && c.rect.h >= 44.0 {
                let chars = ((c.rect.w - 8.0) / 15.0).max(1.0) as usize;
                let short: String = crate::components::names::truncate(&name, chars);
                labels.push((c.rect.x, c.rect.y, short, c.share));
            }
            let class = if c.children > 0 { "cell group" } else { "cell" };
            // Colours cycle through the palette by rank: a level has no funding mix to show.
            let fill = format!("--by-funding:{};--by-goal:{}", PALETTE[i % PALETTE.len()], PALETTE[i % PALETTE.len()]);
            view! {
                <ChartItem class=class.to_string() label=label item=i.to_string() target=None opens=opens(&data, c.node)>
                    <rect x=svg_number(c.rect.x) y=svg_number(c.rect.y) width=svg_number(c.rect.w) height=svg_number(c.rect.h) style=fill></rect>
                </ChartItem>
            }
        })
        .collect_view();
    let texts = labels
        .into_iter()
        .map(|(x, y, short, share)| {
            view! {
                <text x=svg_number(x + 6.0) y=svg_number(y + 18.0) class="cell-name">{short}</text>
                <text x=svg_number(x + 6.0) y=svg_number(y + 36.0) class="cell-figure">{format!("{share}%")}</text>
            }
        })
        .collect_view();
    view! {
        <ChartSvg class="treemap by-funding" view_box=format!("0 0 {} {}", svg_number(w), svg_number(h)) label=lang.pick("預算樹狀圖", "Budget treemap")>
            {shapes}
            <g class="cell-labels" aria-hidden="true">{texts}</g>
        </ChartSvg>
    }
}

/// The same level as a table: every line, its budget, its share, and where it leads.
#[component]
fn Table(lang: Lang, data: Data, cells: Vec<LineCell>) -> impl IntoView {
    let rows = cells
        .into_iter()
        .map(|c| {
            let l = data.plan.line(c.node);
            let under = (c.children > 0).then(|| match lang {
                Lang::Zh => format!("{} 項", c.children),
                Lang::En => format!("{} lines", c.children),
            });
            view! {
                <tr>
                    <th scope="row"><a href=crate::routes::href_of(&opens(&data, c.node))>{l.name.to_string()}</a></th>
                    <td class="num">{c.budget.fmt_thousands()}</td>
                    <td class="num">{format!("{}%", c.share)}</td>
                    <td>{under}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table data-testid="book-treemap-table">
            <caption>{lang.pick("這一層的科目（千元）", "The lines of this level (NT$ thousand)")}</caption>
            <thead><tr>
                <th scope="col">{lang.pick("科目", "Line")}</th>
                <th scope="col" class="num">{lang.pick("預算數", "Budget")}</th>
                <th scope="col" class="num">{lang.pick("占本層", "Share of this level")}</th>
                <th scope="col">{lang.pick("下層", "Lines under it")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// Colours with dark text's contrast, as the plan treemap's funding colours.
const PALETTE: [&str; 6] = ["#8FB8DE", "#F2C57C", "#A8D5BA", "#E8A0A0", "#C3B1E1", "#B5C99A"];
