//! A CSV's columns mapped to a plan: which columns are the classification levels
//! (款/項/目…, outermost first), which is the name, which the amount, and its unit. The
//! guess from the headers is a start; every change re-reads the table at once, and the
//! report below shows the result (leaf lines become programmes).

use super::report::{Report, Save};
use crate::i18n::Lang;
use leptos::prelude::*;
use plan_core::budget_csv::{self, Table, Unit};
use std::sync::Arc;

/// Rows shown in the preview of the raw table.
const PREVIEW_ROWS: usize = 5;

#[component]
pub fn MapColumns(lang: Lang, table: Arc<Table>) -> impl IntoView {
    if budget_csv::is_export_csv(&table) {
        let parsed = Arc::new(budget_csv::from_export(&table));
        return view! {
            <p>{lang.pick("這是本站匯出的計畫 CSV。", "This is a programmes CSV exported by this site.")}</p>
            <Report lang=lang parsed=parsed save=Save::PlanJson/>
        }
        .into_any();
    }
    let mapping = RwSignal::new(budget_csv::guess_mapping(&table));
    let t = table.clone();
    let headers = table.headers.clone();
    let options = move |selected: Option<usize>| {
        headers.iter().enumerate().map(|(i, h)| view! { <option value=i.to_string() selected=selected == Some(i)>{h.clone()}</option> }).collect_view()
    };
    let levels = (0..table.headers.len()).map(|i| {
        let id = format!("level-{i}");
        let label = table.headers[i].clone();
        view! {
            <span class="check">
                <input type="checkbox" id=id.clone() prop:checked=move || mapping.with(|m| m.levels.contains(&i)) on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    mapping.update(|m| {
                        m.levels.retain(|l| *l != i);
                        if on { m.levels.push(i); m.levels.sort_unstable(); }
                    });
                }/>
                <label for=id>{label}</label>
            </span>
        }
    }).collect_view();
    let pick = |value: String| value.parse::<usize>().ok();
    let preview = table.rows.iter().take(PREVIEW_ROWS).map(|r| view! {
        <tr><td>{r.line}</td>{r.cells.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr>
    }).collect_view();
    let (opts_name, opts_amount) = (options.clone(), options);
    view! {
        <section class="mapping" data-testid="mapping">
            <h2>{lang.pick("對應欄位", "Map the columns")}</h2>
            <p>{match lang {
                Lang::Zh => format!("共 {} 列、{} 欄。最末層（沒有下層的列）會成為計畫。", table.rows.len(), table.headers.len()),
                Lang::En => format!("{} rows, {} columns. The leaf lines (rows with nothing below them) become programmes.", table.rows.len(), table.headers.len()),
            }}</p>
            <fieldset>
                <legend>{lang.pick("分類層級（由大到小）", "Classification levels (outermost first)")}</legend>
                {levels}
            </fieldset>
            <label for="map-name">{lang.pick("名稱欄", "Name column")}</label>
            <select id="map-name" on:change=move |ev| mapping.update(|m| m.name = pick(event_target_value(&ev)))>
                <option value="">{lang.pick("（用最末層）", "(use the last level)")}</option>
                {move || opts_name(mapping.with(|m| m.name))}
            </select>
            <label for="map-amount">{lang.pick("金額欄", "Amount column")}</label>
            <select id="map-amount" on:change=move |ev| mapping.update(|m| m.amount = pick(event_target_value(&ev)))>
                <option value="">{lang.pick("（請選擇）", "(choose)")}</option>
                {move || opts_amount(mapping.with(|m| m.amount))}
            </select>
            <fieldset class="unit">
                <legend>{lang.pick("金額單位", "Unit of the amounts")}</legend>
                <input type="radio" id="unit-yuan" name="unit" prop:checked=move || mapping.with(|m| m.unit == Unit::Yuan) on:change=move |_| mapping.update(|m| m.unit = Unit::Yuan)/>
                <label for="unit-yuan">{lang.pick("元", "NT$ (元)")}</label>
                <input type="radio" id="unit-thousand" name="unit" prop:checked=move || mapping.with(|m| m.unit == Unit::Thousand) on:change=move |_| mapping.update(|m| m.unit = Unit::Thousand)/>
                <label for="unit-thousand">{lang.pick("千元", "NT$ thousand (千元)")}</label>
            </fieldset>
            <div class="table-scroll">
                <table class="raw">
                    <caption>{lang.pick("原始資料（前幾列）", "The table as read (first rows)")}</caption>
                    <thead><tr><th scope="col">{lang.pick("行", "Line")}</th>{table.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
                    <tbody>{preview}</tbody>
                </table>
            </div>
        </section>
        {move || {
            let parsed = Arc::new(budget_csv::to_plan(&t, &mapping.get(), ""));
            view! { <Report lang=lang parsed=parsed save=Save::PlanJson/> }
        }}
    }
    .into_any()
}
