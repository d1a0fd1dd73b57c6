//! Programmes as a table: sortable by every column, filtered by typing Chinese or English,
//! with a totals row (computed by `plan-core`) that follows the filter. Rows are shown a
//! page at a time, so a plan of 10,000 programmes sorts and filters within a frame.

use crate::components::names::with_gloss;
use crate::i18n::Lang;
use crate::state::{use_data, use_ui, Data};
use leptos::prelude::*;
use leptos_router::components::A;
use plan_core::charts::primary_goal;
use plan_core::{FundingKind, Money};
use rust_decimal::Decimal;

/// Rows per page: every programme of an agency's plan fits on one.
const PAGE: usize = 100;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    Number,
    Name,
    Budget,
    Share,
    Central,
    Special,
    City,
    Goal,
}

#[derive(Clone, PartialEq)]
struct Row {
    number: u32,
    name: String,
    budget: Money,
    share: Decimal,
    central: Money,
    special: Money,
    city: Money,
    goal: Option<u32>,
}

/// What the filter searches, per programme: name, English gloss and items, lower-cased.
fn haystacks(data: &Data) -> Vec<String> {
    let gloss = |n| data.meta.gloss.programme(n).unwrap_or("");
    data.plan.programmes.iter().map(|p| format!("{} {} {}", p.name, gloss(p.number), p.items_text()).to_lowercase()).collect()
}

fn rows(data: &Data, lang: Lang) -> Vec<Row> {
    let s = &data.summary;
    data.plan
        .programmes
        .iter()
        .map(|p| {
            let gloss = data.meta.gloss.programme(p.number).unwrap_or("");
            Row {
                number: p.number,
                name: with_gloss(lang, &p.name, Some(gloss).filter(|g| !g.is_empty())),
                budget: p.budget,
                share: s.programme(p.number).map(|f| f.share).unwrap_or_default(),
                central: s.programme_kind(p.number, FundingKind::CentralSubsidy),
                special: s.programme_kind(p.number, FundingKind::SpecialFund),
                city: s.programme_kind(p.number, FundingKind::CityGeneral),
                goal: primary_goal(s, p.number),
            }
        })
        .collect()
}

fn order(a: &Row, b: &Row, col: Col, asc: bool) -> std::cmp::Ordering {
    let o = match col {
        Col::Number => a.number.cmp(&b.number),
        Col::Name => a.name.cmp(&b.name),
        Col::Budget => a.budget.cmp(&b.budget),
        Col::Share => a.share.cmp(&b.share),
        Col::Central => a.central.cmp(&b.central),
        Col::Special => a.special.cmp(&b.special),
        Col::City => a.city.cmp(&b.city),
        Col::Goal => a.goal.cmp(&b.goal),
    }
    .then(a.number.cmp(&b.number));
    if asc { o } else { o.reverse() }
}

#[component]
pub fn TablePage() -> impl IntoView {
    let data = use_data();
    let ui = use_ui();
    let sort = RwSignal::new((Col::Number, true));
    let filter = RwSignal::new(String::new());
    let page = RwSignal::new(0usize);
    let haystacks = std::sync::Arc::new(haystacks(&data));
    move || {
        let lang = ui.lang.get();
        // Rows are built once; sorting and filtering move indices, so a keystroke at
        // 10,000 programmes neither sorts again nor copies rows.
        let all = std::sync::Arc::new(rows(&data, lang));
        let sorted = {
            let all = all.clone();
            Memo::new(move |_| {
                let (col, asc) = sort.get();
                let mut idx: Vec<usize> = (0..all.len()).collect();
                idx.sort_by(|&i, &j| order(&all[i], &all[j], col, asc));
                idx
            })
        };
        let visible = {
            let haystacks = haystacks.clone();
            Memo::new(move |_| {
                let q = filter.get().trim().to_lowercase();
                sorted.with(|s| s.iter().copied().filter(|&i| q.is_empty() || haystacks[i].contains(&q)).collect::<Vec<usize>>())
            })
        };
        let summary = data.summary.clone();
        let numbers = {
            let all = all.clone();
            move || visible.with(|v| v.iter().map(|&i| all[i].number).collect::<Vec<_>>())
        };
        let totals = move || summary.subtotal(&numbers());
        let header = move |col: Col, zh: &'static str, en: &'static str, num: bool| {
            let aria = move || match sort.get() {
                (c, true) if c == col => "ascending",
                (c, false) if c == col => "descending",
                _ => "none",
            };
            view! {
                <th scope="col" class:num=num aria-sort=aria>
                    <button type="button" on:click=move |_| sort.update(|(c, asc)| if *c == col { *asc = !*asc } else { *c = col; *asc = !num })>
                        {lang.pick(zh, en)}
                        <span aria-hidden="true">{move || match aria() { "ascending" => " ▲", "descending" => " ▼", _ => "" }}</span>
                    </button>
                </th>
            }
        };
        let totals_row = {
            let totals = totals.clone();
            move || {
                let t = totals();
                let kind = |k: FundingKind| t.kinds.iter().find(|(x, _)| *x == k).map(|(_, m)| m.fmt_thousands()).unwrap_or_default();
                view! {
                    <tr>
                        <th scope="row" colspan="2">{match lang { Lang::Zh => format!("合計（{} 項）", t.count), Lang::En => format!("Total ({} programmes)", t.count) }}</th>
                        <td class="num" data-testid="table-total">{t.budget.fmt_thousands()}</td>
                        <td class="num">{format!("{}%", t.share)}</td>
                        <td class="num">{kind(FundingKind::CentralSubsidy)}</td>
                        <td class="num">{kind(FundingKind::SpecialFund)}</td>
                        <td class="num">{kind(FundingKind::CityGeneral)}</td>
                        <td></td>
                    </tr>
                }
            }
        };
        view! {
            <section class="page">
                <h1>{lang.pick("計畫列表", "Programmes")}</h1>
                <label for="filter">{lang.pick("篩選（中文或英文）", "Filter (Chinese or English)")}</label>
                <input id="filter" type="search" autocomplete="off" prop:value=move || filter.get() on:input=move |ev| { page.set(0); filter.set(event_target_value(&ev)) }/>
                <Pager lang=lang page=page count=Signal::derive(move || visible.with(Vec::len))/>
                <div class="table-wrap">
                    <table class="programmes" data-testid="programme-table">
                        <caption>{lang.pick("金額單位：千元。點選欄位標題排序。", "Amounts in NT$ thousand. Click a column heading to sort.")}</caption>
                        <thead><tr>
                            {header(Col::Number, "編號", "No.", false)}
                            {header(Col::Name, "計畫名稱", "Programme", false)}
                            {header(Col::Budget, "預算", "Budget", true)}
                            {header(Col::Share, "占比", "Share", true)}
                            {header(Col::Central, "中央補助款", "Central subsidy", true)}
                            {header(Col::Special, "特種基金", "Special funds", true)}
                            {header(Col::City, "市總預算", "City budget", true)}
                            {header(Col::Goal, "目標", "Goal", false)}
                        </tr></thead>
                        <tbody>
                            // Keyed: rows still shown after a keystroke or a sort keep their DOM.
                            <For each=move || visible.with(|v| v.iter().skip(page.get() * PAGE).take(PAGE).map(|&i| all[i].clone()).collect::<Vec<_>>()) key=|r| r.number let:r>
                                <tr>
                                    <td>{r.number}</td>
                                    <th scope="row"><A href=crate::app::href(&format!("/programme/{}", r.number))>{r.name}</A></th>
                                    <td class="num">{r.budget.fmt_thousands()}</td>
                                    <td class="num">{format!("{}%", r.share)}</td>
                                    <td class="num">{r.central.fmt_thousands()}</td>
                                    <td class="num">{r.special.fmt_thousands()}</td>
                                    <td class="num">{r.city.fmt_thousands()}</td>
                                    <td>{r.goal.map(|g| lang.goal_label(g)).unwrap_or_else(|| lang.pick("未連結", "Unlinked").to_string())}</td>
                                </tr>
                            </For>
                        </tbody>
                        <tfoot>{totals_row}</tfoot>
                    </table>
                </div>
            </section>
        }
    }
}

/// "Rows 1–100 of 10,000" with previous and next; hidden when everything fits on a page.
#[component]
fn Pager(lang: Lang, page: RwSignal<usize>, count: Signal<usize>) -> impl IntoView {
    let pages = move || count.get().div_ceil(PAGE).max(1);
    move || {
        let (n, p) = (count.get(), page.get().min(pages() - 1));
        (n > PAGE).then(|| {
            let (from, to) = (p * PAGE + 1, ((p + 1) * PAGE).min(n));
            view! {
                <nav class="pager" aria-label=lang.pick("分頁", "Pages")>
                    <button type="button" disabled=p == 0 on:click=move |_| page.update(|x| *x = x.saturating_sub(1))>{lang.pick("← 上一頁", "← Previous")}</button>
                    <span role="status" data-testid="pager">{match lang {
                        Lang::Zh => format!("第 {from}–{to} 項，共 {n} 項"),
                        Lang::En => format!("Rows {from}–{to} of {n}"),
                    }}</span>
                    <button type="button" disabled=p + 1 >= pages() on:click=move |_| page.update(|x| *x += 1)>{lang.pick("下一頁 →", "Next →")}</button>
                </nav>
            }
        })
    }
}
