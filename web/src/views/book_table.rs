//! A budget book's lines as a table that keeps the tree: indented by level, a line with
//! lines under it opens and closes them (a button with `aria-expanded`), siblings sorted
//! within their parent, and a filter that shows each match with the lines above it. The
//! rows come from `plan_core::book_table`; long tables show their first rows, then more.
//! Built in the later chunk ([`Below`]): a plan's programme pages do not carry it.

use crate::i18n::Lang;
use crate::routes::{Address, Page};
use crate::state::{use_data, use_ui, Data};
use leptos::prelude::*;
use plan_core::book_table::{rows, Row, Siblings};
use plan_core::TreeRef;
use std::collections::HashSet;

/// Rows built at first; each "more" adds as many.
const PAGE: usize = 100;

const ORDERS: [(Siblings, &str, &str, &str); 5] = [
    (Siblings::Book, "book", "依預算書順序", "As in the book"),
    (Siblings::BudgetDown, "budget", "預算數由大到小", "Budget, largest first"),
    (Siblings::ChangeDown, "increase", "增加最多", "Biggest increase first"),
    (Siblings::ChangeUp, "cut", "減少最多", "Biggest cut first"),
    (Siblings::Name, "name", "名稱", "Name"),
];

/// The programmes page: a plan's programmes table, or a book's lines in their tree.
#[component]
pub fn ProgrammesOrLines() -> AnyView {
    let data = use_data();
    if data.plan.kind.is_plan() {
        return crate::views::table::TablePage().into_any();
    }
    let ui = use_ui();
    view! {
        <section class="page book-table">
            <h1>{move || ui.lang.get().pick("預算科目表", "Budget lines")}</h1>
            {crate::components::later::later("book-table", crate::pages::below(Below { data }.into()))}
        </section>
    }
    .into_any()
}

/// The table and its controls, built in the later chunk.
pub struct Below {
    data: Data,
}

impl Below {
    pub fn view(self) -> AnyView {
        table(self.data).into_any()
    }
}

fn table(data: Data) -> impl IntoView {
    let ui = use_ui();
    let open = RwSignal::new(HashSet::<u32>::new());
    let order = RwSignal::new(Siblings::Book);
    let filter = RwSignal::new(String::new());
    let limit = RwSignal::new(PAGE);
    let shown = {
        let data = data.clone();
        Memo::new(move |_| rows(&data.plan, &data.tree, &open.get(), order.get(), &filter.get()))
    };
    let groups = data.plan.groups.len() as u32;
    move || {
        let lang = ui.lang.get();
        view! {
                <p class="lede">{lang.pick(
                    "依層級縮排；有下層的科目可展開。排序只在同一層內進行，小計不重複計算。",
                    "Indented by level; a line with lines under it opens. Sorting keeps each line under its parent; subtotals are never added again.",
                )}" "<a href=Page::Changes.href()>{lang.pick("看增減與理由 →", "See what changed and why →")}</a></p>
                <form class="controls" on:submit=|ev| ev.prevent_default()>
                    <label>{lang.pick("篩選", "Filter")}" "
                        <input type="search" data-testid="book-table-filter" prop:value=move || filter.get()
                            placeholder=lang.pick("名稱、代碼或說明", "Name, code or explanation")
                            on:input=move |ev| { filter.set(event_target_value(&ev)); limit.set(PAGE); }/>
                    </label>
                    <label>{lang.pick("同層排序", "Sort within a level")}" "
                        <select data-testid="book-table-order" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            order.set(ORDERS.iter().find(|o| o.1 == v).map_or(Siblings::Book, |o| o.0));
                        }>
                            {ORDERS.iter().map(|o| view! { <option value=o.1 selected=move || order.get() == o.0>{lang.pick(o.2, o.3)}</option> }).collect_view()}
                        </select>
                    </label>
                    <button type="button" on:click=move |_| open.set((0..groups).collect())>{lang.pick("全部展開", "Open all")}</button>
                    <button type="button" on:click=move |_| open.set(HashSet::new())>{lang.pick("全部收合", "Close all")}</button>
                </form>
                <div class="table-scroll">
                    <table data-testid="book-table">
                        <caption>{move || {
                            let n = shown.get().len();
                            match lang { Lang::Zh => format!("顯示 {n} 項（千元）"), Lang::En => format!("{n} lines shown (NT$ thousand)") }
                        }}</caption>
                        <thead><tr>
                            <th scope="col">{lang.pick("科目", "Line")}</th>
                            <th scope="col" class="num">{lang.pick("本年度", "This year")}</th>
                            <th scope="col" class="num">{lang.pick("上年度", "Last year")}</th>
                            <th scope="col" class="num">{lang.pick("增減", "Change")}</th>
                            <th scope="col" class="num">{lang.pick("前年度決算", "Actual")}</th>
                        </tr></thead>
                        <tbody>{
                            let data = data.clone();
                            move || shown.get().into_iter().take(limit.get()).map(|r| line(lang, &data, r, open)).collect_view()
                        }</tbody>
                    </table>
                </div>
                {move || (shown.get().len() > limit.get()).then(|| view! {
                    <button type="button" on:click=move |_| limit.update(|l| *l += PAGE)>{lang.pick("顯示更多", "Show more")}</button>
                })}
        }
    }
}

fn line(lang: Lang, data: &Data, r: Row, open: RwSignal<HashSet<u32>>) -> impl IntoView {
    let l = data.plan.line(r.node);
    let name = l.name.to_string();
    let indent = format!("padding-left:{}em", r.depth as f32 * 1.2 + 0.2);
    let head = match r.node {
        TreeRef::Group(g) => {
            let toggle = move |_| {
                open.update(|o| {
                    if !o.remove(&g) {
                        o.insert(g);
                    }
                })
            };
            let label = match lang {
                Lang::Zh => format!("{name}（{} 項）", r.children),
                Lang::En => format!("{name} ({} lines)", r.children),
            };
            view! {
                <button type="button" class="toggle" aria-expanded=r.open.to_string() on:click=toggle>
                    <span aria-hidden="true">{if r.open { "▾ " } else { "▸ " }}</span>{label}
                </button>
            }
            .into_any()
        }
        TreeRef::Programme(p) => view! { <a href=Address::programme(data.plan.programmes[p as usize].number).href()>{name}</a> }.into_any(),
    };
    let facts = l.facts;
    let change = l.change();
    let or_dash = |m: Option<plan_core::Money>| m.map_or("—".to_string(), |m| m.fmt_thousands());
    let group = r.children > 0;
    view! {
        <tr class:match=r.matches class:group=group>
            <th scope="row" style=indent>{head}{l.code.map(|c| view! { " "<code>{c.to_string()}</code> })}</th>
            <td class="num">{l.budget.fmt_thousands()}</td>
            <td class="num">{or_dash(facts.and_then(|f| f.last_year))}</td>
            <td class="num">{change.map_or("—".to_string(), |c| format!("{} ({})", c.amount.fmt_change(), crate::components::book_line::percent(lang, &c)))}</td>
            <td class="num">{or_dash(facts.and_then(|f| f.actual))}</td>
        </tr>
    }
}
