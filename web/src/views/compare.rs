//! Compare two plans (two years of one bureau, or two bureaus): totals, programmes matched
//! by name with their change, programmes only in one, the funding mix, and which goals and
//! strategies were added, dropped or reworded — as a chart and as tables. `plan_core::compare`
//! does the matching and the arithmetic. The pair is in the address: `/compare?a=seed&b=<id>`.

use crate::components::chart_item::{ChartItem, ChartSvg};
use crate::i18n::Lang;
use crate::routes::Page;
use crate::state::{use_ui, Data};
use crate::store::library::BUNDLED;
use crate::store::use_store;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use plan_core::compare::{compare, Change, Comparison, TextChange, TextStatus};
use plan_core::geometry::{bars::stacked, svg_number, Rect};
use plan_core::Money;
use rust_decimal::Decimal;

#[component]
pub fn ComparePage() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let query = use_query_map();
    let navigate = use_navigate();
    let pick = move |which: &'static str, value: String| {
        let q = query.get_untracked();
        let (mut a, mut b) = (q.get("a").unwrap_or_else(|| BUNDLED.into()), q.get("b").unwrap_or_default());
        if which == "a" {
            a = value
        } else {
            b = value
        }
        navigate(&format!("{}?a={a}&b={b}", Page::Compare.path()), Default::default());
    };
    // The last comparison, by pair: switching the language re-renders the page, not the matching.
    let last = StoredValue::new(None::<((String, String), std::sync::Arc<Comparison>)>);
    let compared = move |(a, b): (&Data, &Data)| {
        let key = (a.id.to_string(), b.id.to_string());
        if let Some(cmp) = last.with_value(|l| l.as_ref().filter(|(k, _)| *k == key).map(|(_, c)| c.clone())) {
            return cmp;
        }
        let cmp = std::sync::Arc::new(compare(&a.plan, &b.plan));
        last.set_value(Some((key, cmp.clone())));
        cmp
    };
    move || {
        let lang = ui.lang.get();
        let q = query.get();
        let a = q.get("a").unwrap_or_else(|| BUNDLED.to_string());
        let b = q.get("b").unwrap_or_default();
        let mut choices = vec![(BUNDLED.to_string(), Data::bundled(None).name.to_string())];
        choices.extend(store.plans().unwrap_or_default().into_iter().filter(|p| !p.deleted).map(|p| (p.id, p.name)));
        let select = |which: &'static str, current: &str, label: &'static str| {
            let pick = pick.clone();
            let id = format!("compare-{which}");
            view! {
                <label for=id.clone()>{label}</label>
                <select id=id on:change=move |ev| pick(which, event_target_value(&ev))>
                    <option value="">{lang.pick("（請選擇）", "(choose)")}</option>
                    {choices.iter().map(|(id, name)| view! { <option value=id.clone() selected=id == current>{name.clone()}</option> }).collect_view()}
                </select>
            }
        };
        let body = match (Data::by_id(&a, None), (!b.is_empty()).then(|| Data::by_id(&b, None))) {
            (None, _) | (_, Some(None)) => view! { <p role="status">{lang.pick("正在讀取計畫…", "Reading the plan…")}</p> }.into_any(),
            (Some(Ok(da)), Some(Some(Ok(db)))) => view! { <Report lang=lang a=da.clone() b=db.clone() cmp=compared((&da, &db))/> }.into_any(),
            (Some(Err(e)), _) | (_, Some(Some(Err(e)))) => view! { <p class="diag error" role="alert">{e}</p> }.into_any(),
            (Some(Ok(_)), None) => view! { <p>{lang.pick("請選擇要比較的第二份計畫。可先到「匯入」加入另一年度或其他機關的計畫。", "Choose a second plan. Import another year's or another agency's plan first if you have none.")}</p> }.into_any(),
        };
        view! {
            <section class="page compare">
                <h1>{lang.pick("比較兩份計畫", "Compare two plans")}</h1>
                <div class="pickers">
                    {select("a", &a, lang.pick("計畫 A", "Plan A"))}
                    {select("b", &b, lang.pick("計畫 B", "Plan B"))}
                </div>
                {body}
            </section>
        }
    }
}

/// A percentage or percentage-point change as people write it: `+16.04`, `-3.10`, `0`.
fn signed(d: Decimal) -> String {
    format!("{}{d}", if d > Decimal::ZERO { "+" } else { "" })
}

fn change_text(lang: Lang, c: &Change) -> String {
    let pct = c.percent.map(|p| format!(" ({}%)", signed(p))).unwrap_or_default();
    format!("{}{pct}", lang.money_change(c.amount))
}

#[component]
fn Report(lang: Lang, a: Data, b: Data, cmp: std::sync::Arc<Comparison>) -> impl IntoView {
    let name_a = |n: u32| a.plan.programme(n).map(|p| p.name.clone()).unwrap_or_default();
    let name_b = |n: u32| b.plan.programme(n).map(|p| p.name.clone()).unwrap_or_default();
    let matched = cmp
        .matched
        .iter()
        .map(|m| {
            view! {
                <tr>
                    <th scope="row">{name_a(m.a)}</th>
                    <td>{name_b(m.b)}</td>
                    <td class="num">{m.budget_a.fmt_thousands()}</td>
                    <td class="num">{m.budget_b.fmt_thousands()}</td>
                    <td class="num" data-testid="compare-change">{change_text(lang, &m.change)}</td>
                    <td class="num">{m.similarity.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    let only = |nums: &[u32], data: &Data| {
        if nums.is_empty() {
            return view! { <li>{lang.pick("沒有", "None")}</li> }.into_any();
        }
        nums.iter().filter_map(|n| data.plan.programme(*n)).map(|p| view! { <li>{p.name.clone()}" "{lang.money(p.budget)}</li> }).collect_view().into_any()
    };
    let funding = cmp
        .funding
        .iter()
        .map(|k| {
            view! {
                <tr>
                    <th scope="row">{lang.kind(k.kind)}</th>
                    <td class="num">{k.a.fmt_thousands()}</td><td class="num">{format!("{}%", k.share_a)}</td>
                    <td class="num">{k.b.fmt_thousands()}</td><td class="num">{format!("{}%", k.share_b)}</td>
                    <td class="num">{signed(k.points)}</td>
                </tr>
            }
        })
        .collect_view();
    let chart = pair_chart(lang, &cmp, &name_a);
    view! {
        <dl class="facts" data-testid="compare-totals">
            <div><dt>{format!("A · {}", a.name)}</dt><dd>{lang.money(cmp.total_a)}</dd></div>
            <div><dt>{format!("B · {}", b.name)}</dt><dd>{lang.money(cmp.total_b)}</dd></div>
            <div><dt>{lang.pick("增減", "Change")}</dt><dd data-testid="compare-total-change">{change_text(lang, &cmp.total_change)}</dd></div>
        </dl>
        {chart}
        <crate::components::downloads::ChartDownloads lang=lang selector="#compare-chart svg" name="compare"/>
        <div class="table-scroll">
            <table data-testid="compare-matched">
                <caption>{lang.pick("名稱相近而配對的計畫", "Programmes matched by name")}</caption>
                <thead><tr>
                    <th scope="col">{lang.pick("計畫（A）", "Programme (A)")}</th><th scope="col">{lang.pick("計畫（B）", "Programme (B)")}</th>
                    <th scope="col" class="num">{lang.pick("A（千元）", "A (NT$ thousand)")}</th><th scope="col" class="num">{lang.pick("B（千元）", "B (NT$ thousand)")}</th>
                    <th scope="col" class="num">{lang.pick("增減", "Change")}</th><th scope="col" class="num">{lang.pick("名稱相似度", "Name similarity")}</th>
                </tr></thead>
                <tbody>{matched}</tbody>
            </table>
        </div>
        <div class="two-col">
            <section data-testid="compare-only-a"><h2>{lang.pick("只在 A 的計畫", "Only in A")}</h2><ul>{only(&cmp.only_a, &a)}</ul></section>
            <section data-testid="compare-only-b"><h2>{lang.pick("只在 B 的計畫", "Only in B")}</h2><ul>{only(&cmp.only_b, &b)}</ul></section>
        </div>
        <div class="table-scroll"><table data-testid="compare-funding">
            <caption>{lang.pick("經費來源的變化", "Change in the funding mix")}</caption>
            <thead><tr>
                <th scope="col">{lang.pick("類別", "Kind")}</th>
                <th scope="col" class="num">"A"</th><th scope="col" class="num">{lang.pick("A 占比", "A share")}</th>
                <th scope="col" class="num">"B"</th><th scope="col" class="num">{lang.pick("B 占比", "B share")}</th>
                <th scope="col" class="num">{lang.pick("百分點", "Points")}</th>
            </tr></thead>
            <tbody>{funding}</tbody>
        </table></div>
        <TextChanges lang=lang title=lang.pick("目標的變化", "Goals") changes=cmp.goals.clone()/>
        <TextChanges lang=lang title=lang.pick("策略的變化", "Strategies") changes=cmp.strategies.clone()/>
    }
}

/// Each matched programme as two bars on one scale (A above B), largest change first;
/// each pair is one focusable element whose name says all its figures.
fn pair_chart(lang: Lang, cmp: &Comparison, name_a: &dyn Fn(u32) -> String) -> impl IntoView {
    const W: f64 = 640.0;
    const LABEL: f64 = 200.0;
    const ROW: f64 = 34.0;
    let rows: Vec<Vec<Money>> = cmp.matched.iter().flat_map(|m| [vec![m.budget_a], vec![m.budget_b]]).collect();
    let h = ROW * cmp.matched.len() as f64;
    let rects = stacked(&rows, Rect::new(LABEL, 0.0, W - LABEL - 90.0, h), true, 2.0);
    let items = cmp.matched.iter().enumerate().map(|(i, m)| {
        let name = name_a(m.a);
        let label = format!("{name}：A {} → B {}（{}）", m.budget_a.fmt_thousands(), m.budget_b.fmt_thousands(), change_text(lang, &m.change));
        let (ra, rb) = (rects.get(2 * i).and_then(|r| r.first()).copied(), rects.get(2 * i + 1).and_then(|r| r.first()).copied());
        let y = i as f64 * ROW;
        view! {
            <ChartItem class="pair".to_string() label=label item=i.to_string() target=None>
                {ra.map(|r| view! { <rect class="a" x=svg_number(r.x) y=svg_number(r.y) width=svg_number(r.w.max(0.5)) height=svg_number(r.h)/> })}
                {rb.map(|r| view! { <rect class="b" x=svg_number(r.x) y=svg_number(r.y) width=svg_number(r.w.max(0.5)) height=svg_number(r.h)/> })}
            </ChartItem>
            <text aria-hidden="true" x=svg_number(LABEL - 6.0) y=svg_number(y + ROW / 2.0) text-anchor="end" dominant-baseline="middle">{crate::components::names::truncate(&name, 14)}</text>
            <text aria-hidden="true" x=svg_number(W - 85.0) y=svg_number(y + ROW / 2.0) dominant-baseline="middle">{m.change.percent.map(|p| format!("{p}%")).unwrap_or_else(|| "—".into())}</text>
        }
    }).collect_view();
    view! {
        <figure class="pair-chart" id="compare-chart">
            <ChartSvg class=String::new() view_box=format!("0 0 {} {}", svg_number(W), svg_number(h.max(1.0))) label=lang.pick("配對計畫的預算：A（上）與 B（下）", "Matched programmes' budgets: A (upper bar) and B (lower bar)")>
                {items}
            </ChartSvg>
            <figcaption>{lang.pick("每列上方為 A、下方為 B；右側為增減百分比。下表列出完整數字。", "In each row the upper bar is A and the lower B; the right column is the change in percent. The table below has every figure.")}</figcaption>
        </figure>
    }
}

/// Goals or strategies that were added, dropped or reworded; `heads` name the two documents'
/// columns. Also on /changes, when another year's plan stands for last year.
#[component]
pub fn TextChanges(lang: Lang, title: &'static str, changes: Vec<TextChange>, #[prop(optional)] heads: Option<[&'static str; 2]>) -> impl IntoView {
    let [head_a, head_b] = heads.unwrap_or(["A", "B"]);
    let status = move |s: &TextStatus| match s {
        TextStatus::Same => lang.pick("相同", "same"),
        TextStatus::Reworded => lang.pick("改寫", "reworded"),
        TextStatus::Added => lang.pick("新增", "added"),
        TextStatus::Dropped => lang.pick("刪除", "dropped"),
    };
    let same = changes.iter().filter(|c| c.status == TextStatus::Same).count();
    let rows = changes
        .into_iter()
        .filter(|c| c.status != TextStatus::Same)
        .map(|c| {
            view! {
                <tr>
                    <td>{status(&c.status)}</td>
                    // Each already reads "2.3 name".
                    <td>{c.a.unwrap_or_default()}</td>
                    <td>{c.b.unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll"><table class="text-changes">
            <caption>{title}</caption>
            <thead><tr><th scope="col">{lang.pick("變化", "Change")}</th><th scope="col">{head_a}</th><th scope="col">{head_b}</th></tr></thead>
            <tbody>{rows}</tbody>
            <tfoot><tr><td colspan="3">{match lang {
                Lang::Zh => format!("其餘 {same} 項相同。"),
                Lang::En => format!("{same} unchanged."),
            }}</td></tr></tfoot>
        </table></div>
    }
}
