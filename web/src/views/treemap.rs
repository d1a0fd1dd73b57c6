//! The budget treemap: one focusable SVG cell per programme, sized by budget (core geometry),
//! coloured by funding mix or by goal; hover/focus shows the figures; click or Enter drills
//! into the programme. A table below says the same in text.

use crate::components::chart_item::{ChartItem, ChartSvg};
use crate::components::disclosure::follow_open;
use crate::components::downloads::{stem, ChartDownloads};
use crate::components::embed::EmbedSnippet;
use crate::components::later::later;
use crate::components::names::with_gloss;
use crate::components::palette::{goal_colour, kind_colour, kind_tag};
use crate::components::small_items::{SmallItem, SmallItems};
use crate::i18n::Lang;
use crate::routes::{Address, Page};
use crate::state::{use_data, use_ui, Data};
use leptos::prelude::*;
use plan_core::charts::{treemap_with_others, OthersCell, TreemapCell};
use plan_core::geometry::svg_number;

/// Up to this many cells the text table is built with the page (and is in the static copy);
/// beyond, when it is opened.
const TABLE_WITH_THE_PAGE_UP_TO: usize = 60;

/// More cells than this are unreadable and slow: the smallest programmes share one cell.
const MAX_CELLS: usize = 250;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Colouring {
    Funding,
    Goal,
}

#[component]
pub fn TreemapPage() -> impl IntoView {
    let data = use_data();
    if !data.plan.kind.is_plan() {
        return view! { <crate::views::book_treemap::BookTreemapPage/> }.into_any();
    }
    let ui = use_ui();
    let colouring = RwSignal::new(Colouring::Funding);
    let focused = RwSignal::new(None::<u32>);
    // Phones get a portrait layout, so cells stay big enough to read.
    let narrow = window().inner_width().ok().and_then(|w| w.as_f64()).map(|w| w < 640.0).unwrap_or(false);
    let (w, h) = if narrow { (360.0, 520.0) } else { (1000.0, 560.0) };
    let (mut cells, others) = treemap_with_others(&data.summary, w, h, MAX_CELLS);
    // Biggest first, once: the chart's tab order, the unlabelled list and the table all use it.
    plan_core::order::sort_by(&mut cells, |a, b| b.budget.cmp(&a.budget).then(a.programme.cmp(&b.programme)));
    (move || {
        let lang = ui.lang.get();
        view! {
            <section class="page">
                <h1>{lang.pick("預算樹狀圖", "Budget treemap")}</h1>
                <p class="lede">{lang.pick(
                    "每個方塊是一項計畫，面積與預算成正比。按 Tab 逐一瀏覽，Enter 進入計畫。",
                    "Each box is a programme, its area proportional to its budget. Tab through them; Enter opens one.",
                )}</p>
                <fieldset class="switch">
                    <legend>{lang.pick("顏色代表", "Colour by")}</legend>
                    <label><input type="radio" name="colouring" prop:checked=move || colouring.get() == Colouring::Funding on:change=move |_| colouring.set(Colouring::Funding)/>{lang.pick("主要經費來源", "Main funding source")}</label>
                    <label><input type="radio" name="colouring" prop:checked=move || colouring.get() == Colouring::Goal on:change=move |_| colouring.set(Colouring::Goal)/>{lang.pick("對應目標", "Linked goal")}</label>
                </fieldset>
                <Legend lang=lang colouring=colouring data=data.clone()/>
                <Details lang=lang focused=focused data=data.clone()/>
                <Chart lang=lang cells=cells.clone() others=others.clone() colouring=colouring focused=focused data=data.clone() w=w h=h/>
                {later("treemap", crate::pages::below(Below { lang, cells: cells.clone(), others: others.clone(), data: data.clone() }.into()))}
            </section>
        }
    })
    .into_any()
}

/// What a reader scrolls to: the programmes too small to label, the downloads, the embed
/// snippet and the table. Built once the page is live ([`later`]).
pub struct Below {
    lang: Lang,
    cells: Vec<TreemapCell>,
    others: Option<OthersCell>,
    data: Data,
}

impl Below {
    pub fn view(self) -> AnyView {
        let Below { lang, cells, others, data } = self;
        view! {
            <Unlabelled lang=lang cells=cells.clone() data=data.clone()/>
            <ChartDownloads lang=lang selector="svg.treemap" name=format!("{}-treemap", stem(&data))/>
            <EmbedSnippet lang=lang chart=Page::EmbedTreemap/>
            <CellTable lang=lang cells=cells others=others data=data/>
        }
        .into_any()
    }
}

fn cell_name(data: &Data, lang: Lang, n: u32) -> String {
    let name = data.plan.programme(n).map(|p| p.name.as_str()).unwrap_or("");
    with_gloss(lang, name, data.meta.gloss.programme(n))
}

fn others_label(lang: Lang, o: &OthersCell) -> String {
    let name = match lang {
        Lang::Zh => format!("其他 {} 項較小的計畫", o.count),
        Lang::En => format!("{} smaller programmes", o.count),
    };
    lang.figure(&name, o.budget, Some(o.share))
}

#[component]
fn OthersShape(lang: Lang, others: Option<OthersCell>) -> impl IntoView {
    others.filter(|o| o.rect.w > 0.0 && o.rect.h > 0.0).map(|o| {
        let r = o.rect;
        let text = match lang {
            Lang::Zh => format!("其他 {} 項 · {}%", o.count, o.share),
            Lang::En => format!("{} others · {}%", o.count, o.share),
        };
        view! {
            <ChartItem class="cell others".to_string() label=others_label(lang, &o) item="others" target=Some(Address::here(Page::Programmes))>
                <rect x=svg_number(r.x) y=svg_number(r.y) width=svg_number(r.w) height=svg_number(r.h) style="--by-funding:#BBBBBB;--by-goal:#BBBBBB"></rect>
            </ChartItem>
            <g class="cell-labels" aria-hidden="true">
                {(r.w >= 84.0 && r.h >= 24.0).then(|| view! { <text x=svg_number(r.x + 6.0) y=svg_number(r.y + 18.0) class="cell-name">{text}</text> })}
            </g>
        }
    })
}

#[component]
fn Chart(
    lang: Lang,
    cells: Vec<TreemapCell>,
    others: Option<OthersCell>,
    colouring: RwSignal<Colouring>,
    focused: RwSignal<Option<u32>>,
    data: Data,
    w: f64,
    h: f64,
) -> impl IntoView {
    let mut labels = Vec::new();
    // Tab order follows size: `cells` come biggest first.
    let shapes = cells
        .into_iter()
        .filter(|c| c.rect.w > 0.0 && c.rect.h > 0.0)
        .map(|c| {
            let n = c.programme;
            let name = data.plan.programme(n).map(|p| p.name.clone()).unwrap_or_default();
            let label = lang.figure(&cell_name(&data, lang, n), c.budget, Some(c.share));
            let (dominant, goal, share) = (c.dominant, c.goal, c.share);
            // Both colourings are written on every cell and the chart's class picks one
            // (see the stylesheet), so switching touches one attribute, and a cell holds no
            // subscription that has to be undone when the page is left.
            let fill = format!("--by-funding:{};--by-goal:{}", kind_colour(dominant), goal_colour(goal));
            let tags = (kind_tag(dominant, lang).to_string(), goal.map(|g| lang.goal_label(g)).unwrap_or_else(|| lang.pick("未連結", "Unlinked").to_string()));
            // Text only where it fits: roughly one 14px character per 15px of width.
            let fits = c.has_room_for_label();
            let chars = ((c.rect.w - 8.0) / 15.0).max(1.0) as usize;
            let short = crate::components::names::truncate(&name, chars);
            if fits {
                labels.push((c.rect.x, c.rect.y, short.clone(), share, tags));
            }
            view! {
                <ChartItem class="cell".to_string() label=label item=n.to_string() target=Some(Address::programme(n))>
                    <rect x=svg_number(c.rect.x) y=svg_number(c.rect.y) width=svg_number(c.rect.w) height=svg_number(c.rect.h) style=fill></rect>
                </ChartItem>
            }
        })
        .collect_view();
    // Visible labels live outside the focusable cells, so each cell's accessible name is
    // exactly its aria-label (WCAG 2.5.3) and the text never intercepts the pointer.
    let texts = labels
        .into_iter()
        .map(|(x, y, short, share, (by_funding, by_goal))| view! {
            <text x=svg_number(x + 6.0) y=svg_number(y + 18.0) class="cell-name">{short}</text>
            <text x=svg_number(x + 6.0) y=svg_number(y + 36.0) class="cell-figure">{format!("{share}% · ")}<tspan class="by-funding">{by_funding}</tspan><tspan class="by-goal">{by_goal}</tspan></text>
        })
        .collect_view();
    view! {
        <ChartSvg
            class=Signal::derive(move || match colouring.get() { Colouring::Funding => "treemap by-funding", Colouring::Goal => "treemap by-goal" }.to_string())
            view_box=format!("0 0 {} {}", svg_number(w), svg_number(h))
            label=lang.pick("預算樹狀圖", "Budget treemap")
            on_focus=Callback::new(move |item: String| focused.set(item.parse().ok()))
        >
            {shapes}
            <OthersShape lang=lang others=others/>
            <g class="cell-labels" aria-hidden="true">{texts}</g>
        </ChartSvg>
    }
}

/// What the hovered or focused cell holds, in words (also announced to screen readers).
#[component]
fn Details(lang: Lang, focused: RwSignal<Option<u32>>, data: Data) -> impl IntoView {
    let text = move || match focused.get() {
        Some(n) => {
            let f = data.summary.programme(n);
            format!(
                "{} — {} ({}%)",
                cell_name(&data, lang, n),
                f.map(|f| lang.money(f.budget)).unwrap_or_default(),
                f.map(|f| f.share.to_string()).unwrap_or_default()
            )
        }
        None => lang
            .pick("將滑鼠移到方塊上或用 Tab 選取，這裡會顯示計畫名稱、金額與占比。", "Hover or focus a box to see its name, amount and share here.")
            .to_string(),
    };
    view! { <p class="details" aria-live="polite" data-testid="treemap-details">{text}</p> }
}

#[component]
fn Legend(lang: Lang, colouring: RwSignal<Colouring>, data: Data) -> impl IntoView {
    move || {
        let items: Vec<(&'static str, String)> = match colouring.get() {
            Colouring::Funding => data.summary.kinds.iter().map(|(k, _, _)| (kind_colour(*k), format!("{} ({})", lang.kind(*k), kind_tag(*k, lang)))).collect(),
            Colouring::Goal => {
                let mut v: Vec<(&'static str, String)> = data
                    .plan
                    .goals
                    .iter()
                    .map(|g| {
                        (goal_colour(Some(g.number)), format!("{} {}", lang.goal_label(g.number), with_gloss(lang, &g.name, data.meta.gloss.goal(g.number))))
                    })
                    .collect();
                v.push((goal_colour(None), lang.pick("未連結目標", "No linked goal").to_string()));
                v
            }
        };
        view! {
            <ul class="legend-list">
                {items.into_iter().map(|(c, t)| view! { <li><span class="swatch" style=format!("background:{c}") aria-hidden="true"></span>{t}</li> }).collect_view()}
            </ul>
        }
    }
}

/// The programmes whose cells are too small to carry a label, listed below the map.
#[component]
fn Unlabelled(lang: Lang, cells: Vec<TreemapCell>, data: Data) -> impl IntoView {
    let items = cells
        .into_iter()
        .map(|c| SmallItem {
            name: cell_name(&data, lang, c.programme),
            amount: c.budget,
            share: c.share,
            href: Some(Address::programme(c.programme).href()),
            labelled: c.has_room_for_label(),
        })
        .collect();
    view! { <SmallItems lang=lang heading=lang.pick("方塊太小、未標名稱的計畫", "Programmes whose boxes are too small to label").to_string() items=items testid="unlabelled"/> }
}

/// The treemap as a table: the text equivalent.
#[component]
fn CellTable(lang: Lang, cells: Vec<TreemapCell>, others: Option<OthersCell>, data: Data) -> impl IntoView {
    let rows = cells; // biggest first
                      // An agency's plan gets its table with the page (so the static copy has it too); a plan
                      // of hundreds of cells builds it when opened, which keeps leaving the page quick.
    let built = RwSignal::new(rows.len() <= TABLE_WITH_THE_PAGE_UP_TO);
    let table = move || {
        let (rows, others, data) = (rows.clone(), others.clone(), data.clone());
        view! {
            <table>
                <thead><tr>
                    <th scope="col">{lang.pick("計畫", "Programme")}</th>
                    <th scope="col" class="num">{lang.pick("預算（千元）", "Budget (NT$ thousand)")}</th>
                    <th scope="col" class="num">{lang.pick("占比", "Share")}</th>
                    <th scope="col">{lang.pick("主要經費來源", "Main funding")}</th>
                    <th scope="col">{lang.pick("目標", "Goal")}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|c| (cell_name(&data, lang, c.programme), c)).map(|(name, c)| view! {
                        <tr>
                            <th scope="row"><a href=Address::programme(c.programme).href()>{name}</a></th>
                            <td class="num">{c.budget.fmt_thousands()}</td>
                            <td class="num">{format!("{}%", c.share)}</td>
                            <td>{lang.kind(c.dominant)}</td>
                            <td>{c.goal.map(|g| lang.goal_label(g)).unwrap_or_else(|| lang.pick("未連結", "Unlinked").to_string())}</td>
                        </tr>
                    }).collect_view()}
                    {others.map(|o| (others_label(lang, &o), o)).map(|(label, o)| view! {
                        <tr>
                            <th scope="row"><a href=Page::Programmes.href()>{label}</a></th>
                            <td class="num">{o.budget.fmt_thousands()}</td>
                            <td class="num">{format!("{}%", o.share)}</td>
                            <td></td>
                            <td></td>
                        </tr>
                    })}
                </tbody>
            </table>
        }
    };
    view! {
        <details class="table-equivalent" on:toggle=move |ev| if !built.get_untracked() { follow_open(built)(ev) }>
            <summary>{lang.pick("以表格檢視", "View as a table")}</summary>
            {move || built.get().then(table.clone())}
        </details>
    }
}
